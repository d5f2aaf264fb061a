/** Title phrases and meeting forms as real cables write them. */
import { createExtractor } from '../../../src/extract';
import { extractRelations, readTitlePhrase, type Meeting, type Party } from '../../../src/extract/relations';
import type { Cable } from '../../../src/parse/types';
import { makeCable } from '../helpers';

describe('readTitlePhrase: the phrase before a name', () => {
  it.each([
    ['French FM', { title: 'Foreign Minister', country: 'France' }], // 07PARIS3534
    [
      'French MFA Iraq desk officer',
      { title: 'Desk Officer', country: 'France', organization: 'Ministry of Foreign Affairs', unit: 'Iraq' },
    ], // 07PARIS3534
    ['current former President of Iraq', { title: 'President', country: 'Iraq' }], // 07PARIS3534
    ['Spanish Vice President', { title: 'Vice President', country: 'Spain' }], // 08MADRID537
    ['Azerbaijan Minister of Transportation', { title: 'Transport Minister', country: 'Azerbaijan' }], // 09BAKU175
    [
      'former Iranian Ambassador to Azerbaijan',
      { title: 'Ambassador', country: 'Iran', unit: 'Azerbaijan', former: true },
    ], // 09BAKU175
    ['Indian Home Minister', { title: 'Home Minister', country: 'India' }], // 08NEWDELHI3228
    ['Israeli Foreign Minister', { title: 'Foreign Minister', country: 'Israel' }], // 08RABAT194
    ['Italian PM', { title: 'Prime Minister', country: 'Italy' }], // 08ROME1386
    [
      "Director of the MFA's Middle East Department",
      { title: 'Director', organization: 'Ministry of Foreign Affairs', unit: 'Middle East Department' },
    ],
    ['Spanish Deputy Foreign Minister', { title: 'Deputy Foreign Minister', country: 'Spain' }],
    ['Foreign Ministry spokesman', { title: 'Spokesperson', organization: 'Ministry of Foreign Affairs' }],
    ['UN Secretary General', { title: 'Secretary General', organization: 'United Nations' }],
    ['A/S', { title: 'Assistant Secretary', kind: 'us' }],
    ['FM', { title: 'Foreign Minister', kind: 'domestic' }],
  ])('%s', (phrase, expected) => {
    expect(readTitlePhrase(phrase)).toMatchObject(expected);
  });

  it.each([
    ['Police Chief', { title: 'Police Chief', kind: 'domestic' }],
    ['Attorney General', { title: 'Attorney General', kind: 'domestic' }],
    ['then Peace Commissioner', { title: 'Peace Commissioner', kind: 'domestic' }],
    ['Human Rights Commissioner', { title: 'Human Rights Commissioner' }],
    ['PACE President', { title: 'President', organization: 'PACE' }],
    ['Chancellor of the Exchequer', { title: 'Chancellor of the Exchequer', kind: 'domestic' }],
    ['Guinean junta leader', { title: 'Junta Leader', country: 'Guinea' }],
    ['Deputy Head of NATO Division', { title: 'Deputy Division Head', unit: 'NATO Division' }],
    ['Export Control Division Desk Officer', { title: 'Desk Officer', unit: 'Export Control Division' }],
    [
      'Embassy Singapore Treasury Attache',
      { title: 'Treasury Attache', organization: 'Embassy Singapore', country: 'United States' },
    ],
    ['NEA Assistant Secretary', { title: 'Assistant Secretary', country: 'United States', unit: 'NEA' }],
    ['Secretary of State for Latin America', { title: 'Secretary of State', kind: 'domestic' }],
  ])('%s (title grammar beyond the lexicon)', (phrase, expected) => {
    expect(readTitlePhrase(phrase)).toMatchObject(expected);
  });

  it.each([
    'told French FM',
    'the visit of',
    'Kurdish leader and',
    'Presidents',
    'the embattled head',
    'member',
    'leader',
    'Europe Secretary General',
  ])('%s is not a title phrase', (phrase) => {
    expect(readTitlePhrase(phrase)).toBeUndefined();
  });
});

const extractor = createExtractor('builtin');
async function relationsOf(text: string, extra: Partial<Cable>) {
  const cable = makeCable('09TEST1', text, { origin: 'Embassy Madrid', created: '2008-04-07T10:00:00Z', ...extra });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions);
}
const who = (p: Party): string => (p.kind === 'officer' ? p.label : (p.name ?? p.text));
const pairs = (ms: Meeting[]): string[] => ms.map((m) => `${who(m.a)} | ${who(m.b)} | ${m.date} | ${m.form}`);

describe("meetings: the cables' forms", () => {
  it.each([
    // 04MADRID2164
    [
      "1. (SBU) The Ambassador also met with the central government's delegate to Andalusia, Jose Antonio Viera.",
      { created: '2004-06-09T10:00:00Z' },
      ['Ambassador (Embassy Madrid) | Jose Antonio Viera | 2004-06-09 | met'],
    ],
    // 08BOGOTA1391
    [
      '1. (C) General Padilla told the Ambassador on April 4 that earlier that day he had met with the ambassadors.',
      { origin: 'Embassy Bogota' },
      ['Padilla | Ambassador (Embassy Bogota) | 2008-04-04 | told'],
    ],
    // 09SANAA1669
    [
      '1. (S) In a September 6 meeting with Deputy National Security Advisor John Brennan, President Saleh pledged access.',
      { origin: 'Embassy Sanaa', created: '2009-09-15T10:00:00Z' },
      ['Saleh | John Brennan | 2009-09-06 | meeting-with'],
    ],
    // 08CAIRO9
    [
      '1. (C) Soliman met with Iranian former nuclear negotiator Ali Larijani earlier in the week.',
      { origin: 'Embassy Cairo', created: '2008-01-02T10:00:00Z' },
      ['Soliman | Ali Larijani | 2008-01-02 | met'],
    ],
    // 09RIYADH181-like coordination (a sentence written for the test): every subject meets the object
    [
      '1. (C) Poloff and Econoff met on January 25 with Prince Turki Al-Kabeer to deliver a demarche.',
      { origin: 'Embassy Riyadh', created: '2009-01-28T10:00:00Z' },
      [
        'Poloff (Embassy Riyadh) | Turki Al-Kabeer | 2009-01-25 | met',
        'Econoff (Embassy Riyadh) | Turki Al-Kabeer | 2009-01-25 | met',
      ],
    ],
  ])('%s', async (text, extra, expected) => {
    const { meetings } = await relationsOf(text, extra);
    expect(pairs(meetings).map((p) => p.replace(/Prince /, ''))).toEqual(expected);
    expect(meetings[0].evidence.text).toBe(text.replace(/^1\. /, '').trim());
  });

  it.each([
    '1. (C) In their meetings with Brazilian leaders, Tauscher and Carter stressed partnership.', // 09BRASILIA1094: no meeting between the two
    '1. (C) The French Ambassador met with Jose Antonio Viera in Seville.', // another country's ambassador is not the post's officer
    '1. (C) Viera said he would meet the Ambassador next week.',
    // 07PARIS4650 and 09MADRID71: a telephone call is no meeting (the annotation guideline)
    '1. (S) Sarkozy is reviewing options following a December 1 telephone call with President Uribe, who rejected the idea.',
    '2. (C) Officials said that Vice President Biden told Zapatero in a November 17 phone conversation that he would visit.',
  ])('no meeting in: %s', async (text) => {
    expect((await relationsOf(text, {})).meetings).toEqual([]);
  });

  it('resolves the Ambassador to the person the Classified By line names', async () => {
    const text =
      'Classified By: Ambassador William R. Brownfield for reasons 1.4 (b) and (d).\n\n1. (C) General Padilla told the Ambassador on April 4 that the GOC would help.';
    const { meetings, roles } = await relationsOf(text, {
      origin: 'Embassy Bogota',
      classifiedBy: {
        name: 'William R. Brownfield',
        title: 'Ambassador',
        reasons: [],
        text: 'Classified By: Ambassador William R. Brownfield for reasons 1.4 (b) and (d).',
      },
    });
    expect(pairs(meetings)).toEqual(['Padilla | William R. Brownfield | 2008-04-04 | told']);
    expect(roles.find((r) => r.title === 'Ambassador')).toMatchObject({
      person: { text: 'William R. Brownfield' },
      country: 'United States',
      organization: 'Embassy Bogota',
      basis: 'explicit',
    });
  });
});

describe('roles implied by the post', () => {
  it.each([
    [
      '1. (C) President Zapatero told reporters the plan would go ahead.',
      'Zapatero',
      { title: 'President', country: 'Spain', basis: 'implied' },
    ],
    [
      '1. (C) President Bush will raise the issue in June.',
      'Bush',
      { title: 'President', country: 'United States', basis: 'implied' },
    ],
    [
      '1. (C) Iglesias said A/S Shannon would visit in May.',
      'Shannon',
      { title: 'Assistant Secretary', country: 'United States' },
    ],
  ])('%s', async (text, person, expected) => {
    const { roles } = await relationsOf(text, {});
    expect(roles.find((r) => r.person.text.includes(person))).toMatchObject(expected);
  });

  it('reads no country for a bare title in a sentence that names another country', async () => {
    // 06MADRID2708-like: a Madrid cable speaking of Cuba's leaders
    const { roles } = await relationsOf('1. (C) On Cuba, he knows Vice President Carlos Lage well.', {});
    expect(roles.filter((r) => /Lage/.test(r.person.text))).toEqual([]);
  });
});

describe('forms beyond the first lexicon', () => {
  it('reads "told us" as the post\'s officer, dated by the text', async () => {
    const { meetings } = await relationsOf(
      '1. (C) Interior Minister Alfredo Perez Rubalcaba told us on April 2 that the plan would go ahead.',
      {},
    );
    expect(pairs(meetings)).toEqual(['Alfredo Perez Rubalcaba | Embassy Officer (Embassy Madrid) | 2008-04-02 | told']);
  });

  it('reads "repeated to" between two named people', async () => {
    const { meetings } = await relationsOf(
      '3. (C) Alfredo Perez Rubalcaba repeated to A/S Thomas Shannon that Spain would help.',
      {},
    );
    expect(pairs(meetings)).toEqual(['Alfredo Perez Rubalcaba | Thomas Shannon | 2008-04-07 | told']);
  });

  it('reads an officer outside the list and an object behind its own title', async () => {
    const { roles, meetings } = await relationsOf(
      '2. (SBU) Science Counselor briefed Brazilian Ministry of External Relations (MRE) Environment Division Director Paulino Carvalho about the proposals.',
      {},
    );
    expect(roles[0]).toMatchObject({
      title: 'Director',
      organization: 'Ministry of Foreign Affairs',
      unit: 'Environment Division',
    });
    expect(pairs(meetings)).toEqual(['Science Counselor (Embassy Madrid) | Paulino Carvalho | 2008-04-07 | told']);
  });

  it('reads a title set off by a comma before a rank and name', async () => {
    const { roles } = await relationsOf(
      '6. (C) Guinean Defense Minister, General Sekouba Konate, had told the GOM that he wished to visit.',
      {},
    );
    expect(roles[0]).toMatchObject({
      person: { text: 'Sekouba Konate' },
      title: 'Defense Minister',
      country: 'Guinea',
    });
  });

  it('reads "met on <date> with Dr. X" and the apposition after the name', async () => {
    const { roles, meetings } = await relationsOf(
      '7. (C) Ron Strikker met on January 25 with Dr. Prince Turki Al-Kabeer, Undersecretary for Multilateral Affairs at the Ministry of Foreign Affairs, to deliver a demarche.',
      {},
    );
    expect(roles[0]).toMatchObject({
      title: 'Undersecretary',
      organization: 'Ministry of Foreign Affairs',
      unit: 'Multilateral Affairs',
    });
    expect(pairs(meetings)).toEqual(['Ron Strikker | Turki Al-Kabeer | 2008-01-25 | met']);
  });

  it('keeps a meeting the sentence says was by phone and in person', async () => {
    // 09ISLAMABAD284
    const { meetings } = await relationsOf(
      '3. (S) Minister of Interior Rehman Malik also reassured the Ambassador and DCM in several phone calls and meetings that Khan would be kept under wraps.',
      { origin: 'Embassy Islamabad', created: '2009-02-20T10:00:00Z' },
    );
    expect(pairs(meetings)).toEqual([
      'Rehman Malik | Ambassador (Embassy Islamabad) | 2009-02-20 | told',
      'Rehman Malik | DCM (Embassy Islamabad) | 2009-02-20 | told',
    ]);
  });

  it('gives no meeting to a withheld name', async () => {
    const { meetings } = await relationsOf('8. (C) XXXXXXXXXXXX told us that the minister would travel.', {});
    expect(meetings).toEqual([]);
  });
});

describe('meeting forms of the second development set (scripts/relations/dev2)', () => {
  const islamabad = { origin: 'Embassy Islamabad', created: '2008-12-01T10:00:00Z' };
  it.each([
    [
      // 08ISLAMABAD3733: "advised", and a date after an office is not a name
      '3. (C) NSA Mahmud Durrani advised DCM that Zardari is meeting this evening with the military chiefs.',
      ['Mahmud Durrani | DCM (Embassy Islamabad) | 2008-12-01 | told'],
    ],
    [
      '7. (C) COAS Kayani told Ambassador December 1 that the military has not increased its alert levels.',
      ['Kayani | Ambassador (Embassy Islamabad) | 2008-12-01 | told'],
    ],
    [
      // a subject's companion the reader holds as no party
      '8. (S) High Commissioner Brinkley and UK COS met President Zardari on Sunday, November 30.',
      ['Brinkley | Zardari | 2008-11-30 | met'],
    ],
    [
      // 09ISLAMABAD3037: the Chief of Station is one of the post's officers
      '6. (S/NF) In a subsequent conversation, DG ISI Ahmed Shuja Pasha told COS that Bugti should return to Pakistan.',
      ['Ahmed Shuja Pasha | COS (Embassy Islamabad) | 2008-12-01 | told'],
    ],
    [
      // 09BAKU226: a date between subject and verb
      '1. (S) Summary: Defense Minister Safar Abiyev on November 14 told the Ambassador he did not object.',
      ['Safar Abiyev | Ambassador (Embassy Islamabad) | 2008-11-14 | told'],
    ],
    [
      // 10ABUDHABI33: a meeting the subject reports
      '6. (S/NF) Abdullah bin Zayed said he had met with Pakistani President Asif Zardari in Dubai in late November.',
      ['Abdullah bin Zayed | Asif Zardari | 2008-12-01 | met'],
    ],
  ])('%s', async (text, expected) => {
    const { meetings } = await relationsOf(text, islamabad);
    expect(pairs(meetings)).toEqual(expected);
  });

  it('dates a pair by the meeting that opens the sentence', async () => {
    const { meetings } = await relationsOf(
      '1. (S/NF) Summary: During a January 11 meeting in Abu Dhabi, visiting Special Envoy Richard Holbrooke discussed Afghan reintegration with UAE Foreign Minister Abdullah bin Zayed.',
      { origin: 'Embassy Abu Dhabi', created: '2010-01-25T10:00:00Z' },
    );
    expect(pairs(meetings)).toEqual(['Richard Holbrooke | Abdullah bin Zayed | 2010-01-11 | called-on']);
  });

  it('reads a High Commissioner as no office of the posting country', async () => {
    const { roles } = await relationsOf('8. (S) High Commissioner Brinkley met President Zardari.', islamabad);
    expect(roles.map((r) => `${r.person.text} | ${r.title} | ${r.country ?? ''}`)).toEqual([
      'Zardari | President | Pakistan',
    ]);
  });

  it.each([
    ['Chief of Army Staff', { title: 'Chief of Army Staff', kind: 'domestic' }],
    ['COAS', { title: 'Chief of Army Staff', kind: 'domestic' }],
    ['NSA', { title: 'National Security Advisor', kind: 'domestic' }],
    ['then-Russian Foreign Minister', { title: 'Foreign Minister', country: 'Russia' }],
    ['Chinese Ambassador to Pakistan', { title: 'Ambassador', country: 'China', unit: 'Pakistan' }],
  ])('reads the title phrase %s', (phrase, expected) => {
    expect(readTitlePhrase(phrase)).toMatchObject(expected);
  });
});

describe('meeting forms of round 5 (pronoun subjects, reported meetings, appositions)', () => {
  const at = (origin: string, created: string) => ({ origin, created });
  it.each([
    [
      // 08RIYADH1175: "he" is the paragraph's earlier subject
      '6. (S) Hamad Najashi from the International Relations Office at the Ministry of Finance shed some light on the process. He verified the ministry was the lead negotiator. After researching the issue with counterparts, he told us the ministry has not seen the proposal.',
      at('Embassy Riyadh', '2008-07-30T10:00:00Z'),
      ['Hamad Najashi | Embassy Officer (Embassy Riyadh) | 2008-07-30 | told'],
    ],
    [
      // 08BRASILIA129: a pronoun subject carries the earlier subject on; a comment aside does not interrupt it
      '3. (C) Samuel Guimaraes has told him that cannot happen. He argued that protocol demands a return visit. (Comment: Strictly speaking, this is not true. End comment.) He told Nelson Jobim that his trip would mean nothing.',
      at('Embassy Brasilia', '2008-01-25T10:00:00Z'),
      ['Samuel Guimaraes | Nelson Jobim | 2008-01-25 | told'],
    ],
    [
      // 07ANKARA1258: a comma after the officer does not make the next name its holder
      '2. (S) In a recent meeting with DCM, Ergin Saygun raised the subject of Turkish domestic politics.',
      at('Embassy Ankara', '2007-05-23T10:00:00Z'),
      ['Ergin Saygun | DCM (Embassy Ankara) | 2007-05-23 | meeting-with'],
    ],
    [
      // 09RABAT988: a visit the subject relates
      '2. (S) Moroccan Foreign Minister Fassi Fihri related that he had visited Dadis Camara on Wednesday, December 9, and that he had been conscious.',
      at('Embassy Rabat', '2009-12-17T10:00:00Z'),
      ['Fassi Fihri | Dadis Camara | 2009-12-09 | met'],
    ],
    [
      // 09BUENOSAIRES1222: an earlier conversation the pronoun subject reprises
      '5. (C) Mauricio Macri said the Kirchners often succeeded by bullying their opponents. He reprised an earlier conversation with then-WHA A/S Thomas Shannon regarding the need to set limits.',
      at('Embassy Buenos Aires', '2009-11-12T10:00:00Z'),
      ['Mauricio Macri | Thomas Shannon | 2009-11-12 | meeting-with'],
    ],
    [
      // 08LONDON2211: a long apposition holding an office between the subject and the verb
      '4. (C) Also, Karen Pillay, Head of Middle East, CIS and Energy at HM Treasury told Econoff that HMG had received a wish list from Georgia.',
      at('Embassy London', '2008-08-20T10:00:00Z'),
      ['Karen Pillay | Econoff (Embassy London) | 2008-08-20 | told'],
    ],
  ])('%s', async (text, extra, expected) => {
    const { meetings } = await relationsOf(text, extra);
    expect(pairs(meetings)).toEqual(expected);
  });

  it.each([
    // 09MUNICH328: "called on X to …" urges, it is no visit
    '4. (C) Stoiber said the mission was vital. However, he called on Chancellor Merkel to start a public relations initiative.',
    // a pronoun after another party of its own sentence is that sentence's business ("X said he told Y" is X's form)
    '4. (C) Stoiber spoke at length. Seehofer thought that he told Merkel nothing.',
  ])('reads no meeting in: %s', async (text) => {
    const { meetings } = await relationsOf(text, at('Consulate Munich', '2009-06-01T10:00:00Z'));
    expect(pairs(meetings)).toEqual([]);
  });
});
