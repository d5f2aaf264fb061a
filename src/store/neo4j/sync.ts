// Brings Neo4j from one graph to the next by writing only the difference (a curation decision).
import Graph from 'graphology';
import type { CableGraph, EdgeAttrs, EdgeStatement, NodeAttrs } from '../../model';
import { STATEMENT_LABEL } from '../../model/neo4j-shape';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { GraphDiff } from '../../curate/diff';
import { graphSource, planBatches, RELATIONSHIP_KEYS, storedEndpoints } from './plan';

export interface SyncResult {
  nodesDeleted: number;
  relationshipsDeleted: number;
  nodesWritten: number;
  relationshipsWritten: number;
  /** Cut edges whose middle statements were replaced (deleted, and written again when the edge is still cut). */
  statementEdges: number;
  statementsWritten: number;
}

/** The middle statements of cut edges before and after a decision (LocalGraphs.statements). */
export interface StatementChange {
  before: readonly EdgeStatement[];
  after: readonly EdgeStatement[];
}

/** Statements by edge id, each edge's in order. */
function byEdge(statements: readonly EdgeStatement[]): Map<string, EdgeStatement[]> {
  const out = new Map<string, EdgeStatement[]>();
  for (const s of statements) {
    const list = out.get(s.edge);
    if (list) list.push(s);
    else out.set(s.edge, [s]);
  }
  return out;
}

/**
 * The edges whose middle statements differ before and after (gone, new, or other ones: a merge
 * interleaves two people's statements, a split takes some away), and the statements to write.
 */
export function changedStatements(change: StatementChange): { edges: string[]; write: EdgeStatement[] } {
  const before = byEdge(change.before);
  const after = byEdge(change.after);
  const edges = [...new Set([...before.keys(), ...after.keys()])]
    .filter((edge) => JSON.stringify(before.get(edge)) !== JSON.stringify(after.get(edge)))
    .sort();
  return { edges, write: edges.flatMap((edge) => after.get(edge) ?? []) };
}

/**
 * Brings a database loaded with `before` to `after` by writing only what differs (a curation
 * decision touches a few entities, not the whole graph): removed relationships and nodes are
 * deleted, added or changed ones MERGEd with the new properties, exactly as `load` writes them.
 * A node whose kind changed (retype) is deleted and written again with its label and edges. The
 * (:Statement) nodes of a cut edge whose middle statements changed are replaced by the new ones.
 * One transaction: a reader (another analyst's viewer) sees the graph before the decision or after
 * it, never a retyped entity deleted and not yet written again. Idempotent: running it twice (the
 * driver's retry after a lost connection) leaves the same database.
 */
export async function syncGraphDiff(
  driver: Driver,
  before: CableGraph,
  after: CableGraph,
  diff: GraphDiff,
  database?: string,
  statements: StatementChange = { before: [], after: [] },
): Promise<SyncResult> {
  const session = driver.session(database ? { database } : {});
  try {
    return await session.executeWrite((tx) => writeDiff(tx, before, after, diff, statements));
  } finally {
    await session.close();
  }
}

async function writeDiff(
  tx: ManagedTransaction,
  before: CableGraph,
  after: CableGraph,
  diff: GraphDiff,
  statements: StatementChange,
): Promise<SyncResult> {
  const run = async (cypher: string, rows: unknown[]): Promise<void> => {
    await tx.run(cypher, { rows });
  };
  const result: SyncResult = {
    nodesDeleted: 0,
    relationshipsDeleted: 0,
    nodesWritten: 0,
    relationshipsWritten: 0,
    statementEdges: 0,
    statementsWritten: 0,
  };
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
    await run(
      `UNWIND $rows AS row MATCH (a:${sourceKind} {id: row.s})-[r:${type}${key ? ` {${key}: row.k}` : ''}]->(b:${targetKind} {id: row.t}) DELETE r`,
      rows,
    );
    result.relationshipsDeleted += rows.length;
  }
  // An edge's middle statements are replaced whole (their positions move when statements come or go).
  const replaced = changedStatements(statements);
  if (replaced.edges.length > 0)
    await run(
      `UNWIND $rows AS edge MATCH (s:${STATEMENT_LABEL}) WHERE s.edge = edge AND s.seq >= 0 DELETE s`,
      replaced.edges,
    );
  result.statementEdges = replaced.edges.length;
  const removedNodes = new Map<string, string[]>();
  for (const node of [...diff.nodes.removed, ...retyped]) {
    const kind = before.getNodeAttribute(node, 'kind');
    if (!removedNodes.has(kind)) removedNodes.set(kind, []);
    removedNodes.get(kind)!.push(node);
  }
  for (const [kind, ids] of removedNodes) {
    await run(
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
    if (after.isUndirected(edge)) upsert.addUndirectedEdgeWithKey(edge, source, target, after.getEdgeAttributes(edge));
    else upsert.addDirectedEdgeWithKey(edge, source, target, after.getEdgeAttributes(edge));
  }
  // MERGE: the database holds the `before` graph. Only added and changed nodes are written: an
  // edge's other end is there already, with properties this graph may not hold (a cable's text).
  const written = new Set([...diff.nodes.added, ...diff.nodes.changed]);
  for await (const batch of planBatches(graphSource(upsert, [], replaced.write), 5000)) {
    const rows = batch.phase === 'nodes' ? batch.rows.filter((row) => written.has(row[0] as string)) : batch.rows;
    if (rows.length > 0) await run(batch.cypher.merge, rows);
  }
  result.nodesWritten = written.size;
  result.relationshipsWritten = upsert.size;
  result.statementsWritten = replaced.write.length;
  return result;
}
