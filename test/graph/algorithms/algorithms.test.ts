import { UndirectedGraph } from 'graphology';
import louvainReference from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import modularity from 'graphology-metrics/graph/modularity';
import pagerankReference from 'graphology-metrics/centrality/pagerank';
import { seededRandom } from '../../../src/common/random';
import { forceAtlas2Layout } from '../../../src/graph/algorithms/layout';
import { louvain } from '../../../src/graph/algorithms/louvain';
import { pagerank } from '../../../src/graph/algorithms/pagerank';
import { WeightedView } from '../../../src/graph/algorithms/weighted-view';
import { PairIndex } from '../../../src/graph/pair-index';

/** A seeded random graph with communities: `groups` dense groups, sparse edges between them, parallel edges and weights. */
function plantedEdges(nodes: number, groups: number, seed: number): Array<[number, number, number]> {
  const random = seededRandom(seed);
  const edges: Array<[number, number, number]> = [];
  for (let k = 0; k < nodes * 6; k += 1) {
    const s = Math.floor(random() * nodes);
    const inside = random() < 0.85;
    const t = inside
      ? (Math.floor(random() * (nodes / groups)) * groups + (s % groups)) % nodes
      : Math.floor(random() * nodes);
    edges.push([s, t, 1 + Math.floor(random() * 3)]);
  }
  return edges;
}

/** The same edges as a graphology graph, built the way the old metrics view was (parallel edges summed, first direction kept). */
function graphologyOf(nodes: number, edges: Array<[number, number, number]>): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (let i = 0; i < nodes; i += 1) graph.addNode(String(i));
  for (const [s, t, w] of edges) {
    if (s === t) continue;
    if (graph.hasEdge(String(s), String(t)))
      graph.updateEdgeAttribute(String(s), String(t), 'weight', (x: number) => x + w);
    else graph.addEdge(String(s), String(t), { weight: w });
  }
  return graph;
}

const viewOf = (nodes: number, edges: Array<[number, number, number]>): WeightedView =>
  new WeightedView(nodes, (callback) => edges.forEach(([s, t, w]) => callback(s, t, w)));

/** A view's pairs in its order: sources, targets, weights. */
function pairsOf(view: WeightedView): { source: number[]; target: number[]; weight: number[] } {
  const pairs = { source: [] as number[], target: [] as number[], weight: [] as number[] };
  view.forEachPair((s, t, w) => {
    pairs.source.push(s);
    pairs.target.push(t);
    pairs.weight.push(w);
  });
  return pairs;
}

describe('graph algorithms on typed arrays', () => {
  const nodes = 3000;
  const edges = plantedEdges(nodes, 12, 7);
  const view = viewOf(nodes, edges);
  const reference = graphologyOf(nodes, edges);

  test('the weighted view: parallel edges summed, self-loops dropped, pairs in first-appearance order', () => {
    const small = viewOf(4, [
      [0, 1, 1],
      [2, 2, 5],
      [1, 0, 2],
      [3, 1, 1],
      [0, 1, 1],
    ]);
    expect(pairsOf(small)).toEqual({ source: [0, 3], target: [1, 1], weight: [4, 1] });
    expect(small.weightedDegree(1)).toBe(5);
    expect(small.weightedDegree(2)).toBe(0);
    expect(view.size).toBe(reference.size);
  });

  test('the weighted view told its sizes and its distinct edges: the same pairs, weights and adjacency as walking them all', () => {
    // Every edge of the first walk touches node 0 … 9 ("cables"); the distinct ones join nodes 10 … 19, each pair once.
    const parallel: Array<[number, number, number]> = [
      [0, 10, 1],
      [11, 0, 1],
      [1, 12, 1],
      [0, 10, 2],
      [3, 3, 1],
      [2, 4, 1],
      [4, 2, 1],
    ];
    const distinct: Array<[number, number, number]> = [
      [10, 11, 5],
      [12, 10, 2],
      [13, 19, 7],
    ];
    const all = viewOf(20, [...parallel, ...distinct]);
    let walks = 0;
    const sized = new WeightedView(20, (callback) => parallel.forEach(([s, t, w]) => callback(s, t, w)), {
      edges: parallel.length,
      forEachDistinctEdge: (callback) => {
        walks += 1;
        distinct.forEach(([s, t, w]) => callback(s, t, w));
      },
    });
    // The distinct edges are read where they are kept, not copied: once for the degrees, once for the adjacency.
    expect(walks).toBe(2);
    for (const view of [sized, all]) {
      expect(pairsOf(view)).toEqual({
        source: [0, 11, 1, 2, 10, 12, 13],
        target: [10, 0, 12, 4, 11, 10, 19],
        weight: [3, 1, 1, 2, 5, 2, 7],
      });
    }
    expect(walks).toBe(3);
    expect(sized.size).toBe(all.size);
    expect([...sized.start]).toEqual([...all.start]);
    expect([...sized.neighbour]).toEqual([...all.neighbour]);
    expect([...sized.neighbourWeight]).toEqual([...all.neighbourWeight]);
    // Sizes too small for what comes only cost growing.
    const small = new WeightedView(20, (callback) => parallel.forEach(([s, t, w]) => callback(s, t, w)), {
      edges: 1,
      forEachDistinctEdge: (callback) => distinct.forEach(([s, t, w]) => callback(s, t, w)),
    });
    expect(pairsOf(small)).toEqual(pairsOf(all));
    // The pairs can go; the adjacency (what Louvain and PageRank read) stays, and the size.
    sized.releasePairs();
    expect(() => sized.forEachPair(() => undefined)).toThrow('the pairs were released');
    expect(sized.size).toBe(all.size);
    expect([...pagerank(sized)]).toEqual([...pagerank(all)]);
    // And the other way round: the adjacency can go before the pairs (a build's layout after PageRank).
    all.releaseAdjacency();
    expect(all.neighbour).toHaveLength(0);
    expect(pairsOf(all).weight).toEqual([3, 1, 1, 2, 5, 2, 7]);
  });

  test('the adjacency weights are float32 when every weight is one exactly, float64 otherwise: the same values either way', () => {
    const whole = viewOf(4, [
      [0, 1, 3],
      [1, 2, 2 ** 24],
      [0, 1, 1],
    ]);
    expect(whole.neighbourWeight).toBeInstanceOf(Float32Array);
    expect([...whole.neighbourWeight]).toEqual([4, 4, 2 ** 24, 2 ** 24]);
    // 2^24 + 1 and 0.1 are no float32: the view keeps them whole.
    for (const w of [2 ** 24 + 1, 0.1]) {
      const fine = viewOf(3, [
        [0, 1, 1],
        [1, 2, w],
      ]);
      expect(fine.neighbourWeight).toBeInstanceOf(Float64Array);
      expect(fine.weightedDegree(2)).toBe(w);
    }
    // A distinct edge alone decides it too.
    const distinctFine = new WeightedView(3, (callback) => callback(0, 1, 1), {
      forEachDistinctEdge: (callback) => callback(1, 2, 0.1),
    });
    expect(distinctFine.neighbourWeight).toBeInstanceOf(Float64Array);
  });

  test('PageRank equals graphology-metrics on the same graph', () => {
    const expected = pagerankReference(reference, { getEdgeWeight: 'weight' });
    const ranks = pagerank(view);
    for (let i = 0; i < nodes; i += 1) expect(ranks[i]).toBeCloseTo(expected[String(i)], 12);
    expect(ranks.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  test('PageRank and Louvain on a float32 adjacency give what a float64 one with the same weights gives, bit for bit', () => {
    // The same integer weights, plus one distinct edge: weight 1 keeps the view float32, 1 + 2^-30 makes it float64.
    const withEdge = (w: number): WeightedView =>
      new WeightedView(nodes, (callback) => edges.forEach(([s, t, weight]) => callback(s, t, weight)), {
        forEachDistinctEdge: (callback) => callback(0, nodes - 1, w),
      });
    const narrow = withEdge(1);
    const wide = new WeightedView(nodes, (callback) => narrow.forEachPair(callback));
    expect(narrow.neighbourWeight).toBeInstanceOf(Float32Array);
    expect(withEdge(1 + 2 ** -30).neighbourWeight).toBeInstanceOf(Float64Array);
    // A float64 copy of the same adjacency.
    wide.neighbourWeight = Float64Array.from(wide.neighbourWeight);
    expect(Array.from(pagerank(narrow))).toEqual(Array.from(pagerank(wide)));
    expect([...louvain(narrow, seededRandom(3))]).toEqual([...louvain(wide, seededRandom(3))]);
  });

  test('Louvain finds the planted groups, with the modularity of graphology-communities-louvain', () => {
    const ours = louvain(view, seededRandom(1));
    const theirs = louvainReference(reference, { getEdgeWeight: 'weight', rng: seededRandom(1) });
    const partition = (c: ArrayLike<number>) =>
      Object.fromEntries(Array.from({ length: nodes }, (_, i) => [String(i), c[i]]));
    const q = modularity(reference, { getNodeCommunity: (n: string) => ours[Number(n)], getEdgeWeight: 'weight' });
    const qReference = modularity(reference, { getNodeCommunity: (n: string) => theirs[n], getEdgeWeight: 'weight' });
    expect(q).toBeGreaterThan(0.5);
    expect(q).toBeGreaterThan(qReference - 0.02);
    // Most nodes of a planted group share one community.
    for (let g = 0; g < 12; g += 1) {
      const counts = new Map<number, number>();
      for (let i = g; i < nodes; i += 12) counts.set(ours[i], (counts.get(ours[i]) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBeGreaterThan(0.8 * (nodes / 12));
    }
    // Numbered 0, 1, … by first node; the same seed gives the same communities.
    expect(ours[0]).toBe(0);
    expect([...louvain(view, seededRandom(1))]).toEqual([...ours]);
    expect(Object.keys(partition(ours))).toHaveLength(nodes);
  });

  test('Louvain on a graph without edges: every node alone', () => {
    expect([...louvain(viewOf(3, []), seededRandom(1))]).toEqual([0, 1, 2]);
  });

  test('ForceAtlas2 gives the positions graphology-layout-forceatlas2 gives on the same graph', () => {
    const random = seededRandom(2);
    const x = new Float64Array(nodes);
    const y = new Float64Array(nodes);
    for (let i = 0; i < nodes; i += 1) {
      x[i] = random() * 1000;
      y[i] = random() * 1000;
      reference.mergeNodeAttributes(String(i), { x: x[i], y: y[i] });
    }
    forceAtlas2.assign(reference, {
      iterations: 5,
      settings: forceAtlas2.inferSettings(reference),
      getEdgeWeight: 'weight',
    });
    forceAtlas2Layout(view, x, y, 5);
    for (const i of [0, 1, 500, 2999]) {
      expect(x[i]).toBe(reference.getNodeAttribute(String(i), 'x'));
      expect(y[i]).toBe(reference.getNodeAttribute(String(i), 'y'));
    }
  });

  test.each([
    ['grown from its default size', undefined],
    ['sized beforehand', 60000],
    ['sized too small', 5000],
  ])('PairIndex %s: unordered pairs numbered in insertion order, through many rehashes', (_how, expected) => {
    const pairs = new PairIndex(expected);
    const reference = new Map<string, number>();
    const random = seededRandom(3);
    for (let k = 0; k < 50000; k += 1) {
      const x = Math.floor(random() * 400000);
      const y = Math.floor(random() * 400000);
      const key = x < y ? `${x},${y}` : `${y},${x}`;
      if (!reference.has(key)) reference.set(key, reference.size);
      expect(pairs.add(y, x)).toBe(reference.get(key));
    }
    expect(pairs.length).toBe(reference.size);
    expect(pairs.get(2, 1)).toBe(-1);
    const [first] = reference.keys();
    const [lo, hi] = first.split(',').map(Number) as [number, number];
    expect(pairs.get(hi, lo)).toBe(0);
    expect([pairs.low(0), pairs.high(0)]).toEqual([lo, hi]);
  });
});
