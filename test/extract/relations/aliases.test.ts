/** A person's short form defined in the text (src/extract/relations/aliases.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Party } from '../../../src/extract/relations';
import { initialsOf, personAliases, withAliases } from '../../../src/extract/relations/aliases';
import type { Mention } from '../../../src/model';
import { makeCable } from '../helpers';

const person = (text: string, start: number): Mention => ({ type: 'PERSON', text, start, end: start + text.length });

describe('initialsOf', () => {
  it('accepts the initials of the words, in order, from the first word', () => {
    expect(initialsOf('Ahmed Wali Karzai', 'AWK')).toBe(true);
    expect(initialsOf('Mohammed bin Zayed al Nahyan', 'MBZ')).toBe(true);
    expect(initialsOf('Mohammed bin Zayed al Nahyan', 'MbZ')).toBe(true);
    expect(initialsOf('Maurice Gourdault-Montagne', 'MGM')).toBe(true);
  });

  it('refuses letters out of order, a first letter of another word, or a one-word name', () => {
    expect(initialsOf('Ahmed Wali Karzai', 'AKW')).toBe(false);
    expect(initialsOf('Ahmed Wali Karzai', 'WK')).toBe(false);
    expect(initialsOf('Karzai', 'KA')).toBe(false);
    expect(initialsOf('Ahmed Wali Karzai', 'ISAF')).toBe(false);
  });
});

describe('personAliases and withAliases', () => {
  const text = 'Chief Ahmed Wali Karzai (AWK) met us. AWK said the ISAF (ISAF) and AWK agreed.';
  const awk = person('Ahmed Wali Karzai', 6);

  it('finds the short form defined right after a name', () => {
    expect(personAliases(text, [awk]).map((a) => a.alias)).toEqual(['AWK']);
  });

  it('makes each later use a person mention, and no longer an organization', () => {
    const org: Mention = {
      type: 'ORGANIZATION',
      text: 'AWK',
      start: text.indexOf('AWK said'),
      end: text.indexOf('AWK said') + 3,
    };
    const { persons, organizations } = withAliases(text, [awk], [org], personAliases(text, [awk]));
    // the definition itself is not a use: two uses after it
    expect(persons.map((p) => [p.text, p.start])).toEqual([
      ['Ahmed Wali Karzai', 6],
      ['AWK', text.indexOf('AWK said')],
      ['AWK', text.lastIndexOf('AWK')],
    ]);
    expect(organizations).toEqual([]);
  });

  it('defines nothing from a parenthesis that is not the initials', () => {
    expect(personAliases('Minister Ahmed Wali Karzai (ISAF) spoke.', [person('Ahmed Wali Karzai', 9)])).toEqual([]);
  });
});

describe('extractRelations with a short form', () => {
  it('names the person behind the short form in a meeting (09KABUL3068)', async () => {
    const cable = makeCable(
      '09TEST2',
      '1. (C) Provincial Council Chief Ahmed Wali Karzai (AWK) hosted the delegation.\n\n2. (C) SCR Frank Ruggiero met with AWK on September 28 in Kandahar.',
      { origin: 'Embassy Kabul', created: '2009-10-03T04:04:00Z' },
    );
    const [mentions] = await createExtractor('tagger').extract([cable]);
    const who = (p: Party) => (p.kind === 'officer' ? p.role : (p.name ?? p.text));
    const got = extractRelations(cable, mentions).meetings.map((m) => `${who(m.a)} | ${who(m.b)} | ${m.date}`);
    expect(got).toContain('Frank Ruggiero | Ahmed Wali Karzai | 2009-09-28');
  });
});
