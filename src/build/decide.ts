// A curation decision, composed once for the CLI and the viewer: one database transaction, then Neo4j gets the difference.
import type { Driver } from 'neo4j-driver';
import { decideInDatabase, diffGraphs, type DatabaseDecisionOutcome } from '../curate';
import type { GraphDb } from '../db/open';
import type { DecisionRequest } from '../model';
import type { SyncResult } from '../store/neo4j';

export interface DecideOptions {
  /** Take the decision in a transaction that is rolled back: what it would change, nothing written. */
  dryRun?: boolean;
  /** Neo4j loaded from this database: sent the decision's difference (not on a dry run). */
  neo4j?: { driver: Driver; database?: string };
}

export interface DecideResult {
  outcome: Omit<DatabaseDecisionOutcome, 'local'>;
  /** Seconds the database transaction took. */
  seconds: number;
  /** What Neo4j was sent, when it was. */
  neo4j?: SyncResult;
}

/**
 * Takes a decision: appended to the curation file and applied to the graph database in one
 * transaction (only the rows it touches), then — serving Neo4j — the decision's part of the graph
 * before and after is diffed and Neo4j gets just the difference.
 */
export async function takeDecision(
  db: GraphDb,
  curationFile: string,
  request: DecisionRequest,
  options: DecideOptions = {},
): Promise<DecideResult> {
  const toNeo4j = options.neo4j && !options.dryRun ? options.neo4j : undefined;
  const started = process.hrtime.bigint();
  const { local, ...outcome } = decideInDatabase(db, curationFile, request, {
    dryRun: options.dryRun ?? false,
    captureLocal: !!toNeo4j,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!toNeo4j || !local) return { outcome, seconds };
  // neo4j-driver's code is loaded only when a decision goes to Neo4j too.
  const { syncGraphDiff } = await import('../store/neo4j');
  const synced = await syncGraphDiff(
    toNeo4j.driver,
    local.before,
    local.after,
    diffGraphs(local.before, local.after),
    toNeo4j.database,
    local.statements,
  );
  return { outcome, seconds, neo4j: synced };
}
