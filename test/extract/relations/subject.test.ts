/** The meeting a cable's subject line names (src/extract/relations/subject.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Party } from '../../../src/extract/relations';
import { collapse } from '../../../src/extract/relations/text';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
const who = (p: Party): string => (p.kind === 'officer' ? p.role : (p.name ?? p.text));

async function subjectPairs(subject: string, body: string): Promise<string[]> {
  const text = `C O N F I D E N T I A L MADRID 004026\n\nSUBJECT: ${subject}\n\nClassified By: Political Counselor Kathy Fitzpatrick for reasons 1.4 (b) and (d)\n\n${body}`;
  const cable = makeCable('05TEST1', text, { origin: 'Embassy Madrid', created: '2005-11-18T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions)
    .meetings.filter((m) => m.form === 'subject')
    .map((m) => `${who(m.a)} | ${who(m.b)} | ${m.date}`);
}

describe('subjectMeetings', () => {
  it('pairs the officer of "AMBASSADOR\'S <date> MEETING WITH <title> <NAME>" with the body\'s person (05MADRID4026)', async () => {
    const got = await subjectPairs(
      "AMBASSADOR'S NOVEMBER 10 MEETING WITH CULTURE MINISTER CARMEN CALVO",
      '1. (C) Culture Minister Carmen Calvo said the government would return the archives.',
    );
    expect(got).toEqual(['Ambassador | Carmen Calvo | 2005-11-10']);
  });

  it('pairs each one named after "MEETS" with the subject (07ISLAMABAD528)', async () => {
    const got = await subjectPairs(
      'PRESIDENT MUSHARRAF MEETS SPEAKER PELOSI AND CONGRESSIONAL DELEGATION',
      '1. (C) President Pervez Musharraf told Speaker Nancy Pelosi that Pakistan would hold elections.',
    );
    expect(got).toEqual(['Pervez Musharraf | Nancy Pelosi | 2005-11-18']);
  });

  it('gives the subject line as evidence, its offsets spanning the text it quotes', async () => {
    const text = `C O N F I D E N T I A L MADRID 004026\n\nSUBJECT: AMBASSADOR'S NOVEMBER 10 MEETING WITH CULTURE\n  MINISTER CARMEN CALVO\n\n1. (C) Culture Minister Carmen Calvo said the government would return the archives.`;
    const cable = makeCable('05TEST1', text, { origin: 'Embassy Madrid', created: '2005-11-18T10:10:00Z' });
    const [mentions] = await extractor.extract([cable]);
    const [meeting] = extractRelations(cable, mentions).meetings.filter((m) => m.form === 'subject');
    expect(meeting.evidence.text).toBe("SUBJECT: AMBASSADOR'S NOVEMBER 10 MEETING WITH CULTURE MINISTER CARMEN CALVO");
    expect(collapse(text.slice(meeting.evidence.start, meeting.evidence.end))).toBe(meeting.evidence.text);
  });

  it('reads no meeting from a scenesetter for a meeting still to come', async () => {
    const got = await subjectPairs(
      "SCENESETTER FOR SECRETARY RUMSFELD'S MEETING WITH DEFENSE MINISTER BONO",
      '1. (C) Defense Minister Jose Bono will welcome Secretary Donald Rumsfeld.',
    );
    expect(got).toEqual([]);
  });

  it('reads no meeting when the body names no one by the surname', async () => {
    const got = await subjectPairs(
      "AMBASSADOR'S MEETING WITH FM MORATINOS",
      '1. (C) The Foreign Minister said the government would stay the course.',
    );
    expect(got).toEqual([]);
  });
});
