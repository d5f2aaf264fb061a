#!/usr/bin/env node
/**
 * Consistency report over the training annotations: where the same name is annotated one way in one
 * cable and another way (or not at all) in another.
 *
 *   node scripts/ner/consistency.js [--type ORGANIZATION] [--min 1] [--examples 3] [--section NAME] [--json FILE]
 *
 * Sections (all printed unless --section names one):
 *   forms     every surface form annotated in some cable that occurs in another annotated cable with
 *             no span at all (a missed or deliberately skipped occurrence), or with a span of another
 *             type; counted by cable, each with a few contexts to read.
 *   bounds    span-boundary variants: an annotated form that occurs elsewhere only partly covered
 *             (its words split over several spans, or a span cutting into it: "U.S. Embassy Kabul"
 *             vs "U.S." + "Embassy Kabul").
 *   heads     organization-like phrases found by their head word ("... Embassy", "Ministry of ...",
 *             "... Party", "Government of ...") in every annotated text, by how they are covered:
 *             exactly one ORG span, an ORG span that leaves part of the phrase out, no span.
 *   classes   ORGANIZATION spans per guideline class (government, ministry, embassy, State office,
 *             party, military, international body, legislature/court, company, media, acronym,
 *             other) with the boundary shapes inside each class (a nationality adjective or "U.S."
 *             inside the span, a leading "the", a trailing "government").
 * A form or phrase in a nonEntities block or in a skipped part (TAGS, cable numbers, markings) is
 * never counted as left out. Reads the parsed texts through dist (`npm run build` first).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ANNOTATION_DIR, parsedCable, sha1 } = require('./lib');
const { skipRegions } = require('./spans');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const ONLY_TYPE = opt('type', null);
const MIN = Number(opt('min', 1));
const EXAMPLES = Number(opt('examples', 3));
const SECTION = opt('section', null);
const JSON_OUT = opt('json', null);
// Parsing 435 pages takes minutes on a loaded machine: --cache FILE keeps the texts between runs
// (each one used only while its sha1 still equals the annotation's textSha1).
const CACHE = opt('cache', null);

const isWord = (ch) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const escape = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const formRegex = (form) => new RegExp(form.split(/\s+/).map(escape).join('\\s+'), 'g');
const oneLine = (s) => s.replace(/\s+/g, ' ');
/** The cables whose text holds every word of a form (a cheap filter before the regex scan). */
const mayHold = (doc, form) => (form.match(/[\p{L}\p{N}]+/gu) || []).every((w) => doc.words.has(w));

/** Occurrences of a form at word boundaries (a space matching any white space), as spans.js finds them. */
function occurrences(text, form) {
  const out = [];
  for (const m of text.matchAll(formRegex(form))) {
    const start = m.index;
    const end = start + m[0].length;
    if (isWord(form[0]) && isWord(text[start - 1])) continue;
    if (isWord(form[form.length - 1]) && isWord(text[end])) continue;
    out.push({ start, end });
  }
  return out;
}

/**
 * The same occurrences found through the cable's word index: only the positions of the form's
 * first word are tried (a sticky regex there), so 20,000 forms over 435 cables stay fast.
 */
const stickyCache = new Map();
function indexedOccurrences(doc, form) {
  const first = (form.match(/[\p{L}\p{N}]+/u) || [])[0];
  if (!first) return occurrences(doc.text, form);
  const at = doc.wordAt.get(first) || [];
  let re = stickyCache.get(form);
  if (!re) stickyCache.set(form, (re = new RegExp(formRegex(form).source, 'y')));
  const lead = form.indexOf(first);
  const out = [];
  for (const pos of at) {
    const start = pos - lead;
    if (start < 0) continue;
    re.lastIndex = start;
    const m = re.exec(doc.text);
    if (!m) continue;
    const end = start + m[0].length;
    if (isWord(form[0]) && isWord(doc.text[start - 1])) continue;
    if (isWord(form[form.length - 1]) && isWord(doc.text[end])) continue;
    out.push({ start, end });
  }
  return out;
}

/** How an occurrence [start, end) is covered by a cable's spans, blocks and skipped parts. */
function coverage(doc, start, end) {
  if (doc.skips.some(([a, b]) => start < b && end > a)) return { status: 'skipped' };
  if (doc.blocks.some(([a, b]) => a <= start && end <= b)) return { status: 'blocked' };
  const over = doc.spans.filter((s) => s.start < end && s.end > start);
  if (over.length === 0) return { status: 'none' };
  if (over.length === 1 && over[0].start === start && over[0].end === end) return { status: 'exact', span: over[0] };
  if (over.length === 1 && over[0].start <= start && over[0].end >= end) return { status: 'inside', span: over[0] };
  return { status: 'partial', spans: over };
}

function context(text, start, end, width = 45) {
  const a = Math.max(0, start - width);
  const b = Math.min(text.length, end + width);
  return oneLine(`${text.slice(a, start)}[${text.slice(start, end)}]${text.slice(end, b)}`);
}

async function loadDocs() {
  const files = fs
    .readdirSync(ANNOTATION_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const docs = [];
  const cache = CACHE && fs.existsSync(CACHE) ? JSON.parse(fs.readFileSync(CACHE, 'utf8')) : {};
  for (const f of files) {
    const ann = JSON.parse(fs.readFileSync(path.join(ANNOTATION_DIR, f), 'utf8'));
    const cached = cache[ann.id];
    const text = cached && sha1(cached) === ann.textSha1 ? cached : (await parsedCable(ann.id)).text;
    cache[ann.id] = text;
    if (sha1(text) !== ann.textSha1)
      throw new Error(`${f}: the parsed text changed since the annotation (run spans.js --check)`);
    const blocks = [];
    for (const phrase of ann.nonEntities || [])
      for (const o of occurrences(text, phrase)) blocks.push([o.start, o.end]);
    const words = new Set();
    const wordAt = new Map();
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      words.add(m[0]);
      if (!wordAt.has(m[0])) wordAt.set(m[0], []);
      wordAt.get(m[0]).push(m.index);
    }
    docs.push({ id: ann.id, ann, text, words, wordAt, spans: ann.spans || [], skips: skipRegions(text), blocks });
  }
  if (CACHE) fs.writeFileSync(CACHE, JSON.stringify(cache));
  return docs;
}

// ---- forms: annotated here, left out (or typed otherwise) there ----

function formsSection(docs) {
  // form -> {types: Map(type -> Set(id)), annotatedIn: Set(id)}
  const forms = new Map();
  for (const d of docs)
    for (const e of d.ann.entities)
      for (const f of e.mentions) {
        if (!forms.has(f)) forms.set(f, { types: new Map(), annotatedIn: new Set() });
        const rec = forms.get(f);
        if (!rec.types.has(e.type)) rec.types.set(e.type, new Set());
        rec.types.get(e.type).add(d.id);
        rec.annotatedIn.add(d.id);
      }
  const rows = [];
  for (const [form, rec] of forms) {
    const mainType = [...rec.types].sort((a, b) => b[1].size - a[1].size)[0][0];
    if (ONLY_TYPE && ![...rec.types.keys()].includes(ONLY_TYPE)) continue;
    const left = [];
    const retyped = [];
    for (const d of docs) {
      if (rec.annotatedIn.has(d.id) || !mayHold(d, form)) continue;
      for (const o of indexedOccurrences(d, form)) {
        const c = coverage(d, o.start, o.end);
        if (c.status === 'none') left.push({ id: d.id, ctx: context(d.text, o.start, o.end) });
        else if (c.status === 'exact' && c.span.type !== mainType)
          retyped.push({ id: d.id, type: c.span.type, ctx: context(d.text, o.start, o.end) });
      }
    }
    const typeSplit = rec.types.size > 1;
    if (!left.length && !retyped.length && !typeSplit) continue;
    rows.push({
      form,
      types: Object.fromEntries([...rec.types].map(([t, ids]) => [t, ids.size])),
      annotatedCables: rec.annotatedIn.size,
      leftOutCables: new Set(left.map((x) => x.id)).size,
      leftOut: left,
      retypedCables: new Set(retyped.map((x) => x.id)).size,
      retyped,
    });
  }
  rows.sort((a, b) => b.annotatedCables + b.leftOutCables - (a.annotatedCables + a.leftOutCables));
  return rows;
}

// ---- bounds: the same name with other boundaries ----

function boundsSection(docs) {
  const formType = new Map();
  for (const d of docs) for (const e of d.ann.entities) for (const f of e.mentions) formType.set(f, e.type);
  const multi = [...formType.keys()].filter((f) => /\s/.test(f) && (!ONLY_TYPE || formType.get(f) === ONLY_TYPE));
  const byForm = new Map();
  for (const d of docs) {
    const own = new Set(d.ann.entities.flatMap((e) => e.mentions));
    for (const form of multi) {
      if (own.has(form) || !mayHold(d, form)) continue;
      for (const o of indexedOccurrences(d, form)) {
        const c = coverage(d, o.start, o.end);
        if (c.status !== 'partial') continue;
        const split = c.spans.map((s) => `${oneLine(d.text.slice(s.start, s.end))}:${s.type[0]}`).join(' + ');
        if (!byForm.has(form)) byForm.set(form, { form, type: formType.get(form), cases: [] });
        byForm.get(form).cases.push({ id: d.id, split, ctx: context(d.text, o.start, o.end) });
      }
    }
  }
  return [...byForm.values()].sort((a, b) => b.cases.length - a.cases.length);
}

// ---- heads: organization-like phrases by their head word ----

const HEADS = [
  ['embassy', /\b(?:(?:U\.S\.|US|[A-Z][a-z]+)\s+)?Embass(?:y|ies)(?:\s+(?:in\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+)?)?/g],
  ['consulate', /\b(?:(?:U\.S\.|US|[A-Z][a-z]+)\s+)?Consulate(?:\s+General)?(?:\s+(?:in\s+)?[A-Z][a-z]+)?/g],
  ['ministry of', /\bMinistry\s+of\s+(?:the\s+)?[A-Z][A-Za-z]+(?:\s+(?:and\s+)?[A-Z][A-Za-z]+){0,3}/g],
  ['X ministry', /\b(?:[A-Z][a-z]+\s+){1,2}[Mm]inistry\b/g],
  ['government of', /\b[Gg]overnment\s+of\s+(?:the\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2}/g],
  ['X government', /\b(?:[A-Z][A-Za-z.]+\s+){1,2}[Gg]overnment\b/g],
  ['party', /\b(?:[A-Z][A-Za-z-]+\s+){1,4}Party\b/g],
  ['administration', /\b[A-Z][a-z]+\s+[Aa]dministration\b/g],
  ['department of', /\bDepartment\s+of\s+(?:the\s+)?[A-Z][A-Za-z]+(?:\s+(?:and\s+)?[A-Z][A-Za-z]+){0,3}/g],
  ['office of', /\bOffice\s+of\s+(?:the\s+)?[A-Z][A-Za-z]+(?:\s+(?:and\s+)?[A-Z][A-Za-z]+){0,3}/g],
  ['council/commission', /\b(?:[A-Z][A-Za-z-]+\s+){1,4}(?:Council|Commission|Committee|Agency|Authority)\b/g],
  ['forces/army', /\b(?:[A-Z][A-Za-z-]+\s+){1,3}(?:Army|Forces|Navy|Police|Guard)\b/g],
];

function headsSection(docs) {
  const out = [];
  for (const [name, re] of HEADS) {
    const tally = { exact: 0, inside: 0, partial: 0, none: 0, blocked: 0, skipped: 0 };
    const examples = { partial: [], none: [] };
    const nonOrg = [];
    for (const d of docs) {
      for (const m of d.text.matchAll(re)) {
        // A sentence-initial "The"/"In"/... is not part of the phrase.
        let start = m.index;
        let phrase = m[0];
        const lead = /^(?:The|In|At|On|For|From|With|By|And|But|As|To|Of|A|An)\s+/.exec(phrase);
        if (lead) {
          start += lead[0].length;
          phrase = phrase.slice(lead[0].length);
        }
        const end = start + phrase.length;
        const c = coverage(d, start, end);
        if (c.status === 'exact' && c.span.type !== 'ORGANIZATION') {
          nonOrg.push({ id: d.id, type: c.span.type, ctx: context(d.text, start, end) });
          continue;
        }
        // Partly covered with the head word outside every span: the phrase is left out, not split.
        const status =
          c.status === 'partial' || (c.status === 'inside' && c.span.type !== 'ORGANIZATION') ? 'partial' : c.status;
        tally[status]++;
        if (examples[status]) examples[status].push({ id: d.id, ctx: context(d.text, start, end) });
      }
    }
    out.push({ head: name, tally, nonOrg, examples });
  }
  return out;
}

// ---- classes: ORGANIZATION spans per guideline class ----

const CLASSES = [
  [
    'state office symbol',
    (s) =>
      /^[A-Z]{1,6}\/[A-Z/]{1,12}$/.test(s) ||
      /^(?:INR|EUR|NEA|WHA|AF|EAP|SCA|ISN|DRL|PRM|EEB|IO|PM|CA|DS|OES|INL|S\/CT)$/.test(s),
  ],
  ['routing word', (s) => /^(?:STATE|SECSTATE|DEPT|DEPARTMENT)$/.test(s)],
  [
    'government',
    (s) =>
      /\b(?:[Gg]overnment|Kremlin|[Aa]dministration|Cabinet|Regime|regime)\b/.test(s) ||
      /^(?:GO[A-Z]{1,3}|USG|RG[A-Z]{1,2}|[A-Z]{1,3}G)$/.test(s),
  ],
  [
    'ministry/department',
    (s) =>
      /\b(?:Ministry|Ministries|Department|Dept|Secretariat|Treasury|Minister)\b/i.test(s) ||
      /^(?:MFA|MOD|MOI|MOJ|MOF|MFAT|MINREX|DOD|DOS|DOE|DOJ|DHS|USDA|MEA)$/.test(s),
  ],
  [
    'embassy/consulate/mission',
    (s) => /\b(?:Embass(?:y|ies)|Consulate|Mission|USUN|USNATO|USEU|AMEMBASSY|AMCONSUL)\b/i.test(s),
  ],
  ['party/movement', (s) => /\b(?:Party|Movement|Front|Coalition|Bloc|League)\b/.test(s)],
  [
    'military/security',
    (s) =>
      /\b(?:Army|Navy|Air Force|Forces|Military|Police|Guards?|Command|Corps|Brigade|Division|Battalion|Marines?)\b/.test(
        s,
      ) || /^(?:US)?[A-Z]*COM$/.test(s),
  ],
  [
    'legislature/court',
    (s) => /\b(?:Congress|Parliament|Senate|Assembly|Court|Majlis|Duma|Rada|Knesset|Legislature|Tribunal)\b/.test(s),
  ],
  [
    'international body',
    (s) =>
      /\b(?:United Nations|Union|Organization|Organisation|Council|Commission|Agency|Bank|Fund|Alliance)\b/.test(s) ||
      /^(?:UN|EU|NATO|AU|OSCE|IAEA|IMF|WTO|OAS|ASEAN|GCC|ECOWAS|SADC|OPEC|UNSC|UNHCR|UNDP|WHO|WFP|ICRC|OIC)$/.test(s),
  ],
  [
    'company',
    (s) =>
      /\b(?:Inc|Ltd|Corp|Corporation|Company|Co|Group|Holding|Holdings|Airlines|Petroleum|Oil|Gas|Energy|Telecom|S\.A\.)\b\.?/.test(
        s,
      ),
  ],
  [
    'media',
    (s) => /\b(?:TV|Television|Radio|News|Times|Post|Journal|Daily|Press|Herald|Tribune|Gazette|Agency)\b/.test(s),
  ],
  ['acronym', (s) => /^[A-Z][A-Z0-9&.-]{1,9}$/.test(s)],
  ['other', () => true],
];

function classOf(surface) {
  return CLASSES.find(([, test]) => test(surface))[0];
}

function classesSection(docs) {
  // Words typed PLACE somewhere in the set, and adjectives of nationality (capitalized, ending like one).
  const placeForms = new Set();
  for (const d of docs)
    for (const e of d.ann.entities) if (e.type === 'PLACE') e.mentions.forEach((f) => placeForms.add(f));
  const nationality = (w) =>
    /^[A-Z][a-z]+(?:an|ian|ese|ish|ic|i|ch|ss)$/.test(w) &&
    !placeForms.has(w) &&
    !/^(?:Republican|Democratic|Islamic|Atlantic|Pacific|Public|Central|National|International)$/.test(w);
  const rows = new Map();
  for (const d of docs) {
    for (const s of d.spans) {
      if (s.type !== 'ORGANIZATION') continue;
      const surface = oneLine(d.text.slice(s.start, s.end));
      const cls = classOf(surface);
      if (!rows.has(cls))
        rows.set(cls, { cls, spans: 0, entities: new Set(), cables: new Set(), shapes: {}, forms: new Map() });
      const r = rows.get(cls);
      r.spans++;
      r.entities.add(`${d.id}\t${s.name}`);
      r.cables.add(d.id);
      r.forms.set(surface, (r.forms.get(surface) || 0) + 1);
      const first = surface.split(' ')[0];
      const shape = [];
      if (/^(?:the|The)\b/.test(surface)) shape.push('leading "the"');
      if (/^(?:U\.S\.|US|American)\s/.test(surface)) shape.push('U.S./American inside');
      else if (/\s/.test(surface) && nationality(first)) shape.push('nationality adjective inside');
      else if (/\s/.test(surface) && placeForms.has(first)) shape.push('place name first');
      if (/\s[Gg]overnment$/.test(surface)) shape.push('"X government"');
      if (/^[Gg]overnment of\b/.test(surface)) shape.push('"Government of X"');
      for (const k of shape.length ? shape : ['plain']) r.shapes[k] = (r.shapes[k] || 0) + 1;
    }
  }
  return CLASSES.map(([cls]) => rows.get(cls))
    .filter(Boolean)
    .map((r) => ({
      cls: r.cls,
      spans: r.spans,
      entities: r.entities.size,
      cables: r.cables.size,
      shapes: r.shapes,
      topForms: [...r.forms].sort((a, b) => b[1] - a[1]).slice(0, 12),
    }));
}

// ---- printing ----

function printForms(rows) {
  const inconsistent = rows.filter((r) => r.leftOutCables + r.retypedCables >= MIN);
  const cables = inconsistent.reduce((n, r) => n + r.leftOutCables, 0);
  const split = rows.filter((r) => Object.keys(r.types).length > 1);
  console.log(
    `\n== forms: annotated in one cable, left out or typed otherwise in another${ONLY_TYPE ? ` (${ONLY_TYPE})` : ''}`,
  );
  console.log(
    `forms left out somewhere: ${inconsistent.filter((r) => r.leftOutCables).length} (${cables} form-cable pairs); typed differently across cables: ${split.length} forms`,
  );
  for (const r of inconsistent) {
    const types = Object.entries(r.types)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    console.log(
      `\n"${r.form}"  annotated in ${r.annotatedCables} (${types}); left out in ${r.leftOutCables}; another type in ${r.retypedCables}`,
    );
    for (const x of r.leftOut.slice(0, EXAMPLES)) console.log(`   - ${x.id}: ${x.ctx}`);
    for (const x of r.retyped.slice(0, EXAMPLES)) console.log(`   ~ ${x.id} ${x.type}: ${x.ctx}`);
  }
  console.log('\nforms typed differently in different cables:');
  for (const r of split) console.log(`  "${r.form}": ${JSON.stringify(r.types)}`);
}

function printBounds(rows) {
  console.log(
    `\n== bounds: annotated forms found elsewhere split over spans or cut by one: ${rows.length} forms, ${rows.reduce((n, r) => n + r.cases.length, 0)} occurrences`,
  );
  for (const r of rows) {
    console.log(`\n"${r.form}" (${r.type}) split in ${r.cases.length}`);
    for (const c of r.cases.slice(0, EXAMPLES)) console.log(`   - ${c.id}: ${c.split}  | ${c.ctx}`);
  }
}

function printHeads(rows) {
  console.log(
    '\n== heads: organization-like phrases by head word (exact ORG span / inside a longer span / part left out / no span / blocked)',
  );
  for (const r of rows) {
    const t = r.tally;
    console.log(
      `\n${r.head}: exact ${t.exact}, inside ${t.inside}, part left out ${t.partial}, none ${t.none}, blocked ${t.blocked}, skipped ${t.skipped}, exact non-ORG ${r.nonOrg.length}`,
    );
    for (const x of r.examples.partial.slice(0, EXAMPLES)) console.log(`   ~ ${x.id}: ${x.ctx}`);
    for (const x of r.examples.none.slice(0, EXAMPLES)) console.log(`   - ${x.id}: ${x.ctx}`);
    for (const x of r.nonOrg.slice(0, EXAMPLES)) console.log(`   ! ${x.id} ${x.type}: ${x.ctx}`);
  }
}

function printClasses(rows) {
  console.log('\n== classes: ORGANIZATION spans per guideline class');
  for (const r of rows) {
    console.log(
      `\n${r.cls}: ${r.spans} spans, ${r.entities} cable-entities, ${r.cables} cables; shapes ${JSON.stringify(r.shapes)}`,
    );
    console.log(`   ${r.topForms.map(([f, n]) => `${f} ${n}`).join(' · ')}`);
  }
}

async function main() {
  const docs = await loadDocs();
  console.log(`${docs.length} annotated cables, ${docs.reduce((n, d) => n + d.spans.length, 0)} spans`);
  const want = (s) => !SECTION || SECTION === s;
  const result = {};
  if (want('forms')) printForms((result.forms = formsSection(docs)));
  if (want('bounds')) printBounds((result.bounds = boundsSection(docs)));
  if (want('heads')) printHeads((result.heads = headsSection(docs)));
  if (want('classes')) printClasses((result.classes = classesSection(docs)));
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(result, null, 1));
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exit(1);
});
