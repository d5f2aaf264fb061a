// Brings Neo4j from one graph to the next by writing only the difference (a curation decision).
import Graph from 'graphology';
import type { CableGraph, EdgeAttrs, NodeAttrs } from '../../model';
import type { Driver } from 'neo4j-driver';
import type { GraphDiff } from '../../curate/diff';
import { writeRows } from './load';
import { graphSource, planBatches, RELATIONSHIP_KEYS, storedEndpoints } from './plan';

export interface SyncResult {
  nodesDeleted: number;
  relationshipsDeleted: number;
  nodesWritten: number;
  relationshipsWritten: number;
}

/**
 * Brings a database loaded with `before` to `after` by writing only what differs (a curation
 * decision touches a few entities, not the whole graph): removed relationships and nodes are
 * deleted, added or changed ones MERGEd with the new properties, exactly as `load` writes them.
 * A node whose kind changed (retype) is deleted and written again with its label and edges.
 * Idempotent: running it twice leaves the same database.
 */
export async function syncGraphDiff(
  driver: Driver,
  before: CableGraph,
  after: CableGraph,
  diff: GraphDiff,
  database?: string,
): Promise<SyncResult> {
  const session = driver.session(database ? { database } : {});
  const result: SyncResult = { nodesDeleted: 0, relationshipsDeleted: 0, nodesWritten: 0, relationshipsWritten: 0 };
  try {
    const retyped = diff.nodes.changed.filter(
      (n) => before.getNodeAttribute(n, 'kind') !== after.getNodeAttribute(n, 'kind'),
    );
    // Relationships first (their endpoints' labels are the `before` ones), then nodes.
    // A type two nodes can hold several of (a person's titles over one country, meetings in several
    // cables) is deleted by its key property, so the others between the same nodes stay.
    const removedEdges = new Map<string, Array<{ s: string; t: string; k?: unknown }>>();
    for (const edge of diff.edges.removed) {
      const [s, t] = storedEndpoints(before.source(edge), before.target(edge), before.isUndirected(edge));
      const type = before.getEdgeAttribute(edge, 'type');
      const shape = `${type}|${before.getNodeAttribute(s, 'kind')}|${before.getNodeAttribute(t, 'kind')}`;
      if (!removedEdges.has(shape)) removedEdges.set(shape, []);
      const key = RELATIONSHIP_KEYS[type];
      removedEdges
        .get(shape)!
        .push(key ? { s, t, k: (before.getEdgeAttributes(edge) as Record<string, unknown>)[key] } : { s, t });
    }
    for (const [shape, rows] of removedEdges) {
      const [type, sourceKind, targetKind] = shape.split('|');
      const key = RELATIONSHIP_KEYS[type];
      await writeRows(
        session,
        `UNWIND $rows AS row MATCH (a:${sourceKind} {id: row.s})-[r:${type}${key ? ` {${key}: row.k}` : ''}]->(b:${targetKind} {id: row.t}) DELETE r`,
        rows,
      );
      result.relationshipsDeleted += rows.length;
    }
    const removedNodes = new Map<string, string[]>();
    for (const node of [...diff.nodes.removed, ...retyped]) {
      const kind = before.getNodeAttribute(node, 'kind');
      if (!removedNodes.has(kind)) removedNodes.set(kind, []);
      removedNodes.get(kind)!.push(node);
    }
    for (const [kind, ids] of removedNodes) {
      await writeRows(
        session,
        `UNWIND $rows AS row MATCH (n:${kind} {id: row.id}) DETACH DELETE n`,
        ids.map((id) => ({ id })),
      );
      result.nodesDeleted += ids.length;
    }

    // What to write: added and changed nodes and edges, every edge of a retyped node, and the
    // endpoints (written with their current properties: a no-op when unchanged).
    const upsert = new Graph<NodeAttrs, EdgeAttrs>({ type: 'mixed', multi: true, allowSelfLoops: false });
    const addNode = (node: string): void => {
      if (!upsert.hasNode(node)) upsert.addNode(node, after.getNodeAttributes(node));
    };
    const edges = new Set([...diff.edges.added, ...diff.edges.changed]);
    for (const node of retyped) after.forEachEdge(node, (edge) => edges.add(edge));
    for (const node of [...diff.nodes.added, ...diff.nodes.changed]) addNode(node);
    for (const edge of edges) {
      const source = after.source(edge);
      const target = after.target(edge);
      addNode(source);
      addNode(target);
      if (after.isUndirected(edge))
        upsert.addUndirectedEdgeWithKey(edge, source, target, after.getEdgeAttributes(edge));
      else upsert.addDirectedEdgeWithKey(edge, source, target, after.getEdgeAttributes(edge));
    }
    // MERGE: the database holds the `before` graph. Only added and changed nodes are written: an
    // edge's other end is there already, with properties this graph may not hold (a cable's text).
    const written = new Set([...diff.nodes.added, ...diff.nodes.changed]);
    for await (const batch of planBatches(graphSource(upsert), 5000)) {
      const rows = batch.phase === 'nodes' ? batch.rows.filter((row) => written.has(row[0] as string)) : batch.rows;
      if (rows.length > 0) await writeRows(session, batch.cypher.merge, rows);
    }
    result.nodesWritten = written.size;
    result.relationshipsWritten = upsert.size;
    return result;
  } finally {
    await session.close();
  }
}
