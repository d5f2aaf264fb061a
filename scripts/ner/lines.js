#!/usr/bin/env node
/**
 * Writes annotation files from a compact line format (faster to type and to edit in review than JSON):
 *
 *   node scripts/ner/lines.js BATCH.txt        one or more blocks; each block writes annotations/ID.json + spans
 *
 *   @ 09DOHA214
 *   P Hamad bin Khalifa Al Thani | Hamad bin Khalifa | Amir Hamad     type letter P/O/L, canonical name | mentions
 *   O US Department of State | STATE | Department
 *   C Hillary Clinton | Clinton | 0,3                                claims occurrences 0 and 3 of a shared form
 *   N Copenhagen Accord                                               a non-entity phrase (blocks the forms inside)
 *   #1 notes of the first pass
 *   #2 notes of the review pass
 *
 * A block with only "#1" is a first pass. A block with "#2" is the review of a file written before:
 * the spans of that file (the first pass) are compared with the new ones and the differences stored
 * in the review ({pass: 2, notes, changes: {pass1Spans, kept, added, removed, retyped, renamed, rebounded}})
 * — the agreement between the two passes.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ANNOTATION_DIR, parsedCable, sha1 } = require('./lib');
const { computeSpans, lint } = require('./spans');

const TYPE = { P: 'PERSON', O: 'ORGANIZATION', L: 'PLACE' };

function parseBlocks(file) {
  const blocks = [];
  let cur;
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const where = `${file}:${i + 1}`;
    if (line.startsWith('@')) { cur = { id: line.slice(1).trim(), entities: [], nonEntities: [], notes: {} }; blocks.push(cur); return; }
    if (!cur) throw new Error(`${where}: a line before the first "@ ID"`);
    const m = /^#([12])\s+(.*)$/.exec(line);
    if (m) { cur.notes[m[1]] = (cur.notes[m[1]] ? cur.notes[m[1]] + ' ' : '') + m[2]; return; }
    const kind = line[0];
    const rest = line.slice(1).trim();
    if (kind === 'N') { cur.nonEntities.push(rest); return; }
    const parts = rest.split('|').map((s) => s.trim());
    if (kind === 'C') {
      const [name, form, list] = parts;
      const ent = cur.entities.find((e) => e.name === name);
      if (!ent || !form || !list) throw new Error(`${where}: "C name | form | n,n" needs an entity listed above`);
      ent.occurrences = { ...(ent.occurrences || {}), [form]: list.split(',').map(Number) };
      return;
    }
    if (!TYPE[kind]) throw new Error(`${where}: unknown line kind "${kind}" (P, O, L, C, N, #1, #2, @)`);
    if (parts.length < 2 || parts.slice(1).some((p) => !p)) throw new Error(`${where}: "${kind} name | mention | ..." needs at least one mention`);
    cur.entities.push({ type: TYPE[kind], name: parts[0], mentions: parts.slice(1) });
  });
  return blocks;
}

/** How the review changed the first pass's spans. */
function compare(before, after) {
  const key = (s) => `${s.start}:${s.end}`;
  const old = new Map(before.map((s) => [key(s), s]));
  const c = { pass1Spans: before.length, kept: 0, added: 0, removed: 0, retyped: 0, renamed: 0, rebounded: 0 };
  const matched = new Set();
  for (const s of after) {
    const o = old.get(key(s));
    if (o) {
      matched.add(o);
      if (o.type !== s.type) c.retyped++;
      else if (o.name !== s.name) c.renamed++;
      else c.kept++;
      continue;
    }
    const overlap = before.find((x) => !matched.has(x) && x.start < s.end && x.end > s.start);
    if (overlap) { matched.add(overlap); c.rebounded++; } else c.added++;
  }
  c.removed = before.filter((x) => !matched.has(x)).length;
  return c;
}

const list = (items) => (items.length ? `[\n ${items.map((x) => JSON.stringify(x)).join(',\n ')}\n]` : '[]');

async function main() {
  const file = process.argv[2];
  if (!file) { console.error('usage: node scripts/ner/lines.js BATCH.txt'); process.exit(2); }
  let bad = 0;
  for (const b of parseBlocks(file)) {
    const target = path.join(ANNOTATION_DIR, `${b.id}.json`);
    const text = (await parsedCable(b.id)).text;
    const r = computeSpans(text, b.entities, b.nonEntities);
    const problems = [...lint({ entities: b.entities }),
      ...r.missing.map((f) => `NOT FOUND: "${f}"`),
      ...r.clashes.map((x) => `form "${x.form}" under two entities: ${x.first} / ${x.second}`)];
    const reviews = [];
    if (b.notes['2']) {
      if (!fs.existsSync(target)) throw new Error(`${b.id}: a review (#2) needs the first pass written before (${target})`);
      const first = JSON.parse(fs.readFileSync(target, 'utf8'));
      const pass1 = (first.reviews || []).find((x) => x.pass === 1);
      if (!pass1) throw new Error(`${target}: no first-pass review to compare with`);
      reviews.push(pass1, { pass: 2, notes: b.notes['2'], changes: compare(first.spans || [], r.spans) });
    } else if (b.notes['1']) reviews.push({ pass: 1, notes: b.notes['1'] });
    else throw new Error(`${b.id}: the block needs "#1" notes (first pass) or "#2" notes (review)`);
    const non = b.nonEntities.length ? `\n"nonEntities": ${JSON.stringify(b.nonEntities)},` : '';
    fs.writeFileSync(target, `{"id": ${JSON.stringify(b.id)}, "textSha1": ${JSON.stringify(sha1(text))},\n"entities": ${list(b.entities)},${non}\n"spans": ${list(r.spans)},\n"reviews": ${list(reviews)}\n}\n`);
    const ch = reviews[1] ? ` review: ${JSON.stringify(reviews[1].changes)}` : '';
    console.log(`${b.id}: ${b.entities.length} entities, ${r.spans.length} spans${ch}`);
    for (const p of problems) console.log(`  ${p}`);
    for (const f of r.shadowed) console.log(`  only inside longer spans or skipped parts: "${f}"`);
    if (problems.length) bad++;
  }
  process.exit(bad ? 1 : 0);
}
main().catch((e) => { console.error(`error: ${e.message}`); process.exit(1); });
