// Lists of people one a line ("Participants:" blocks): each line is its own title and name.
/**
 * A cable's participant list writes one person a line, often under a line naming their country:
 *
 *     Pakistan
 *     President Ali Asif Zardari
 *     Defense Minister Chaudhry Ahmed Mukhtar
 *
 * The sentence splitter joins such lines into one "sentence", so a title read back from a name would run into the line
 * before ("… Zardari Defense Minister"). listLineOf bounds the name's title by its line and gives the block's country.
 */
import { countryOf } from './text';
import { isTitleWord, mayStartTitle } from './titles';

/** The line of a list a name stands on: where it starts and ends, and the country the list's block is headed by. */
export interface ListLine {
  start: number;
  end: number;
  country?: string;
}

/** Lines of a list are short: a title, a name and perhaps ", <office>, <organization>". */
const MAX_WORDS = 7;
const MAX_CHARS = 56;
/** The words before the name on its line: a title's, capitalized but for its connectors ("Chief of Staff"). */
const TITLE_WORDS_ONLY = /^[A-Z][\w.'’/&-]*(?:\s+(?:[A-Z][\w.'’/&-]*|of|for|the|and|de|du))*$/;
/** Blocks are read back at most this many lines for their country heading. */
const MAX_BLOCK_LINES = 30;

const wordsOf = (line: string): string[] => line.split(/\s+/).filter((w) => w.length > 0);
const isShort = (line: string): boolean => line.length <= MAX_CHARS && wordsOf(line).length <= MAX_WORDS;

/** The line [start, end) of text holding offset, without its line break. */
function lineAround(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl < 0 ? text.length : nl };
}

/** A line naming a country alone ("United States", "Pakistan:", "15. (C) Syrian Participants:"): the heading of the people under it. */
function headingCountry(line: string): string | undefined {
  const bare = line
    .replace(/^\d+\.\s*(?:\([A-Z/]+\)\s*)?/, '')
    .replace(/[:\-–]+$/, '')
    .replace(/\s+(?:side|delegation|participants|attendees)$/i, '')
    .trim();
  return wordsOf(bare).length <= 3 ? countryOf(bare) : undefined;
}

/**
 * The list line the name `[start, end)` stands on, when it is one: the name ends its line (or is followed by ", …"),
 * a few words (its title) come before it on the line, the line is short, and so is the line before (a list's line,
 * its heading, or a blank), which does not end in a word a title would run on from ("… Deputy" / "Foreign Minister X").
 * Wrapped prose lines are longer, so a name that happens to end a line of prose is not read as a list's.
 */
export function listLineOf(text: string, start: number, end: number): ListLine | undefined {
  const line = lineAround(text, start);
  if (end > line.end) return undefined; // a name broken across lines is prose's
  const before = text.slice(line.start, start).trim();
  const after = text.slice(end, line.end).trim();
  if (!TITLE_WORDS_ONLY.test(before) || (after.length > 0 && !after.startsWith(','))) return undefined;
  const whole = text.slice(line.start, line.end).trim();
  if (!isShort(whole) || /[.;:]$/.test(after)) return undefined;
  if (line.start === 0) return { start: line.start, end: line.end };
  const prev = lineAround(text, line.start - 1);
  const prevText = text.slice(prev.start, prev.end).trim();
  if (prevText.length > 0) {
    if (!isShort(prevText)) return undefined;
    const last = prevText.split(/\s+/).pop()!;
    if (isTitleWord(last) || /^(?:of|for|the|and|to|,)$/i.test(last) || /,$/.test(last)) return undefined;
    // a title wrapped onto this line: "Minister of Foreign / Affairs X", "Meeting with Foreign / Minister X"
    if (/\b(?:of|for)\s+(?:the\s+)?[A-Z][\w.'’&-]*$/.test(prevText)) return undefined;
    if (mayStartTitle(last) && !headingCountry(prevText)) return undefined;
  }
  // the block's heading: the nearest line above, within the block's short lines, that names a country alone
  let country: string | undefined;
  let at = line.start;
  for (let n = 0; n < MAX_BLOCK_LINES && at > 0; n += 1) {
    const l = lineAround(text, at - 1);
    const t = text.slice(l.start, l.end).trim();
    at = l.start;
    if (t.length === 0) {
      // a blank line ends the block, unless a heading stands right above it ("U.S. Participants:", a blank, the list)
      const above = at > 0 ? lineAround(text, at - 1) : undefined;
      country = above ? headingCountry(text.slice(above.start, above.end).trim()) : undefined;
      if (country || n > 0) break;
      continue;
    }
    if (!isShort(t)) break;
    country = headingCountry(t);
    if (country) break;
  }
  return { start: line.start, end: line.end, ...(country ? { country } : {}) };
}
