/** A meeting between two people that is only proposed or recommended is not one held (src/extract/relations/groups.ts). */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { makeCable } from '../helpers';

const extractor = createExtractor('tagger');

async function pairsOf(sentence: string): Promise<string[]> {
  const cable = makeCable('08TEST518', `4. (C) ${sentence}`, {
    origin: 'Embassy Madrid',
    created: '2008-05-09T10:00:00Z',
  });
  const [mentions] = await extractor.extract([cable]);
  return extractRelations(cable, mentions).meetings.map((m) => [m.a.text, m.b.text].sort().join(' — '));
}

describe('meetings between: proposed, not held', () => {
  it('reads no pair from a meeting the governments should begin thinking about', async () => {
    expect(
      await pairsOf(
        'He suggested both governments should begin thinking about a meeting between Presidents Bush and Zapatero in September at the UNGA.',
      ),
    ).toEqual([]);
  });

  it('still reads a meeting between two that took place', async () => {
    expect(
      await pairsOf('The April 30 meeting between Presidents Bush and Zapatero in Washington covered Iraq.'),
    ).toContain('Bush — Zapatero');
  });
});
