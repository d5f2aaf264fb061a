import Graph from 'graphology';
import { graphSource, planBatches, type Batch } from '../../../src/store/neo4j/plan';

/** Ten people, each pair of neighbours co-mentioned in `i % 4` cables (0 → a pair without a count). */
function pairsGraph(): Graph {
  const g = new Graph({ multi: false, type: 'mixed' });
  for (let i = 0; i < 10; i++) g.addNode(`p-${i}`, { kind: 'Person', name: `Person ${i}`, aliases: [] });
  for (let i = 0; i < 9; i++) {
    const cables = Array.from({ length: i % 4 }, (_v, k) => `C${i}-${k}`);
    g.addUndirectedEdge(`p-${i}`, `p-${i + 1}`, {
      type: 'CO_MENTIONED',
      weight: i + 1,
      ...(i % 4 > 0 ? { cableCount: i % 4 } : {}),
      paragraphCount: 1,
      cables,
      evidence: cables.map((cable) => ({ cable, paragraphs: [1] })),
    });
  }
  return g;
}

async function plan(graph: Graph, options: { evidenceLast?: boolean; lateAbove?: number }): Promise<Batch[]> {
  const batches: Batch[] = [];
  for await (const batch of planBatches(graphSource(graph), 4, options)) batches.push(batch);
  return batches;
}

describe('planBatches: which co-mentions carry their lists last', () => {
  test("lateAbove 1: pairs of more than one cable (or of no count) get their lists in the evidence phase, by their place among their relationship batch's late rows", async () => {
    const batches = await plan(pairsGraph(), { lateAbove: 1 });
    const relationships = batches.filter((b) => b.phase === 'relationships');
    // 9 pairs in batches of 4: rows 0–3, 4–7, 8 (weights 1–9; cable counts 0,1,2,3,0,1,2,3,0)
    expect(relationships.map((b) => b.rows.length)).toEqual([4, 4, 1]);
    expect(relationships.map((b) => b.late && [b.late.first, [...b.late.rows!]])).toEqual([
      [0, [0, 2, 3]],
      [4, [0, 2, 3]],
      [8, [0]],
    ]);
    // A pair of one cable carries its lists here; a late one carries none.
    const columns = relationships[0].cypher.create;
    expect(columns).toContain('`cables`');
    const one = relationships[0].rows[1];
    expect(one).toContain(2); // weight 2 (the pair of one cable)
    expect(one.some((v) => Array.isArray(v) && v[0] === 'C1-0')).toBe(true);
    for (const i of [0, 2, 3]) expect(relationships[0].rows[i].some((v) => Array.isArray(v))).toBe(false);

    const late = batches.filter((b) => b.phase === 'evidence');
    expect(late.map((b) => [b.late!.first, b.late!.from, b.rows.length])).toEqual([
      [0, 0, 3],
      [4, 0, 3],
      [8, 0, 1],
    ]);
    // rows [source, target, cables, evidence, evidenceTruncated]: the pairs of 0, 2, 3 cables, in order
    expect(late[0].rows.map((row) => (row[2] as string[]).length)).toEqual([0, 2, 3]);
    expect(late[1].rows.map((row) => (row[2] as string[]).length)).toEqual([0, 2, 3]);
  });

  test('lateAbove 0: every list last; evidenceLast false: none; lateAbove 3: only the pairs of no count', async () => {
    const allLate = await plan(pairsGraph(), { lateAbove: 0 });
    expect(allLate.filter((b) => b.phase === 'evidence').reduce((n, b) => n + b.rows.length, 0)).toBe(9);
    const onePass = await plan(pairsGraph(), { evidenceLast: false });
    expect(onePass.filter((b) => b.phase === 'evidence')).toEqual([]);
    expect(onePass.filter((b) => b.phase === 'relationships').every((b) => b.late === undefined)).toBe(true);
    const inline = await plan(pairsGraph(), { lateAbove: 3 });
    // only the three pairs without a count go late
    expect(inline.filter((b) => b.phase === 'evidence').reduce((n, b) => n + b.rows.length, 0)).toBe(3);
  });

  test('a late batch never spans two relationship batches, even when the rows between are not late', async () => {
    const batches = await plan(pairsGraph(), { lateAbove: 2 });
    // late: the pairs of 3 cables and of no count (rows 0, 3, 4, 7, 8)
    expect(
      batches.filter((b) => b.phase === 'evidence').map((b) => [b.late!.first, b.late!.from, b.rows.length]),
    ).toEqual([
      [0, 0, 2],
      [4, 0, 2],
      [8, 0, 1],
    ]);
  });

  test('a lateAbove that is no count is refused', async () => {
    await expect(plan(pairsGraph(), { lateAbove: -1 })).rejects.toThrow(/lateAbove/);
  });
});
