// Full collections on demand (no --expose-gc needed): what frees typed arrays a stage let go before the next allocates.
import * as v8 from 'v8';
import * as vm from 'vm';

/**
 * Pairs of a graph from which the typed arrays a stage lets go are worth full collections
 * (releaseArrayBuffers) before the next stage allocates: below it they are small beside the rest.
 */
export const COLLECT_FROM_PAIRS = 4_000_000;

let collect: (() => void) | undefined;

/**
 * V8's full collection of this thread's heap. `gc` is only given to contexts made once the flag
 * is set, so a new context hands it over; the flag changes nothing else (every thread may call it).
 */
export function fullCollection(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * Frees the array buffers let go so far, now: one collection frees only part of them (V8 sweeps
 * their backing stores over several), so it collects until they stop shrinking (at most `rounds`).
 * A released typed array otherwise stays in memory until V8 next collects on its own, and an
 * array made meanwhile is held beside it. Returns the bytes of array buffers still live.
 */
export function releaseArrayBuffers(collector: () => void = fullCollection, rounds = 6): number {
  let last = Infinity;
  for (let round = 0; round < rounds; round += 1) {
    collector();
    const now = process.memoryUsage().arrayBuffers;
    if (now >= last) return now;
    last = now;
  }
  return last;
}
