import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { UndirectedGraph } from 'graphology';
import { seededRandom } from '../common/random';
import type { BuildOptions } from './types';

/** What the metrics read of a graph: node keys in order, and its edges in order (node indexes, weight). */
export interface MetricsInput {
  keys: readonly string[];
  forEachEdge(callback: (source: number, target: number, weight: number) => void): void;
}

export interface NodeMetrics {
  degree: number;
  weightedDegree: number;
  pagerank: number;
  community: number;
  x: number;
  y: number;
}

/**
 * Node attributes for exploration: degree, weighted degree (co-mention weights count, other edges
 * 1), PageRank, Louvain community, and ForceAtlas2 positions (x, y). Computed on an undirected,
 * weighted view of the whole graph, since Louvain and the layout need one; the view holds keys and
 * weights only, never the graph's attributes. Returns each node's metrics by index.
 */
export function metricsOf(input: MetricsInput, options: Pick<BuildOptions, 'layoutIterations' | 'seed'>): (i: number) => NodeMetrics {
  const { keys } = input;
  const view = new UndirectedGraph();
  for (const key of keys) view.addNode(key);
  const degree = new Float64Array(keys.length);
  const weighted = new Float64Array(keys.length);
  input.forEachEdge((s, t, weight) => {
    degree[s]! += 1;
    degree[t]! += 1;
    weighted[s]! += weight;
    weighted[t]! += weight;
    const source = keys[s]!;
    const target = keys[t]!;
    if (view.hasEdge(source, target)) view.updateEdgeAttribute(source, target, 'weight', (w: number) => w + weight);
    else view.addEdge(source, target, { weight });
  });
  const ranks = view.order > 0 ? pagerank(view, { getEdgeWeight: 'weight' }) : {};
  const communities = view.size > 0 ? louvain(view, { getEdgeWeight: 'weight', rng: seededRandom(options.seed) }) : {};
  const random = seededRandom(options.seed + 1);
  view.forEachNode((node) => view.mergeNodeAttributes(node, { x: random() * 1000, y: random() * 1000 }));
  if (options.layoutIterations > 0 && view.order > 1) {
    // A starting layout for the viewer (which refines it in the browser): fewer iterations on big
    // graphs, where each costs O(nodes log nodes + edges) — about 1 s per 10 at 300,000 edges.
    const iterations = Math.max(10, Math.min(options.layoutIterations, Math.round(3e6 / (view.order + view.size))));
    forceAtlas2.assign(view, { iterations, settings: forceAtlas2.inferSettings(view), getEdgeWeight: 'weight' });
  }
  const x = new Float64Array(keys.length);
  const y = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    x[i] = view.getNodeAttribute(key, 'x') as number;
    y[i] = view.getNodeAttribute(key, 'y') as number;
  });
  const rank = keys.map((key) => ranks[key] ?? 0);
  const community = keys.map((key) => communities[key] ?? -1);
  view.clear();
  return (i) => ({
    degree: degree[i]!,
    weightedDegree: weighted[i]!,
    pagerank: Number(rank[i]!.toPrecision(6)),
    community: community[i]!,
    x: Number(x[i]!.toFixed(3)),
    y: Number(y[i]!.toFixed(3)),
  });
}

/** metricsOf a graphology graph, merged into its node attributes. */
export function computeMetrics(graph: Graph, options: Pick<BuildOptions, 'layoutIterations' | 'seed'>): void {
  const keys = graph.nodes();
  const index = new Map(keys.map((key, i) => [key, i]));
  const metrics = metricsOf(
    { keys, forEachEdge: (callback) => graph.forEachEdge((_e, a, s, t) => callback(index.get(s)!, index.get(t)!, typeof a.weight === 'number' ? a.weight : 1)) },
    options,
  );
  keys.forEach((key, i) => graph.mergeNodeAttributes(key, { ...metrics(i) }));
}
