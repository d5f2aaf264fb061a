// decision-worker: takes the viewer's curation decisions off the server's event loop — one transaction each on a write connection of this thread's own, one at a time, in the order asked.
import { parentPort } from 'worker_threads';
import { CablegraphError } from '../common/diagnostics';
import { takeDecision } from '../build/decide';
import { openGraphDb, type GraphDb } from '../db/open';
import type { DecisionRequest, DecisionSummary } from '../model';

export interface DecisionJob {
  id: number;
  graphFile: string;
  curationFile: string;
  request: DecisionRequest;
}
export type DecisionReply =
  { id: number; summary: DecisionSummary } | { id: number; error: { code?: string; message: string; file?: string } };

let connection: { file: string; db: GraphDb } | undefined;

function db(file: string): GraphDb {
  if (connection?.file !== file) {
    connection?.db.close();
    const opened = openGraphDb(file, { write: true });
    // A decision from the CLI at the same time waits its turn (BEGIN IMMEDIATE), up to 30 s.
    opened.pragma('busy_timeout = 30000');
    connection = { file, db: opened };
  }
  return connection.db;
}

parentPort!.on('message', (job: DecisionJob) => void decide(job));

/** One decision, its summary or its error posted back. */
async function decide(job: DecisionJob): Promise<void> {
  let reply: DecisionReply;
  try {
    const { outcome } = await takeDecision(db(job.graphFile), job.curationFile, job.request);
    reply = {
      id: job.id,
      summary: {
        decision: outcome.decision,
        removed: outcome.removed,
        added: outcome.added,
        changed: outcome.changed,
        edges: outcome.edges,
      },
    };
  } catch (error) {
    const e = error as Error;
    reply = {
      id: job.id,
      error:
        error instanceof CablegraphError
          ? { code: error.code, message: e.message, ...(error.file ? { file: error.file } : {}) }
          : { message: e?.message ?? String(error) },
    };
  }
  parentPort!.postMessage(reply);
}
