#!/usr/bin/env node
/**
 * A learned reader of meeting pairs, measured against the rules by leave-one-set-out cross-validation over the
 * development sets (round 17, issue 17). Never reads the held-out set.
 *
 *   node scripts/relations/meet-ml.js [--corpus DIR] [--sets dev,dev2,…] [--epochs N] [--mil N] [--train-sets K] [--errors] [--json FILE]
 *
 * Candidates: every pair of parties the meeting reader names in one sentence that holds a meeting word (persons,
 * the post's officers, the writer's "I/me", bare titles, a subject pronoun — the slots readMeetings shows its
 * observer), keyed as eval-relations.js keys pairs. A candidate is positive when eval-relations.js would match its
 * pair to a gold pair of the cable. Features are general (no names): the meeting words, the words between the parties
 * and around them, order, distance, each party's kind and side (US or not), the subject line, report verbs, negation
 * and the future, how many meeting sentences hold the pair; and, kept apart, what the rules read.
 * Model: L2-regularized logistic regression by averaged SGD, deterministic (fixed order, no randomness); --mil 1
 * (the default) refits once keeping, of a right pair's sentences, only the best-scored one positive.
 *
 * Two learned readers: `alone` (every candidate, the general features) and `residual` (only the pairs the rules do
 * not read, labelled by whether adding the pair adds a right pair; it also sees what the rules read elsewhere).
 * Prints, per left-out set and pooled (each set scored by the models that did not train on it): the candidates'
 * recall ceiling, (a) the rules, (b) the classifier alone at p >= 0.5, (b') alone at a threshold chosen inside the
 * training folds for P >= 0.90, (c) rules ∪ residual at a threshold chosen inside the training folds (inner
 * leave-one-set-out: the threshold of most recall whose pooled precision is no lower than the rules' there, nor than
 * 0.90); then both readers' precision/recall by threshold over the outer folds, for reading only.
 * --train-sets K trains each fold on K sets only (a learning curve); --errors lists the alone reader's errors.
 * The rules were written on these very sets: their figures here are in-sample, the learned readers' are not.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
require(path.join(ROOT, 'scripts', 'lib', 'ts-require'));
const { opt } = require(path.join(ROOT, 'scripts', 'lib', 'cli-args'));

const { createExtractor } = require(path.join(ROOT, 'src/extract/index.ts'));
const { DEFAULT_EXTRACTOR } = require(path.join(ROOT, 'src/extract/types.ts'));
const { contextOf } = require(path.join(ROOT, 'src/extract/relations/context.ts'));
const { readRoles } = require(path.join(ROOT, 'src/extract/relations/roles.ts'));
const { readMeetings } = require(path.join(ROOT, 'src/extract/relations/meetings.ts'));
const { resolveEntities } = require(path.join(ROOT, 'src/resolve/index.ts'));
const { readCables } = require(path.join(ROOT, 'src/ingest/index.ts'));
const { parseCable } = require(path.join(ROOT, 'src/parse/index.ts'));
const { DEV_SET_DIRS, fold, lastWord, partyKey, sameParty, match } = require(
  path.join(ROOT, 'scripts', 'lib', 'relation-match'),
);

const SET_DIRS = DEV_SET_DIRS;
const sets = opt('--sets', Object.keys(SET_DIRS).join(',')).split(',');
for (const s of sets)
  if (!SET_DIRS[s]) throw new Error(`meet-ml: unknown set ${s} (the held-out set is not for training)`);
const corpusDir = path.resolve(opt('--corpus', path.join(ROOT, '..', 'shared', 'corpus', 'cablegate')));
const EPOCHS = Number(opt('--epochs', '12'));
/** --mil N: N rounds of relabelling a right pair's sentences (only its best-scored one stays positive). */
const MIL = Number(opt('--mil', '1'));
/** --train-sets K: each fold trains on only the K sets before the one left out (cyclically), for a learning curve. */
const TRAIN_SETS = Number(opt('--train-sets', '0'));
const trainingSetsFor = (left) => {
  const others = [];
  const at = sets.indexOf(left);
  for (let k = 1; k < sets.length; k += 1) others.push(sets[(at - k + sets.length) % sets.length]);
  return TRAIN_SETS > 0 ? others.slice(0, TRAIN_SETS) : others;
};

// ---- pair matching, as scripts/eval-relations.js ----
const pairEq = (s, g) => (sameParty(s.a, g.a) && sameParty(s.b, g.b)) || (sameParty(s.a, g.b) && sameParty(s.b, g.a));
const pairId = (a, b) => [fold(a), fold(b)].sort().join('|');
/** Greedy one-to-one matching, as eval-relations.js. */
const matchCount = (system, gold) => match(system, gold, pairEq).tp;

// ---- features ----
const CUE =
  /\b(?:met|meet|meets|meeting|meetings|visited|visit|readout|read-out|briefing|briefed|debrief|asked|raised|told|telling|informed|advised|assured|reassured|reminded|warned|discussed|discussion|discussions|hosted|received|demarched|called|paid|spoke|talked|consulted|delivered|presented|conveyed|passed|conversation|call|lunch|dinner|breakfast|said|noted|explained|stressed|emphasized|complained|repeated|underscored|stated|reiterated|expressed|described|mentioned|acknowledged|insisted|confirmed|urged|thanked|agreed|joined|accompanied|attended|talks|exchange|session|hosting|welcomed)\b/gi;
const PRONOUN = /^(?:he|she|him|her|his|i|me|my|we|us|our)$/i;
const NEGATION = /\b(?:not|never|no|n't|declined|refused|cancel(?:l?ed)?)\b/i;
const FUTURE =
  /\b(?:will|would|shall|plans?\s+to|hopes?\s+to|expects?\s+to|intends?\s+to|wants?\s+to|upcoming|next|planned|scheduled|proposed|should|could|may|might)\b/i;
const REPORT = /\b(?:said|says|according\s+to|reported|reportedly|claimed|heard|believes?|thought)\b/i;
const PHONE = /\b(?:phone|telephone|telephoned|telecon|by\s+phone|letter|e-?mail|wrote)\b/i;
const WORD = /[A-Za-z][A-Za-z'’-]*/g;
const words = (s) => (s.match(WORD) ?? []).map((w) => w.toLowerCase());
const bucket = (n) => (n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 15 ? '9-15' : '16+');

function kindOf(ctx, slot, text) {
  const surface = text.slice(slot.start, slot.end);
  if (ctx.persons.some((m) => m.start === slot.start)) return 'person';
  if (PRONOUN.test(surface)) return 'pronoun';
  return slot.party.kind === 'officer' ? 'officer' : 'title';
}

/** The features of one candidate: parties `a` before `b` in sentence `s`. */
function featuresOf(ctx, s, slots, i, j, rulesHere, rulesCable, cable) {
  const text = ctx.cable.text;
  const a = slots[i];
  const b = slots[j];
  const f = ['bias'];
  const ka = kindOf(ctx, a, text);
  const kb = kindOf(ctx, b, text);
  f.push(`ka=${ka}`, `kb=${kb}`, `k=${ka}|${kb}`);
  const between = text.slice(a.end, b.start);
  const bw = words(between);
  f.push(`n=${bucket(bw.length)}`, `mid=${Math.min(3, j - i - 1)}`);
  for (const w of new Set(bw)) f.push(`bw=${w}`);
  if (bw.length) f.push(`b1=${bw[0]}`, `bl=${bw[bw.length - 1]}`);
  if (bw.length > 1) f.push(`b2=${bw[0]} ${bw[1]}`);
  if (bw.length) f.push(`b1bl=${bw[0]}|${bw[bw.length - 1]}`);
  // the US side of a meeting (the post's officers, the writer, a person with a US title) and the subject line's names
  const keyA = partyKey(a.party);
  const keyB = partyKey(b.party);
  const usA = ka === 'officer' || cable.us.has(fold(keyA));
  const usB = kb === 'officer' || cable.us.has(fold(keyB));
  f.push(`us=${usA}|${usB}`);
  const inSubject = (k) => !k.startsWith('officer:') && cable.subject.includes(lastWord(k));
  f.push(`subj=${inSubject(keyA)}|${inSubject(keyB)}`, `subj-meeting=${cable.subjectMeeting}`);
  // what the rules read (kept apart: the classifier alone does not see them)
  const r = [`a-rules=${cable.ruleParties.has(fold(keyA))}`, `b-rules=${cable.ruleParties.has(fold(keyB))}`];
  const before = words(text.slice(s.start, a.start));
  const after = words(text.slice(b.end, s.end));
  f.push(`pa1=${before[before.length - 1] ?? '^'}`, `nb1=${after[0] ?? '$'}`, `nb2=${after.slice(0, 2).join(' ')}`);
  f.push(`first=${before.length <= 2}`);
  const cuesBetween = new Set((between.match(CUE) ?? []).map((c) => c.toLowerCase()));
  const cuesSentence = new Set((text.slice(s.start, s.end).match(CUE) ?? []).map((c) => c.toLowerCase()));
  for (const c of cuesBetween) f.push(`cb=${c}`, `cbk=${c}|${ka}|${kb}`);
  for (const c of cuesSentence) if (!cuesBetween.has(c)) f.push(`cs=${c}`);
  if (cuesBetween.size === 0) f.push('nocue-between');
  const commas = (between.match(/,/g) ?? []).length;
  f.push(`commas=${Math.min(commas, 3)}`);
  if (/[;:]/.test(between)) f.push('semicolon-between');
  if (/[()]/.test(between)) f.push('paren-between');
  if (/["“”]/.test(between)) f.push('quote-between');
  if (/^\s*(?:,\s*)?(?:and|&)\s*$/.test(between) || /^\s*,\s*$/.test(between)) f.push('coordinated');
  const sentence = text.slice(s.start, s.end);
  if (REPORT.test(between)) f.push('report-between');
  if (REPORT.test(sentence)) f.push('report-sentence');
  if (NEGATION.test(sentence)) f.push('negation');
  if (FUTURE.test(between)) f.push('future-between');
  if (FUTURE.test(sentence)) f.push('future-sentence');
  if (PHONE.test(sentence)) f.push('phone');
  r.push(`rules-here=${rulesHere}`, `rules-cable=${rulesCable}`);
  return { features: f, ruleFeatures: r };
}

// ---- data ----
async function readData() {
  const annotations = new Map();
  for (const set of sets) {
    const dir = path.join(ROOT, 'scripts', 'relations', SET_DIRS[set]);
    annotations.set(
      set,
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))),
    );
  }
  const wanted = new Set([...annotations.values()].flat().map((a) => a.id));
  const cables = new Map();
  for await (const raw of readCables([corpusDir], {})) {
    const cable = parseCable(raw);
    if (wanted.has(cable.id)) cables.set(cable.id, cable);
  }
  const data = [];
  for (const set of sets) {
    const gold = annotations.get(set);
    const list = gold.map((g) => {
      const c = cables.get(g.id);
      if (!c) throw new Error(`meet-ml: ${g.id} not in ${corpusDir}`);
      return c;
    });
    // as eval-relations.js: one extraction and one resolution per set
    const mentions = await createExtractor(DEFAULT_EXTRACTOR).extract(list);
    const { perCable } = resolveEntities(list, mentions);
    list.forEach((cable, ci) => {
      const ctx = contextOf(cable, mentions[ci], perCable[ci]);
      const roles = readRoles(ctx);
      const observed = [];
      const meetings = readMeetings(ctx, roles, (si, slots) => observed.push([si, [...slots]]));
      const rules = new Map();
      const rulesAt = new Set();
      for (const m of meetings) {
        const a = partyKey(m.a);
        const b = partyKey(m.b);
        const id = pairId(a, b);
        if (!rules.has(id)) rules.set(id, { a, b });
        rulesAt.add(`${m.evidence.start}|${id}`);
      }
      const goldPairs = gold[ci].meetings;
      const candidates = [];
      const subjectLine = /^SUBJECT:[ \t]*([^\n]+)/m.exec(cable.text)?.[1] ?? '';
      const cableInfo = {
        us: new Set(
          roles.filter((r) => r.country === 'United States').map((r) => fold(r.person.name ?? r.person.text)),
        ),
        subject: fold(subjectLine).split(' '),
        subjectMeeting: /\b(?:MEET|MEETS|MEETING|MET|CALLS?\s+ON|DISCUSS|DISCUSSES|LUNCH|DINNER|CONVERSATION)\b/i.test(
          subjectLine,
        ),
        ruleParties: new Set([...rules.values()].flatMap((r) => [fold(r.a), fold(r.b)])),
      };
      for (const [si, slots] of observed) {
        const s = ctx.sentences[si];
        for (let i = 0; i < slots.length; i += 1)
          for (let j = i + 1; j < slots.length; j += 1) {
            const a = partyKey(slots[i].party);
            const b = partyKey(slots[j].party);
            if (fold(a) === fold(b) || sameParty(a, b)) continue;
            const id = pairId(a, b);
            const { features, ruleFeatures } = featuresOf(
              ctx,
              s,
              slots,
              i,
              j,
              rulesAt.has(`${s.start}|${id}`),
              rules.has(id),
              cableInfo,
            );
            const label = goldPairs.some((g) => pairEq({ a, b }, g)) ? 1 : 0;
            const evidence = cable.text.slice(s.start, s.end).replace(/\s+/g, ' ');
            candidates.push({ id, a, b, features, ruleFeatures, label, ruled: rules.has(id), evidence });
          }
      }
      // how many of the cable's meeting sentences hold the pair
      const cooc = new Map();
      for (const x of candidates) cooc.set(x.id, (cooc.get(x.id) ?? 0) + 1);
      for (const x of candidates) x.features.push(`cooc=${bucket(cooc.get(x.id))}`);
      // outside the rules, a pair is worth adding when it raises the count of right pairs (not a second key for a
      // gold pair the rules already matched)
      const right = matchCount([...rules.values()], goldPairs);
      const useful = new Map();
      for (const x of candidates)
        if (!x.ruled && !useful.has(x.id)) useful.set(x.id, matchCount([...rules.values(), x], goldPairs) > right);
      for (const x of candidates) x.useful = x.ruled ? 0 : useful.get(x.id) ? 1 : 0;
      data.push({ set, id: cable.id, gold: goldPairs, rules: [...rules.values()], candidates });
    });
  }
  return data;
}

// ---- model: logistic regression, averaged SGD, deterministic ----
/**
 * The two readers measured: `alone` learns every candidate from the general features; `residual` learns, among the
 * pairs the rules do not read, those that add a right pair, and may see what the rules read elsewhere in the cable.
 */
const READERS = {
  alone: { take: () => true, features: (x) => x.features, label: (x) => x.label },
  residual: { take: (x) => !x.ruled, features: (x) => [...x.features, ...x.ruleFeatures], label: (x) => x.useful },
};

function train(cables, reader) {
  const index = new Map();
  const examples = [];
  for (const c of cables)
    for (const x of c.candidates) {
      if (!reader.take(x)) continue;
      const ids = reader.features(x).map((f) => {
        let k = index.get(f);
        if (k === undefined) index.set(f, (k = index.size));
        return k;
      });
      examples.push({ ids, y: reader.label(x), pair: `${c.id}|${x.id}` });
    }
  let model = fit(index, examples);
  if (MIL)
    // a right pair's label is the pair's, not each sentence's: keep as positive only the sentence the model likes
    // best for each right pair, drop its other sentences (neither side), and fit again
    for (let round = 0; round < MIL; round += 1) {
      const best = new Map();
      for (const x of examples)
        if (x.y) {
          const z = x.ids.reduce((n, k) => n + model.w[k], 0);
          const prev = best.get(x.pair);
          if (!prev || z > prev.z) best.set(x.pair, { x, z });
        }
      const kept = examples.filter((x) => !x.y || best.get(x.pair).x === x);
      model = fit(index, kept);
    }
  return model;
}

/** Logistic regression by SGD over `examples` in their fixed order, the weights averaged over the steps. */
function fit(index, examples) {
  // averaged weights by the usual trick: u holds each update times its step, the average is w - u / steps
  const w = new Float64Array(index.size);
  const u = new Float64Array(index.size);
  const lambda = 1e-4;
  let step = 1;
  for (let e = 0; e < EPOCHS; e += 1) {
    const rate = 0.2 / (1 + e);
    for (const { ids, y } of examples) {
      let z = 0;
      for (const k of ids) z += w[k];
      const p = 1 / (1 + Math.exp(-z));
      for (const k of ids) {
        // the L2 shrink applied where the example touches (lazy, as sparse SGD does)
        const d = (y - p) * rate - rate * lambda * w[k];
        w[k] += d;
        u[k] += step * d;
      }
      step += 1;
    }
  }
  const avg = new Float64Array(index.size);
  for (let k = 0; k < avg.length; k += 1) avg[k] = w[k] - u[k] / step;
  return { index, w: avg };
}
const prob = (model, features) => {
  let z = 0;
  for (const f of features) {
    const k = model.index.get(f);
    if (k !== undefined) z += model.w[k];
  }
  return 1 / (1 + Math.exp(-z));
};

/** Per cable, the classifier's best probability for each pair. */
function scoreCables(model, cables, reader) {
  return cables.map((c) => {
    const best = new Map();
    for (const x of c.candidates) {
      if (!reader.take(x)) continue;
      const p = prob(model, reader.features(x));
      const prev = best.get(x.id);
      if (!prev || p > prev.p) best.set(x.id, { a: x.a, b: x.b, p, label: x.label, evidence: x.evidence });
    }
    return { cable: c, best };
  });
}

/** Pooled tp/system/gold of (rules | classifier | union) at threshold t. */
function evaluate(scored, t, mode) {
  let tp = 0;
  let sys = 0;
  let gold = 0;
  for (const { cable, best } of scored) {
    const pairs = new Map();
    if (mode !== 'classifier') for (const r of cable.rules) pairs.set(pairId(r.a, r.b), r);
    if (mode !== 'rules') for (const [id, x] of best) if (x.p >= t && !pairs.has(id)) pairs.set(id, x);
    const system = [...pairs.values()];
    tp += matchCount(system, cable.gold);
    sys += system.length;
    gold += cable.gold.length;
  }
  return { tp, sys, gold, p: sys ? tp / sys : 1, r: gold ? tp / gold : 1 };
}

const GRID = Array.from({ length: 19 }, (_, k) => 0.05 * (k + 1)).concat([0.97, 0.99, 1.01]);
/**
 * A threshold chosen by inner leave-one-set-out over the training sets: the one of most recall whose pooled precision
 * is at least the floor (for the union: the rules' own precision on those sets, and 0.90; for the classifier alone: 0.90).
 */
function chooseThreshold(trainSets, data, mode) {
  const reader = mode === 'union' ? READERS.residual : READERS.alone;
  const scored = [];
  for (const inner of trainSets) {
    const model = train(
      data.filter((c) => c.set !== inner && trainSets.includes(c.set)),
      reader,
    );
    scored.push(
      ...scoreCables(
        model,
        data.filter((c) => c.set === inner),
        reader,
      ),
    );
  }
  const rules = evaluate(scored, Infinity, 'rules');
  const floor = mode === 'union' ? Math.max(0.9, rules.p) : 0.9;
  let best = { t: 1.01, r: mode === 'union' ? rules.r : 0 };
  for (const t of GRID) {
    const e = evaluate(scored, t, mode);
    if (e.p >= floor && e.r > best.r) best = { t, r: e.r };
  }
  return best.t;
}

const sum = (parts) => {
  const tp = parts.reduce((n, e) => n + e.tp, 0);
  const sys = parts.reduce((n, e) => n + e.sys, 0);
  const gold = parts.reduce((n, e) => n + e.gold, 0);
  return { tp, sys, gold, p: sys ? tp / sys : 1, r: gold ? tp / gold : 1 };
};

/** The gold pairs some candidate (or a rule) would match: the most any reader of these candidates can find. */
function ceiling(cables) {
  let hit = 0;
  let all = 0;
  for (const c of cables) {
    const sys = new Map();
    for (const r of c.rules) sys.set(pairId(r.a, r.b), r);
    for (const x of c.candidates) sys.set(x.id, x);
    hit += matchCount([...sys.values()], c.gold);
    all += c.gold.length;
  }
  return { hit, all };
}

async function main() {
  const data = await readData();
  const f3 = (x) => x.toFixed(3);
  const row = (label, e) => `${label} ${f3(e.p)}/${f3(e.r)} (${e.tp}/${e.sys})`;
  const nCand = data.reduce((n, c) => n + c.candidates.length, 0);
  const nPos = data.reduce((n, c) => n + c.candidates.filter((x) => x.label).length, 0);
  let outside = 0;
  let useful = 0;
  for (const c of data) {
    const seen = new Map();
    for (const x of c.candidates) if (!x.ruled) seen.set(x.id, x);
    outside += seen.size;
    useful += [...seen.values()].filter((x) => x.useful).length;
  }
  console.log(
    `${data.length} cables, ${nCand} candidates (${nPos} positive) in ${data.reduce((n, c) => n + new Set(c.candidates.map((x) => x.id)).size, 0)} cable pairs; ` +
      `${outside} pairs outside the rules, ${useful} of which would add a right pair; epochs ${EPOCHS}`,
  );
  console.log(
    "set    ceiling  (a) rules P/R     (b) alone p>=0.5   (b') alone@t (P>=0.9 inside)  (c) rules+residual@t",
  );
  const results = [];
  const outAlone = [];
  const outResidual = [];
  for (const left of sets) {
    const trainSets = trainingSetsFor(left);
    const training = data.filter((c) => trainSets.includes(c.set));
    const test = data.filter((c) => c.set === left);
    const alone = scoreCables(train(training, READERS.alone), test, READERS.alone);
    const residual = scoreCables(train(training, READERS.residual), test, READERS.residual);
    outAlone.push(...alone);
    outResidual.push(...residual);
    const tAlone = chooseThreshold(trainSets, data, 'classifier');
    const tUnion = chooseThreshold(trainSets, data, 'union');
    const r = {
      set: left,
      ceiling: ceiling(test),
      thresholds: { alone: tAlone, union: tUnion },
      rules: evaluate(alone, Infinity, 'rules'),
      alone: evaluate(alone, 0.5, 'classifier'),
      aloneAtT: evaluate(alone, tAlone, 'classifier'),
      union: evaluate(residual, tUnion, 'union'),
    };
    results.push(r);
    console.log(
      `${left.padEnd(6)} ${`${r.ceiling.hit}/${r.ceiling.all}`.padEnd(8)} ${row('', r.rules).padEnd(19)} ${row('', r.alone).padEnd(19)} ${row(`@${tAlone.toFixed(2)}`, r.aloneAtT).padEnd(26)} ${row(`@${tUnion.toFixed(2)}`, r.union)}`,
    );
  }
  const ceil = ceiling(data);
  const pooled = Object.fromEntries(
    ['rules', 'alone', 'aloneAtT', 'union'].map((k) => [k, sum(results.map((r) => r[k]))]),
  );
  console.log(
    `pooled ${`${ceil.hit}/${ceil.all}`.padEnd(8)} ${row('', pooled.rules).padEnd(19)} ${row('', pooled.alone).padEnd(19)} ${row('', pooled.aloneAtT).padEnd(26)} ${row('', pooled.union)}`,
  );
  // curves over the outer folds' scores (each set scored by the model that did not train on it), for reading only:
  // the thresholds used above were chosen inside the training folds
  const curve = (scored, mode) =>
    GRID.slice(0, -1)
      .map((t) => {
        const e = evaluate(scored, t, mode);
        return `${t.toFixed(2)} ${f3(e.p)}/${f3(e.r)} (${e.tp}/${e.sys})`;
      })
      .join(', ');
  console.log(`alone by threshold: ${curve(outAlone, 'classifier')}`);
  console.log(`rules + residual by threshold: ${curve(outResidual, 'union')}`);
  if (process.argv.includes('--errors'))
    // the classifier alone's wrong pairs at p >= 0.5 and the gold pairs it misses, each by the fold that did not train on it
    for (const { cable, best } of outAlone) {
      const lines = [];
      for (const x of best.values())
        if (x.p >= 0.5 && !x.label)
          lines.push(`  + ${x.a} | ${x.b} ${x.p.toFixed(2)}  « ${x.evidence.slice(0, 160)} »`);
      const found = [...best.values()].filter((x) => x.p >= 0.5);
      for (const g of cable.gold)
        if (!found.some((x) => pairEq(x, g))) {
          const near = [...best.values()].find((x) => pairEq(x, g));
          lines.push(
            `  - ${g.a} | ${g.b}${near ? ` ${near.p.toFixed(2)}  « ${near.evidence.slice(0, 160)} »` : ' (no candidate)'}`,
          );
        }
      if (lines.length) console.log(`${cable.set} ${cable.id}\n${lines.join('\n')}`);
    }
  const jsonFile = opt('--json');
  if (jsonFile)
    fs.writeFileSync(jsonFile, `${JSON.stringify({ epochs: EPOCHS, ceiling: ceil, results, pooled }, null, 2)}\n`);
}
main().catch((e) => {
  console.error(e.stack ?? e);
  process.exit(1);
});
