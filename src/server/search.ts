// Entity search: name tokens and the ranking of exact, prefix and fuzzy matches the API's search answers with.
import { editDistance } from '../common/edit-distance';
import type { SearchCandidate } from './store';
import type { SearchHit } from '../model';

export { editDistance };

const ASCII = /^[ -~]*$/; // printable ASCII

/** Lower case, no diacritics, words of letters and digits: "Kouchner's" → ["kouchner", "s"]. */
export function searchTokens(text: string): string[] {
  // Plain ASCII (most names) needs neither the decomposition nor the Unicode classes: the same
  // words, several times faster (a search tokenizes every name and alias of ~1,000 candidates).
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Rows of the banded distance below, reused from call to call (a search checks tens of thousands of words). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * `editDistance(a, b, limit) <= limit`, without its garbage: the same optimal-string-alignment
 * distance computed only in the band |i − j| ≤ limit (every cell outside it is over the limit),
 * in three reused rows, giving up as soon as a row is over the limit.
 */
export function withinEdits(a: string, b: string, limit: number): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return false;
  if (limit <= 0) return a === b;
  if (rows[0].length < lb + 2) rows = [0, 1, 2].map(() => new Int32Array(2 * (lb + 2)));
  const over = limit + 1;
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= lb; j += 1) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= la; i += 1) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(lb, i + limit);
    current[0] = i <= limit ? i : over;
    if (lo > 1) current[lo - 1] = over;
    let rowMin = i <= limit ? i : over;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, before[j - 2] + 1);
      if (d > over) d = over;
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (hi < lb) current[hi + 1] = over;
    if (rowMin > limit) return false;
    [before, previous, current] = [previous, current, before];
  }
  return previous[lb] <= limit;
}

/** Typos allowed in a query word: none for short words (too many false friends), then 1, then 2. */
export function maxEdits(token: string): number {
  return token.length <= 3 ? 0 : token.length <= 6 ? 1 : 2;
}

type MatchKind = SearchHit['match'];
const RANK: Record<MatchKind, number> = { exact: 0, prefix: 1, fuzzy: 2 };

/**
 * How a name matches the query: `exact` (same words), `prefix` (every query word starts a word of
 * the name: "kouch" → "Bernard Kouchner"), `fuzzy` (every query word is a word of the name within
 * maxEdits typos: "talabny" → "Talabani"), or not at all.
 */
export function matchName(queryTokens: readonly string[], name: string): MatchKind | undefined {
  const words = searchTokens(name);
  if (queryTokens.length === 0 || words.length === 0) return undefined;
  if (queryTokens.join(' ') === words.join(' ')) return 'exact';
  if (queryTokens.every((q) => words.some((w) => w.startsWith(q)))) return 'prefix';
  const fuzzy = queryTokens.every((q) => {
    const limit = maxEdits(q);
    return words.some((w) => w.startsWith(q) || (limit > 0 && withinEdits(q, w, limit)));
  });
  return fuzzy ? 'fuzzy' : undefined;
}

/**
 * Ranks candidates: best match kind over the name and aliases (the name wins ties), then the most
 * cited entity, then name and id. The same list gives the same hits whichever store found it.
 */
export function rankSearch(query: string, candidates: readonly SearchCandidate[], limit: number): SearchHit[] {
  const tokens = searchTokens(query);
  const hits: SearchHit[] = [];
  for (const candidate of candidates) {
    let best: { match: MatchKind; matched: string } | undefined;
    for (const name of candidate.names) {
      const match = matchName(tokens, name);
      if (match && (!best || RANK[match] < RANK[best.match])) best = { match, matched: name };
      if (best?.match === 'exact') break; // nothing ranks higher, and the earlier name wins a tie
    }
    if (best)
      hits.push({
        id: candidate.id,
        type: candidate.type,
        name: candidate.name,
        matched: best.matched,
        match: best.match,
        cableCount: candidate.cableCount,
      });
  }
  hits.sort(
    (x, y) =>
      RANK[x.match] - RANK[y.match] || y.cableCount - x.cableCount || compare(x.name, y.name) || compare(x.id, y.id),
  );
  return hits.slice(0, limit);
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
