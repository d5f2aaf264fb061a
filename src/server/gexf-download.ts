// gexf-download: the viewer's GEXF export, streamed to the client slice by slice (other requests are answered between slices) and stopped when the client goes away.
import { once } from 'events';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Response } from 'express';
import { GexfWriter, runWriter } from '../export';
import { subgraphSource } from './gexf-source';
import type { GexfWorkerMessage, GexfWorkerReply } from './gexf-worker';
import type { Subgraph } from '../model';

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
 * Chunks of the subgraph's GEXF from a worker thread (the writer's CPU and garbage off the event
 * loop and its heap): the view goes over in JSON batches, a turn of the loop between them; then
 * chunks are asked for one at a time.
 */
async function* workerChunks(sub: Subgraph, script: string, signal: AbortSignal): AsyncGenerator<string> {
  const worker = new Worker(script);
  const failed = new Promise<never>((_resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the GEXF worker stopped (exit ${code})`)));
  });
  failed.catch(() => undefined);
  const send = (message: GexfWorkerMessage): void => worker.postMessage(message);
  try {
    send({ nodes: JSON.stringify(sub.nodes) });
    for (let i = 0; i < sub.edges.length; i += EDGE_BATCH) {
      signal.throwIfAborted();
      send({ edges: JSON.stringify(sub.edges.slice(i, i + EDGE_BATCH)) });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    for (;;) {
      signal.throwIfAborted();
      send('next');
      const [reply] = (await Promise.race([once(worker, 'message', { signal }), failed])) as [GexfWorkerReply];
      if ('done' in reply) return;
      yield reply.chunk;
    }
  } finally {
    // Done, failed or abandoned: the worker (and its half-written document) goes.
    void worker.terminate();
  }
}

/** Chunks written in this thread, with a turn of the event loop between them (when no worker script is built). */
async function* inlineChunks(sub: Subgraph): AsyncGenerator<string> {
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
 * Writes the subgraph's GEXF to `res` as the writer produces it (in a worker thread: the main
 * thread only passes chunks on), waiting for the socket to drain. When `signal` aborts (the client
 * went away) the writer is stopped and the promise rejects with the signal's reason.
 */
export async function streamGexf(sub: Subgraph, res: Response, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  const script = workerScript();
  const chunks = script ? workerChunks(sub, script, signal) : inlineChunks(sub);
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
