/** Round 21 (h-role12, dev12; issue 17): role forms of the twelfth random set (src/extract/relations/roles.ts, titles.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { readTitlePhrase } from '../../../src/extract/relations/titles';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

async function rolesOf(sentence: string, origin: string): Promise<string[]> {
  const cable = makeCable('09TEST21', `4. (C) ${sentence}`, { origin, created: '2009-05-06T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).roles.map(
    (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
  );
}

describe('readRoles: titles the lexicon lacked', () => {
  it('reads "former Chief Justice X" as the state\'s Chief Justice', async () => {
    const roles = await rolesOf(
      'She hinted at proposals affecting former Chief Justice Iftikhar Chaudhry and Shahbaz Sharif.',
      'Embassy Islamabad',
    );
    expect(roles).toEqual(['Iftikhar Chaudhry | Chief Justice | Pakistan | ']);
  });

  it("reads a party's Co-Chairman", async () => {
    const roles = await rolesOf(
      "During the conversation, Pakistan People's Party Co-Chairman Asif Zardari called for deployment of the Army.",
      'Embassy Islamabad',
    );
    expect(roles).toEqual(["Asif Zardari | Co-Chairman |  | Pakistan People's Party"]);
  });

  it("reads the post's Deputy Ambassador", async () => {
    const roles = await rolesOf(
      'Ambassador Eikenberry and Deputy Ambassador Ricciardone demarched President Karzai.',
      'Embassy Kabul',
    );
    expect(roles).toContain('Ricciardone | Deputy Ambassador | United States | Embassy Kabul');
  });

  it('reads "Deputy NSA"', () => {
    expect(readTitlePhrase('Deputy NSA')).toEqual({ title: 'Deputy National Security Advisor', kind: 'domestic' });
  });
});

describe('readRoles: the affairs an advisor advises on', () => {
  it('reads "Elysee strategic affairs advisor X" as the Presidency\'s Strategic Affairs Advisor', async () => {
    const roles = await rolesOf(
      'We met with Elysee strategic affairs advisor Richier September 4 to follow up on reports.',
      'Embassy Paris',
    );
    expect(roles).toEqual(['Richier | Strategic Affairs Advisor | France | Presidency']);
  });
});

describe('readRoles: an office to come', () => {
  it('gives no role to "likely PM X" (he is not yet in office)', async () => {
    const roles = await rolesOf(
      'Sarkozy was accompanied at the meeting by likely PM Francois Fillon and his chief of staff.',
      'Embassy Paris',
    );
    expect(roles.filter((r) => r.startsWith('Francois Fillon'))).toEqual([]);
  });
});

describe('readRoles: an honorific between the title and the name', () => {
  it('reads "Crown Prince Shaikh X" past the honorific', async () => {
    const roles = await rolesOf(
      'During the October 12 meeting with Crown Prince Shaikh Salman bin Hamad al Khalifa, the CP assured them.',
      'Embassy Manama',
    );
    expect(roles).toEqual(['Salman bin Hamad al Khalifa | Crown Prince | Bahrain | ']);
  });
});

describe("readRoles: a capital city's mayor", () => {
  it('reads "Moscow Mayor X" as the mayor of Moscow, in Russia', async () => {
    const roles = await rolesOf(
      'Moscow Mayor Yuriy Luzhkov remains a loyal member of United Russia.',
      'Embassy Moscow',
    );
    expect(roles).toEqual(['Yuriy Luzhkov | Mayor | Russia | Moscow']);
  });

  it("gives it the capital's country in a cable from elsewhere", async () => {
    const roles = await rolesOf('He said Moscow Mayor Luzhkov had visited Sevastopol.', 'Embassy Kyiv');
    expect(roles).toEqual(['Luzhkov | Mayor | Russia | Moscow']);
  });

  it('still reads no other title after a capital (the capital is its government)', () => {
    expect(readTitlePhrase('Moscow Ambassador')).toBeUndefined();
  });
});

describe('readRoles: an apposition naming the kind of body in lower case', () => {
  it('reads "X, leader of the Y party," as the leader of Y', async () => {
    const roles = await rolesOf(
      'Zardari dismissed the electoral prospects of Fazlur Rehman, leader of the Jamiat Ulema-e-Islam party, by saying so.',
      'Embassy Islamabad',
    );
    expect(roles).toEqual(['Fazlur Rehman | Leader |  | Jamiat Ulema-e-Islam']);
  });

  it('reads "X, the head of the company Y," as the head of Y', async () => {
    const roles = await rolesOf(
      'According to the article, Vladimir Yevtushenko, the head of the company Sistema, is married to Natalya.',
      'Embassy Moscow',
    );
    expect(roles).toEqual(['Vladimir Yevtushenko | Head |  | Sistema']);
  });
});

async function rolesOfCable(text: string, origin: string): Promise<string[]> {
  const cable = makeCable('09TEST21', text, { origin, created: '2009-05-06T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).roles.map(
    (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''} | ${r.evidence.text}`,
  );
}

describe('readRoles: the subject line', () => {
  it('reads the title before a name of the subject, bounded by the words joining its phrases', async () => {
    const roles = await rolesOfCable(
      'SUBJECT: SCENESETTER FOR FBI DIRECTOR MUELLER\n\nClassified By: Anne W. Patterson for reasons 1.4 (b).\n\n1. (C) Summary: Mission Pakistan warmly welcomes your arrival.\n',
      'Embassy Islamabad',
    );
    expect(roles).toEqual(['MUELLER | Director | United States | FBI | SUBJECT: SCENESETTER FOR FBI DIRECTOR MUELLER']);
  });

  it('reads a subject wrapped onto its next line', async () => {
    const roles = await rolesOfCable(
      'SUBJECT: AMBASSADOR MEETS WITH SPANISH\nCULTURE MINISTER CARMEN CALVO\n\nREF: MADRID 3785\n\n1. (C) Summary: The meeting went well.\n',
      'Embassy Madrid',
    );
    expect(roles).toEqual([
      'CARMEN CALVO | Culture Minister | Spain |  | SUBJECT: AMBASSADOR MEETS WITH SPANISH CULTURE MINISTER CARMEN CALVO',
    ]);
  });

  it("yields to the body's same office of the same person (the headline is another spelling of it)", async () => {
    const roles = await rolesOfCable(
      'SUBJECT: AMBASSADOR MEETS FM MORATINOS\n\n1. (C) The Ambassador met Foreign Minister Miguel Angel Moratinos on May 5.\n',
      'Embassy Madrid',
    );
    expect(roles.filter((r) => /Moratinos/i.test(r)).map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual([
      'Miguel Angel Moratinos | Foreign Minister | Spain',
    ]);
  });

  it("gives the headline's bare Advisor the body's full title of the same person", async () => {
    const roles = await rolesOfCable(
      'SUBJECT: FRENCH MFA READOUT ON TEHRAN VISIT BY ELYSEE ADVISER RICHIER\n\n1. (C) We met with Elysee strategic affairs advisor Richier September 4.\n',
      'Embassy Paris',
    );
    expect(new Set(roles.map((r) => r.split(' | ').slice(1, 4).join(' | ')))).toEqual(
      new Set(['Strategic Affairs Advisor | France | Presidency']),
    );
  });

  it('gives no role for an office to come ("POSSIBLE NEW SPANISH FOREIGN MINISTER X")', async () => {
    const roles = await rolesOfCable(
      'SUBJECT: AMBASSADOR,S MEETING WITH POSSIBLE NEW SPANISH\nFOREIGN MINISTER MORATINOS\n\n1. (C) Summary: They met.\n',
      'Embassy Madrid',
    );
    expect(roles).toEqual([]);
  });
});
