/** List-shaped meetings (groups.ts) and Classified By titles that run on with the post, from dev3 cables' sentences. */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Meeting, type Party } from '../../../src/extract/relations';
import { classifiedByTitle } from '../../../src/extract/relations/roles';
import type { Cable } from '../../../src/parse/types';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
async function relationsOf(text: string, extra: Partial<Cable>) {
  const cable = makeCable('09TEST1', text, { created: '2009-02-24T10:00:00Z', ...extra });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions);
}
const who = (p: Party): string => (p.kind === 'officer' ? p.role : (p.name ?? p.text).replace(/\s+/g, ' '));
const pairs = (ms: Meeting[]): string[] => ms.map((m) => `${who(m.a)} | ${who(m.b)} | ${m.date}`).sort();

describe('group meetings: a list on each side', () => {
  it('pairs every visitor with every host of "they were met by" (09ABUDHABI192)', async () => {
    const text =
      '2.  (C) On 22 February 2009, Ambassador Richard Olson, Defense \nAttache (DATT) Colonel Bret Rider and Chief, US Liaison Office (USLO) \nColonel David Sprague were summoned to the office of the Chief of \nStaff of the UAE Armed Forces (COS), where they were met by the COS, \nLTG Hamid Thani al Rumaithy, Director Military Intelligence and \nSecurity (MISS) MGen Eissa al Mazrouei, Commander of the UAE Air \nForce and Air Defence (AF&AD) AVM Mohammed Swaidan al Qamzi and the \nCOSs office director BGen Faris Mohammed al Mazroui.';
    const { meetings } = await relationsOf(text, { origin: 'Embassy Abu Dhabi' });
    const got = pairs(meetings);
    for (const visitor of ['Richard Olson', 'Bret Rider', 'David Sprague'])
      for (const host of [
        'Hamid Thani al Rumaithy',
        'Eissa al Mazrouei',
        'Mohammed Swaidan al Qamzi',
        'Faris Mohammed al Mazroui',
      ])
        expect(got).toContain(`${visitor} | ${host} | 2009-02-22`);
    // no title read as a party: the COS and the DATT here are the hosts' and the visitors' offices
    expect(meetings.every((m) => m.a.kind === 'person' && m.b.kind === 'person')).toBe(true);
  });

  it('reads objects as "title, Name;" and not the possessive owner (07PARIS3941)', async () => {
    const text =
      "2. (S/NF) On September 6, Poloffs and Deputy Director of\nRegional Affairs for S/CT, Marc Norman, met with FM\nKouchner's Counselor for Latin American and Asian affairs,\nEvan Nguyen Binh; DAS equivalent for South America, Michel\nPinard; and Colombia/Venezuela desk officer, Daniel Paradisi.";
    const { meetings } = await relationsOf(text, { origin: 'Embassy Paris', created: '2007-09-10T10:00:00Z' });
    const got = pairs(meetings);
    for (const host of ['Evan Nguyen Binh', 'Michel Pinard', 'Daniel Paradisi']) {
      expect(got).toContain(`Marc Norman | ${host} | 2007-09-06`);
      expect(got).toContain(`Poloff | ${host} | 2007-09-06`);
    }
    expect(got.filter((p) => p.includes('Kouchner'))).toEqual([]);
  });

  it('leaves a plain pair to the adjacent forms, once', async () => {
    // 08CAIRO9
    const { meetings } = await relationsOf(
      '1. (C) Soliman met with Iranian former nuclear negotiator Ali Larijani earlier in the week.',
      { origin: 'Embassy Cairo', created: '2008-01-02T10:00:00Z' },
    );
    expect(pairs(meetings)).toEqual(['Soliman | Ali Larijani | 2008-01-02']);
  });
});

describe('classifiedByTitle', () => {
  it.each([
    ["Charge d'Affaires, U.S. Embassy Tripoli, Department of State", "Charge d'Affaires"], // 09TRIPOLI943
    ['Ambassador, U.S. Embassy - Tripoli, U.S. Dept of State', 'Ambassador'], // 09TRIPOLI475
    ['Consul General, Consulate General Hamburg, State', 'Consul General'], // 06HAMBURG85
    ['Economic Counselor, DOS, Econ', 'Economic Counselor'], // 10CARACAS163
    ['ARSO, Dept. of State, RSO Caracas', 'ARSO'], // 10CARACAS107
    ['Pol M/C', 'Political Counselor'], // 07PARIS3941
    ['POL CHIEF', 'Political Chief'], // 06LISBON2365
    ["Charge' d'Affaires", "Charge d'Affaires"], // 08RIYADH1134
    ['Acting Deputy Chief of Mission', 'DCM'], // 08MADRID1366
  ])('%s', (written, title) => {
    expect(classifiedByTitle(written)?.title).toBe(title);
  });

  it('reads no title from a line that names none', () => {
    expect(classifiedByTitle('Dept. of State')).toBeUndefined();
  });
});

describe('"a meeting between X and Y"', () => {
  it('pairs the two, dated by the text (09BRASILIA93)', async () => {
    const { meetings } = await relationsOf(
      '1. (C) In a conversation with Ambassador Sobel following the January 15, 2009 La Paz meeting between Brazilian President Lula and Bolivian President Morales, Brazilian Defense Minister Nelson Jobim (protect) confirmed an earlier rumor that Morales is suffering from a serious sinus trouble.',
      { origin: 'Embassy Brasilia', created: '2009-01-22T10:00:00Z' },
    );
    expect(pairs(meetings.filter((m) => m.form === 'meeting-between'))).toEqual(['Lula | Morales | 2009-01-15']);
  });

  it('reads no meeting still to come (06LISBON2365)', async () => {
    const { meetings } = await relationsOf(
      '6. (C) The GOP will undoubtedly expect this issue to be discussed at the October 24 meeting between Amado and Secretary Rice in Washington.',
      { origin: 'Embassy Lisbon', created: '2006-10-20T10:00:00Z' },
    );
    expect(meetings.filter((m) => m.form === 'meeting-between')).toEqual([]);
  });
});

describe('a meeting between three', () => {
  it('pairs each of "a meeting in Washington between NSA Jones, Leon, and Solomont" with each other (10MADRID25)', async () => {
    const { meetings } = await relationsOf(
      '2. (C) The meeting followed a January 7 meeting in Washington between NSA James Jones, Bernardino Leon, and Alan Solomont.',
      { origin: 'Embassy Madrid', created: '2010-01-13T10:00:00Z' },
    );
    expect(pairs(meetings.filter((m) => m.form === 'meeting-between'))).toEqual([
      'Bernardino Leon | Alan Solomont | 2010-01-07',
      'James Jones | Alan Solomont | 2010-01-07',
      'James Jones | Bernardino Leon | 2010-01-07',
    ]);
  });

  it('reads no pair from a list without "and" before its last member', async () => {
    const { meetings } = await relationsOf(
      '2. (C) A meeting between James Jones, Bernardino Leon, Alan Solomont was not held.',
      { origin: 'Embassy Madrid', created: '2010-01-13T10:00:00Z' },
    );
    expect(meetings.filter((m) => m.form === 'meeting-between')).toEqual([]);
  });

  it('reads no pair among those listed when "with" names the other side (09DJIBOUTI113)', async () => {
    const { meetings } = await relationsOf(
      "2. (C) This followed an earlier meeting in Washington between BW's CEO Erik Prince and Cofer Black with Ambassador Robleh Olhaye.",
      { origin: 'Embassy Djibouti', created: '2009-02-10T10:00:00Z' },
    );
    expect(meetings.filter((m) => m.form === 'meeting-between')).toEqual([]);
  });
});
