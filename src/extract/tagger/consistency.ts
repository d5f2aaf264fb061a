// One type per name within a cable: the tagger's mentions of the same words given the type most of them have.
import type { EntityType, Mention } from '../../model';

/** A mention's name with case, full stops and spacing folded ("U.S." and "US", "SOUTHCOM" and "Southcom"). */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
}

/**
 * Gives every mention of the same name in one cable the type most of its mentions were tagged with
 * (ties keep each mention's own type). The tagger decides each occurrence from two words either
 * side, so a name the text settles in one sentence ("Minister Abutbul") can be read as another type
 * in a heading or a list; a cable almost never uses one name for two kinds of thing (in the
 * annotated set, 7 of 19,269 cable-level surface forms), and two types give one entity twice.
 * Mentions are changed in place; returns how many changed type.
 */
export function harmonizeTypes(mentions: Mention[]): number {
  if (mentions.length < 2) return 0;
  const votes = new Map<string, Record<EntityType, number>>();
  // (each mention's votes, so that its name is folded once)
  const voted = mentions.map((m) => {
    const k = nameKey(m.text);
    let v = votes.get(k);
    if (!v) votes.set(k, (v = { PERSON: 0, ORGANIZATION: 0, PLACE: 0 }));
    v[m.type]++;
    return v;
  });
  let changed = 0;
  for (const [i, m] of mentions.entries()) {
    const v = voted[i];
    let best: EntityType = m.type;
    for (const t of ['PERSON', 'ORGANIZATION', 'PLACE'] as const) if (v[t] > v[best]) best = t;
    if (best !== m.type) {
      m.type = best;
      changed++;
    }
  }
  return changed;
}
