// The viewer's curation over the graph database: decisions taken in a worker thread (serving Neo4j, in this one, which also sends Neo4j the difference).
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Driver } from 'neo4j-driver';
import { takeDecision } from '../build/decide';
import { CablegraphError } from '../common/diagnostics';
import { databaseSuggestSource, readCuration, suggestDuplicates } from '../curate';
import { openGraphDb, type GraphDb } from '../db/open';
import type { DecisionJob, DecisionReply } from './decision-worker';
import type { GraphStore } from './store';
import type { Decision, DecisionRequest, DecisionSummary, Suggestion } from '../model';

/** The worker script: beside this module when built, else the built one (tests run the sources); none when not built. */
function decisionWorkerScript(): string | undefined {
  const beside = path.join(__dirname, 'decision-worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.resolve(__dirname, '../../dist/server/decision-worker.js');
  return fs.existsSync(built) ? built : undefined;
}

/** What the viewer's curation routes ask of a curator (over the graph database, or a graph file and Neo4j). */
export interface ViewerCurator {
  readonly store: GraphStore;
  readonly curationFile: string;
  decisions(): Decision[];
  names(decisions: readonly Decision[]): Record<string, string>;
  suggest(limit: number): Suggestion[];
  decide(request: DecisionRequest): Promise<DecisionSummary>;
}

/**
 * The viewer's curation over the graph database: each decision is one transaction on a write
 * connection of this process (the served store's read-only connection sees it once committed), so
 * a CLI decision at the same time waits its turn (BEGIN IMMEDIATE). Serving Neo4j (loaded from
 * this database), the decision's part of the graph — before and after — is diffed and Neo4j gets
 * just the difference.
 */
export class DatabaseCurator implements ViewerCurator {
  private connection: GraphDb | undefined;

  constructor(
    readonly store: GraphStore,
    readonly graphFile: string,
    readonly curationFile: string,
    private readonly neo4j?: { driver: Driver; database?: string },
  ) {}

  private db(): GraphDb {
    if (!this.connection) {
      this.connection = openGraphDb(this.graphFile, { write: true });
      this.connection.pragma('busy_timeout = 30000');
    }
    return this.connection;
  }

  decisions(): Decision[] {
    return readCuration(this.curationFile);
  }

  names(decisions: readonly Decision[]): Record<string, string> {
    const names: Record<string, string> = {};
    for (const d of decisions) Object.assign(names, d.names ?? {});
    const ids = Object.keys(names);
    if (ids.length === 0) return names;
    const current = this.db()
      .prepare('SELECT id, name FROM entities WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as Array<{ id: string; name: string }>;
    for (const r of current) names[r.id] = r.name;
    return names;
  }

  suggest(limit: number): Suggestion[] {
    return suggestDuplicates(databaseSuggestSource(this.db()), limit);
  }

  async decide(request: DecisionRequest): Promise<DecisionSummary> {
    if (!this.neo4j) {
      const script = decisionWorkerScript();
      if (script) return this.decideInWorker(script, request);
    }
    const { outcome } = await takeDecision(
      this.db(),
      this.curationFile,
      request,
      this.neo4j ? { neo4j: this.neo4j } : {},
    );
    return {
      decision: outcome.decision,
      removed: outcome.removed,
      added: outcome.added,
      changed: outcome.changed,
      edges: outcome.edges,
    };
  }

  private worker: Worker | undefined;
  private readonly waiting = new Map<number, { resolve(summary: DecisionSummary): void; reject(error: Error): void }>();
  private jobs = 0;

  /**
   * A decision taken in the worker thread (its transaction's seconds on a big merge leave the
   * event loop free for reads); the worker takes them one at a time, in the order asked.
   */
  private decideInWorker(script: string, request: DecisionRequest): Promise<DecisionSummary> {
    if (!this.worker) {
      const worker = new Worker(script);
      // An idle worker does not keep the server's process alive.
      worker.unref();
      worker.on('message', (reply: DecisionReply) => {
        const waiting = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if ('summary' in reply) waiting?.resolve(reply.summary);
        else
          waiting?.reject(
            reply.error.code
              ? new CablegraphError(
                  reply.error.code,
                  reply.error.message,
                  reply.error.file ? { file: reply.error.file } : {},
                )
              : new Error(reply.error.message),
          );
      });
      const failed = (error: Error): void => {
        for (const waiting of this.waiting.values()) waiting.reject(error);
        this.waiting.clear();
        if (this.worker === worker) this.worker = undefined;
      };
      worker.on('error', failed);
      worker.on('exit', (code) => failed(new Error(`the curation worker stopped (exit ${code})`)));
      this.worker = worker;
    }
    const id = (this.jobs += 1);
    return new Promise<DecisionSummary>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker!.postMessage({
        id,
        graphFile: this.graphFile,
        curationFile: this.curationFile,
        request,
      } satisfies DecisionJob);
    });
  }

  close(): void {
    this.connection?.close();
    this.connection = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
