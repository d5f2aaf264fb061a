#!/usr/bin/env node
/**
 * Error classes of the tagger's cross-validation predictions, counted: which kinds of mistake the
 * held-out cables show, per type, at the span level (every occurrence) and at the entity level
 * (what eval-entities.js scores).
 *
 *   node scripts/eval-entities.js --cv 5 --errors --dump /tmp/cv.jsonl > /tmp/cv.txt
 *   node scripts/ner/errors.js --dump /tmp/cv.jsonl [--errors /tmp/cv.txt] [--examples 8]
 *
 * Span level (the dump: each held-out cable's annotated and tagged spans): exact; same bounds but
 * another type; boundary (overlapping, same type: taken in or left out on the left or right, and
 * the words concerned: a demonym "Spanish", a head noun "government", a title, "the"); boundary and
 * type; spurious (no annotated span overlaps) and missed (no tagged span overlaps), each by its
 * form (acronym, all-caps word, one capitalized word, several words) and where it stands
 * (header/routing before the first paragraph, the subject line, an all-caps line, running text).
 * Entity level (the `--errors` lines FP/FN of the same run): a false positive and a false
 * negative of one cable with the same key are a type confusion, with overlapping keys a boundary
 * error; the rest spurious or missed, by form. Cable texts are read from ../shared/corpus.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

require('../lib/ts-require');
const ROOT = path.join(__dirname, '..', '..');
const { opt } = require('../lib/cli-args');
const dumpFile = opt('--dump');
const errorsFile = opt('--errors');
const EXAMPLES = Number(opt('--examples', '6'));
if (!dumpFile) {
  console.error('usage: node scripts/ner/errors.js --dump FILE [--errors CV_OUTPUT] [--examples N]');
  process.exit(2);
}
const corpus = path.resolve(opt('--corpus', path.join(ROOT, '..', 'shared', 'corpus')));
const { DEMONYMS, TITLES, ORG_HEADS } = require(path.join(ROOT, 'src/lexicon/gazetteer.ts'));

/** Counts with a few examples per class. */
class Tally {
  constructor() {
    this.map = new Map();
  }
  add(key, example) {
    let e = this.map.get(key);
    if (!e) this.map.set(key, (e = { n: 0, ex: new Map() }));
    e.n++;
    if (example) e.ex.set(example, (e.ex.get(example) ?? 0) + 1);
  }
  print(title) {
    const rows = [...this.map].sort((a, b) => b[1].n - a[1].n);
    const total = rows.reduce((s, [, e]) => s + e.n, 0);
    console.log(`\n## ${title} (${total})\n\n| class | count | commonest examples |\n|---|---|---|`);
    for (const [k, e] of rows) {
      const ex = [...e.ex]
        .sort((a, b) => b[1] - a[1])
        .slice(0, EXAMPLES)
        .map(([s, c]) => (c > 1 ? `${s} ×${c}` : s))
        .join('; ');
      console.log(`| ${k} | ${e.n} | ${ex.replace(/\|/g, '¦').replace(/\n/g, ' ')} |`);
    }
  }
}

/** The form of a name: an acronym, an all-caps word, one capitalized word, several words. */
function form(s) {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 1) {
    if (/^[A-Z][A-Z0-9.&/-]{0,6}$/.test(s) && s.replace(/[^A-Z]/g, '').length >= 2) return 'acronym';
    if (s === s.toUpperCase()) return 'caps word';
    if (/^[a-z]/.test(s)) return 'lower word';
    return 'one word';
  }
  return s === s.toUpperCase() ? 'caps words' : 'words';
}

/** Where offset `at` stands: header (before paragraph 1), subject line, an all-caps line, or text. */
function place(text, at, firstPara) {
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  let le = text.indexOf('\n', at);
  if (le < 0) le = text.length;
  const line = text.slice(ls, le);
  if (/^\s*SUBJ(?:ECT)?\b/i.test(line)) return 'subject';
  if (at < firstPara) return 'header';
  if (!/[a-z]/.test(line)) return 'caps line';
  return 'text';
}

/** The kind of the words a boundary error takes in or leaves out. */
function extraKind(words) {
  const w = words.trim();
  if (!w) return 'punct';
  const lower = w.toLowerCase().replace(/[.,]$/, '');
  if (lower === 'the') return 'the';
  if (DEMONYMS.has(lower)) return 'demonym';
  if (ORG_HEADS.has(lower) || /^(?:government|administration|regime|ministry|embassy)$/.test(lower)) return 'head noun';
  if (TITLES.has(lower)) return 'title';
  if (/^[^\p{L}]+$/u.test(w)) return 'punct';
  if (/^[a-z]/.test(w)) return 'lower words';
  return 'capitalized words';
}

async function texts(ids) {
  const { readCables } = require(path.join(ROOT, 'src/ingest/index.ts'));
  const { processCables } = require(path.join(ROOT, 'src/pipeline/pool.ts'));
  const pages = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html') && ids.has(e.name.slice(0, -5))) pages.push(p);
    }
  };
  walk(corpus);
  pages.sort();
  const out = new Map();
  for await (const p of processCables(readCables(pages, {}), { ner: 'none', workers: 0 }))
    if (!out.has(p.cable.id)) out.set(p.cable.id, p.cable);
  return out;
}

function spanLevel(dump, cables) {
  const perType = new Map();
  const tally = (t) => {
    if (!perType.has(t)) perType.set(t, new Tally());
    return perType.get(t);
  };
  const totals = {};
  for (const d of dump) {
    const cable = cables.get(d.id);
    if (!cable) continue;
    const text = cable.text;
    const firstPara = cable.paragraphs?.length ? cable.paragraphs[0].start : 0;
    const gold = d.gold.map(([s, e, t]) => ({ s, e, t }));
    const pred = d.tagged.map(([s, e, t]) => ({ s, e, t }));
    const ov = (a, b) => a.s < b.e && b.s < a.e;
    for (const g of gold) {
      totals[g.t] ??= { gold: 0, pred: 0, exact: 0 };
      totals[g.t].gold++;
    }
    for (const p of pred) {
      totals[p.t] ??= { gold: 0, pred: 0, exact: 0 };
      totals[p.t].pred++;
      const g = gold.find((x) => ov(x, p));
      const str = text.slice(p.s, p.e);
      if (!g) {
        tally(p.t).add(`spurious ${p.t}: ${form(str)}, ${place(text, p.s, firstPara)}`, str);
        continue;
      }
      const gs = text.slice(g.s, g.e);
      if (g.s === p.s && g.e === p.e) {
        if (g.t === p.t) totals[p.t].exact++;
        else tally(g.t).add(`type ${g.t} → ${p.t}: ${form(str)}`, str);
        continue;
      }
      const kind = g.t === p.t ? `boundary ${g.t}` : `boundary+type ${g.t} → ${p.t}`;
      const parts = [];
      if (p.s < g.s) parts.push(`takes in left ${extraKind(text.slice(p.s, g.s))}`);
      if (p.s > g.s) parts.push(`leaves out left ${extraKind(text.slice(g.s, p.s))}`);
      if (p.e > g.e) parts.push(`takes in right ${extraKind(text.slice(g.e, p.e))}`);
      if (p.e < g.e) parts.push(`leaves out right ${extraKind(text.slice(p.e, g.e))}`);
      tally(g.t).add(`${kind}: ${parts.join(', ')}`, `${str} ≠ ${gs}`);
    }
    for (const g of gold) {
      if (pred.some((p) => ov(g, p))) continue;
      const str = text.slice(g.s, g.e);
      tally(g.t).add(`missed ${g.t}: ${form(str)}, ${place(text, g.s, firstPara)}`, str);
    }
  }
  console.log('# Span level (every occurrence in the held-out cables)\n');
  console.log('| type | annotated | tagged | exact | P | R |\n|---|---|---|---|---|---|');
  for (const [t, v] of Object.entries(totals).sort())
    console.log(
      `| ${t} | ${v.gold} | ${v.pred} | ${v.exact} | ${(v.exact / v.pred).toFixed(3)} | ${(v.exact / v.gold).toFixed(3)} |`,
    );
  for (const [t, tl] of [...perType].sort()) tl.print(`span errors, ${t}`);
}

function entityLevel(lines) {
  const norm = (s) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const byCable = new Map();
  for (const l of lines) {
    const [id, kind, type, name, mentions] = l.split('\t');
    if (kind !== 'FP' && kind !== 'FN') continue;
    if (!byCable.has(id)) byCable.set(id, []);
    const keys = [name, ...(mentions ?? '').split(' | ')].map(norm).filter(Boolean);
    byCable.get(id).push({ kind, type, name, keys });
  }
  const tl = new Tally();
  for (const [id, errs] of byCable) {
    const fps = errs.filter((e) => e.kind === 'FP');
    const fns = errs.filter((e) => e.kind === 'FN');
    const pairedFn = new Set();
    for (const fp of fps) {
      const same = fns.find((fn) => !pairedFn.has(fn) && fn.keys.some((k) => fp.keys.includes(k)));
      if (same) {
        pairedFn.add(same);
        tl.add(`type ${same.type} → ${fp.type}`, fp.name);
        continue;
      }
      const over = fns.find(
        (fn) =>
          !pairedFn.has(fn) &&
          fn.keys.some((k) => fp.keys.some((q) => ` ${k} `.includes(` ${q} `) || ` ${q} `.includes(` ${k} `))),
      );
      if (over) {
        pairedFn.add(over);
        tl.add(
          `boundary ${over.type}${over.type === fp.type ? '' : ' → ' + fp.type}`,
          `${fp.name} ≠ ${over.name} (${id})`,
        );
        continue;
      }
      tl.add(`spurious ${fp.type}: ${form(fp.name)}`, fp.name);
    }
    for (const fn of fns) if (!pairedFn.has(fn)) tl.add(`missed ${fn.type}: ${form(fn.name)}`, fn.name);
  }
  console.log('\n# Entity level (what the score counts: FP and FN of the --errors lines)');
  tl.print('entity errors');
}

async function main() {
  const dump = fs
    .readFileSync(dumpFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const cables = await texts(new Set(dump.map((d) => d.id)));
  spanLevel(dump, cables);
  if (errorsFile) entityLevel(fs.readFileSync(errorsFile, 'utf8').split('\n'));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
