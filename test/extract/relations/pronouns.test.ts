/** Meeting parties written as pronouns (src/extract/relations/pronouns.ts), round 15 (issue 17). */
import { createExtractor } from '../../../src/extract';
import { extractRelations, type Meeting, type Party } from '../../../src/extract/relations';
import type { Cable } from '../../../src/parse/types';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
const who = (p: Party): string => (p.kind === 'officer' ? p.role : (p.name ?? p.text).replace(/\s+/g, ' '));
async function pairsOf(text: string, extra: Partial<Cable> = {}): Promise<string[]> {
  const cable = makeCable('09TEST15', text, { origin: 'Embassy Moscow', created: '2009-10-06T10:10:00Z', ...extra });
  const [mentions] = await extractor.extract([cable]);
  const pair = (m: Meeting) => `${who(m.a)} | ${who(m.b)} | ${m.form}`;
  return [...new Set(extractRelations(cable, mentions).meetings.map(pair))].sort();
}

describe('pronoun parties', () => {
  describe('an object pronoun ("told him", "met him")', () => {
    it('pairs each one who told with the one person named before (09MOSCOW2531)', async () => {
      const got = await pairsOf(
        '3. (C) Ariel Cohen, a senior fellow at the Heritage Foundation, said Putin and Lavrov told him in early September that they are opposed to tougher sanctions.',
      );
      expect(got).toEqual(['Lavrov | Ariel Cohen | told', 'Putin | Ariel Cohen | told']);
    });

    it('reads "him" as the owner of an opening phrase when the subject is the officer (10CARACAS163)', async () => {
      const got = await pairsOf(
        "2. (C) At Italian Ambassador Luigi Maccotta's (protect) request, the Ambassador met him February 4 to discuss the visit.",
        { origin: 'Embassy Caracas', created: '2010-02-10T10:10:00Z' },
      );
      expect(got).toEqual(['Ambassador | Luigi Maccotta | met']);
    });

    it('reads the sentence before when its own holds no one else', async () => {
      const got = await pairsOf(
        '4. (C) Deputy Minister Sergey Ryabkov was in Washington last week. Secretary Clinton told him that the talks would go on.',
      );
      expect(got).toEqual(['Clinton | Sergey Ryabkov | told']);
    });

    it('reads no pair when two people named before compete (09PARIS1416)', async () => {
      const got = await pairsOf(
        "5. (C) Sarkozy confidant Alain Minc told Ambassador Rivkin that he was a close friend of Aubry's, and that Aubry told him she ran for the PS leadership.",
        { origin: 'Embassy Paris' },
      );
      expect(got.filter((p) => /Aubry/.test(p))).toEqual([]);
    });

    it('reads no pair when an honorific gives the only one named before the other gender', async () => {
      expect(await pairsOf('6. (C) Mrs. Anna Petrova arrived late. Lavrov told him that nothing had changed.')).toEqual(
        [],
      );
    });

    it('reads no "told her" whose "her" owns the one told ("told her counterpart")', async () => {
      expect(
        await pairsOf(
          '7. (C) Ms. Anna Petrova spoke first. Later Lavrov told her counterpart that nothing had changed.',
        ),
      ).toEqual([]);
    });

    it('reads no pair across a paragraph', async () => {
      expect(
        await pairsOf('8. (C) Sergey Ryabkov was in Washington.\n\n9. (C) Lavrov told him that it was so.'),
      ).toEqual([]);
    });
  });

  describe('a possessive pronoun ("his conversation with X")', () => {
    it('pairs the one named before with the one met (08BRASILIA880)', async () => {
      const got = await pairsOf(
        '3. (C) (Note: The day before, Ministry of Foreign Relations Under Secretary for South America Enio Cordeiro had called to follow-up his conversation with the Ambassador, ref b.)',
        { origin: 'Embassy Brasilia', created: '2008-06-27T10:10:00Z' },
      );
      expect(got).toEqual(['Enio Cordeiro | Ambassador | meeting-with']);
    });

    it('pairs each one of a list met, after the sentence before', async () => {
      const got = await pairsOf(
        '4. (C) Deputy Minister Sergey Ryabkov spoke at length. He recalled his meetings with Senator Kerry and Senator Lugar in May.',
      );
      expect(got).toEqual(['Sergey Ryabkov | Kerry | meeting-with', 'Sergey Ryabkov | Lugar | meeting-with']);
    });

    it('reads no meeting someone hopes for or that is still to come (05MADRID1604)', async () => {
      expect(
        await pairsOf(
          "5. (C) Bono hopes his May 3 meeting with SecDef Rumsfeld is very positive and shows Spanish voters the countries' defense relations are excellent.",
          { origin: 'Embassy Madrid', created: '2005-04-26T10:10:00Z' },
        ),
      ).toEqual([]);
    });

    it('reads no pair when two people named before compete (10ISLAMABAD428)', async () => {
      const got = await pairsOf(
        '6. (C) Senator John Kerry opened the February 16 meeting with President Asif Ali Zardari by referring to his recent talks with Indian PM Manmohan Singh.',
        { origin: 'Embassy Islamabad', created: '2010-02-18T10:10:00Z' },
      );
      expect(got.filter((p) => /Singh/.test(p))).toEqual([]);
    });

    it('reads no pair when a pronoun of the other gender stands between (08MOSCOW2306)', async () => {
      const got = await pairsOf(
        '7. (C) Lyudmila Putina rarely travels. She even chose not to accompany her husband to Sochi for his farewell meeting as president with President Bush.',
      );
      expect(got).toEqual([]);
    });

    it('reads no pair from an opening phrase whose subject comes after it ("During his meeting with Y, X said")', async () => {
      const got = await pairsOf(
        '8. (C) Sergey Ryabkov spoke first. During his meeting with Senator Kerry, Deputy Minister Grigory Karasin said that it was so.',
      );
      expect(got.filter((p) => /Ryabkov/.test(p))).toEqual([]);
    });
  });

  describe('what keeps a pronoun unread', () => {
    it('someone named by a title alone before it ("The King described his conversation with FM Mottaki", 09RIYADH447)', async () => {
      const got = await pairsOf(
        '4. (S) John Brennan delivered the letter. The King described his conversation with FM Mottaki as a heated exchange.',
        { origin: 'Embassy Riyadh', created: '2009-03-22T10:10:00Z' },
      );
      expect(got.filter((p) => /Mottaki/.test(p))).toEqual([]);
    });

    it('a quotation opened in an earlier sentence (10BAKU134)', async () => {
      const got = await pairsOf(
        '5. (C) "Chancellor Angela Merkel offered to call. Aliyev told her, \'No need,\'" an aide recalled.',
        { origin: 'Embassy Baku', created: '2010-02-18T10:10:00Z' },
      );
      expect(got.filter((p) => /Merkel/.test(p))).toEqual([]);
    });

    it('an aside as the sentence before (06PARIS1681)', async () => {
      const got = await pairsOf(
        '11. (SBU) Devedjian said he would expect a post. (Note: Pundits expect Sarkozy to win.) In departing, he recalled warmly his February 3 meeting with EUR PDAS Volker.',
      );
      expect(got.filter((p) => /Volker/.test(p))).toEqual([]);
    });

    it('another person of the same gender as an object ("Sarkozy would name him")', async () => {
      const got = await pairsOf(
        '11. (SBU) Pundits predict Sarkozy would name him as Justice Minister. In departing, he recalled warmly his February 3 meeting with EUR PDAS Volker.',
      );
      expect(got.filter((p) => /Volker/.test(p))).toEqual([]);
    });

    it('a possessive that owns another noun ("his staff in meetings with", "his wife had dinner with")', async () => {
      const got = await pairsOf(
        '6. (C) A pragmatic interlocutor, Fernandez prefers not to include his staff in meetings with Embassy officials. Then Gomez and his wife had dinner with Mohammad El Materi.',
        { origin: 'Embassy Buenos Aires', created: '2009-09-22T10:10:00Z' },
      );
      expect(got).toEqual([]);
    });
  });

  describe('"X recalled he told Y"', () => {
    it('pairs the subject with the one told (09ISLAMABAD270), not one he only informed (05MADRID1604)', async () => {
      const told = await pairsOf(
        '3. (S) Kayani recalled he told Chairman of the Joint Chiefs Admiral Mullen that the U.S. needed realistic expectations.',
        { origin: 'Embassy Islamabad', created: '2009-02-10T10:10:00Z' },
      );
      expect(told).toEqual(['Kayani | Mullen | told']);
      const informed = await pairsOf(
        '4. (C) Bono added that he had informed Colombian president Uribe of the sale, and he raised no objections.',
        { origin: 'Embassy Madrid', created: '2005-04-26T10:10:00Z' },
      );
      expect(informed).toEqual([]);
    });
  });
});
