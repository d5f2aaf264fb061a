/** Others present at a meeting told before (src/extract/relations/attendees.ts), round 13 (dev3, dev6, dev7 forms). */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Meeting, type Party } from '../../../src/extract/relations';
import type { Cable } from '../../../src/parse/types';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
const who = (p: Party): string => (p.kind === 'officer' ? p.role : (p.name ?? p.text).replace(/\s+/g, ' '));
async function attended(text: string, extra: Partial<Cable> = {}): Promise<string[]> {
  const cable = makeCable('08TEST2', text, { origin: 'Embassy Islamabad', created: '2008-02-01T10:10:00Z', ...extra });
  const [mentions] = await extractor.extract([cable]);
  const pair = (m: Meeting) => `${who(m.a)} | ${who(m.b)} | ${m.date ?? ''}`;
  return [
    ...new Set(
      extractRelations(cable, mentions)
        .meetings.filter((m) => m.form === 'attended')
        .map(pair),
    ),
  ].sort();
}

describe('attendeeMeetings', () => {
  it('pairs a host-side attendee who speaks with the embassy side (08ISLAMABAD483)', async () => {
    const got = await attended(
      '2. (C) Ambassador and Polcouns met former Prime Minister and PML-N leader Nawaz Sharif January 31 for an hour. ' +
        'PML-N leader Chaudhry Nisar Ali Khan also attended the meeting.\n\n' +
        '3. (C) Nawaz and Khan both said that voter emotions were high.',
    );
    expect(got).toEqual([
      'Chaudhry Nisar Ali Khan | Ambassador | 2008-01-31',
      'Chaudhry Nisar Ali Khan | Political Counselor | 2008-01-31',
    ]);
  });

  it('pairs "Also present at the meeting was X" of the host ministry with the officer (04MADRID1731)', async () => {
    const got = await attended(
      '2. (C) DCM paid an initial call May 10 on MFA State Secretary Bernardino Leon. ' +
        'Also present at the meeting was Rafael Descaller who will have the number three post at the MFA. ' +
        'Descaller mentioned his experience as a Fulbright scholar.',
      { origin: 'Embassy Madrid', created: '2004-05-13T10:10:00Z' },
    );
    expect(got).toEqual(['Rafael Descaller | DCM | 2004-05-10']);
  });

  it('pairs a third country envoy with the ones met, by the short form a question came from (09KABUL3068)', async () => {
    const got = await attended(
      '2. (C) SCR Frank Ruggiero met with Governor Tooryalai Weesa on September 28 in Kandahar City. ' +
        'The Representative of Canada in Kandahar (RoCK) Ben Rowswell also attended the meeting. ' +
        '3. (C) In answer to a question from the RoCK, Weesa said the elections were new.',
      { origin: 'Embassy Kabul', created: '2009-10-03T10:10:00Z' },
    );
    expect(got).toEqual(['Ben Rowswell | Tooryalai Weesa | 2009-09-28']);
  });

  it('leaves out an attendee who never speaks (07ABUDHABI187)', async () => {
    const got = await attended(
      '2. (C) Ambassador met Foreign Minister Abdullah bin Zayed on February 1. ' +
        "Also present was International Affairs Advisor to the Crown Prince's Court Yousef Al-Otaiba. " +
        'Abdullah said the UAE would study the proposal.',
      { origin: 'Embassy Abu Dhabi', created: '2007-02-07T10:10:00Z' },
    );
    expect(got).toEqual([]);
  });

  it('reads no attendee when no meeting was told before', async () => {
    const got = await attended(
      '2. (C) PML-N leader Chaudhry Nisar Ali Khan also attended the meeting. Khan said the vote would be free.',
    );
    expect(got).toEqual([]);
  });
});
