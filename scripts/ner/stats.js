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
let reviewed = 0; let years = {};
for (const f of files) {
  const a = JSON.parse(fs.readFileSync(path.join(ANNOTATION_DIR, f), 'utf8'));
  for (const e of a.entities) ent[e.type]++;
  for (const s of a.spans || []) spans[s.type]++;
  if (new Set((a.reviews || []).map((r) => r.pass)).size === 2) reviewed++;
  const yy = Number(a.id.slice(0, 2)); const y = yy >= 60 ? 1900 + yy : 2000 + yy;
  const k = y < 2004 ? 'before 2004' : String(y); years[k] = (years[k] || 0) + 1;
}
const prefix = order.findIndex((id) => !ids.has(id));
const outOfOrder = [...ids].filter((id) => !order.includes(id));
console.log(`annotated cables: ${files.length} (both review passes recorded: ${reviewed})`);
console.log(`sample.txt prefix fully annotated: ${prefix < 0 ? order.length : prefix} of ${order.length}${outOfOrder.length ? `; not in sample: ${outOfOrder.join(', ')}` : ''}`);
console.log(`posts: ${new Set([...ids].map((id) => (/^\d{2}([A-Z]+)\d+/.exec(id) || [])[1])).size}; years: ${Object.entries(years).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`entities: ${TYPES.map((t) => `${t} ${ent[t]}`).join(', ')}, total ${TYPES.reduce((n, t) => n + ent[t], 0)}`);
console.log(`spans:    ${TYPES.map((t) => `${t} ${spans[t]}`).join(', ')}, total ${TYPES.reduce((n, t) => n + spans[t], 0)}`);
