// The graph database's writer on its own thread: a build sends rows in batches, a worker owns the SQLite connection.
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import type { CableRelationRows } from '../graph/relation-types';
import { createGraphDb, finishGraphDb, indexEdgeTables, type GraphDb } from './open';
import { relationCounts } from './read-relations';
import { GraphDbWriter } from './write';
import { RelationRowsWriter } from './write-relations';

export type WriterMethod = {
  [K in keyof GraphDbWriter]: GraphDbWriter[K] extends (...args: never[]) => void ? K : never;
}[keyof GraphDbWriter];

/** Where rows go: the write thread (a full build) or a writer on this thread (an append in place). */
export interface RowSink {
  row<K extends WriterMethod>(method: K, ...args: Parameters<GraphDbWriter[K]>): void;
}

/** Rows written at once by a writer on this thread. */
export function directRows(writer: GraphDbWriter): RowSink {
  return {
    row(method, ...args) {
      (writer[method] as (...a: typeof args) => void).apply(writer, args);
    },
  };
}

/** One operation on the database being built, in the order the build makes them. */
export type WriteCall =
  | { [K in WriterMethod]: ['row', K, Parameters<GraphDbWriter[K]>] }[WriterMethod]
  | ['relations', CableRelationRows]
  | ['pragma', string]
  | ['indexEdges']
  | ['finish']
  | ['relationCounts']
  | ['close'];

/** The database end: the connection, its row writers, and what each call does to them. */
export class GraphDbTarget {
  private readonly db: GraphDb;
  private readonly writer: GraphDbWriter;
  private readonly relations: RelationRowsWriter;
  private closed = false;

  constructor(file: string) {
    this.db = createGraphDb(file);
    this.writer = new GraphDbWriter(this.db);
    this.relations = new RelationRowsWriter(this.db);
  }

  /** Applies one call; the result of those that answer (relationCounts). */
  apply(call: WriteCall): unknown {
    switch (call[0]) {
      case 'row':
        return (this.writer[call[1]] as (...args: unknown[]) => void)(...call[2]);
      case 'relations':
        return this.relations.write(call[1]);
      case 'pragma':
        return this.db.pragma(call[1]);
      case 'indexEdges':
        return indexEdgeTables(this.db);
      case 'finish':
        return finishGraphDb(this.db, true);
      case 'relationCounts':
        return relationCounts(this.db);
      case 'close':
        this.closed = true;
        return this.db.close();
    }
  }

  /** Closes the connection if a failure left it open. */
  abandon(): void {
    if (!this.closed) this.db.close();
    this.closed = true;
  }
}

/** Calls per message to the worker. */
const CALLS_PER_BATCH = 4096;
/** Batches sent and not yet applied before the build waits for the writer (bounds memory). */
const BATCHES_IN_FLIGHT = 32;

/** Messages between the build and the writer thread. */
export interface WriteBatch {
  calls: WriteCall[];
  /** Set when the build waits for this batch: the worker answers with the last call's result. */
  reply?: number;
}
export interface WriteFailure {
  failed: string;
  code?: string;
}

/** The worker script: beside this module when built, else the built one (tests run the sources); none → inline. */
function writerScript(): string | undefined {
  const beside = path.join(__dirname, 'write-worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.resolve(__dirname, '../../dist/db/write-worker.js');
  return fs.existsSync(built) ? built : undefined;
}

/**
 * The build's handle on the database being written: `row` and the other calls go to a worker
 * thread in batches, in order, so SQLite's work (and the rows' JSON) runs beside the build's own
 * (resolution, the per-cable pass, the metrics) on the other core. The build never waits for a
 * row, only when BATCHES_IN_FLIGHT batches are queued (then it blocks until the writer catches up)
 * and for `ask` and `close`. A writer failure is raised at the next call. Inline (calls applied at
 * once, on this thread) when no built worker script exists.
 */
export class GraphDbWriteThread {
  private readonly worker: Worker | undefined;
  private readonly inline: GraphDbTarget | undefined;
  /** [batches in flight, failed] shared with the worker. */
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));
  private calls: WriteCall[] = [];
  /** Rows in `calls` (a block of rows counts as its rows): a batch is sent at CALLS_PER_BATCH. */
  private weight = 0;
  private failure: Error | undefined;
  private readonly waiting = new Map<number, { resolve: (result: unknown) => void; reject: (e: Error) => void }>();
  private nextReply = 0;
  /** Where the worker says why it failed: read synchronously (the build's passes do not yield to the event loop). */
  private readonly failures: MessagePort | undefined;

  constructor(file: string) {
    const script = writerScript();
    if (script === undefined) {
      this.inline = new GraphDbTarget(file);
      return;
    }
    const { port1, port2 } = new MessageChannel();
    this.failures = port1;
    port1.unref();
    this.worker = new Worker(script, {
      workerData: { file, flags: this.flags, failures: port2 },
      transferList: [port2],
    });
    this.worker.on('message', (message: { reply: number; result: unknown }) => {
      this.waiting.get(message.reply)?.resolve(message.result);
      this.waiting.delete(message.reply);
    });
    port1.on('message', (message: WriteFailure) =>
      this.fail(Object.assign(new Error(message.failed), { code: message.code })),
    );
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the database writer thread stopped (exit code ${code})`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(this.failure);
    this.waiting.clear();
  }

  /** A row (a GraphDbWriter call), sent with the next batch. */
  row<K extends WriterMethod>(method: K, ...args: Parameters<GraphDbWriter[K]>): void {
    this.send(['row', method, args] as WriteCall);
  }

  /** A GraphDbWriter call that writes `rows` rows (a block in typed arrays): batches stay about the same size. */
  rows<K extends WriterMethod>(rows: number, method: K, ...args: Parameters<GraphDbWriter[K]>): void {
    this.send(['row', method, args] as WriteCall, rows);
  }

  /** Any call that needs no answer (`weight`: the rows it writes). */
  send(call: WriteCall, weight = 1): void {
    if (this.inline) {
      this.inline.apply(call);
      return;
    }
    this.check();
    this.calls.push(call);
    this.weight += weight;
    if (this.weight >= CALLS_PER_BATCH) this.flush();
  }

  /** A call whose result the build needs: everything sent before it is applied first. */
  async ask(call: WriteCall): Promise<unknown> {
    if (this.inline) return this.inline.apply(call);
    this.check();
    this.calls.push(call);
    const reply = this.nextReply++;
    const answer = new Promise<unknown>((resolve, reject) => this.waiting.set(reply, { resolve, reject }));
    this.flush(reply);
    return answer;
  }

  /** Closes the database (after every call sent) and ends the thread. */
  async close(): Promise<void> {
    await this.ask(['close']);
    this.worker?.removeAllListeners('exit');
    this.failures?.close();
    await this.worker?.terminate();
  }

  /** After a failure: stops the writer and closes the connection without finishing the file. */
  async abandon(): Promise<void> {
    this.inline?.abandon();
    if (this.worker) {
      this.worker.removeAllListeners('exit');
      this.failures?.close();
      await this.worker.terminate();
    }
  }

  private check(): void {
    if (!this.failure && this.failures && Atomics.load(this.flags, 1) !== 0) {
      const message = receiveMessageOnPort(this.failures)?.message as { failed: string; code?: string } | undefined;
      this.fail(
        Object.assign(new Error(message?.failed ?? 'the database writer thread failed'), { code: message?.code }),
      );
    }
    if (this.failure) throw this.failure;
  }

  private flush(reply?: number): void {
    if (!this.worker || (this.calls.length === 0 && reply === undefined)) return;
    // Backpressure: wait (blocking: the build's passes are synchronous) while the writer is behind.
    for (;;) {
      const inFlight = Atomics.load(this.flags, 0);
      if (Atomics.load(this.flags, 1) !== 0) break; // failed: the message says why, raised at the next call
      if (inFlight < BATCHES_IN_FLIGHT) break;
      Atomics.wait(this.flags, 0, inFlight, 1000);
    }
    Atomics.add(this.flags, 0, 1);
    const batch: WriteBatch = { calls: this.calls, ...(reply !== undefined ? { reply } : {}) };
    this.worker.postMessage(batch);
    this.calls = [];
    this.weight = 0;
  }
}
