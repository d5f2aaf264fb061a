import * as path from 'path';
import { readCables } from '../../src/ingest';
import { processCables, type ProcessedCable } from '../../src/pipeline';

const SHARED = path.resolve(__dirname, '../../../shared');
const INPUTS = [
  path.join(SHARED, 'seeds'),
  path.join(SHARED, 'corpus/cablegate/cable/2009/01'),
  path.join(SHARED, 'corpus/cablegate/cable/2008/01'),
];

async function collect(workers: number, batchSize: number): Promise<ProcessedCable[]> {
  const out: ProcessedCable[] = [];
  for await (const processed of processCables(readCables(INPUTS), { workers, batchSize, ner: 'builtin' }))
    out.push(processed);
  return out;
}

describe('parse + extract on worker threads', () => {
  test('two workers give exactly the inline results (batches come out as they finish: keyed by id)', async () => {
    const inline = await collect(0, 64);
    const threaded = await collect(2, 5);
    expect(inline.length).toBe(45);
    const byId = (list: ProcessedCable[]): ProcessedCable[] =>
      [...list].sort((a, b) => (a.cable.id < b.cable.id ? -1 : a.cable.id > b.cable.id ? 1 : 0));
    expect(threaded.map((p) => p.cable.id).sort()).toEqual(inline.map((p) => p.cable.id).sort());
    expect(byId(threaded)).toEqual(byId(inline));
    expect(inline[0].cable.id).toBe('05PARIS77');
    expect(inline[1].mentions.some((m) => m.text === 'Talabani' && m.type === 'PERSON')).toBe(true);
  });

  test('a failing extractor surfaces as one error, workers shut down', async () => {
    const run = async () => {
      for await (const processed of processCables(readCables(INPUTS), { workers: 2, ner: 'nope' as never }))
        void processed;
    };
    await expect(run()).rejects.toThrow(/unknown extractor: nope/);
  });
});
