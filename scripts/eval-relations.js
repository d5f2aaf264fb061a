#!/usr/bin/env node
/**
 * Scores the relation reader (roles, meetings) against the hand annotations in
 * scripts/relations/annotations (30 cables of ../shared/corpus, a seeded sample; see its README),
 * and measures its CPU cost against entity extraction on the whole corpus.
 *
 *   node scripts/eval-relations.js [--set dev|dev2|…|dev14|heldout | --annotations DIR] [--corpus DIR] [--ner EXTRACTOR] [--errors] [--no-timing] [--json] [--dump FILE]
 *
 * --set heldout scores against scripts/relations/heldout (cables never used for development; run
 * it once, for the figure); the default is the development set, scripts/relations/annotations;
 * dev2 … dev14 are the second to fourteenth development sets (scripts/relations/dev2 … dev14; see their READMEs).
 * --dump FILE writes every relation read from the whole corpus, one per line (cable id, kind, JSON), sorted, so that
 * two versions of the reader can be compared with `cmp` (a speed change must leave it byte-identical).
 * The mentions come from the configured default extractor (src/extract/types.ts DEFAULT_EXTRACTOR) unless --ner names one.
 *
 * Runs from the TypeScript sources (compiled on require by @swc/core), so it needs no build.
 * Roles match on person (surname), normalized title and owner (the same country when both give
 * one, else the same organization); a second line also takes two organizations the cable's resolution makes one
 * entity as the same owner ("ISI" and "Inter-Services Intelligence": the graph's edge goes to one node). Meetings are compared per cable as unordered pairs (an
 * officer the cable does not name is `officer:<role>`); a cable's several sentences about one
 * pair count once, dated by a date written in them, else the cable's date.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

require('./lib/ts-require');

const ROOT = path.join(__dirname, '..');
const { args, opt } = require('./lib/cli-args');
const { DEV_SET_DIRS, fold, lastWord, samePerson, partyKey, sameParty, match } = require('./lib/relation-match');
const SET_DIRS = { ...DEV_SET_DIRS, heldout: 'heldout' };
const setName = opt('--set', 'dev');
if (!SET_DIRS[setName]) {
  console.error(`eval-relations: unknown --set ${setName} (known: ${Object.keys(SET_DIRS).join(', ')})`);
  process.exit(2);
}
const annDir = path.resolve(opt('--annotations', path.join(ROOT, 'scripts', 'relations', SET_DIRS[setName])));
const corpusDir = path.resolve(opt('--corpus', path.join(ROOT, '..', 'shared', 'corpus', 'cablegate')));

const { createExtractor } = require(path.join(ROOT, 'src/extract/index.ts'));
const { DEFAULT_EXTRACTOR } = require(path.join(ROOT, 'src/extract/types.ts'));
const extractorName = opt('--ner', DEFAULT_EXTRACTOR);
const { extractRelations, clearTitleReadings } = require(path.join(ROOT, 'src/extract/relations/index.ts'));
const { countryOf } = require(path.join(ROOT, 'src/extract/relations/text.ts'));
const { resolveEntities } = require(path.join(ROOT, 'src/resolve/index.ts'));
const { readCables } = require(path.join(ROOT, 'src/ingest/index.ts'));
const { parseCable } = require(path.join(ROOT, 'src/parse/index.ts'));

const country = (c) => (c ? (countryOf(c) ?? fold(c)) : undefined);
const sameOrg = (a, b) => {
  const x = fold(a);
  const y = fold(b);
  return x === y || (x.length > 3 && y.length > 3 && (x.includes(y) || y.includes(x)));
};
function sameOwner(sys, gold) {
  if (gold.country && sys.country) return country(gold.country) === country(sys.country);
  if (gold.organization && sys.organization) return sameOrg(gold.organization, sys.organization);
  return false;
}
/**
 * `sameOwner`, two organizations also the same when the cable's resolution makes them one entity: the annotation's
 * "ISI" and the reader's "Inter-Services Intelligence" where the cable writes "Inter-Services Intelligence (ISI)".
 * What the graph shows: the role's edge goes to that entity's node whichever of its names either side wrote.
 */
function sameOwnerResolved(entities) {
  // each organization entity's folded names, looked up by any of them
  const byName = new Map();
  for (const e of entities) {
    if (e.type !== 'ORGANIZATION') continue;
    const names = new Set([e.name, ...e.mentions].map(fold));
    for (const n of names) byName.set(n, names);
  }
  const sameEntity = (a, b) => byName.get(fold(a))?.has(fold(b)) ?? false;
  return (sys, gold) =>
    sameOwner(sys, gold) ||
    (!(gold.country && sys.country) &&
      gold.organization !== undefined &&
      sys.organization !== undefined &&
      sameEntity(gold.organization, sys.organization));
}

const prf = (tp, nSys, nGold) => ({
  precision: nSys ? tp / nSys : 1,
  recall: nGold ? tp / nGold : 1,
  tp,
  system: nSys,
  gold: nGold,
});
const pct = (x) => `${(100 * x).toFixed(1)}%`;

async function readCorpus(only) {
  const cables = [];
  for await (const raw of readCables([corpusDir], {})) {
    const cable = parseCable(raw);
    if (!only || only.has(cable.id)) cables.push(cable);
  }
  return cables;
}

async function main() {
  const annotations = fs
    .readdirSync(annDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(annDir, f), 'utf8')));
  const ids = new Set(annotations.map((a) => a.id));
  const all = await readCorpus();
  const cables = all.filter((c) => ids.has(c.id));
  const missing = [...ids].filter((id) => !cables.some((c) => c.id === id));
  if (missing.length) throw new Error(`annotated cables not found in ${corpusDir}: ${missing.join(', ')}`);

  const extractor = createExtractor(extractorName);
  const mentions = await extractor.extract(cables);
  const { perCable } = resolveEntities(cables, mentions);
  const totals = {
    roles: [0, 0, 0],
    rolesResolved: [0, 0, 0],
    rolesTitle: [0, 0, 0],
    meetings: [0, 0, 0],
    meetingsDated: [0, 0, 0],
  };
  const errors = [];
  cables.forEach((cable, i) => {
    const gold = annotations.find((a) => a.id === cable.id);
    const rel = extractRelations(cable, mentions[i], perCable[i]);
    // one role per person, title and owner
    const seen = new Set();
    const roles = [];
    for (const r of rel.roles) {
      const key = `${lastWord(r.person.name ?? r.person.text)}|${r.title}|${r.country ?? ''}|${r.organization ?? ''}`;
      if (!seen.has(key)) {
        seen.add(key);
        roles.push({
          person: r.person.name ?? r.person.text,
          title: r.title,
          country: r.country,
          organization: r.organization,
          evidence: r.evidence.text,
        });
      }
    }
    const full = match(
      roles,
      gold.roles,
      (s, g) => samePerson(s.person, g.person) && fold(s.title) === fold(g.title) && sameOwner(s, g),
    );
    const ownerResolved = sameOwnerResolved(perCable[i]);
    const resolved = match(
      roles,
      gold.roles,
      (s, g) => samePerson(s.person, g.person) && fold(s.title) === fold(g.title) && ownerResolved(s, g),
    );
    const byTitle = match(
      roles,
      gold.roles,
      (s, g) => samePerson(s.person, g.person) && fold(s.title) === fold(g.title),
    );
    // meetings per unordered pair, dated by a written date when any sentence gives one
    const pairs = new Map();
    for (const m of rel.meetings) {
      const a = partyKey(m.a);
      const b = partyKey(m.b);
      const key = [fold(a), fold(b)].sort().join('|');
      const prev = pairs.get(key);
      if (!prev) pairs.set(key, { a, b, date: m.date, text: m.dateSource === 'text', evidence: m.evidence.text });
      else if (!prev.text && m.dateSource === 'text') Object.assign(prev, { date: m.date, text: true });
    }
    const meetings = [...pairs.values()];
    const pairEq = (s, g) =>
      (sameParty(s.a, g.a) && sameParty(s.b, g.b)) || (sameParty(s.a, g.b) && sameParty(s.b, g.a));
    const mt = match(meetings, gold.meetings, pairEq);
    const md = match(meetings, gold.meetings, (s, g) => pairEq(s, g) && s.date === g.date);
    for (const [k, r, n, g] of [
      ['roles', full, roles.length, gold.roles.length],
      ['rolesResolved', resolved, roles.length, gold.roles.length],
      ['rolesTitle', byTitle, roles.length, gold.roles.length],
      ['meetings', mt, meetings.length, gold.meetings.length],
      ['meetingsDated', md, meetings.length, gold.meetings.length],
    ]) {
      totals[k][0] += r.tp;
      totals[k][1] += n;
      totals[k][2] += g;
    }
    errors.push({
      id: cable.id,
      roleFP: full.fp,
      roleFN: full.fn,
      meetingFP: mt.fp,
      meetingFN: mt.fn,
      dateWrong: md.fp.filter((s) => !mt.fp.includes(s)),
    });
  });
  const scores = Object.fromEntries(Object.entries(totals).map(([k, [tp, n, g]]) => [k, prf(tp, n, g)]));

  const dumpFile = opt('--dump');
  let timing;
  let corpusRun; // the whole corpus's mentions and resolution, shared by the timing and the dump
  const corpusMentions = async () => {
    if (!corpusRun) {
      const allMentions = await createExtractor(extractorName).extract(all);
      corpusRun = { allMentions, resolved: resolveEntities(all, allMentions) };
    }
    return corpusRun;
  };
  if (!args.includes('--no-timing')) {
    // cost on the whole corpus: the relation pass against entity extraction, by CPU time (user + system;
    // wall time on a loaded machine measures the other sessions as much as this one). Each is run twice:
    // the first pass is what a build pays (each cable read once, cold caches: the tagger keeps decoded
    // sentences, the relations keep title readings); the second, warm, is shown beside it.
    const ms = (a, b) => Number(b - a) / 1e6;
    const cpuMs = (c) => (c.user + c.system) / 1000;
    const corpusExtractor = createExtractor(extractorName);
    let allMentions;
    const extract = [];
    for (let pass = 0; pass < 2; pass += 1) {
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      allMentions = await corpusExtractor.extract(all);
      extract.push({ cpuMs: cpuMs(process.cpuUsage(c0)), wallMs: ms(t0, process.hrtime.bigint()) });
    }
    const resolved = resolveEntities(all, allMentions);
    corpusRun = { allMentions, resolved };
    let count = 0;
    const relations = [];
    for (let pass = 0; pass < 2; pass += 1) {
      count = 0;
      clearTitleReadings(); // as one build reads each cable once
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      all.forEach((c, i) => {
        const r = extractRelations(c, allMentions[i], resolved.perCable[i]);
        count += r.roles.length + r.affiliations.length + r.meetings.length;
      });
      relations.push({ cpuMs: cpuMs(process.cpuUsage(c0)), wallMs: ms(t0, process.hrtime.bigint()) });
    }
    timing = {
      cables: all.length,
      extract,
      relations,
      relationCount: count,
      loadAverage: require('node:os').loadavg()[0],
      // what a build pays: first passes, by CPU
      costOfExtraction: relations[0].cpuMs / extract[0].cpuMs,
      costOfExtractionWarm: relations[1].cpuMs / extract[1].cpuMs,
    };
  }

  if (dumpFile) {
    const { allMentions, resolved } = await corpusMentions();
    clearTitleReadings();
    const lines = [];
    all.forEach((c, i) => {
      const r = extractRelations(c, allMentions[i], resolved.perCable[i]);
      for (const kind of ['roles', 'affiliations', 'meetings'])
        for (const x of r[kind]) lines.push(`${c.id}\t${kind}\t${JSON.stringify(x)}`);
    });
    lines.sort();
    fs.writeFileSync(dumpFile, lines.length ? `${lines.join('\n')}\n` : '');
    console.error(`eval-relations: ${lines.length} relations of ${all.length} cables written to ${dumpFile}`);
  }

  if (args.includes('--json')) {
    console.log(JSON.stringify({ cables: cables.length, extractor: extractorName, scores, timing }, null, 2));
    return;
  }
  console.log(
    `Relations on ${cables.length} hand-annotated cables (${annDir}), mentions from the ${extractorName} extractor`,
  );
  const line = (label, s) =>
    console.log(
      `  ${label.padEnd(36)} P ${pct(s.precision).padStart(6)}  R ${pct(s.recall).padStart(6)}  (${s.tp} right of ${s.system} read, ${s.gold} annotated)`,
    );
  line('roles (person, title, owner)', scores.roles);
  line('  owner by resolved organization', scores.rolesResolved);
  line('roles (person, title)', scores.rolesTitle);
  line('meetings (pair)', scores.meetings);
  line('meetings (pair, date)', scores.meetingsDated);
  if (timing) {
    const pass = (p) => `${p.cpuMs.toFixed(0)} ms CPU (${p.wallMs.toFixed(0)} ms wall)`;
    console.log(
      `Cost on the corpus (${timing.cables} cables, ${timing.relationCount} relations, load average ${timing.loadAverage.toFixed(1)}):`,
    );
    console.log(`  extraction  first pass ${pass(timing.extract[0])}, second ${pass(timing.extract[1])}`);
    console.log(`  relations   first pass ${pass(timing.relations[0])}, second ${pass(timing.relations[1])}`);
    console.log(
      `  relations cost ${pct(timing.costOfExtraction)} of extraction's CPU time (first passes, as a build; target <= 10%); warm ${pct(timing.costOfExtractionWarm)}`,
    );
  }
  if (args.includes('--errors')) {
    for (const e of errors) {
      const lines = [
        ...e.roleFP.map(
          (r) =>
            `  role +  ${r.person} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}    « ${r.evidence.slice(0, 140)} »`,
        ),
        ...e.roleFN.map((r) => `  role -  ${r.person} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`),
        ...e.meetingFP.map((m) => `  meet +  ${m.a} — ${m.b} ${m.date ?? ''}    « ${m.evidence.slice(0, 140)} »`),
        ...e.meetingFN.map((m) => `  meet -  ${m.a} — ${m.b} ${m.date ?? ''}`),
        ...e.dateWrong.map((m) => `  date ?  ${m.a} — ${m.b} ${m.date ?? ''}`),
      ];
      if (lines.length) console.log(`${e.id}\n${lines.join('\n')}`);
    }
  }
}
main().catch((e) => {
  console.error(e.stack ?? e);
  process.exit(1);
});
