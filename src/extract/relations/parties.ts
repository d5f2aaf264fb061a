// Telling the parties of meetings apart: the same officer role, or the same person by entity or surname.
import type { Party } from './types';

/** The parties, each once (the first of those that are the same party). */
export function distinctParties(parties: Party[]): Party[] {
  return parties.filter((p, i) => parties.findIndex((q) => sameParty(p, q)) === i);
}

/**
 * Whether two parties are one: officers of the same role, or people of the same entity (by
 * surname when either was not resolved: a sentence's "Kubiske" is the paragraph's "Liliana Ayalde Kubiske").
 */
export function sameParty(a: Party, b: Party): boolean {
  if (a.kind === 'officer' && b.kind === 'officer') return a.role === b.role;
  if (a.kind === 'person' && b.kind === 'person') return samePerson(a, b);
  return false;
}

/** A person as parties and roles name one. */
interface PersonRef {
  name?: string;
  text: string;
  entityId?: string;
}

/** The same entity, or, when either was not resolved, the same surname. */
export function samePerson(a: PersonRef, b: PersonRef): boolean {
  if (a.entityId && b.entityId) return a.entityId === b.entityId;
  return surname(a) === surname(b);
}

function surname(p: PersonRef): string | undefined {
  return (p.name ?? p.text).split(/\s+/).pop()?.toLowerCase();
}
