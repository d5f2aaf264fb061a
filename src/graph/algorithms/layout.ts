// The viewer's initial positions: ForceAtlas2 over a weighted view, seeded.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { WeightedView } from './weighted-view';

// graphology-layout-forceatlas2's own iteration step and defaults: the layout math of the library,
// fed with matrices built from the view instead of a graphology graph (which would cost ~290
// bytes an edge). Both modules are what the library's own synchronous layout and worker call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const iterate = require('graphology-layout-forceatlas2/iterate.js') as (
  settings: Record<string, unknown>,
  nodes: Float32Array,
  edges: Float32Array,
) => void;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DEFAULT_SETTINGS = require('graphology-layout-forceatlas2/defaults.js') as Record<string, unknown>;

/** Floats per node and per edge in the library's matrices. */
const PER_NODE = 10;
const PER_EDGE = 3;

/**
 * ForceAtlas2 positions for the view's nodes, from `x`, `y` as the start: the library's settings
 * for a graph of this order (Barnes-Hut above 2,000 nodes), masses = 1 + weighted degree, edges in
 * the view's pair order — exactly what `forceAtlas2.assign` does on a graphology graph with the
 * same nodes and edges. Updates `x` and `y` in place.
 */
export function forceAtlas2Layout(view: WeightedView, x: Float64Array, y: Float64Array, iterations: number): void {
  const nodes = new Float32Array(view.order * PER_NODE);
  for (let i = 0, j = 0; i < view.order; i += 1, j += PER_NODE) {
    nodes[j] = x[i]!;
    nodes[j + 1] = y[i]!;
    nodes[j + 6] = 1; // mass
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
  }
  const edges = new Float32Array(view.size * PER_EDGE);
  for (let p = 0, j = 0; p < view.size; p += 1, j += PER_EDGE) {
    const s = view.source[p] * PER_NODE;
    const t = view.target[p] * PER_NODE;
    const w = view.weight[p];
    nodes[s + 6] += w;
    nodes[t + 6] += w;
    edges[j] = s;
    edges[j + 1] = t;
    edges[j + 2] = w;
  }
  const settings = { ...DEFAULT_SETTINGS, ...forceAtlas2.inferSettings(view.order) };
  for (let k = 0; k < iterations; k += 1) iterate(settings, nodes, edges);
  for (let i = 0, j = 0; i < view.order; i += 1, j += PER_NODE) {
    x[i] = nodes[j]!;
    y[i] = nodes[j + 1]!;
  }
}
