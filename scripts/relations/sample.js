#!/usr/bin/env node
/**
 * Lists the cables of the relations evaluation set: a seeded random sample of ../shared/corpus
 * (never the gold cables, never the seeds the extractor was developed on), from embassy,
 * consulate and mission cables whose text is at most --max-chars long (so each can be read and
 * annotated in full by hand).
 *
 *   npm run build && node scripts/relations/sample.js [--seed 17] [--count 30] [--max-chars 6000]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const seed = Number(opt('--seed', '17'));
const count = Number(opt('--count', '30'));
const maxChars = Number(opt('--max-chars', '6000'));
const { seededRandom } = require(path.join(ROOT, 'dist/common/random'));
const { readCables } = require(path.join(ROOT, 'dist/ingest'));
const { parseCable } = require(path.join(ROOT, 'dist/parse'));

/** Cables the extractor was developed or measured on elsewhere. */
const EXCLUDED = new Set([
  ...fs.readdirSync(path.join(ROOT, '..', 'shared', 'gold', 'text')).map((f) => f.replace(/\.txt$/, '')),
  '07PARIS3534',
  '05PARIS77',
]);

async function main() {
  const eligible = [];
  for await (const raw of readCables([path.join(ROOT, '..', 'shared', 'corpus', 'cablegate')], {})) {
    const cable = parseCable(raw);
    if (EXCLUDED.has(cable.id) || cable.text.length > maxChars) continue;
    if (!/^(?:Embassy|Consulate|Mission|US Mission|USUN|USNATO|USEU)/i.test(cable.origin ?? '')) continue;
    eligible.push({ id: cable.id, file: raw.source?.file ?? raw.file });
  }
  eligible.sort((a, b) => a.id.localeCompare(b.id));
  const random = seededRandom(seed);
  const picked = [];
  while (picked.length < count && eligible.length > 0)
    picked.push(eligible.splice(Math.floor(random() * eligible.length), 1)[0]);
  for (const p of picked) process.stdout.write(`${p.id}\t${p.file}\n`);
  process.stderr.write(`${picked.length} of ${picked.length + eligible.length} eligible cables (seed ${seed})\n`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
