#!/usr/bin/env node
/**
 * The name search of the SQLite store, in process (no HTTP): what its read of the words costs
 * (wall and CPU time, memory outside the heap once collected; paid at start and after every
 * write), then the latency of seeded searches as bench-viewer makes them (3–6-letter prefixes of
 * entity names, some with a typo): p50, p95, the slowest. With --hits FILE it writes every
 * search's hits, to compare two builds' answers (`cmp`).
 *
 *   npm run build && node --expose-gc scripts/bench-search.js --graph graph.db [--requests 300] [--seed 1] [--dist DIR] [--hits FILE]
 *
 * --dist times another build (e.g. an older checkout's dist folder) on the same searches.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const USAGE =
  'usage: node --expose-gc scripts/bench-search.js --graph FILE [--requests 300] [--seed 1] [--dist DIR] [--hits FILE]';
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      graph: { type: 'string' },
      requests: { type: 'string', default: '300' },
      seed: { type: 'string', default: '1' },
      dist: { type: 'string', default: path.resolve(__dirname, '..', 'dist') },
      hits: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`bench-search: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (!options.graph || !fs.existsSync(options.graph)) {
  console.error(`bench-search: --graph wants a graph database\n${USAGE}`);
  process.exit(2);
}
if (typeof global.gc !== 'function') {
  console.error('bench-search: run node with --expose-gc (memory is measured after a collection)');
  process.exit(2);
}
const dist = path.resolve(options.dist);
const { SqliteStore } = require(path.join(dist, 'server', 'sqlite-store'));
const { rankSearch, searchTokens } = require(path.join(dist, 'server', 'search'));
const { seededRandom } = require(path.join(dist, 'common', 'random'));

const random = seededRandom(Number(options.seed));
const typo = (word) => {
  if (word.length < 5 || random() < 0.5) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
};

(async () => {
  const store = SqliteStore.open(options.graph);
  const maxNode = store.db.prepare('SELECT max(node) FROM entities').pluck().get();
  const nameAt = store.db.prepare('SELECT name FROM entities WHERE node >= ? ORDER BY node LIMIT 1').pluck();
  const queries = [];
  for (let i = 0; i < Number(options.requests); i += 1) {
    const word = String(nameAt.get(Math.floor(random() * maxNode)) ?? 'x')
      .split(/\s+/)
      .pop()
      .replace(/[^\p{L}\p{N}]/gu, '');
    queries.push(typo(word.slice(0, 3 + Math.floor(random() * 4)) || word));
  }
  global.gc();
  const before = process.memoryUsage();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await store.searchCandidates(['x'], undefined, 1000, 20); // the first search reads the words
  const readMs = Number(process.hrtime.bigint() - started) / 1e6;
  const readCpu = process.cpuUsage(cpu);
  global.gc();
  global.gc();
  const after = process.memoryUsage();
  const outside = (m) => (m.external + m.arrayBuffers) / 2 ** 20;
  console.log(
    `${options.graph}: read of the search's words ${readMs.toFixed(0)} ms wall, ${((readCpu.user + readCpu.system) / 1000).toFixed(0)} ms CPU; ` +
      `outside the heap ${outside(before).toFixed(0)} → ${outside(after).toFixed(0)} MB, heap ${(after.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(after.rss / 2 ** 20).toFixed(0)} MB (${dist})`,
  );
  const times = [];
  const lines = [];
  for (const q of queries) {
    const t = process.hrtime.bigint();
    const hits = rankSearch(q, await store.searchCandidates(searchTokens(q), undefined, 1000, 20), 20);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    lines.push(`${q}\t${hits.map((h) => `${h.id}:${h.match}:${h.matched}`).join(' ')}`);
  }
  await store.close();
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  console.log(
    `${queries.length} searches: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
  );
  const slowest = times
    .map((ms, i) => [ms, queries[i]])
    .sort((x, y) => y[0] - x[0])
    .slice(0, 8);
  console.log(`slowest: ${slowest.map(([ms, q]) => `${q} ${ms.toFixed(1)}`).join(', ')}`);
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (options.hits) fs.writeFileSync(options.hits, lines.join('\n') + '\n');
})().catch((error) => {
  console.error(`bench-search: ${error.message}`);
  process.exit(1);
});
