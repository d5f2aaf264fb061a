// Turns what a reader types into the search box (words, "phrases", prefix*, OR, -exclusions) into an FTS5 MATCH expression that cannot be a syntax error.

/** Why a query cannot be searched (answered as a 400). */
export class TextQueryError extends Error {}

interface Term {
  text: string;
  prefix: boolean;
  negated: boolean;
  /** `OR` stood before this term (it joins the previous one instead of AND). */
  or: boolean;
}

/** Every term as an FTS5 string (double quotes, inner quotes doubled): operators and punctuation are text, never syntax. */
const quoted = (t: Term): string => `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`;

/** Whether the term has anything the tokenizer keeps (letters or digits). */
const searchable = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** The terms of a query: "quoted phrases", words (a trailing * searches a prefix, a leading - excludes), OR between terms. */
export function parseTextQuery(q: string): Term[] {
  const terms: Term[] = [];
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  let or = false;
  for (let match = pattern.exec(q); match; match = pattern.exec(q)) {
    if (match[2] !== undefined) {
      if (searchable(match[2])) terms.push({ text: match[2].trim(), prefix: false, negated: match[1] === '-', or });
      or = false;
      continue;
    }
    let word = match[3];
    if (word === 'OR') {
      or = terms.length > 0;
      continue;
    }
    const negated = word.startsWith('-') && word.length > 1;
    if (negated) word = word.slice(1);
    const prefix = word.endsWith('*') && word.length > 1;
    if (prefix) word = word.replace(/\*+$/, '');
    if (searchable(word)) terms.push({ text: word, prefix, negated, or });
    or = false;
  }
  return terms;
}

/**
 * The FTS5 expression of a query: positive terms joined by AND (or OR where the reader wrote
 * it), then `NOT (…)` of the excluded ones. A query with nothing to find is an error.
 */
export function ftsExpression(q: string): string {
  const terms = parseTextQuery(q);
  const positive = terms.filter((t) => !t.negated);
  const negative = terms.filter((t) => t.negated);
  if (positive.length === 0)
    throw new TextQueryError(
      negative.length > 0
        ? 'a search needs at least one word to find, not only words to exclude'
        : 'the query has no words to search for',
    );
  // AND binds tighter than OR in FTS5: "a b OR c" is a AND (b OR c) only with the brackets.
  const groups: Term[][] = [];
  for (const t of positive) {
    if (t.or && groups.length > 0) groups[groups.length - 1].push(t);
    else groups.push([t]);
  }
  const expression = groups
    .map((g) => (g.length === 1 ? quoted(g[0]) : `(${g.map(quoted).join(' OR ')})`))
    .join(' AND ');
  return negative.length === 0 ? expression : `(${expression}) NOT (${negative.map(quoted).join(' OR ')})`;
}

/** Start and end markers snippet() puts around matched words (control characters no cable text holds). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** A snippet with markers → its text and the highlighted spans. */
export function unmark(marked: string): { text: string; highlights: Array<{ start: number; end: number }> } {
  let text = '';
  const highlights: Array<{ start: number; end: number }> = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === MARK_START) start = text.length;
    else if (ch === MARK_END) {
      if (start >= 0 && text.length > start) highlights.push({ start, end: text.length });
      start = -1;
    } else text += ch;
  }
  return { text, highlights };
}
