import { createExtractor } from '../../src/extract';
import { makeCable, readShared } from './helpers';

const names = async (text: string, id = 'X') => {
  const [ms] = await createExtractor('builtin').extract([makeCable(id, text)]);
  return ms.map((m) => `${m.type}:${m.text}`);
};

describe('builtin extractor', () => {
  it('finds the people, organizations and places of seed 000', async () => {
    const got = new Set(await names(readShared('seeds', '000_95b061aa67c0afb6.txt'), '05PARIS77'));
    for (const e of ['PERSON:Bernard Chappedelaine', 'PERSON:Josiah Rosenblatt', 'PERSON:Ghazi al-Yawer', 'ORGANIZATION:IMIE', 'ORGANIZATION:IOM',
      'ORGANIZATION:EU', 'PLACE:France', 'PLACE:Iraq', 'PLACE:Amman', 'PERSON:Leach']) expect(got).toContain(e);
    // header lines yield nothing; roles are not names
    for (const bad of ['PLACE:PREL', 'PERSON:Poloff', 'PERSON:DCM', 'ORGANIZATION:DECL']) expect(got).not.toContain(bad);
  });

  it('strips titles and roles', async () => {
    const got = await names('1. (C) FM Kouchner met President Talabani. MFA Iraq desk officer Bernard Chappedelaine told Poloff and the DCM.');
    expect(got).toEqual(['PERSON:Kouchner', 'PERSON:Talabani', 'ORGANIZATION:MFA', 'PLACE:Iraq', 'PERSON:Bernard Chappedelaine']);
  });

  it('reads all-caps cables through title cues and gazetteers', async () => {
    const got = await names('E.O. 12356: DECL: OADR\nTAGS: PREL, SP, LY\nSUBJECT: FOREIGN MINISTER ORDONEZ ON LIBYA\n\n1. FOREIGN MINISTER FRANCISCO ORDONEZ TOLD THE AMBASSADOR THAT SPAIN WOULD CONSULT NATO AND THE EC ON LIBYA. ORDONEZ SAID MADRID WOULD WAIT.\n\nENDERS\n');
    expect(got).toEqual(['PERSON:ORDONEZ', 'PLACE:LIBYA', 'PERSON:FRANCISCO ORDONEZ', 'PLACE:SPAIN', 'ORGANIZATION:NATO', 'ORGANIZATION:EC',
      'PLACE:LIBYA', 'PERSON:ORDONEZ', 'PLACE:MADRID', 'PERSON:ENDERS']);
  });
});
