// gexf-download: the viewer's GEXF export, gathered and written in a worker thread, streamed to the client chunk by chunk and stopped when the client goes away.
import { once } from 'events';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Response } from 'express';
import { GexfWriter, runWriter } from '../export';
import { Explorer } from './explore';
import { subgraphSource } from './gexf-source';
import type { DatabaseView, GexfWorkerMessage, GexfWorkerReply } from './gexf-worker';
import { SqliteStore } from './sqlite-store';
import type { Subgraph } from '../model';

export type { DatabaseView } from './gexf-worker';
/** What to export: a view already gathered (from Neo4j), or one the worker gathers from the graph database. */
export type GexfJob = Subgraph | DatabaseView;
const isDatabaseView = (job: GexfJob): job is DatabaseView => 'database' in job;

export { subgraphSource } from './gexf-source';

/** Bounds how many exports run at once: each holds a subgraph and a writer. */
export class GexfExports {
  private running = 0;
  constructor(private readonly atOnce: number) {}

  /** A slot, or undefined when `atOnce` exports are running. */
  take(): { release(): void } | undefined {
    if (this.running >= this.atOnce) return undefined;
    this.running += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.running -= 1;
      },
    };
  }

  get active(): number {
    return this.running;
  }
}

/** The worker script: beside this module when built, else the built one (tests run the sources). */
function workerScript(): string | undefined {
  const beside = path.join(__dirname, 'gexf-worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.resolve(__dirname, '../../dist/server/gexf-worker.js');
  return fs.existsSync(built) ? built : undefined;
}

/** Edges per message to the worker: each batch is a short slice of the event loop. */
const EDGE_BATCH = 2000;

/**
 * Chunks of the view's GEXF from a worker thread (the query, the writer's CPU and their garbage
 * off the event loop and its heap). Over the graph database the worker gathers the view itself
 * from the file; a view already gathered goes over in JSON batches, a turn of the loop between
 * them. Then chunks are asked for one at a time.
 */
async function* workerChunks(job: GexfJob, script: string, signal: AbortSignal): AsyncGenerator<string> {
  const worker = new Worker(script);
  const failed = new Promise<never>((_resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the GEXF worker stopped (exit ${code})`)));
  });
  failed.catch(() => undefined);
  const send = (message: GexfWorkerMessage): void => worker.postMessage(message);
  try {
    if (isDatabaseView(job)) send({ gather: { database: job.database, ids: [...job.ids], filter: job.filter } });
    else {
      send({ nodes: JSON.stringify(job.nodes) });
      for (let i = 0; i < job.edges.length; i += EDGE_BATCH) {
        signal.throwIfAborted();
        send({ edges: JSON.stringify(job.edges.slice(i, i + EDGE_BATCH)) });
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    for (;;) {
      signal.throwIfAborted();
      send('next');
      const [reply] = (await Promise.race([once(worker, 'message', { signal }), failed])) as [GexfWorkerReply];
      if ('done' in reply) return;
      if ('error' in reply) throw new Error(`the GEXF worker failed: ${reply.error}`);
      yield reply.chunk;
    }
  } finally {
    // Done, failed or abandoned: the worker (and its half-written document) goes.
    void worker.terminate();
  }
}

/** Chunks written in this thread, with a turn of the event loop between them (when no worker script is built). */
async function* inlineChunks(job: GexfJob, signal: AbortSignal): AsyncGenerator<string> {
  let sub = job as Subgraph;
  if (isDatabaseView(job)) {
    const store = SqliteStore.open(job.database);
    try {
      sub = await new Explorer(store, signal).subgraph(job.ids, job.filter);
    } finally {
      await store.close();
    }
  }
  const source = subgraphSource(sub);
  const chunks = runWriter(new GexfWriter(source), source);
  try {
    for (const chunk of chunks) {
      yield chunk;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    chunks.return(undefined);
  }
}

/**
 * Writes the view's GEXF to `res` as the writer produces it (in a worker thread, which also
 * gathers a database view: the main thread only passes chunks on), waiting for the socket to
 * drain. When `signal` aborts (the client went away) the worker is ended and the promise rejects
 * with the signal's reason.
 */
export async function streamGexf(job: GexfJob, res: Response, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  const script = workerScript();
  const chunks = script ? workerChunks(job, script, signal) : inlineChunks(job, signal);
  res.attachment('cablegraph-view.gexf').type('application/gexf+xml');
  try {
    for await (const chunk of chunks) {
      signal.throwIfAborted();
      if (!res.write(chunk)) await once(res, 'drain', { signal });
    }
    signal.throwIfAborted();
    res.end();
  } finally {
    await chunks.return(undefined);
  }
}
