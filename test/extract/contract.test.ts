import { createExtractor, type Extractor } from '../../src/extract';
import { fromBracketed, makeCable, readShared } from './helpers';
import { ENTITY_TYPES } from '../../src/model';

const seed000 = makeCable('05PARIS77', readShared('seeds', '000_95b061aa67c0afb6.txt'));
const ann = fromBracketed(readShared('seeds', '002_d07167338e538831.txt'));
const seed002 = makeCable('07PARIS3534', ann.text, { annotations: ann.annotations, format: 'annotated' } as never);
const caps = makeCable(
  '86MADRID1',
  'SUBJECT: FOREIGN MINISTER ORDONEZ ON LIBYA\n\n1. FOREIGN MINISTER FRANCISCO ORDONEZ TOLD THE AMBASSADOR THAT SPAIN WOULD CONSULT NATO.\nENDERS\n',
);
const cables = [seed000, seed002, caps];

const extractors: Extractor[] = [createExtractor('builtin'), createExtractor('annotated')];

describe.each(extractors.map((e) => [e.name, e] as const))('extractor contract: %s', (_name, extractor) => {
  it('returns one list per cable, with valid offsets, surfaces and types, deterministically', async () => {
    const a = await extractor.extract(cables);
    const b = await extractor.extract(cables);
    expect(a).toHaveLength(cables.length);
    expect(b).toEqual(a);
    a.forEach((ms, i) => {
      for (const m of ms) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(cables[i].text.length);
        expect(m.start).toBeLessThan(m.end);
        expect(cables[i].text.slice(m.start, m.end)).toBe(m.text);
        expect(ENTITY_TYPES).toContain(m.type);
      }
    });
  });
});

it('the corenlp branch either builds an extractor or fails with EXTRACTOR_UNAVAILABLE', () => {
  try {
    expect(createExtractor('corenlp').name).toBeTruthy();
  } catch (e) {
    expect((e as { code?: string }).code).toBe('EXTRACTOR_UNAVAILABLE');
  }
});
