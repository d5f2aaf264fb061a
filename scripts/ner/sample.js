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
 * is already annotated).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { corpusPages, goldIds, parsedCable } = require('./lib');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const N = Number(opt('--n', '300'));
const SEED = opt('--seed', 'cablegraph-ner-1');
const OUT = path.resolve(opt('--out', path.join(__dirname, 'sample.txt')));
const EXTEND = args.includes('--extend');
const MIN_CAPS_SHARE = 0.35;

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
    pool.push({ id, origin: originOf(id), year, stratum, shingles: shingles(cable.text) });
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
    const lost = before.filter((id) => !drawnIds.has(id));
    if (lost.length)
      throw new Error(
        `${OUT}: ${lost.length} ids are not in a draw of ${N} with seed ${SEED} (${lost.slice(0, 3).join(', ')}…): not extended`,
      );
    const kept = new Set(before);
    ids = [...before, ...ids.filter((id) => !kept.has(id))];
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
