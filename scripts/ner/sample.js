#!/usr/bin/env node
/**
 * Picks the seeded, stratified sample of corpus cables to annotate for NER training:
 *   node scripts/ner/sample.js [--n 300] [--seed cablegraph-ner-1] [--out scripts/ner/sample.txt] [--extend]
 *
 * Pool: every Cable Viewer page under ../shared/corpus/cablegate/cable, minus the 20 gold cables
 * (their ids are the file names of ../shared/gold/annotations; nothing else of gold is read).
 * Strata, from the parsed text: "old" (before 2004 — rare in the corpus, so all kept),
 * "caps" (all-caps cables: under 10% of letters lower-case) and "mixed" (mixed case).
 * The sample is proportional to the pool, except that the all-caps stratum gets at least 35%
 * because all-caps text is its own error class. Within a stratum cables are drawn round-robin
 * over origin posts (posts and each post's cables in seeded random order), so no post dominates.
 * Near-duplicates are left out: a page whose text mostly repeats a gold cable or a cable drawn
 * before it (8-word shingles, over half shared) — the corpus holds a few cables on two pages.
 * The annotation order interleaves the strata so that any prefix of sample.txt keeps the mix.
 * Deterministic: the same seed and corpus give the same file.
 * --extend: grows an existing sample.txt to --n ids without reordering it: the ids it holds stay
 * first, in their order, and the ids a draw of --n adds come after them in that draw's order (a
 * larger draw interleaves the strata differently, so its own order would reshuffle the prefix that
 * is already annotated). Ids that follow the stratified prefix (appended by --org-rich) keep their
 * place; ids of the larger draw already anywhere in the file are skipped, the new ones appended.
 * --org-rich K (with --extend): appends K more ids chosen for organization names, not at random:
 * mixed-case cables of the pool not yet in sample.txt, at most --max-chars long (default 7000),
 * ranked by a text-only density of organization cues per 1,000 characters (organization head words
 * such as Ministry, Embassy, Party, Council, Commission, Agency, Company, and all-caps acronyms of
 * 2-8 letters outside the TAGS/E.O./classification lines), at most two per post, near-duplicates
 * left out. No extractor output is used. Ids after this point are a biased draw (see the README).
 * --exclude-relations (with --org-rich): leaves out the cables of the relation sets (ids in
 * scripts/relations/*.tsv and the JSON files of its subfolders), which are kept for scoring relations.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { corpusPages, goldIds, parsedCable } = require('./lib');

const { args, opt } = require('../lib/cli-args');
const N = Number(opt('--n', '300'));
const SEED = opt('--seed', 'cablegraph-ner-1');
const OUT = path.resolve(opt('--out', path.join(__dirname, 'sample.txt')));
const EXTEND = args.includes('--extend');
const MIN_CAPS_SHARE = 0.35;
const ORG_RICH = Number(opt('--org-rich', '0'));
const MAX_CHARS = Number(opt('--max-chars', '7000'));
const EXCLUDE_RELATIONS = args.includes('--exclude-relations');
const ORG_HEADS =
  /\b(?:Ministry|Ministries|Embassy|Consulate|Party|Parties|Council|Commission|Committee|Agency|Authority|Company|Corporation|Bank|Union|Organization|Organisation|Army|Navy|Forces|Police|Department|Office|Assembly|Parliament|Congress|Court|Government|Administration|Movement|Front|Institute|University|Association|Federation|Foundation)\b/g;
const NOT_ACRONYMS = new Set([
  'SUBJECT',
  'REF',
  'REFS',
  'TAGS',
  'SIPDIS',
  'NOFORN',
  'SBU',
  'FOR',
  'AND',
  'THE',
  'OF',
  'END',
  'NOTE',
  'COMMENT',
  'SUMMARY',
  'CONFIDENTIAL',
  'SECRET',
  'UNCLASSIFIED',
  'DECL',
  'REASON',
  'REASONS',
  'BY',
  'EO',
  'II',
  'III',
  'IV',
  'US',
  'USD',
]);

/** Organization cues per 1,000 characters of a mixed-case text (head words and all-caps acronyms). */
function orgDensity(text) {
  const body = text
    .split('\n')
    .filter((l) => !/^\s*(?:TAGS|E\.\s?O\.|Classified By|CLASSIFIED BY|SUBJECT)\b/.test(l))
    .join('\n')
    .replace(/\((?:U|C|S|SBU|S\/NF|C\/NF)\)/g, '');
  const heads = (body.match(ORG_HEADS) || []).length;
  const acronyms = (body.match(/\b[A-Z]{2,8}\b/g) || []).filter((w) => !NOT_ACRONYMS.has(w)).length;
  return (1000 * (heads + acronyms)) / Math.max(1, body.length);
}

/** mulberry32 seeded from a string hash: a small, well-known deterministic PRNG. */
function rng(seed) {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(list, rand) {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function yearOf(id) {
  const yy = Number(id.slice(0, 2));
  return yy >= 60 ? 1900 + yy : 2000 + yy;
}
function originOf(id) {
  return (/^\d{2}([A-Z]+)\d+/.exec(id) || [])[1] || 'UNKNOWN';
}
function lowerShare(text) {
  let lower = 0;
  let letters = 0;
  for (const ch of text) {
    if (/[a-z]/.test(ch)) {
      lower++;
      letters++;
    } else if (/[A-Z]/.test(ch)) letters++;
  }
  return letters ? lower / letters : 0;
}

/** Round-robin over posts (seeded order), each post's cables in seeded order. */
function roundRobin(cables, rand) {
  const byPost = new Map();
  for (const c of cables) {
    if (!byPost.has(c.origin)) byPost.set(c.origin, []);
    byPost.get(c.origin).push(c);
  }
  const queues = shuffle([...byPost.keys()].sort(), rand).map((p) => shuffle(byPost.get(p), rand));
  const out = [];
  while (queues.some((q) => q.length)) for (const q of queues) if (q.length) out.push(q.shift());
  return out;
}

/** 8-word shingles of a text (letters only, lower-cased): near-duplicate pages share most of them. */
function shingles(text) {
  const words =
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/[a-z]+/g) || [];
  const out = new Set();
  for (let i = 0; i + 8 <= words.length; i++) out.add(words.slice(i, i + 8).join(' '));
  return out;
}
const NEAR_DUPLICATE = 0.5;

/** Drops cables whose text is mostly that of a gold cable or of a cable kept before it (same cable on two pages). */
function dropNearDuplicates(ordered, goldShingles) {
  const seen = new Map(); // shingle -> index into keptSets
  const keptSets = [];
  const add = (set) => {
    const k = keptSets.push(set) - 1;
    for (const x of set) {
      if (!seen.has(x)) seen.set(x, []);
      seen.get(x).push(k);
    }
  };
  goldShingles.forEach(add);
  const kept = [];
  for (const c of ordered) {
    const shared = new Map();
    for (const x of c.shingles) for (const k of seen.get(x) || []) shared.set(k, (shared.get(k) || 0) + 1);
    const dup = [...shared].some(
      ([k, n]) => n / Math.max(1, Math.min(c.shingles.size, keptSets[k].size)) > NEAR_DUPLICATE,
    );
    if (dup) {
      console.error(`near-duplicate text, left out: ${c.id}`);
      continue;
    }
    kept.push(c);
    add(c.shingles);
  }
  return kept;
}

/** The K cables richest in organization cues that are not in the sample yet (see --org-rich). */
function orgRich(pool, inSample, goldShingles, k, excluded = new Set()) {
  const byId = new Map(pool.map((c) => [c.id, c]));
  const candidates = pool
    .filter((c) => !inSample.has(c.id) && !excluded.has(c.id) && c.stratum === 'mixed' && c.chars <= MAX_CHARS)
    .sort((a, b) => b.orgDensity - a.orgDensity || (a.id < b.id ? -1 : 1));
  // The sampled cables go first so that a candidate repeating one of them is dropped.
  const sampled = [...inSample].map((id) => byId.get(id)).filter(Boolean);
  const unique = dropNearDuplicates([...sampled, ...candidates], goldShingles).filter((c) => !inSample.has(c.id));
  const perPost = new Map();
  const out = [];
  for (const c of unique) {
    if (out.length >= k) break;
    if ((perPost.get(c.origin) || 0) >= 2) continue;
    perPost.set(c.origin, (perPost.get(c.origin) || 0) + 1);
    out.push(c);
  }
  console.error(
    `org-rich: ${out.length} ids appended, density ${out[0]?.orgDensity.toFixed(1)} to ${out[out.length - 1]?.orgDensity.toFixed(1)} cues per 1,000 chars (pool median ${median(candidates.map((c) => c.orgDensity)).toFixed(1)})`,
  );
  return out.map((c) => c.id);
}
/** The cables of the relation sets (scripts/relations/*.tsv, first column, and ID.json in its subfolders). */
function relationIds() {
  const dir = path.join(__dirname, '..', 'relations');
  const ids = new Set();
  for (const f of fs.readdirSync(dir)) {
    if (fs.statSync(path.join(dir, f)).isDirectory())
      for (const g of fs.readdirSync(path.join(dir, f))) if (g.endsWith('.json')) ids.add(g.slice(0, -5));
    if (f.endsWith('.tsv'))
      for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
        const id = line.split('\t')[0].trim();
        if (id) ids.add(id);
      }
  }
  return ids;
}
const median = (xs) => (xs.length ? xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] : 0);

async function main() {
  const gold = goldIds();
  const pool = [];
  const goldShingles = [];
  for (const { id } of corpusPages()) {
    if (gold.has(id)) {
      goldShingles.push(shingles((await parsedCable(id)).text));
      continue;
    }
    const cable = await parsedCable(id);
    if (!cable.text || cable.text.trim().length < 200) continue; // nothing to annotate
    const year = yearOf(id);
    const stratum = year < 2004 ? 'old' : lowerShare(cable.text) < 0.1 ? 'caps' : 'mixed';
    pool.push({
      id,
      origin: originOf(id),
      year,
      stratum,
      shingles: shingles(cable.text),
      chars: cable.text.length,
      orgDensity: stratum === 'mixed' ? orgDensity(cable.text) : 0,
    });
  }
  const rand = rng(SEED);
  const strata = { old: [], caps: [], mixed: [] };
  for (const c of pool) strata[c.stratum].push(c);
  const want = {};
  want.old = Math.min(strata.old.length, N);
  const rest = N - want.old;
  const capsShare = Math.max(MIN_CAPS_SHARE, strata.caps.length / (strata.caps.length + strata.mixed.length));
  want.caps = Math.min(strata.caps.length, Math.round(rest * capsShare));
  want.mixed = Math.min(strata.mixed.length, rest - want.caps);
  const picked = {};
  const drawn = {};
  for (const s of ['old', 'caps', 'mixed']) drawn[s] = roundRobin(strata[s], rand);
  const unique = new Set(dropNearDuplicates([...drawn.old, ...drawn.caps, ...drawn.mixed], goldShingles));
  for (const s of ['old', 'caps', 'mixed']) {
    picked[s] = drawn[s].filter((c) => unique.has(c)).slice(0, want[s]);
    want[s] = picked[s].length;
  }
  // Interleave: at each step take from the stratum furthest behind its share.
  const total = want.old + want.caps + want.mixed;
  const taken = { old: 0, caps: 0, mixed: 0 };
  const order = [];
  for (let k = 1; k <= total; k++) {
    let best;
    let lag = -Infinity;
    for (const s of ['old', 'caps', 'mixed']) {
      if (taken[s] >= want[s]) continue;
      const l = (k * want[s]) / total - taken[s];
      if (l > lag) {
        lag = l;
        best = s;
      }
    }
    order.push(picked[best][taken[best]++]);
  }
  let ids = order.map((c) => c.id);
  if (EXTEND) {
    const before = fs.readFileSync(OUT, 'utf8').split('\n').filter(Boolean);
    const drawnIds = new Set(ids);
    // The stratified prefix is the block of drawn ids that opens the file; ids after it that are in
    // no stratified draw were appended by --org-rich draws (a larger stratified draw may also hold
    // ids that an org-rich draw appended: they keep their place and are skipped below). A draw with
    // another seed or corpus would leave the prefix almost empty: refuse it.
    const firstOther = before.findIndex((id) => !drawnIds.has(id));
    const prefix = firstOther < 0 ? before.length : firstOther;
    const drawnBefore = before.filter((id) => drawnIds.has(id)).length;
    if (prefix < drawnBefore / 2)
      throw new Error(
        `${OUT}: only the first ${prefix} ids are in a draw of ${N} with seed ${SEED} (${before[prefix]} is not): not extended`,
      );
    const kept = new Set(before);
    ids = [...before, ...ids.filter((id) => !kept.has(id))];
  }
  if (ORG_RICH > 0) {
    if (!EXTEND) throw new Error('--org-rich appends to an existing sample: use it with --extend');
    ids = ids.concat(
      orgRich(pool, new Set(ids), goldShingles, ORG_RICH, EXCLUDE_RELATIONS ? relationIds() : undefined),
    );
  }
  fs.writeFileSync(OUT, ids.join('\n') + '\n');
  const posts = new Set(order.map((c) => c.origin)).size;
  console.error(
    `pool ${pool.length} (old ${strata.old.length}, caps ${strata.caps.length}, mixed ${strata.mixed.length}); ` +
      `sample ${ids.length}${EXTEND ? ' (extended)' : ''} (old ${want.old}, caps ${want.caps}, mixed ${want.mixed}) over ${posts} posts, seed ${SEED} -> ${path.relative(process.cwd(), OUT)}`,
  );
}
main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exit(1);
});
