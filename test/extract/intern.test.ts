import { intern, internRange } from '../../src/extract/intern';
import { tokenizeForTagger } from '../../src/extract/tagger/tokens';

describe('interned token texts', () => {
  it('gives one entry per distinct text, wherever it is read from', () => {
    const a = internRange('met Kouchner today', 4, 12);
    const b = internRange('KOUCHNER and Kouchner.', 13, 21);
    expect(a).toBe(b);
    expect(a.text).toBe('Kouchner');
    expect(a.lower).toBe('kouchner');
    expect(intern('Kouchner')).toBe(a);
    expect(intern('KOUCHNER')).not.toBe(a);
    expect(intern('KOUCHNER').lower).toBe('kouchner');
  });

  it('tells apart texts of the same length and prefix, and long texts equal to their source', () => {
    const long = 'Abdulrahman-Mohammedov-Smith';
    const text = `the ${long} group and the ${long.replace('Smith', 'Smyth')} group`;
    const at = text.indexOf('Abdulrahman', 10);
    const first = internRange(text, 4, 4 + long.length);
    const second = internRange(text, at, at + long.length);
    expect(first.text).toBe(long);
    expect(second.text).toBe(long.replace('Smith', 'Smyth'));
    expect(first).not.toBe(second);
  });

  it('makes the tagger tokens of two cables share their strings', () => {
    const one = tokenizeForTagger('Ambassador Stapleton met Kouchner.').tokens;
    const two = tokenizeForTagger('Kouchner told Stapleton.').tokens;
    expect(one[3].text).toBe('Kouchner');
    expect(two[0].text).toBe('Kouchner');
    expect(one[3].word).toBeDefined();
    expect(one[3].word).toBe(two[0].word);
    expect(one[1].word).toBe(two[2].word);
    expect(one[1].lower).toBe('stapleton');
  });
});
