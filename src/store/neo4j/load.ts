import { createHash } from 'crypto';
import type { Driver, Session } from 'neo4j-driver';
import type Graph from 'graphology';
import { CablegraphError } from '../../common/diagnostics';
import { ENTITY_KINDS, type CableRecord } from '../../graph/types';
import { applySchema } from './schema';

export interface LoadOptions {
  database?: string;
  /** Nodes or relationships per transaction. */
  batchSize: number;
  /** Transactions in flight at once (within one phase: all nodes exist before any relationship). */
  concurrency: number;
  /** Load again even when this exact graph was loaded completely before. */
  force: boolean;
  /**
   * The graph file's cable records: their texts and paragraph bounds are set on the Cable nodes
   * (what the viewer's Neo4j store shows as passages). Without them, cables carry no text.
   */
  records?: readonly CableRecord[];
  onProgress?: (done: number, total: number) => void;
  /** Test hook: called after each committed wave (used to simulate a crash mid-load). */
  afterWave?: (wavesDone: number) => void | Promise<void>;
}

// Chosen by scripts/bench-load.js --sweep on the shared corpus: bigger batches win, and concurrent
// MERGE transactions contend for the same nodes' locks (1 × 10,000 was fastest; see README).
export const DEFAULT_LOAD_OPTIONS: LoadOptions = { batchSize: 10000, concurrency: 1, force: false };

export interface LoadResult {
  loadId: string;
  nodes: number;
  relationships: number;
  batches: number;
  /** Batches skipped because a previous, interrupted run of the same graph had committed them. */
  resumedBatches: number;
  alreadyLoaded: boolean;
  seconds: number;
}

const NAME = /^[A-Z][A-Za-z0-9_]*$/;

type Scalar = string | number | boolean;
type Props = Record<string, Scalar | Scalar[]>;
interface Batch {
  phase: 'nodes' | 'texts' | 'relationships';
  cypher: string;
  /** The batch's rows, made on demand. */
  rows: () => Array<Record<string, unknown>>;
}

/**
 * Neo4j stores scalars and homogeneous lists of scalars; anything else is kept as JSON text.
 * `aliases: [{text, count}]` becomes `aliases`, `aliasCounts` and `aliasText` (for full-text search).
 */
export function toNeo4jProperties(attributes: Record<string, unknown>): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || key === 'kind' || key === 'type') continue;
    if (key === 'aliases' && Array.isArray(value) && value.every((a) => a && typeof a === 'object' && 'text' in a)) {
      const aliases = value as Array<{ text: string; count?: number }>;
      props.aliases = aliases.map((a) => a.text);
      props.aliasCounts = aliases.map((a) => a.count ?? 1);
      props.aliasText = aliases.map((a) => a.text).join(' | ');
      continue;
    }
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) props[key] = value;
    else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === typeof value[0] && ['string', 'number', 'boolean'].includes(typeof v))) props[key] = value as Scalar[];
    else if (Array.isArray(value) && value.length === 0) props[key] = [];
    else props[key] = JSON.stringify(value);
  }
  return props;
}

const kindOf = (attributes: Record<string, unknown>, what: string, key: string): string => {
  const kind = String(attributes.kind ?? attributes.type ?? '');
  if (!NAME.test(kind)) throw new CablegraphError('GRAPH_INVALID', `${what} ${key} has no usable kind/type (${JSON.stringify(kind)})`);
  return kind;
};

/**
 * The graph as ordered batches: nodes by label, then relationships by (type, source label, target
 * label). Batches hold keys only; their rows (the property maps) are made when a batch is sent,
 * so a graph of millions of edges is never copied whole.
 */
export function planBatches(graph: Graph, batchSize: number, records: readonly CableRecord[] = []): Batch[] {
  const nodesByKind = new Map<string, string[]>();
  graph.forEachNode((key, attributes) => {
    const kind = kindOf(attributes, 'node', key);
    if (!nodesByKind.has(kind)) nodesByKind.set(kind, []);
    nodesByKind.get(kind)!.push(key);
  });
  const relsByShape = new Map<string, Array<[string, string, string]>>();
  graph.forEachEdge((key, attributes, source, target, sourceAttributes, targetAttributes, undirected) => {
    const type = kindOf(attributes, 'edge', key);
    const [s, t] = storedEndpoints(source, target, undirected);
    const [sa, ta] = s === source ? [sourceAttributes, targetAttributes] : [targetAttributes, sourceAttributes];
    const shape = `${type}|${kindOf(sa, 'node', s)}|${kindOf(ta, 'node', t)}`;
    if (!relsByShape.has(shape)) relsByShape.set(shape, []);
    relsByShape.get(shape)!.push([key, s, t]);
  });

  const batches: Batch[] = [];
  for (const [kind, keys] of [...nodesByKind].sort(([a], [b]) => a.localeCompare(b))) {
    const extra = ENTITY_KINDS.has(kind) ? ', n:Entity' : '';
    // SET n = props: the node mirrors the graph exactly (stale properties removed), whatever ran before.
    const cypher = `UNWIND $rows AS row MERGE (n:${kind} {id: row.props.id}) SET n = row.props${extra}`;
    for (let i = 0; i < keys.length; i += batchSize) {
      const slice = keys.slice(i, i + batchSize);
      batches.push({ phase: 'nodes', cypher, rows: () => slice.map((key) => ({ props: { ...toNeo4jProperties(graph.getNodeAttributes(key)), id: key } })) });
    }
  }
  // Texts after the nodes (whose SET n = props clears them), in smaller batches: rows are whole cables.
  const withText = records.filter((r) => graph.hasNode(r.cable.id));
  const textBatch = Math.max(1, Math.floor(batchSize / 10));
  const textCypher = 'UNWIND $rows AS row MATCH (c:Cable {id: row.id}) SET c.text = row.text, c.paragraphNumbers = row.numbers, c.paragraphStarts = row.starts, c.paragraphEnds = row.ends';
  for (let i = 0; i < withText.length; i += textBatch) {
    const slice = withText.slice(i, i + textBatch);
    batches.push({
      phase: 'texts',
      cypher: textCypher,
      rows: () => slice.map(({ cable }) => ({ id: cable.id, text: cable.text, numbers: cable.paragraphs.map((p, k) => p.number ?? k + 1), starts: cable.paragraphs.map((p) => p.start), ends: cable.paragraphs.map((p) => p.end) })),
    });
  }
  for (const [shape, edges] of [...relsByShape].sort(([a], [b]) => a.localeCompare(b))) {
    const [type, sourceKind, targetKind] = shape.split('|') as [string, string, string];
    const cypher = `UNWIND $rows AS row MATCH (a:${sourceKind} {id: row.s}) MATCH (b:${targetKind} {id: row.t}) MERGE (a)-[r:${type}]->(b) SET r = row.props`;
    for (let i = 0; i < edges.length; i += batchSize) {
      const slice = edges.slice(i, i + batchSize);
      batches.push({ phase: 'relationships', cypher, rows: () => slice.map(([key, s, t]) => ({ s, t, props: toNeo4jProperties(graph.getEdgeAttributes(key)) })) });
    }
  }
  return batches;
}

/**
 * The direction a relationship is stored in Neo4j: directed edges as they are; undirected ones
 * (co-mentions) one way, from the smaller id, so every load — online or from the import CSVs —
 * MERGEs the same relationship.
 */
export function storedEndpoints(source: string, target: string, undirected: boolean): [string, string] {
  return undirected && target < source ? [target, source] : [source, target];
}

/** A content hash of the graph: the same graph always resumes the same checkpoint. */
export function graphLoadId(graph: Graph): string {
  const hash = createHash('sha1');
  graph.forEachNode((key, attributes) => hash.update(`n\u0000${key}\u0000${JSON.stringify(attributes)}\n`));
  graph.forEachEdge((_key, attributes, source, target) => hash.update(`e\u0000${source}\u0000${target}\u0000${JSON.stringify(attributes)}\n`));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Loads a graphology graph into Neo4j: schema first, then batched `UNWIND … MERGE` in managed
 * write transactions (the driver retries transient failures). Idempotent: nodes and relationships
 * are MERGEd on their keys and their properties set to the graph's, so loading twice — or loading
 * a rebuilt graph with more cables — leaves exactly the graph's counts and weights. Resumable: a
 * checkpoint node records the waves committed for this graph's content hash; an interrupted load
 * of the same graph continues after the last committed wave (redoing a wave is harmless).
 */
export async function loadGraph(graph: Graph, driver: Driver, partial: Partial<LoadOptions> = {}): Promise<LoadResult> {
  const options: LoadOptions = { ...DEFAULT_LOAD_OPTIONS, ...partial };
  if (!(options.batchSize >= 1) || !(options.concurrency >= 1)) throw new CablegraphError('BAD_OPTION', 'batch size and concurrency must be at least 1');
  const started = process.hrtime.bigint();
  const sessionConfig = options.database ? { database: options.database } : {};
  const records = options.records ?? [];
  // Loading the texts too is another load (the graph alone may have been loaded before).
  const loadId = `${graphLoadId(graph)}${records.length > 0 ? `-t${records.length}` : ''}`;
  const batches = planBatches(graph, options.batchSize, records);
  const result: LoadResult = { loadId, nodes: graph.order, relationships: graph.size, batches: batches.length, resumedBatches: 0, alreadyLoaded: false, seconds: 0 };

  await applySchema(driver, options.database);
  const session = driver.session(sessionConfig);
  try {
    const checkpoint = await session.executeRead((tx) => tx.run('MATCH (c:CablegraphLoad {id: $id}) RETURN c.nextBatch AS nextBatch, c.complete AS complete', { id: loadId }));
    const record = checkpoint.records[0];
    if (record?.get('complete') && !options.force) {
      result.alreadyLoaded = true;
      return finish(result, started);
    }
    let next = options.force ? 0 : Number(record?.get('nextBatch') ?? 0);
    result.resumedBatches = next;
    await session.executeWrite((tx) => tx.run('MERGE (c:CablegraphLoad {id: $id}) SET c.nextBatch = $next, c.total = $total, c.complete = false, c.startedAt = datetime()', { id: loadId, next, total: batches.length }));
    options.onProgress?.(next, batches.length);

    let waves = 0;
    while (next < batches.length) {
      // A wave never mixes phases: every node must exist before a relationship MATCHes it.
      const wave: Batch[] = [];
      while (wave.length < options.concurrency && next + wave.length < batches.length && batches[next + wave.length]!.phase === batches[next]!.phase) wave.push(batches[next + wave.length]!);
      await Promise.all(
        wave.map(async (batch) => {
          const worker = driver.session(sessionConfig);
          try {
            await writeRows(worker, batch.cypher, batch.rows());
          } finally {
            await worker.close();
          }
        }),
      );
      next += wave.length;
      await session.executeWrite((tx) => tx.run('MATCH (c:CablegraphLoad {id: $id}) SET c.nextBatch = $next', { id: loadId, next }));
      options.onProgress?.(next, batches.length);
      waves += 1;
      await options.afterWave?.(waves);
    }
    await session.executeWrite((tx) =>
      tx.run('MATCH (c:CablegraphLoad {id: $id}) SET c.complete = true, c.finishedAt = datetime(), c.nodes = $nodes, c.relationships = $relationships', { id: loadId, nodes: graph.order, relationships: graph.size }),
    );
  } finally {
    await session.close();
  }
  return finish(result, started);
}

/** Neo4j refuses a transaction bigger than its memory pool: such a batch is halved, not retried. */
const isMemoryLimit = (error: unknown): boolean => /MemoryPoolOutOfMemoryError|memory pool limit/i.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`);

/**
 * Writes rows in one managed transaction (the driver retries transient failures); rows too big
 * for the server's transaction memory (long evidence lists) are split in halves until they fit.
 */
export async function writeRows(session: Session, cypher: string, rows: Array<Record<string, unknown>>): Promise<void> {
  try {
    const tx = session.beginTransaction();
    try {
      await tx.run(cypher, { rows });
      await tx.commit();
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    if (isMemoryLimit(error) && rows.length > 1) {
      const half = Math.ceil(rows.length / 2);
      await writeRows(session, cypher, rows.slice(0, half));
      await writeRows(session, cypher, rows.slice(half));
      return;
    }
    if (isMemoryLimit(error)) throw error;
    // Other failures: the driver's managed retries (deadlocks, leader changes, lost connections).
    await session.executeWrite((tx) => tx.run(cypher, { rows }));
  }
}

function finish(result: LoadResult, started: bigint): LoadResult {
  result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return result;
}
