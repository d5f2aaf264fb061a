// Worker thread: parse + extract batches sent by the pool (see pool.ts).
import { parentPort, workerData } from 'worker_threads';
import { BatchProcessor } from './process-batch';
import type { ProcessOptions, WorkerRequest, WorkerResponse } from './types';

const processor = new BatchProcessor(workerData as Pick<ProcessOptions, 'ner' | 'id'>);

// The pool ends workers with terminate(): they hold no state worth a shutdown handshake.
parentPort!.on('message', (request: WorkerRequest) => {
  processor.process(request.raws).then(
    (results) => parentPort!.postMessage({ seq: request.seq, results } satisfies WorkerResponse),
    (error: Error & { code?: string }) =>
      parentPort!.postMessage({
        seq: request.seq,
        error: { message: error.message, ...(error.code ? { code: error.code } : {}) },
      } satisfies WorkerResponse),
  );
});
