#!/usr/bin/env node
/**
 * Entity resolution alone (src/resolve resolveCorpus), on the cable records stored in a graph
 * database: CPU seconds of reading the records back, of resolution, and of making every cable's
 * resolved entities (what the per-cable pass asks), with a sha256 of the result so two builds
 * can be compared (same digest: same entities, names, aliases and per-cable entities).
 * Profile it with `node --cpu-prof scripts/bench-resolve.js …`.
 *
 *   npm run build && node scripts/bench-resolve.js --from graph-10000.db [--limit N] [--work DIR]
 *
 * `--limit N` resolves the first N cables (by id) only: resolution's growth with the corpus,
 * measured on one corpus. The records are spooled under --work (default: the database's folder).
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { opt: option } = require('./lib/cli-args');
const from = option('--from');
const limit = option('--limit') === undefined ? Infinity : Number(option('--limit'));
if (!from || !(limit > 0)) {
  console.error('usage: node scripts/bench-resolve.js --from GRAPH.db [--limit N] [--work DIR]');
  process.exit(2);
}
const work = option('--work') ?? path.dirname(path.resolve(from));
const dist = path.join(__dirname, '..', 'dist');
const { openGraphDb, cableRecords } = require(path.join(dist, 'db'));
const { RecordStore } = require(path.join(dist, 'graph'));
const { resolveCorpus } = require(path.join(dist, 'resolve'));

const cpuSeconds = (usage) => (usage.user + usage.system) / 1e6;
/** CPU and wall seconds of `run`, with its result. */
function measured(run) {
  const cpu = process.cpuUsage();
  const wall = Date.now();
  const result = run();
  return { result, cpu: cpuSeconds(process.cpuUsage(cpu)), wall: (Date.now() - wall) / 1000 };
}

function main() {
  fs.mkdirSync(work, { recursive: true });
  const store = new RecordStore(path.join(work, `.bench-resolve.${process.pid}.records.tmp`));
  try {
    const source = openGraphDb(from);
    for (const record of cableRecords(source)) store.add(record);
    source.close();
    const all = store.sorted();
    const count = Math.min(all.length, limit);
    const read = measured(() => {
      for (let i = 0; i < count; i++) all.get(i);
    });
    const resolve = measured(() => resolveCorpus(count, (i) => all.get(i)));
    const resolution = resolve.result;
    const hash = crypto.createHash('sha256');
    for (const e of resolution.entities) hash.update(JSON.stringify(e));
    const perCable = measured(() => {
      for (let i = 0; i < count; i++) hash.update(JSON.stringify(resolution.cableEntities(i)));
    });
    const load = require('node:os')
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    console.log(
      `${count} cables → ${resolution.entities.length} entities: ` +
        `read back ${read.cpu.toFixed(1)} s CPU (${read.wall.toFixed(1)} wall), ` +
        `resolution ${resolve.cpu.toFixed(1)} s CPU (${resolve.wall.toFixed(1)} wall, reading included), ` +
        `cableEntities ${perCable.cpu.toFixed(1)} s CPU; load ${load}; digest ${hash.digest('hex').slice(0, 16)}`,
    );
  } finally {
    store.remove();
  }
}

main();
