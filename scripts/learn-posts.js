#!/usr/bin/env node
// Learns the corpus's canonical post names (the part of an id between year and serial) from the
// Cable Viewer page names and the FM/TO/INFO routing lines, and writes src/parse/post-data.ts.
// Usage: npm run --silent build && node scripts/learn-posts.js [<corpus dir>]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { readCableText } = require('../dist/ingest');
const { parseRouting } = require('../dist/parse/routing');

const corpus = process.argv[2] ?? path.resolve(__dirname, '../../shared/corpus/cablegate/cable');
const walk = (d) =>
  fs
    .readdirSync(d, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.html') ? [path.join(d, e.name)] : [],
    );

const fromIds = new Set();
/** routing name (as written after the routing indicator) → canonical post, learned from FM lines. */
const fromLines = new Map();
/** posts named in TO/INFO lines of embassies, consulates and missions. */
const addressed = new Set();
const TYPE = /^(?:AMEMBASSY|AMCONSUL|AMCONSULATE|USMISSION|USINT|USLO|USOFFICE)\s+/;
/** Addressees that are posts with cables of their own (not liaison offices or military units). */
const POST_TYPE = /^(?:AMEMBASSY|AMCONSUL|AMCONSULATE|USMISSION)\s+/;
for (const file of walk(corpus)) {
  const id = path.basename(file, '.html');
  const post = id.replace(/^\d{2}|\d+$/g, '');
  fromIds.add(post);
  const raw = readCableText(fs.readFileSync(file, 'utf8'), 'html', file);
  const routing = parseRouting(raw.header);
  if (routing.from) fromLines.set(routing.from.name, post);
  for (const p of [...routing.to, ...routing.info]) {
    // `AMEMBASSY LA PAZ FEB` style lines carry a month: keep only clean post names
    // `USMISSION USNATO BRUSSELS BE` ends with a country code: not a post name of its own
    if (
      POST_TYPE.test(p.name) &&
      /^[A-Z ]+$/.test(p.name) &&
      !/ [A-Z]{2}$/.test(p.name) &&
      !/\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\b/.test(p.name)
    )
      addressed.add(p.name.replace(TYPE, '').replace(/ /g, ''));
  }
}
const posts = [...new Set([...fromIds, ...addressed])].sort();
const routed = [...fromLines.entries()]
  .filter(([name, post]) => name.replace(TYPE, '').replace(/ /g, '') !== post)
  .sort();
const q = (s) => `'${s}'`;
const out = `/** Post names learned from the corpus by scripts/learn-posts.js (do not edit by hand; rerun it). */

/** Canonical post names: the ${fromIds.size} posts of the corpus's page names plus the embassies, consulates and missions of its routing lines. */
export const LEARNED_POSTS: readonly string[] = [
${chunk(posts.map(q), 10)
  .map((l) => `  ${l.join(', ')},`)
  .join('\n')}
];

/** Routing names whose canonical post differs from the name run together (from the FM lines). */
export const LEARNED_ROUTING_NAMES: Readonly<Record<string, string>> = {
${routed.map(([n, p]) => `  ${q(n)}: ${q(p)},`).join('\n')}
};
`;
function chunk(a, n) {
  const r = [];
  for (let i = 0; i < a.length; i += n) r.push(a.slice(i, i + n));
  return r;
}
const target = path.resolve(__dirname, '../src/parse/post-data.ts');
fs.writeFileSync(target, out);
console.log(
  `learn-posts: ${posts.length} posts (${fromIds.size} from page names), ${routed.length} routing names → ${path.relative(process.cwd(), target)}`,
);
