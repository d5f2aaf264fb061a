// With CABLEGRAPH_TRACE_MEMORY set, one stderr line per build stage: memory and seconds.
/**
 * With CABLEGRAPH_TRACE_MEMORY set, one stderr line per build stage: resident set, JS heap and
 * memory outside the heap (typed arrays), and seconds since the process started. How the README's
 * memory figures per stage were taken.
 */
export function traceMemory(stage: string): void {
  if (!process.env.CABLEGRAPH_TRACE_MEMORY) return;
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  process.stderr.write(
    `memory: ${stage} (${process.uptime().toFixed(1)} s): rss ${gib(rss)}, heap ${gib(heapUsed)}, array buffers ${gib(arrayBuffers)} (external ${gib(external)})\n`,
  );
}
