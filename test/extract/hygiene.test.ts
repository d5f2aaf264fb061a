import { keepMention, skipRegions } from '../../src/extract/hygiene';
import type { Mention } from '../../src/model';

/** The mention of `s` (its first occurrence after `from`) typed `type`. */
const mention = (text: string, type: Mention['type'], s: string, from = 0): Mention => {
  const start = text.indexOf(s, from);
  return { type, text: s, start, end: start + s.length };
};

describe('keepMention', () => {
  const text = [
    'C O N F I D E N T I A L MADRID 004314',
    'SIPDIS',
    'E.O. 12958: DECL: 12/21/2015',
    'TAGS: PREL SP',
    'SUBJECT: Zapatero and the Alliance',
    'REF: A. MADRID 5426',
    '1. (C) The Department and the Embassy met Moratinos in the Kingdom of Spain. P Staff said so. XXXXXXXXXXXX agreed.',
  ].join('\n');
  const skip = skipRegions(text);
  const keep = (type: Mention['type'], s: string, from = 0) => keepMention(text, mention(text, type, s, from), skip);

  it('keeps names', () => {
    expect(keep('PERSON', 'Zapatero')).toBe(true);
    expect(keep('PERSON', 'Moratinos')).toBe(true);
    expect(keep('PLACE', 'Spain')).toBe(true);
  });

  it('drops markings, header text, lone letters, redactions and generic nouns', () => {
    expect(keep('ORGANIZATION', 'SIPDIS')).toBe(false);
    // inside the E.O./DECL statement and the TAGS line
    expect(keep('PLACE', 'SP', text.indexOf('TAGS'))).toBe(false);
    expect(keep('ORGANIZATION', 'DECL')).toBe(false);
    // "MADRID 5426": the post of a cable number
    expect(keep('PLACE', 'MADRID', text.indexOf('REF'))).toBe(false);
    expect(keep('PERSON', 'XXXXXXXXXXXX')).toBe(false);
    expect(keep('ORGANIZATION', 'Embassy')).toBe(false);
    // one letter is no place or person; an organization in capitals is an office symbol ("P Staff")
    expect(keep('PLACE', 'P', text.indexOf('1. (C)'))).toBe(false);
    expect(keep('ORGANIZATION', 'P', text.indexOf('1. (C)'))).toBe(true);
    // "the Department", "the Alliance", "the Kingdom" name one each: resolution reads them
    for (const s of ['Alliance', 'Department']) expect(keep('ORGANIZATION', s)).toBe(true);
    expect(keep('PLACE', 'Kingdom')).toBe(true);
    // a person may be called so ("Post" is a surname)
    expect(keepMention('Mr. Post said.', { type: 'PERSON', text: 'Post', start: 4, end: 8 }, [])).toBe(true);
  });

  it('finds the E.O./DECL statement and the TAGS line', () => {
    const regions = skipRegions(text).map(([a, b]) => text.slice(a, b));
    expect(regions).toEqual(expect.arrayContaining(['E.O. 12958: DECL: 12/21/2015', 'TAGS: PREL SP']));
  });
});
