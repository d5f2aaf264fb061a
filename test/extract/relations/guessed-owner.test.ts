/** A bare title's guessed country yields to another reading of the same person and office (src/extract/relations/roles.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

async function rolesOf(text: string, origin: string): Promise<string[]> {
  const cable = makeCable('10TEST302', text, { origin, created: '2010-02-19T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).roles.map(
    (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
  );
}

const ANKARA = [
  "SUBJECT: U/S BURNS' FEBRUARY 18 MEETINGS WITH U/S SINIRLIOGLU",
  '',
  '1. (C) Summary: During February 18 meetings in Ankara, Turkish MFA Undersecretary Sinirlioglu said Turkey',
  'wanted progress on the protocols.',
  '',
  '2. (U) Participants:',
  '',
  'U.S.',
  'Undersecretary William Burns',
  'Ambassador James Jeffrey',
  '',
  'Turkey',
  'Undersecretary Feridun Sinirlioglu',
  '',
  '3. (U) Undersecretary Burns has cleared this cable.',
].join('\n');

describe('readRoles: a guessed owner yields to the same office read elsewhere in the cable', () => {
  it("gives a US official's bare title the country his other readings give, not the post's", async () => {
    const roles = await rolesOf(ANKARA, 'Embassy Ankara');
    const burns = roles.filter((r) => r.includes('Burns'));
    expect(burns.length).toBeGreaterThanOrEqual(2);
    // the clearance line's "Undersecretary Burns" was Turkey's before (the post's country, guessed)
    expect(burns).toContain('Burns | Under Secretary | United States | ');
    expect(burns.filter((r) => r.includes('Türkiye'))).toEqual([]);
  });

  it("gives the subject line's U/S the Turkish office the body states, as one office", async () => {
    const roles = await rolesOf(ANKARA, 'Embassy Ankara');
    expect(roles).toContain('SINIRLIOGLU | Undersecretary | Türkiye | Ministry of Foreign Affairs');
    expect(roles.filter((r) => /SINIRLIOGLU|Sinirlioglu/.test(r) && r.includes('United States'))).toEqual([]);
  });

  it("keeps the post's country where nothing else in the cable reads the same office", async () => {
    const roles = await rolesOf(
      '1. (C) President Gul told the Ambassador on February 18 that he would travel.',
      'Embassy Ankara',
    );
    expect(roles).toContain('Gul | President | Türkiye | ');
  });
});

describe('readRoles: CJCS', () => {
  it("is the US's Chairman of the Joint Chiefs of Staff in a foreign post's cable, and another country's when the text says so", async () => {
    const us = await rolesOf('1. (C) CJCS Mullen will meet General Kayani on February 20.', 'Embassy Islamabad');
    expect(us).toContain('Mullen | Chairman of the Joint Chiefs of Staff | United States | ');
    const pakistan = await rolesOf(
      "1. (C) You will meet Pakistan's CJCS General Majid on February 20.",
      'Embassy Islamabad',
    );
    expect(pakistan).toContain('Majid | Chairman of the Joint Chiefs of Staff | Pakistan | ');
  });
});

describe('readRoles: a desk named after a country', () => {
  it('does not give the country of an MFA desk to the title after it', async () => {
    const roles = await rolesOf(
      "1. (C) Maxim Baranov, Director of the MFA's Iran Desk, said that Minister of Energy Shmatko's visit to Tehran was a chance to calm concerns.",
      'Embassy Moscow',
    );
    expect(roles.filter((r) => r.startsWith('Shmatko') && r.includes('Iran'))).toEqual([]);
  });
});

describe('readRoles: a title phrase holding the name before', () => {
  it("gives the next name no title that runs over another person's name", async () => {
    const roles = await rolesOf(
      '1. (C) Brinkley will see PM Gilani on March 11, and Chief of Army Staff General Kayani and Asfundyar Wali Khan on March 12.',
      'Embassy Islamabad',
    );
    expect(roles).toContain('Kayani | Chief of Army Staff | Pakistan | ');
    expect(roles.filter((r) => r.startsWith('Asfundyar'))).toEqual([]);
  });

  it('keeps a title a name qualifies ("Chavez-linked Senator X")', async () => {
    const roles = await rolesOf(
      '1. (C) The Ambassador met the Chavez-linked Senator Piedad Cordoba on May 2.',
      'Embassy Bogota',
    );
    expect(roles.filter((r) => r.startsWith('Piedad Cordoba') && r.includes('Senator'))).toHaveLength(1);
  });
});

describe('readRoles: an office a verb states with "as"', () => {
  it('reads the office held or left, never one still to come', async () => {
    const held = await rolesOf(
      '1. (C) Jose Bono is out as Defense Minister, to be replaced by Jose Antonio Alonso. Massa served as Cabinet Chief from July 2008.',
      'Embassy Madrid',
    );
    expect(held).toEqual(
      expect.arrayContaining(['Jose Bono | Defense Minister | Spain | ', 'Massa | Cabinet Chief | Spain | ']),
    );
    const toCome = await rolesOf('1. (C) Rice will serve as Secretary of State from January.', 'Embassy Madrid');
    expect(toCome).toEqual([]);
  });
});

describe('readRoles: demonyms world-countries spells otherwise', () => {
  it('reads "Ecuadorian President Correa" as Ecuador\'s President', async () => {
    const roles = await rolesOf(
      '1. (C) He noted both Chavez and Ecuadorian President Correa were implicated.',
      'Embassy Madrid',
    );
    expect(roles).toContain('Correa | President | Ecuador | ');
  });
});
