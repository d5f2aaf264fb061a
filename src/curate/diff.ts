// What a decision changed: the nodes and edges added, removed or changed from one graph to the next (what Neo4j is sent).
import type { CableGraph } from '../model';

/** What a decision changes in the graph: entity nodes and co-mention/mention edges. */
export interface GraphDiff {
  nodes: { added: string[]; removed: string[]; changed: string[] };
  edges: { added: string[]; removed: string[]; changed: string[] };
}

const sameAttributes = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Nodes and edges added, removed, or with other attributes, from one graph to the next. */
export function diffGraphs(before: CableGraph, after: CableGraph): GraphDiff {
  const diff: GraphDiff = {
    nodes: { added: [], removed: [], changed: [] },
    edges: { added: [], removed: [], changed: [] },
  };
  after.forEachNode((node, attributes) => {
    if (!before.hasNode(node)) diff.nodes.added.push(node);
    else if (!sameAttributes(before.getNodeAttributes(node), attributes)) diff.nodes.changed.push(node);
  });
  before.forEachNode((node) => {
    if (!after.hasNode(node)) diff.nodes.removed.push(node);
  });
  after.forEachEdge((edge, attributes) => {
    if (!before.hasEdge(edge)) diff.edges.added.push(edge);
    else if (!sameAttributes(before.getEdgeAttributes(edge), attributes)) diff.edges.changed.push(edge);
  });
  before.forEachEdge((edge) => {
    if (!after.hasEdge(edge)) diff.edges.removed.push(edge);
  });
  return diff;
}
