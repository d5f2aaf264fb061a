// Worker thread: the graph database being built, written from the batches of calls GraphDbWriteThread sends.
import { parentPort, workerData, type MessagePort } from 'worker_threads';
import { GraphDbTarget, type WriteBatch, type WriteFailure } from './write-thread';

const { file, flags, failures } = workerData as { file: string; flags: Int32Array; failures: MessagePort };
let target: GraphDbTarget | undefined;
let failed = false;

parentPort!.on('message', (batch: WriteBatch) => {
  try {
    if (!failed) {
      target ??= new GraphDbTarget(file);
      let result: unknown;
      for (const call of batch.calls) result = target.apply(call);
      if (batch.reply !== undefined) parentPort!.postMessage({ reply: batch.reply, result });
    }
  } catch (error) {
    failed = true;
    const e = error as Error & { code?: string };
    try {
      target?.abandon();
    } finally {
      // The reason first, then the flag the build polls: it reads the reason when it sees the flag.
      failures.postMessage({ failed: e.message, ...(e.code ? { code: e.code } : {}) } satisfies WriteFailure);
      Atomics.store(flags, 1, 1);
    }
  } finally {
    Atomics.sub(flags, 0, 1);
    Atomics.notify(flags, 0);
  }
});
