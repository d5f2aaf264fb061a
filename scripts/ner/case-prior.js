#!/usr/bin/env node
/**
 * Learns how each word is written in the running text of the unlabelled corpus — always in lower
 * case ("meets"), mostly lower, mostly capitalized, always capitalized ("Kouchner") — and writes
 * the classes as a small asset the tagger reads as a feature (src/extract/tagger/case-prior.json.gz).
 * An all-caps cable or subject line hides the case of its words; the rest of the corpus tells it.
 *
 *   node scripts/ner/case-prior.js [--corpus DIR] [--min 3] [--out FILE]
 *
 * Counted: mixed-case lines only, never a word first on its line or after ".", ":", a quote or a
 * bracket (capitalized there whatever it is). Words seen fewer than --min times are left out. The
 * 20 gold cables are never read (their ids are skipped); nothing else of them is used. Deterministic.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

require('../lib/ts-require');
const ROOT = path.join(__dirname, '..', '..');
const { opt } = require('../lib/cli-args');
const corpus = path.resolve(opt('--corpus', path.join(ROOT, '..', 'shared', 'corpus')));
const min = Number(opt('--min', '3'));
const out = path.resolve(opt('--out', path.join(ROOT, 'src', 'extract', 'tagger', 'case-prior.json.gz')));

const { unlabelledCables } = require('./lib');
const { tokenizeForTagger } = require(path.join(ROOT, 'src/extract/tagger/tokens.ts'));
const { CASE_CLASSES, caseClassOf } = require(path.join(ROOT, 'src/extract/tagger/case-prior.ts'));

async function main() {
  const counts = new Map(); // lower-case word -> [capitalized, lower case]
  let cables = 0;
  for await (const cable of unlabelledCables(corpus)) {
    cables++;
    const { tokens, lines } = tokenizeForTagger(cable.text);
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (lines[t.line].caps || t.lineStart) continue;
      const prev = tokens[i - 1].text;
      if (prev === '.' || prev === ':' || prev === '"' || prev === '(' || prev === '“') continue;
      const c0 = t.text.charCodeAt(0);
      const lower = c0 >= 97 && c0 <= 122;
      const capitalized = c0 >= 65 && c0 <= 90 && t.text.slice(1) !== t.text.slice(1).toUpperCase();
      if (!lower && !capitalized) continue;
      const key = t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = [0, 0]));
      c[lower ? 1 : 0]++;
    }
  }
  const classes = Object.fromEntries(CASE_CLASSES.map((k) => [k, []]));
  for (const [word, [cap, low]] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (cap + low < min) continue;
    classes[caseClassOf(cap, low)].push(word);
  }
  const body = { cables, min, classes: Object.fromEntries(CASE_CLASSES.map((k) => [k, classes[k].join(' ')])) };
  const buf = zlib.gzipSync(JSON.stringify(body), { level: 9 });
  fs.writeFileSync(out, buf);
  console.log(
    `${cables} cables, ${counts.size} words, ${CASE_CLASSES.map((k) => `${k} ${classes[k].length}`).join(', ')}; ` +
      `${out} (${(buf.length / 1e3).toFixed(0)} KB)`,
  );
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
