// The shown graph: a graphology graph merged from API subgraphs, with data-driven sizes.
import Graph from 'graphology';
import type { EdgeView, EntityKind, NodeView, Subgraph } from '../../src/server/types';
import { cleanName } from './dom';

export interface NodeAttrs {
  label: string;
  kind: EntityKind;
  x: number;
  y: number;
  community: number;
  cableCount: number;
  weightedDegree: number;
  pagerank: number;
  firstDate?: string;
  lastDate?: string;
}

export interface EdgeAttrs {
  weight: number;
  cableCount: number;
  firstDate?: string;
  lastDate?: string;
}

export type ViewGraph = Graph<NodeAttrs, EdgeAttrs>;

export function createViewGraph(): ViewGraph {
  return new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false, allowSelfLoops: false });
}

/** The graph's key for the co-mention edge of a pair (either order). */
export function edgeKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function nodeAttrs(node: NodeView): NodeAttrs {
  return {
    label: cleanName(node.name),
    kind: node.type,
    x: Number.isFinite(node.x) ? node.x : Math.random() * 100,
    y: Number.isFinite(node.y) ? node.y : Math.random() * 100,
    community: node.community,
    cableCount: node.cableCount,
    weightedDegree: node.weightedDegree,
    pagerank: node.pagerank,
    firstDate: node.firstDate,
    lastDate: node.lastDate,
  };
}

function edgeAttrs(edge: EdgeView): EdgeAttrs {
  return { weight: edge.weight, cableCount: edge.cableCount, firstDate: edge.firstDate, lastDate: edge.lastDate };
}

/**
 * Adds the subgraphs' nodes and edges; entities already shown stay as they are (the user may have
 * run the layout), `positions` places returning ones where they were. Returns how many were added.
 */
export function mergeSubgraphs(graph: ViewGraph, subgraphs: Iterable<Subgraph>, positions?: ReadonlyMap<string, { x: number; y: number }>): number {
  let added = 0;
  for (const sub of subgraphs) {
    for (const node of sub.nodes) {
      if (graph.hasNode(node.id)) continue;
      const kept = positions?.get(node.id);
      graph.addNode(node.id, kept ? { ...nodeAttrs(node), ...kept } : nodeAttrs(node));
      added++;
    }
    for (const edge of sub.edges) {
      if (edge.source === edge.target || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      const key = edgeKey(edge.source, edge.target);
      if (!graph.hasEdge(key)) graph.addEdgeWithKey(key, edge.source, edge.target, edgeAttrs(edge));
    }
  }
  return added;
}

/**
 * Makes the graph exactly the union of the subgraphs; entities already shown keep their position.
 * Clear-and-add, not drop-by-drop: the renderer re-indexes everything on each drop.
 */
export function replaceWithSubgraphs(graph: ViewGraph, subgraphs: Subgraph[]): void {
  const positions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node, attrs) => positions.set(node, { x: attrs.x, y: attrs.y }));
  graph.clear();
  mergeSubgraphs(graph, subgraphs, positions);
}

export const NODE_SIZE = { min: 3, max: 18 };
export const EDGE_SIZE = { min: 0.5, max: 5 };

/** The largest weighted degree and edge weight shown: sizes are relative to what is on screen. */
export interface SizeScale {
  maxDegree: number;
  maxWeight: number;
}

export function sizeScale(graph: ViewGraph): SizeScale {
  let maxDegree = 1;
  graph.forEachNode((_node, attrs) => {
    if (attrs.weightedDegree > maxDegree) maxDegree = attrs.weightedDegree;
  });
  let maxWeight = 1;
  graph.forEachEdge((_edge, attrs) => {
    if (attrs.weight > maxWeight) maxWeight = attrs.weight;
  });
  return { maxDegree, maxWeight };
}

/** Node size by weighted degree (square root: area grows with the degree). */
export function nodeSize(weightedDegree: number, scale: SizeScale): number {
  return NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * Math.sqrt(Math.max(0, weightedDegree) / scale.maxDegree);
}

/** Edge thickness by co-mention weight. */
export function edgeSize(weight: number, scale: SizeScale): number {
  return EDGE_SIZE.min + (EDGE_SIZE.max - EDGE_SIZE.min) * Math.sqrt(Math.max(0, weight - 1) / Math.max(1, scale.maxWeight - 1));
}

/** Counts of shown entities by type. */
export function countByType(graph: ViewGraph): Record<EntityKind, number> {
  const counts: Record<EntityKind, number> = { Person: 0, Organization: 0, Place: 0 };
  graph.forEachNode((_node, attrs) => {
    counts[attrs.kind] = (counts[attrs.kind] ?? 0) + 1;
  });
  return counts;
}

/** Communities among the shown entities, biggest first, each named by its top entities. */
export function communitiesInView(graph: ViewGraph): Array<{ community: number; size: number; names: string[] }> {
  const byCommunity = new Map<number, Array<{ name: string; pagerank: number }>>();
  graph.forEachNode((_node, attrs) => {
    if (attrs.community < 0) return;
    let list = byCommunity.get(attrs.community);
    if (!list) byCommunity.set(attrs.community, (list = []));
    list.push({ name: attrs.label, pagerank: attrs.pagerank });
  });
  return [...byCommunity.entries()]
    .map(([community, members]) => ({
      community,
      size: members.length,
      names: members.sort((a, b) => b.pagerank - a.pagerank).slice(0, 3).map((m) => m.name),
    }))
    .sort((a, b) => b.size - a.size || a.community - b.community);
}
