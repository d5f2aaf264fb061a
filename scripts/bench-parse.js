#!/usr/bin/env node
// Benchmark: read and parse the whole Cable Viewer HTML corpus in one process (one core).
// Usage: npm run bench:parse [-- <corpus dir>] [--rounds N]
// Prints cables/s and MB/s for: read+extract (ingest) and read+extract+parse (end to end).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { readCables } = require('../dist/ingest');
const { parseCable } = require('../dist/parse');

const args = process.argv.slice(2);
const roundsFlag = args.indexOf('--rounds');
const rounds = roundsFlag >= 0 ? Number(args.splice(roundsFlag, 2)[1]) : 3;
const corpus = args[0] ?? path.resolve(__dirname, '../../shared/corpus/cablegate');
if (!fs.existsSync(corpus)) {
  console.error(`bench-parse: corpus not found: ${corpus}`);
  process.exit(1);
}

function totalBytes(dir) {
  let sum = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    sum += entry.isDirectory() ? totalBytes(full) : entry.name.endsWith('.html') ? fs.statSync(full).size : 0;
  }
  return sum;
}

async function run(withParse) {
  const started = process.hrtime.bigint();
  let cables = 0;
  let textBytes = 0;
  for await (const raw of readCables([corpus], { onDiagnostic: () => {} })) {
    if (withParse) {
      const cable = parseCable(raw);
      textBytes += cable.text.length;
    }
    cables += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { cables, seconds, textBytes };
}

(async () => {
  const bytes = totalBytes(corpus);
  await run(true); // warm-up: JIT and file cache
  const results = { ingest: [], parse: [] };
  for (let i = 0; i < rounds; i += 1) {
    results.ingest.push(await run(false));
    results.parse.push(await run(true));
  }
  const best = (list) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  console.log(`corpus: ${corpus}`);
  console.log(
    `pages: ${best(results.parse).cables}, HTML: ${(bytes / 1e6).toFixed(1)} MB, node ${process.version}, best of ${rounds} rounds`,
  );
  for (const [label, list] of [
    ['read+extract (ingest only)', results.ingest],
    ['read+extract+parse (end to end)', results.parse],
  ]) {
    const r = best(list);
    console.log(
      `${label.padEnd(34)} ${(r.cables / r.seconds).toFixed(0).padStart(6)} cables/s  ${(bytes / 1e6 / r.seconds).toFixed(1).padStart(6)} MB/s  (${r.seconds.toFixed(2)} s)`,
    );
  }
  console.log(`yardstick: an established Python parser reads these pages at about 480 cables/s (metadata only)`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
