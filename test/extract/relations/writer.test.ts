/** The chief of mission writing in the first person (src/extract/relations/writer.ts), round 14 (dev8's 06BRASILIA1859). */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Meeting, type Party } from '../../../src/extract/relations';
import { writerWordsIn } from '../../../src/extract/relations/writer';
import type { Cable } from '../../../src/parse/types';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
const who = (p: Party): string => (p.kind === 'officer' ? p.role : (p.name ?? p.text).replace(/\s+/g, ' '));
async function pairsOf(text: string, extra: Partial<Cable> = {}): Promise<string[]> {
  const cable = makeCable('06TEST3', text, { origin: 'Embassy Brasilia', created: '2006-09-05T16:04:00Z', ...extra });
  const [mentions] = await extractor.extract([cable]);
  const pair = (m: Meeting) => `${who(m.a)} | ${who(m.b)}`;
  return [...new Set(extractRelations(cable, mentions).meetings.map(pair))].sort();
}
const AMBASSADOR = { classifiedBy: { name: 'Karl W. Eikenberry', title: 'Ambassador', reasons: [], text: '' } };

describe('writerWordsIn', () => {
  const words = (s: string) => writerWordsIn(makeCable('06TEST3', s), 0, s.length).map((w) => s.slice(w.start, w.end));

  it('finds "I" opening a clause before a meeting verb, "me" after a verb of telling, "my" in a meeting phrase', () => {
    expect(words('2. (C) I met with Karzai, and Atmar assured me that it was so.')).toEqual(['I', 'me']);
    expect(words('In my meeting with Justice Minister Bastos (ref B), he asked for help.')).toEqual(['my']);
  });

  it('finds no "I" inside a clause ("whom I met"), before another verb, or inside quotation marks', () => {
    expect(words('Karzai, whom I met in May, told the DCM so.')).toEqual([]);
    expect(words('I think that Lula will win.')).toEqual([]);
    expect(words('She replied, "because my husband told me to."')).toEqual([]);
  });

  it("finds none where another's first person is reported without quotation marks (10RIYADH90)", () => {
    expect(
      words(
        'Kayani is a good man; I asked him, Prince Mohammed recounted, whether his soldiers wear uniforms. He told me that they change.',
      ),
    ).toEqual([]);
  });
});

describe('writer meetings', () => {
  it('pairs the writer the header names with each one met or held discussions with, not a possessive owner (06BRASILIA1859)', async () => {
    const got = await pairsOf(
      'FOR WHA ASSISTANT SECRETARY SHANNON FROM AMBASSADOR SOBEL\n\n' +
        "1. (SBU) I met early on with Foreign Minister Amorim and Lula's foreign policy advisor, Marco Aurelio Garcia, " +
        'and also had highly productive discussions with Justice Minister Bastos and Finance Minister Mantega.',
    );
    expect(got).toEqual(['SOBEL | Amorim', 'SOBEL | Bastos', 'SOBEL | Mantega', 'SOBEL | Marco Aurelio Garcia']);
  });

  it('pairs the Ambassador of the Classified By line with "X assured me" and "I met with X" (09KABUL1767)', async () => {
    const got = await pairsOf(
      '2. (S/NF) I met with Karzai on June 30. Despite these paranoias, Interior Minister Atmar assured me that Karzai had confidence in his relationship with me.',
      { ...AMBASSADOR, origin: 'Embassy Kabul' },
    );
    expect(got).toEqual(['Atmar | Karl W. Eikenberry', 'Karl W. Eikenberry | Karzai']);
  });

  it('reads "In my meeting with X" and "X related to me"', async () => {
    const got = await pairsOf(
      '8. (SBU) In my meeting with Justice Minister Bastos (ref B), he asked urgently for help. ' +
        'As Itamaraty Under Secretary for Political Affairs Antonio Patriota related to me: Brazil does not want labels.',
      AMBASSADOR,
    );
    expect(got).toEqual(['Antonio Patriota | Karl W. Eikenberry', 'Karl W. Eikenberry | Bastos']);
  });

  it('reads no first person when the cable does not say a chief of mission writes', async () => {
    const got = await pairsOf('2. (C) I met with Karzai on June 30, and Interior Minister Atmar told me nothing.', {
      classifiedBy: { name: 'Dennis Hearne', title: 'Political Counselor', reasons: [], text: '' },
    });
    expect(got).toEqual([]);
  });
});
