import { seededRandom } from '../../src/common/random';
import { editDistance, matchName, searchTokens, withinEdits } from '../../src/server/search';

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
