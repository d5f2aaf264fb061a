/** Round 16: roles that were wrong on unseen text (src/extract/relations/roles.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

async function rolesOf(sentence: string, origin: string): Promise<string[]> {
  const cable = makeCable('09TEST16', `4. (C) ${sentence}`, { origin, created: '2009-05-06T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).roles.map(
    (r) => `${r.person.text.split(/\s+/).pop()} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
  );
}

describe('readRoles: a plural title after a name is a group beside it', () => {
  it('does not give the name the plural title', async () => {
    const roles = await rolesOf(
      'President Sezer, military leaders and the MGK chief have all warned Erdogan against unconstitutional moves.',
      'Embassy Ankara',
    );
    expect(roles).toEqual(['Sezer | President | Türkiye | ']);
  });

  it('still reads a singular apposition', async () => {
    const roles = await rolesOf(
      'Peter Ramsauer, the Bundestag leader of the Christian Social Union (CSU), had advocated an exit strategy.',
      'Embassy Berlin',
    );
    expect(roles).toContain('Ramsauer | Bundestag Leader |  | Christian Social Union');
  });
});

describe("readRoles: a portfolio's Secretary is the US cabinet's only for that portfolio", () => {
  it('gives another portfolio the post country', async () => {
    const roles = await rolesOf('Education Secretary Perry told us the schools would reopen.', 'Embassy London');
    expect(roles).toEqual(['Perry | Education Secretary | United Kingdom | ']);
  });

  it("keeps the US cabinet member's own portfolio", async () => {
    const roles = await rolesOf('Energy Secretary Chu spoke at the conference.', 'Embassy London');
    expect(roles).toEqual(['Chu | Energy Secretary | United States | ']);
  });
});

describe('readRoles: names sharing a plural title share its body', () => {
  it("gives unlisted senators the first senator's country, not the post's", async () => {
    const roles = await rolesOf(
      'Syrian President Asad, Senators Gregg, Bayh and Kerry discussed the peace process.',
      'Embassy Damascus',
    );
    expect(roles).toEqual([
      'Asad | President | Syria | ',
      'Gregg | Senator | United States | ',
      'Bayh | Senator | United States | ',
      'Kerry | Senator | United States | ',
    ]);
  });

  it('leaves the presidents of a summit their own countries', async () => {
    const roles = await rolesOf(
      'He suggested a meeting between Presidents Bush and Zapatero in September.',
      'Embassy Madrid',
    );
    expect(roles).toContain('Zapatero | President | Spain | ');
    expect(roles).not.toContain('Zapatero | President | United States | ');
  });
});
