/** Leaders of the corpus years by title and surname (src/extract/relations/leaders.ts), read and applied by readRoles. */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { leaderCountry } from '../../../src/extract/relations/leaders';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

async function rolesOf(sentence: string, origin: string): Promise<string[]> {
  const cable = makeCable('09TEST17', `4. (C) ${sentence}`, { origin, created: '2009-05-06T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).roles.map(
    (r) => `${r.person.text.split(/\s+/).pop()} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
  );
}

describe('leaderCountry', () => {
  it('knows a leader by the title the cables give them', () => {
    expect(leaderCountry('President', 'morales')).toBe('Bolivia');
    expect(leaderCountry('Prime Minister', 'aso')).toBe('Japan');
    expect(leaderCountry('Chancellor', 'gusenbauer')).toBe('Austria');
    expect(leaderCountry('Foreign Minister', 'westerwelle')).toBe('Germany');
  });

  it('knows no leader by another title or an unlisted surname', () => {
    expect(leaderCountry('Prime Minister', 'morales')).toBeUndefined();
    expect(leaderCountry('President', 'garcia')).toBeUndefined();
  });
});

describe("readRoles: a listed leader's bare title is the leader's country, not the post's", () => {
  it("gives Bolivia's president Bolivia in a Brasilia cable", async () => {
    const roles = await rolesOf(
      'Garcia said that the current problems stem in part from President Morales having come to office acting as if it were a revolution.',
      'Embassy Brasilia',
    );
    expect(roles).toContain('Morales | President | Bolivia | ');
  });

  it("gives Japan's prime minister Japan in a Beijing cable", async () => {
    const roles = await rolesOf(
      'PM Taro Aso, who had visited Beijing April 29-30, said the talks went well.',
      'Embassy Beijing',
    );
    expect(roles).toContain('Aso | Prime Minister | Japan | ');
  });

  it("still gives an unlisted president the post's country", async () => {
    const roles = await rolesOf(
      'President Ramirez told the Ambassador that the vote would be held.',
      'Embassy Brasilia',
    );
    expect(roles).toEqual(['Ramirez | President | Brazil | ']);
  });
});
