/** Titles joined by "and" before one name, and Iran's Supreme Leader (round 19, dev10; src/extract/relations/roles.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

async function rolesOf(sentence: string, origin: string): Promise<string[]> {
  const cable = makeCable('09TEST19', `4. (C) ${sentence}`, { origin, created: '2009-05-06T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).roles.map(
    (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
  );
}

describe('readRoles: two titles joined by "and" before one name', () => {
  it('gives the name both offices ("Vice President and Minister of Defense X")', async () => {
    const roles = await rolesOf(
      "In a press conference the same day, Vice President and Minister of Defense Ramon Carrizalez echoed Chavez's comments.",
      'Embassy Caracas',
    );
    expect(roles).toEqual(
      expect.arrayContaining([
        'Ramon Carrizalez | Vice President | Venezuela | ',
        'Ramon Carrizalez | Defense Minister | Venezuela | ',
      ]),
    );
  });

  it('reads a party\'s leader before a state office ("SNP leader and Scottish First Minister X")', async () => {
    const roles = await rolesOf(
      'Forsaking its issue, SNP leader and Scottish First Minister Alex Salmond personally spearheaded the campaign.',
      'Embassy London',
    );
    expect(roles).toContain('Alex Salmond | Leader |  | SNP');
  });

  it('gives nothing from a title after an article: "the President and Foreign Minister X" are two people', async () => {
    const roles = await rolesOf('They met the President and Foreign Minister Moratinos.', 'Embassy Madrid');
    expect(roles).toEqual(['Moratinos | Foreign Minister | Spain | ']);
  });

  it('gives nothing from an office taken "as" by someone before: "Schaeuble as Finance Minister and former Economics Minister X"', async () => {
    const roles = await rolesOf(
      'The surprises were former Interior Minister Schaeuble as Finance Minister and former Economics Minister Karl-Theodor zu Guttenberg as the new Defense Minister.',
      'Embassy Berlin',
    );
    expect(roles.filter((r) => r.startsWith('Karl-Theodor'))).toEqual([
      'Karl-Theodor zu Guttenberg | Economics Minister | Germany | ',
    ]);
  });

  it('reads the portfolio the tagger made an organization inside the title: "Iranian Deputy Intelligence Minister X"', async () => {
    const roles = await rolesOf(
      'He had seen dozens of photos of him on the desk of Iranian Deputy Intelligence Minister Alavi.',
      'Embassy London',
    );
    expect(roles).toEqual(['Alavi | Deputy Intelligence Minister | Iran | ']);
  });

  it('gives nothing from the post\'s own officer: "accompanied by Ambassador and SFRC Staff Director X"', async () => {
    const roles = await rolesOf(
      'Graham, accompanied by Ambassador and Senate Foreign Relations Committee Staff Director Antony Blinken, met with Kayani.',
      'Embassy Islamabad',
    );
    expect(roles.filter((r) => r.includes('Ambassador'))).toEqual([]);
  });

  it('gives nothing from a name before "and": "President Chavez and Foreign Minister Maduro"', async () => {
    const roles = await rolesOf(
      'Talks between President Chavez and Foreign Minister Maduro went well.',
      'Embassy Caracas',
    );
    expect(roles.filter((r) => r.startsWith('Maduro'))).toEqual(['Maduro | Foreign Minister | Venezuela | ']);
  });

  it('gives nothing from an office "for" someone: "Head of Cabinet for High Representative and Commission VP X"', async () => {
    const roles = await rolesOf(
      'James Morrison, Head of Cabinet for High Representative and Commission Vice President Catherine Ashton, attended.',
      'USEU Brussels',
    );
    expect(roles.filter((r) => r.startsWith('Catherine Ashton') && r.includes('Head'))).toEqual([]);
  });
});

describe('readRoles: Supreme Leader', () => {
  it.each([
    'Many people close to Supreme Leader Khamenei had violent things to say about Ahmadinejad.',
    'Velayati, foreign affairs adviser to supreme leader Khamenei, sought a new channel.',
    'The visit followed an invitation from the adviser to Supreme Leader Khamanei.',
  ])("reads the office as Iran's in a cable from Paris: %s", async (sentence) => {
    const roles = await rolesOf(sentence, 'Embassy Paris');
    expect(
      roles.filter((r) => r.includes('Supreme Leader')).map((r) => r.split(' | ').slice(1, 3).join(' | ')),
    ).toEqual(['Supreme Leader | Iran']);
  });
});

describe('readRoles: a ministry office followed by its portfolio', () => {
  it('reads "Iranian Deputy Foreign Minister for Legal and International Affairs X" as the Deputy Foreign Minister', async () => {
    const roles = await rolesOf(
      'Iranian Deputy Foreign Minister for Legal and International Affairs Abbas Araghchi sat in on the meeting.',
      'Embassy Paris',
    );
    expect(roles).toEqual(['Abbas Araghchi | Deputy Foreign Minister | Iran | ']);
  });

  it('leaves a US title with a portfolio unread, whose owner the phrase does not give ("Under Secretary for Political Affairs X")', async () => {
    const roles = await rolesOf(
      'The Ambassador said that Under Secretary for Political Affairs Everton Vargas had not received it well.',
      'Embassy Brasilia',
    );
    expect(roles.filter((r) => r.startsWith('Everton Vargas'))).toEqual([]);
  });
});

describe('readRoles: a title alone in parentheses next to the name', () => {
  it.each([
    [
      '"Merkel was very firm with me," he said of (German Chancellor) Merkel in Baku.',
      'Embassy Baku',
      'Merkel | Chancellor | Germany | ',
    ],
    [
      'The best move would be to remove (Russian Permanent Representative) Rogozin from Brussels.',
      'Embassy Berlin',
      'Rogozin | Permanent Representative | Russia | ',
    ],
    [
      'Its leaders include Antonio Imbassahy (former Mayor of Salvador) and others.',
      'Consulate Rio De Janeiro',
      'Antonio Imbassahy | Mayor | Brazil | Salvador',
    ],
  ])('reads an owned title: %s', async (sentence, origin, role) => {
    expect(await rolesOf(sentence, origin)).toContain(role);
  });

  it('reads no aside that is not a title alone, nor a bare title with no owner', async () => {
    const roles = await rolesOf(
      'Governor Aecio Neves (PSDB, opposition) spoke; (Foreign Minister) Lavrov is on the run.',
      'Embassy London',
    );
    expect(roles.filter((r) => r.startsWith('Lavrov'))).toEqual([]);
    expect(roles.filter((r) => r.includes('PSDB'))).toEqual([]);
  });
});

describe('readRoles: "Rep." before a name', () => {
  it('reads a US Representative as a Member of Congress, not a lower-case "rep"', async () => {
    const roles = await rolesOf(
      'Rep John Tanner (D-TN) agreed; Rep. Nita Lowey asked; the company rep Smith said nothing.',
      'Embassy Paris',
    );
    expect(roles).toEqual(
      expect.arrayContaining([
        'John Tanner | Member of Congress | United States | ',
        'Nita Lowey | Member of Congress | United States | ',
      ]),
    );
    expect(roles.filter((r) => r.startsWith('Smith'))).toEqual([]);
  });
});
