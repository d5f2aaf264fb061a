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

/** Runs a layout job's iterations in place on its node matrix (the worker runs this too). */
export function runLayoutJob(job: LayoutJob): void {
  for (let k = 0; k < job.iterations; k += 1) iterate(job.settings, job.nodes, job.edges);
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

/** Old-generation heap of the layout worker, in MB. */
const LAYOUT_HEAP_MB = 1536;

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
export async function runLayoutJobAside(job: LayoutJob, signal?: AbortSignal): Promise<Float32Array> {
  const script = layoutWorkerScript();
  if (script === undefined) {
    runLayoutJob(job);
    return job.nodes;
  }
  // The library's Barnes-Hut step makes its region tree as a plain array every iteration (a few
  // hundred MB live at full-corpus scale): a bounded heap makes V8 collect the old trees early
  // instead of growing to ~2 GiB (the peak of a full-corpus build when it ran on the main thread).
  const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: LAYOUT_HEAP_MB } });
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
      worker.postMessage(job, [job.nodes.buffer as ArrayBuffer, job.edges.buffer as ArrayBuffer]);
    });
  } finally {
    await worker.terminate();
  }
}
