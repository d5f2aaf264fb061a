import { seededRandom } from '../../src/common/random';
import {
  bestMatch,
  editDistance,
  KIND_BY_RANK,
  matchName,
  rankedFirst,
  rankSearch,
  searchTokens,
  withinEdits,
  wordMatch,
} from '../../src/server/search';
import type { SearchCandidate } from '../../src/server/store';

describe('withinEdits, the banded distance of the search scan', () => {
  test('agrees with editDistance on 60,000 random pairs of related and unrelated words', () => {
    const random = seededRandom(22);
    const alphabet = 'abcdeéz';
    const word = (n: number): string =>
      Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    /** A word a few random edits away: substitutions, insertions, deletions and swaps of neighbours. */
    const mutate = (w: string): string => {
      let out = w;
      for (let k = Math.floor(random() * 4); k > 0; k -= 1) {
        const i = Math.floor(random() * (out.length + 1));
        const op = Math.floor(random() * 4);
        if (op === 0) out = out.slice(0, i) + word(1) + out.slice(i + 1);
        else if (op === 1) out = out.slice(0, i) + word(1) + out.slice(i);
        else if (op === 2) out = out.slice(0, i) + out.slice(i + 1);
        else if (i + 1 < out.length) out = out.slice(0, i) + out[i + 1] + out[i] + out.slice(i + 2);
      }
      return out;
    };
    let within = 0;
    for (let n = 0; n < 60_000; n += 1) {
      const a = word(Math.floor(random() * 12));
      const b = random() < 0.8 ? mutate(a) : word(Math.floor(random() * 12));
      const limit = Math.floor(random() * 4);
      const expected = editDistance(a, b, limit) <= limit;
      if (withinEdits(a, b, limit) !== expected)
        throw new Error(`withinEdits("${a}", "${b}", ${limit}) should be ${expected}`);
      if (expected) within += 1;
    }
    // Both answers well represented.
    expect(within).toBeGreaterThan(12_000);
    expect(within).toBeLessThan(48_000);
  });

  test('typos the search allows', () => {
    expect(withinEdits('talabny', 'talabani', 2)).toBe(true);
    expect(withinEdits('kuochner', 'kouchner', 1)).toBe(true);
    expect(withinEdits('kouchner', 'kushner', 1)).toBe(false);
    expect(withinEdits('iran', 'iraq', 0)).toBe(false);
    expect(matchName(searchTokens('talabny'), 'Jalal Talabani')).toBe('fuzzy');
  });
});

describe('searchTokens: the plain-ASCII path gives the words the Unicode path gives', () => {
  /** The Unicode path alone (decomposed, marks dropped, letters and digits). */
  const reference = (text: string): string[] =>
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);

  test('on names, punctuation, digits and every printable ASCII character, seeded', () => {
    const fixed = [
      "Kouchner's",
      'U.S. Embassy',
      "AL-QA'IDA",
      'G-8 (Group of Eight)',
      '  NEA/ARP  ',
      'Ministry of Foreign Affairs',
      '',
      'Sarkozy~`!@#$%^&*()_+={}[]|\\:;"<>,.?/',
    ];
    expect(fixed.map(searchTokens)).toEqual(fixed.map(reference));
    expect(searchTokens("AL-QA'IDA")).toEqual(['al', 'qa', 'ida']);
    const random = seededRandom(7);
    for (let n = 0; n < 2000; n += 1) {
      let text = '';
      for (let i = 0; i < 12; i += 1) text += String.fromCharCode(32 + Math.floor(random() * 95));
      expect(searchTokens(text)).toEqual(reference(text));
    }
  });

  test('outside printable ASCII the Unicode path still reads diacritics and other scripts', () => {
    expect(searchTokens('Éric Besson')).toEqual(['eric', 'besson']);
    expect(searchTokens('Recep Tayyip Erdoğan')).toEqual(['recep', 'tayyip', 'erdogan']);
    expect(searchTokens('tab\there')).toEqual(['tab', 'here']);
  });
});

describe('rankedFirst: the first hits without every candidate’s names', () => {
  /** Candidates as a store knows them before reading names: each one's bound and whether it is sure (one query word). */
  const bounded = (tokens: string[], candidates: SearchCandidate[]) =>
    candidates.map((c) => {
      const words = [...new Set(c.names.flatMap((n) => searchTokens(n)))];
      const best = tokens.map((t) => Math.min(...words.map((w) => wordMatch(t, w) ?? 3)));
      const bound = Math.max(...best);
      return {
        id: c.id,
        name: c.name,
        cableCount: c.cableCount,
        match: KIND_BY_RANK[bound],
        sure: tokens.length === 1 && bound > 0,
        bound,
      };
    });

  test('the hits rankSearch gives from every name, from far fewer names read (seeded candidates, one and two query words)', () => {
    const random = seededRandom(5);
    const syllables = ['mar', 'ko', 'ta', 'lab', 'an', 'i', 'chner', 'sar', 'zy', 'ma', 'rk'];
    const word = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => syllables[Math.floor(random() * syllables.length)],
      ).join('');
    const nameOf = () => Array.from({ length: 1 + Math.floor(random() * 3) }, word).join(' ');
    let read = 0;
    let all = 0;
    let compared = 0;
    for (let round = 0; round < 60; round += 1) {
      const candidates: SearchCandidate[] = Array.from({ length: 40 + Math.floor(random() * 200) }, (_, i) => ({
        id: `e${round}-${i}`,
        type: 'Person' as const,
        name: '',
        names: Array.from({ length: 1 + Math.floor(random() * 4) }, nameOf),
        cableCount: Math.floor(random() * 6),
        weightedDegree: 0,
        pagerank: 0,
        community: 0,
        x: 0,
        y: 0,
      })).map((c) => ({ ...c, name: c.names[0] }));
      const query = random() < 0.6 ? word().slice(0, 2 + Math.floor(random() * 4)) : `${word()} ${word().slice(0, 3)}`;
      const tokens = searchTokens(query);
      // The store's candidates: a word matching every query word.
      const matching = candidates.filter((c) => bounded(tokens, [c])[0].bound < 3);
      const keys = bounded(tokens, matching);
      for (const limit of [1, 5, 20]) {
        const names = matching.map((c) => [c.names[0]]);
        const first = rankedFirst(keys, limit, (indexes) => {
          for (const i of indexes) names[i] = matching[i].names;
          read += indexes.length;
          return indexes.map((i) => bestMatch(tokens, names[i])?.match);
        });
        all += matching.length;
        const found = rankSearch(
          query,
          first.map((i) => ({ ...matching[i], names: names[i] })),
          limit,
        );
        expect(found).toEqual(rankSearch(query, matching, limit));
        if (found.length > 0) compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(read).toBeLessThan(all / 2);
  });

  test('a sure candidate’s match is taken as is; one not sure is read, and one that does not match drops out', () => {
    const key = (id: string, match: 'exact' | 'prefix' | 'fuzzy', sure: boolean, cableCount = 1) => ({
      id,
      name: id,
      cableCount,
      match,
      sure,
    });
    const asked: number[][] = [];
    const first = rankedFirst(
      [
        key('a', 'exact', false, 9),
        key('b', 'prefix', true, 5),
        key('c', 'prefix', true, 4),
        key('d', 'fuzzy', true, 99),
      ],
      2,
      (indexes) => {
        asked.push(indexes);
        return indexes.map((i) => (i === 0 ? undefined : 'prefix'));
      },
      1,
    );
    // a: read, no match; b and c: sure prefixes, the first two; d never looked at.
    expect(first).toEqual([1, 2]);
    expect(asked).toEqual([[0], [1, 2]]);
  });
});
