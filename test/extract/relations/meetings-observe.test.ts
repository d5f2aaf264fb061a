/** The parties readMeetings shows its observer, sentence by sentence (src/extract/relations/meetings.ts). */
import { createExtractor } from '../../../src/extract';
import { contextOf } from '../../../src/extract/relations/context';
import { readMeetings, type Slot } from '../../../src/extract/relations/meetings';
import { readRoles } from '../../../src/extract/relations/roles';
import type { Party } from '../../../src/extract/relations/types';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');
const who = (p: Party): string => (p.kind === 'officer' ? `officer:${p.role}` : (p.name ?? p.text));

async function observe(text: string): Promise<{ seen: Array<[number, string[]]>; pairs: string[]; plain: string[] }> {
  const cable = makeCable('09TEST1', text, { origin: 'Embassy Paris', created: '2009-05-08T10:10:00Z' });
  const [mentions] = await extractor.extract([cable]);
  const ctx = contextOf(cable, mentions);
  const roles = readRoles(ctx);
  const seen: Array<[number, string[]]> = [];
  const pair = (m: { a: Party; b: Party }): string => `${who(m.a)} | ${who(m.b)}`;
  const pairs = readMeetings(ctx, roles, (si: number, slots: readonly Slot[]) =>
    seen.push([si, slots.map((s) => `${who(s.party)}@${text.slice(s.start, s.end)}`)]),
  ).map(pair);
  const plain = readMeetings(contextOf(cable, mentions), roles).map(pair);
  return { seen, pairs, plain };
}

describe('readMeetings observer', () => {
  it('shows the persons and the post officer of a sentence with a meeting word, in text order', async () => {
    const { seen } = await observe(
      '2. (C) Foreign Minister Bernard Kouchner told the Ambassador on May 3 that France would stay in Afghanistan.',
    );
    expect(seen.map(([, slots]) => slots)).toEqual([
      ['Bernard Kouchner@Bernard Kouchner', 'officer:Ambassador@the Ambassador'],
    ]);
  });

  it('shows a subject pronoun as the person named in the sentence before', async () => {
    const { seen } = await observe(
      '2. (C) Defense Minister Herve Morin spoke at length about Afghanistan. He told Poloff that more troops were coming.',
    );
    expect(seen.map(([, slots]) => slots)).toContainEqual(['Herve Morin@He', 'officer:Poloff@Poloff']);
  });

  it('is not called for a sentence without a meeting word', async () => {
    const { seen } = await observe('2. (C) Defense Minister Herve Morin and Bernard Kouchner are both from Paris.');
    expect(seen).toEqual([]);
  });

  it('does not change the meetings read', async () => {
    const { pairs, plain } = await observe(
      '2. (C) Foreign Minister Bernard Kouchner told the Ambassador on May 3 that France would stay in Afghanistan.',
    );
    expect(pairs).toEqual(['Bernard Kouchner | officer:Ambassador']);
    expect(plain).toEqual(pairs);
  });
});
