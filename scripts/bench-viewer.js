#!/usr/bin/env node
/**
 * Viewer benchmark over the graph database (the SQLite store): the server's open time and memory,
 * API latency (p50/p95) of search, neighbourhood, the entity panel, paths, evidence and full-text
 * search over real HTTP (neighbourhood and panel also of the hubs, the top 50 by PageRank), the
 * time to first render of the overview in Debian's chromium, and the latency of one curation
 * decision (and its undo) on a copy of the database.
 *
 *   npm run build && nice -n 10 node scripts/bench-viewer.js [--graph out/graph.db | --cables N] [--requests 200] [--no-render] [--no-curation] [--neo4j]
 *
 * Default graph: the shared corpus (built first). `--cables N` generates an N-cable corpus
 * (scripts/gen-corpus.js) and builds it. The server runs in its own process (`cablegraph serve`),
 * so its RSS is the server's alone (read from /proc: now, and the peak). Requests are sequential
 * (one analyst clicking); the entities asked about are drawn (seeded) from the entities with at
 * least one co-mention, searches are 3–6-letter prefixes of their names (some with a typo),
 * evidence is asked for co-mentioned pairs, full-text searches are words of cable subjects.
 * `--neo4j` also loads the database into the project's Neo4j (emptied first) and measures it;
 * `--neo4j-loaded` skips that load (the graph is there already), `--neo4j-only` the graph database's run
 * (both imply `--neo4j`). The Neo4j server is NEO4J_URI's (default the project's, bolt://127.0.0.1:7687).
 * Every table ends with the load average, to read the figures against.
 *
 * The database given by --graph is only ever opened read-only (the server with --read-only); the
 * curation step works on a copy of it. `--no-curation` skips that step, so nothing is copied: for
 * a database too large to copy (19.5 GB at 251,287 cables) or one others must find unchanged.
 */
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const { args, opt: flag } = require('./lib/cli-args');
const Database = require('better-sqlite3');
const { seededRandom } = require(path.join(ROOT, 'dist/common/random'));
const { SqliteStore } = require(path.join(ROOT, 'dist/server/sqlite-store'));
const { openGraphDb } = require(path.join(ROOT, 'dist/db/open'));
const { decideInDatabase } = require(path.join(ROOT, 'dist/curate'));

// Required by scripts/profile-neo4j-viewer.js for `plan` alone: no work folder then.
const work = require.main === module ? fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-bench-viewer-')) : undefined;
const CLI = path.join(ROOT, 'dist/cli/index.js');
const cli = (...a) =>
  execFileSync(process.execPath, ['--max-old-space-size=16384', CLI, ...a], { stdio: ['ignore', 'ignore', 'inherit'] });

function graphFile() {
  const given = flag('--graph');
  if (given) return given;
  const cables = flag('--cables');
  const file = path.join(work, 'graph.db');
  if (cables) {
    const csv = path.join(work, `cables-${cables}.csv`);
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-corpus.js'), '-n', cables, '-o', csv], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    cli('build', csv, '-o', file, '--quiet');
  } else cli('build', path.join(ROOT, '..', 'shared', 'corpus'), '-o', file, '--quiet');
  return file;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const seconds = (since) => Number(process.hrtime.bigint() - since) / 1e9;

async function timed(url) {
  const started = process.hrtime.bigint();
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
  return { ms: seconds(started) * 1000, bytes: body.length };
}

/** The requests of one run, drawn (seeded) from the database: the same for every store. */
function plan(file, count) {
  const db = new Database(file, { readonly: true });
  try {
    const random = seededRandom(7);
    // Entities with a co-mention, and co-mentioned pairs: sampled by node number, not loaded whole,
    // over the numbers the build gives the entities before the cables. Entities numbered after them
    // (signers named only in headers; an entity a curation decision brings back) made every draw in
    // that range ask about one entity: the first one (116 of 600 draws at 10,000 cables), or, after
    // an undone merge, the entity it brought back.
    const maxNode = db
      .prepare('SELECT max(node) FROM entities WHERE node < (SELECT coalesce(min(node), 1e18) FROM cables)')
      .pluck()
      .get();
    const entityAt = db.prepare(
      'SELECT id, name FROM entities WHERE node >= ? AND EXISTS (SELECT 1 FROM co_mentions WHERE a = node UNION ALL SELECT 1 FROM co_mentions WHERE b = node) ORDER BY node LIMIT 1',
    );
    const pairAt = db.prepare(
      // The pair first, then its two names: joined before the LIMIT, SQLite's planner scanned every
      // entity on the 251,287-cable database (minutes per pair).
      'SELECT ea.id AS a, eb.id AS b FROM (SELECT a, b FROM co_mentions WHERE a >= ? ORDER BY a, b LIMIT 1) c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b',
    );
    const pick = () => entityAt.get(Math.floor(random() * maxNode)) || entityAt.get(0);
    const pair = () => pairAt.get(Math.floor(random() * maxNode)) || pairAt.get(0);
    const maxCable = db.prepare('SELECT max(node) FROM cables WHERE in_corpus = 1').pluck().get();
    const subjectAt = db
      .prepare(
        "SELECT subject FROM cables WHERE node >= ? AND in_corpus = 1 AND subject IS NOT NULL AND subject <> '' ORDER BY node LIMIT 1",
      )
      .pluck();
    const typo = (word) => {
      if (word.length < 5 || random() < 0.5) return word;
      const i = 1 + Math.floor(random() * (word.length - 2));
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    };
    // The hubs: the landing view's entities, the ones users open first (the top by PageRank).
    const hubs = db
      .prepare('SELECT id FROM entities ORDER BY pagerank DESC, id LIMIT ?')
      .pluck()
      .all(Math.min(count, 50));
    const requests = {
      search: [],
      neighbourhood: [],
      'hub neighbours': [],
      entity: [],
      'hub entity': [],
      paths: [],
      evidence: [],
      'text-search': [],
    };
    for (let i = 0; i < count; i += 1) {
      requests.neighbourhood.push(`neighbourhood/${encodeURIComponent(pick().id)}?limit=100`);
      requests.paths.push(`paths?from=${encodeURIComponent(pick().id)}&to=${encodeURIComponent(pick().id)}&maxHops=4`);
      const word = String(pick().name)
        .split(/\s+/)
        .pop()
        .replace(/[^\p{L}\p{N}]/gu, '');
      requests.search.push(`search?q=${encodeURIComponent(typo(word.slice(0, 3 + Math.floor(random() * 4)) || word))}`);
      const p = pair();
      requests.evidence.push(`evidence?a=${encodeURIComponent(p.a)}&b=${encodeURIComponent(p.b)}`);
      const words = String(subjectAt.get(Math.floor(random() * maxCable)) || 'embassy')
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 4);
      const q =
        words.length === 0
          ? 'embassy'
          : random() < 0.3 && words.length >= 2
            ? `"${words.slice(0, 2).join(' ')}"`
            : words[Math.floor(random() * words.length)];
      requests['text-search'].push(`text-search?q=${encodeURIComponent(q)}`);
    }
    // (drawn after the others, which stay the draws of earlier runs)
    for (let i = 0; i < count; i += 1) {
      const hub = encodeURIComponent(hubs[i % hubs.length]);
      requests['hub neighbours'].push(`neighbourhood/${hub}?limit=100`);
      requests.entity.push(`entity/${encodeURIComponent(pick().id)}`);
      requests['hub entity'].push(`entity/${hub}`);
    }
    return requests;
  } finally {
    db.close();
  }
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
    rows.push({
      endpoint: name,
      requests: list.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times[times.length - 1],
      kb: bytes / list.length / 1024,
    });
  }
  return rows;
}

/** `cablegraph serve` in its own process: its URL once it listens, and how long that took. */
function serve(file, extra = []) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, 'serve', file, '--port', '0', '--read-only', ...extra], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /viewer: (\S+)\//.exec(out);
      if (match)
        resolve({
          url: match[1],
          pid: child.pid,
          seconds: seconds(started),
          stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))),
        });
    });
    child.once('exit', (code) => reject(new Error(`cablegraph serve exited (${code}) before listening`)));
  });
}

/** Resident memory of a process now and at its peak (MB). */
function rss(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function firstRender(url) {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    return undefined;
  }
  if (!fs.existsSync('/usr/bin/chromium')) return undefined;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const times = [];
    for (let i = 0; i < 3; i += 1) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${url}/`);
      await page.waitForFunction(() => window.cablegraph && window.cablegraph.renderedAt !== undefined, null, {
        timeout: 120000,
      });
      times.push(
        await page.evaluate(() => ({
          ms: window.cablegraph.renderedAt,
          nodes: window.cablegraph.graph.order,
          edges: window.cablegraph.graph.size,
        })),
      );
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
  for (const r of rows)
    console.log(
      `${r.endpoint.padEnd(14)} ${String(r.requests).padStart(9)} ${r.p50.toFixed(1).padStart(10)} ${r.p95.toFixed(1).padStart(10)} ${r.max.toFixed(1).padStart(10)} ${r.kb.toFixed(1).padStart(8)}`,
    );
  if (render)
    console.log(
      `first render of the overview in chromium (median of 3): ${render.ms.toFixed(0)} ms after navigation (${render.nodes} nodes, ${render.edges} edges)`,
    );
  else if (render === undefined) console.log('first render: skipped (no /usr/bin/chromium or playwright-core)');
  console.log(`load average: ${loadAverage()}`);
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * One decision's latency: a merge of two co-mentioned entities of middling size (the kind a
 * reviewer merges), then its undo, each one transaction on a copy of the database.
 */
function curation(file) {
  const copy = path.join(work, 'curated.db');
  fs.copyFileSync(file, copy);
  for (const suffix of ['-wal', '-shm'])
    if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
  const db = openGraphDb(copy, { write: true });
  try {
    const median = db
      .prepare(
        'SELECT cable_count FROM entities WHERE cable_count > 0 ORDER BY cable_count LIMIT 1 OFFSET (SELECT count(*) / 2 FROM entities WHERE cable_count > 0)',
      )
      .pluck()
      .get();
    const target = Math.max(5, median * 4);
    const pair = db
      .prepare(
        `SELECT ea.id AS a, eb.id AS b, ea.cable_count AS ca, eb.cable_count AS cb FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
         WHERE ea.kind = eb.kind AND ea.cable_count BETWEEN :t AND :t * 4 AND eb.cable_count BETWEEN :t AND :t * 4 LIMIT 1`,
      )
      .get({ t: target });
    if (!pair) return undefined;
    const curationFile = path.join(work, 'curation.jsonl');
    let started = process.hrtime.bigint();
    const merged = decideInDatabase(db, curationFile, {
      op: 'merge',
      ids: [pair.a, pair.b],
      into: pair.a,
      author: 'bench',
    });
    const mergeSeconds = seconds(started);
    started = process.hrtime.bigint();
    decideInDatabase(db, curationFile, { op: 'undo', decision: 1, author: 'bench' });
    return { pair, mergeSeconds, undoSeconds: seconds(started), cables: merged.touched.cables };
  } finally {
    db.close();
  }
}

async function main() {
  const count = Number(flag('--requests', '200'));
  const file = graphFile();
  const sizeMb = fs.statSync(file).size / 2 ** 20;
  const db = new Database(file, { readonly: true });
  const counts = JSON.parse(db.prepare("SELECT value FROM meta WHERE key = 'counts'").pluck().get() || '{}');
  db.close();
  console.log(
    `graph database: ${file}: ${sizeMb.toFixed(0)} MB; ${counts.cables} cables, ${counts.nodes} nodes, ${counts.edges} edges; ${os.cpus().length} cores, Node ${process.version}`,
  );
  // Open alone (in this process): what serve does before listening.
  let started = process.hrtime.bigint();
  const store = await SqliteStore.open(file);
  await store.stats();
  const openSeconds = seconds(started);
  await store.close();
  const requests = plan(file, count);

  // --neo4j-only: the Neo4j store alone (the graph database's figures measured before).
  const server = args.includes('--neo4j-only') ? undefined : await serve(file);
  if (server)
    try {
      const idle = rss(server.pid);
      const rows = await measure(server.url, requests);
      const render = args.includes('--no-render') ? null : await firstRender(server.url);
      const after = rss(server.pid);
      print(
        `sqlite store: database opened in ${(openSeconds * 1000).toFixed(0)} ms (serve listening ${server.seconds.toFixed(2)} s after start); server RSS ${idle.now.toFixed(0)} MB idle, ${after.now.toFixed(0)} MB after the requests, peak ${after.peak.toFixed(0)} MB`,
        rows,
        render,
      );
    } finally {
      await server.stop();
    }

  const decision = server && !args.includes('--no-curation') ? curation(file) : undefined;
  if (decision)
    console.log(
      `\ncuration: merge of ${decision.pair.a} (${decision.pair.ca} cables) and ${decision.pair.b} (${decision.pair.cb} cables): ${(decision.mergeSeconds * 1000).toFixed(0)} ms (${decision.cables} cables rewritten); its undo ${(decision.undoSeconds * 1000).toFixed(0)} ms`,
    );

  // --neo4j-loaded and --neo4j-only imply --neo4j.
  if (['--neo4j', '--neo4j-loaded', '--neo4j-only'].some((a) => args.includes(a))) {
    const { openDriver, resolveConnection } = require(path.join(ROOT, 'dist/store/neo4j'));
    const connection = resolveConnection();
    // --neo4j-loaded: the graph is in Neo4j already (e.g. by `load --import`), with its texts.
    if (!args.includes('--neo4j-loaded')) {
      started = process.hrtime.bigint();
      cli('load', file, '--force', '--neo4j', connection.uri);
      console.log(`\n(loaded into Neo4j in ${seconds(started).toFixed(1)} s)`);
    }
    const driver = await openDriver(connection);
    await driver.close();
    const neo = await serve(file, ['--neo4j', connection.uri]);
    try {
      // Full-text search over cables is the graph database's (Neo4j answers 501).
      const { 'text-search': _text, ...shared } = requests;
      print('neo4j store', await measure(neo.url, shared), null);
    } finally {
      await neo.stop();
    }
  }
}

module.exports = { plan };

if (require.main === module)
  main()
    .catch((error) => {
      console.error(`bench-viewer: ${error.stack || error.message}`);
      process.exitCode = 1;
    })
    // The work folder holds a copy of the database (19 GB at full-corpus scale): gone on failure too.
    .finally(() => fs.rmSync(work, { recursive: true, force: true }));
