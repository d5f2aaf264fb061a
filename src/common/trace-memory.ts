// With CABLEGRAPH_TRACE_MEMORY set, one stderr line per build stage: memory and seconds.
import * as v8 from 'v8';
import { releaseArrayBuffers } from './collect';

/**
 * With CABLEGRAPH_TRACE_MEMORY set, one stderr line per build stage: resident set, JS heap and
 * memory outside the heap (typed arrays), seconds since the process started and CPU seconds the
 * process has used so far (user + system, every thread: a stage's CPU is the difference between two
 * lines, which a loaded machine inflates far less than its wall time); the heap with its limit. How the README's
 * memory figures per stage were taken. Under `node --expose-gc` the heap is collected first, so
 * the line also says what is live (`heap` alone counts garbage not yet collected). With
 * CABLEGRAPH_HEAP_SNAPSHOT=<stage> a heap snapshot of that stage is written to the working folder
 * (what holds the heap: open it in Chrome's DevTools).
 */
export function traceMemory(stage: string): void {
  if (!process.env.CABLEGRAPH_TRACE_MEMORY) return;
  const before = process.memoryUsage().heapUsed;
  const collect = (globalThis as { gc?: () => void }).gc;
  // (until the array buffers let go are freed too, so that `array buffers` says what is live)
  if (collect) releaseArrayBuffers(collect);
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  // (the limit: V8's, or the cap the CLI gave the build: src/cli/heap-cap)
  const limit = v8.getHeapStatistics().heap_size_limit;
  // (committed: what this thread's heap holds from the system, used or not — RSS counts it)
  const heap = `${collect ? `heap ${gib(before)} (live ${gib(heapUsed)})` : `heap ${gib(heapUsed)}`}, committed ${gib(heapTotal)} of ${gib(limit)}`;
  const { user, system } = process.cpuUsage();
  const cpu = `${((user + system) / 1e6).toFixed(1)} CPU s`;
  process.stderr.write(
    `memory: ${stage} (${process.uptime().toFixed(1)} s, ${cpu}): rss ${gib(rss)}, ${heap}, array buffers ${gib(arrayBuffers)} (external ${gib(external)})\n`,
  );
  if (process.env.CABLEGRAPH_HEAP_SNAPSHOT === stage) {
    const file = v8.writeHeapSnapshot();
    process.stderr.write(`memory: heap snapshot of "${stage}" written to ${file}\n`);
  }
}
