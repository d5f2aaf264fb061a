/** Text helpers of the relation reader (src/extract/relations/text.ts). */
import { collapse, countryOfCapital } from '../../../src/extract/relations/text';

describe('collapse', () => {
  it('returns a phrase whose only whitespace is single inner spaces as it is', () => {
    expect(collapse('Foreign Minister')).toBe('Foreign Minister');
    expect(collapse('MFA')).toBe('MFA');
    expect(collapse('')).toBe('');
  });

  it('collapses runs, line breaks, tabs and other Unicode spaces, and trims the ends', () => {
    expect(collapse('Foreign\n  Minister')).toBe('Foreign Minister');
    expect(collapse(' Foreign Minister')).toBe('Foreign Minister');
    expect(collapse('Foreign Minister ')).toBe('Foreign Minister');
    expect(collapse('Foreign  Minister')).toBe('Foreign Minister');
    expect(collapse('Foreign\tMinister')).toBe('Foreign Minister');
    expect(collapse('Foreign\u00a0Minister\u3000')).toBe('Foreign Minister');
    expect(collapse('\ufeffMFA')).toBe('MFA');
    expect(collapse('   ')).toBe('');
  });

  it('keeps characters a regex \\s does not match (a zero-width space, NEL)', () => {
    expect(collapse('a\u200bb')).toBe('a\u200bb');
    expect(collapse('a\u0085b')).toBe('a\u0085b');
  });
});

describe('countryOfCapital', () => {
  it('finds the country of a capital written in ASCII or with accents, and nothing for another word', () => {
    expect(countryOfCapital('paris')).toBe('France');
    expect(countryOfCapital('bogota')).toBe('Colombia');
    expect(countryOfCapital('bogotá')).toBe('Colombia');
    expect(countryOfCapital('minister')).toBeUndefined();
  });
});
