import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { CablegraphError } from '../common/diagnostics';
import type { NodeKind } from '../graph/types';

export interface ExportFilter {
  /** Node kinds to keep (default: all). */
  types?: NodeKind[];
  /** Drop co-mention edges lighter than this. */
  minWeight?: number;
  /** ISO dates (YYYY, YYYY-MM or YYYY-MM-DD): cables and co-mentions outside are dropped. */
  since?: string;
  until?: string;
  /** Keep the N nodes of highest PageRank (after the other filters). */
  top?: number;
}

const KINDS: NodeKind[] = ['Cable', 'Person', 'Organization', 'Place', 'Post', 'Tag'];

export function parseTypes(list: string): NodeKind[] {
  const types = list.split(',').map((t) => t.trim()).filter(Boolean).map((t) => KINDS.find((k) => k.toLowerCase() === t.toLowerCase().replace(/s$/, '')) ?? t);
  const unknown = types.filter((t) => !KINDS.includes(t as NodeKind));
  if (unknown.length > 0) throw new CablegraphError('BAD_OPTION', `--types: unknown type ${unknown.join(', ')} (types: ${KINDS.join(', ')})`);
  return types as NodeKind[];
}

export function parseDate(value: string, flag: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new CablegraphError('BAD_OPTION', `${flag} wants a date like 2007, 2007-08 or 2007-08-27, got "${value}"`);
  return value;
}

/** A date range test where `since`/`until` may be years or months (`until 2007` includes all of 2007). */
const inRange = (from: string | undefined, to: string | undefined, filter: ExportFilter): boolean => {
  if (!from && !to) return true;
  if (filter.since && (to ?? from)! < filter.since) return false;
  if (filter.until && (from ?? to)!.slice(0, filter.until.length) > filter.until) return false;
  return true;
};

/** Whether an edge passes the filter (its ends must be kept too: see `selectNodes`). */
export function keepEdge(attributes: Attributes, filter: ExportFilter): boolean {
  if (attributes.type !== 'CO_MENTIONED') return true;
  if (filter.minWeight !== undefined && (attributes.weight as number) < filter.minWeight) return false;
  return inRange(attributes.firstDate as string | undefined, attributes.lastDate as string | undefined, filter);
}

/** Whether the filter filters anything. */
export const isFiltering = (filter: ExportFilter): boolean => !!filter.types || filter.minWeight !== undefined || !!filter.since || !!filter.until || filter.top !== undefined;

/**
 * The keys of the nodes the filter keeps (kinds, cable dates, then the `top` by PageRank, ties by
 * key), from nodes given in order: what both the in-memory and the streamed exports select.
 */
export function selectNodes(keys: readonly string[], attributes: readonly Attributes[], filter: ExportFilter): Set<string> {
  const keepNode = (a: Attributes): boolean => {
    if (filter.types && !filter.types.includes(a.kind as NodeKind)) return false;
    if (a.kind === 'Cable' && (filter.since || filter.until)) return !!a.date && inRange(a.date as string, a.date as string, filter);
    return true;
  };
  const kept: Array<{ key: string; pagerank: number }> = [];
  keys.forEach((key, i) => {
    if (keepNode(attributes[i]!)) kept.push({ key, pagerank: attributes[i]!.pagerank as number });
  });
  if (filter.top !== undefined) {
    const top = kept.sort((a, b) => b.pagerank - a.pagerank || (a.key < b.key ? -1 : 1)).slice(0, filter.top);
    return new Set(top.map((n) => n.key));
  }
  return new Set(kept.map((n) => n.key));
}

/** A filtered copy of the graph; with no filter, the graph itself. */
export function filterGraph(graph: Graph, filter: ExportFilter): Graph {
  if (!isFiltering(filter)) return graph;
  const keys: string[] = [];
  const attributes: Attributes[] = [];
  graph.forEachNode((node, a) => {
    keys.push(node);
    attributes.push(a);
  });
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
