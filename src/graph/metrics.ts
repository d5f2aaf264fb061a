// Node metrics for exploration: degree, weighted degree, PageRank, Louvain communities and a layout.
import type { NodeMetrics, CableGraph } from '../model';
import { COLLECT_FROM_PAIRS, releaseArrayBuffers } from '../common/collect';
import { seededRandom } from '../common/random';
import { traceMemory } from '../common/trace-memory';
import { layoutJob, readPositions, runLayoutJob, runLayoutJobAside, type LayoutJob } from './algorithms/layout';
import { louvain } from './algorithms/louvain';
import { pagerank } from './algorithms/pagerank';
import { WeightedView } from './algorithms/weighted-view';
import type { BuildOptions } from './types';

/** What the metrics read of a graph: node keys in order, and its edges in order (node indexes, weight). */
export interface MetricsInput {
  keys: readonly string[];
  /** Walked once (a build lets its edge list go after). */
  forEachEdge(callback: (source: number, target: number, weight: number) => void): void;
  /** At least the number of edges forEachEdge gives (the view's arrays are sized once). */
  edges?: number;
  /**
   * Edges between distinct nodes that no other edge joins (a build's co-mentions), which the view
   * takes without looking for parallel ones and without copying them: walked several times (the
   * degrees, the view's adjacency, the layout's matrix), after forEachEdge, the same each time.
   */
  forEachDistinctEdge?(callback: (source: number, target: number, weight: number) => void): void;
}

/**
 * Node attributes for exploration: degree, weighted degree (co-mention weights count, other edges
 * 1), PageRank, Louvain community, and ForceAtlas2 positions (x, y). Computed on an undirected,
 * weighted view of the whole graph in typed arrays (src/graph/algorithms): about 16 bytes an edge
 * (the adjacency) while Louvain and PageRank run, 12 (the layout's matrix) after, where a
 * graphology view cost ~290 — the difference between a full-corpus build fitting in 4 GiB or not.
 * Returns each node's metrics by index.
 */
export function metricsOf(
  input: MetricsInput,
  options: Pick<BuildOptions, 'layoutIterations' | 'seed'>,
): (i: number) => NodeMetrics {
  const { layout, x, y, metrics } = metricsBeforeLayout(input, options);
  if (layout) {
    runLayoutJob(layout);
    readPositions(layout.nodes, x, y);
    traceMemory('metrics: layout');
  }
  return metrics;
}

/**
 * metricsOf with the layout (the longest part) on a worker thread: degree, PageRank and the
 * communities are computed now, and the caller's thread is free while the layout runs. The same
 * metrics to the bit; read them once the promise settles.
 */
export async function metricsAside(
  input: MetricsInput,
  options: Pick<BuildOptions, 'layoutIterations' | 'seed'>,
  signal?: AbortSignal,
): Promise<(i: number) => NodeMetrics> {
  // The view is let go before the layout runs (only the layout's matrices are kept).
  const { layout, x, y, metrics } = metricsBeforeLayout(input, options);
  if (layout) {
    readPositions(await runLayoutJobAside(layout, signal), x, y);
    traceMemory('metrics: layout');
  }
  return metrics;
}

/** Everything but running the layout: degrees, communities, PageRank, the seeded start positions and the layout's job (none: no layout). */
function metricsBeforeLayout(
  input: MetricsInput,
  options: Pick<BuildOptions, 'layoutIterations' | 'seed'>,
): { layout: LayoutJob | undefined; x: Float64Array; y: Float64Array; metrics: (i: number) => NodeMetrics } {
  const n = input.keys.length;
  const degree = new Float64Array(n);
  const weighted = new Float64Array(n);
  const count = (s: number, t: number, weight: number): void => {
    degree[s] += 1;
    degree[t] += 1;
    weighted[s] += weight;
    weighted[t] += weight;
  };
  const distinct = input.forEachDistinctEdge?.bind(input);
  const view = new WeightedView(
    n,
    (callback) =>
      input.forEachEdge((s, t, weight) => {
        count(s, t, weight);
        callback(s, t, weight);
      }),
    {
      ...(input.edges !== undefined ? { edges: input.edges } : {}),
      ...(distinct ? { forEachDistinctEdge: distinct } : {}),
    },
  );
  distinct?.(count);
  traceMemory('metrics: weighted view');
  const community = louvain(view, seededRandom(options.seed));
  traceMemory('metrics: louvain');
  const rank = n > 0 ? pagerank(view) : new Float64Array(0);
  traceMemory('metrics: pagerank');
  // The layout's matrices only once the adjacency (what Louvain and PageRank read) is gone: the
  // two are the biggest arrays of a build and never need to be held together. Its start
  // positions are seeded apart from Louvain's, so the order changes no result.
  view.releaseAdjacency();
  // Let go is not freed: the adjacency (16 bytes a pair) stays in memory until V8 next collects
  // on its own, and the layout's edge matrix (12) would be made beside it — the top of a
  // full-corpus build, ~0.5 GiB above the rest. Freed first where that matters (a collection
  // costs a second or two of a build that long).
  if (options.layoutIterations > 0 && view.size >= COLLECT_FROM_PAIRS) releaseArrayBuffers();
  const random = seededRandom(options.seed + 1);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    x[i] = random() * 1000;
    y[i] = random() * 1000;
  }
  // A starting layout for the viewer (which refines it in the browser): fewer iterations on big
  // graphs, where each costs O(nodes log nodes + edges).
  const iterations =
    options.layoutIterations > 0 && n > 1
      ? Math.max(10, Math.min(options.layoutIterations, Math.round(3e6 / (n + view.size))))
      : 0;
  const layout = iterations > 0 ? layoutJob(view, x, y, iterations) : undefined;
  view.releasePairs();
  traceMemory('metrics: layout matrices');
  return {
    layout,
    x,
    y,
    metrics: (i) => ({
      degree: degree[i],
      weightedDegree: weighted[i],
      pagerank: Number(rank[i].toPrecision(6)),
      community: community[i],
      x: Number(x[i].toFixed(3)),
      y: Number(y[i].toFixed(3)),
    }),
  };
}

/** metricsOf a graphology graph, merged into its node attributes. */
export function computeMetrics(graph: CableGraph, options: Pick<BuildOptions, 'layoutIterations' | 'seed'>): void {
  const keys = graph.nodes();
  const index = new Map(keys.map((key, i) => [key, i]));
  const metrics = metricsOf(
    {
      keys,
      forEachEdge: (callback) =>
        graph.forEachEdge((_e, a, s, t) =>
          callback(index.get(s)!, index.get(t)!, typeof a.weight === 'number' ? a.weight : 1),
        ),
    },
    options,
  );
  keys.forEach((key, i) => graph.mergeNodeAttributes(key, { ...metrics(i) }));
}
