/** Telling forms beyond "told" (round 20, dev10 and dev11 on unseen cables; src/extract/relations/meetings.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

async function pairsOf(sentence: string, origin: string): Promise<string[]> {
  const cable = makeCable('09TEST20', `4. (C) ${sentence}`, { origin, created: '2009-05-06T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).meetings.map(
    (r) =>
      `${r.a.kind === 'person' ? r.a.text : r.a.label} — ${r.b.kind === 'person' ? r.b.text : r.b.label} | ${r.date}`,
  );
}

describe('readMeetings: a verb of speech "to" the one told', () => {
  it('reads "argued to us" and "judged to us" as telling the embassy', async () => {
    expect(
      await pairsOf(
        "Taking a cue from observers, the BBC Moscow's Konstantin Eggert argued to us that Putin had successfully fashioned himself into the people's president.",
        'Embassy Moscow',
      ),
    ).toEqual(['Konstantin Eggert — Embassy Officer (Embassy Moscow) | 2009-05-06']);
    expect(
      await pairsOf(
        'The newly appointed Director of the Russian Institute for Democracy in NY, Andranik Migranyan, judged to us that even before the Georgia crisis, Medvedev had taken a beating in foreign policy.',
        'Embassy Moscow',
      ),
    ).toEqual(['Andranik Migranyan — Embassy Officer (Embassy Moscow) | 2009-05-06']);
  });

  it('reads "expressed concern to" a consulate\'s Principal Officer, its city aside, dated by the meeting', async () => {
    expect(
      await pairsOf(
        'Federally Administered Tribal Areas (FATA) Secretariat Additional Chief Secretary Habibullah Khan expressed concern to Peshawar Principal Officer in a February 24 meeting that this new body provides all three militant leaders with unfettered access.',
        'Embassy Islamabad',
      ),
    ).toEqual(['Habibullah Khan — Principal Officer (Embassy Islamabad) | 2009-02-24']);
  });

  it('reads one named speaker among unnamed ones ("X and various of those present told Y")', async () => {
    expect(
      await pairsOf(
        'AmCham President Jaime Malet and various of those present told State Secretary Ros that the important point was not whether piracy in Spain was worse than in other countries.',
        'Embassy Madrid',
      ),
    ).toEqual(['Jaime Malet — Ros | 2009-05-06']);
  });
});

describe('readMeetings: "approached" and the Legal Attache', () => {
  it('reads an approach to a person as a meeting, not one to a government', async () => {
    expect(
      await pairsOf(
        'Zardari revealed that former President Musharraf had approached Chief Justice Dogar about issuing a restraining order against the impeachment motion.',
        'Embassy Islamabad',
      ),
    ).toEqual(['Musharraf — Dogar | 2009-05-06']);
    expect(
      await pairsOf(
        'Noting the shift in its political and military environment, ETA approached the Zapatero government in August 2004 to explore talks.',
        'Embassy Madrid',
      ),
    ).toEqual([]);
  });

  it("reads LEGATT as the post's officer", async () => {
    expect(
      await pairsOf(
        "LEGATT and Embassy FSN Legal Advisor met May 4 with National Court Chief Prosecutor Javier Zaragoza (protect) to discuss Garzon's latest move.",
        'Embassy Madrid',
      ),
    ).toEqual(['LEGATT (Embassy Madrid) — Javier Zaragoza | 2009-05-04']);
  });
});

describe('readMeetings: a party inside a relative clause', () => {
  it('is not the subject of the verb after the clause', async () => {
    // (main read "Political Counselor — Poloff": two of the post's officers, the clause's party as the speaker)
    expect(
      await pairsOf(
        "Following the meeting with Roberts, Joanne Yeadon, Head of the FCO's Overseas Territories Directorate's BIOT and Pitcairn Section, who also attended the meeting with Polcouns, told Poloff that the marine park proposal would not impact the base.",
        'Embassy London',
      ),
    ).toEqual([]);
  });

  it('and thanks expressed to a list of the absent are no meeting', async () => {
    expect(
      await pairsOf(
        'Dai expressed appreciation to President Obama, Secretary Clinton and Treasury Secretary Geithner for their personal contributions in making the Strategic and Economic Dialogue (S&ED) a great success.',
        'Embassy Beijing',
      ),
    ).toEqual([]);
  });
});
