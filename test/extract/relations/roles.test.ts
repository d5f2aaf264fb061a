/** Unit titles before a name: the head of a unit the extractor names right before the person (src/extract/relations/roles.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { classifiedByTitle } from '../../../src/extract/relations/roles';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

describe('readRoles: unit titles before a name', () => {
  it.each([
    [
      'Director of the ICTY Cooperation Council Office Dusan Ignjatovic told us May 4 his office had granted all requests.',
      'Ignjatovic | Director | ICTY Cooperation Council Office',
    ],
    [
      'Chief of the War Crimes Investigation police Aleksandar Kostic said the government had the will.',
      'Kostic | Chief | War Crimes Investigation police',
    ],
    [
      "Head of the Foreign Office's Counter Terrorism Policy Department Tom Smith said the threat was high.",
      'Smith | Head | Counter Terrorism Policy Department',
    ],
  ])('gives the head of a unit the unit as organization: %s', async (sentence, role) => {
    const cable = makeCable('09TEST1', `4. (SBU) ${sentence}`, {
      origin: 'Embassy Belgrade',
      created: '2009-05-06T10:10:00Z',
    });
    const [mentions] = await extractor.extract([cable]);
    const roles = extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text.split(/\s+/).pop()} | ${r.title} | ${r.organization ?? ''}`,
    );
    expect(roles).toContain(role);
  });
});

describe('readRoles: titles of round 10 (dev6)', () => {
  async function rolesOf(sentence: string, origin: string): Promise<string[]> {
    const cable = makeCable('09TEST3', `4. (C) ${sentence}`, { origin, created: '2009-05-06T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
    );
  }

  it('gives a plural title before coordinated names to each name, each with its own owner', async () => {
    const roles = await rolesOf(
      'Livni told Senators John Kerry and Chris Dodd that she doubted a final agreement.',
      'Embassy Tel Aviv',
    );
    expect(roles).toEqual(
      expect.arrayContaining(['John Kerry | Senator | United States | ', 'Chris Dodd | Senator | United States | ']),
    );
  });

  it('reads no plural title when one name follows it alone', async () => {
    const roles = await rolesOf('The Senators Kerry said nothing new on the settlements.', 'Embassy Tel Aviv');
    expect(roles.filter((r) => r.includes('Senator'))).toEqual([]);
  });

  it('leaves out a coordinated name with its own country ("Kings A and B of Jordan")', async () => {
    const roles = await rolesOf(
      'Noting that Kings Mohammed VI and Abdullah II of Jordan had come to power at the same time, he smiled.',
      'Embassy Rabat',
    );
    expect(roles).toContain('Mohammed VI | King | Morocco | ');
    expect(roles.filter((r) => r.startsWith('Abdullah'))).toEqual([]);
  });

  it('reads "<State> State Governor X" as the Governor of that state', async () => {
    const roles = await rolesOf(
      'Chavez attacked Tachira State Governor Cesar Perez Vivas on November 3.',
      'Embassy Caracas',
    );
    expect(roles).toContain('Cesar Perez Vivas | Governor | Venezuela | Tachira');
  });

  it("gives the US President-elect the United States, not the post's country", async () => {
    const roles = await rolesOf('Morales hoped relations would improve under President-elect Obama.', 'Embassy La Paz');
    expect(roles).toContain('Obama | President-elect | United States | ');
  });
});

describe('readRoles: titles of round 11', () => {
  // La Paz is not a capital the reader knows: the cable's one country TAG gives its country
  const bolivia = { tags: [{ code: 'BL', kind: 'country', label: 'Bolivia' }] };
  async function rolesOf(text: string, origin: string, extra: Record<string, unknown> = {}): Promise<string[]> {
    const cable = makeCable('09TEST4', text, { origin, created: '2009-05-06T10:10:00Z', ...extra });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
    );
  }

  it('keeps "Acting" in the title of the Classified By line', async () => {
    const line = 'Classified By: Acting DCM Troy Pederson for reasons 1.4 (b/d).';
    const roles = await rolesOf(
      `${line}\n\n1. (C) Pederson told the Minister the plan would go ahead.`,
      'Embassy Belgrade',
      {
        classifiedBy: { name: 'Troy Pederson', title: 'Acting DCM', reasons: [], text: line },
      },
    );
    expect(roles).toContain('Troy Pederson | Acting DCM | United States | Embassy Belgrade');
    expect(roles.filter((r) => r.includes('| DCM |'))).toEqual([]);
  });

  it('keeps "Acting" in a title read in the text, and not where the text has none', async () => {
    const roles = await rolesOf(
      '4. (C) Acting Interior Minister Michel Gaudin met Foreign Minister Bernard Kouchner on Tuesday.',
      'Embassy Paris',
    );
    expect(roles).toContain('Michel Gaudin | Acting Interior Minister | France | ');
    expect(roles).toContain('Bernard Kouchner | Foreign Minister | France | ');
  });

  it.each([
    [
      'Minister of the Presidency Juan Ramon Quintana told the Ambassador the decree was final.',
      'Juan Ramon Quintana | Presidency Minister | Bolivia | ',
    ],
    [
      'Minister of Planning and Development Gabriel Loza said growth would slow.',
      'Gabriel Loza | Planning and Development Minister | Bolivia | ',
    ],
    [
      'Minister of National Defense Walker San Miguel said the army would stay.',
      'Walker San Miguel | Defense Minister | Bolivia | ',
    ],
  ])('reads a portfolio outside the lexicon before "Minister": %s', async (sentence, role) => {
    expect(await rolesOf(`4. (C) ${sentence}`, 'Embassy La Paz', bolivia)).toContain(role);
  });

  it('gives no portfolio made of the name the phrase runs on into', async () => {
    const roles = await rolesOf(
      '4. (C) His advisers include Vice President Alvaro Garcia Linera, Minister of the Presidency Juan Ramon Quintana and others.',
      'Embassy La Paz',
      bolivia,
    );
    expect(roles.filter((r) => r.startsWith('Alvaro Garcia Linera') && r.includes('Minister'))).toEqual([]);
    expect(roles).toContain('Juan Ramon Quintana | Presidency Minister | Bolivia | ');
  });

  it.each([
    [
      '4. (C) The ruling Socialist Party (PSOE) gained seats. PSOE Secretary Jose Blanco said the war had cost votes.',
      'Embassy Madrid',
      'Jose Blanco | Secretary |  | PSOE',
    ],
    [
      '4. (C) The National Assembly (AN) met on Tuesday. AN Vice President Saul Ortega proposed an inquiry.',
      'Embassy Caracas',
      'Saul Ortega | Vice President |  | National Assembly',
    ],
  ])('reads an acronym as what the cable spells out, not one word of it: %s', async (text, origin, role) => {
    expect(await rolesOf(text, origin)).toContain(role);
  });

  it.each([
    [
      '4. (C) On July 15, Treasury Secretary Timothy Geithner joined the Crown Prince for talks.',
      'Embassy Abu Dhabi',
      'Timothy Geithner | Treasury Secretary | United States | ',
    ],
    [
      '4. (C) Mugabe was accompanied by Ministry of Foreign Affairs Permanent Secretary Joey Bimha at the talks.',
      'Embassy Harare',
      'Joey Bimha | Permanent Secretary | Zimbabwe | Ministry of Foreign Affairs',
    ],
    [
      '4. (C) The DCM paid an initial call May 10 on MFA State Secretary Bernardino Leon, who welcomed it.',
      'Embassy Madrid',
      'Bernardino Leon | State Secretary | Spain | Ministry of Foreign Affairs',
    ],
  ])('reads a title the extractor runs an organization into, and "State Secretary": %s', async (text, origin, role) => {
    const roles = await rolesOf(text, origin);
    expect(roles).toContain(role);
    expect(roles.filter((r) => /\| Secretary \|/.test(r))).toEqual([]);
  });

  const venezuela = { tags: [{ code: 'VE', kind: 'country', label: 'Venezuela' }] };
  it.each([
    ['Former Chacao Mayor Leopoldo Lopez spoke at the rally.', 'Leopoldo Lopez | Mayor | Venezuela | Chacao'],
    [
      'Mayor of Greater Caracas Antonio Ledezma spoke at the rally.',
      'Antonio Ledezma | Mayor | Venezuela | Greater Caracas',
    ],
    ['Maracaibo Mayor Manuel Rosales left the country.', 'Manuel Rosales | Mayor | Venezuela | Maracaibo'],
  ])('reads a place before or after "Mayor" as the office\'s: %s', async (sentence, role) => {
    expect(await rolesOf(`4. (C) ${sentence}`, 'Embassy Caracas', venezuela)).toContain(role);
  });

  it('reads a city whose name ends in "City" before "Mayor" as the office\'s, and no bare "City Mayor" as a place', async () => {
    const mexico = { tags: [{ code: 'MX', kind: 'country', label: 'Mexico' }] };
    const roles = await rolesOf(
      '4. (C) Mexico City Mayor Marcelo Ebrard spoke at the rally, and City Mayor Juan Perez answered.',
      'Embassy Mexico',
      mexico,
    );
    expect(roles).toContain('Marcelo Ebrard | Mayor | Mexico | Mexico City');
    expect(roles.filter((r) => r.endsWith('| City'))).toEqual([]);
  });

  it('gives a city abroad its own country, and keeps the "New" of its name ("New York Mayor" in a Cairo cable)', async () => {
    const egypt = { tags: [{ code: 'EG', kind: 'country', label: 'Egypt' }] };
    const roles = await rolesOf(
      '4. (C) Former New York Mayor Rudy Giuliani met Minister Aboul Gheit, and Istanbul Mayor Kadir Topbas answered.',
      'Embassy Cairo',
      egypt,
    );
    expect(roles).toContain('Rudy Giuliani | Mayor | United States | New York');
    expect(roles).toContain('Kadir Topbas | Mayor | Türkiye | Istanbul');
    expect(roles.filter((r) => r.includes('| Egypt | York') || r.includes('| Egypt | Istanbul'))).toEqual([]);
  });

  it("reads no mayor from a name the extractor cut after another title, nor a bank governor as a place's", async () => {
    const roles = await rolesOf(
      '4. (C) Former Interior Minister Jaime Mayor Oreja spoke, and Central Bank Governor Nelson Merentes answered.',
      'Embassy Madrid',
    );
    expect(roles.filter((r) => r.includes('| Mayor |'))).toEqual([]);
    expect(roles.filter((r) => r.startsWith('Nelson Merentes'))).toEqual([
      'Nelson Merentes | Governor |  | Central Bank',
    ]);
  });

  it('reads "Presidential <title>" as the presidency\'s office, not a "Presidential Chief" of a "Staff"', async () => {
    const roles = await rolesOf(
      '4. (C) Presidential Chief of Staff Gilberto Carvalho met the Ambassador on Monday.',
      'Embassy Brasilia',
    );
    expect(roles).toContain('Gilberto Carvalho | Chief of Staff | Brazil | Presidency');
    expect(roles.filter((r) => r.includes('Presidential Chief'))).toEqual([]);
  });
});

describe('readRoles: US cabinet secretaries by the bare title (issue 17, round 13)', () => {
  async function rolesOf(sentence: string, origin = 'Embassy Brasilia'): Promise<string[]> {
    const cable = makeCable('09TEST13', `4. (C) ${sentence}`, { origin, created: '2009-05-06T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text.split(/\s+/).pop()} | ${r.title} | ${r.country ?? ''}`,
    );
  }

  it('names the department of a secretary the table knows', async () => {
    expect(await rolesOf('Amorim said Brazil would receive Secretary Clinton early in 2010.')).toContain(
      'Clinton | Secretary of State | United States',
    );
    expect(
      await rolesOf('Bono hopes his May 3 meeting with SecDef Rumsfeld is very positive.', 'Embassy Madrid'),
    ).toContain('Rumsfeld | Secretary of Defense | United States');
  });

  it('gives each coordinated name after "Secretaries" its own department', async () => {
    const roles = await rolesOf('Lula told Secretaries Condoleezza Rice and Robert Gates that Brazil would decide.');
    expect(roles).toEqual(
      expect.arrayContaining([
        'Rice | Secretary of State | United States',
        'Gates | Secretary of Defense | United States',
      ]),
    );
  });

  it('reads no cabinet office after another title word, nor for a surname the table lacks', async () => {
    const first = await rolesOf('The visa line was run by First Secretary Cohen until June.');
    expect(first.filter((r) => r.includes('Secretary of Defense'))).toEqual([]);
    const unknown = await rolesOf('Amorim said Brazil would receive Secretary Smithers in June.');
    expect(unknown.filter((r) => r.includes('Secretary'))).toEqual([]);
  });
});

describe('classifiedByTitle: minister-counselors and the deputy ambassador (round 13)', () => {
  it.each([
    ['Polmincouns', 'Political Counselor'], // 07PARIS3733 (dev7)
    ['Econ MC', 'Economic Counselor'], // 09MOSCOW2823 (dev7)
    ['ECONMINCOUNS', 'Economic Counselor'], // 10MOSCOW228 (dev5)
    ['D/Ambassador', 'Deputy Ambassador'], // 10KABUL436 (dev7)
  ])('%s', (written, title) => {
    expect(classifiedByTitle(written)?.title).toBe(title);
  });

  it('reads no office from other abbreviations', () => {
    expect(classifiedByTitle('Econ Officer MC')).toBeUndefined();
    expect(classifiedByTitle('D/Ambassadors')).toBeUndefined();
  });
});

describe("readRoles: a national ministry's office by a US title (round 13)", () => {
  async function rolesOf(sentence: string, origin: string): Promise<string[]> {
    const cable = makeCable('07TEST13', `2. (C) ${sentence}`, { origin, created: '2007-09-06T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text.split(/\s+/).pop()} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
    );
  }

  it("gives the ministry and the post's country to a DAS of the MFA", async () => {
    const roles = await rolesOf('Boillon echoed much of what MFA DAS Gellet had related in reftel.', 'Embassy Paris');
    expect(roles).toContain('Gellet | Deputy Assistant Secretary | France | Ministry of Foreign Affairs');
    expect(roles.filter((r) => r.includes('United States'))).toEqual([]);
  });

  it("keeps a Department bureau's Assistant Secretary American", async () => {
    const roles = await rolesOf(
      'Saud told NEA Assistant Secretary David Welch that the talks would go on.',
      'Embassy Riyadh',
    );
    expect(roles).toContain('Welch | Assistant Secretary | United States | ');
  });
});

describe('readRoles: a title after a preposition and a comma is no apposition (round 13)', () => {
  it('gives the name after "… to the DCM," no office', async () => {
    const cable = makeCable(
      '07TEST14',
      '1. (C) According to a November 6 readout provided by the Chief of Staff to the DCM, Jimenez found the situation in Venezuela "extremely bad" during her visit.',
      { origin: 'Embassy Madrid', created: '2007-11-07T10:10:00Z' },
    );
    const [mentions] = await extractor.extract([cable]);
    const roles = extractRelations(cable, mentions).roles.filter((r) => r.person.text === 'Jimenez');
    expect(roles).toEqual([]);
  });

  it('still reads an owned title set off by a comma after a preposition', async () => {
    const cable = makeCable(
      '10TEST14',
      '3. (C) Kerry remarked that he had held great discussions with Syria’s President, Bashar Al-Asad, when he met him in Damascus.',
      { origin: 'Embassy Doha', created: '2010-02-07T10:10:00Z' },
    );
    const [mentions] = await extractor.extract([cable]);
    const roles = extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''}`,
    );
    expect(roles).toContain('Bashar Al-Asad | President | Syria');
  });

  it('still reads a title set off by a comma before the name', async () => {
    const cable = makeCable(
      '07TEST15',
      '1. (C) On January 5 the Guinean Defense Minister, General Arafan Camara, told the DCM that the army was loyal.',
      { origin: 'Embassy Conakry', created: '2007-11-07T10:10:00Z' },
    );
    const [mentions] = await extractor.extract([cable]);
    const roles = extractRelations(cable, mentions).roles.map((r) => `${r.title} | ${r.country ?? ''}`);
    expect(roles).toContain('Defense Minister | Guinea');
  });
});

describe("readRoles: a title after a person's possessive (round 13)", () => {
  async function rolesOf(sentence: string, origin: string): Promise<string[]> {
    const cable = makeCable('07TEST16', `1. (C) ${sentence}`, { origin, created: '2007-11-07T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
    );
  }

  it("reads the office alone, in the possessor's country", async () => {
    const roles = await rolesOf(
      'According to a readout provided by Trinidad Jimenez’ Chief of Staff Juan Carlos Sanchez, the visit went badly.',
      'Embassy Madrid',
    );
    expect(roles).toContain('Juan Carlos Sanchez | Chief of Staff | Spain | ');
    expect(roles.filter((r) => r.includes('Jimenez'))).toEqual([]);
  });

  it("gives the office the country of the possessor's own title", async () => {
    const roles = await rolesOf(
      'In Islamabad, President Karzai’s spokesman Humayun Hamidzada told the press the talks were useful.',
      'Embassy Islamabad',
    );
    expect(roles).toContain('Humayun Hamidzada | Spokesperson | Afghanistan | ');
  });
});

describe('readRoles: leaders after a capitalized word, qualified and abbreviated titles (round 13)', () => {
  async function rolesOf(sentence: string, origin: string): Promise<string[]> {
    const cable = makeCable('09TEST17', `3. (C) ${sentence}`, { origin, created: '2009-02-07T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text.split(/\s+/).pop()} | ${r.title} | ${r.country ?? ''}`,
    );
  }

  it.each([
    [
      'Although Foreign Minister Moratinos had signaled support, the vote failed.',
      'Embassy Madrid',
      'Moratinos | Foreign Minister | Spain',
    ],
    [
      'Serdyukov recalled that then-President Putin had said Russia no longer needed the base.',
      'Embassy Baku',
      'Putin | President | Russia',
    ],
    [
      'Mbeki argued that ForMin Dlamini-Zuma is too close to Mugabe.',
      'Embassy Pretoria',
      'Dlamini-Zuma | Foreign Minister | South Africa',
    ],
    [
      'Officials said that Vice President-elect Biden had told Zapatero he would visit.',
      'Embassy Madrid',
      'Biden | Vice President-elect | United States',
    ],
  ])('%s', async (sentence, origin, role) => {
    expect(await rolesOf(sentence, origin)).toContain(role);
  });

  it('still reads no owner after a capitalized word for a holder no list knows', async () => {
    const roles = await rolesOf(
      'Although Interior Minister Rubalcaba had signaled support, the vote failed.',
      'Embassy Madrid',
    );
    expect(roles.filter((r) => r.startsWith('Rubalcaba'))).toEqual([]);
  });
});

describe('readRoles: ranks after a title and appositions of a clause (round 14, dev9)', () => {
  const extractor = createExtractor('tagger');
  async function rolesOf(sentence: string, origin: string): Promise<string[]> {
    const cable = makeCable('09TEST14', `4. (C) ${sentence}`, { origin, created: '2009-02-06T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
    );
  }

  it.each([
    [
      'Senators Biden and Graham met with Director General of ISI LTGen Pasha on January 9.',
      'Pasha | Director General |  | ISI',
    ],
    [
      'Kayani recalled he told Chairman of the Joint Chiefs Admiral Mullen that expectations were high.',
      'Mullen | Chairman |  | Joint Chiefs',
    ],
  ])('reads the title before a rank: %s', async (sentence, role) => {
    expect(await rolesOf(sentence, 'Embassy Islamabad')).toContain(role);
  });

  it('keeps the title before a two-word rank ("Lt. Gen.") and not a rank word of the title ("Crown Prince Sheikh")', async () => {
    expect(
      await rolesOf(
        'The meeting with Director General of ISI Lt. Gen. Ahmed Pasha lasted an hour.',
        'Embassy Islamabad',
      ),
    ).toContain('Ahmed Pasha | Director General |  | ISI');
    const roles = await rolesOf(
      'MbZ praised the Bahraini Crown Prince Sheikh Salman bin Hamad for his work.',
      'Embassy Abu Dhabi',
    );
    expect(roles.some((r) => / \| Crown Prince \| Bahrain/.test(r))).toBe(true);
  });

  it('reads no apposition when the name after the comma opens a clause', async () => {
    const roles = await rolesOf(
      'Noting that Musharraf met the UK equivalent to the Chairman of the Joint Chiefs, Khan said the U.S. should stop.',
      'Embassy Islamabad',
    );
    expect(roles.filter((r) => r.includes('Chairman'))).toEqual([]);
  });

  it('still reads the apposition of a title owned after it ("the Amir of Qatar, Hamad bin Khalifa")', async () => {
    const roles = await rolesOf(
      'Senator Kerry met February 14 with the Amir of Qatar, Hamad bin Khalifa al-Thani, in Doha.',
      'Embassy Doha',
    );
    expect(roles.some((r) => / \| Amir \| Qatar/.test(r))).toBe(true);
  });
});

describe('readRoles: forms of round 14 (dev9)', () => {
  const extractor = createExtractor('tagger');
  async function rolesOf(sentence: string, origin: string): Promise<string[]> {
    const cable = makeCable('09TEST15', `4. (C) ${sentence}`, { origin, created: '2009-06-19T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
    );
  }

  it("gives a portfolio's Secretary the US cabinet table knows to the United States, not the post", async () => {
    const roles = await rolesOf('Miliband said Energy Secretary Chu would visit London in May.', 'Embassy London');
    expect(roles).toContain('Chu | Energy Secretary | United States | ');
    expect(roles.filter((r) => r.includes('United Kingdom'))).toEqual([]);
  });

  it('gives an apposition that holds another name to nobody before it', async () => {
    const roles = await rolesOf(
      'The decision surprised his team, including Alonso and Moratinos, the new MOD SYG for Policy Luis Cuesta, and others.',
      'Embassy Madrid',
    );
    expect(roles.filter((r) => r.startsWith('Moratinos | Secretary General'))).toEqual([]);
  });

  it.each([
    [
      'Federal Deputy George Hilton told poloff on June 17 that he believed it.',
      'Embassy Brasilia',
      'George Hilton | Deputy | Brazil | ',
    ],
    [
      'The UAE had stopped Afghan Vice-President Ahmad Zia Masood entering the country.',
      'Embassy Kabul',
      'Ahmad Zia Masood | Vice President | Afghanistan | ',
    ],
    [
      'The politicians snared include Chancellor of the Exchequer Alistair Darling, Home Secretary Jacqui Smith, and Brown.',
      'Embassy London',
      'Jacqui Smith | Home Secretary | United Kingdom | ',
    ],
    [
      "William Hague and DCM, accompanied by Hague's Senior Advisor Arminka Helic and Poloff Kirsten Schulz, met March 19.",
      'Embassy London',
      'Kirsten Schulz | Poloff | United States | Embassy London',
    ],
    [
      'Hague said he, Cameron, and Shadow Chancellor George Osborne are all children of Thatcher.',
      'Embassy London',
      'George Osborne | Shadow Chancellor | United Kingdom | ',
    ],
  ])('%s', async (sentence, origin, role) => {
    expect(await rolesOf(sentence, origin)).toContain(role);
  });
});

describe('readRoles: lower-case appositions after the name (round 15)', () => {
  const extractor = createExtractor('tagger');
  async function rolesOf(sentence: string, origin: string): Promise<string[]> {
    const cable = makeCable('09TEST15', `4. (C) ${sentence}`, { origin, created: '2009-02-06T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
    );
  }

  it.each([
    [
      "The likely candidates are Roberto Mendes, the president's chief of staff, and two governors.",
      'Embassy Brasilia',
      'Roberto Mendes | Chief of Staff | Brazil | Presidency',
    ],
    [
      'Poloff met Pierre Kouassi, leader of UJPA (Union of Young Patriots), on May 3.',
      'Embassy Abidjan',
      'Pierre Kouassi | Leader |  | UJPA',
    ],
    [
      'The DCM met with Javier Ruiz, Secretary General of the opposition Popular Party (PP), on January 16.',
      'Embassy Madrid',
      'Javier Ruiz | Secretary General |  | Popular Party',
    ],
  ])('%s', async (sentence, origin, role) => {
    expect(await rolesOf(sentence, origin)).toContain(role);
  });

  it('gives no role for a lower-case apposition without a title', async () => {
    const roles = await rolesOf('Poloff met Pierre Kouassi, a friend of the minister, on May 3.', 'Embassy Abidjan');
    expect(roles.filter((r) => r.startsWith('Pierre Kouassi'))).toEqual([]);
  });
});

describe('readRoles: list items written with dashes and "Name, Office, Organization" (round 15)', () => {
  const extractor = createExtractor('tagger');
  async function rolesOf(text: string, origin: string): Promise<string[]> {
    const cable = makeCable('09TEST16', text, { origin, created: '2010-02-06T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
    );
  }
  const list =
    '10. (U) Participants in the meeting:\nU.S. Participants: -Ambassador Lee Feinstein -John Plumb, Principal Director, OSD Missile Defense Policy\n' +
    'Polish Participants: -FM Radoslaw Sikorski -DFM Andrzej Kremer -Tomasz Nowak, Chief of the General Staff -Lt. General Jan Kowal\n\n11. (U) The Ambassador cleared this message.';

  it('reads the title after a dash that opens an item', async () => {
    expect(await rolesOf(list, 'Embassy Warsaw')).toContain('Andrzej Kremer | Deputy Foreign Minister | Poland | ');
  });

  it("ends an item's apposition at the next item's dash", async () => {
    expect(await rolesOf(list, 'Embassy Warsaw')).toContain('Tomasz Nowak | Chief of General Staff | Poland | ');
  });

  it('gives an office that names no owner the organization that ends its item', async () => {
    expect(await rolesOf(list, 'Embassy Warsaw')).toContain(
      'John Plumb | Principal Director |  | OSD Missile Defense Policy',
    );
  });

  it('reads no organization after an office in prose', async () => {
    const roles = await rolesOf(
      '4. (C) We met John Plumb, Principal Director, Missile Defense Policy and others in Warsaw.',
      'Embassy Warsaw',
    );
    expect(roles.some((r) => r.includes('Missile Defense Policy'))).toBe(false);
  });
});

describe("readRoles: a list of a foreign state's officials (round 15)", () => {
  const extractor = createExtractor('tagger');
  async function rolesOf(sentence: string, origin: string): Promise<string[]> {
    const cable = makeCable('09TEST17', `4. (C) ${sentence}`, { origin, created: '2008-01-26T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    return extractRelations(cable, mentions).roles.map((r) => `${r.person.text} | ${r.title} | ${r.country ?? ''}`);
  }

  it('gives each bare title of the list the country the demonym gave its first name', async () => {
    const roles = await rolesOf(
      'Sarkozy was accompanied by French Foreign Minister Bernard Kouchner, Minister of Defense Herve Morin, Minister of Justice Rachida Dati and Minister of Culture Christine Albanel.',
      'Embassy Riyadh',
    );
    expect(roles).toEqual(
      expect.arrayContaining([
        'Bernard Kouchner | Foreign Minister | France',
        'Herve Morin | Defense Minister | France',
        'Rachida Dati | Justice Minister | France',
        'Christine Albanel | Culture Minister | France',
      ]),
    );
  });

  it("keeps the post's country after a US title or a name without a demonym", async () => {
    expect(
      await rolesOf(
        'He said it was important for U/S Bill Burns to visit, President Lula wanted him to come.',
        'Embassy Brasilia',
      ),
    ).toContain('Lula | President | Brazil');
    expect(
      await rolesOf(
        'The Ambassador met Senator Jose Sarney, Minister of Defense Nelson Jobim and others.',
        'Embassy Brasilia',
      ),
    ).toContain('Nelson Jobim | Defense Minister | Brazil');
  });

  it('reads no list where the name opens a clause or the title is plural', async () => {
    expect(
      await rolesOf(
        'During a recent visit by Venezuelan President Hugo Chavez, President Evo Morales declared his intention to rule by decree.',
        'Embassy La Paz',
      ),
    ).toContain('Evo Morales | President | Bolivia');
    const roles = await rolesOf(
      'In a meeting with Syrian President Bashar al-Asad, Senators Judd Gregg, Evan Bayh and Arlen Specter pushed for talks.',
      'Embassy Damascus',
    );
    // (the plural title's first name; the names after it take the owner sharedTitle gives them, as before)
    expect(roles).not.toContain('Judd Gregg | Senator | Syria');
    expect(roles.some((r) => r.startsWith('Judd Gregg | Senator |'))).toBe(true);
  });

  it('reads no participle opening a sentence as part of the title', async () => {
    const roles = await rolesOf(
      'Citing Foreign Secretary David Miliband’s August 27 speech in Kyiv, the minister said Putin was responsible.',
      'Embassy London',
    );
    expect(roles).toContain('David Miliband | Foreign Secretary | United Kingdom');
  });
});
