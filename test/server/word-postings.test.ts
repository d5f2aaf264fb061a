import { WordPostings } from '../../src/server/word-postings';

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

  it('finds where a prefix starts, and the words of a length', () => {
    const postings = new WordPostings(['bush', 'karzai', 'kar', 'kouchner'].sort(), [1, 1, 1, 1], [1, 2, 3, 4]);
    expect(postings.words[postings.firstFrom('ka')]).toBe('kar');
    expect(postings.words[postings.firstFrom('kb')]).toBe('kouchner');
    expect(postings.firstFrom('zz')).toBe(4);
    expect(postings.firstFrom('')).toBe(0);
    expect(postings.ofLength(4).map((i) => postings.words[i])).toEqual(['bush']);
    expect(postings.ofLength(6).map((i) => postings.words[i])).toEqual(['karzai']);
    expect(postings.ofLength(5)).toEqual([]);
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
