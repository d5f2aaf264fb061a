// Two bodies the tagger read as one organization across "and" ("the Ministry of External Relations and Ministry of Defense").
import { ORG_HEADS } from '../../lexicon/gazetteer';
import type { Mention } from '../../model';
import { keepMention, skipRegions } from '../hygiene';

/** An acronym of capitals ("FCO", "DOD"). */
const ACRONYM = /^[A-Z]{2,6}$/;
/** One-word names of a state's bodies ("Navy", "Congress", "Commission"). */
const BODIES = new Set('navy army congress senate parliament cabinet council commission presidency police'.split(' '));

const capitalized = (words: readonly string[]) =>
  words.every((w) => /^[A-Z]/.test(w) || /^(?:of|for|the|on|de)$/.test(w));
/** Words opened by a head noun ("Ministry of Defense", "Embassy Kabul", "Department of Treasury"). */
const headFirst = (words: readonly string[]) => words.length > 1 && ORG_HEADS.has(words[0].toLowerCase());
/** Words closed by a head noun ("State Department", "Air Force", "Defense Ministry"). */
const headLast = (words: readonly string[]) => words.length > 1 && ORG_HEADS.has(words[words.length - 1].toLowerCase());
/** Head nouns that close a state body's name ("Defense Ministry", "Air Force", "Foreign Office"), unlike "Services", "Committee", "Society". */
const STRONG_HEADS = new Set('ministry department office embassy force forces army navy police'.split(' '));
const strongLast = (words: readonly string[]) =>
  words.length > 1 && STRONG_HEADS.has(words[words.length - 1].toLowerCase());
const single = (words: readonly string[]) =>
  words.length === 1 && (BODIES.has(words[0].toLowerCase()) || ACRONYM.test(words[0]));

/**
 * Whether the words on either side of "and" name two bodies: the left one a body by a head noun at
 * either end, a state's one-word body or an acronym; the right one opened by a head noun, a one-word
 * body, an acronym or closed by a state body's head ("Foreign Ministry", "Air Force") — or by any head
 * noun after a one-word left side ("NDS and Coalition Forces"). Not one body's name: "Justice and Development Party", "Ministry of
 * Economy and Finance", "Department of Health and Human Services", "Union Solidarity and Development
 * Association", "Arab Radio and Television".
 */
function twoBodies(left: readonly string[], right: readonly string[]): boolean {
  if (!capitalized(left) || !capitalized(right)) return false;
  if (!(headFirst(left) || headLast(left) || single(left))) return false;
  return headFirst(right) || single(right) || strongLast(right) || (headLast(right) && single(left));
}

/**
 * Splits an organization at "and" (", and") when the words on each side name a body on their own
 * (`twoBodies`): "State Department and Department of Treasury", "Embassy Islamabad and Embassy Kabul",
 * "Commission and Council", "FCO and Cabinet Office". A part that is no name by itself ("Government"
 * of "Pakistan Military and Government") is left out (`keepMention`). In place, text order kept.
 */
export function splitCoordinatedBodies(text: string, mentions: Mention[]): void {
  let skip: Array<[number, number]> | undefined;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.type !== 'ORGANIZATION') continue;
    const and = /,?\s+and\s+/.exec(m.text);
    if (!and || /\sand\s/.test(m.text.slice(and.index + and[0].length))) continue;
    const left = m.text.slice(0, and.index);
    const right = m.text.slice(and.index + and[0].length);
    if (!twoBodies(left.split(/\s+/), right.split(/\s+/))) continue;
    const a: Mention = { ...m, text: left, end: m.start + left.length };
    const b: Mention = { ...m, text: right, start: m.end - right.length };
    skip ??= skipRegions(text);
    const parts = [a, b].filter((p) => keepMention(text, p, skip!));
    mentions.splice(i, 1, ...parts);
    i += parts.length - 1;
  }
}
