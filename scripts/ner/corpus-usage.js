#!/usr/bin/env node
/**
 * Learns how each capitalized or all-caps word is used across the unlabelled corpus — the contexts a
 * single sentence rarely shows: written as a plural ("PRTs", "MRBMs": a common noun), after "a"/"an",
 * after a title or a first name (a person), before an organization head or company word ("Tullow Oil",
 * "Pfizer Inc": an organization), glued to a slash (State Department office symbols "EUR/WE"), after
 * "the", and spelled out in lower case ("organized crime (OC)": a common noun), and the last word of the name an acronym stands for where the corpus spells it out
 * ("Provincial Reconstruction Team (PRT)" → "team", "Joint Combined Exchange Training (JCET)" →
 * "training"), and how often the cable-structure rules of `builtin` label the word as each type across
 * the corpus (a corpus-wide version of the per-cable rule features). Writes src/extract/tagger/usage.json.gz, which the tagger reads as features
 * (src/extract/tagger/usage.ts).
 *
 *   node scripts/ner/corpus-usage.js [--corpus DIR] [--min 3] [--out FILE]
 *
 * Counted on mixed-case lines, never for a word first on its line or after ".", ":", a quote or a
 * bracket, except the slash and spelled-acronym contexts, counted on every line. Words seen fewer
 * than --min times are left out. The 20 gold cables are never read (their ids are skipped);
 * nothing else of them is used. No labels are read: the annotated cables are unlabelled text here.
 * Deterministic.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

require('../lib/ts-require');
const ROOT = path.join(__dirname, '..', '..');
const { opt } = require('../lib/cli-args');
const corpus = path.resolve(opt('--corpus', path.join(ROOT, '..', 'shared', 'corpus')));
const min = Number(opt('--min', '3'));
const out = path.resolve(opt('--out', path.join(ROOT, 'src', 'extract', 'tagger', 'usage.json.gz')));

const { unlabelledCables } = require('./lib');
const { tokenizeForTagger } = require(path.join(ROOT, 'src/extract/tagger/tokens.ts'));
const { spelledFrom } = require(path.join(ROOT, 'src/extract/tagger/features.ts'));
const { usageBitsOf, ruleShareOf, USAGE_COUNTS } = require(path.join(ROOT, 'src/extract/tagger/usage.ts'));
const { ruleLabels } = require(path.join(ROOT, 'src/extract/tagger/features.ts'));
const { BuiltinExtractor } = require(path.join(ROOT, 'src/extract/builtin.ts'));
const { FIRST_NAMES, ORG_HEADS, STRONG_TITLES, TITLES } = require(path.join(ROOT, 'src/lexicon/gazetteer.ts'));

/** Words after a name that make it a company (beside the lexicon's organization heads, which hold Inc, Ltd, Corp, Group …). */
const COMPANY_WORDS = new Set(
  (
    'holding holdings oil petroleum energy gas telecom telecommunications mining resources plc llc limited ' +
    'industries motors systems technologies pharmaceuticals airline shipping steel cement capital'
  ).split(' '),
);
/** Lower-case nouns that name an organization's kind right before its name ("the company Eni", "the daily Haaretz"). */
const ORG_KIND_BEFORE = new Set(
  (
    'company firm giant operator conglomerate corporation newspaper daily weekly magazine broadcaster channel ' +
    'network agency party movement group bank carrier airline ngo organization organisation foundation institute ' +
    'university subsidiary manufacturer producer insurer lender'
  ).split(' '),
);
/** Lower-case words after a name (or after its "'s") that an organization has, not a person: "X officials", "X's spokesman". */
const ORG_PARTS_AFTER = new Set(
  (
    'officials spokesman spokeswoman spokesperson headquarters leadership members membership chairman ceo board ' +
    'shares shareholders subsidiary subsidiaries employees staff branch branches affiliate affiliates'
  ).split(' '),
);
/** Lower-case words after a name's "'s" that a person has: "X's wife", "X's son". */
const KIN_AFTER = new Set(
  'wife husband son sons daughter daughters father mother brother brothers sister sisters family widow nephew cousin uncle'.split(
    ' ',
  ),
);
const isUpper = (c) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
/** Whether the lower-case words ending at `end` spell `want` by their initials ("organized crime (OC)", "internally displaced persons (IDPs)"): a common noun's acronym. */
function spelledLower(tokens, end, want) {
  let k = want.length - 1;
  for (let j = end; j >= 0 && k >= 0 && end - j < want.length + 3; j--) {
    const w = tokens[j].text;
    if (!/^[a-z]/.test(w)) return false;
    if (w[0].toUpperCase() === want[k]) k--;
    else if (!['of', 'and', 'the', 'for', 'on', 'in', 'to', '-'].includes(w)) return false;
  }
  return k < 0 && want.length >= 2;
}

async function main() {
  /** word -> counts in USAGE_COUNTS order */
  const counts = new Map();
  /** acronym -> (expansion's last word -> times) */
  const heads = new Map();
  const count = (key, k) => {
    let c = counts.get(key);
    if (!c) counts.set(key, (c = new Array(USAGE_COUNTS.length).fill(0)));
    c[k]++;
  };
  const K = Object.fromEntries(USAGE_COUNTS.map((name, i) => [name, i]));
  /** word -> [capitalized uses, of them labelled PERSON, ORGANIZATION, PLACE by the cable-structure rules] */
  const ruled = new Map();
  const rules = new BuiltinExtractor();
  let cables = 0;
  for await (const cable of unlabelledCables(corpus)) {
    cables++;
    const { tokens, lines } = tokenizeForTagger(cable.text);
    const n = tokens.length;
    const labels = ruleLabels(tokens, rules.extractOne(cable));
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      const c0 = t.text.charCodeAt(0);
      if (!isUpper(c0)) continue;
      const key = t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower;
      let r = ruled.get(key);
      if (!r) ruled.set(key, (r = [0, 0, 0, 0]));
      r[0]++;
      if (labels[i]) r[(labels[i] + 1) >> 1]++;
      const allCaps = t.text.length > 1 && t.text === t.text.toUpperCase();
      // every line: office symbols and spelled-out acronyms
      const prev = i > 0 ? tokens[i - 1] : undefined;
      const next = i + 1 < n ? tokens[i + 1] : undefined;
      if ((prev && prev.text === '/' && prev.end === t.start) || (next && next.text === '/' && next.start === t.end))
        count(key, K.slash);
      if (allCaps && prev && prev.text === '(' && next && next.text === ')' && i >= 2) {
        const start = spelledFrom(tokens, i - 2, t.text.replace(/[^A-Z]/g, ''));
        if (start < 0 && spelledLower(tokens, i - 2, t.text.replace(/[^A-Z]/g, ''))) count(key, K.lowerSpelled);
        if (start >= 0 && start < i - 2) {
          const head = tokens[i - 2].lower;
          let h = heads.get(key);
          if (!h) heads.set(key, (h = new Map()));
          h.set(head, (h.get(head) ?? 0) + 1);
        }
      }
      if (lines[t.line].caps || t.lineStart || !prev) continue;
      const p = prev.text;
      if (p === '.' || p === ':' || p === '"' || p === '(' || p === '“') continue;
      count(key, K.seen);
      if (/^[A-Z]{2,}s$/.test(t.text)) count(t.lower.slice(0, -1), K.plural);
      if (prev.lower === 'a' || prev.lower === 'an') count(key, K.article);
      if (prev.lower === 'the') count(key, K.the);
      const pl = prev.lower.endsWith('.') ? prev.lower.slice(0, -1) : prev.lower;
      if (TITLES.has(pl) || STRONG_TITLES.has(pl) || (isUpper(p.charCodeAt(0)) && FIRST_NAMES.has(pl)))
        count(key, K.person);
      if (next && isUpper(next.text.charCodeAt(0)) && (ORG_HEADS.has(next.lower) || COMPANY_WORDS.has(next.lower)))
        count(key, K.org);
      // the words around it: an organization's kind or parts, a person's kin, a person's name after it
      const poss = next && (next.lower === "'s" || next.lower === '’s') && i + 2 < n ? tokens[i + 2] : undefined;
      if (
        ORG_KIND_BEFORE.has(prev.lower) ||
        (next && ORG_PARTS_AFTER.has(next.text)) ||
        (poss && ORG_PARTS_AFTER.has(poss.text))
      )
        count(key, K.orgNoun);
      if (poss && KIN_AFTER.has(poss.text)) count(key, K.kin);
      if (next && !labels[i] && labels[i + 1] === 1 && next.start - t.end <= 1) count(key, K.beforePerson);
    }
  }
  const words = {};
  for (const [word, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const h = heads.get(word);
    if (c[K.seen] + c[K.slash] < min && !h) continue;
    const bits = usageBitsOf(c);
    const rule = ruleShareOf(ruled.get(word) ?? [0, 0, 0, 0]);
    const head = h ? [...h].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0] : '';
    if (bits || rule || head) words[word] = head ? `${bits} ${rule} ${head}` : `${bits} ${rule}`;
  }
  for (const [word, h] of [...heads].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (!(word in words))
      words[word] =
        `0 ${ruleShareOf(ruled.get(word) ?? [0, 0, 0, 0])} ${[...h].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]}`;
  const body = { cables, min, words };
  const buf = zlib.gzipSync(JSON.stringify(body), { level: 9 });
  fs.writeFileSync(out, buf);
  console.log(
    `${cables} cables, ${counts.size} capitalized words, ${Object.keys(words).length} kept (${heads.size} acronyms spelled out); ` +
      `${out} (${(buf.length / 1e3).toFixed(0)} KB)`,
  );
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
