import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { UndirectedGraph } from 'graphology';
import { seededRandom } from '../common/random';
import type { BuildOptions } from './types';

/**
 * Node attributes for exploration: degree, weighted degree (co-mention weights count, other edges
 * 1), PageRank, Louvain community, and ForceAtlas2 positions (x, y). Computed on an undirected,
 * weighted view of the whole graph, since Louvain and the layout need one.
 */
export function computeMetrics(graph: Graph, options: Pick<BuildOptions, 'layoutIterations' | 'seed'>): void {
  const view = new UndirectedGraph();
  graph.forEachNode((node) => view.addNode(node));
  graph.forEachEdge((_edge, attributes, source, target) => {
    const weight = typeof attributes.weight === 'number' ? attributes.weight : 1;
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
  graph.forEachNode((node) => {
    let weighted = 0;
    view.forEachEdge(node, (_e, a) => (weighted += a.weight as number));
    graph.mergeNodeAttributes(node, {
      degree: graph.degree(node),
      weightedDegree: weighted,
      pagerank: Number((ranks[node] ?? 0).toPrecision(6)),
      community: communities[node] ?? -1,
      x: Number((view.getNodeAttribute(node, 'x') as number).toFixed(3)),
      y: Number((view.getNodeAttribute(node, 'y') as number).toFixed(3)),
    });
  });
}
