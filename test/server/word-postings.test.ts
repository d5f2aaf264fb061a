import fc from 'fast-check';
import { withinEdits } from '../../src/server/search';
import { letterMask, WordPostings } from '../../src/server/word-postings';

const nodes = (postings: WordPostings, word: string): number[] =>
  Array.from(postings.nodesOf(postings.words.indexOf(word)));

describe('WordPostings', () => {
  it('keeps each word with its own nodes', () => {
    const postings = new WordPostings(['kouchner', 'paris', 'sarkozy'], [2, 1, 3], [4, 9, 7, 1, 2, 3]);
    expect(postings.words).toEqual(['kouchner', 'paris', 'sarkozy']);
    expect(nodes(postings, 'kouchner')).toEqual([4, 9]);
    expect(nodes(postings, 'paris')).toEqual([7]);
    expect(nodes(postings, 'sarkozy')).toEqual([1, 2, 3]);
    expect(postings.size).toBe(6);
  });

  it('finds where a prefix starts', () => {
    const postings = new WordPostings(['bush', 'karzai', 'kar', 'kouchner'].sort(), [1, 1, 1, 1], [1, 2, 3, 4]);
    expect(postings.words[postings.firstFrom('ka')]).toBe('kar');
    expect(postings.words[postings.firstFrom('kb')]).toBe('kouchner');
    expect(postings.firstFrom('zz')).toBe(4);
    expect(postings.firstFrom('')).toBe(0);
  });

  it('finds the words within a typo budget that the token does not start', () => {
    const words = ['karzai', 'karzia', 'karzaii', 'kazai', 'karsai', 'karzaiwal', 'qarzai', 'bush', 'karzxy'];
    const postings = new WordPostings(
      [...words].sort(),
      words.map(() => 1),
      words.map((_, i) => i),
    );
    const typos = (token: string, edits: number): string[] =>
      postings.typos(token, edits).map((i) => postings.words[i]);
    // karzaii and karzaiwal start with the token (prefix matches, not typos); karzxy is two edits away
    expect(typos('karzai', 1)).toEqual(['karsai', 'karzia', 'kazai', 'qarzai']);
    expect(typos('karzai', 2)).toEqual(['karsai', 'karzia', 'karzxy', 'kazai', 'qarzai']);
    expect(typos('karzai', 0)).toEqual([]);
  });

  it('finds exactly the words that measuring every distance finds', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'z', '-', '1', 'é', '\u{1D400}'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 60 }),
        word,
        fc.integer({ min: 0, max: 2 }),
        (list, token, edits) => {
          const sorted = [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          const postings = new WordPostings(
            sorted,
            sorted.map(() => 1),
            sorted.map((_, i) => i),
          );
          const expected = sorted.flatMap((w, i) =>
            edits > 0 && !w.startsWith(token) && withinEdits(token, w, edits) ? [i] : [],
          );
          expect(postings.typos(token, edits)).toEqual(expected);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('knows which entities have a word alone as a name, once told', () => {
    const postings = new WordPostings(['bernard', 'kouchner', 'paris'], [1, 2, 1], [7, 7, 9, 3]);
    const kouchner = postings.words.indexOf('kouchner');
    expect(postings.sole(kouchner, 7)).toBeUndefined();
    expect(postings.knowsSoleNames).toBe(false);
    // entity 7 is "Bernard Kouchner" also called "Kouchner"; 9 only "Kouchner Street"; a word not held is passed over
    postings.setSoleNames([
      ['paris', 3],
      ['kouchner', 7],
      ['kouchner', 7],
      ['nowhere', 5],
    ]);
    expect(postings.knowsSoleNames).toBe(true);
    expect(postings.sole(kouchner, 7)).toBe(true);
    expect(postings.sole(kouchner, 9)).toBe(false);
    expect(postings.sole(postings.words.indexOf('paris'), 3)).toBe(true);
    expect(postings.sole(postings.words.indexOf('paris'), 7)).toBe(false);
    expect(postings.sole(postings.words.indexOf('bernard'), 7)).toBe(false);
  });

  it('gives each letter a bit of its own and every other character one of six', () => {
    expect(letterMask('')).toBe(0);
    expect(letterMask('aab')).toBe(0b11);
    expect(letterMask('z')).toBe(1 << 25);
    expect(letterMask('é')).toBe(1 << (26 + (0xe9 % 6)));
    expect(letterMask('a1')).toBe(1 | (1 << (26 + (0x31 % 6))));
  });

  it("re-sorts words that come in SQLite's byte order, their nodes with them", () => {
    // UTF-8 bytes put U+FF21 (EF BC A1) before U+1D400 (F0 9D 90 80); UTF-16 units put the
    // astral character's surrogate (D835) first.
    const words = ['a', '\uFF21x', '\u{1D400}y'];
    const postings = new WordPostings(words, [1, 2, 1], [10, 20, 21, 30]);
    expect(postings.words).toEqual(['a', '\u{1D400}y', '\uFF21x']);
    expect(nodes(postings, '\uFF21x')).toEqual([20, 21]);
    expect(nodes(postings, '\u{1D400}y')).toEqual([30]);
    expect(postings.words[postings.firstFrom('\uFF21')]).toBe('\uFF21x');
  });

  it('refuses counts that do not add up and words listed twice', () => {
    expect(() => new WordPostings(['a', 'b'], [1, 1], [1])).toThrow('1 nodes for 2 counted');
    expect(() => new WordPostings(['a'], [1, 1], [1, 2])).toThrow('one count per word');
    expect(() => new WordPostings(['b', 'a', 'b'], [1, 1, 1], [1, 2, 3])).toThrow('"b" listed twice');
  });
});
