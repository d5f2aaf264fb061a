import * as fs from 'fs';
import * as path from 'path';
import { seededRandom } from '../../../src/common/random';
import {
  layoutJob,
  runLayoutJob,
  runLayoutJobAside,
  type LayoutJob,
  type LayoutWorkerOptions,
} from '../../../src/graph/algorithms/layout';
import { WeightedView } from '../../../src/graph/algorithms/weighted-view';

/** A seeded graph of `nodes` with a few hubs (ends drawn as N·u³) and weights 1–4, as co-mentions go. */
function hubbyView(nodes: number, pairs: number, seed: number): WeightedView {
  const random = seededRandom(seed);
  const edges: Array<[number, number, number]> = [];
  for (let k = 0; k < pairs; k += 1)
    edges.push([Math.floor(nodes * random() ** 3), Math.floor(nodes * random() ** 3), 1 + Math.floor(random() * 4)]);
  return new WeightedView(nodes, (callback) => edges.forEach(([s, t, w]) => callback(s, t, w)));
}

/** A fresh job on the same graph and start (a worker takes its matrices away). */
function job(iterations: number): LayoutJob {
  const nodes = 4000;
  const random = seededRandom(5);
  const x = Float64Array.from({ length: nodes }, () => random() * 1000);
  const y = Float64Array.from({ length: nodes }, () => random() * 1000);
  return layoutJob(hubbyView(nodes, 24000, 9), x, y, iterations);
}

describe('the layout on a worker thread', () => {
  // Without the built worker runLayoutJobAside runs inline, and this would compare a run with itself.
  test('the worker script is built (npm run build)', () => {
    expect(fs.existsSync(path.resolve(__dirname, '../../../dist/graph/algorithms/layout-worker.js'))).toBe(true);
  });

  test.each<[string, LayoutWorkerOptions]>([
    ["the build's settings", {}],
    ['a full collection between iterations', { collect: true }],
    ['collections, a small old and young generation', { collect: true, heapMb: 96, youngMb: 4 }],
    ['no collections, a small old and young generation', { heapMb: 96, youngMb: 4 }],
  ])('%s: the node matrix of the inline run, bit for bit (Barnes-Hut on)', async (_how, options) => {
    const inline = job(6);
    expect(inline.settings.barnesHutOptimize).toBe(true);
    runLayoutJob(inline);
    const aside = await runLayoutJobAside(job(6), undefined, options);
    expect(Buffer.from(aside.buffer).equals(Buffer.from(inline.nodes.buffer))).toBe(true);
    // (and the layout moved the nodes: a run that did nothing would match too)
    expect(Buffer.from(aside.buffer).equals(Buffer.from(job(0).nodes.buffer))).toBe(false);
  });

  test('runLayoutJob calls `between` after every iteration but the last', () => {
    let calls = 0;
    runLayoutJob(job(4), () => (calls += 1));
    expect(calls).toBe(3);
  });
});
