/** Whose country a bare title is: the sentence's one foreign country, the US principals, else the post's (src/extract/relations/owner-country.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Role } from '../../../src/extract/relations';
import { countryOf } from '../../../src/extract/relations/text';
import type { Cable } from '../../../src/parse/types';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
async function rolesOf(text: string, extra: Partial<Cable>): Promise<string[]> {
  const cable = makeCable('09TEST1', text, extra);
  const [mentions] = await extractor.extract([cable]);
  const short = (r: Role) => `${(r.person.name ?? r.person.text).split(/\s+/).pop()} | ${r.title} | ${r.country ?? ''}`;
  return extractRelations(cable, mentions).roles.map(short).sort();
}

describe('bareTitleCountry', () => {
  describe('when the sentence names one other country right before the title', () => {
    it("gives the title that country, not the post's (09PARIS815, dev3)", async () => {
      const roles = await rolesOf(
        '5. (C) A true wheeler-dealer, Bourgi\'s main "client" had been Gabon\'s recently-deceased President Bongo.',
        { origin: 'Embassy Paris', created: '2009-06-19T10:10:00Z' },
      );
      expect(roles).toEqual(['Bongo | President | Gabon']);
    });

    it('reads a demonym before the government a minister leads the same way (09PRISTINA77)', async () => {
      const roles = await rolesOf(
        '3. (C) The previous Serbian government under Prime Minister Kostunica engineered a policy of full ethnic separation in Kosovo.',
        { origin: 'Embassy Pristina', created: '2009-02-05T10:10:00Z' },
      );
      expect(roles).toEqual(['Kostunica | Prime Minister | Serbia']);
    });
  });

  describe('when the country before the title is a topic or one of several', () => {
    it('gives the title no owner after "On Iraq," (a topic, not an owner)', async () => {
      const roles = await rolesOf(
        '4. (C) On Iraq, Minister of State Ahmad Al-Mahmoud said the new government needed time.',
        { origin: 'Embassy Doha', created: '2010-01-20T10:10:00Z' },
      );
      expect(roles.filter((r) => r.startsWith('Al-Mahmoud') || r.startsWith('Mahmoud'))).toEqual([]);
    });

    it('gives the title no owner when two other countries are named before it', async () => {
      const roles = await rolesOf(
        '4. (C) Relations between Egypt and Syria were tense, Defense Minister Al-Rashid said.',
        { origin: 'Embassy Amman', created: '2009-03-02T10:10:00Z' },
      );
      expect(roles.filter((r) => / \| Defense Minister \| /.test(r))).toEqual([]);
    });
  });

  describe('when no other country is named', () => {
    it("gives the post's country", async () => {
      const roles = await rolesOf(
        '2. (C) Interior Minister Rubalcaba told the Ambassador that the arrests were imminent.',
        {
          origin: 'Embassy Madrid',
          created: '2008-03-02T10:10:00Z',
        },
      );
      expect(roles).toContain('Rubalcaba | Interior Minister | Spain');
    });
  });
});

describe('US principals by title', () => {
  it.each([
    [
      'Paris',
      '2. (C) The meeting with NSA Hadley was set for September 12, Sarkozy said.',
      'Hadley | National Security Advisor',
    ],
    [
      'London',
      '1. (C) Conservative party leader David Cameron told Senator John McCain the Tories would stand firm.',
      'McCain | Senator',
    ],
    [
      'Madrid',
      '3. (C) Attorney General Gonzales raised the extradition case with the Minister.',
      'Gonzales | Attorney General',
    ],
    [
      'Madrid',
      '3. (C) Attorney General Gonzalez raised Venezuela as a key source of friction with the Minister.',
      'Gonzalez | Attorney General',
    ],
    [
      'Paris',
      '2. (S) He also praised DNI John Negroponte,s comments on Pakistan.',
      'Negroponte | Director of National Intelligence',
    ],
  ])('gives the US to a listed US official in an Embassy %s cable', async (post, text, role) => {
    const roles = await rolesOf(text, { origin: `Embassy ${post}`, created: '2008-03-02T10:10:00Z' });
    expect(roles).toContain(`${role} | United States`);
  });
});

describe('countryOf', () => {
  it.each(['Mann', 'Island', 'Dominique', 'Holland'])('reads no country in the name or word %s', (word) => {
    expect(countryOf(word)).toBeUndefined();
  });
  it('still reads the countries themselves', () => {
    expect([countryOf('Iceland'), countryOf('Dominica'), countryOf('Netherlands')]).toEqual([
      'Iceland',
      'Dominica',
      'Netherlands',
    ]);
  });
});

describe("bareTitleCountry: a sentence about one other country's officeholders (round 17)", () => {
  it("gives a bare title that country when the sentence never names the post's (10BRASILIA61, dev3)", async () => {
    const roles = await rolesOf(
      '4. (C) He conceded that Colombian President Uribe will win again and that former Defense Minister Juan Manuel Santos will not run.',
      { origin: 'Embassy Brasilia', created: '2010-01-20T10:10:00Z' },
    );
    expect(roles).toContain('Santos | Defense Minister | Colombia');
  });

  it("leaves the post's country when the sentence names it", async () => {
    const roles = await rolesOf(
      '4. (C) Colombian President Uribe told Brazil that Defense Minister Jobim would visit Bogota.',
      { origin: 'Embassy Brasilia', created: '2010-01-20T10:10:00Z' },
    );
    expect(roles).toContain('Jobim | Defense Minister | Brazil');
  });

  it("leaves the post's country to the host of another country's visitor (07STOCKHOLM506)", async () => {
    const roles = await rolesOf(
      '4. (C) We note that Iranian FM Mottaki will be in Stockholm May 7 and will meet with Deputy Prime Minister Maud Olofsson.',
      { origin: 'Embassy Stockholm', created: '2007-05-02T10:10:00Z' },
    );
    expect(roles).toContain('Olofsson | Deputy Prime Minister | Sweden');
  });

  it("leaves the post's country after another country's diplomat, who reports on it", async () => {
    const roles = await rolesOf(
      '4. (C) French DCM Nicholas Chapuis reported that Foreign Minister Yang had not mentioned Tibet.',
      { origin: 'Embassy Beijing', created: '2009-05-06T10:10:00Z' },
    );
    expect(roles).toContain('Yang | Foreign Minister | China');
  });
});
