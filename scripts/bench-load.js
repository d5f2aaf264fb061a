#!/usr/bin/env node
/**
 * Neo4j load benchmark: the online loader (`cablegraph load`: batched UNWIND/MERGE over Bolt)
 * beside Neo4j's offline importer (neo4j-admin `database import full`, the AdminTool class from
 * Maven Central, fed by `export --format neo4j-csv`) on the same graph, in the same run.
 *
 *   npm run neo4j:start
 *   npm run build && node scripts/bench-load.js [--graph out/corpus.db | --cables N] [--sweep]
 *
 * Default graph: the shared corpus. `--cables N` generates an N-cable corpus (scripts/gen-corpus.js)
 * and builds it first. `--sweep` also times the online loader over batch sizes and concurrencies
 * (how the defaults were chosen). The database of the running server is emptied first: use the
 * project's own server, not one holding data you need.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, SHARED_CORPUS, buildGraph, emptyDatabase, generateCorpus, mustSucceed, offlineImport } = require('./lib/bench-common');

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const { GraphDbReader } = require(path.join(ROOT, 'dist/db'));
const { dbSource, writeNeo4jCsvStream } = require(path.join(ROOT, 'dist/export'));
const { loadGraphDb, openDriver, resolveConnection } = require(path.join(ROOT, 'dist/store/neo4j'));

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

async function offline(reader) {
  const files = await writeNeo4jCsvStream(dbSource(reader), path.join(work, 'csv'));
  return (await offlineImport(files, work)).seconds;
}

async function online(driver, reader, options) {
  await emptyDatabase(driver);
  const result = await loadGraphDb(reader, driver, { ...options, texts: false, force: true });
  return result.seconds;
}

(async () => {
  const file = await graphFile();
  const reader = GraphDbReader.open(file);
  const { counts } = reader.meta;
  const graph = { order: counts.nodes, size: counts.edges };
  console.log(`graph: ${counts.cables} cables, ${graph.order} nodes, ${graph.size} relationships (${file})`);
  const driver = await openDriver(resolveConnection());
  try {
    if (args.includes('--sweep')) {
      for (const batchSize of [1000, 2000, 5000, 10000]) {
        for (const concurrency of [1, 2, 4]) {
          const s = await online(driver, reader, { batchSize, concurrency });
          console.log(`  online batch ${String(batchSize).padStart(5)} × ${concurrency}: ${s.toFixed(1)} s (${Math.round(graph.size / s)} relationships/s)`);
        }
      }
    }
    const onlineSeconds = await online(driver, reader, {});
    const offlineSeconds = await offline(reader);
    const rate = (n, s) => `${Math.round(n / s).toLocaleString('en-US')}`;
    console.log(`online loader (cablegraph load, defaults): ${onlineSeconds.toFixed(1)} s — ${rate(graph.order, onlineSeconds)} nodes/s, ${rate(graph.size, onlineSeconds)} relationships/s`);
    console.log(`offline importer (neo4j-admin import):     ${offlineSeconds.toFixed(1)} s — ${rate(graph.order, offlineSeconds)} nodes/s, ${rate(graph.size, offlineSeconds)} relationships/s`);
    console.log(`ratio online / offline: ${(onlineSeconds / offlineSeconds).toFixed(2)}×`);
  } finally {
    await driver.close();
    reader.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
})().catch((error) => {
  console.error(`bench-load: ${error.message}`);
  process.exit(1);
});
