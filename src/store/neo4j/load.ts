// Loading a graph into Neo4j: batched, idempotent and resumable, from a graph or a graph database.
import neo4j, {
  type Driver,
  type Integer,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';
import type { CableGraph, EdgeStatement } from '../../model';
import { CablegraphError } from '../../common/diagnostics';
import { GraphDbReader } from '../../db/read';
import type { CableRecord } from '../../graph/types';
import { applySchema } from './schema';
import { leftovers, removeCablegraphData, type Leftovers } from './replace';
import {
  DEFAULT_LATE_ABOVE,
  estimateBatches,
  kindOf,
  dbSource,
  graphSource,
  planBatches,
  type Batch,
  type LoadSource,
  type WriteMode,
} from './plan';

export {
  graphLoadId,
  toNeo4jProperties,
  storedEndpoints,
  planBatches,
  graphSource,
  dbSource,
  type LoadSource,
  type WriteMode,
} from './plan';

export interface LoadOptions {
  database?: string;
  /** Nodes or relationships per transaction (cable texts: a tenth). */
  batchSize: number;
  /** Transactions in flight at once (within one phase: all nodes exist before any relationship). */
  concurrency: number;
  /**
   * The co-mentions' cable and evidence lists in a last phase (the graph browsable before they
   * arrive; the phase finds each relationship again), or with their relationships in one pass.
   */
  evidenceLast: boolean;
  /**
   * With `evidenceLast`: co-mentions of at most this many cables carry their lists with their
   * relationships, the others' come last (DEFAULT_LATE_ABOVE; 0: every list last).
   */
  lateAbove: number;
  /**
   * Relationship property indexes (cypher/schema.cypher's `FOR ()-[r:…]-()`) created after the
   * relationships phase, populated once over what was written, rather than updated row by row.
   */
  deferRelationshipIndexes: boolean;
  /** Load again even when this exact graph was loaded completely before. */
  force: boolean;
  /**
   * Remove every cablegraph node (and its relationships) first, then CREATE this graph alone: what
   * earlier loads of other graphs left does not stay (a merge-mode load only adds and updates).
   * A replace load that was interrupted after its removal resumes instead of removing again.
   */
  replace?: boolean;
  /**
   * The graph's cable records (in-memory loads): their texts and paragraph bounds are set on the
   * Cable nodes (what the viewer's Neo4j store shows as passages). Without them, cables carry no text.
   */
  records?: readonly CableRecord[];
  /** The middle statements of the graph's cut edges (in-memory loads: a graph holds only its lists). */
  statements?: readonly EdgeStatement[];
  onProgress?: (done: number, total: number) => void;
  /** Test hook: called after each committed batch (used to simulate a crash mid-load). */
  afterWave?: (wavesDone: number) => void | Promise<void>;
}

export interface LoadFileOptions extends Omit<LoadOptions, 'records' | 'statements'> {
  /** Set the cables' texts from the database's cables (a pass over them). */
  texts: boolean;
}

// Measured on the 10,000-cable graph (scripts/bench-load.js, README): see the README's loader notes.
// Two transactions in flight: the client encodes one batch while the server writes the other
// (the relationships phase −15 to −26% at 10,000 cables; its rows find their ends by id seeks,
// which take no index entry locks).
export const DEFAULT_LOAD_OPTIONS: LoadOptions = {
  batchSize: 10000,
  concurrency: 2,
  evidenceLast: true,
  lateAbove: DEFAULT_LATE_ABOVE,
  deferRelationshipIndexes: true,
  force: false,
};

export interface LoadResult {
  loadId: string;
  nodes: number;
  relationships: number;
  batches: number;
  /** Batches skipped because a previous, interrupted run of the same graph had committed them. */
  resumedBatches: number;
  alreadyLoaded: boolean;
  /** `create` into a database that held no cablegraph data, `merge` (idempotent) otherwise. */
  mode: WriteMode;
  /** Nodes removed first (`replace`). */
  removedNodes?: number;
  /**
   * After a merge-mode load: what the database holds beyond this graph (left by loads of other
   * graphs; `replace` removes it). None when nothing is left over.
   */
  leftovers?: Leftovers;
  seconds: number;
  /**
   * Seconds per phase, in order: schema (constraints and indexes), nodes, texts, relationships (the
   * graph browsable from here on), evidence (the co-mentions' lists, LATE_PROPERTIES), statements
   * (the middle statements of cut roles and affiliations).
   */
  phases: Record<string, number>;
  /**
   * Rows of the evidence phase written by this run: found by the relationship ids the relationships
   * phase returned, or by their two ends (rows whose relationships an earlier, interrupted run wrote).
   */
  lateRows: { byRelationshipId: number; byEnds: number };
}

/**
 * Loads a graphology graph into Neo4j (the in-memory path: tests, the viewer's store). The same
 * planner and writer as `loadGraphDb`; see `loadSource`.
 */
export async function loadGraph(
  graph: CableGraph,
  driver: Driver,
  partial: Partial<LoadOptions> = {},
): Promise<LoadResult> {
  return loadSource(graphSource(graph, partial.records ?? [], partial.statements ?? []), driver, partial);
}

/**
 * Loads a graph database into Neo4j, streaming: its nodes are held in memory, its edges and cable
 * texts read from the database in batches as batches go out, so memory stays at the nodes plus a
 * few batches.
 *
 * @example
 *   await loadGraphDb('out/graph.db', driver, { texts: false, force: true });
 */
export async function loadGraphDb(
  file: string | GraphDbReader,
  driver: Driver,
  partial: Partial<LoadFileOptions> = {},
): Promise<LoadResult> {
  // The nodes' attributes are streamed from the file kind by kind: only their kinds are held.
  const reader = typeof file === 'string' ? GraphDbReader.open(file, { nodeAttributes: false }) : file;
  try {
    return await loadSource(dbSource(reader, { texts: partial.texts ?? true }), driver, partial);
  } finally {
    if (typeof file === 'string') reader.close();
  }
}

interface Checkpoint {
  mode: WriteMode;
  batchSize: number;
  /** Indexes of batches committed (each in the same transaction as its checkpoint update). */
  done: Set<number>;
  /** Batches of which only some halves committed (too big for the server's memory): redone with MERGE. */
  partial: Set<number>;
  /** The halves committed as parts of a batch (checkpointMark's part ids). */
  parts: string[];
}

/**
 * Loads a source into Neo4j: schema first, then the planner's batches, each in one write
 * transaction that also records the batch in a checkpoint node (keyed by the content's id), so a
 * batch is committed exactly once and an interrupted load resumes with the batches not yet
 * committed. Into a database with no cablegraph data, nodes and relationships are CREATEd (a
 * resumed load keeps the mode it started with: its committed batches are never redone). Into one
 * that has data, they are MERGEd on their keys and their properties set to the graph's, so loading
 * twice — or loading a rebuilt graph with more cables — leaves exactly the graph's counts and
 * weights.
 */
export async function loadSource(
  source: LoadSource,
  driver: Driver,
  partial: Partial<LoadOptions> = {},
): Promise<LoadResult> {
  const options: LoadOptions = { ...DEFAULT_LOAD_OPTIONS, ...partial };
  if (!(options.batchSize >= 1) || !(options.concurrency >= 1))
    throw new CablegraphError('BAD_OPTION', 'batch size and concurrency must be at least 1');
  // (checked before the schema and the checkpoint are written: a refused load leaves nothing behind)
  if (!(options.lateAbove >= 0))
    throw new CablegraphError('BAD_OPTION', `lateAbove must be a cable count (${options.lateAbove})`);
  const started = process.hrtime.bigint();
  const sessionConfig = options.database ? { database: options.database } : {};
  // v4: the middle statements of cut edges as (:Statement) nodes (v3: co-mention lists in a last
  // phase of their own); a graph loaded by an older loader is loaded again, never taken as done.
  // The batches depend on which lists come last: a resumed load must plan the same ones.
  const loadId = `v4-${await source.loadId()}${options.evidenceLast ? `-late${options.lateAbove}` : '-one-pass'}`;
  const result: LoadResult = {
    loadId,
    nodes: source.nodeCount,
    relationships: source.edgeCount,
    batches: 0,
    resumedBatches: 0,
    alreadyLoaded: false,
    mode: 'merge',
    seconds: 0,
    phases: {},
    lateRows: { byRelationshipId: 0, byEnds: 0 },
  };

  let phaseStarted = process.hrtime.bigint();
  const endPhase = (name: string): void => {
    const now = process.hrtime.bigint();
    result.phases[name] = (result.phases[name] ?? 0) + Number(now - phaseStarted) / 1e9;
    phaseStarted = now;
  };
  // A small load (no more relationships than nodes: tests, a curation's few edges) keeps the key
  // seeks and the indexes up front: reading every id and a second index wait cost more than they save.
  const large = source.edgeCount > source.nodeCount;
  const defer = options.deferRelationshipIndexes && large;
  await applySchema(driver, options.database, defer ? 'nodes' : 'all');
  endPhase('schema');
  let indexed = !defer;
  const relationshipIndexes = async (): Promise<void> => {
    if (indexed) return;
    indexed = true;
    await applySchema(driver, options.database, 'relationship-indexes');
    endPhase('relationshipIndexes');
  };
  const session = driver.session(sessionConfig);
  try {
    const found = await session.executeRead((tx) =>
      tx.run(
        'MATCH (c:CablegraphLoad {id: $id}) RETURN c {.complete, .mode, .batchSize, .done, .partial, .parts} AS c',
        {
          id: loadId,
        },
      ),
    );
    let previous = found.records[0]?.get('c') as
      | {
          complete?: boolean;
          mode?: WriteMode;
          batchSize?: number;
          done?: number[];
          partial?: number[];
          parts?: string[];
        }
      | undefined;
    // A replace load removed everything before it began creating: interrupted, it resumes (its
    // checkpoint is an incomplete create, the database's only one); otherwise it removes now,
    // checkpoints included. An incomplete create beside another load's checkpoint was followed by
    // that load (its data would stay, and CREATE would meet its nodes), and --force starts afresh.
    const resumable =
      options.replace === true &&
      previous !== undefined &&
      !previous.complete &&
      previous.mode === 'create' &&
      !options.force &&
      !(await otherLoads(session, loadId));
    const replacing = options.replace === true && !resumable;
    if (replacing) {
      result.removedNodes = await removeCablegraphData(driver, options.database);
      endPhase('remove');
      previous = undefined;
    }
    if (previous?.complete && !options.force) {
      result.alreadyLoaded = true;
      await relationshipIndexes();
      return finish(result, started);
    }
    // A resumed load keeps its mode and batch size (batch numbers depend on it); a new one creates
    // when there is nothing to merge with.
    const checkpoint: Checkpoint =
      previous && !previous.complete && !options.force && previous.mode
        ? {
            mode: previous.mode,
            batchSize: Number(previous.batchSize ?? options.batchSize),
            done: new Set(previous.done ?? []),
            partial: new Set(previous.partial ?? []),
            parts: previous.parts ?? [],
          }
        : {
            mode: !replacing && (await holdsData(session)) ? 'merge' : 'create',
            batchSize: options.batchSize,
            done: new Set(),
            partial: new Set(),
            parts: [],
          };
    result.mode = checkpoint.mode;
    let total = estimateBatches(source, checkpoint.batchSize);
    await session.executeWrite((tx) =>
      tx.run(
        'MERGE (c:CablegraphLoad {id: $id}) SET c.mode = $mode, c.batchSize = $batchSize, c.done = $done, c.partial = $partial, c.parts = $parts, c.total = $total, c.complete = false, c.startedAt = datetime()',
        {
          id: loadId,
          mode: checkpoint.mode,
          batchSize: checkpoint.batchSize,
          done: [...checkpoint.done],
          partial: [...checkpoint.partial],
          parts: checkpoint.parts,
          total,
        },
      ),
    );

    let settled = 0;
    let committed = 0;
    const progress = (): void => options.onProgress?.(settled, Math.max(total, settled));
    progress();
    // Batches go out as the planner makes them: while one is written, the next is read and built.
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    const drain = async (limit: number): Promise<void> => {
      while (inFlight.size > limit) await Promise.race(inFlight).catch(() => undefined);
      if (failure) throw failure.error;
    };
    let phase: Batch['phase'] | undefined;
    let nodeIds: Map<string, number> | undefined;
    // Relationship ids by their rows' place (shape, first row), from the relationships phase to the
    // evidence phase: 4 bytes a co-mention whose lists come late, each dropped once they are set.
    // Rows without them (a resumed load's committed batches) find their relationship by its ends.
    const relationshipIds = new Map<string, Int32Array>();
    try {
      for await (const batch of planBatches(source, checkpoint.batchSize, {
        evidenceLast: options.evidenceLast,
        lateAbove: options.lateAbove,
      })) {
        result.batches += 1;
        if (checkpoint.done.has(batch.index)) {
          result.resumedBatches += 1;
          settled += 1;
          progress();
          continue;
        }
        // A phase never overlaps the next: every node must exist before a relationship MATCHes it.
        await drain(batch.phase === phase ? options.concurrency - 1 : 0);
        if (batch.phase !== phase && phase) endPhase(phase);
        if (large && batch.phase !== phase && batch.cypherById && !nodeIds) {
          // Every node is in: their internal ids, so relationships find their ends by id seeks.
          nodeIds = await readNodeIds(session, source);
          endPhase('nodeIds');
        }
        // Relationship property indexes built once over the written relationships, not row by row.
        if (batch.phase !== phase && phase === 'relationships') await relationshipIndexes();
        phase = batch.phase;
        const byId = nodeIds && batch.cypherById ? batch.cypherById : undefined;
        let rows = byId ? withNodeIds(batch.rows, nodeIds!) : batch.rows;
        const mode = checkpoint.partial.has(batch.index) ? 'merge' : checkpoint.mode;
        let cypher = (byId ?? batch.cypher)[mode];
        let check: ((records: Neo4jRecord[], rows: unknown[]) => void) | undefined;
        // Relationships with late properties return their ids (the loader keeps their late rows');
        // their late batches (runs of one relationship batch's late rows) then find them by id:
        // keyed by the relationship batch's place.
        const lateKey = batch.late && `${batch.late.shape}\u0000${batch.late.first}`;
        const lateRows = batch.phase === 'relationships' ? batch.late?.rows : undefined;
        const keepIds = byId && lateKey && lateRows && batch.cypherReturningIds;
        if (keepIds) cypher = batch.cypherReturningIds![mode];
        if (byId && lateKey && batch.phase === 'evidence' && batch.cypherByRelationshipId) {
          const ids = relationshipIds.get(lateKey);
          const offset = batch.late!.from ?? 0;
          // (dropped with its relationship batch's last rows)
          if (ids && offset + rows.length >= ids.length) relationshipIds.delete(lateKey);
          if (ids && offset + rows.length <= ids.length) {
            rows = rows.map((row, i) => [neo4j.int(ids[offset + i]), ...row]);
            cypher = batch.cypherByRelationshipId;
            check = everyRowSet;
          }
        }
        if (batch.phase === 'evidence') result.lateRows[check ? 'byRelationshipId' : 'byEnds'] += rows.length;
        const write = (async () => {
          const worker = driver.session(sessionConfig);
          try {
            const records = await writeRows(worker, cypher, rows, checkpointMark(loadId, batch.index), check);
            if (keepIds) {
              const ids = returnedIds(records, rows.length);
              if (ids)
                relationshipIds.set(
                  lateKey,
                  lateRows.map((i) => ids[i]),
                );
            }
          } finally {
            await worker.close();
          }
          settled += 1;
          committed += 1;
          progress();
          await options.afterWave?.(committed);
        })().catch((error: unknown) => {
          failure ??= { error };
        });
        inFlight.add(write);
        void write.finally(() => inFlight.delete(write));
      }
      await drain(0);
      if (phase) endPhase(phase);
      await relationshipIndexes();
    } finally {
      // Never leave a transaction behind: whatever failed, wait for the ones in flight.
      await Promise.allSettled([...inFlight]);
    }
    total = result.batches;
    progress();
    await session.executeWrite((tx) =>
      tx.run(
        'MATCH (c:CablegraphLoad {id: $id}) SET c.complete = true, c.total = $total, c.finishedAt = datetime(), c.nodes = $nodes, c.relationships = $relationships',
        {
          id: loadId,
          total,
          nodes: source.nodeCount,
          relationships: source.edgeCount,
        },
      ),
    );
    if (checkpoint.mode === 'merge') {
      const left = await leftovers(
        driver,
        { nodes: source.nodeCount, relationships: source.edgeCount, statements: source.statementCount },
        options.database,
      );
      if (left.nodes + left.relationships + left.statements > 0) result.leftovers = left;
    }
  } finally {
    await session.close();
  }
  return finish(result, started);
}

/**
 * Every node's internal id by key, label by label (the source's labels only: other data in the
 * database is not read). A key the database lacks is found by the statement's own check below.
 */
async function readNodeIds(session: Session, source: LoadSource): Promise<Map<string, number>> {
  // Plain numbers (a Bolt Integer object each would double the map); rows get Integers as they go out.
  const ids = new Map<string, number>();
  for (const kind of source.nodeKinds().sort()) {
    kindOf({ kind }, 'node kind', kind);
    const { records } = await session.executeRead((tx) => tx.run(`MATCH (n:${kind}) RETURN n.id AS key, id(n) AS id`));
    for (const record of records) ids.set(record.get('key') as string, record.get('id') as number);
  }
  return ids;
}

/** Rows [sourceKey, targetKey, ...values] as [sourceId, targetId, ...values]. */
function withNodeIds(rows: unknown[][], ids: Map<string, number>): unknown[][] {
  // Bolt integers: a JS number goes out as a float, which an id seek would not use.
  const idOf = (key: unknown): Integer => {
    const id = ids.get(key as string);
    if (id === undefined)
      throw new CablegraphError('NEO4J_LOAD', `node ${String(key)} is not in the database after the nodes phase`);
    return neo4j.int(id);
  };
  return rows.map((row) => {
    const copy = row.slice();
    copy[0] = idOf(row[0]);
    copy[1] = idOf(row[1]);
    return copy;
  });
}

/** Whether the database holds a load checkpoint other than `loadId`'s (another graph was loaded into it). */
async function otherLoads(session: Session, loadId: string): Promise<boolean> {
  const { records } = await session.executeRead((tx) =>
    tx.run('MATCH (c:CablegraphLoad) WHERE c.id <> $id RETURN count(c) AS n', { id: loadId }),
  );
  return Number(records[0].get('n')) > 0;
}

/** Whether the database holds any node but load checkpoints (then loads must MERGE). */
async function holdsData(session: Session): Promise<boolean> {
  const { records } = await session.executeRead((tx) =>
    tx.run('CALL { MATCH (n) WHERE NOT n:CablegraphLoad RETURN n LIMIT 1 } RETURN count(n) AS n'),
  );
  return Number(records[0].get('n')) > 0;
}

/** A statement run in a batch's own transaction, and what makes it safe to run again. */
export interface CheckpointMark {
  /** Run in the transaction that commits these rows (the batch, or a part of it). */
  final: { cypher: string; params: Record<string, unknown> };
  /** Returns true when these rows are already committed (a retry after an unanswered commit). */
  committed: { cypher: string; params: Record<string, unknown> };
  /**
   * The marks of the rows' two halves (split to fit the server's memory): the first half a part
   * with an id of its own, the second completing what these rows complete. A retried half asks
   * after its own id: a half that committed unanswered is never written twice.
   */
  halves(): [CheckpointMark, CheckpointMark];
}

/**
 * The mark of batch `index`'s rows at `path` (which half of which half: '' the whole batch, '0' its
 * first half, '10' the first half of its second half), committing `owner` (the batch when '', else
 * the part of that path): the batch goes into `done`; a part goes into `partial` (the batch is
 * redone with MERGE on resume) and, by its id `index:path`, into `parts`.
 */
export function checkpointMark(id: string, index: number, path = '', owner = ''): CheckpointMark {
  const part = `${index}:${owner}`;
  const params = { id, index, part };
  const load = 'MATCH (c:CablegraphLoad {id: $id})';
  return {
    final:
      owner === ''
        ? { cypher: `${load} SET c.done = coalesce(c.done, []) + $index`, params }
        : {
            cypher: `${load} SET c.partial = coalesce(c.partial, []) + $index, c.parts = coalesce(c.parts, []) + $part`,
            params,
          },
    committed:
      owner === ''
        ? { cypher: `${load} RETURN $index IN coalesce(c.done, []) AS done`, params }
        : { cypher: `${load} RETURN $part IN coalesce(c.parts, []) AS done`, params },
    halves: () => [checkpointMark(id, index, `${path}0`, `${path}0`), checkpointMark(id, index, `${path}1`, owner)],
  };
}

/** Neo4j refuses a transaction bigger than its memory pool: such a batch is halved, not retried. */
const isMemoryLimit = (error: unknown): boolean =>
  /MemoryPoolOutOfMemoryError|memory pool limit/i.test(
    `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`,
  );

/**
 * Writes rows in one transaction, with the checkpoint mark (if any) in the same transaction;
 * rows too big for the server's transaction memory (long evidence lists) are split in halves
 * until they fit (each first half marked as a part of its own; the last one marks the batch done).
 * Other failures go to the driver's managed retries (deadlocks, leader changes, lost connections),
 * which first check that these rows (the batch, or the part) did not commit after all.
 */
export async function writeRows(
  session: Session,
  cypher: string,
  rows: unknown[],
  mark?: CheckpointMark,
  check?: (records: Neo4jRecord[], rows: unknown[]) => void,
): Promise<Neo4jRecord[] | undefined> {
  const params = { rows };
  try {
    const tx = session.beginTransaction();
    try {
      const { records } = await tx.run(cypher, params);
      check?.(records, rows);
      if (mark) await tx.run(mark.final.cypher, mark.final.params);
      await tx.commit();
      return records;
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    if (isMemoryLimit(error) && rows.length > 1) {
      const half = Math.ceil(rows.length / 2);
      const [firstMark, secondMark] = mark?.halves() ?? [];
      const first = await writeRows(session, cypher, rows.slice(0, half), firstMark, check);
      const second = await writeRows(session, cypher, rows.slice(half), secondMark, check);
      return first && second ? [...first, ...second] : undefined;
    }
    if (isMemoryLimit(error) || error instanceof CablegraphError) throw error;
    // Undefined when the batch had committed after all: what it returned is not known.
    return session.executeWrite(async (tx: ManagedTransaction) => {
      if (mark) {
        const done = await tx.run(mark.committed.cypher, mark.committed.params);
        if (done.records[0]?.get('done')) return undefined;
      }
      const { records } = await tx.run(cypher, params);
      check?.(records, rows);
      if (mark) await tx.run(mark.final.cypher, mark.final.params);
      return records;
    });
  }
}

/**
 * The relationship ids a batch's `cypherReturningIds` returned (one record per transaction it took,
 * in row order), as compact integers; undefined when they are not all there or not small enough.
 */
function returnedIds(records: Neo4jRecord[] | undefined, count: number): Int32Array | undefined {
  if (!records) return undefined;
  const ids = new Int32Array(count);
  let n = 0;
  for (const record of records)
    for (const id of record.get('ids') as Array<number | Integer>) {
      const value = neo4j.isInt(id) ? id.toNumber() : id;
      if (n >= count || !(value >= 0 && value <= 0x7fffffff)) return undefined;
      ids[n++] = value;
    }
  return n === count ? ids : undefined;
}

/** A late batch's statement must set every row: fewer means ids out of step with the rows. */
export function everyRowSet(records: Neo4jRecord[], rows: unknown[]): void {
  const set = Number(records[0]?.get('set') ?? 0);
  if (set !== rows.length)
    throw new CablegraphError(
      'NEO4J_LOAD',
      `the evidence phase found ${set} of ${rows.length} relationships by their ids: the database changed during the load; load again with --force`,
    );
}

function finish(result: LoadResult, started: bigint): LoadResult {
  result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return result;
}
