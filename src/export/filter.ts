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

function keepEdge(attributes: Attributes, filter: ExportFilter): boolean {
  if (attributes.type !== 'CO_MENTIONED') return true;
  if (filter.minWeight !== undefined && (attributes.weight as number) < filter.minWeight) return false;
  return inRange(attributes.firstDate as string | undefined, attributes.lastDate as string | undefined, filter);
}

/** A filtered copy of the graph; with no filter, the graph itself. */
export function filterGraph(graph: Graph, filter: ExportFilter): Graph {
  if (!filter.types && filter.minWeight === undefined && !filter.since && !filter.until && filter.top === undefined) return graph;
  const keepNode = (attributes: Attributes): boolean => {
    if (filter.types && !filter.types.includes(attributes.kind as NodeKind)) return false;
    if (attributes.kind === 'Cable' && (filter.since || filter.until)) return !!attributes.date && inRange(attributes.date as string, attributes.date as string, filter);
    return true;
  };
  let nodes = graph.filterNodes((_n, a) => keepNode(a));
  if (filter.top !== undefined) {
    nodes = nodes.sort((a, b) => (graph.getNodeAttribute(b, 'pagerank') as number) - (graph.getNodeAttribute(a, 'pagerank') as number) || (a < b ? -1 : 1)).slice(0, filter.top);
  }
  const kept = new Set(nodes);
  const out = graph.emptyCopy();
  out.clear();
  graph.forEachNode((node, attributes) => {
    if (kept.has(node)) out.addNode(node, attributes);
  });
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    if (!kept.has(source) || !kept.has(target) || !keepEdge(attributes, filter)) return;
    if (undirected) out.addUndirectedEdgeWithKey(edge, source, target, attributes);
    else out.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  return out;
}
