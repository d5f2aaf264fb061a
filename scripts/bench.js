#!/usr/bin/env node
/**
 * The scale benchmark (issue 7), one command: for each size — the shared corpus and generated
 * corpora of N cables — builds the graph in a child process and measures it end to end, then the
 * exports and (unless --no-neo4j) the Neo4j online loader beside the offline importer.
 *
 *   npm run build && npm run neo4j:start
 *   nice -n 10 node scripts/bench.js [--sizes corpus,10000,50000,251287] [--timeout-minutes 60] [--no-neo4j] [--keep DIR] [--results FILE]
 *   npm run bench -- --sizes corpus,10000
 *
 * Per size: cables, input MB, build wall seconds, cables/s and MB/s, seconds per build stage (the
 * build's summary line), the build's peak RSS (`/usr/bin/time -v`, else /proc VmHWM), nodes and
 * edges (the database's meta table), the database's size and its open time (open, check, read meta,
 * one indexed query, in a fresh process: what a server pays to start), `export -f gexf` and `-f neo4j-csv` seconds, and Neo4j online
 * load (`cablegraph load --force --no-texts`, its own timing) vs offline import (neo4j-admin
 * `database import full` on the neo4j-csv export: the same data) with their ratio, and last
 * `build --append` of --append (1,000) more cables to the built database: its seconds and peak RSS
 * (generated sizes: gen-corpus makes N + 1,000 cables, which begin with the N-cable corpus — the
 * generator is prefix-stable — and the last 1,000 are appended). Then one
 * markdown table, the issue's targets (met / not met) and how time and memory grow with size.
 * A size that fails (out of memory, timeout per stage) is a row saying so. The Neo4j database of
 * the running server is emptied: use the project's own server, not one holding data you need.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const common = require('./lib/bench-common');

const {
  ROOT,
  SHARED_CORPUS,
  buildGraph,
  cli,
  emptyDatabase,
  generateCorpus,
  inputBytes,
  neo4jCsvFiles,
  offlineImport,
  parseBuildSummary,
  openTime,
  readGraphCounts,
} = common;

const USAGE =
  'usage: node scripts/bench.js [--sizes corpus,10000,50000,251287] [--timeout-minutes 60] [--no-neo4j] [--keep DIR] [--results FILE] [--skip gexf,neo4j-csv,neo4j,append] [--append 1000]';
let parsed;
try {
  parsed = parseArgs({
    options: {
      sizes: { type: 'string', default: 'corpus,10000,50000,251287' },
      'timeout-minutes': { type: 'string', default: '60' },
      'no-neo4j': { type: 'boolean', default: false },
      keep: { type: 'string' },
      results: { type: 'string' },
      skip: { type: 'string', default: '' },
      append: { type: 'string', default: '1000' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  console.error(`bench: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
const SIZES = parsed.sizes
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const s of SIZES) {
  if (s !== 'corpus' && !/^[1-9]\d*$/.test(s)) {
    console.error(`bench: --sizes wants "corpus" or whole numbers, got "${s}"`);
    process.exit(2);
  }
}
const TIMEOUT_MINUTES = Number(parsed['timeout-minutes']);
if (!(TIMEOUT_MINUTES > 0)) {
  console.error(`bench: --timeout-minutes wants a positive number, got "${parsed['timeout-minutes']}"`);
  process.exit(2);
}
const TIMEOUT_MS = TIMEOUT_MINUTES * 60000;
// Stages left out (a full-corpus GEXF takes long and no one opens it in Gephi): noted in the row.
const SKIP = new Set(
  parsed.skip
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
for (const stage of SKIP) {
  if (!['gexf', 'neo4j-csv', 'neo4j', 'append'].includes(stage)) {
    console.error(`bench: --skip takes gexf, neo4j-csv, neo4j, append; got "${stage}"`);
    process.exit(2);
  }
}
const NEO4J = !parsed['no-neo4j'] && !SKIP.has('neo4j');
// Cables appended to each generated size's database (`build --append`), last.
const APPEND = SKIP.has('append') ? 0 : Number(parsed.append);
if (!Number.isInteger(APPEND) || APPEND < 0) {
  console.error(`bench: --append wants a whole number of cables, got "${parsed.append}"`);
  process.exit(2);
}
const KEEP = parsed.keep;
// Each size's row is appended here as soon as it is measured (a long run that stops keeps what it
// measured); rows of other sizes already in the file join the table, so sizes can run separately.
const RESULTS = parsed.results;
const TARGET = { cablesPerSecond: 1000, peakRss: 4 * 2 ** 30, ratio: 3, fullSize: 251287, appendSeconds: 10 };

if (!fs.existsSync(common.CLI)) {
  console.error('bench: run `npm run build` first (needs dist/)');
  process.exit(2);
}

const log = (line) => process.stderr.write(`bench: ${line}\n`);
const gib = (bytes) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const num = (n) => (n === undefined ? '—' : n.toLocaleString('en-US'));
const sec = (s) => (s === undefined ? '—' : s.toFixed(1));

/** One size, measured; stops at the first failing stage and says which. */
async function measureSize(size, driver) {
  const row = { size, label: size === 'corpus' ? 'shared corpus' : Number(size).toLocaleString('en-US') };
  const work = fs.mkdtempSync(path.join(KEEP || os.tmpdir(), `cablegraph-bench-${size}-`));
  const failures = [];
  const stage = async (name, run) => {
    log(`${row.label}: ${name} …`);
    const result = await run();
    if (!result.ok) {
      failures.push(`${name}: ${result.failure}${result.peakRss ? ` (peak RSS ${gib(result.peakRss)})` : ''}`);
      row.failure = failures.join('; ');
      log(`${row.label}: ${failures[failures.length - 1]}`);
      return undefined;
    }
    log(`${row.label}: ${name} ${result.seconds.toFixed(1)} s, peak RSS ${gib(result.peakRss)}`);
    return result;
  };
  try {
    let input = SHARED_CORPUS;
    let appendInput;
    if (size !== 'corpus') {
      input = path.join(work, `cables-${size}.csv`);
      const all = APPEND > 0 ? path.join(work, `cables-${Number(size) + APPEND}.csv`) : input;
      const gen = await stage('gen-corpus', () =>
        generateCorpus(Number(size) + APPEND, all, { timeoutMs: TIMEOUT_MS }),
      );
      if (!gen) return row;
      row.genSeconds = gen.seconds;
      if (APPEND > 0) {
        appendInput = path.join(work, `cables-append-${APPEND}.csv`);
        splitGenerated(all, Number(size), input, appendInput);
        fs.rmSync(all);
      }
    }
    row.inputBytes = inputBytes(input);

    // Without a graph nothing else can run; a failing export or load is noted and the rest goes on.
    const graph = path.join(work, 'graph.db');
    const build = await stage('build', () => buildGraph(input, graph, { quiet: false, timeoutMs: TIMEOUT_MS }));
    if (!build) return row;
    const summary = parseBuildSummary(build.stderr);
    const counts = readGraphCounts(graph);
    Object.assign(row, {
      cables: counts.cables,
      nodes: counts.nodes,
      edges: counts.edges,
      buildSeconds: build.seconds,
      peakRss: build.peakRss,
      readSeconds: summary?.readSeconds,
      graphSeconds: summary?.graphSeconds,
      writeSeconds: summary?.writeSeconds,
      graphBytes: fs.statSync(graph).size,
      openSeconds: openTime(graph),
    });

    await exportsAndNeo4j(row, stage, graph, work, driver);
    if (appendInput) {
      // Last: it changes the database the other stages read.
      const append = await stage(`append ${APPEND} cables`, () =>
        cli(['build', appendInput, '-o', graph, '--append'], { timeoutMs: TIMEOUT_MS }),
      );
      if (append) Object.assign(row, { appended: APPEND, appendSeconds: append.seconds, appendRss: append.peakRss });
    }
    return row;
  } catch (error) {
    row.failure = [row.failure, error.message].filter(Boolean).join('; ');
    return row;
  } finally {
    if (!KEEP) fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Splits a generated cables.csv (gen-corpus numbers its rows in the first field, "1", "2" …) into
 * its first `count` rows and the rest, streaming: the corpus of `count` cables is exactly those rows.
 */
function splitGenerated(file, count, head, tail) {
  const marker = Buffer.from(`\n"${count + 1}","`);
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  const chunk = Buffer.alloc(1 << 24);
  let at = -1;
  for (let pos = 0; pos < size && at < 0; pos += chunk.length - marker.length) {
    const n = fs.readSync(fd, chunk, 0, chunk.length, pos);
    const found = chunk.subarray(0, n).indexOf(marker);
    if (found >= 0) at = pos + found + 1;
  }
  fs.closeSync(fd);
  if (at < 0) throw new Error(`${file}: no row ${count + 1} to split at`);
  const copy = (to, start, end) => {
    const input = fs.openSync(file, 'r');
    const output = fs.openSync(to, 'w');
    for (let pos = start; pos < end;) {
      const n = fs.readSync(input, chunk, 0, Math.min(chunk.length, end - pos), pos);
      fs.writeSync(output, chunk, 0, n);
      pos += n;
    }
    fs.closeSync(input);
    fs.closeSync(output);
  };
  copy(head, 0, at);
  copy(tail, at, size);
}

/** The exports, then the Neo4j online load beside the offline import (when a driver is given). */
async function exportsAndNeo4j(row, stage, graph, work, driver) {
  {
    const exportRss = [];
    const gexfFile = path.join(work, 'graph.gexf');
    const skipped = (name) => {
      row.skipped = [...(row.skipped ?? []), name];
      log(`${row.label}: ${name} skipped (--skip)`);
      return undefined;
    };
    const gexf = SKIP.has('gexf')
      ? skipped('GEXF export')
      : await stage('export gexf', () =>
          cli(['export', graph, '-f', 'gexf', '-o', gexfFile, '--quiet'], { timeoutMs: TIMEOUT_MS }),
        );
    if (gexf) {
      row.gexfSeconds = gexf.seconds;
      exportRss.push(gexf.peakRss);
    }
    fs.rmSync(gexfFile, { force: true });
    const csvDir = path.join(work, 'csv');
    const csv = SKIP.has('neo4j-csv')
      ? skipped('neo4j-csv export and offline import')
      : await stage('export neo4j-csv', () =>
          cli(['export', graph, '-f', 'neo4j-csv', '-o', csvDir, '--quiet'], { timeoutMs: TIMEOUT_MS }),
        );
    if (csv) {
      row.csvSeconds = csv.seconds;
      exportRss.push(csv.peakRss);
    }
    if (exportRss.length > 0) row.exportRss = Math.max(...exportRss);
    if (!driver) return;

    log(`${row.label}: emptying the Neo4j database …`);
    await emptyDatabase(driver);
    const load = await stage('neo4j online load', () =>
      cli(['load', graph, '--force', '--no-texts'], { timeoutMs: TIMEOUT_MS }),
    );
    if (load) {
      // The loader's own timing (after reading the graph file), as bench-load.js reports it.
      const loaded = /cablegraph load: .*, ([\d.]+) s\s*$/m.exec(load.stderr);
      row.onlineSeconds = loaded ? Number(loaded[1]) : load.seconds;
      row.loadRss = load.peakRss;
    } else if (/^neo4j online load: timeout/.test(row.failure?.split('; ').pop() ?? '')) {
      // A load stopped by the timeout still bounds the ratio from below.
      row.onlineAtLeast = TIMEOUT_MS / 1000;
    }
    if (!csv) return;
    log(`${row.label}: neo4j offline import …`);
    try {
      row.offlineSeconds = (await offlineImport(neo4jCsvFiles(csvDir), work, { timeoutMs: TIMEOUT_MS })).seconds;
    } catch (error) {
      row.failure = [row.failure, error.message].filter(Boolean).join('; ');
      return;
    }
    if (row.onlineAtLeast !== undefined) row.ratioAtLeast = row.onlineAtLeast / row.offlineSeconds;
    if (row.onlineSeconds !== undefined) {
      row.ratio = row.onlineSeconds / row.offlineSeconds;
      log(
        `${row.label}: online ${sec(row.onlineSeconds)} s, offline ${sec(row.offlineSeconds)} s (${row.ratio.toFixed(2)}×)`,
      );
    }
  }
}

function table(rows) {
  const head = [
    'size',
    'cables',
    'input MB',
    'build s',
    'cables/s',
    'MB/s',
    'read+parse+extract s',
    'resolve+graph s',
    'metrics+write s',
    'peak RSS',
    'nodes',
    'edges',
    'database MB',
    'open s',
    'GEXF export s',
    'neo4j-csv export s',
    'export peak RSS',
    'online load s',
    'offline import s',
    'online/offline',
    'append s',
    'append peak RSS',
    'status',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const built = r.buildSeconds !== undefined;
    lines.push(
      `| ${[
        r.label,
        num(r.cables),
        r.inputBytes === undefined ? '—' : (r.inputBytes / 1e6).toFixed(1),
        sec(r.buildSeconds),
        built ? Math.round(r.cables / r.buildSeconds).toLocaleString('en-US') : '—',
        built ? (r.inputBytes / 1e6 / r.buildSeconds).toFixed(2) : '—',
        sec(r.readSeconds),
        sec(r.graphSeconds),
        sec(r.writeSeconds),
        built ? gib(r.peakRss) : '—',
        num(r.nodes),
        num(r.edges),
        r.graphBytes === undefined ? '—' : (r.graphBytes / 1e6).toFixed(0),
        r.openSeconds === undefined ? '—' : r.openSeconds.toFixed(3),
        sec(r.gexfSeconds),
        sec(r.csvSeconds),
        r.exportRss === undefined ? '—' : gib(r.exportRss),
        r.onlineAtLeast !== undefined ? `> ${sec(r.onlineAtLeast)}` : sec(r.onlineSeconds),
        sec(r.offlineSeconds),
        r.ratio !== undefined
          ? `${r.ratio.toFixed(2)}×`
          : r.ratioAtLeast !== undefined
            ? `> ${r.ratioAtLeast.toFixed(2)}×`
            : '—',
        r.appendSeconds === undefined ? '—' : `${sec(r.appendSeconds)} (${num(r.appended)} cables)`,
        r.appendRss === undefined ? '—' : gib(r.appendRss),
        [
          r.failure ?? ((r.neo4j ?? NEO4J) ? 'ok' : 'ok (no Neo4j)'),
          ...(r.skipped ?? []).map((name) => `${name} skipped`),
        ].join('; '),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function targets(rows) {
  const built = rows.filter((r) => r.buildSeconds !== undefined);
  const full = rows.find((r) => r.size === String(TARGET.fullSize));
  // Judged on the 251,287-cable row; without it, on the largest size that ran (and said so).
  const judge = (name, have, value, met) => {
    if (full && have(full))
      return `- ${name}: ${value(full)} at ${TARGET.fullSize.toLocaleString('en-US')} cables — **${met(full) ? 'met' : 'not met'}**`;
    const largest = rows.filter(have).sort((a, b) => b.cables - a.cables)[0];
    const why = full
      ? `failed at ${TARGET.fullSize.toLocaleString('en-US')} (${full.failure})`
      : `${TARGET.fullSize.toLocaleString('en-US')} cables not run`;
    if (!largest) return `- ${name}: not measured (${why})`;
    return `- ${name}: ${why}; at ${largest.label} cables ${value(largest)} — ${met(largest) ? 'met at that size' : '**not met** even at that size'}`;
  };
  return [
    'Targets (issue 7, for the 251,287-cable corpus):',
    judge(
      '≥ 1,000 cables/s end to end (build)',
      (r) => r.buildSeconds !== undefined,
      (r) => `${Math.round(r.cables / r.buildSeconds).toLocaleString('en-US')} cables/s`,
      (r) => r.cables / r.buildSeconds >= TARGET.cablesPerSecond,
    ),
    judge(
      'peak RSS ≤ 4 GiB (build)',
      (r) => r.buildSeconds !== undefined,
      (r) => gib(r.peakRss),
      (r) => r.peakRss <= TARGET.peakRss,
    ),
    rows.some((r) => r.ratio !== undefined || r.ratioAtLeast !== undefined)
      ? judge(
          'Neo4j online load ≤ 3× offline import',
          (r) => r.ratio !== undefined || r.ratioAtLeast !== undefined,
          (r) =>
            r.ratio !== undefined
              ? `${r.ratio.toFixed(2)}× (${sec(r.onlineSeconds)} s vs ${sec(r.offlineSeconds)} s)`
              : `more than ${r.ratioAtLeast.toFixed(2)}× (the load passed the ${sec(r.onlineAtLeast)} s timeout; offline ${sec(r.offlineSeconds)} s)`,
          (r) => (r.ratio ?? r.ratioAtLeast) <= TARGET.ratio,
        )
      : '- Neo4j online load ≤ 3× offline import: not measured (--no-neo4j or --skip)',
    judge(
      `build --append of 1,000 cables ≤ ${TARGET.appendSeconds} s`,
      (r) => r.appendSeconds !== undefined,
      (r) => `${sec(r.appendSeconds)} s for ${num(r.appended)} cables`,
      (r) => r.appendSeconds <= TARGET.appendSeconds,
    ),
    ...(built.length === 0 ? ['(no size built)'] : []),
  ].join('\n');
}

/** How build time and peak RSS grow from one size to the next: the exponent k in cost ∝ cables^k. */
function growth(rows) {
  const built = rows.filter((r) => r.buildSeconds !== undefined).sort((a, b) => a.cables - b.cables);
  if (built.length < 2) return 'Growth: needs two sizes that built.';
  const lines = [
    'Growth (cost ∝ cables^k between consecutive sizes; k ≈ 1 linear, k > 1.15 worse than linear, k < 0.85 fixed costs still dominate):',
  ];
  const describe = (k) => (k > 1.15 ? 'worse than linear' : k < 0.85 ? 'less than linear' : 'linear');
  for (let i = 1; i < built.length; i += 1) {
    const [a, b] = [built[i - 1], built[i]];
    const x = Math.log(b.cables / a.cables);
    const kt = Math.log(b.buildSeconds / a.buildSeconds) / x;
    const km = Math.log(b.peakRss / a.peakRss) / x;
    const ke = Math.log(b.edges / a.edges) / x;
    const perCable = (r) =>
      `${((r.buildSeconds / r.cables) * 1000).toFixed(2)} ms and ${(r.peakRss / r.cables / 1024).toFixed(0)} KiB per cable`;
    lines.push(
      `- ${a.label} → ${b.label} (×${(b.cables / a.cables).toFixed(1)} cables, ×${(b.edges / a.edges).toFixed(1)} edges): time k = ${kt.toFixed(2)} (${describe(kt)}), peak RSS k = ${km.toFixed(2)} (${describe(km)}); ${perCable(a)} → ${perCable(b)}; edges k = ${ke.toFixed(2)}${a.size === 'corpus' || b.size === 'corpus' ? ' (the shared corpus is real HTML pages, the others generated CSV: not like for like)' : ''}`,
    );
  }
  return lines.join('\n');
}

(async () => {
  let driver;
  let neo4jNote;
  if (NEO4J) {
    const { openDriver, resolveConnection } = require(path.join(ROOT, 'dist/store/neo4j'));
    try {
      driver = await openDriver(resolveConnection());
    } catch (error) {
      neo4jNote = `Neo4j not reachable (${error.message}); online load and offline import skipped — npm run neo4j:start, or --no-neo4j`;
      log(neo4jNote);
    }
  }
  const earlier =
    RESULTS && fs.existsSync(RESULTS)
      ? fs
          .readFileSync(RESULTS, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
          .filter((r) => !SIZES.includes(r.size))
      : [];
  const measured = [];
  try {
    for (const size of SIZES) {
      const row = await measureSize(size, driver);
      measured.push(row);
      if (RESULTS)
        fs.appendFileSync(
          RESULTS,
          `${JSON.stringify({ ...row, measuredAt: new Date().toISOString(), neo4j: NEO4J })}\n`,
        );
    }
  } finally {
    if (driver) await driver.close();
  }
  const cpus = os.cpus();
  console.log(
    `\nmachine: ${cpus.length} cores (${cpus[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  console.log(`command: node scripts/bench.js ${process.argv.slice(2).join(' ')}`.trimEnd());
  // The latest row of each size from the results file, then this run's; in size order.
  const bySize = new Map(earlier.map((r) => [r.size, r]));
  const order = (r) => (r.size === 'corpus' ? 0 : Number(r.size));
  const rows = [...bySize.values(), ...measured].sort((a, b) => order(a) - order(b));
  if (bySize.size > 0)
    console.log(
      `rows of earlier runs (${RESULTS}): ${[...bySize.values()].map((r) => `${r.label} (${r.measuredAt})`).join(', ')}`,
    );
  if (neo4jNote) console.log(neo4jNote);
  console.log(`\n${table(rows)}\n`);
  console.log(`${targets(rows)}\n`);
  console.log(growth(rows));
})().catch((error) => {
  console.error(`bench: ${error.stack || error.message}`);
  process.exit(1);
});
