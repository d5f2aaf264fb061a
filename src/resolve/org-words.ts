// The words an organization's name is made of, in any order: "Defense Department" and "Department of Defence" are one body.
import { BoundedMemo } from '../common/memo';
import { countryName, demonymCountry } from './canonical';

/** Words that do not tell two names of one body apart ("Ministry of the Interior", "Ministry of Foreign Affairs"). */
const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'affairs', 's']);
/** British spellings as the American ones ("Department of Defence", "Labour Party"). */
const SPELLING: Record<string, string> = {
  defence: 'defense',
  labour: 'labor',
  centre: 'center',
  programme: 'program',
  organisation: 'organization',
};

/**
 * The content words of an organization's name, sorted, with a nationality adjective read as its
 * country and the cable-country qualifier of a generic institution as a word ("Pakistani Army",
 * "Pakistan Army" and "Army (Pakistan)" → "army pakistan"; "Pakistan Defense Ministry" and
 * "Ministry of Defense (Pakistan)" → "defense ministry pakistan"). Undefined for a name of fewer
 * than two such words, which says too little to join on.
 */
export function orgWordKey(display: string): string | undefined {
  const words = orgWords(display);
  return words.includes(' ') ? words : undefined;
}

/**
 * The content words of an organization's name (`orgWordKey`'s words, one word too), sorted, each
 * once, joined by spaces ('' for none).
 */
export function orgWords(display: string): string {
  // names repeat across cables: each is read once
  let words = WORDS.get(display);
  if (words === undefined) {
    words = readWords(display);
    WORDS.set(display, words);
  }
  return words;
}
const WORDS = new BoundedMemo<string>(100_000);

/** A plural read as its singular ("Forces", "Houthis", "Tories"), so that a name and its plural are one. */
function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function readWords(display: string): string {
  const words = display
    .replace(/\bU\.S\.(?:A\.)?/g, 'US')
    .replace(/\bU\.K\./g, 'UK')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !FUNCTION_WORDS.has(w))
    .map((w) => {
      const cc = demonymCountry(w);
      const country = cc === undefined ? undefined : countryName(cc)?.toLowerCase();
      return country ?? SPELLING[w] ?? singular(w);
    });
  return [...new Set(words.join(' ').split(' '))]
    .filter((w) => w)
    .sort()
    .join(' ');
}
