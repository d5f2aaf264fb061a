// Export filters: node kinds, co-mention weight, dates (the model's one rule), top PageRank, isolates.
import { CablegraphError } from '../common/diagnostics';
import {
  FILTER_DATE_EXAMPLES,
  isFilterDate,
  NODE_KINDS,
  spanOverlaps,
  type DateRange,
  type NodeKind,
  type CableGraph,
  type EdgeAttrs,
  type NodeAttrs,
} from '../model';

/** What `cablegraph export` keeps; `since`/`until` (YYYY, YYYY-MM or YYYY-MM-DD) drop cables and co-mentions outside. */
export interface ExportFilter extends DateRange {
  /** Node kinds to keep (default: all). */
  types?: NodeKind[];
  /** Drop co-mention edges lighter than this. */
  minWeight?: number;
  /** Keep the N nodes of highest PageRank (after the other filters). */
  top?: number;
  /**
   * Keep the nodes the other filters leave without any edge (default: dropped — a Gephi file of
   * thousands of unconnected dots is noise). Nodes that had no edge before filtering are kept.
   */
  keepIsolates?: boolean;
  /** Only these nodes (set by `withoutDisconnected` from a pass over the edges). */
  nodes?: ReadonlySet<string>;
}

export function parseTypes(list: string): NodeKind[] {
  const types = list
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => NODE_KINDS.find((k) => k.toLowerCase() === t.toLowerCase().replace(/s$/, '')) ?? t);
  const unknown = types.filter((t) => !NODE_KINDS.includes(t as NodeKind));
  if (unknown.length > 0)
    throw new CablegraphError(
      'BAD_OPTION',
      `--types: unknown type ${unknown.join(', ')} (types: ${NODE_KINDS.join(', ')})`,
    );
  return types as NodeKind[];
}

export function parseDate(value: string, flag: string): string {
  if (!isFilterDate(value))
    throw new CablegraphError('BAD_OPTION', `${flag} wants a date like ${FILTER_DATE_EXAMPLES}, got "${value}"`);
  return value;
}

/** Whether an edge passes the filter (its ends must be kept too: see `selectNodes`). */
export function keepEdge(attributes: EdgeAttrs, filter: ExportFilter): boolean {
  if (attributes.type !== 'CO_MENTIONED') return true;
  if (filter.minWeight !== undefined && (attributes.weight ?? 0) < filter.minWeight) return false;
  return spanOverlaps(attributes.firstDate, attributes.lastDate, filter.since, filter.until);
}

/** Whether the filter filters anything. */
export const isFiltering = (filter: ExportFilter): boolean =>
  !!filter.types ||
  filter.minWeight !== undefined ||
  !!filter.since ||
  !!filter.until ||
  filter.top !== undefined ||
  !!filter.nodes;

/**
 * The keys of the nodes the filter keeps (kinds, cable dates, then the `top` by PageRank, ties by
 * key), from nodes given in order: what both the in-memory and the streamed exports select.
 */
export function selectNodes(
  keys: readonly string[],
  attributes: readonly NodeAttrs[],
  filter: ExportFilter,
): Set<string> {
  const keepNode = (a: NodeAttrs, key: string): boolean => {
    if (filter.nodes && !filter.nodes.has(key)) return false;
    if (filter.types && !filter.types.includes(a.kind)) return false;
    if (a.kind === 'Cable' && (filter.since || filter.until))
      return spanOverlaps(a.date, a.date, filter.since, filter.until);
    return true;
  };
  const kept: Array<{ key: string; pagerank: number }> = [];
  keys.forEach((key, i) => {
    if (keepNode(attributes[i], key)) kept.push({ key, pagerank: attributes[i].pagerank as number });
  });
  if (filter.top !== undefined) {
    const top = kept.sort((a, b) => b.pagerank - a.pagerank || (a.key < b.key ? -1 : 1)).slice(0, filter.top);
    return new Set(top.map((n) => n.key));
  }
  return new Set(kept.map((n) => n.key));
}

/** An edge as the connectivity pass reads it. */
export interface FilterEdge {
  source: string;
  target: string;
  attributes: EdgeAttrs;
}

/**
 * The filter, narrowed to drop the nodes it disconnects: one pass over the edges (`add` each, then
 * `result`) finds the nodes the filter keeps that keep no edge although they had one before (an
 * entity whose co-mentions all fell under --min-weight, whose cables --types dropped). Unless
 * `keepIsolates`, the result keeps only the others (`nodes`); with no filtering, nothing is dropped.
 */
export function disconnectedPass(
  keys: readonly string[],
  attributes: readonly NodeAttrs[],
  filter: ExportFilter,
): { add(edge: FilterEdge): void; result(): { filter: ExportFilter; dropped: number } } {
  const active = !filter.keepIsolates && isFiltering(filter);
  const kept = active ? selectNodes(keys, attributes, filter) : new Set<string>();
  const hadEdge = new Set<string>();
  const hasEdge = new Set<string>();
  return {
    add({ source, target, attributes: a }) {
      if (!active || (!kept.has(source) && !kept.has(target))) return;
      hadEdge.add(source);
      hadEdge.add(target);
      if (kept.has(source) && kept.has(target) && keepEdge(a, filter)) {
        hasEdge.add(source);
        hasEdge.add(target);
      }
    },
    result() {
      if (!active) return { filter, dropped: 0 };
      const nodes = new Set<string>();
      for (const key of kept) if (hasEdge.has(key) || !hadEdge.has(key)) nodes.add(key);
      return { filter: { ...filter, nodes }, dropped: kept.size - nodes.size };
    },
  };
}

/** `disconnectedPass` over edges read asynchronously (a graph file's). */
export async function withoutDisconnected(
  keys: readonly string[],
  attributes: readonly NodeAttrs[],
  edges: AsyncIterable<FilterEdge>,
  filter: ExportFilter,
): Promise<{ filter: ExportFilter; dropped: number }> {
  const pass = disconnectedPass(keys, attributes, filter);
  if (filter.keepIsolates || !isFiltering(filter)) return pass.result();
  for await (const edge of edges) pass.add(edge);
  return pass.result();
}

/** A filtered copy of the graph (without the nodes the filter disconnects, unless keepIsolates); with no filter, the graph itself. */
export function filterGraph(graph: CableGraph, filter: ExportFilter): CableGraph {
  if (!isFiltering(filter)) return graph;
  const keys: string[] = [];
  const attributes: NodeAttrs[] = [];
  graph.forEachNode((node, a) => {
    keys.push(node);
    attributes.push(a);
  });
  const pass = disconnectedPass(keys, attributes, filter);
  graph.forEachEdge((_e, a, source, target) => pass.add({ source, target, attributes: a }));
  ({ filter } = pass.result());
  const kept = selectNodes(keys, attributes, filter);
  const out = graph.emptyCopy();
  out.clear();
  graph.forEachNode((node, a) => {
    if (kept.has(node)) out.addNode(node, a);
  });
  graph.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
    if (!kept.has(source) || !kept.has(target) || !keepEdge(a, filter)) return;
    if (undirected) out.addUndirectedEdgeWithKey(edge, source, target, a);
    else out.addDirectedEdgeWithKey(edge, source, target, a);
  });
  return out;
}
