#!/usr/bin/env node
/**
 * Viewer benchmark: API latency (p50/p95) of neighbourhood, paths and search, per store, and the
 * time to first render of the landing overview in Debian's chromium.
 *
 *   npm run build && node scripts/bench-viewer.js [--graph out/corpus.cgz | --cables N] [--neo4j] [--requests 200]
 *
 * Default graph: the shared corpus (built first). `--cables N` generates an N-cable corpus
 * (scripts/gen-corpus.js) and builds it. `--neo4j` also loads the graph into the project's Neo4j
 * (`npm run neo4j:start`; its database is emptied) and measures the Neo4j store the same way.
 * Requests are sequential (one analyst clicking), over real HTTP to the real express app; the
 * entities asked about are drawn (seeded) from all entities with at least one co-mention, and
 * searches are 3–6-letter prefixes of their names, some with a typo.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const { startServer } = require(path.join(ROOT, 'dist/cli/serve-command'));
const { readGraphFile } = require(path.join(ROOT, 'dist/graph'));
const { loadGraph, openDriver, resolveConnection } = require(path.join(ROOT, 'dist/store/neo4j'));
const { seededRandom } = require(path.join(ROOT, 'dist/common/random'));
const { emptyDatabase } = require('./lib/bench-common');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-bench-viewer-'));
const cli = (...a) => execFileSync(process.execPath, ['--max-old-space-size=16384', path.join(ROOT, 'dist/cli/index.js'), ...a], { stdio: ['ignore', 'ignore', 'inherit'] });

function graphFile() {
  const given = flag('--graph');
  if (given) return given;
  const cables = flag('--cables');
  const file = path.join(work, 'graph.cgz');
  if (cables) {
    const csv = path.join(work, `cables-${cables}.csv`);
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-corpus.js'), '-n', cables, '-o', csv], { stdio: ['ignore', 'ignore', 'inherit'] });
    cli('build', csv, '-o', file, '--quiet');
  } else cli('build', path.join(ROOT, '..', 'shared', 'corpus'), '-o', file, '--quiet');
  return file;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function timed(url) {
  const started = process.hrtime.bigint();
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: body.length };
}

/** The requests of one run: the same (seeded) for every store. */
function plan(graph, count) {
  const random = seededRandom(7);
  const entities = graph.filterNodes((n, a) => ['Person', 'Organization', 'Place'].includes(a.kind) && graph.undirectedDegree(n) > 0);
  const pick = () => entities[Math.floor(random() * entities.length)];
  const typo = (word) => {
    if (word.length < 5 || random() < 0.5) return word;
    const i = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  };
  const requests = { neighbourhood: [], paths: [], search: [] };
  for (let i = 0; i < count; i += 1) {
    requests.neighbourhood.push(`neighbourhood/${encodeURIComponent(pick())}?limit=100`);
    requests.paths.push(`paths?from=${encodeURIComponent(pick())}&to=${encodeURIComponent(pick())}&maxHops=4`);
    const word = String(graph.getNodeAttribute(pick(), 'name')).split(/\s+/).pop().replace(/[^\p{L}\p{N}]/gu, '');
    requests.search.push(`search?q=${encodeURIComponent(typo(word.slice(0, 3 + Math.floor(random() * 4)) || word))}`);
  }
  return requests;
}

async function measure(url, requests) {
  const rows = [];
  for (const [name, list] of Object.entries(requests)) {
    await timed(`${url}/api/${list[0]}`); // warm-up
    const times = [];
    let bytes = 0;
    for (const route of list) {
      const t = await timed(`${url}/api/${route}`);
      times.push(t.ms);
      bytes += t.bytes;
    }
    times.sort((a, b) => a - b);
    rows.push({ endpoint: name, requests: list.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], kb: bytes / list.length / 1024 });
  }
  return rows;
}

async function firstRender(url) {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    return undefined;
  }
  if (!fs.existsSync('/usr/bin/chromium')) return undefined;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const times = [];
    for (let i = 0; i < 3; i += 1) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${url}/`);
      await page.waitForFunction(() => window.cablegraph && window.cablegraph.renderedAt !== undefined, null, { timeout: 120000 });
      times.push(await page.evaluate(() => ({ ms: window.cablegraph.renderedAt, nodes: window.cablegraph.graph.order, edges: window.cablegraph.graph.size })));
      await page.close();
    }
    times.sort((a, b) => a.ms - b.ms);
    return times[1];
  } finally {
    await browser.close();
  }
}

function print(label, rows, render) {
  console.log(`\n${label}`);
  console.log('endpoint        requests     p50 ms     p95 ms     max ms   avg KB');
  for (const r of rows) console.log(`${r.endpoint.padEnd(14)} ${String(r.requests).padStart(9)} ${r.p50.toFixed(1).padStart(10)} ${r.p95.toFixed(1).padStart(10)} ${r.max.toFixed(1).padStart(10)} ${r.kb.toFixed(1).padStart(8)}`);
  if (render) console.log(`first render of the overview in chromium (median of 3): ${render.ms.toFixed(0)} ms after navigation (${render.nodes} nodes, ${render.edges} edges)`);
  else console.log('first render: skipped (no /usr/bin/chromium or playwright-core)');
}

async function main() {
  const count = Number(flag('--requests', '200'));
  const file = graphFile();
  const { graph, header } = await readGraphFile(file, { records: false });
  console.log(`graph: ${file}: ${header.cables} cables, ${header.nodes} nodes, ${header.edges} edges; ${os.cpus().length} cores, Node ${process.version}`);
  const requests = plan(graph, count);

  let started = process.hrtime.bigint();
  const embedded = await startServer(file, { port: '0', quiet: true });
  const openSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    print(`embedded store (graph file opened in ${openSeconds.toFixed(1)} s)`, await measure(embedded.url, requests), await firstRender(embedded.url));
  } finally {
    await embedded.close();
  }

  if (args.includes('--neo4j')) {
    const connection = resolveConnection();
    const driver = await openDriver(connection);
    try {
      await emptyDatabase(driver); // relationships first, in batches
      const { records } = await readGraphFile(file);
      started = process.hrtime.bigint();
      await loadGraph(graph, driver, { force: true, records });
      console.log(`\n(loaded into Neo4j in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`);
    } finally {
      await driver.close();
    }
    const server = await startServer(undefined, { port: '0', quiet: true, neo4j: connection.uri, neo4jUser: connection.user, neo4jPassword: connection.password });
    try {
      print('neo4j store', await measure(server.url, requests), await firstRender(server.url));
    } finally {
      await server.close();
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(`bench-viewer: ${error.stack || error.message}`);
  process.exitCode = 1;
});
