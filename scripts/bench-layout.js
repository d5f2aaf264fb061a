#!/usr/bin/env node
/**
 * The build's ForceAtlas2 layout alone, on a synthetic weighted view of a given size: the job is
 * made by the build's own code (layoutJob, the library's settings for the order, masses from the
 * weighted degrees) and run on the layout worker thread as metricsAside runs it. Prints nodes,
 * edges, iterations, wall and CPU seconds (every thread), this process's RSS just before the job
 * (its matrices made), the peak (VmHWM, reset before the job) and the peak minus that baseline,
 * with a sha256 of the positions (the same digest: the same layout to the bit).
 *
 *   npm run build && node scripts/bench-layout.js [--nodes N] [--edges E] [--iterations K]
 *     [--heap-mb MB] [--young-mb MB] [--no-collect] [--seed S] [--dist DIR]
 *
 * Defaults: the full corpus (251,287 cables): 1,034,453 nodes and 46,069,255 pairs. The pair
 * count is an upper bound: that build wrote 46,069,255 relationships and the view merges parallel
 * ones (28,115,476 co-mentions are distinct pairs already); its trace grew the array buffers by
 * 0.55 GiB at "layout matrices" (12 bytes a pair, the adjacency not yet collected), i.e. at least
 * ~44 M pairs. Iterations: what metrics.ts gives that graph (10). --heap-mb, --young-mb,
 * --no-collect: the worker's settings (default: the build's, layoutHeapMb and a collection
 * between iterations; the build before them was --heap-mb 1536 --no-collect).
 *
 * The graph: pairs (s, t) with both ends drawn as floor(N·u³), so a node's degree falls off as its
 * rank^(-2/3) (a few hubs with ~1 % of the pairs each, most nodes with a handful, as co-mentions
 * go), weights floor((1-u)^-0.7) (mostly 1, a heavy tail); a pair may repeat (harmless: the
 * layout's memory does not depend on it). Seeded: the same options give the same graph.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { args, opt: option } = require('./lib/cli-args');
const number = (name, def) => (option(name) === undefined ? def : Number(option(name)));
const nodes = number('--nodes', 1034453);
const edges = number('--edges', 46069255);
const seed = number('--seed', 42);
const dist = path.resolve(option('--dist') ?? path.join(__dirname, '..', 'dist'));
if (!(nodes > 1) || !(edges > 0)) {
  console.error(
    'usage: node scripts/bench-layout.js [--nodes N] [--edges E] [--iterations K] [--heap-mb MB] [--young-mb MB] [--no-collect] [--seed S]',
  );
  process.exit(2);
}
const { layoutJob, layoutHeapMb, runLayoutJobAside } = require(path.join(dist, 'graph', 'algorithms', 'layout'));
const { seededRandom } = require(path.join(dist, 'common', 'random'));
const { DEFAULT_BUILD_OPTIONS } = require(path.join(dist, 'graph'));
// What metrics.ts runs on a graph of this size.
const iterations = number(
  '--iterations',
  Math.max(10, Math.min(DEFAULT_BUILD_OPTIONS.layoutIterations, Math.round(3e6 / (nodes + edges)))),
);
// The build's worker settings unless told (the build before this benchmark: --heap-mb 1536 --no-collect).
const worker = {
  heapMb: number('--heap-mb', layoutHeapMb(nodes)),
  ...(option('--young-mb') !== undefined ? { youngMb: Number(option('--young-mb')) } : {}),
  collect: !args.includes('--no-collect'),
};

/** A synthetic weighted view (what layoutJob reads): `edges` heavy-tailed pairs over `nodes`. */
function syntheticView() {
  return {
    order: nodes,
    size: edges,
    forEachPair(callback) {
      const random = seededRandom(seed);
      for (let k = 0; k < edges; k += 1) {
        const s = Math.floor(nodes * random() ** 3);
        let t = Math.floor(nodes * random() ** 3);
        if (t === s) t = (t + 1) % nodes;
        callback(s, t, Math.floor((1 - random()) ** -0.7));
      }
    },
  };
}

/** kB fields of /proc/self/status. */
function status() {
  const text = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? NaN);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}
const gib = (kb) => `${(kb / 2 ** 20).toFixed(2)} GiB`;
const cpuSeconds = (usage) => ((usage.user + usage.system) / 1e6).toFixed(1);

async function main() {
  // The build's start positions: metrics.ts seeds them from its seed + 1.
  const random = seededRandom(seed + 1);
  const x = new Float64Array(nodes);
  const y = new Float64Array(nodes);
  for (let i = 0; i < nodes; i += 1) {
    x[i] = random() * 1000;
    y[i] = random() * 1000;
  }
  const made = Date.now();
  const job = layoutJob(syntheticView(), x, y, iterations);
  console.error(`job made in ${((Date.now() - made) / 1000).toFixed(1)} s`);
  // Baseline: the job's matrices made, nothing else pending; then the high-water mark is reset
  // (Linux ≥ 4.0: 5 → clear_refs) so VmHWM is the job's own peak.
  require('node:v8').setFlagsFromString('--expose-gc');
  const gc = require('node:vm').runInNewContext('gc');
  // V8 gives the freed pages back while it sweeps, after the collection: a moment for it, or the
  // reset high-water mark keeps garbage the job never had (0.5 GiB once at the full size).
  for (let round = 0; round < 3; round += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  let reset = true;
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    reset = false;
  }
  const baseline = status().rss;
  let sampled = baseline;
  const sampler = setInterval(() => (sampled = Math.max(sampled, status().rss)), 100);
  const started = Date.now();
  const cpu = process.cpuUsage();
  const positions = await runLayoutJobAside(job, undefined, worker);
  const used = process.cpuUsage(cpu);
  const wall = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const peak = reset ? Math.max(status().hwm, sampled) : sampled;
  console.error(`RSS sampled every 100 ms: highest ${gib(sampled)}`);
  const digest = crypto.createHash('sha256').update(new Uint8Array(positions.buffer)).digest('hex').slice(0, 16);
  console.log(
    `layout: ${nodes} nodes, ${edges} edges, ${iterations} iterations, worker ${JSON.stringify(worker)}: ` +
      `wall ${wall.toFixed(1)} s, CPU ${cpuSeconds(used)} s; RSS baseline ${gib(baseline)}, ` +
      `peak ${gib(peak)}${reset ? '' : ' (sampled: VmHWM could not be reset)'}, peak − baseline ${gib(peak - baseline)}; ` +
      `node matrix sha256 ${digest}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
