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
 *   #3 notes of an independent re-reading (a third pass, by another annotator)
 *   #C notes of a consistency fix (a set-wide decision applied to a file that holds its reviews)
 *
 *   node scripts/ner/lines.js --dump ID       prints annotations/ID.json in this format (to edit in a review)
 *   node scripts/ner/lines.js --compare MINE.txt
 *       compares a reviewer's own list, written from the text before opening the file, with each
 *       block's annotation file: forms only in the list, forms only in the file, forms typed differently.
 *
 * A block with only "#1" is a first pass. A block with "#2" is the review of a file written before:
 * the spans of that file (the first pass) are compared with the new ones and the differences stored
 * in the review ({pass: 2, notes, changes: {pass1Spans, kept, added, removed, retyped, renamed, rebounded}})
 * — the agreement between the two passes. A block with "#3" is an independent re-reading of a file that
 * already holds both passes: its diff is taken against the reviewed (pass-2) spans and stored as
 * {pass: 3, method: "independent re-reading", notes, changes}. A block with "#C" is a consistency fix
 * of a reviewed file: every review the file holds is kept and {pass: "consistency", notes, changes}
 * is appended, its diff taken against the file's spans before the fix.
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
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      const where = `${file}:${i + 1}`;
      if (line.startsWith('@')) {
        cur = { id: line.slice(1).trim(), entities: [], nonEntities: [], notes: {} };
        blocks.push(cur);
        return;
      }
      if (!cur) throw new Error(`${where}: a line before the first "@ ID"`);
      const m = /^#([123C])\s+(.*)$/.exec(line);
      if (m) {
        cur.notes[m[1]] = (cur.notes[m[1]] ? cur.notes[m[1]] + ' ' : '') + m[2];
        return;
      }
      const kind = line[0];
      const rest = line.slice(1).trim();
      if (kind === 'N') {
        cur.nonEntities.push(rest);
        return;
      }
      const parts = rest.split('|').map((s) => s.trim());
      if (kind === 'C') {
        const [name, form, list] = parts;
        const ent = cur.entities.find((e) => e.name === name);
        if (!ent || !form || !list) throw new Error(`${where}: "C name | form | n,n" needs an entity listed above`);
        ent.occurrences = { ...(ent.occurrences || {}), [form]: list.split(',').map(Number) };
        return;
      }
      if (!TYPE[kind]) throw new Error(`${where}: unknown line kind "${kind}" (P, O, L, C, N, #1, #2, #3, #C, @)`);
      if (parts.length < 2 || parts.slice(1).some((p) => !p))
        throw new Error(`${where}: "${kind} name | mention | ..." needs at least one mention`);
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
    if (overlap) {
      matched.add(overlap);
      c.rebounded++;
    } else c.added++;
  }
  c.removed = before.filter((x) => !matched.has(x)).length;
  return c;
}

const list = (items) => (items.length ? `[\n ${items.map((x) => JSON.stringify(x)).join(',\n ')}\n]` : '[]');

/** An annotation file back in the line format (without notes). */
function dump(id) {
  const a = JSON.parse(fs.readFileSync(path.join(ANNOTATION_DIR, `${id}.json`), 'utf8'));
  const letter = { PERSON: 'P', ORGANIZATION: 'O', PLACE: 'L' };
  const out = [`@ ${id}`];
  for (const e of a.entities) {
    out.push(`${letter[e.type]} ${[e.name, ...e.mentions].join(' | ')}`);
    for (const [form, occ] of Object.entries(e.occurrences || {})) out.push(`C ${e.name} | ${form} | ${occ.join(',')}`);
  }
  for (const n of a.nonEntities || []) out.push(`N ${n}`);
  return out.join('\n');
}

/** Differences between a reviewer's own list and the annotation file, by surface form. */
function compareLists(file) {
  for (const b of parseBlocks(file)) {
    const a = JSON.parse(fs.readFileSync(path.join(ANNOTATION_DIR, `${b.id}.json`), 'utf8'));
    const letter = { PERSON: 'P', ORGANIZATION: 'O', PLACE: 'L' };
    const forms = (ents) => {
      const m = new Map();
      for (const e of ents) for (const f of e.mentions) m.set(f, `${letter[e.type]} ${e.name}`);
      return m;
    };
    const mine = forms(b.entities);
    const theirs = forms(a.entities);
    const out = [];
    for (const [f, v] of mine) {
      if (!theirs.has(f)) out.push(`  only mine:  "${f}"  (${v})`);
      else if (theirs.get(f)[0] !== v[0]) out.push(`  type:       "${f}"  mine ${v} / file ${theirs.get(f)}`);
    }
    for (const [f, v] of theirs) if (!mine.has(f)) out.push(`  only file:  "${f}"  (${v})`);
    for (const n of a.nonEntities || []) if (!b.nonEntities.includes(n)) out.push(`  file blocks: "${n}"`);
    console.log(`${b.id}: mine ${mine.size} forms, file ${theirs.size} forms, ${out.length} differences`);
    for (const l of out) console.log(l);
  }
}

async function main() {
  if (process.argv[2] === '--dump') {
    console.log(dump(process.argv[3]));
    return;
  }
  if (process.argv[2] === '--compare') {
    compareLists(process.argv[3]);
    return;
  }
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/ner/lines.js BATCH.txt | --dump ID | --compare MINE.txt');
    process.exit(2);
  }
  let bad = 0;
  for (const b of parseBlocks(file)) {
    const target = path.join(ANNOTATION_DIR, `${b.id}.json`);
    const text = (await parsedCable(b.id)).text;
    const r = computeSpans(text, b.entities, b.nonEntities);
    const problems = [
      ...lint({ entities: b.entities }),
      ...r.missing.map((f) => `NOT FOUND: "${f}"`),
      ...r.clashes.map((x) => `form "${x.form}" under two entities: ${x.first} / ${x.second}`),
    ];
    const reviews = [];
    if (b.notes.C) {
      if (!fs.existsSync(target))
        throw new Error(`${b.id}: a consistency fix (#C) needs the reviewed file (${target})`);
      const prior = JSON.parse(fs.readFileSync(target, 'utf8'));
      if (!(prior.reviews || []).some((x) => x.pass === 2)) throw new Error(`${target}: no review pass before the fix`);
      reviews.push(...prior.reviews, {
        pass: 'consistency',
        notes: b.notes.C,
        changes: compare(prior.spans || [], r.spans),
      });
    } else if (b.notes['3']) {
      if (!fs.existsSync(target))
        throw new Error(`${b.id}: an independent re-reading (#3) needs the reviewed file (${target})`);
      const prior = JSON.parse(fs.readFileSync(target, 'utf8'));
      const kept = (prior.reviews || []).filter((x) => x.pass < 3);
      if (!kept.some((x) => x.pass === 2)) throw new Error(`${target}: no review pass to compare the re-reading with`);
      reviews.push(...kept, {
        pass: 3,
        method: 'independent re-reading',
        notes: b.notes['3'],
        changes: compare(prior.spans || [], r.spans),
      });
    } else if (b.notes['2']) {
      if (!fs.existsSync(target))
        throw new Error(`${b.id}: a review (#2) needs the first pass written before (${target})`);
      const first = JSON.parse(fs.readFileSync(target, 'utf8'));
      const pass1 = (first.reviews || []).find((x) => x.pass === 1);
      if (!pass1) throw new Error(`${target}: no first-pass review to compare with`);
      reviews.push(pass1, { pass: 2, notes: b.notes['2'], changes: compare(first.spans || [], r.spans) });
    } else if (b.notes['1']) reviews.push({ pass: 1, notes: b.notes['1'] });
    else throw new Error(`${b.id}: the block needs "#1" notes (first pass), "#2" (review) or "#3" (re-reading)`);
    const non = b.nonEntities.length ? `\n"nonEntities": ${JSON.stringify(b.nonEntities)},` : '';
    fs.writeFileSync(
      target,
      `{"id": ${JSON.stringify(b.id)}, "textSha1": ${JSON.stringify(sha1(text))},\n"entities": ${list(b.entities)},${non}\n"spans": ${list(r.spans)},\n"reviews": ${list(reviews)}\n}\n`,
    );
    const last = reviews[reviews.length - 1];
    const ch = last.changes ? ` review ${last.pass}: ${JSON.stringify(last.changes)}` : '';
    console.log(`${b.id}: ${b.entities.length} entities, ${r.spans.length} spans${ch}`);
    for (const p of problems) console.log(`  ${p}`);
    for (const f of r.shadowed) console.log(`  only inside longer spans or skipped parts: "${f}"`);
    if (problems.length) bad++;
  }
  process.exit(bad ? 1 : 0);
}
main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exit(1);
});
