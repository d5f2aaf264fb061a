#!/usr/bin/env node
/**
 * The entities with the most cables in a corpus, with their aliases and one context each: the list
 * a person judges by hand (junk names, wrong types, people split in two).
 *
 *   node scripts/ner/top-entities.js [INPUT…] [--top 300] [--ner NAME (default: the default extractor)] [--json] [--contexts]
 *
 * INPUT defaults to ../shared/corpus. Runs parse + extract + resolve from the TypeScript sources
 * (the same @swc/core require hook as scripts/eval-entities.js), no build needed. The ranking is
 * that of `cablegraph entities list` on a graph built from the same cables without curation.
 */
'use strict';
const path = require('node:path');

require('../lib/ts-require');

const ROOT = path.join(__dirname, '..', '..');
const { args, opt } = require('../lib/cli-args');
const inputs = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--top', '--ner'].includes(args[i - 1])));
const top = Number(opt('--top', '300'));

const { readCables } = require(path.join(ROOT, 'src/ingest/index.ts'));
const { processCables } = require(path.join(ROOT, 'src/pipeline/pool.ts'));
const { resolveEntities } = require(path.join(ROOT, 'src/resolve/index.ts'));
const { DEFAULT_EXTRACTOR } = require(path.join(ROOT, 'src/extract/types.ts'));

const KIND = { PERSON: 'Person', ORGANIZATION: 'Organization', PLACE: 'Place' };

async function main() {
  const cables = [];
  const mentions = [];
  const sources = inputs.length ? inputs : [path.join(ROOT, '..', 'shared', 'corpus')];
  for await (const p of processCables(readCables(sources, {}), { ner: opt('--ner', DEFAULT_EXTRACTOR), workers: 0 })) {
    cables.push(p.cable);
    mentions.push(p.mentions);
  }
  // the graph orders its records by cable id
  const order = cables
    .map((_c, i) => i)
    .sort((a, b) => (cables[a].id < cables[b].id ? -1 : cables[a].id > cables[b].id ? 1 : 0));
  const sortedCables = order.map((i) => cables[i]);
  const sortedMentions = order.map((i) => mentions[i]);
  const { entities } = resolveEntities(sortedCables, sortedMentions);
  const byId = new Map(sortedCables.map((c, i) => [c.id, i]));
  const ranked = [...entities]
    .sort((a, b) => b.cables.length - a.cables.length || (a.id < b.id ? -1 : 1))
    .slice(0, top);
  if (args.includes('--json')) {
    console.log(
      JSON.stringify(
        ranked.map((e) => ({ ...e, cables: e.cables.length })),
        null,
        1,
      ),
    );
    return;
  }
  ranked.forEach((e, k) => {
    const aliases = e.aliases
      .slice(0, 6)
      .map((a) => `${a.text}×${a.count}`)
      .join(', ');
    let line = `${String(k + 1).padStart(3)} ${String(e.cables.length).padStart(4)}  ${KIND[e.type].padEnd(12)} ${e.name}   [${aliases}]`;
    if (args.includes('--contexts')) {
      const i = byId.get(e.cables[0]);
      const m = sortedMentions[i].find((x) => e.aliases.some((a) => a.text === x.text));
      if (m)
        line += `\n        ${e.cables[0]}: …${sortedCables[i].text.slice(Math.max(0, m.start - 50), m.end + 40).replace(/\s+/g, ' ')}…`;
    }
    console.log(line);
  });
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
