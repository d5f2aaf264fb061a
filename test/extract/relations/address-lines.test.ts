/** The header's routing lines name addressees with their titles (round 19; src/extract/relations/address-lines.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { addressItemOf } from '../../../src/extract/relations/address-lines';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

/** A cable whose header holds `lines`, then one numbered paragraph. */
function cableWith(lines: string, origin: string) {
  const header = `C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000116\n\nSIPDIS\n\n${lines}\n\nE.O. 12958: DECL: 01/21/2017\nTAGS: PGOV PREL SP\nSUBJECT: SENIOR OFFICIAL REITERATES CRITICISM\n\n`;
  return makeCable('07TEST116', `${header}1. (C) Summary. The DCM met with the opposition on January 16.\n`, {
    origin,
    created: '2007-01-22T10:10:00Z',
  });
}

async function rolesOf(lines: string, origin: string): Promise<string[]> {
  const cable = cableWith(lines, origin);
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).roles.map(
    (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
  );
}

describe('addressItemOf', () => {
  it('bounds each addressee by its item of the line', () => {
    const cable = cableWith('WHA FOR A/S SHANNON AND PDAS SHAPIRO', 'Embassy Madrid');
    const at = cable.text.indexOf('SHAPIRO');
    const item = addressItemOf(cable, at)!;
    expect(cable.text.slice(item.start, item.end)).toBe('PDAS SHAPIRO');
    const first = addressItemOf(cable, cable.text.indexOf('SHANNON'))!;
    expect(cable.text.slice(first.start, first.end)).toBe('A/S SHANNON');
  });

  it('reads no line of the subject, a paragraph or a line without FOR', () => {
    const cable = cableWith('SECSTATE WASHDC A/S SHANNON', 'Embassy Madrid');
    expect(addressItemOf(cable, cable.text.indexOf('SHANNON'))).toBeUndefined();
    expect(addressItemOf(cable, cable.text.indexOf('SENIOR'))).toBeUndefined();
    expect(addressItemOf(cable, cable.text.indexOf('opposition'))).toBeUndefined();
  });
});

describe('readRoles: addressees of the routing lines', () => {
  it('reads the US titles of each addressee ("WHA FOR A/S SHANNON AND PDAS SHAPIRO")', async () => {
    const roles = await rolesOf('WHA FOR A/S SHANNON AND PDAS SHAPIRO', 'Embassy Madrid');
    expect(roles).toEqual(
      expect.arrayContaining([
        'SHANNON | Assistant Secretary | United States | ',
        'SHAPIRO | Principal Deputy Assistant Secretary | United States | ',
      ]),
    );
  });

  it("gives the sender after FROM the post's office, the SRAP his", async () => {
    const roles = await rolesOf('FOR SRAP HOLBROOKE FROM AMBASSADOR SOBEL', 'Embassy Brasilia');
    expect(roles).toEqual(
      expect.arrayContaining([
        'HOLBROOKE | Special Representative for Afghanistan and Pakistan | United States | ',
        'SOBEL | Ambassador | United States | Embassy Brasilia',
      ]),
    );
  });

  it('gives no title to an addressee named without one ("DOJ FOR BRUCE SWARTZ AND PAT REEDY")', async () => {
    const roles = await rolesOf('DOJ FOR BRUCE SWARTZ AND PAT REEDY', 'Embassy Madrid');
    expect(roles.filter((r) => /SWARTZ|REEDY/.test(r))).toEqual([]);
  });
});
