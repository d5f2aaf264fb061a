#!/usr/bin/env node
/**
 * Turns a cable annotation ({id, entities:[{type, name, mentions}]}) into character spans over the
 * cable's parsed text (the text of scripts/ner/text.js):
 *
 *   node scripts/ner/spans.js ID|FILE [--write] [--show] [--uncovered]
 *   node scripts/ner/spans.js --check            every annotation file: text hash, spans up to date, all forms found
 *
 * Every occurrence of every surface form, case-sensitive, at word boundaries (a space in a form
 * also matches a line break: names wrap across lines); longest match first,
 * no overlaps (ties: earlier start first). Occurrences in parts the guidelines skip are not spans:
 * the TAGS block, the E.O./DECL line, letter-spaced markings ("S E C R E T"), URLs, paragraph classification markings ("(S/Rel UK)"), and cable reference numbers ("PARIS 1844", "08 STATE 12345", "(Bamako 538)",
 * "KABUL 00000104 002 OF 003" — an upper-case form followed by a number of 3+ digits, or any number
 * on a REF line). Surface forms with no span are reported: an annotation error to fix.
 * An entity may claim single occurrences of a form shared with another entity:
 * "occurrences": {"Clinton": [4]} (0-based, counted over every occurrence in the text).
 * "nonEntities": ["SHAH-PEOPLE REVOLUTION"] lists phrases that are not entities but contain a form:
 * they win the longest match and leave no span.
 * --write stores spans and textSha1 in the file; --show prints the text with the spans bracketed;
 * --uncovered lists capitalized words outside every span (a checklist for the review pass).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ANNOTATION_DIR, parsedCable, sha1 } = require('./lib');

const TYPES = new Set(['PERSON', 'ORGANIZATION', 'PLACE']);
const isWord = (ch) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** [start, end) ranges of the text that are never entity spans. */
function skipRegions(text) {
  const out = [];
  const lines = [];
  for (let i = 0, start = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, end: i, s: text.slice(start, i) });
      start = i + 1;
    }
  }
  lines.forEach((l, k) => {
    if (/^\s*TAGS\b/.test(l.s)) {
      out.push([l.start, l.end]);
      // A continuation line of codes only ("YI, UNO, IR, LE").
      const next = lines[k + 1];
      if (next && /^\s*[A-Z]{2,5}(?:[\s,]+[A-Z]{2,5})*[\s,]*$/.test(next.s)) out.push([next.start, next.end]);
    }
    if (/^\s*(?:E\.\s?O\.|EO)\s*\d{4,5}\b/.test(l.s)) out.push([l.start, l.end]);
  });
  // Cable numbers: "PARIS 1844", "08 STATE 12345", "(Bamako 538)", "KABUL 00000104 002 OF 003".
  // (Without a year prefix, a bare year is no cable number: "UKRAINE ELECTION 2006".)
  // ("COMMERCE FOR 4332/MAC/WH" is a routing line: FOR is never the second word of a post.)
  for (const m of text.matchAll(
    /\b\d{2}\s+[A-Z][A-Z]+(?:\s[A-Z]+)?\s+\d{3,}\b|\b[A-Z][A-Z]+(?:\s(?!FOR\b)[A-Z]+)?\s+(?!(?:19\d\d|20[0-2]\d)\b)\d{3,}\b(?:\s+\d+\s+OF\s+\d+)?/g,
  ))
    out.push([m.index, m.index + m[0].length]);
  // Posts of three or more words: "RIO DE JANEIRO 329", "RIO DE JAN 00000365 002 OF 002", "DAR ES SALAAM 1234".
  for (const m of text.matchAll(
    /\b(?:\d{2}\s+)?(?:RIO DE JAN(?:EIRO)?|DAR ES SALAAM|PORT OF SPAIN|PORT AU PRINCE|BANDAR SERI BEGAWAN|HO CHI MINH CITY)\s+\d{2,}\b(?:\s+\d+(?:\.\d+)?\s+OF\s+\d+)?/gi,
  ))
    out.push([m.index, m.index + m[0].length]);
  // Mixed-case page-break lines and numbers: "Kiev 00001261 002 of 004", "Vladivosto 00000005".
  for (const m of text.matchAll(
    /\b[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?\s+0\d{4,}\b(?:\s+\d+(?:\.\d+)?\s+[Oo][Ff]\s+\d+)?/g,
  ))
    out.push([m.index, m.index + m[0].length]);
  // Mixed-case references in parentheses or after "see": "(Bamako 538)", "see Paris 1234" (not years).
  for (const m of text.matchAll(
    /(?<=\(|\bsee\s|\bSee\s|\bref\s|\breftel\s)(?:\d{2}\s+)?[A-Z][A-Za-z]+\s+(?!(?:19|20)\d\d\b)\d{3,}\b/g,
  ))
    out.push([m.index, m.index + m[0].length]);
  // Letter-spaced words: "S E C R E T", "C O N F I D E N T I A L", "C O R R E C T E D".
  for (const m of text.matchAll(/\b(?:[A-Z] ){3,}[A-Z]\b/g)) out.push([m.index, m.index + m[0].length]);
  // URLs (a wrapped URL goes on with its next piece when that holds a slash).
  for (const m of text.matchAll(/\b(?:https?:\/\/|www\.)[^\s"<>]+(?:[ \t]*\n[^\s"<>]*\/[^\s"<>]*)?/gi))
    out.push([m.index, m.index + m[0].length]);
  // Paragraph classification markings: "(C)", "(SBU)", "(S/NF)", "(S/Rel UK)", "(/Rel UK)", "(C/REL ISAF)".
  for (const m of text.matchAll(
    /\((?:U|C|S|TS|SBU|FOUO)(?:\s*\/\/?\s*(?:NF|NOFORN))?\)|\((?:U|C|S|TS|SBU)?\s*\/\/?\s*REL\b[^)\n]{0,60}\)/gi,
  ))
    out.push([m.index, m.index + m[0].length]);
  // REF lines and their continuation letters: any POST NUMBER there is a reference.
  for (const m of text.matchAll(/^\s*(?:[Rr][Ee][Ff][Ss]?|REFTEL|Reftel|REFERENCE)\b[^\n]*(?:\n\s*[A-Z]\.[^\n]*)*/gm)) {
    for (const r of m[0].matchAll(/\b(?:\d{2}\s+)?[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?\s+\d+\b(?![/.-]\d)/g))
      out.push([m.index + r.index, m.index + r.index + r[0].length]);
  }
  return out;
}

/**
 * Spans of an annotation over the text. Returns {spans, missing, shadowed, clashes, skipped}.
 * `missing`: forms that never occur; `shadowed`: forms that occur only inside longer spans or
 * skipped regions; `clashes`: a form listed under two entities (kept on the first).
 */
function computeSpans(text, entities, nonEntities = []) {
  const skips = skipRegions(text);
  const inSkip = (s, e) => skips.some(([a, b]) => s < b && e > a);
  const owner = new Map();
  const clashes = [];
  // `occurrences: {form: [n, ...]}` on an entity claims the n-th occurrences (0-based, in text order)
  // of a form that another entity also uses ("Clinton": Bill in one sentence, Hillary in the next).
  const claimed = new Map();
  for (const ent of entities)
    for (const [form, list] of Object.entries(ent.occurrences || {}))
      for (const n of list) claimed.set(`${n}\t${form}`, ent);
  for (const ent of entities)
    for (const form of ent.mentions) {
      if (owner.has(form) && owner.get(form) !== ent) {
        if (!ent.occurrences || !ent.occurrences[form])
          clashes.push({ form, first: owner.get(form).name, second: ent.name });
      } else owner.set(form, ent);
    }
  const candidates = [];
  const occurs = new Map();
  let skipped = 0;
  for (const [form, ent] of owner) {
    if (!form) continue;
    occurs.set(form, 0);
    // A space in a form matches any run of white space: names wrap across lines in cable text.
    const re = new RegExp(
      form
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+'),
      'g',
    );
    for (const m of text.matchAll(re)) {
      const i = m.index;
      const end = i + m[0].length;
      if (isWord(form[0]) && isWord(text[i - 1])) continue;
      if (isWord(form[form.length - 1]) && isWord(text[end])) continue;
      const nth = occurs.get(form);
      occurs.set(form, nth + 1);
      if (inSkip(i, end)) {
        skipped++;
        continue;
      }
      const who = claimed.get(`${nth}\t${form}`) || ent;
      candidates.push({ start: i, end, type: who.type, name: who.name, form });
    }
  }
  // Phrases that are not entities but hold a form ("SHAH-PEOPLE REVOLUTION", "Doha round"):
  // they take part in longest-match-first and then leave no span.
  for (const phrase of nonEntities) {
    const re = new RegExp(
      phrase
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+'),
      'g',
    );
    let n = 0;
    for (const m of text.matchAll(re)) {
      if (isWord(phrase[0]) && isWord(text[m.index - 1])) continue;
      if (isWord(phrase[phrase.length - 1]) && isWord(text[m.index + m[0].length])) continue;
      n++;
      candidates.push({ start: m.index, end: m.index + m[0].length, blocker: true, form: phrase });
    }
    if (n === 0) occurs.set(phrase, 0);
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = [];
  const used = new Set();
  for (const c of candidates) {
    if (taken.some((t) => c.start < t.end && c.end > t.start)) continue;
    taken.push(c);
    used.add(c.form);
  }
  const blocked = taken.filter((t) => t.blocker).length;
  for (let i = taken.length - 1; i >= 0; i--) if (taken[i].blocker) taken.splice(i, 1);
  for (const phrase of nonEntities) used.add(phrase);
  taken.sort((a, b) => a.start - b.start);
  const missing = [...occurs].filter(([, n]) => n === 0).map(([f]) => f);
  const shadowed = [...occurs].filter(([f, n]) => n > 0 && !used.has(f)).map(([f]) => f);
  return {
    spans: taken.map(({ start, end, type, name }) => ({ start, end, type, name })),
    missing,
    shadowed,
    clashes,
    skipped,
    blocked,
  };
}

/** Problems of the annotation itself (not of its spans). */
function lint(ann) {
  const problems = [];
  const names = new Map();
  for (const e of ann.entities) {
    if (!TYPES.has(e.type)) problems.push(`${e.name}: unknown type ${e.type}`);
    if (!e.name || !Array.isArray(e.mentions) || e.mentions.length === 0)
      problems.push(`${e.name || '(no name)'}: needs a name and at least one mention`);
    const key = `${e.type}\t${e.name}`;
    if (names.has(key)) problems.push(`${e.name}: listed twice as ${e.type} (merge the entries)`);
    names.set(key, true);
    for (const m of e.mentions || []) {
      if (/['’]s$/.test(m)) problems.push(`${e.name}: mention "${m}" keeps a possessive 's`);
      if (m !== m.trim()) problems.push(`${e.name}: mention "${m}" has surrounding spaces`);
      if (
        e.type === 'PERSON' &&
        /^(?:President|Minister|Ambassador|Mr|Mrs|Ms|Dr|Gen|General|Foreign Minister|FM|PM|Prime Minister|Secretary|Senator|Sen|Deputy|Amb)\.?\s/.test(
          m,
        )
      )
        problems.push(`${e.name}: mention "${m}" starts with a title`);
    }
    if (new Set(e.mentions).size !== (e.mentions || []).length) problems.push(`${e.name}: a mention listed twice`);
  }
  return problems;
}

function annotationPath(arg) {
  if (arg.endsWith('.json') || arg.includes('/')) return path.resolve(arg);
  return path.join(ANNOTATION_DIR, `${arg}.json`);
}

function readAnnotation(file) {
  let ann;
  try {
    ann = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${e.message}`, { cause: e });
  }
  if (!ann.id || !Array.isArray(ann.entities)) throw new Error(`${file}: needs "id" and "entities"`);
  return ann;
}

/** One entity, span or review per line: easy to read and to diff. */
function serialize(ann) {
  const list = (items) => (items.length ? `[\n ${items.map((x) => JSON.stringify(x)).join(',\n ')}\n]` : '[]');
  const non = ann.nonEntities ? `\n"nonEntities": ${JSON.stringify(ann.nonEntities)},` : '';
  return `{"id": ${JSON.stringify(ann.id)}, "textSha1": ${JSON.stringify(ann.textSha1)},\n"entities": ${list(ann.entities)},${non}\n"spans": ${list(ann.spans)},\n"reviews": ${list(ann.reviews)}\n}\n`;
}

function show(text, spans) {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + `[${s.type.slice(0, 3)} ${text.slice(s.start, s.end)}]`;
    at = s.end;
  }
  return out + text.slice(at);
}

let english;
/** Lower-case English words (an-array-of-english-words, already a dependency of the extractor). */
function englishWords() {
  if (!english) english = new Set(require('an-array-of-english-words'));
  return english;
}

/** Capitalized words (mixed-case text) or all-caps words outside spans and skipped parts, with counts. */
function uncovered(text, spans) {
  const skips = skipRegions(text);
  const counts = new Map();
  for (const m of text.matchAll(/[\p{Lu}][\p{L}'’.-]*[\p{L}]|\b[A-Z]{2,}\b/gu)) {
    const s = m.index;
    const e = s + m[0].length;
    if (spans.some((x) => s < x.end && e > x.start) || skips.some(([a, b]) => s < b && e > a)) continue;
    // In all-caps text every word is capitalized: leave out plain English words.
    if (/^[A-Z]+$/.test(m[0]) && englishWords().has(m[0].toLowerCase())) continue;
    counts.set(m[0], (counts.get(m[0]) || 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** Annotation file with its recomputed spans; {ok, lines} reports what is wrong. */
async function process1(file, { write, showText, listUncovered, quietOk }) {
  const ann = readAnnotation(file);
  const cable = await parsedCable(ann.id);
  const text = cable.text;
  const r = computeSpans(text, ann.entities, ann.nonEntities || []);
  const lines = [];
  for (const p of lint(ann)) lines.push(`  lint: ${p}`);
  for (const f of r.missing)
    lines.push(
      `  NOT FOUND: "${f}" (${(ann.entities.find((e) => e.mentions.includes(f)) || { name: 'nonEntities' }).name})`,
    );
  for (const f of r.shadowed) lines.push(`  only inside longer spans or skipped parts: "${f}"`);
  for (const c of r.clashes)
    lines.push(`  form "${c.form}" under two entities: ${c.first} / ${c.second} (kept on the first)`);
  const hash = sha1(text);
  if (!write) {
    if (ann.textSha1 && ann.textSha1 !== hash)
      lines.push(`  text changed since annotation (textSha1 ${ann.textSha1} != ${hash})`);
    if (ann.spans && JSON.stringify(ann.spans) !== JSON.stringify(r.spans))
      lines.push('  stored spans out of date (run with --write)');
    if (!ann.spans) lines.push('  no spans stored (run with --write)');
  }
  if (write) {
    const outAnn = {
      id: ann.id,
      textSha1: hash,
      entities: ann.entities,
      ...(ann.nonEntities ? { nonEntities: ann.nonEntities } : {}),
      spans: r.spans,
      reviews: ann.reviews || [],
    };
    fs.writeFileSync(file, serialize(outAnn));
  }
  const ok = r.missing.length === 0 && r.clashes.length === 0 && lint(ann).length === 0;
  if (!quietOk || !ok || lines.length) {
    const byType = {};
    for (const e of ann.entities) byType[e.type] = (byType[e.type] || 0) + 1;
    console.log(
      `${ann.id}: ${ann.entities.length} entities (${Object.entries(byType)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}), ${r.spans.length} spans, ${r.skipped} occurrences in skipped parts${write ? ', written' : ''}`,
    );
    for (const l of lines) console.log(l);
  }
  if (showText) console.log('\n' + show(text, r.spans));
  if (listUncovered)
    console.log(
      '\nuncovered capitalized words: ' +
        uncovered(text, r.spans)
          .map(([w, n]) => (n > 1 ? `${w}×${n}` : w))
          .join(', '),
    );
  return ok;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--check')) {
    const files = fs
      .readdirSync(ANNOTATION_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    let bad = 0;
    for (const f of files) if (!(await process1(path.join(ANNOTATION_DIR, f), { quietOk: true }))) bad++;
    console.log(`${files.length} annotation files, ${bad} with errors`);
    process.exit(bad ? 1 : 0);
  }
  const target = args.find((a) => !a.startsWith('--'));
  if (!target) {
    console.error('usage: node scripts/ner/spans.js ID|FILE [--write] [--show] [--uncovered] | --check');
    process.exit(2);
  }
  const ok = await process1(annotationPath(target), {
    write: args.includes('--write'),
    showText: args.includes('--show'),
    listUncovered: args.includes('--uncovered'),
  });
  process.exit(ok ? 0 : 1);
}

if (require.main === module)
  main().catch((e) => {
    console.error(`error: ${e.message}`);
    process.exit(1);
  });
module.exports = { computeSpans, skipRegions, lint, serialize };
