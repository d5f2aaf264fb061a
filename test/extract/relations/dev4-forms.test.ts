/** Meeting forms and role owners of round 8 (bare titles, possessive meetings, deliveries, leaders), from dev4 cables' sentences. */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Meeting, type Party } from '../../../src/extract/relations';
import { leaderCountry } from '../../../src/extract/relations/leaders';
import type { Cable } from '../../../src/parse/types';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
async function relationsOf(text: string, extra: Partial<Cable>) {
  const cable = makeCable('09TEST1', text, extra);
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions);
}
const who = (p: Party): string => (p.kind === 'officer' ? p.role : (p.name ?? p.text).replace(/\s+/g, ' '));
const pairs = (ms: Meeting[]): string[] => [...new Set(ms.map((m) => `${who(m.a)} | ${who(m.b)} | ${m.date}`))].sort();

describe('bare titles as meeting parties', () => {
  it('reads "The Minister told the Ambassador" as the minister the cable named (08MADRID678)', async () => {
    const text =
      "1. (C) SUMMARY: New Spanish Minister of Defense Carme Chacon, who took office April 14 but has been on maternity leave since May 19, told Ambassador Aguirre during a congenial one-on-one breakfast meeting June 10 that she looked forward to working with the United States.\n\n4. (C) Regarding Afghanistan, the Minister told the Ambassador that Spain's parliamentary cap of 3,000 on personnel deployed overseas was real.";
    const { meetings } = await relationsOf(text, { origin: 'Embassy Madrid', created: '2008-06-18T06:06:00Z' });
    const bare = meetings.filter((m) => m.a.kind === 'person' && m.a.text === 'the Minister');
    expect(bare).toHaveLength(1);
    expect(who(bare[0].a)).toBe('Carme Chacon');
    expect(who(bare[0].b)).toMatch(/Ambassador|Aguirre/);
  });

  it('leaves "the President" nobody when the cable named two presidents (10WARSAW94)', async () => {
    const text =
      '6. (C) Sikorski reiterated that PM Tusk is eager to hold a bilateral meeting with President Obama in Washington. Klich hoped President Kaczynski would quickly sign.\n\n7. (C) The President told Klich that such a move would require a decision.';
    const { meetings } = await relationsOf(text, { origin: 'Embassy Warsaw', created: '2010-02-10T14:02:00Z' });
    expect(meetings.filter((m) => m.a.kind === 'person' && /President/.test(m.a.text))).toEqual([]);
  });
});

describe('possessive meetings', () => {
  it('pairs both owners of "X and CDA’s October 12 meeting with Y" (09MANAMA611)', async () => {
    const text =
      "1. (S) SUMMARY: During USAFCENT Commander Mike Hostage and CDA's October 12 meeting with Crown Prince Shaikh Salman bin Hamad al Khalifa, the CP assured them that Bahrain would keep the pressure on Iran.";
    const { meetings } = await relationsOf(text, { origin: 'Embassy Manama', created: '2009-10-19T10:10:00Z' });
    const got = pairs(meetings);
    expect(got.some((p) => /^Mike Hostage \| .*Salman.* \| 2009-10-12$/.test(p))).toBe(true);
    expect(got.some((p) => /^Charge d'Affaires \| .*Salman.* \| 2009-10-12$/.test(p))).toBe(true);
  });

  it('reads no meeting still to come (05MADRID1604, 10WARSAW94)', async () => {
    const hopes = await relationsOf(
      "Bono hopes his May 3 meeting with SecDef Rumsfeld is very positive and shows Spanish voters the countries' defense relations are excellent.",
      { origin: 'Embassy Madrid', created: '2005-04-26T06:06:00Z' },
    );
    expect(hopes.meetings).toEqual([]);
    const eager = await relationsOf(
      '6. (C) Sikorski reiterated that PM Tusk is eager to hold a bilateral meeting with President Obama on the margins of the April 12-13 Nuclear Security Summit in Washington.',
      { origin: 'Embassy Warsaw', created: '2010-02-10T14:02:00Z' },
    );
    expect(eager.meetings).toEqual([]);
  });
});

describe('deliveries and past tenses', () => {
  it('reads "had told the DCM on May 29" (08MADRID678)', async () => {
    const { meetings } = await relationsOf(
      '2. (C) Note: Spanish Secretary General for Defense Luis Cuesta had told the DCM on May 29 that MOD Chacon would not be going to the June NATO meeting.',
      { origin: 'Embassy Madrid', created: '2008-06-18T06:06:00Z' },
    );
    expect(pairs(meetings)).toContain('Luis Cuesta | DCM | 2008-05-29');
  });

  it('reads "double-tracked the request with" (09ALGIERS1162)', async () => {
    const { meetings } = await relationsOf(
      '2. (S/NF) DCM, on December 30, double-tracked the request with Algerian MFA DG for the Americas Sabri Boukadoum.',
      { origin: 'Embassy Algiers', created: '2009-12-30T16:04:00Z' },
    );
    expect(pairs(meetings)).toEqual(['DCM | Sabri Boukadoum | 2009-12-30']);
  });

  it('reads a demarche delivered to a desk officer, whose desk is not his country (07PARIS159)', async () => {
    const { meetings, roles } = await relationsOf(
      '1. (C) Poloff delivered reftel demarche on January 16 to MFA Iran Desk Officer Arnaud Pescheux, who indicated that France had not budgeted any funds for democracy promotion in Iran.',
      { origin: 'Embassy Paris', created: '2007-01-16T15:03:00Z' },
    );
    expect(pairs(meetings)).toEqual(['Poloff | Arnaud Pescheux | 2007-01-16']);
    const desk = roles.find((r) => r.title === 'Desk Officer');
    expect(desk).toMatchObject({ country: 'France', unit: 'Iran' });
  });
});

describe('role owners', () => {
  it("gives a listed leader his own country, not the post's (10BRASILIA3)", async () => {
    const { roles } = await relationsOf(
      "2. (C) Lula has made no secret of his preference for the Dassault Rafale, announcing during President Sarkozy's September 7 visit that he planned to negotiate the purchase with France.",
      { origin: 'Embassy Brasilia', created: '2010-01-05T19:07:00Z' },
    );
    expect(roles.find((r) => r.title === 'President')).toMatchObject({ country: 'France' });
    expect(leaderCountry('President', 'sarkozy')).toBe('France');
    expect(leaderCountry('Foreign Minister', 'sarkozy')).toBeUndefined();
  });

  it('reads no title from a conjunction before "Minister" (08MADRID678)', async () => {
    const { roles } = await relationsOf(
      '6. (C) Though Minister Chacon seemed to disregard media speculation of an increased threat to Spanish personnel in Lebanon, the Ambassador urged the Minister to be aware of possible repercussions.',
      { origin: 'Embassy Madrid', created: '2008-06-18T06:06:00Z' },
    );
    expect(roles.map((r) => r.title)).not.toContain('Though Minister');
  });
});
