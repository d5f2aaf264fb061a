// Entity search: name tokens and the ranking of exact, prefix and fuzzy matches the API's search answers with.
import { editDistance } from '../common/edit-distance';
import type { SearchCandidate } from './store';
import type { SearchHit } from '../model';

export { editDistance };

/** Lower case, no diacritics, words of letters and digits: "Kouchner's" → ["kouchner", "s"]. */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
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
    return words.some((w) => w.startsWith(q) || (limit > 0 && editDistance(q, w, limit) <= limit));
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
    }
    if (best) hits.push({ id: candidate.id, type: candidate.type, name: candidate.name, matched: best.matched, match: best.match, cableCount: candidate.cableCount });
  }
  hits.sort((x, y) => RANK[x.match] - RANK[y.match] || y.cableCount - x.cableCount || compare(x.name, y.name) || compare(x.id, y.id));
  return hits.slice(0, limit);
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
