#!/usr/bin/env node
/**
 * Summary of the annotated cables: how many, in which strata, entities and spans per type.
 *   node scripts/ner/stats.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ANNOTATION_DIR } = require('./lib');

const order = fs.readFileSync(path.join(__dirname, 'sample.txt'), 'utf8').split('\n').filter(Boolean);
const files = fs.readdirSync(ANNOTATION_DIR).filter((f) => f.endsWith('.json'));
const ids = new Set(files.map((f) => f.slice(0, -5)));
const TYPES = ['PERSON', 'ORGANIZATION', 'PLACE'];
const ent = Object.fromEntries(TYPES.map((t) => [t, 0]));
const spans = Object.fromEntries(TYPES.map((t) => [t, 0]));
let reviewed = 0;
let years = {};
// Review passes written with lines.js record how the review changed the first pass's spans.
const change = {
  files: 0,
  changed: 0,
  pass1Spans: 0,
  kept: 0,
  added: 0,
  removed: 0,
  retyped: 0,
  renamed: 0,
  rebounded: 0,
};
// An independent re-reading (pass 3) records how it changed the reviewed (pass-2) spans.
const reread = {
  files: 0,
  changed: 0,
  pass1Spans: 0,
  kept: 0,
  added: 0,
  removed: 0,
  retyped: 0,
  renamed: 0,
  rebounded: 0,
};
const sumChanges = (into, c) => {
  into.files++;
  for (const k of Object.keys(into)) if (k in c) into[k] += c[k];
  if (c.added + c.removed + c.retyped + c.renamed + c.rebounded > 0) into.changed++;
};
for (const f of files) {
  const a = JSON.parse(fs.readFileSync(path.join(ANNOTATION_DIR, f), 'utf8'));
  for (const e of a.entities) ent[e.type]++;
  for (const s of a.spans || []) spans[s.type]++;
  const passes = new Set((a.reviews || []).map((r) => r.pass));
  if (passes.has(1) && passes.has(2)) reviewed++;
  const c = ((a.reviews || []).find((r) => r.pass === 2) || {}).changes;
  if (c) sumChanges(change, c);
  const c3 = ((a.reviews || []).find((r) => r.pass === 3) || {}).changes;
  if (c3) sumChanges(reread, c3);
  const yy = Number(a.id.slice(0, 2));
  const y = yy >= 60 ? 1900 + yy : 2000 + yy;
  const k = y < 2004 ? 'before 2004' : String(y);
  years[k] = (years[k] || 0) + 1;
}
const prefix = order.findIndex((id) => !ids.has(id));
const outOfOrder = [...ids].filter((id) => !order.includes(id));
console.log(`annotated cables: ${files.length} (both review passes recorded: ${reviewed})`);
console.log(
  `sample.txt prefix fully annotated: ${prefix < 0 ? order.length : prefix} of ${order.length}${outOfOrder.length ? `; not in sample: ${outOfOrder.join(', ')}` : ''}`,
);
console.log(
  `posts: ${new Set([...ids].map((id) => (/^\d{2}([A-Z]+)\d+/.exec(id) || [])[1])).size}; years: ${Object.entries(years)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
console.log(
  `entities: ${TYPES.map((t) => `${t} ${ent[t]}`).join(', ')}, total ${TYPES.reduce((n, t) => n + ent[t], 0)}`,
);
console.log(
  `spans:    ${TYPES.map((t) => `${t} ${spans[t]}`).join(', ')}, total ${TYPES.reduce((n, t) => n + spans[t], 0)}`,
);
if (change.files) {
  const pct = (n) => `${((100 * n) / change.pass1Spans).toFixed(1)}%`;
  console.log(
    `review diff (files with a recorded diff: ${change.files}, of which changed by the review: ${change.changed}): ` +
      `first-pass spans ${change.pass1Spans}, kept ${change.kept} (${pct(change.kept)}), added ${change.added}, removed ${change.removed}, ` +
      `retyped ${change.retyped}, renamed ${change.renamed}, re-bounded ${change.rebounded}`,
  );
}
if (reread.files) {
  const pct = (n) => `${((100 * n) / reread.pass1Spans).toFixed(1)}%`;
  console.log(
    `independent re-reading (pass 3: ${reread.files} files, of which changed: ${reread.changed}): ` +
      `reviewed spans ${reread.pass1Spans}, kept ${reread.kept} (${pct(reread.kept)}), added ${reread.added}, removed ${reread.removed}, ` +
      `retyped ${reread.retyped}, renamed ${reread.renamed}, re-bounded ${reread.rebounded}`,
  );
}
