#!/usr/bin/env node
/**
 * Lists the cables of the relations evaluation set: a seeded random sample of ../shared/corpus
 * (never the gold cables, never the seeds the extractor was developed on), from embassy,
 * consulate and mission cables whose text is at most --max-chars long (so each can be read and
 * annotated in full by hand).
 *
 *   npm run build && node scripts/relations/sample.js [--seed 17] [--count 30] [--max-chars 6000]
 *                                                     [--exclude-dir DIR]... [--exclude-list FILE]...
 *   node scripts/relations/sample.js --set heldout > scripts/relations/heldout.tsv
 *
 * --set dev (the default) is the development sample (sample.tsv, annotated in annotations/);
 * --set heldout draws the held-out sample with its own seed from the same eligible cables minus
 * every cable of the development set (its list and its annotations), so the two never overlap.
 * --exclude-dir leaves out the cables annotated in DIR (ID.json), --exclude-list those listed in
 * FILE (an ID first on each line); both may be repeated and add to a set's own exclusions.
 * --shared DIR is the shared data folder (default ../shared beside the repository: a git worktree
 * elsewhere names it).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const { args, opt } = require('../lib/cli-args');
const opts = (name) => args.flatMap((a, i) => (a === name && i + 1 < args.length ? [args[i + 1]] : []));
const HERE = __dirname;
/** Each set's seed, size and the cables it must never share with another set. */
const SETS = {
  dev: { seed: 17, count: 30, excludeDirs: [], excludeLists: [] },
  heldout: {
    seed: 1717,
    count: 50,
    excludeDirs: [path.join(HERE, 'annotations')],
    excludeLists: [path.join(HERE, 'sample.tsv')],
  },
};
const setName = opt('--set', 'dev');
const set = SETS[setName];
function fail(message) {
  console.error(`sample.js: ${message}`);
  process.exit(2);
}
if (!set) fail(`unknown --set ${setName} (known: ${Object.keys(SETS).join(', ')})`);
const seed = Number(opt('--seed', String(set.seed)));
const count = Number(opt('--count', String(set.count)));
const maxChars = Number(opt('--max-chars', '6000'));
const sharedDir = path.resolve(opt('--shared', path.join(ROOT, '..', 'shared')));

/** The cable IDs annotated in a directory (ID.json) or listed in a file (an ID first on each line). */
function idsIn(dirs, lists) {
  const ids = new Set();
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) fail(`--exclude-dir ${dir}: no such directory`);
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.json')) ids.add(f.replace(/\.json$/, ''));
  }
  for (const file of lists) {
    if (!fs.existsSync(file)) fail(`--exclude-list ${file}: no such file`);
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const id = line.split('\t')[0].trim();
      if (id) ids.add(id);
    }
  }
  return ids;
}
const otherSets = idsIn(
  [...set.excludeDirs, ...opts('--exclude-dir').map((d) => path.resolve(d))],
  [...set.excludeLists, ...opts('--exclude-list').map((f) => path.resolve(f))],
);
const { seededRandom } = require(path.join(ROOT, 'dist/common/random'));
const { readCables } = require(path.join(ROOT, 'dist/ingest'));
const { parseCable } = require(path.join(ROOT, 'dist/parse'));

/** Cables the extractor was developed or measured on elsewhere. */
const EXCLUDED = new Set([
  ...fs.readdirSync(path.join(sharedDir, 'gold', 'text')).map((f) => f.replace(/\.txt$/, '')),
  '07PARIS3534',
  '05PARIS77',
]);

async function main() {
  const eligible = [];
  for await (const raw of readCables([path.join(sharedDir, 'corpus', 'cablegate')], {})) {
    const cable = parseCable(raw);
    if (EXCLUDED.has(cable.id) || otherSets.has(cable.id) || cable.text.length > maxChars) continue;
    if (!/^(?:Embassy|Consulate|Mission|US Mission|USUN|USNATO|USEU)/i.test(cable.origin ?? '')) continue;
    eligible.push({ id: cable.id, file: raw.source?.file ?? raw.file });
  }
  eligible.sort((a, b) => a.id.localeCompare(b.id));
  const random = seededRandom(seed);
  const picked = [];
  while (picked.length < count && eligible.length > 0)
    picked.push(eligible.splice(Math.floor(random() * eligible.length), 1)[0]);
  for (const p of picked) process.stdout.write(`${p.id}\t${p.file}\n`);
  process.stderr.write(
    `${picked.length} of ${picked.length + eligible.length} eligible cables (set ${setName}, seed ${seed}, ${otherSets.size} excluded as another set's)\n`,
  );
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
