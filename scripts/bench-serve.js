#!/usr/bin/env node
/**
 * Server load benchmark: a mixed read load of the viewer's requests (search, neighbourhood, paths,
 * evidence, cable) over 20 keep-alive connections (autocannon), with heavy GEXF downloads of the
 * top entities beside it — a third of them abandoned part-way — against `cablegraph serve` in its
 * own process on a free loopback port. Prints requests/s, p50 and p99 per endpoint, errors, the
 * GEXF downloads, and the server's RSS over time.
 *
 *   npm run build && node scripts/bench-serve.js [--graph out/corpus.db] [--minutes 1] [--connections 20] [--gexf 2] [--gexf-nodes 5000] [--decide]
 *
 * Default graph: out/corpus.db, built from ../shared/corpus first when missing. `--decide` also
 * takes curation decisions (a rename, then its undo, on a private copy of the graph) during the
 * run, to show that reads go on meanwhile. Runs niced (`--nice 10` by default; the server inherits it),
 * on 127.0.0.1 only, at most 30 minutes; prints the load average, since other work on the machine counts.
 */
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const { args, opt: flag } = require('./lib/cli-args');
const number = (name, fallback, min, max) => {
  const n = Number(flag(name, String(fallback)));
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} wants a number from ${min} to ${max}`);
  return n;
};

let autocannon;
try {
  autocannon = require('autocannon');
} catch {
  console.error('bench-serve: autocannon is missing (npm ci installs it: it is a devDependency)');
  process.exit(2);
}
const { openGraphDb, readMeta } = require(path.join(ROOT, 'dist/db'));
const { seededRandom } = require(path.join(ROOT, 'dist/common/random'));

const MINUTES = number('--minutes', 1, 0.1, 30);
const CONNECTIONS = number('--connections', 20, 5, 200);
const GEXF_LOOPS = number('--gexf', 2, 0, 8);
const GEXF_NODES = number('--gexf-nodes', 5000, 10, 5000);
const DECIDE = args.includes('--decide');
const PRIORITY = number('--nice', 10, 0, 19);
const TARGET_P99_MS = 500;
const ENDPOINTS = ['search', 'neighbourhood', 'paths', 'evidence', 'cable'];

// Beside the other work on this machine, not ahead of it (the server child inherits it).
try {
  os.setPriority(PRIORITY);
} catch {
  // not permitted: run at the current priority
}

function graphFile() {
  const given = flag('--graph');
  if (given) return path.resolve(given);
  const file = path.join(ROOT, 'out', 'corpus.db');
  if (!fs.existsSync(file)) {
    console.log(`building ${path.relative(ROOT, file)} from ../shared/corpus …`);
    execFileSync(process.execPath, [CLI, 'build', path.join(ROOT, '..', 'shared', 'corpus'), '-o', file, '--quiet'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return file;
}

/** Requests drawn (seeded) from the graph: entities with a co-mention, co-mentioned pairs, corpus cables. */
async function plan(file) {
  // Read from the graph database with SQL (nothing loaded whole): the same draws as from the graph.
  const db = openGraphDb(file);
  const meta = readMeta(db);
  const header = { cables: meta.counts.cables, nodes: meta.counts.nodes, edges: meta.counts.edges };
  const random = seededRandom(19);
  const rows = db
    .prepare(
      'SELECT e.id, e.name, e.pagerank FROM entities e WHERE EXISTS (SELECT 1 FROM co_mentions c WHERE c.a = e.node) OR EXISTS (SELECT 1 FROM co_mentions c WHERE c.b = e.node) ORDER BY e.node',
    )
    .all();
  const entities = rows.map((r) => r.id);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const pairs = db
    .prepare(
      'SELECT ea.id AS a, eb.id AS b FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b',
    )
    .raw()
    .all();
  const cables = db.prepare('SELECT id FROM cables WHERE in_corpus = 1 ORDER BY node').pluck().all();
  const top = [...rows]
    .sort((x, y) => y.pagerank - x.pagerank || (x.id < y.id ? -1 : 1))
    .slice(0, GEXF_NODES)
    .map((r) => r.id);
  db.close();
  const pick = (list) => list[Math.floor(random() * list.length)];
  const e = encodeURIComponent;
  const typo = (word) => {
    if (word.length < 5 || random() < 0.5) return word;
    const i = 1 + Math.floor(random() * (word.length - 2));
    return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  };
  const routes = Object.fromEntries(ENDPOINTS.map((name) => [name, []]));
  for (let i = 0; i < 2000; i += 1) {
    const word = String(names.get(pick(entities)))
      .split(/\s+/)
      .pop()
      .replace(/[^\p{L}\p{N}]/gu, '');
    routes.search.push(`/api/search?q=${e(typo(word.slice(0, 3 + Math.floor(random() * 4)) || word))}`);
    // The viewer's expansion sizes (it always asks for one ring).
    routes.neighbourhood.push(`/api/neighbourhood/${e(pick(entities))}?limit=${pick([50, 100, 250, 500])}`);
    routes.paths.push(
      `/api/paths?from=${e(pick(entities))}&to=${e(pick(entities))}&maxHops=${pick([3, 4, 4, 6])}&limit=5`,
    );
    const [a, b] = pick(pairs);
    routes.evidence.push(`/api/evidence?a=${e(a)}&b=${e(b)}&limit=20`);
    routes.cable.push(`/api/cable/${e(pick(cables))}`);
  }
  return {
    header,
    routes,
    top,
    entities: entities.length,
    pairs: pairs.length,
    renameTarget: top[Math.floor(top.length / 2)],
  };
}

/** `cablegraph serve` on a free loopback port, in its own process: resolves with its URL and pid. */
function startServer(file, curation) {
  const argv = [
    CLI,
    'serve',
    file,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    ...(curation ? ['--curation', curation] : ['--read-only']),
  ];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /viewer: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match) resolve({ child, url: match[1], stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
    setTimeout(() => reject(new Error('the server did not start within 120 s')), 120_000).unref();
  });
}

/** CPU seconds the process has used (user + system), from /proc. */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** One autocannon run per endpoint, all at once: the connections shared out, each request path drawn in turn. */
function readLoad(url, routes, seconds) {
  const per = Math.floor(CONNECTIONS / ENDPOINTS.length);
  return Promise.all(
    ENDPOINTS.map((name, i) => {
      let next = 0;
      const list = routes[name];
      const instance = autocannon({
        url,
        connections: per + (i < CONNECTIONS % ENDPOINTS.length ? 1 : 0),
        duration: seconds,
        timeout: 10,
        requests: [{ setupRequest: (request) => ({ ...request, path: list[next++ % list.length] }) }],
      });
      return new Promise((resolve, reject) => {
        instance.on('done', (result) => resolve({ name, result }));
        instance.on('error', reject);
      });
    }),
  );
}

/**
 * Heavy GEXF downloads in a loop until `until`: the `GEXF_NODES` top entities each time; every
 * third one abandoned after its first megabyte (the socket destroyed, as a closed browser tab does).
 */
async function gexfLoop(url, nodes, until, stats, loop) {
  const body = JSON.stringify({ nodes });
  let n = loop;
  while (Date.now() < until) {
    n += 1;
    const abandon = n % 3 === 0;
    const started = Date.now();
    const outcome = await new Promise((resolve) => {
      const request = http.request(
        `${url}/api/gexf`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk) => {
            bytes += chunk.length;
            if (abandon && bytes >= 1 << 20) {
              request.destroy();
              resolve({ status: response.statusCode, bytes, abandoned: true });
            }
          });
          response.on('end', () => resolve({ status: response.statusCode, bytes, abandoned: false }));
          response.on('error', () => resolve({ status: response.statusCode, bytes, abandoned: abandon }));
        },
      );
      request.on('error', (error) => resolve({ status: 0, bytes: 0, abandoned: abandon, error }));
      // The run is over: a download still going is cut (not counted as an error).
      const stop = setTimeout(
        () => {
          request.destroy();
          resolve({ status: 200, bytes: 0, abandoned: false, cut: true });
        },
        Math.max(0, until - Date.now()),
      );
      request.on('close', () => clearTimeout(stop));
      request.end(body);
    });
    const ms = Date.now() - started;
    if (outcome.cut) stats.cut += 1;
    else if (outcome.status === 503) {
      stats.busy += 1;
      await new Promise((r) => setTimeout(r, 500));
    } else if (outcome.status !== 200) stats.errors += 1;
    else if (outcome.abandoned) stats.abandoned += 1;
    else {
      stats.completed += 1;
      stats.ms.push(ms);
      stats.bytes = outcome.bytes;
    }
  }
}

/** Curation decisions during the load (`--decide`): a rename of one entity, then its undo, again and again. */
async function decideLoop(url, id, until, stats) {
  const post = async (decision) => {
    const started = Date.now();
    const response = await fetch(`${url}/api/curation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(decision),
    });
    const body = await response.json();
    stats.ms.push(Date.now() - started);
    if (response.status !== 200) {
      stats.errors += 1;
      throw new Error(`decision refused: ${response.status} ${JSON.stringify(body)}`);
    }
    return body;
  };
  while (Date.now() < until - 60_000) {
    const renamed = await post({ op: 'rename', id, name: `Renamed ${stats.ms.length}`, author: 'bench-serve' });
    await post({ op: 'undo', decision: renamed.decision.seq, author: 'bench-serve' });
    stats.decisions += 2;
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

const percentile = (sorted, p) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const source = graphFile();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-bench-serve-'));
  // Decisions write the graph database: they get a private copy.
  const file = DECIDE ? path.join(work, 'graph.db') : source;
  if (DECIDE) fs.copyFileSync(source, file);
  const p = await plan(source);
  console.log(
    `graph: ${path.relative(process.cwd(), source)}: ${p.header.cables} cables, ${p.header.nodes} nodes, ${p.header.edges} edges (${p.entities} entities with co-mentions, ${p.pairs} co-mentions); ${os.cpus().length} cores, Node ${process.version}`,
  );
  const server = await startServer(file, DECIDE ? path.join(work, 'curation.jsonl') : undefined);
  const seconds = Math.round(MINUTES * 60);
  console.log(
    `load average before the run ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (nice ${PRIORITY})`,
  );
  console.log(
    `server ${server.url} (pid ${server.child.pid}, RSS ${rssMb(server.child.pid).toFixed(0)} MB at start); ${seconds} s of load: ${CONNECTIONS} connections over ${ENDPOINTS.join(', ')}, ${GEXF_LOOPS} GEXF download loop(s) of ${p.top.length} nodes (every third abandoned after 1 MB)${DECIDE ? ', curation decisions every 5 s' : ''}`,
  );
  try {
    const started = Date.now();
    const until = started + seconds * 1000;
    const rss = [];
    const sampleEvery = Math.max(5, Math.round(seconds / 20)) * 1000;
    const sampler = setInterval(
      () => rss.push({ s: Math.round((Date.now() - started) / 1000), mb: rssMb(server.child.pid) }),
      sampleEvery,
    );
    rss.push({ s: 0, mb: rssMb(server.child.pid) });
    const cpuAtStart = cpuSeconds(server.child.pid);
    const gexf = { completed: 0, abandoned: 0, cut: 0, busy: 0, errors: 0, ms: [], bytes: 0 };
    const decisions = { decisions: 0, errors: 0, ms: [] };
    const loops = [...Array(GEXF_LOOPS).keys()].map((i) => gexfLoop(server.url, p.top, until, gexf, i));
    const deciding = DECIDE
      ? decideLoop(server.url, p.renameTarget, until, decisions).catch((error) =>
          console.error(`bench-serve: ${error.message}`),
        )
      : Promise.resolve();
    const results = await readLoad(server.url, p.routes, seconds);
    await Promise.all([...loops, deciding]);
    clearInterval(sampler);
    rss.push({ s: Math.round((Date.now() - started) / 1000), mb: rssMb(server.child.pid) });
    const cpuShare = (100 * (cpuSeconds(server.child.pid) - cpuAtStart)) / ((Date.now() - started) / 1000);
    console.log(
      `server CPU during the run: ${cpuShare.toFixed(0)} % of one core (the machine's other work decides how much it gets)`,
    );
    console.log(
      `load average after the run ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log('\nendpoint        requests    req/s     p50 ms     p99 ms     max ms   errors  non-2xx');
    let worst = 0;
    let failures = 0;
    for (const { name, result } of results) {
      const errors = result.errors + result.timeouts;
      failures += errors + result.non2xx;
      worst = Math.max(worst, result.latency.p99);
      console.log(
        `${name.padEnd(14)} ${String(result.requests.total).padStart(9)} ${result.requests.average.toFixed(1).padStart(8)} ${result.latency.p50.toFixed(0).padStart(10)} ${result.latency.p99.toFixed(0).padStart(10)} ${result.latency.max.toFixed(0).padStart(10)} ${String(errors).padStart(8)} ${String(result.non2xx).padStart(8)}`,
      );
    }
    gexf.ms.sort((a, b) => a - b);
    if (GEXF_LOOPS > 0)
      console.log(
        `\nGEXF downloads: ${gexf.completed} complete (${(gexf.bytes / 1e6).toFixed(1)} MB each, p50 ${(percentile(gexf.ms, 50) / 1000).toFixed(1)} s, max ${(gexf.ms[gexf.ms.length - 1] / 1000 || 0).toFixed(1)} s), ${gexf.abandoned} abandoned after 1 MB, ${gexf.cut} cut at the end of the run, ${gexf.busy} answered 503 busy, ${gexf.errors} errors`,
      );
    if (DECIDE) {
      decisions.ms.sort((a, b) => a - b);
      console.log(
        `curation decisions: ${decisions.decisions} taken (p50 ${percentile(decisions.ms, 50)} ms, max ${decisions.ms[decisions.ms.length - 1]} ms), ${decisions.errors} errors`,
      );
    }
    console.log(`\nserver RSS (MB) over time: ${rss.map((r) => `${r.s}s ${r.mb.toFixed(0)}`).join(' · ')}`);
    const steady = rss.filter((r) => r.s >= seconds / 4).map((r) => r.mb);
    if (steady.length >= 2)
      console.log(
        `RSS after the first quarter: min ${Math.min(...steady).toFixed(0)} MB, max ${Math.max(...steady).toFixed(0)} MB, last − first ${(steady[steady.length - 1] - steady[0]).toFixed(0)} MB`,
      );
    console.log(
      `\ntarget p99 ≤ ${TARGET_P99_MS} ms on every read endpoint: ${worst <= TARGET_P99_MS ? 'met' : 'NOT met'} (worst p99 ${worst.toFixed(0)} ms); 0 errors: ${failures === 0 && gexf.errors === 0 ? 'met' : `NOT met (${failures} failed reads, ${gexf.errors} failed GEXF)`}`,
    );
  } finally {
    server.child.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench-serve: ${error.stack || error}`);
  process.exit(1);
});
