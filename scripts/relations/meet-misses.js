#!/usr/bin/env node
/**
 * The gold meeting pairs the reader misses on the development sets, each with what a reader of its causes needs:
 * whether it is a candidate at all (both sides among the parties one meeting-word sentence shows the forms, as
 * readMeetings' observer sees them), the pairs the rules did read in that cable, and the sentences naming both
 * sides (else those naming either). The causes themselves are judged by hand (scripts/relations/dev-misses-r18.md).
 *
 *   node scripts/relations/meet-misses.js [--sets dev,dev2,…] [--corpus DIR] [--context N]
 *
 * The misses are eval-relations.js --errors' own ("meet -" lines), so the matching is the scorer's. Never reads the
 * held-out set (not in its set list). --context N: at most N sentences shown per pair (default 4).
 */
'use strict';
const path = require('node:path');
const { execFileSync } = require('node:child_process');

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

const { DEV_SET_DIRS, sameParty } = require(path.join(ROOT, 'scripts', 'lib', 'relation-match'));
// the development sets, as eval-relations.js knows them (held-out is not among them)
const SETS = Object.keys(DEV_SET_DIRS);
const sets = opt('--sets', SETS.join(',')).split(',');
for (const s of sets) if (!SETS.includes(s)) throw new Error(`meet-misses: unknown set ${s} (held-out is not read)`);
const corpusDir = path.resolve(opt('--corpus', path.join(ROOT, '..', 'shared', 'corpus', 'cablegate')));
const CONTEXT = Number(opt('--context', '4'));

// ---- pair matching, as scripts/eval-relations.js ----
const keyOf = (p) => (p.kind === 'officer' ? `officer:${p.role}` : (p.name ?? p.text));

/** The misses eval-relations.js --errors lists for a set: [cable id, side a, side b]. */
function missesOf(set) {
  const out = execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'eval-relations.js'), '--set', set, '--corpus', corpusDir, '--no-timing', '--errors'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const misses = [];
  let id;
  for (const line of out.split('\n')) {
    const head = /^(\d\d[A-Z][A-Z0-9]+)$/.exec(line.trim());
    if (head) id = head[1];
    const m = /^\s*meet -\s+(.+?) — (.+?)(?: \d{4}-\d\d-\d\d| \?)?$/.exec(line);
    if (m && id) misses.push([id, m[1], m[2]]);
  }
  return misses;
}

/** A pattern for a side in the text: a person's last word; an officer's function as the cables write it. */
function sidePattern(side) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!side.startsWith('officer:')) return new RegExp(`\\b${escape(side.split(/\s+/).pop())}`, 'i');
  const role = side.slice('officer:'.length);
  const known = {
    Ambassador: /\bAmbassador\b|\bAmb\b/,
    Poloff: /\bPol\s*off/i,
    Econoff: /\bEcon\s*off/i,
    DCM: /\bDCM\b|Deputy Chief of Mission/,
    'Embassy Officer': /\bEmboffs?\b|\bus\b|\bwe\b|Embassy officers?/i,
  };
  return known[role] ?? new RegExp(escape(role.split(/\s+/)[0]), 'i');
}

async function main() {
  const misses = sets.flatMap((set) => missesOf(set).map((m) => [set, ...m]));
  const ids = new Set(misses.map((m) => m[1]));
  const cables = [];
  for await (const raw of readCables([corpusDir], {})) {
    const cable = parseCable(raw);
    if (ids.has(cable.id)) cables.push(cable);
  }
  const mentions = await createExtractor(DEFAULT_EXTRACTOR).extract(cables);
  const { perCable } = resolveEntities(cables, mentions);
  const read = new Map();
  cables.forEach((cable, i) => {
    const ctx = contextOf(cable, mentions[i], perCable[i]);
    const slots = [];
    const meetings = readMeetings(ctx, readRoles(ctx), (_, seen) => slots.push(seen.map((x) => keyOf(x.party))));
    read.set(cable.id, { ctx, slots, pairs: [...new Set(meetings.map((m) => `${keyOf(m.a)} — ${keyOf(m.b)}`))] });
  });
  let candidates = 0;
  for (const [set, id, a, b] of misses) {
    const { ctx, slots, pairs } = read.get(id);
    const candidate = slots.some(
      (keys) => keys.some((k) => sameParty(k, a)) && keys.some((k) => sameParty(k, b) && !sameParty(k, a)),
    );
    if (candidate) candidates += 1;
    const text = ctx.cable.text;
    console.log(`\n${candidate ? 'CANDIDATE' : 'NO CANDIDATE'}  ${set} ${id}  ${a} — ${b}`);
    console.log(`  subject: ${ctx.cable.subject ?? ''}`);
    console.log(`  rules read: ${pairs.join('; ') || '(none)'}`);
    const ra = sidePattern(a);
    const rb = sidePattern(b);
    const sentences = ctx.sentences.map((s) => ({ s, t: text.slice(s.start, s.end).replace(/\s+/g, ' ') }));
    const both = sentences.filter(({ t }) => ra.test(t) && rb.test(t));
    const shown = both.length > 0 ? both : sentences.filter(({ t }) => ra.test(t) || rb.test(t));
    for (const { s, t } of shown.slice(0, CONTEXT)) {
      const persons = ctx.persons.filter((m) => m.start >= s.start && m.end <= s.end).map((m) => m.text);
      console.log(`  ${both.length > 0 ? 'both' : 'one'} ¶${s.paragraph ?? '-'}: ${t.slice(0, 400)}`);
      console.log(`    persons the extractor found: ${persons.join(' | ').replace(/\s+/g, ' ') || '(none)'}`);
    }
  }
  console.log(`\n${misses.length} missed gold pairs, ${candidates} of them candidates (sets ${sets.join(',')})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
