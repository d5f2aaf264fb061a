#!/usr/bin/env node
/**
 * Writes a synthetic cables.csv of N cables (default 251,287, the size of the real corpus) by
 * recombining the real cables of ../shared/corpus — for benchmarks only, never committed.
 *
 *   npm run build && node scripts/gen-corpus.js [-n 251287] [-o out/cables-251287.csv] [--seed 1]
 *
 * Each generated cable takes a real cable as its template (routing header, TAGS, SUBJECT,
 * classification, size) and gets:
 * - a new reference id (`09PARIS123456`-style: the template's post, a new year, a fresh serial)
 *   and a date drawn from the year histogram of the real corpus (most 2004–2010; every year from
 *   1966 on has some), with a matching date-time group in its routing header;
 * - mostly (90%) its template's own paragraphs in order, the rest drawn from the whole pool of real
 *   paragraphs (so cables are new mixtures, not copies), about as many as the template had;
 * - about 30% of its capitalized words renamed, consistently within the cable, each from that real
 *   word's own Pitman–Yor pool of syllable names (a renamed place stays a place, a surname a
 *   surname; names recur with Zipf-like frequencies and new ones keep appearing as N grows);
 * - in a quarter of the cables, one generated meeting sentence naming people, organizations and
 *   places (places from city-timezones).
 * The README (*The generated corpus against the real sample*) compares it with the real sample.
 * Output is streamed (constant memory) with RFC 4180 quoting, in the cables.csv column layout.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const USAGE = 'usage: node scripts/gen-corpus.js [-n 251287] [-o out/cables-N.csv] [--seed 1] [--corpus cables.csv]';
/** The command line's options (node:util parseArgs: strict, so a mistyped or positional argument is an error, not ignored). */
function readOptions() {
  let options;
  try {
    options = require('node:util').parseArgs({
      options: {
        count: { type: 'string', short: 'n' },
        out: { type: 'string', short: 'o' },
        seed: { type: 'string' },
        corpus: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`gen-corpus: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const N = Number(options.count ?? 251287);
  if (!Number.isInteger(N) || N < 1) {
    console.error('gen-corpus: -n wants a positive integer');
    process.exit(2);
  }
  return {
    N,
    OUT: options.out ?? path.join(ROOT, 'out', `cables-${N}.csv`),
    SEED: Number(options.seed ?? 1),
    CORPUS: options.corpus ?? path.join(ROOT, '..', 'shared', 'corpus', 'cables-sample.csv'),
  };
}

let dist;
try {
  dist = { ingest: require(path.join(ROOT, 'dist/ingest')), parse: require(path.join(ROOT, 'dist/parse')) };
} catch {
  console.error('gen-corpus: run `npm run build` first (needs dist/)');
  process.exit(2);
}
const cities = require('city-timezones').cityMapping;

const { seededRandom } = require(path.join(ROOT, 'dist/common/random'));
// Seeded by main (--seed); a module that requires this file gets seed 1.
let random = seededRandom(1);
const pick = (list) => list[Math.floor(random() * list.length)];

/** Pitman–Yor "Chinese restaurant": returns an existing item (by popularity) or a new one. */
function pitmanYor(discount, strength, makeNew) {
  const items = [];
  const counts = [];
  let total = 0;
  return () => {
    const tables = items.length;
    if (random() * (total + strength) < strength + discount * tables || tables === 0) {
      items.push(makeNew(tables));
      counts.push(1);
      total += 1;
      return items[tables];
    }
    let r = random() * (total - discount * tables);
    for (let i = 0; i < tables; i += 1) {
      r -= counts[i] - discount;
      if (r <= 0) {
        counts[i] += 1;
        total += 1;
        return items[i];
      }
    }
    counts[tables - 1] += 1;
    total += 1;
    return items[tables - 1];
  };
}

const SYLLABLES = [
  'ka',
  'ro',
  'vin',
  'del',
  'mar',
  'to',
  'li',
  'sen',
  'ba',
  'ra',
  'nu',
  'ch',
  'ev',
  'ski',
  'ov',
  'ez',
  'al',
  'an',
  'ti',
  'go',
  'mo',
  'ren',
  'dar',
  'is',
  'ha',
  'kim',
  'sa',
  'zu',
  'lo',
  'fe',
];
const FIRST = [
  'Ahmed',
  'Maria',
  'John',
  'Olivier',
  'Svetlana',
  'Hiroshi',
  'Fatima',
  'Carlos',
  'Anna',
  'Mohammed',
  'Pierre',
  'Elena',
  'David',
  'Ali',
  'Sofia',
  'Jean',
  'Ivan',
  'Li',
  'Amina',
  'Jorge',
];
const syllableName = (k, longer = 0) => {
  let s = '';
  for (let i = 0, parts = 2 + (k % 2) + longer; i < parts; i += 1) s += pick(SYLLABLES);
  return s[0].toUpperCase() + s.slice(1);
};
/**
 * Every generated name belongs to one origin (the real word it replaces, or a generator): a name
 * made for a place never turns up as a person's surname elsewhere, which would join the two (real
 * names seldom change kind from cable to cable). A name taken is drawn again, longer after misses.
 */
const owners = new Map();
const freshName = (owner, k) => {
  for (let attempt = 0; ; attempt += 1) {
    const name = syllableName(k, Math.floor(attempt / 8));
    if (!owners.has(name) || owners.get(name) === owner) {
      owners.set(name, owner);
      return name;
    }
  }
};
const nextPerson = pitmanYor(0.5, 5, (k) => `${pick(FIRST)} ${freshName('person', k)}`);
const ORG_KINDS = [
  'Ministry of Foreign Affairs',
  'Ministry of Defense',
  'Ministry of Interior',
  'National Security Council',
  'Central Bank',
  'Supreme Court',
  'Electoral Commission',
];
const nextOrg = pitmanYor(
  0.3,
  3,
  () =>
    `${pick(['National', 'United', 'Democratic', 'Popular', 'Independent'])} ${freshName('organization', 3)} ${pick(['Party', 'Front', 'Movement', 'Union', 'Council'])}`,
);
const nextPlace = pitmanYor(0.4, 10, () => pick(cities).city);
const TITLES = ['Minister', 'Deputy Minister', 'Ambassador', 'Governor', 'General', 'Senator', 'Director', 'Advisor'];
/** Share of a generated cable's paragraphs taken from its template cable (the rest: from the pool). */
const OWN_SHARE = 0.9;
/** Share of the capitalized names of a generated cable replaced by generated names (the same one throughout the cable). */
const RENAME_SHARE = 0.3;
/**
 * The names that replace each real word, drawn by Pitman–Yor per word: a renamed place stays a
 * place and a renamed surname a surname, recurring with Zipf-like frequencies, new ones appearing
 * as the corpus grows.
 */
const replacements = new Map();
const replacementOf = (word) => {
  let draw = replacements.get(word);
  if (!draw) replacements.set(word, (draw = pitmanYor(0.5, 2, (k) => freshName(word, k))));
  return draw();
};
/** A stable stand-in (from FIRST) for the given name `given` before the renamed surname `surname`. */
const givenFor = (given, surname) => {
  let h = 0;
  for (const ch of `${given} ${surname}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return FIRST[h % FIRST.length];
};

/**
 * Replaces about RENAME_SHARE of the capitalized words in a cable's text by generated ones,
 * consistently within the cable (`names`): a run of capitalized words is renamed by its last word,
 * as that word is alone (a surname after its full name), and the word before it made to match (the
 * same full name wherever that surname stands in).
 */
function rename(text, names) {
  const word = (w) => {
    let renamed = names.get(w);
    if (renamed === undefined) {
      renamed = random() < RENAME_SHARE ? replacementOf(w) : w;
      names.set(w, renamed);
    }
    return renamed;
  };
  const renameRun = (words) => {
    const last = words.length - 1;
    const renamed = word(words[last]);
    if (renamed === words[last]) return words;
    // (a title before a full name stays: "President Barack Obama" → "President <given> <surname>")
    if (last > 0) words[last - 1] = givenFor(words[last - 1], renamed);
    words[last] = renamed;
    return words;
  };
  return text.replace(/\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})*\b/g, (run, offset) => {
    const before = text.slice(Math.max(0, offset - 3), offset);
    // A run opening a sentence stays whole (its first word is mostly not a name; renaming the rest
    // too gave more distinct co-mentions per cable than the real sample has, 312 against 223).
    return offset === 0 || /[.:;)]\s*$|^\s*$|\n\s*$/.test(before) ? run : renameRun(run.split(' ')).join(' ');
  });
}
const CLASS_MARK = { UNCLASSIFIED: 'U', CONFIDENTIAL: 'C', SECRET: 'S' };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const csvField = (s) => `"${String(s).replace(/"/g, '""')}"`;

async function main() {
  const { N, OUT, SEED, CORPUS } = readOptions();
  random = seededRandom(SEED);
  const templates = [];
  const paragraphs = [];
  const signers = [];
  const years = new Map();
  for await (const raw of dist.ingest.readCables([CORPUS])) {
    const cable = dist.parse.parseCable(raw);
    const post = (/^\d{2}([A-Z]+?)\d+$/.exec(cable.id) || [])[1];
    if (!post) continue;
    const firstPara = cable.paragraphs.find((p) => p.number !== undefined);
    const head = firstPara ? cable.text.slice(0, firstPara.start) : cable.text.slice(0, 600);
    const own = cable.paragraphs
      .filter((p) => p.number !== undefined && p.text.length > 40)
      .map((p) => p.text.replace(/^\s*\d+\s*\.\s*/, ''));
    templates.push({
      post,
      origin: raw.metadata.origin ?? cable.origin,
      classification: raw.metadata.classification ?? 'UNCLASSIFIED',
      header: raw.header ?? '',
      head,
      paragraphCount: Math.max(1, cable.paragraphs.length),
      own,
    });
    for (const text of own) if (text.length > 80) paragraphs.push(text);
    for (const s of cable.signers) signers.push(s);
    const year = Number(cable.created.slice(0, 4));
    years.set(year, (years.get(year) ?? 0) + 1);
  }
  // The sample's year histogram, with every year 1966–2003 given a floor so early years exist at scale.
  const yearWeights = [];
  for (let y = 1966; y <= 2010; y += 1) yearWeights.push([y, Math.max(years.get(y) ?? 0, y < 2004 ? 0.6 : 2)]);
  const weightTotal = yearWeights.reduce((s, [, w]) => s + w, 0);
  const drawYear = () => {
    let r = random() * weightTotal;
    for (const [y, w] of yearWeights) if ((r -= w) <= 0) return y;
    return 2010;
  };

  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const out = fs.createWriteStream(OUT);
  const serials = new Map();
  let bytes = 0;
  const started = Date.now();
  for (let i = 1; i <= N; i += 1) {
    const t = pick(templates);
    const year = drawYear();
    const yy = pad(year % 100);
    const serialKey = `${yy}${t.post}`;
    const serial = (serials.get(serialKey) ?? 0) + 1;
    serials.set(serialKey, serial);
    const id = `${yy}${t.post}${serial}`;
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const hour = Math.floor(random() * 24);
    const minute = Math.floor(random() * 60);
    const dtg = `${pad(day)}${pad(hour)}${pad(minute)}Z ${MONTHS[month - 1]} ${yy}`;
    const header = t.header ? t.header.replace(/\b\d{6}Z [A-Z]{3} \d{2}\b/, dtg) : `R ${dtg}`;
    const mark = CLASS_MARK[t.classification.split('//')[0]] ?? 'U';
    const count = Math.max(1, Math.round(t.paragraphCount * (0.6 + random() * 0.8)));
    // The serial line (`STATE 083026`) and the declassification date follow the new id and year.
    const head = t.head
      .replace(
        /^([^\n]*(?:UNCLAS|CONFIDENTIAL|SECRET|C O N F|S E C R|U N C L|LIMITED OFFICIAL)[^\n]*?)\b0*\d{1,6}([ \t]*)$/im,
        (_m, before, after) => `${before}${pad(serial, 6)}${after}`,
      )
      .replace(/\b(\d{2}\/\d{2}\/)\d{4}\b/, `$1${year + 10}`);
    const body = [head.trimEnd(), ''];
    const meetings = random() < 0.25 ? 1 : 0;
    const names = new Map();
    for (let k = 1; k <= count; k += 1) {
      // Mostly the template's own paragraphs, in order (a real cable's paragraphs name the same
      // people and places again), some from anywhere in the pool (new mixtures, new pairs).
      let text = rename(
        t.own.length > 0 && random() < OWN_SHARE ? t.own[(k - 1) % t.own.length] : pick(paragraphs),
        names,
      );
      if (k <= meetings) {
        const who = nextPerson();
        const other = nextPerson();
        text = `(${mark}) ${pick(TITLES)} ${who} of the ${random() < 0.5 ? pick(ORG_KINDS) : nextOrg()} met ${other} in ${nextPlace()} on ${MONTHS[month - 1].toLowerCase()} ${day}. ${who.split(' ').pop()} said the ${nextOrg()} would follow up. ${text.replace(/^\([A-Z/ ]+\)\s*/, '')}`;
      }
      body.push(`${k}. ${text.trim()}`, '');
    }
    body.push(pick(signers) ?? 'SMITH');
    const text = body.join('\n');
    const row =
      [
        i,
        `${pad(month)}/${pad(day)}/${year} ${pad(hour)}:${pad(minute)}`,
        id,
        t.origin,
        t.classification,
        '',
        header,
        text,
      ]
        .map(csvField)
        .join(',') + '\n';
    bytes += Buffer.byteLength(row);
    if (!out.write(row)) await new Promise((resolve) => out.once('drain', resolve));
    if (i % 50000 === 0) process.stderr.write(`gen-corpus: ${i} cables, ${(bytes / 1e6).toFixed(0)} MB\n`);
  }
  await new Promise((resolve) => out.end(resolve));
  console.log(
    `gen-corpus: wrote ${N} cables, ${(bytes / 1e6).toFixed(1)} MB, to ${OUT} in ${((Date.now() - started) / 1000).toFixed(1)} s (from ${templates.length} templates, ${paragraphs.length} paragraphs)`,
  );
}

if (require.main === module)
  main().catch((error) => {
    console.error(`gen-corpus: ${error.message}`);
    process.exit(1);
  });

module.exports = { rename, RENAME_SHARE };
