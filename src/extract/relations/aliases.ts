// A person's initials the cable defines and then uses as the name: "Ahmed Wali Karzai (AWK) … AWK said".
/** A person's initials the cable defines and then uses as the name: "Ahmed Wali Karzai (AWK) … AWK said". */
import type { Mention } from '../../model';

/** A defined short form, with the mention that defines it. */
export interface PersonAlias {
  alias: string;
  person: Mention;
  /** Where the definition "(AWK)" ends: the uses come after it. */
  end: number;
}

/** "(AWK)", "(MbZ)" right after a name: a person's short form (the meeting reader skips it between names too). */
export const SHORT_FORM = /^\s*\(([A-Z][A-Za-z]{1,4})\)/;

/**
 * Whether `alias` is the name's initials: its letters in order among the initials of the name's words, the first
 * from the first word ("Mohammed bin Zayed al Nahyan" → MBZ, "Ahmed Wali Karzai" → AWK), and not one word alone.
 */
export function initialsOf(name: string, alias: string): boolean {
  const initials = name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0].toLowerCase());
  const letters = alias.toLowerCase();
  if (initials.length < 2 || letters.length < 2 || letters[0] !== initials[0]) return false;
  let k = 1;
  for (let i = 1; i < initials.length && k < letters.length; i += 1) if (initials[i] === letters[k]) k += 1;
  return k === letters.length;
}

/** The short forms the text defines for people ("Ahmed Wali Karzai (AWK)"), first definition of each. */
export function personAliases(text: string, persons: Mention[]): PersonAlias[] {
  const out: PersonAlias[] = [];
  for (const p of persons) {
    const m = SHORT_FORM.exec(text.slice(p.end, p.end + 12));
    if (!m || out.some((a) => a.alias === m[1])) continue;
    if (initialsOf(p.text, m[1])) out.push({ alias: m[1], person: p, end: p.end + m[0].length });
  }
  return out;
}

/**
 * The persons with each later use of a defined short form as a person mention (the tagger may call "AWK" an
 * organization, or miss it), and the organizations without those uses.
 */
export function withAliases(
  text: string,
  persons: Mention[],
  organizations: Mention[],
  aliases: PersonAlias[],
): { persons: Mention[]; organizations: Mention[] } {
  if (aliases.length === 0) return { persons, organizations };
  const added: Mention[] = [];
  for (const { alias, end: from } of aliases) {
    const re = new RegExp(`\\b${alias}\\b`, 'g');
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + alias.length;
      if (persons.some((p) => p.start < end && p.end > start)) continue;
      added.push({ type: 'PERSON', text: alias, start, end });
    }
  }
  const isAlias = (o: Mention) => added.some((a) => a.start === o.start && a.end === o.end);
  return {
    persons: [...persons, ...added].sort((a, b) => a.start - b.start),
    organizations: organizations.filter((o) => !isAlias(o)),
  };
}
