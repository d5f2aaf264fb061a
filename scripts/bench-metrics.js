#!/usr/bin/env node
/**
 * The build's metrics up to the layout's start, on a synthetic graph of the full corpus's size:
 * the weighted view, Louvain, PageRank and the layout's matrices, by the build's own code
 * (metricsAside, stopped once its layout job is handed to the worker). Prints the seconds, this
 * process's RSS before (the input made), its peak while the metrics ran (VmHWM, reset before) and
 * the peak minus that baseline: what the metrics add to a build's memory at their worst.
 *
 *   npm run build && node scripts/bench-metrics.js [--nodes N] [--cables C] [--edges E]
 *     [--distinct D] [--seed S] [--dist DIR]
 *
 * Defaults: a full-corpus build (251,287 cables): 1,034,453 nodes of which 251,287 cables, and
 * 46,069,255 relationships of which 28,115,476 co-mentions (distinct pairs, walked from their
 * store as a build's are) and 17,953,779 other edges, cable to entity. Entities are drawn
 * heavy-tailed (floor(N·u³)); co-mention weights floor((1-u)^-0.7), mostly 1. The co-mentions are
 * held in typed arrays (12 bytes a pair), as a build's store holds them. --dist names another
 * build's dist folder (to compare two versions of the code on the same graph).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const { opt: option } = require('./lib/cli-args');
const number = (name, def) => (option(name) === undefined ? def : Number(option(name)));
const nodes = number('--nodes', 1034453);
const cables = number('--cables', 251287);
const edges = number('--edges', 17953779);
const distinct = number('--distinct', 28115476);
const seed = number('--seed', 42);
const dist = path.resolve(option('--dist') ?? path.join(__dirname, '..', 'dist'));
if (!(nodes > cables + 1) || !(cables > 0) || !(edges >= 0) || !(distinct >= 0)) {
  console.error(
    'usage: node scripts/bench-metrics.js [--nodes N] [--cables C < N] [--edges E] [--distinct D] [--seed S] [--dist DIR]',
  );
  process.exit(2);
}
const { metricsAside } = require(path.join(dist, 'graph', 'metrics'));
const { seededRandom } = require(path.join(dist, 'common', 'random'));
const { DEFAULT_BUILD_OPTIONS } = require(path.join(dist, 'graph'));

const entities = nodes - cables;
/** An entity's index, heavy-tailed: a few entities in many pairs, most in a handful. */
const entity = (random) => cables + Math.floor(entities * random() ** 3);

/** The synthetic graph: cable→entity edges walked once, co-mentions held as a build's store holds them. */
function syntheticInput() {
  const source = new Int32Array(distinct);
  const target = new Int32Array(distinct);
  const weight = new Float32Array(distinct);
  const random = seededRandom(seed);
  for (let k = 0; k < distinct; k += 1) {
    const s = entity(random);
    let t = entity(random);
    if (t === s) t = t + 1 < nodes ? t + 1 : cables;
    source[k] = s;
    target[k] = t;
    weight[k] = Math.floor((1 - random()) ** -0.7);
  }
  return {
    keys: Array.from({ length: nodes }, (_, i) => `n${i}`),
    edges,
    forEachEdge(callback) {
      const walk = seededRandom(seed + 7);
      for (let k = 0; k < edges; k += 1) callback(Math.floor(cables * walk()), entity(walk), 1);
    },
    forEachDistinctEdge(callback) {
      for (let k = 0; k < distinct; k += 1) callback(source[k], target[k], weight[k]);
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

async function main() {
  const input = syntheticInput();
  // Baseline: the input made and the garbage of making it collected; then the high-water mark is
  // reset (Linux ≥ 4.0: 5 → clear_refs) so that VmHWM is the metrics' own peak.
  require('node:v8').setFlagsFromString('--expose-gc');
  const gc = require('node:vm').runInNewContext('gc');
  for (let round = 0; round < 3; round += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  fs.writeFileSync('/proc/self/clear_refs', '5');
  const baseline = status().rss;
  let sampled = baseline;
  const sampler = setInterval(() => (sampled = Math.max(sampled, status().rss)), 100);
  const started = Date.now();
  // metricsAside hands the layout job to its worker before it first waits: stopped there.
  const stop = new AbortController();
  const metrics = metricsAside(input, DEFAULT_BUILD_OPTIONS, stop.signal);
  const seconds = (Date.now() - started) / 1000;
  const peak = Math.max(status().hwm, sampled);
  const after = status().rss;
  stop.abort();
  await metrics.catch(() => undefined);
  clearInterval(sampler);
  console.log(
    `metrics up to the layout: ${nodes} nodes (${cables} cables), ${edges} edges + ${distinct} co-mentions: ` +
      `${seconds.toFixed(1)} s; RSS baseline ${gib(baseline)}, peak ${gib(peak)}, ` +
      `peak − baseline ${gib(peak - baseline)}, after ${gib(after)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
