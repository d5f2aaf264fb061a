#!/usr/bin/env node
/**
 * Trains the `tagger` extractor's averaged perceptron on the hand-annotated cables, deterministically
 * (fixed cable order, seeded shuffles), and writes src/extract/tagger/tagger.bin.gz; with --folds K, first scores
 * K-fold cross-validation (train on K-1 folds, score the held-out one, entity-level as
 * scripts/eval-entities.js scores the gold cables) for the tagger and for builtin on the same cables.
 *
 *   node scripts/ner/train.js [--annotations DIR] [--corpus DIR] [--epochs 20] [--folds 5] [--no-write] [--out FILE]
 *                             [--dump FILE]   # with --folds: the held-out cables' annotated and tagged spans, one JSON line per cable
 *                             [--save-folds DIR | --load-folds DIR]   # with --folds: write each fold's weights, or read them
 *                                                                     # instead of training (to re-score a decode-side change)
 *                             [--score-only FILE]   # with --folds: also score the cables FILE lists (one id a line) apart
 *                             [--start-bias N]   # with --folds: decode with this B- tag bias instead of ENTITY_START_BIAS
 *
 * Annotations: one JSON per cable ({id, textSha1, entities, spans}); the cable text is read from the
 * corpus and must have the annotated text's SHA-1. Never ../shared/gold. The written model leaves out
 * the relation reader's held-out cables (scripts/relations/heldout), which score it.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

require('../lib/ts-require');
const ROOT = path.join(__dirname, '..', '..');
const { args, opt } = require('../lib/cli-args');
const annotationsDir = path.resolve(opt('--annotations', path.join(ROOT, 'scripts', 'ner', 'annotations')));
const corpus = path.resolve(opt('--corpus', path.join(ROOT, '..', 'shared', 'corpus')));
const epochs = Number(opt('--epochs', '20'));
const folds = Number(opt('--folds', '0'));
const out = path.resolve(opt('--out', path.join(ROOT, 'src', 'extract', 'tagger', 'tagger.bin.gz')));
if (/[\\/]gold[\\/]?/.test(annotationsDir) && annotationsDir.includes('shared')) {
  console.error('the gold cables are for measuring only');
  process.exit(2);
}

const { readCables } = require(path.join(ROOT, 'src/ingest/index.ts'));
const { processCables } = require(path.join(ROOT, 'src/pipeline/pool.ts'));
const { resolveEntities, stripTitles } = require(path.join(ROOT, 'src/resolve/index.ts'));
const { BuiltinExtractor } = require(path.join(ROOT, 'src/extract/builtin.ts'));
const { taggerInput, mentionsOf } = require(path.join(ROOT, 'src/extract/tagger/index.ts'));
const { TAGS } = require(path.join(ROOT, 'src/extract/tagger/features.ts'));
const { Perceptron, PerceptronTrainer, startBias } = require(path.join(ROOT, 'src/extract/tagger/perceptron.ts'));
const { scorer } = require(path.join(ROOT, 'scripts/lib/entity-score.js'));

/** Gold tags of a cable's tokens from the annotated spans (a token starting inside a span). */
function goldTags(tokens, spans) {
  const tags = new Uint8Array(tokens.length);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const s of sorted) {
    while (k < tokens.length && tokens[k].end <= s.start) k++;
    let first = true;
    for (let j = k; j < tokens.length && tokens[j].start < s.end; j++) {
      if (tokens[j].start < s.start) continue;
      tags[j] = TAGS.indexOf(`${first ? 'B' : 'I'}-${s.type}`);
      first = false;
    }
  }
  return tags;
}

/** A seeded shuffle (same order every run). */
function shuffled(xs, seed) {
  const a = [...xs];
  let s = seed >>> 0;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function train(items) {
  const trainer = new PerceptronTrainer();
  for (let e = 0; e < epochs; e++) {
    let errors = 0;
    let tokens = 0;
    for (const it of shuffled(items, 1234 + e)) {
      errors += trainer.train(it.input, it.gold);
      tokens += it.gold.length;
    }
    if (!args.includes('--quiet'))
      process.stderr.write(`  epoch ${e + 1}: ${((100 * errors) / tokens).toFixed(2)}% tokens wrong\n`);
  }
  return trainer.averaged();
}

/** The cable ids of the relation reader's held-out set (scripts/relations/heldout/ID.json). */
function relationHeldOutIds() {
  const dir = path.join(ROOT, 'scripts', 'relations', 'heldout');
  return new Set(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length)),
  );
}

async function main() {
  const files = fs
    .readdirSync(annotationsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const annotations = new Map(
    files.map((f) => {
      const a = JSON.parse(fs.readFileSync(path.join(annotationsDir, f), 'utf8'));
      return [a.id, a];
    }),
  );
  // Only the annotated cables' Cable Viewer pages are read (the text they were annotated on: scripts/ner/lib.js).
  const pages = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html') && annotations.has(e.name.slice(0, -5))) pages.push(p);
    }
  };
  walk(corpus);
  pages.sort();
  const cables = new Map();
  for await (const p of processCables(readCables(pages, {}), { ner: 'none', workers: 0 }))
    if (annotations.has(p.cable.id) && !cables.has(p.cable.id)) cables.set(p.cable.id, p.cable);
  const rules = new BuiltinExtractor();
  const items = [];
  for (const [id, a] of annotations) {
    const cable = cables.get(id);
    if (!cable) {
      console.error(`${id}: not in ${corpus}; skipped`);
      continue;
    }
    if (crypto.createHash('sha1').update(cable.text).digest('hex') !== a.textSha1) {
      console.error(`${id}: the corpus text differs from the annotated text (SHA-1); skipped`);
      continue;
    }
    const input = taggerInput(cable, rules, true);
    items.push({ id, cable, annotation: a, input, gold: goldTags(input.tokens, a.spans) });
  }
  items.sort((x, y) => (x.id < y.id ? -1 : 1));
  const tokens = items.reduce((n, it) => n + it.gold.length, 0);
  const outside = items.reduce((n, it) => n + it.input.outside.reduce((a, b) => a + (b ? 1 : 0), 0), 0);
  const lost = items.reduce((n, it) => n + it.gold.filter((g, i) => g !== 0 && it.input.outside[i]).length, 0);
  console.log(`${items.length} annotated cables (${tokens} tokens) from ${annotationsDir}`);
  console.log(
    `tokens outside any entity for sure (not scored when decoding): ${outside} (${((100 * outside) / tokens).toFixed(1)}%), of them inside an annotated entity: ${lost}`,
  );

  if (args.includes('--oracle')) {
    // The annotated spans themselves as mentions: what resolution and scoring make of a perfect tagger.
    const score = scorer(stripTitles);
    const pred = resolveEntities(
      items.map((it) => it.cable),
      items.map((it) =>
        it.annotation.spans.map((s) => ({
          type: s.type,
          text: it.cable.text.slice(s.start, s.end),
          start: s.start,
          end: s.end,
        })),
      ),
    ).perCable;
    items.forEach((it, i) => score.add(it.id, pred[i], it.annotation.entities));
    console.log(`\n## the annotated spans as mentions (a perfect tagger) + resolution\n\n${score.table()}`);
    if (args.includes('--errors')) console.log('\n' + score.errors.join('\n'));
  }
  if (args.includes('--score-only') && !(folds > 1)) {
    console.error('train.js: --score-only scores cross-validation folds: give --folds K too');
    process.exit(2);
  }
  if (folds > 1) {
    const tagged = scorer(stripTitles);
    const builtin = scorer(stripTitles);
    const dump = args.includes('--dump') ? [] : undefined;
    // --score-only FILE: also a table over the cables FILE lists (one id a line), e.g. the set an
    // earlier figure was measured on, so that a larger set's figure can be compared with it
    const only = args.includes('--score-only')
      ? new Set(
          fs
            .readFileSync(path.resolve(opt('--score-only')), 'utf8')
            .split(/\s+/)
            .filter(Boolean),
        )
      : undefined;
    const taggedOnly = only ? scorer(stripTitles) : undefined;
    let scoredOnly = 0; // (the listed cables that are annotated: ids the file lists but no annotation has count for nothing)
    for (let f = 0; f < folds; f++) {
      const test = items.filter((_x, i) => i % folds === f);
      const foldFile = (dir) => path.join(path.resolve(dir), `fold-${f + 1}-of-${folds}.bin.gz`);
      let model;
      if (args.includes('--load-folds')) model = Perceptron.deserialize(fs.readFileSync(foldFile(opt('--load-folds'))));
      else {
        model = train(items.filter((_x, i) => i % folds !== f));
        if (args.includes('--save-folds')) {
          fs.mkdirSync(path.resolve(opt('--save-folds')), { recursive: true });
          fs.writeFileSync(foldFile(opt('--save-folds')), model.serialize());
        }
      }
      if (args.includes('--start-bias')) model.bias.set(startBias(Number(opt('--start-bias'))));
      const cs = test.map((it) => it.cable);
      const mentionsT = test.map((it) => mentionsOf(it.cable, it.input.tokens, model.decode(it.input)));
      const predT = resolveEntities(cs, mentionsT).perCable;
      if (dump)
        test.forEach((it, i) =>
          dump.push({
            id: it.id,
            gold: it.annotation.spans.map((s) => [s.start, s.end, s.type]),
            tagged: mentionsT[i].map((m) => [m.start, m.end, m.type]),
          }),
        );
      const predB = resolveEntities(
        cs,
        test.map((it) => rules.extractOne(it.cable)),
      ).perCable;
      test.forEach((it, i) => {
        tagged.add(it.id, predT[i], it.annotation.entities);
        builtin.add(it.id, predB[i], it.annotation.entities);
        if (only?.has(it.id)) {
          taggedOnly.add(it.id, predT[i], it.annotation.entities);
          scoredOnly += 1;
        }
      });
      console.error(`fold ${f + 1}/${folds} done`);
    }
    console.log(
      `\n## ${folds}-fold cross-validation on the annotated cables — tagger (rules + perceptron)\n\n${tagged.table()}`,
    );
    if (taggedOnly)
      console.log(
        `\n## the same, scored on the ${scoredOnly} annotated cables of the ${only.size} ${opt('--score-only')} lists — tagger\n\n${taggedOnly.table()}`,
      );
    console.log(`\n## the same held-out cables — builtin (rules)\n\n${builtin.table()}`);
    if (args.includes('--errors')) console.log('\n' + tagged.errors.join('\n'));
    if (dump) fs.writeFileSync(path.resolve(opt('--dump')), dump.map((d) => JSON.stringify(d)).join('\n') + '\n');
  }
  if (!args.includes('--no-write')) {
    // The shipped model never sees the relation reader's held-out cables: eval-relations scores it on
    // the tagger's mentions there, and a tagger trained on those cables would flatter that score.
    // (Cross-validation above keeps them: each fold is scored on cables its model did not train on.)
    const heldOut = relationHeldOutIds();
    const training = items.filter((it) => !heldOut.has(it.id));
    console.log(`final model: ${training.length} cables (${items.length - training.length} held out for relations)`);
    const model = train(training);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const buf = model.serialize();
    fs.writeFileSync(out, buf);
    console.log(
      `\nweights: ${out} (${(buf.length / 1e6).toFixed(2)} MB, ${epochs} epochs on ${training.length} cables)`,
    );
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
