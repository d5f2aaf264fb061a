import { createExtractor } from '../../src/extract';
import { makeCable, readShared } from './helpers';

const names = async (text: string, id = 'X') => {
  const [ms] = await createExtractor('builtin').extract([makeCable(id, text)]);
  return ms.map((m) => `${m.type}:${m.text}`);
};

describe('builtin extractor', () => {
  it('finds the people, organizations and places of seed 000', async () => {
    const got = new Set(await names(readShared('seeds', '000_95b061aa67c0afb6.txt'), '05PARIS77'));
    for (const e of [
      'PERSON:Bernard Chappedelaine',
      'PERSON:Josiah Rosenblatt',
      'PERSON:Ghazi al-Yawer',
      'ORGANIZATION:IMIE',
      'ORGANIZATION:IOM',
      'ORGANIZATION:EU',
      'PLACE:France',
      'PLACE:Iraq',
      'PLACE:Amman',
      'PERSON:Leach',
    ])
      expect(got).toContain(e);
    // header lines yield nothing; roles are not names
    for (const bad of ['PLACE:PREL', 'PERSON:Poloff', 'PERSON:DCM', 'ORGANIZATION:DECL'])
      expect(got).not.toContain(bad);
  });

  it('strips titles and roles', async () => {
    const got = await names(
      '1. (C) FM Kouchner met President Talabani. MFA Iraq desk officer Bernard Chappedelaine told Poloff and the DCM.',
    );
    expect(got).toEqual([
      'PERSON:Kouchner',
      'PERSON:Talabani',
      'ORGANIZATION:MFA',
      'PLACE:Iraq',
      'PERSON:Bernard Chappedelaine',
    ]);
  });

  it('reads all-caps cables through title cues and gazetteers', async () => {
    const got = await names(
      'E.O. 12356: DECL: OADR\nTAGS: PREL, SP, LY\nSUBJECT: FOREIGN MINISTER ORDONEZ ON LIBYA\n\n1. FOREIGN MINISTER FRANCISCO ORDONEZ TOLD THE AMBASSADOR THAT SPAIN WOULD CONSULT NATO AND THE EC ON LIBYA. ORDONEZ SAID MADRID WOULD WAIT.\n\nENDERS\n',
    );
    expect(got).toEqual([
      'PERSON:ORDONEZ',
      'PLACE:LIBYA',
      'PERSON:FRANCISCO ORDONEZ',
      'PLACE:SPAIN',
      'ORGANIZATION:NATO',
      'ORGANIZATION:EC',
      'PLACE:LIBYA',
      'PERSON:ORDONEZ',
      'PLACE:MADRID',
      'PERSON:ENDERS',
    ]);
  });
});

describe('builtin extractor: cable conventions', () => {
  it('reads routing lines: office codes are organizations, handles and names are persons, posts are places', async () => {
    const text =
      'C O N F I D E N T I A L SECTION 01 OF 02 ROME 000123\n\nSIPDIS\n\nSTATE FOR EUR/WE AND DRL:JDOEMANN\nCAIRO FOR RCO MARIA KOWALSKA\nPASS DOD/OSD\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL IT\nSUBJECT: TEST\n\n1. (C) Text.\n';
    const got = await names(text);
    for (const e of [
      'ORGANIZATION:STATE',
      'ORGANIZATION:EUR/WE',
      'ORGANIZATION:DRL',
      'PERSON:JDOEMANN',
      'PLACE:CAIRO',
      'PERSON:MARIA KOWALSKA',
      'ORGANIZATION:DOD/OSD',
    ])
      expect(got).toContain(e);
    expect(got).not.toContain('PERSON:RCO');
  });

  it('plural titles, possessives and given names mark persons', async () => {
    const got = await names(
      "SUBJECT: RABBIS ZELNIKOV AND BRONSTEYN MEET\n\n1. (C) Observers credit this to Varkonyi's reforms. The note names MOHAMMAD REZA TABRIZI AS THE OFFICIAL.",
    );
    for (const e of ['PERSON:ZELNIKOV', 'PERSON:BRONSTEYN', 'PERSON:Varkonyi', 'PERSON:MOHAMMAD REZA TABRIZI'])
      expect(got).toContain(e);
  });

  it("a cable's mentions do not depend on the other cables of its batch", async () => {
    const ex = createExtractor('builtin');
    const a = makeCable('A', '1. (C) President Varkonyi met us.');
    const b = makeCable('B', '1. (C) The decision came from Varkonyi and his aides.');
    const [, together] = await ex.extract([a, b]);
    const [alone] = await ex.extract([b]);
    expect(together).toEqual(alone);
  });

  it('reads named sites by head word', async () => {
    const got = await names('1. (C) Protesters gathered in Azadi Square near the Strait of Hormuz.');
    expect(got).toContain('PLACE:Azadi Square');
    expect(got).toContain('PLACE:Strait of Hormuz');
  });
});
