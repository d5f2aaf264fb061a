#!/usr/bin/env node
/**
 * Neo4j load benchmark: the online loader (`cablegraph load`: batched UNWIND/MERGE over Bolt)
 * beside Neo4j's offline importer (neo4j-admin `database import full`, the AdminTool class from
 * Maven Central, fed by `export --format neo4j-csv`) on the same graph, in the same run.
 *
 *   npm run neo4j:start
 *   npm run build && node scripts/bench-load.js [--graph out/corpus.db | --cables N] [--sweep]
 *     [--batch-size N] [--concurrency N] [--one-pass | --late-above N] [--index-first] [--no-offline]
 *
 * Default graph: the shared corpus. `--cables N` generates an N-cable corpus (scripts/gen-corpus.js)
 * and builds it first. `--sweep` also times the online loader over batch sizes and concurrencies
 * (how the defaults were chosen). `--index-first` creates the relationship property indexes before
 * the relationships (the loader's old order) rather than after. The server is NEO4J_URI's; the
 * offline importer's jars are NEO4J_LIB's or NEO4J_DIR's. The database of the running server is emptied first: use the
 * project's own server, not one holding data you need.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {
  ROOT,
  SHARED_CORPUS,
  buildGraph,
  emptyDatabase,
  generateCorpus,
  mustSucceed,
  offlineImport,
} = require('./lib/bench-common');

const { args, opt: flag } = require('./lib/cli-args');
const { GraphDbReader, openGraphDb, readMeta } = require(path.join(ROOT, 'dist/db'));
const { dbSource, writeNeo4jCsvStream } = require(path.join(ROOT, 'dist/export'));
const { DEFAULT_LOAD_OPTIONS, loadGraphDb, openDriver, resolveConnection } = require(
  path.join(ROOT, 'dist/store/neo4j'),
);
const { HEAP_CAPPED_ENV, heapLimitGiven, heapLimitMb, loadHeapCapFor, relaunchWithHeapCap } = require(
  path.join(ROOT, 'dist/cli/heap-cap'),
);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-bench-load-'));

async function graphFile() {
  const given = flag('--graph');
  if (given) return given;
  const cables = flag('--cables');
  const file = path.join(work, 'graph.db');
  let input = SHARED_CORPUS;
  if (cables) {
    input = path.join(work, `cables-${cables}.csv`);
    mustSucceed('gen-corpus', await generateCorpus(cables, input));
  }
  mustSucceed('build', await buildGraph(input, file));
  return file;
}

async function offlineOf(file) {
  const reader = GraphDbReader.open(file);
  try {
    return await offline(reader);
  } finally {
    reader.close();
  }
}

async function offline(reader) {
  const started = process.hrtime.bigint();
  const files = await writeNeo4jCsvStream(dbSource(reader), path.join(work, 'csv'));
  const csvSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const run = await offlineImport(files, work);
  fs.rmSync(path.join(work, 'csv'), { recursive: true, force: true });
  return { seconds: run.seconds, csvSeconds, peakRss: run.peakRss };
}

/** The online load into the emptied server; its seconds per phase (schema, nodes, relationships, evidence). */
async function online(driver, reader, options) {
  await emptyDatabase(driver);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const poll = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  try {
    const result = await loadGraphDb(reader, driver, { ...options, texts: false, force: true });
    return { seconds: result.seconds, phases: result.phases, lateRows: result.lateRows, peakRss: peak };
  } finally {
    clearInterval(poll);
  }
}
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const phaseLine = (phases) =>
  Object.entries(phases)
    .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
    .join(', ');

/**
 * With --no-offline, the benchmark loads in a node whose heap is capped as `cablegraph load` caps
 * it (loadHeapCapFor): the peak RSS is the loader's as users run it. With the offline run the
 * process also writes the importer's CSVs, which hold every node's attributes: left uncapped.
 */
async function relaunchCapped(file) {
  if (!args.includes('--no-offline') || process.env[HEAP_CAPPED_ENV] || heapLimitGiven()) return undefined;
  const db = openGraphDb(file);
  const { counts } = readMeta(db);
  db.close();
  const concurrency = Number(flag('--concurrency') ?? DEFAULT_LOAD_OPTIONS.concurrency);
  const cap = loadHeapCapFor(counts.nodes, counts.edges, concurrency);
  const rest = process.argv.slice(2).filter((a, i, all) => a !== '--cables' && all[i - 1] !== '--cables');
  return relaunchWithHeapCap(
    cap,
    (m) => console.error(`bench-load: ${m}`),
    [],
    [...process.execArgv, process.argv[1], ...(flag('--graph') ? rest : [...rest, '--graph', file])],
    'load benchmark',
  );
}

(async () => {
  const file = await graphFile();
  const relaunched = await relaunchCapped(file);
  if (relaunched !== undefined) {
    fs.rmSync(work, { recursive: true, force: true });
    process.exitCode = relaunched;
    return;
  }
  // The online load opens the database as `cablegraph load` does (nodes' kinds only); the offline
  // run's CSV writer opens it with every node's attributes.
  const reader = GraphDbReader.open(file, { nodeAttributes: false });
  const { counts } = reader.meta;
  const graph = { order: counts.nodes, size: counts.edges };
  console.log(`graph: ${counts.cables} cables, ${graph.order} nodes, ${graph.size} relationships (${file})`);
  console.log(`load average at the start: ${loadAverage()}; JS heap limit ${heapLimitMb()} MiB`);
  const driver = await openDriver(resolveConnection());
  try {
    if (args.includes('--sweep')) {
      for (const batchSize of [1000, 2000, 5000, 10000]) {
        for (const concurrency of [1, 2, 4]) {
          const { seconds: s } = await online(driver, reader, { batchSize, concurrency });
          console.log(
            `  online batch ${String(batchSize).padStart(5)} × ${concurrency}: ${s.toFixed(1)} s (${Math.round(graph.size / s)} relationships/s)`,
          );
        }
      }
    }
    const chosen = {};
    if (flag('--batch-size')) chosen.batchSize = Number(flag('--batch-size'));
    if (flag('--concurrency')) chosen.concurrency = Number(flag('--concurrency'));
    if (args.includes('--one-pass')) chosen.evidenceLast = false;
    if (flag('--late-above')) chosen.lateAbove = Number(flag('--late-above'));
    if (args.includes('--index-first')) chosen.deferRelationshipIndexes = false;
    const load = await online(driver, reader, chosen);
    const onlineSeconds = load.seconds;
    const rate = (n, s) => `${Math.round(n / s).toLocaleString('en-US')}`;
    const mib = (bytes) => `${Math.round(bytes / 2 ** 20)} MiB`;
    // Printed before the offline run starts: at 10,000+ cables that run takes minutes more.
    console.log(
      `online loader (cablegraph load${Object.keys(chosen).length ? ` ${JSON.stringify(chosen)}` : ', defaults'}): ${onlineSeconds.toFixed(1)} s — ${rate(graph.order, onlineSeconds)} nodes/s, ${rate(graph.size, onlineSeconds)} relationships/s; peak RSS ${mib(load.peakRss)}`,
    );
    console.log(`  phases: ${phaseLine(load.phases)}`);
    if (load.lateRows)
      console.log(
        `  evidence rows found by relationship id ${load.lateRows.byRelationshipId}, by their two ends ${load.lateRows.byEnds}`,
      );
    console.log(`load average after the online load: ${loadAverage()}`);
    const imported = args.includes('--no-offline') ? undefined : await offlineOf(file);
    if (imported) {
      const offlineSeconds = imported.seconds;
      console.log(
        `offline importer (neo4j-admin import):     ${offlineSeconds.toFixed(1)} s — ${rate(graph.order, offlineSeconds)} nodes/s, ${rate(graph.size, offlineSeconds)} relationships/s (the CSVs took ${imported.csvSeconds.toFixed(1)} s more)`,
      );
      console.log(`ratio online / offline: ${(onlineSeconds / offlineSeconds).toFixed(2)}×`);
    }
    console.log(`load average at the end: ${loadAverage()}`);
  } finally {
    await driver.close();
    reader.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
})().catch((error) => {
  console.error(`bench-load: ${error.message}`);
  process.exit(1);
});
