// The viewer's initial positions: ForceAtlas2 over a weighted view, seeded (inline, or on a worker thread).
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { WeightedView } from './weighted-view';

// graphology-layout-forceatlas2's own iteration step and defaults: the layout math of the library,
// fed with matrices built from the view instead of a graphology graph (which would cost ~290
// bytes an edge). Both modules are what the library's own synchronous layout and worker call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const iterate = require('graphology-layout-forceatlas2/iterate.js') as (
  settings: Record<string, unknown>,
  nodes: Float32Array,
  edges: Float32Array,
) => void;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DEFAULT_SETTINGS = require('graphology-layout-forceatlas2/defaults.js') as Record<string, unknown>;

/** Floats per node and per edge in the library's matrices. */
const PER_NODE = 10;
const PER_EDGE = 3;

/** The library's matrices for a layout, and how many iterations to run: what goes to a layout worker. */
export interface LayoutJob {
  settings: Record<string, unknown>;
  nodes: Float32Array;
  edges: Float32Array;
  iterations: number;
}

/** The matrices of the view with `x`, `y` as the start: masses = 1 + weighted degree, edges in the view's pair order. */
export function layoutJob(view: WeightedView, x: Float64Array, y: Float64Array, iterations: number): LayoutJob {
  const nodes = new Float32Array(view.order * PER_NODE);
  for (let i = 0, j = 0; i < view.order; i += 1, j += PER_NODE) {
    nodes[j] = x[i]!;
    nodes[j + 1] = y[i]!;
    nodes[j + 6] = 1; // mass
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
  }
  const edges = new Float32Array(view.size * PER_EDGE);
  let j = 0;
  view.forEachPair((source, target, w) => {
    const s = source * PER_NODE;
    const t = target * PER_NODE;
    nodes[s + 6] += w;
    nodes[t + 6] += w;
    edges[j] = s;
    edges[j + 1] = t;
    edges[j + 2] = w;
    j += PER_EDGE;
  });
  return { settings: { ...DEFAULT_SETTINGS, ...forceAtlas2.inferSettings(view.order) }, nodes, edges, iterations };
}

/** Runs a layout job's iterations in place on its node matrix (the worker runs this too), `between` after each but the last. */
export function runLayoutJob(job: LayoutJob, between?: () => void): void {
  for (let k = 0; k < job.iterations; k += 1) {
    iterate(job.settings, job.nodes, job.edges);
    if (between && k + 1 < job.iterations) between();
  }
}

/** The positions a finished job's node matrix holds, into `x` and `y`. */
export function readPositions(nodes: Float32Array, x: Float64Array, y: Float64Array): void {
  for (let i = 0, j = 0; i < x.length; i += 1, j += PER_NODE) {
    x[i] = nodes[j]!;
    y[i] = nodes[j + 1]!;
  }
}

/**
 * ForceAtlas2 positions for the view's nodes, from `x`, `y` as the start: the library's settings
 * for a graph of this order (Barnes-Hut above 2,000 nodes), masses = 1 + weighted degree, edges in
 * the view's pair order — exactly what `forceAtlas2.assign` does on a graphology graph with the
 * same nodes and edges. Updates `x` and `y` in place.
 */
export function forceAtlas2Layout(view: WeightedView, x: Float64Array, y: Float64Array, iterations: number): void {
  const job = layoutJob(view, x, y, iterations);
  runLayoutJob(job);
  readPositions(job.nodes, x, y);
}

/**
 * The layout worker's old generation (MB) for `nodes`: room for the largest Barnes-Hut region tree
 * iterate.js can make, so that the limit can never stop a layout. Inserting a node subdivides a
 * leaf at most 1 + SUBDIVISION_ATTEMPTS = 4 times, 4 regions each: at most 16·nodes + 1 regions of
 * 9 doubles, L elements. The array grows to 1.5 × its capacity + 16 when full, the old and new
 * backing stores both live while it copies: at most 2.5·L + 16 elements of 8 bytes, 2,880 bytes a
 * node. 64 MB more for the rest of the worker's heap (its code, the settings: a few MB). With a
 * collection between iterations no older tree is live, so the limit is a ceiling, not a target.
 */
export function layoutHeapMb(nodes: number): number {
  return Math.ceil((20 * 9 * (16 * nodes + 1) + 128) / 2 ** 20) + 64;
}

/** How a layout worker runs (the defaults are the build's; a benchmark compares others). */
export interface LayoutWorkerOptions {
  /** resourceLimits.maxOldGenerationSizeMb (default layoutHeapMb of the job's nodes). */
  heapMb?: number;
  /** resourceLimits.maxYoungGenerationSizeMb (V8's default when absent). */
  youngMb?: number;
  /** A full collection between iterations and after the last, so at most one Barnes-Hut region tree is live (default true). */
  collect?: boolean;
}

/** What the layout worker receives. */
export interface LayoutWorkerMessage {
  job: LayoutJob;
  collect: boolean;
}

/** The worker script: beside this module when built, else the built one (tests run the sources); none → inline. */
function layoutWorkerScript(): string | undefined {
  const beside = path.join(__dirname, 'layout-worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.resolve(__dirname, '../../../dist/graph/algorithms/layout-worker.js');
  return fs.existsSync(built) ? built : undefined;
}

/**
 * runLayoutJob on a worker thread: the same matrices and the same library step, so the same
 * positions to the bit, while the caller's thread goes on (a build writes the co-mentions
 * meanwhile). The matrices are moved to the worker, not copied; the promise gives the node matrix
 * back (readPositions). Runs inline when no built worker script exists (tests from the sources).
 */
export async function runLayoutJobAside(
  job: LayoutJob,
  signal?: AbortSignal,
  options: LayoutWorkerOptions = {},
): Promise<Float32Array> {
  const script = layoutWorkerScript();
  if (script === undefined) {
    runLayoutJob(job);
    return job.nodes;
  }
  // The library's Barnes-Hut step makes its region tree as a plain array every iteration (a few
  // hundred MB at full-corpus scale), garbage at the next: collected between iterations, at most
  // one is live. Before, a 1.5 GB heap let V8 keep several until a major collection (the peak of a
  // full-corpus build, ~0.8 GiB above the rest). Collections change no position.
  const { heapMb = layoutHeapMb(job.nodes.length / PER_NODE), youngMb, collect = true } = options;
  const worker = new Worker(script, {
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      ...(youngMb !== undefined ? { maxYoungGenerationSizeMb: youngMb } : {}),
    },
  });
  try {
    return await new Promise<Float32Array>((resolve, reject) => {
      worker.once('message', (reply: { nodes?: Float32Array; error?: string }) =>
        reply.nodes ? resolve(reply.nodes) : reject(new Error(`layout worker: ${reply.error ?? 'no result'}`)),
      );
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`layout worker exited (code ${code}) before its result`)));
      // A failed build stops its layout at once rather than waiting for it to finish.
      if (signal?.aborted) reject(new Error('layout stopped'));
      signal?.addEventListener('abort', () => reject(new Error('layout stopped')), { once: true });
      const message: LayoutWorkerMessage = { job, collect };
      worker.postMessage(message, [job.nodes.buffer as ArrayBuffer, job.edges.buffer as ArrayBuffer]);
    });
  } finally {
    await worker.terminate();
  }
}
