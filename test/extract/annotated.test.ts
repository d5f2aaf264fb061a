import { createExtractor } from '../../src/extract';
import { resolveEntities } from '../../src/resolve';
import { fromBracketed, makeCable, readShared } from './helpers';

it('passes through PER/ORG/LOC annotations of seed 002, dropping MISC', async () => {
  const { text, annotations } = fromBracketed(readShared('seeds', '002_d07167338e538831.txt'));
  const cable = makeCable('07PARIS3534', text, {
    annotations,
    tags: [
      { code: 'FR', kind: 'country' },
      { code: 'IZ', kind: 'country' },
    ],
  });
  const mentions = await createExtractor('annotated').extract([cable]);
  expect(mentions[0].some((m) => m.text === 'French')).toBe(false);
  expect(mentions[0].some((m) => m.text.startsWith('DECL'))).toBe(false);
  const { perCable } = resolveEntities([cable], mentions);
  const kouchner = perCable[0].find((e) => e.type === 'PERSON' && e.mentions.includes('Kouchner'));
  expect(kouchner).toBeDefined();
  const talabani = perCable[0].find((e) => e.name === 'Jalal Talabani')!;
  expect(talabani.type).toBe('PERSON');
  expect([...talabani.mentions].sort()).toEqual(['Jalal Talabani', 'Talabani']);
});
