/** Round 17: owners and titles of roles that were wrong on the dev sets and unseen text (src/extract/relations/roles.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

async function rolesOf(sentence: string, origin: string): Promise<string[]> {
  const cable = makeCable('09TEST17', `4. (C) ${sentence}`, { origin, created: '2009-05-06T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).roles.map(
    (r) => `${r.person.text.split(/\s+/).pop()} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
  );
}

describe("readRoles: the UK's Chancellor is the Chancellor of the Exchequer", () => {
  it('names the office in full for the UK', async () => {
    const roles = await rolesOf(
      'During the ECOFIN meeting, euro-zone governments politely listened to Chancellor Darling when he spoke.',
      'Embassy London',
    );
    expect(roles).toEqual(['Darling | Chancellor of the Exchequer | United Kingdom | ']);
  });

  it("leaves Germany's Chancellor as written", async () => {
    const roles = await rolesOf(
      'Chancellor Merkel may push to complete the negotiations by October 18.',
      'Embassy Berlin',
    );
    expect(roles).toEqual(['Merkel | Chancellor | Germany | ']);
  });
});

describe('readRoles: a title whose aside is followed by a name is the next name’s', () => {
  it('does not give the name before it the title', async () => {
    const roles = await rolesOf(
      'On 22 February 2009, Ambassador Richard Olson, Defense Attache (DATT) Colonel Bret Rider and the Chief met the Commander.',
      'Embassy Abu Dhabi',
    );
    // (the ambassador is no officer the cable's signers name: only the attache's title was read, and it was his)
    expect(roles.filter((r) => r.startsWith('Olson'))).toEqual([]);
  });

  it('keeps the title in a list of "Name, Title" items, the next name followed by its own', async () => {
    const roles = await rolesOf(
      'Participants: Pamela Park, Special Assistant to the Deputy Secretary Nancy Leou, Embassy Political Officer (notetaker) James Brown, Interpreter.',
      'Embassy Beijing',
    );
    // (as main read it before the aside rule: the office written after the name is hers)
    expect(roles.filter((r) => r.startsWith('Leou |'))).toEqual(['Leou | Officer | United States | Embassy Political']);
  });

  it("keeps the title when the name after the aside stands on the list's next line", async () => {
    const roles = await rolesOf(
      'Participants:\nRyan Hass, Embassy Political Officer (notetaker)\nJames Brown and the Chinese side.',
      'Embassy Beijing',
    );
    expect(roles.filter((r) => r.startsWith('Hass |'))).toEqual(['Hass | Officer | United States | Embassy Political']);
  });

  it('keeps an apposition whose aside no name follows', async () => {
    const roles = await rolesOf(
      'We met Hamid Karim, Director of the Customs Service (DCS) on Tuesday.',
      'Embassy Kabul',
    );
    expect(roles).toEqual(['Karim | Director |  | Customs Service']);
  });
});

describe("readRoles: a US-only body is the US's wherever the cable was sent from", () => {
  it('gives the National Defense University the US, not the post country', async () => {
    const roles = await rolesOf('NDU President Dunn will lead the delegation to Abu Dhabi.', 'Embassy Abu Dhabi');
    expect(roles).toEqual(['Dunn | President | United States | NDU']);
  });

  it("leaves another country's body its own", async () => {
    const roles = await rolesOf('NSC Secretary General Tawee said the talks would go on.', 'Embassy Bangkok');
    expect(roles).not.toContain('Tawee | Secretary General | United States | NSC');
  });
});

describe('readRoles: a state body named with its demonym is that country’s', () => {
  it('gives the Moroccan ministry Morocco', async () => {
    const roles = await rolesOf(
      'According to Ambassador Nasser Bourita, Chief of Staff of the Moroccan Ministry of Foreign Affairs, the talks failed.',
      'Embassy Rabat',
    );
    expect(roles).toContain('Bourita | Chief of Staff | Morocco | Moroccan Ministry of Foreign Affairs');
  });

  it('gives no country to a body that is no state’s', async () => {
    const roles = await rolesOf(
      'According to Nasser Bourita, Chief of Staff of the Moroccan Football Federation, the match was lost.',
      'Embassy Rabat',
    );
    expect(roles.filter((r) => r.includes('Football'))).toEqual([
      'Bourita | Chief of Staff |  | Moroccan Football Federation',
    ]);
  });
});
