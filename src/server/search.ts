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

/** Match kinds by their rank: what a word-level match of every query word allows at best (see wordMatch). */
export const KIND_BY_RANK: readonly MatchKind[] = ['exact', 'prefix', 'fuzzy'];

/**
 * How a word of a name meets a query word: 0 it is that word, 1 it starts with it, 2 it is within
 * the query word's typo budget, undefined not at all. A name matches at best the kind of its
 * query words' worst such match (KIND_BY_RANK), and only where one name holds all those words.
 */
export function wordMatch(token: string, word: string): 0 | 1 | 2 | undefined {
  if (word === token) return 0;
  if (word.startsWith(token)) return 1;
  const limit = maxEdits(token);
  return limit > 0 && withinEdits(token, word, limit) ? 2 : undefined;
}

/** What rankSearch orders hits by: match kind, then the most cited, then name and id. */
export interface RankKey {
  match: MatchKind;
  cableCount: number;
  name: string;
  id: string;
}

/** rankSearch's order (negative: x first). */
export function byRank(x: RankKey, y: RankKey): number {
  return RANK[x.match] - RANK[y.match] || y.cableCount - x.cableCount || compare(x.name, y.name) || compare(x.id, y.id);
}

/** A candidate's best match over its names (the earlier name wins a tie), or undefined. */
export function bestMatch(
  queryTokens: readonly string[],
  names: readonly string[],
): { match: MatchKind; matched: string } | undefined {
  let best: { match: MatchKind; matched: string } | undefined;
  for (const name of names) {
    const match = matchName(queryTokens, name);
    if (match && (!best || RANK[match] < RANK[best.match])) best = { match, matched: name };
    if (best?.match === 'exact') break; // nothing ranks higher, and the earlier name wins a tie
  }
  return best;
}

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

/** A search candidate's rank key with the best match its words allow, and whether that is its match. */
export interface BoundedCandidate extends RankKey {
  /** `match` is the candidate's match, not only a bound: it ranks without its names being read. */
  sure: boolean;
}

/**
 * The candidates rankSearch's first `limit` hits come from, without reading every candidate's
 * names: each one's `match` is the best its words allow (its names can only match worse). They are
 * taken in the order those bounds give; those not `sure` have their names read and matched by
 * `matchOf` (a batch of indexes at a time, their matches back), until `limit` hits rank before
 * anything the rest could be. The first `limit` hits' names are then read too (a sure one's name
 * may not be what matched). Returns their indexes: the other candidates cannot be among them.
 */
export function rankedFirst(
  candidates: readonly BoundedCandidate[],
  limit: number,
  matchOf: (indexes: number[]) => Array<MatchKind | undefined>,
  batch = 32,
): number[] {
  const order = candidates.map((_, i) => i).sort((x, y) => byRank(candidates[x], candidates[y]));
  const hits: Array<{ index: number; key: RankKey; read: boolean }> = [];
  let next = 0;
  while (next < order.length) {
    const best = candidates[order[next]];
    if (hits.filter((hit) => byRank(hit.key, best) < 0).length >= limit) break;
    const chosen = order.slice(next, next + batch);
    next += chosen.length;
    const unsure = chosen.filter((i) => !candidates[i].sure);
    const matches = unsure.length > 0 ? matchOf(unsure) : [];
    unsure.forEach((index, k) => {
      const match = matches[k];
      if (match) hits.push({ index, key: { ...candidates[index], match }, read: true });
    });
    for (const index of chosen) if (candidates[index].sure) hits.push({ index, key: candidates[index], read: false });
  }
  const first = hits.sort((x, y) => byRank(x.key, y.key)).slice(0, limit);
  const unread = first.filter((hit) => !hit.read).map((hit) => hit.index);
  if (unread.length > 0) matchOf(unread);
  return first.map((hit) => hit.index);
}

/**
 * Ranks candidates: best match kind over the name and aliases (the name wins ties), then the most
 * cited entity, then name and id. The same list gives the same hits whichever store found it.
 */
export function rankSearch(query: string, candidates: readonly SearchCandidate[], limit: number): SearchHit[] {
  const tokens = searchTokens(query);
  const hits: SearchHit[] = [];
  for (const candidate of candidates) {
    const best = bestMatch(tokens, candidate.names);
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
  hits.sort(byRank);
  return hits.slice(0, limit);
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
