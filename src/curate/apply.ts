// Decisions applied to automatic resolution's entities (merge, split, rename, retype, reject, alias, undo).
import { aliasText, entityId, normalizeName, type CableEntity, type Entity } from '../resolve';
import type { Decision, EntityType, Mention, SplitDecision } from '../model';

/** One surface form of one cable and the entity it currently belongs to. */
interface Assignment {
  cable: number;
  surface: string;
  /** The type the mentions were extracted (and are matched) with. */
  mentionType: EntityType;
  id: string;
  count: number;
}

/**
 * The decisions that take effect: those not undone; a split without cables or aliases cancels
 * the earlier merges into its entity (and is itself nothing more).
 */
export function effectiveDecisions(decisions: readonly Decision[]): Decision[] {
  const cancelled = new Set<number>();
  for (const d of [...decisions].reverse()) {
    if (cancelled.has(d.seq)) continue;
    if (d.op === 'undo') cancelled.add(d.decision);
  }
  const live = decisions.filter((d) => !cancelled.has(d.seq) && d.op !== 'undo');
  for (const d of live) {
    if (d.op !== 'split' || d.cables || d.aliases) continue;
    for (const m of live) if (m.seq < d.seq && m.op === 'merge' && m.into === d.id) cancelled.add(m.seq);
  }
  return live.filter((d) => !cancelled.has(d.seq) && !(d.op === 'split' && !d.cables && !d.aliases));
}

/** The id of the entity a split creates: derived from its name, and unique to the decision. */
export function splitId(type: EntityType, name: string, decision: Pick<SplitDecision, 'seq'>): string {
  return `${entityId(type, name)}-s${decision.seq}`;
}

const ID_ORDER = new Intl.Collator();
const properName = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Applies curation decisions to a resolution: automatic resolution runs first, exactly as
 * without curation, and the decisions then move surface forms between entities. So taking a
 * decision back (undo, or a split of a merge) gives back exactly the original entities — and,
 * the graph being built from this, the original edges and weights.
 */
export function applyCuration(
  resolved: { entities: Entity[]; perCable: CableEntity[][] },
  cables: ReadonlyArray<{ id: string }>,
  mentions: ReadonlyArray<readonly Mention[]>,
  decisions: readonly Decision[],
): { entities: Entity[]; perCable: CableEntity[][] } {
  const live = effectiveDecisions(decisions);
  if (live.length === 0) return resolved;
  const original = new Map(resolved.entities.map((e) => [e.id, e]));
  const assignments: Assignment[] = [];
  resolved.perCable.forEach((list, i) => {
    // How often each surface occurs: as resolution counted it for this entity (so an entity no
    // decision touches keeps resolution's alias counts); else its occurrences in the cable.
    const counts = new Map<string, number>();
    for (const m of mentions[i] ?? []) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    for (const ce of list)
      ce.mentions.forEach((surface, j) =>
        assignments.push({
          cable: i,
          surface,
          mentionType: ce.type,
          id: ce.id,
          count: ce.counts?.[j] ?? counts.get(surface) ?? 1,
        }),
      );
  });

  const names = new Map<string, string>();
  const types = new Map<string, EntityType>();
  const typeOf = (id: string): EntityType | undefined => types.get(id) ?? original.get(id)?.type;
  const alive = (id: string): boolean => assignments.some((a) => a.id === id);
  for (const d of live) {
    switch (d.op) {
      case 'merge': {
        const ids = new Set(d.ids);
        for (const a of assignments) if (ids.has(a.id)) a.id = d.into;
        if (d.name) names.set(d.into, properName(d.name));
        break;
      }
      case 'split': {
        const cableSet = new Set(d.cables ?? []);
        const aliasSet = new Set((d.aliases ?? []).map(normalizeName));
        const moved = assignments.filter(
          (a) =>
            a.id === d.id && (d.cables ? cableSet.has(cables[a.cable].id) : aliasSet.has(normalizeName(a.surface))),
        );
        if (moved.length === 0) break;
        const type = typeOf(d.id) ?? moved[0].mentionType;
        const frequent = [...moved].sort((x, y) => y.count - x.count || (x.surface < y.surface ? -1 : 1))[0].surface;
        const name = properName(d.name ?? frequent);
        const id = splitId(type, name, d);
        for (const a of moved) a.id = id;
        names.set(id, name);
        types.set(id, type);
        break;
      }
      case 'rename':
        names.set(d.id, properName(d.name));
        break;
      case 'retype':
        types.set(d.id, d.type);
        break;
      case 'reject': {
        const alias = d.alias === undefined ? undefined : normalizeName(d.alias);
        for (let k = assignments.length - 1; k >= 0; k -= 1) {
          const a = assignments[k];
          if (a.id === d.id && (alias === undefined || normalizeName(a.surface) === alias)) assignments.splice(k, 1);
        }
        break;
      }
      case 'alias': {
        if (!alive(d.id)) break;
        const alias = normalizeName(d.alias);
        for (const a of assignments) if (normalizeName(a.surface) === alias) a.id = d.id;
        break;
      }
    }
  }

  // Entities again from the assignments: aliases with counts, cables in order, name and type.
  const entities = new Map<string, Entity>();
  const perCable: CableEntity[][] = cables.map(() => []);
  for (const a of assignments) {
    let e = entities.get(a.id);
    if (!e) {
      const base = original.get(a.id);
      e = {
        id: a.id,
        type: typeOf(a.id) ?? a.mentionType,
        name: names.get(a.id) ?? base?.name ?? a.surface,
        aliases: [],
        cables: [],
      };
      entities.set(a.id, e);
    }
    const listed = aliasText(a.surface);
    const alias = e.aliases.find((x) => x.text === listed);
    if (alias) alias.count += a.count;
    else e.aliases.push({ text: listed, count: a.count });
    const cableId = cables[a.cable].id;
    if (!e.cables.includes(cableId)) e.cables.push(cableId);
    // One CableEntity per (entity, mention type): the graph matches mentions by type and surface.
    const list = perCable[a.cable];
    let ce = list.find((x) => x.id === a.id && x.type === a.mentionType);
    if (!ce) list.push((ce = { type: a.mentionType, name: '', id: a.id, mentions: [] }));
    if (!ce.mentions.includes(a.surface)) ce.mentions.push(a.surface);
  }
  for (const list of perCable) for (const ce of list) ce.name = entities.get(ce.id)!.name;
  const order = new Map(cables.map((c, i) => [c.id, i]));
  for (const e of entities.values()) {
    e.aliases.sort((x, y) => y.count - x.count || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
    e.cables.sort((x, y) => order.get(x)! - order.get(y)!);
  }
  // The order resolve gives (localeCompare of ids): with no change, the very same graph.
  return { entities: [...entities.values()].sort((x, y) => ID_ORDER.compare(x.id, y.id)), perCable };
}
