/** Meetings named before their parties or placed before "with" (round 19, dev10; src/extract/relations/meetings.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

async function pairsOf(sentence: string, origin: string): Promise<string[]> {
  const cable = makeCable('09TEST19', `4. (C) ${sentence}`, { origin, created: '2009-05-06T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).meetings.map(
    (r) =>
      `${r.a.kind === 'person' ? r.a.text : r.a.label} — ${r.b.kind === 'person' ? r.b.text : r.b.label} | ${r.date}`,
  );
}

describe('readMeetings: "a meeting A and B had with C"', () => {
  it('pairs each subject with the one they met', async () => {
    const pairs = await pairsOf(
      'Araghchi sat in on the Velayati meeting just as Velayati attended a meeting Gellet and Richier had with Araghchi.',
      'Embassy Paris',
    );
    expect(pairs).toEqual(
      expect.arrayContaining(['Gellet — Araghchi | 2009-05-06', 'Richier — Araghchi | 2009-05-06']),
    );
  });

  it('pairs no one when no meeting word opens the phrase ("the money Gellet had with him")', async () => {
    const pairs = await pairsOf(
      'He said the documents Gellet and Richier had with Araghchi were lost.',
      'Embassy Paris',
    );
    expect(pairs).toEqual([]);
  });
});

describe('readMeetings: "X\'s <date> meetings in <place> with Y"', () => {
  it('reads the meeting past its place, dated by its day (the last June 26 before the cable)', async () => {
    const pairs = await pairsOf(
      "The DCM cited Foreign Affairs Secretary of State Angel Lossada's June 26 meetings in Washington with WHA A/S Shannon.",
      'Embassy Madrid',
    );
    expect(pairs).toContain('Angel Lossada — Shannon | 2008-06-26');
  });
});
