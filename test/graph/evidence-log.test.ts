import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EvidenceLog } from '../../src/graph/evidence-log';

describe('EvidenceLog', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-evidence-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** 100,000 integers over 3 buckets, several write buffers' worth in bucket 1. */
  const fill = (log: EvidenceLog): number[][] => {
    const expected: number[][] = [[], [], []];
    for (let i = 0; i < 100_000; i += 1) {
      const bucket = i % 5 === 0 ? 0 : i % 7 === 0 ? 2 : 1;
      log.push(bucket, i * 3 - 50_000);
      expected[bucket].push(i * 3 - 50_000);
    }
    return expected;
  };

  test('spilled to files, each bucket reads back exactly what was pushed, in order, as often as asked', () => {
    const spilled = new EvidenceLog(3, path.join(dir, 'spill'));
    const expected = fill(spilled);
    for (let b = 0; b < 3; b += 1) expect(Array.from(spilled.read(b))).toEqual(expected[b]);
    spilled.push(2, 42);
    expect(Array.from(spilled.read(2))).toEqual([...expected[2], 42]);
    expect(fs.readdirSync(path.join(dir, 'spill')).sort()).toEqual(['bucket-0.i32', 'bucket-1.i32', 'bucket-2.i32']);
    spilled.remove();
    expect(fs.existsSync(path.join(dir, 'spill'))).toBe(false);
  });

  test('in memory: the same values, and nothing on disk', () => {
    const memory = new EvidenceLog(3);
    const expected = fill(memory);
    for (let b = 0; b < 3; b += 1) expect(Array.from(memory.read(b))).toEqual(expected[b]);
    memory.remove();
  });
});
