#!/usr/bin/env node
/**
 * The build's corpus-wide work alone (resolution, the per-cable pass, the metrics, the rows,
 * co-mentions, indexes and FTS5), without reading, parsing or extracting: the cable records stored
 * in an existing graph database are built again into a new one, as `cablegraph build` would after
 * its read. Prints wall and CPU seconds (this process; SQLite's and the layout's threads included)
 * and peak RSS. Profile it with `node --cpu-prof scripts/bench-graph-stage.js …`.
 *
 *   npm run build && node scripts/bench-graph-stage.js --from graph-10000.db --out /tmp/again.db
 *
 * The output has the same rows as the source's full build with the same extractor and options
 * (compare with scripts/db-digest.js).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const { opt: option } = require('./lib/cli-args');
const from = option('--from');
const out = option('--out');
if (!from || !out) {
  console.error('usage: node scripts/bench-graph-stage.js --from GRAPH.db --out NEW.db');
  process.exit(2);
}
const dist = path.join(__dirname, '..', 'dist');
const { openGraphDb, readMeta, cableRecords, buildGraphDb } = require(path.join(dist, 'db'));
const { DEFAULT_BUILD_OPTIONS, RecordStore } = require(path.join(dist, 'graph'));

const seconds = (ms) => (ms / 1000).toFixed(1);
const cpuSeconds = (usage) => ((usage.user + usage.system) / 1e6).toFixed(1);

async function main() {
  const source = openGraphDb(from);
  const meta = readMeta(source);
  const spool = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.records.tmp`);
  const store = new RecordStore(spool);
  try {
    for (const record of cableRecords(source)) store.add(record);
    source.close();
    const records = store.sorted();
    const options = { ...DEFAULT_BUILD_OPTIONS, ...(meta.curation.length > 0 ? { curation: meta.curation } : {}) };
    if (meta.curation.length > 0) console.error('note: the source has curation decisions; they are not applied here');
    const started = Date.now();
    const cpu = process.cpuUsage();
    const summary = await buildGraphDb(out, records, options, {
      extractor: meta.extractor,
      extractorOptions: meta.extractorOptions,
      inputs: meta.inputs,
    });
    const used = process.cpuUsage(cpu);
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const peak = /VmHWM:\s+(\d+) kB/.exec(status);
    console.log(
      `${records.length} cables → ${summary.nodes} nodes, ${summary.edges} edges: ` +
        `wall ${seconds(Date.now() - started)} s (resolve+graph ${summary.graphSeconds.toFixed(1)} s, metrics+write ${summary.writeSeconds.toFixed(1)} s), ` +
        `CPU ${cpuSeconds(used)} s (user ${(used.user / 1e6).toFixed(1)}, system ${(used.system / 1e6).toFixed(1)}), ` +
        `peak RSS ${peak ? (Number(peak[1]) / 1024 / 1024).toFixed(2) : '?'} GiB`,
    );
  } finally {
    store.remove();
  }
}

main().catch((error) => {
  console.error(`bench-graph-stage: ${error.message}`);
  process.exit(1);
});
