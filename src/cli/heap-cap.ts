// The build's JS heap capped to its corpus: the CLI runs the build again in a node with --max-old-space-size.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { CablegraphError } from '../common/diagnostics';
import { removeTemporariesOf } from '../common/temporaries';
import { estimateCables } from './progress';
import { LATE_BATCH_BYTES } from '../store/neo4j/plan';

/**
 * Why: most of what a big build's main heap holds at a time is garbage V8 has not collected yet
 * (at 10,000 cables, 0.62 GiB in use midway through resolution, 0.19 GiB live), and V8 lets the
 * heap grow towards its default limit (4 GiB here) before it collects hard. A limit sized to the
 * corpus makes it collect sooner: a lower peak RSS for some more GC time.
 *
 * The cap is sized from the live heap measured per stage (`node --expose-gc` with
 * CABLEGRAPH_TRACE_MEMORY=1) with a margin, so that it cannot run the real corpus out of memory;
 * and if a capped build does run out of heap all the same, it runs again without the cap.
 */

/** Below this many cables the heap stays small anyway: no second process. */
export const HEAP_CAP_MIN_CABLES = 5_000;
/** The smallest cap (MiB): the extraction workers (the tagger's model) share the limit. */
export const HEAP_CAP_FLOOR_MB = 1_024;
/** Fixed part of the cap (MiB): code, lexicons, the tagger's model, the writer's batches. */
const HEAP_CAP_BASE_MB = 512;
/**
 * Per cable as the progress bar estimates them (KiB; CSV bytes / 6,800). The live heap measured
 * at 251,287 generated cables (CSV 2.59 GB: ~380,800 estimated; main at f0bc911, `node
 * --expose-gc`): 1.73 GiB midway through resolution (0.21 GiB of the 0.51 at 50,000 since its
 * neighbour Sets went), 0.94 GiB after it, 1.03 GiB after the per-cable pass. 5 KiB gives 2.3 GiB
 * there: more than twice the live heap after resolution's change.
 */
const HEAP_CAP_PER_CABLE_KB = 5;
/** Environment variable a relaunched build carries (it does not relaunch again). */
export const HEAP_CAPPED_ENV = 'CABLEGRAPH_HEAP_CAPPED';

/**
 * glibc's allocator settings for the relaunched build, where the user's environment does not set
 * them. Why: the build's big typed arrays (co-mention pairs and counters, the metrics' view, the
 * layout's matrices) come from malloc. By default glibc raises its mmap threshold to the largest
 * block freed (up to 32 MiB), so later arrays of up to that size come from heaps whose freed space
 * stays resident, and every thread that allocates (extraction workers, the writer, the layout) can
 * get a heap of its own. Two heaps and a fixed 64 KiB threshold (each big array its own mapping,
 * returned whole when freed) lowered the peak RSS of a 10,000-cable build by ~17% at no CPU cost
 * measured (README, build memory).
 */
export const BUILD_ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '65536',
};

/** The allocator settings a relaunched build gets: BUILD_ALLOCATOR_ENV, except those `env` sets already. */
export function buildAllocatorEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(BUILD_ALLOCATOR_ENV).filter(([name]) => env[name] === undefined));
}

/** The old-generation cap (MiB) for a build of about `cables` cables. */
export function heapCapFor(cables: number): number {
  const sized = HEAP_CAP_BASE_MB + Math.ceil((cables * HEAP_CAP_PER_CABLE_KB) / 1024);
  // never above three quarters of the machine's memory (V8 itself takes a quarter by default)
  const ceiling = Math.floor((os.totalmem() / 2 ** 20) * 0.75);
  return Math.min(Math.max(HEAP_CAP_FLOOR_MB, sized), Math.max(HEAP_CAP_FLOOR_MB, ceiling));
}

/** Whether this node already has a heap limit given by the user (`node --max-old-space-size`, NODE_OPTIONS). */
export function heapLimitGiven(execArgv: readonly string[] = process.execArgv, env = process.env): boolean {
  const given = /--max-old-space-size\b|--max_old_space_size\b/;
  return execArgv.some((a) => given.test(a)) || given.test(env.NODE_OPTIONS ?? '');
}

/**
 * What `--max-heap` asks: a cap in MiB, `none` (V8's default limit), or undefined for `auto`
 * (sized to the corpus). A clear error for anything else.
 */
export function parseMaxHeap(value: string | undefined): number | 'none' | undefined {
  if (value === undefined || value === 'auto') return undefined;
  if (value === 'none' || value === '0') return 'none';
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n < 256)
    throw new CablegraphError(
      'BAD_OPTION',
      `--max-heap wants a number of MiB (256 or more), auto or none, got "${value}"`,
    );
  return n;
}

/**
 * The cap this build should run with (MiB), or undefined to run here as it is: already
 * relaunched, a limit given to node, `--max-heap none`, or too few cables (or a count not known
 * in advance, as from stdin) for `auto`.
 */
export function chooseHeapCap(
  maxHeap: number | 'none' | undefined,
  cables: number | undefined,
  env = process.env,
  execArgv: readonly string[] = process.execArgv,
): number | undefined {
  if (env[HEAP_CAPPED_ENV] || maxHeap === 'none' || heapLimitGiven(execArgv, env)) return undefined;
  if (typeof maxHeap === 'number') return maxHeap;
  if (cables === undefined || cables < HEAP_CAP_MIN_CABLES) return undefined;
  return heapCapFor(cables);
}

/** This process's heap limit in MiB (what the cap became: old generation plus the young one). */
export function heapLimitMb(): number {
  return Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
}

/**
 * Runs this same command again in a child node with the old generation capped at `capMb`, with
 * the same arguments, standard streams and working folder; resolves to its exit code. A child
 * that runs out of heap (V8 aborts it) is run once more without the cap, with a note: the build
 * writes its database under a temporary name, so a failed run leaves nothing behind. Whatever way
 * a child ends (Ctrl-C, a signal, out of heap), the temporary files it left in `folders` are
 * removed at once: at full-corpus scale they hold tens of GB, which a killed process cannot free.
 */
export async function relaunchWithHeapCap(
  capMb: number,
  note: (message: string) => void,
  folders: readonly string[] = [],
  args: readonly string[] = [...process.execArgv, ...process.argv.slice(1)],
  what = 'build',
): Promise<number> {
  const removeLeftovers = (pid: number): void => {
    const files = folders.flatMap((folder) => removeTemporariesOf(folder, pid));
    if (files.length > 0) note(`removed what the stopped ${what} left: ${files.join(', ')}`);
  };
  const run = (flags: string[], marker: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...flags, ...args], {
        stdio: 'inherit',
        // (glibc reads its settings at start-up: the child is where they can take effect)
        env: { ...process.env, ...buildAllocatorEnv(process.env), [HEAP_CAPPED_ENV]: marker },
      });
      // Ctrl-C reaches the child from the terminal; a signal sent to this process alone is passed on.
      const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
      const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
      for (const s of signals) process.on(s, forward);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        for (const s of signals) process.off(s, forward);
        if (child.pid !== undefined) removeLeftovers(child.pid);
        resolve({ code, signal });
      });
    });
  const capped = await run([`--max-old-space-size=${capMb}`], String(capMb));
  // V8 out of heap: "FATAL ERROR: … JavaScript heap out of memory", then abort().
  if (capped.signal === 'SIGABRT' || capped.code === 134) {
    note(`the ${what} ran out of its ${capMb} MiB heap cap; running it again without the cap (--max-heap none)`);
    const again = await run([], 'none');
    return exitCodeOf(again);
  }
  return exitCodeOf(capped);
}

/** A child's exit as this process's exit code (a signal as 128 + its number, as shells do). */
function exitCodeOf({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }): number {
  if (code !== null) return code;
  const number = signal ? os.constants.signals[signal] : undefined;
  return 128 + (number ?? 1);
}

/**
 * The cap is sized in the inputs' estimated cables (CSV bytes / 6,800), which for the corpus it was
 * calibrated on (generated, 10,300 bytes a cable) are ~1.5 real cables each. An existing database's
 * share of an append is counted in that unit through its mentions, what the heap holds per cable:
 * 12,653,493 MENTIONS in the 251,287-cable calibration graph, 380,780 estimated cables. (Counting
 * its real cables instead gave a 1,747 MiB cap that an append at 251,287 ran out of.) Never below
 * its real cables, though: 6,800 bytes is the real cables.csv's mean, and real cables have fewer
 * mentions than the generated ones (the shared corpus: 26.3 per 6,800 CSV bytes, not 33.2), so by
 * mentions alone a real corpus's database counts ~0.79 of what its own build is capped for.
 */
export const MENTIONS_PER_ESTIMATED_CABLE = 33.2;
/** Bytes of graph database per estimated cable (21 GB at 380,780): when the meta cannot be read. */
const DB_BYTES_PER_ESTIMATED_CABLE = 55_000;

/** An existing graph database's share of the cap, in the inputs' estimated cables (0 when there is none). */
export async function estimatedCablesIn(file: string): Promise<number> {
  if (!fs.existsSync(file)) return 0;
  try {
    const { openGraphDb, readMeta } = await import('../db');
    const db = openGraphDb(file);
    try {
      const counts = readMeta(db).counts;
      const mentions = counts.byType?.MENTIONS;
      const byMentions = typeof mentions === 'number' ? Math.round(mentions / MENTIONS_PER_ESTIMATED_CABLE) : 0;
      return Math.max(byMentions, counts.cables);
    } finally {
      db.close();
    }
  } catch {
    return Math.round(fs.statSync(file).size / DB_BYTES_PER_ESTIMATED_CABLE);
  }
}

/**
 * `cablegraph build`'s launcher: when the build should run capped (chooseHeapCap, from
 * `--max-heap` and the cables of the inputs, plus the database's with --append), runs it again so
 * and returns its exit code; undefined to build in this process.
 */
export async function relaunchCapped(
  inputs: string[],
  flags: { maxHeap?: string; append?: boolean; output: string; quiet?: boolean },
): Promise<number | undefined> {
  const maxHeap = parseMaxHeap(flags.maxHeap);
  if (process.env[HEAP_CAPPED_ENV] || maxHeap === 'none' || heapLimitGiven()) return undefined;
  let cables: number | undefined;
  if (maxHeap === undefined) {
    cables = await estimateCables(inputs.length > 0 ? inputs : ['-']);
    if (cables !== undefined && flags.append) cables += await estimatedCablesIn(flags.output);
  }
  const cap = chooseHeapCap(maxHeap, cables);
  if (cap === undefined) return undefined;
  // Where the build writes temporaries: beside its output, and the dry run's in the system's folder.
  const folders = [path.dirname(path.resolve(flags.output)), os.tmpdir()];
  return relaunchWithHeapCap(
    cap,
    (message) => {
      if (!flags.quiet) process.stderr.write(`cablegraph build: ${message}\n`);
    },
    folders,
  );
}

/**
 * `cablegraph load`'s cap (MiB) for a graph database of `nodes` nodes and `edges` relationships,
 * `concurrency` transactions in flight. Why: as for the build, V8 lets the heap grow with garbage (a
 * 10,000-cable load peaked at 859–933 MiB RSS uncapped, 449 MiB under a 384 MiB cap). What the load
 * holds live: each node's key and kind (166 MiB at 1,065,558 nodes: GraphDbReader.open without
 * attributes) and its Neo4j id (a map entry); per relationship a little (its id for the evidence
 * phase is outside the heap, 4 bytes); the batches being filled, one per shape, and those in flight
 * (rows of the relationships phase are small; evidence batches are cut at LATE_BATCH_BYTES).
 */
export function loadHeapCapFor(nodes: number, edges: number, concurrency: number): number {
  const batches = (LOAD_BATCH_BUFFERS + concurrency) * 3 * LATE_BATCH_BYTES;
  const bytes = nodes * 300 + edges * 2 + batches;
  return Math.max(LOAD_HEAP_CAP_FLOOR_MB, LOAD_HEAP_BASE_MB + Math.ceil(bytes / 2 ** 20));
}
/** Batches being filled at once: one per relationship shape (the graph has about a dozen). */
const LOAD_BATCH_BUFFERS = 12;
/** The smallest load cap (MiB). */
export const LOAD_HEAP_CAP_FLOOR_MB = 384;
/** Code, the driver, SQLite's statements: the fixed part of a load's cap (MiB). */
const LOAD_HEAP_BASE_MB = 192;
/** Below this many relationships a load runs in this process as it is. */
export const LOAD_HEAP_CAP_MIN_EDGES = 500_000;

/**
 * `cablegraph load`'s launcher: a load from a graph database big enough runs again in a node whose
 * heap is capped to the graph (loadHeapCapFor); returns its exit code, or undefined to load in
 * this process (a heap limit given, `--max-heap none`, a small graph, or cable inputs: the build
 * that comes first has its own cap).
 */
export async function relaunchLoadCapped(
  file: string | undefined,
  flags: { maxHeap?: string; quiet?: boolean; concurrency: number },
): Promise<number | undefined> {
  const maxHeap = parseMaxHeap(flags.maxHeap);
  if (process.env[HEAP_CAPPED_ENV] || maxHeap === 'none' || heapLimitGiven() || file === undefined) return undefined;
  let cap = typeof maxHeap === 'number' ? maxHeap : undefined;
  if (cap === undefined) {
    const { openGraphDb, readMeta } = await import('../db');
    const db = openGraphDb(file);
    let counts;
    try {
      counts = readMeta(db).counts;
    } finally {
      db.close();
    }
    if (counts.edges < LOAD_HEAP_CAP_MIN_EDGES) return undefined;
    cap = loadHeapCapFor(counts.nodes, counts.edges, flags.concurrency);
  }
  return relaunchWithHeapCap(
    cap,
    (message) => {
      if (!flags.quiet) process.stderr.write(`cablegraph load: ${message}\n`);
    },
    [],
    undefined,
    'load',
  );
}
