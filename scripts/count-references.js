#!/usr/bin/env node
// Counts the references of the shared corpus's cables and how many resolve to a cable of the corpus.
// Usage: npm run --silent build && node scripts/count-references.js [<corpus dir>] [--dist <dir>]
// (--dist points at another build's dist/ to measure it the same way, e.g. before a change.)
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const distFlag = args.indexOf('--dist');
const dist = distFlag >= 0 ? path.resolve(args.splice(distFlag, 2)[1]) : path.resolve(__dirname, '../dist');
const corpus = args[0] ?? path.resolve(__dirname, '../../shared/corpus/cablegate/cable');
const { readCableText } = require(path.join(dist, 'ingest'));
const { parseCable } = require(path.join(dist, 'parse'));

const walk = (d) =>
  fs
    .readdirSync(d, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.html') ? [path.join(d, e.name)] : [],
    );
const cables = walk(corpus).map((f) => parseCable(readCableText(fs.readFileSync(f, 'utf8'), 'html', f)));
const ids = new Set(cables.map((c) => c.id));
let entries = 0,
  withId = 0,
  inCorpus = 0,
  self = 0;
const distinct = new Set();
for (const c of cables) {
  for (const r of c.references) {
    entries++;
    if (!r.cableId) continue;
    withId++;
    if (r.cableId === c.id) {
      self++;
      continue;
    }
    if (ids.has(r.cableId)) {
      inCorpus++;
      distinct.add(`${c.id}>${r.cableId}`);
    }
  }
}
console.log(
  `${cables.length} cables, ${entries} reference entries, ${withId} with a cable id, ${inCorpus} resolve to another cable of the corpus (${distinct.size} distinct citing→cited pairs)${self ? `, ${self} name the cable itself` : ''}`,
);
