// The shown graph: a graphology graph merged from API subgraphs, with data-driven sizes.
import Graph from 'graphology';
import { cleanName } from './dom';
import type { EdgeView, EntityKind, MeetingLink, NodeView, Subgraph } from '../../src/model';

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
  /** Co-mention weight; 0 on a meeting link (the layout and the sizes follow co-mentions only). */
  weight: number;
  cableCount: number;
  firstDate?: string;
  lastDate?: string;
  /** A meeting link (MET edges between the pair, either way): how many meetings. Absent on co-mention links. */
  meetings?: number;
}

export type ViewGraph = Graph<NodeAttrs, EdgeAttrs>;

/** Multi: a pair that met has its meeting link beside its co-mention link. */
export function createViewGraph(): ViewGraph {
  return new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: true, allowSelfLoops: false });
}

/** The graph's key for the co-mention edge of a pair (either order). */
export function edgeKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The graph's key for the meeting link of a pair (either order). */
export function meetingKey(a: string, b: string): string {
  return `met:${edgeKey(a, b)}`;
}

export const isMeeting = (attrs: EdgeAttrs): boolean => attrs.meetings !== undefined;

/** Co-mention links shown (the graph's size less its meeting links). */
export function coMentionCount(graph: ViewGraph): number {
  let n = 0;
  graph.forEachEdge((_edge, attrs) => {
    if (!isMeeting(attrs)) n++;
  });
  return n;
}

/**
 * Makes the graph's meeting links exactly `links` between shown entities (the others wait for
 * their entities); returns how many are shown and whether any was added, changed or dropped.
 * Co-mention links are not touched.
 */
export function setMeetingLinks(graph: ViewGraph, links: readonly MeetingLink[]): { shown: number; changed: boolean } {
  const wanted = new Map<string, MeetingLink>();
  for (const link of links)
    if (graph.hasNode(link.source) && graph.hasNode(link.target))
      wanted.set(meetingKey(link.source, link.target), link);
  const stale = graph.filterEdges((edge, attrs) => isMeeting(attrs) && !wanted.has(edge));
  for (const edge of stale) graph.dropEdge(edge);
  let changed = stale.length > 0;
  for (const [key, link] of wanted) {
    const attrs: EdgeAttrs = {
      weight: 0,
      cableCount: link.meetings,
      meetings: link.meetings,
      firstDate: link.firstDate,
      lastDate: link.lastDate,
    };
    if (!graph.hasEdge(key)) graph.addEdgeWithKey(key, link.source, link.target, attrs);
    else if (JSON.stringify(graph.getEdgeAttributes(key)) !== JSON.stringify(attrs))
      graph.replaceEdgeAttributes(key, attrs);
    else continue;
    changed = true;
  }
  return { shown: wanted.size, changed };
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
 * run the layout), `positions` places returning ones where they were. Returns the added entities.
 */
export function mergeSubgraphs(
  graph: ViewGraph,
  subgraphs: Iterable<Subgraph>,
  positions?: ReadonlyMap<string, { x: number; y: number }>,
): string[] {
  const added: string[] = [];
  for (const sub of subgraphs) {
    for (const node of sub.nodes) {
      if (graph.hasNode(node.id)) continue;
      const kept = positions?.get(node.id);
      graph.addNode(node.id, kept ? { ...nodeAttrs(node), ...kept } : nodeAttrs(node));
      if (!kept) added.push(node.id);
    }
    for (const edge of sub.edges) {
      if (edge.source === edge.target || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      const key = edgeKey(edge.source, edge.target);
      if (!graph.hasEdge(key)) graph.addEdgeWithKey(key, edge.source, edge.target, edgeAttrs(edge));
    }
  }
  return added;
}

/** A stable pseudo-random number in [0, 1) from a string (the same view every time). */
function unit(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

/**
 * Places entities new to the view beside what they connect to: around the mean of their shown
 * neighbours, else around `anchor`. (Their build-time positions come from the whole graph's
 * layout, another frame than the one on screen.) Nothing moves when every entity is new.
 */
export function placeNewNodes(graph: ViewGraph, added: readonly string[], anchor?: string): void {
  const fresh = new Set(added);
  if (fresh.size === 0 || fresh.size === graph.order) return;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((node, { x, y }) => {
    if (fresh.has(node)) return;
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  });
  const extent = Math.max(x1 - x0, y1 - y0, 1);
  const centre =
    anchor && graph.hasNode(anchor) && !fresh.has(anchor)
      ? graph.getNodeAttributes(anchor)
      : { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
  for (const node of added) {
    let [sx, sy, n] = [0, 0, 0];
    graph.forEachNeighbor(node, (neighbour, attrs) => {
      if (fresh.has(neighbour)) return;
      sx += attrs.x;
      sy += attrs.y;
      n++;
    });
    const base = n > 0 ? { x: sx / n, y: sy / n } : centre;
    const angle = unit(node, 1) * 2 * Math.PI;
    const radius = extent * (n > 1 ? 0.02 : 0.05 + 0.1 * unit(node, 2));
    graph.mergeNodeAttributes(node, { x: base.x + radius * Math.cos(angle), y: base.y + radius * Math.sin(angle) });
  }
}

/**
 * Makes the graph exactly the union of the subgraphs; entities already shown keep their position.
 * Clear-and-add, not drop-by-drop: the renderer re-indexes everything on each drop.
 */
export function replaceWithSubgraphs(graph: ViewGraph, subgraphs: Subgraph[]): void {
  const positions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node, attrs) => positions.set(node, { x: attrs.x, y: attrs.y }));
  graph.clear();
  placeNewNodes(graph, mergeSubgraphs(graph, subgraphs, positions));
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

/** A link's weight relative to the heaviest shown, in [0, 1] (square root: weights are skewed). */
export function edgeShare(weight: number, scale: SizeScale): number {
  return Math.sqrt(Math.max(0, weight - 1) / Math.max(1, scale.maxWeight - 1));
}

/** Edge thickness by co-mention weight. */
export function edgeSize(weight: number, scale: SizeScale): number {
  return EDGE_SIZE.min + (EDGE_SIZE.max - EDGE_SIZE.min) * edgeShare(weight, scale);
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
      names: members
        .sort((a, b) => b.pagerank - a.pagerank)
        .slice(0, 3)
        .map((m) => m.name),
    }))
    .sort((a, b) => b.size - a.size || a.community - b.community);
}

/** Links each entity keeps in the overview's backbone: its strongest ones. */
export const BACKBONE_LINKS = 3;
/** An entity linked to at least this share of the overview's other entities is a hub. */
export const HUB_SHARE = 0.4;

/**
 * A sparser overview. `backbone`: every entity keeps its BACKBONE_LINKS strongest links (a link
 * stays when it is among the strongest of either end), so each entity keeps its main ties and the
 * hairball of weak links between big nodes goes. `no-hubs`: the entities linked to HUB_SHARE or
 * more of the others (the United States, the Secretary …) are hidden with their links.
 */
export function sparserOverview(sub: Subgraph, mode: 'all' | 'backbone' | 'no-hubs'): Subgraph & { hidden: string[] } {
  if (mode === 'all' || sub.nodes.length === 0) return { ...sub, hidden: [] };
  if (mode === 'no-hubs') {
    const degree = new Map<string, number>();
    for (const e of sub.edges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    const threshold = Math.max(2, Math.ceil(HUB_SHARE * (sub.nodes.length - 1)));
    const hubs = new Set(sub.nodes.filter((n) => (degree.get(n.id) ?? 0) >= threshold).map((n) => n.id));
    return {
      ...sub,
      nodes: sub.nodes.filter((n) => !hubs.has(n.id)),
      edges: sub.edges.filter((e) => !hubs.has(e.source) && !hubs.has(e.target)),
      hidden: [...hubs],
    };
  }
  const byNode = new Map<string, typeof sub.edges>();
  for (const e of sub.edges) {
    for (const end of [e.source, e.target]) {
      const list = byNode.get(end) ?? [];
      list.push(e);
      byNode.set(end, list);
    }
  }
  const kept = new Set<string>();
  for (const list of byNode.values()) {
    list.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const e of list.slice(0, BACKBONE_LINKS)) kept.add(e.id);
  }
  return { ...sub, edges: sub.edges.filter((e) => kept.has(e.id)), hidden: [] };
}
