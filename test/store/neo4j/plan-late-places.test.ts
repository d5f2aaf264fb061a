import Graph from 'graphology';
import { graphSource, planBatches, LATE_BATCH_BYTES, type Batch } from '../../../src/store/neo4j/plan';

/**
 * The loader's id bookkeeping (load.ts) simulated without a server: every relationship row gets a
 * fake id (its pair), a relationship batch keeps its late rows' ids, and each late batch takes
 * ids[from + i]; every late row must land on its own pair, once, with the graph's lists.
 */
function graph(pairs: number, big: (i: number) => boolean): Graph {
  const g = new Graph({ multi: false, type: 'mixed' });
  const long = 'x'.repeat(100);
  for (let i = 0; i <= pairs; i++) g.addNode(`p-${i}`, { kind: 'Person', name: `P${i}`, aliases: [] });
  for (let i = 0; i <= pairs; i++) g.addNode(`o-${i}`, { kind: 'Organization', name: `O${i}`, aliases: [] });
  for (let i = 0; i < pairs; i++) {
    for (const [a, b] of [
      [`p-${i}`, `p-${i + 1}`],
      [`p-${i}`, `o-${i}`],
    ]) {
      const count = i % 5 === 4 ? undefined : (i * 7) % 6; // 0..5, some without a count
      // a big late row: ~4.3 MB of cable ids (one shared string), so LATE_BATCH_BYTES cuts a batch
      const cables = big(i) ? Array.from({ length: 40000 }, () => long) : [`C${i}`, `${a}${b}`];
      g.addUndirectedEdge(a, b, {
        type: 'CO_MENTIONED',
        weight: i + 1,
        ...(count === undefined ? {} : { cableCount: count }),
        cables,
        evidence: [{ cable: `C${i}`, paragraphs: [1] }],
      });
    }
  }
  return g;
}

async function simulate(g: Graph, batchSize: number, lateAbove: number): Promise<{ late: Batch[]; cuts: number }> {
  const batches: Batch[] = [];
  for await (const b of planBatches(graphSource(g), batchSize, { lateAbove })) batches.push(b);
  const ids = new Map<string, string[]>();
  const set = new Map<string, number>();
  const late = batches.filter((b) => b.phase === 'evidence');
  for (const b of batches) {
    if (b.phase === 'relationships' && b.late) {
      const key = `${b.late.shape}\u0000${b.late.first}`;
      ids.set(
        key,
        [...b.late.rows!].map((i) => `${String(b.rows[i][0])}|${String(b.rows[i][1])}`),
      );
      for (const i of b.late.rows!) expect(b.rows[i].some((v) => Array.isArray(v))).toBe(false);
    }
    if (b.phase === 'evidence') {
      const key = `${b.late!.shape}\u0000${b.late!.first}`;
      const kept = ids.get(key)!;
      const from = b.late!.from ?? 0;
      expect(from + b.rows.length).toBeLessThanOrEqual(kept.length);
      b.rows.forEach((row, i) => {
        const pair = `${String(row[0])}|${String(row[1])}`;
        expect(kept[from + i]).toBe(pair);
        set.set(pair, (set.get(pair) ?? 0) + 1);
        const edge = g.edge(row[0], row[1])!;
        expect((row[2] as string[]).length).toBe((g.getEdgeAttribute(edge, 'cables') as string[]).length);
      });
    }
  }
  const expectedLate = g.filterEdges((_e, a) => !(typeof a.cableCount === 'number' && a.cableCount <= lateAbove));
  expect(set.size).toBe(expectedLate.length);
  expect([...set.values()].every((n) => n === 1)).toBe(true);
  let cuts = 0;
  for (const b of late) if ((b.late!.from ?? 0) > 0) cuts += 1;
  return { late, cuts };
}

describe('late batches: each row takes the id of its own relationship (from)', () => {
  test('small rows, several shapes, part-filled last batches', async () => {
    const { late } = await simulate(
      graph(40, () => false),
      7,
      2,
    );
    expect(late.length).toBeGreaterThan(0);
  });

  test('LATE_BATCH_BYTES cuts inside a relationship batch with late and inline rows mixed', async () => {
    expect(LATE_BATCH_BYTES).toBe(4 * 2 ** 20);
    const { cuts } = await simulate(
      graph(40, (i) => i % 3 !== 0),
      7,
      2,
    );
    expect(cuts).toBeGreaterThan(10);
  });

  test('lateAbove 0 and 5 with cuts', async () => {
    expect(
      (
        await simulate(
          graph(30, (i) => i % 2 === 0),
          6,
          0,
        )
      ).cuts,
    ).toBeGreaterThan(0);
    expect(
      (
        await simulate(
          graph(30, (i) => i % 2 === 0),
          6,
          5,
        )
      ).late.length,
    ).toBeGreaterThan(0);
  });
});
