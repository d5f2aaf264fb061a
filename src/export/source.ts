// Export sources: a graphology graph or a graph database, filtered, as the writers read them.
import type { CableGraph, EdgeStatement } from '../model';
import { GraphNodes } from '../graph/nodes';
import { isFiltering, keepEdge, selectNodes, type ExportFilter } from './filter';
import type { ExportEdge, ExportSource } from './stream';

/** A graphology graph as an export source (the in-memory callers: the viewer's GEXF, tests). */
export function graphSource(graph: CableGraph): ExportSource<Iterable<ExportEdge>> {
  const nodes = new GraphNodes();
  graph.forEachNode((key, attributes) => nodes.add(key, attributes));
  return {
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    attributes: graph.getAttributes(),
    nodes,
    *edges() {
      for (const e of graph.edgeEntries())
        yield { key: e.edge, source: e.source, target: e.target, undirected: e.undirected, attributes: e.attributes };
    },
  };
}

/** A graph read the streaming way (the graph database's GraphDbReader): nodes in memory, edges read again on each pass. */
export interface StreamedGraph {
  readonly nodes: GraphNodes;
  edges(): AsyncIterable<ExportEdge>;
  /** The middle statements of cut edges (GraphDbReader.statements). */
  statements?(): Iterable<EdgeStatement>;
}

/**
 * A graph database as an export source, filtered: nodes chosen in memory (`selectNodes`), edges
 * read from the database on each pass and kept when both ends are kept and `keepEdge` passes — the
 * same graph, in the same order, as `filterGraph` of the graph built in memory. The options are
 * those of a built graph (mixed, multi); a built graph has no graph attributes.
 */
export function dbSource(reader: StreamedGraph, filter: ExportFilter = {}): ExportSource<AsyncIterable<ExportEdge>> {
  const all = reader.nodes;
  let nodes = all;
  if (isFiltering(filter)) {
    const kept = selectNodes(all.keys, all.attributes, filter);
    nodes = new GraphNodes();
    all.keys.forEach((key, i) => kept.has(key) && nodes.add(key, all.attributes[i]));
  }
  const filtering = isFiltering(filter);
  return {
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    attributes: {},
    nodes,
    async *edges() {
      for await (const { key, source, target, undirected, attributes } of reader.edges()) {
        if (filtering && (!nodes.has(source) || !nodes.has(target) || !keepEdge(attributes, filter))) continue;
        yield { key, source, target, undirected, attributes };
      }
    },
    // Those of the edges kept: the writer keeps a statement when its edge was exported.
    ...(reader.statements ? { statements: () => reader.statements!() } : {}),
  };
}
