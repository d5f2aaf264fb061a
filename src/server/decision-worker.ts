// decision-worker: takes one curation decision off the server's event loop — the graph file read, rebuilt with the decision, compared, and written with the curation file — and answers what changed.
import { parentPort, workerData } from 'worker_threads';
import { entityChanges, takeDecision, type DecisionRequest } from '../curate';
import type { DecisionSummary } from './types';

export interface DecisionJob {
  graphFile: string;
  curationFile: string;
  request: DecisionRequest;
}

export type DecisionReply = { ok: true; summary: DecisionSummary } | { ok: false; code?: string; message: string };

const job = workerData as DecisionJob;
takeDecision(job.graphFile, job.curationFile, job.request).then(
  ({ decision, before, after, diff }) => {
    const summary: DecisionSummary = {
      decision,
      removed: diff.nodes.removed,
      added: diff.nodes.added,
      changed: entityChanges(diff, before, after),
      edges: { added: diff.edges.added.length, removed: diff.edges.removed.length, changed: diff.edges.changed.length },
    };
    parentPort!.postMessage({ ok: true, summary } satisfies DecisionReply);
  },
  (error: Error & { code?: string }) => parentPort!.postMessage({ ok: false, message: error.message, ...(typeof error.code === 'string' ? { code: error.code } : {}) } satisfies DecisionReply),
);
