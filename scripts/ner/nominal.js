#!/usr/bin/env node
/**
 * Applies the annotation convention for nominal references (scripts/ner/README.md, "Names, not
 * nominal references") to the annotation files: a bare "Embassy", "Consulate", "Mission",
 * "Ministry", "Government" or "Administration" (any case), or "Department" in running text, names no organization — it refers back to
 * one, as "the Embassy" refers to the reporting post — so it is no mention. Such forms are taken out
 * of their entities' mentions (and `occurrences` claims); an entity left with no mention is dropped;
 * the spans are computed again (spans.js's code), and the file records the change as a review entry
 * `{pass: "nominal", notes, changes}`. Prints the diff counted per form.
 *
 *   node scripts/ner/nominal.js [--dry-run] [FILE|ID ...]     (default: every file in annotations/)
 *
 * Idempotent: a second run changes nothing. Needs `npm run build` (the cable text is the parsed text).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ANNOTATION_DIR, parsedCable, sha1 } = require('./lib');
const { computeSpans, serialize } = require('./spans');

/** Bare heads of nominal references: a common noun standing for a body the context names. */
const NOMINAL_HEAD = /^(?:embassy|consulate|mission|ministry|government|administration)$/i;
/** "Department" in running text; the all-caps routing words DEPT and DEPARTMENT stay the Department of State's name. */
const NOMINAL = { test: (form) => NOMINAL_HEAD.test(form) || form === 'Department' };

async function main() {
  const args = process.argv.slice(2);
  const dry = args.includes('--dry-run');
  const named = args.filter((a) => !a.startsWith('--'));
  const files = (named.length ? named : fs.readdirSync(ANNOTATION_DIR).filter((f) => f.endsWith('.json'))).map((a) =>
    a.endsWith('.json') || a.includes('/') ? path.resolve(ANNOTATION_DIR, a) : path.join(ANNOTATION_DIR, `${a}.json`),
  );
  files.sort();
  const total = { files: 0, changed: 0, forms: 0, entities: 0, spansBefore: 0, spansRemoved: 0, otherSpanChanges: 0 };
  const byForm = new Map();
  for (const file of files) {
    let ann;
    try {
      ann = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: ${e.message}`, { cause: e });
    }
    total.files++;
    total.spansBefore += ann.spans.length;
    const removedForms = [];
    const entities = [];
    for (const e of ann.entities) {
      const drop = e.mentions.filter((m) => NOMINAL.test(m));
      if (!drop.length) {
        entities.push(e);
        continue;
      }
      removedForms.push(...drop.map((m) => `${m} (${e.name})`));
      for (const m of drop) byForm.set(m, (byForm.get(m) || 0) + 1);
      const mentions = e.mentions.filter((m) => !NOMINAL.test(m));
      if (!mentions.length) {
        total.entities++;
        continue;
      }
      const kept = { ...e, mentions };
      if (e.occurrences) {
        const occ = Object.fromEntries(Object.entries(e.occurrences).filter(([f]) => !NOMINAL.test(f)));
        if (Object.keys(occ).length) kept.occurrences = occ;
        else delete kept.occurrences;
      }
      entities.push(kept);
    }
    if (!removedForms.length) continue;
    const cable = await parsedCable(ann.id);
    if (sha1(cable.text) !== ann.textSha1) throw new Error(`${file}: the cable text changed since it was annotated`);
    const r = computeSpans(cable.text, entities, ann.nonEntities || []);
    const key = (s) => `${s.start}:${s.end}:${s.type}:${s.name}`;
    const after = new Set(r.spans.map(key));
    const before = new Set(ann.spans.map(key));
    const removed = ann.spans.filter((s) => !after.has(key(s)));
    const nominalRemoved = removed.filter((s) => NOMINAL.test(cable.text.slice(s.start, s.end).replace(/\s+/g, ' ')));
    const other = removed.length - nominalRemoved.length + r.spans.filter((s) => !before.has(key(s))).length;
    total.changed++;
    total.forms += removedForms.length;
    total.spansRemoved += nominalRemoved.length;
    total.otherSpanChanges += other;
    console.log(
      `${ann.id}: ${nominalRemoved.length} spans removed (${removedForms.join('; ')})${other ? `, ${other} other span changes` : ''}`,
    );
    if (dry) continue;
    const out = {
      id: ann.id,
      textSha1: ann.textSha1,
      entities,
      ...(ann.nonEntities ? { nonEntities: ann.nonEntities } : {}),
      spans: r.spans,
      reviews: [
        ...(ann.reviews || []),
        {
          pass: 'nominal',
          notes: `convention: a bare nominal reference is no mention (scripts/ner/nominal.js); removed ${removedForms.join('; ')}`,
          changes: { spans: ann.spans.length, removed: nominalRemoved.length, other },
        },
      ],
    };
    fs.writeFileSync(file, serialize(out));
  }
  console.log(
    `\n${total.files} files, ${total.changed} changed${dry ? ' (dry run: nothing written)' : ''}: ` +
      `${total.forms} nominal forms removed from entities, ${total.entities} entities left with no mention dropped, ` +
      `${total.spansRemoved} of ${total.spansBefore} spans removed, ${total.otherSpanChanges} other span changes`,
  );
  console.log(
    'by form: ' +
      [...byForm]
        .sort((a, b) => b[1] - a[1])
        .map(([f, n]) => `${f} ${n}`)
        .join(', '),
  );
}
main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
