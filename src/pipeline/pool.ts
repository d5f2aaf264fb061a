// The per-cable stages over a stream of raw cables, inline or on worker threads.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { CablegraphError } from '../common/diagnostics';
import type { RawCable } from '../ingest/types';
import { BatchProcessor } from './process-batch';
import { DEFAULT_PROCESS_OPTIONS, type ProcessedCable, type ProcessOptions, type WorkerResponse } from './types';

/** Batches in flight per worker: enough to keep each busy while the main thread reads input. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Runs parse + extract over a stream of raw cables, on worker threads when `workers > 0`, and
 * yields each batch's results as soon as it is done (a slow batch holds back no other; consumers
 * that need an order key by cable id, as the build does). The main thread keeps reading (ingest
 * is I/O and cheap); at most `workers × 2` batches are in flight, so memory stays bounded however
 * long the input.
 */
export async function* processCables(
  raws: AsyncIterable<RawCable>,
  partial: Partial<ProcessOptions> = {},
): AsyncGenerator<ProcessedCable> {
  const options: ProcessOptions = { ...DEFAULT_PROCESS_OPTIONS, ...partial };
  if (options.workers <= 0) {
    yield* processInline(raws, options);
    return;
  }
  const script = workerScript();
  const workerData = { ner: options.ner, ...(options.id !== undefined ? { id: options.id } : {}) };
  const workers = Array.from({ length: options.workers }, () => new Worker(script, { workerData }));
  const pending = new Map<number, { resolve: (r: ProcessedCable[]) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  for (const worker of workers) {
    worker.on('message', (response: WorkerResponse) => {
      const waiter = pending.get(response.seq);
      if (!waiter) return;
      pending.delete(response.seq);
      if (response.error)
        waiter.reject(new CablegraphError(response.error.code ?? 'WORKER_FAILED', response.error.message));
      else waiter.resolve(response.results ?? []);
    });
    worker.on('error', (error) => {
      failure = error;
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  }

  // Batches in flight, by sequence number; each settles to its own number so the first done is taken.
  const inFlight = new Map<number, Promise<{ id: number; results: ProcessedCable[] }>>();
  const perWorker = new Array<number>(workers.length).fill(0);
  let seq = 0;
  const send = (batch: RawCable[]): void => {
    const id = seq++;
    // The least busy worker: one held up by a heavy batch gets no more until it catches up.
    let w = 0;
    for (let i = 1; i < workers.length; i += 1) if (perWorker[i] < perWorker[w]) w = i;
    perWorker[w] += 1;
    const result = new Promise<ProcessedCable[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      workers[w].postMessage({ seq: id, raws: batch });
    }).then(
      (results) => {
        perWorker[w] -= 1;
        return { id, results };
      },
      (error: unknown) => {
        perWorker[w] -= 1;
        throw error;
      },
    );
    result.catch(() => undefined); // rejections surface where the batch is awaited
    inFlight.set(id, result);
  };
  const takeFirstDone = async (): Promise<ProcessedCable[]> => {
    const { id, results } = await Promise.race(inFlight.values());
    inFlight.delete(id);
    return results;
  };
  try {
    let batch: RawCable[] = [];
    for await (const raw of raws) {
      if (failure) throw failure;
      batch.push(raw);
      if (batch.length < options.batchSize) continue;
      send(batch);
      batch = [];
      // Bound memory: wait for a batch to finish when enough are in flight.
      while (inFlight.size >= workers.length * IN_FLIGHT_PER_WORKER) yield* await takeFirstDone();
    }
    if (batch.length > 0) send(batch);
    while (inFlight.size > 0) yield* await takeFirstDone();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The compiled worker; when running from TypeScript sources (tests), the build's copy in dist/. */
function workerScript(): string {
  const beside = path.join(__dirname, 'worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.resolve(__dirname, '../../dist/pipeline/worker.js');
  if (fs.existsSync(built)) return built;
  throw new CablegraphError('WORKER_MISSING', 'dist/pipeline/worker.js not found: run npm run build');
}

async function* processInline(raws: AsyncIterable<RawCable>, options: ProcessOptions): AsyncGenerator<ProcessedCable> {
  const processor = new BatchProcessor(options);
  try {
    let batch: RawCable[] = [];
    for await (const raw of raws) {
      batch.push(raw);
      if (batch.length >= options.batchSize) {
        yield* await processor.process(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield* await processor.process(batch);
  } finally {
    await processor.close();
  }
}
