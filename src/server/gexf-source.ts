// gexf-source: a view (subgraph) as an export source, for the GEXF writer in the server or its worker.
import type { ExportEdge, ExportSource } from '../export';
import { GraphNodes } from '../graph/nodes';
import type { NodeAttrs, Subgraph } from '../model';

/** A subgraph as an export source: the same nodes, attributes and edge keys as a graphology graph of it would give. */
export function subgraphSource(sub: Subgraph): ExportSource<Iterable<ExportEdge>> {
  const nodes = new GraphNodes();
  for (const n of sub.nodes) {
    const attributes: NodeAttrs = {
      kind: n.type,
      label: n.name,
      name: n.name,
      cableCount: n.cableCount,
      weightedDegree: n.weightedDegree,
      pagerank: n.pagerank,
      community: n.community,
      x: n.x,
      y: n.y,
      ...(n.firstDate ? { firstDate: n.firstDate, lastDate: n.lastDate } : {}),
    };
    nodes.add(n.id, attributes);
  }
  return {
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    attributes: {},
    nodes,
    *edges() {
      for (const e of sub.edges) {
        yield {
          key: `CO_MENTIONED:${e.id}`,
          source: e.source,
          target: e.target,
          undirected: true,
          attributes: {
            type: 'CO_MENTIONED',
            weight: e.weight,
            cableCount: e.cableCount,
            ...(e.firstDate ? { firstDate: e.firstDate, lastDate: e.lastDate } : {}),
          },
        };
      }
    },
  };
}
