#!/usr/bin/env node
/**
 * CPU cost of the relation reader (roles, affiliations, meetings) beside the stages a build runs before it.
 *
 *   node scripts/bench-relations.js [INPUT …] [--limit N] [--ner EXTRACTOR] [--passes N] [--src SRC_DIR]
 *                                   [--against SRC_DIR] [--dump FILE] [--json]
 *
 * INPUT: cable files, folders or CSV dumps (default ../shared/corpus); `--limit N` keeps the first N
 * cables read. The cables are read and parsed, their mentions extracted (the default extractor unless
 * --ner names one) and resolved once each, timed in CPU time of this process (`process.cpuUsage`, user +
 * system: what a busy machine disturbs least); then the relation reader reads every cable `--passes`
 * times (default 2). The first pass is what a build pays (each cable read once, the title readings
 * empty, the engine cold); the later ones show the same work warm. `--src DIR` times another source
 * tree's relation reader (e.g. `git archive HEAD src | tar -x -C /tmp/base`, with a node_modules link
 * beside it) over this tree's mentions: run one process per tree, alternating, to compare two versions.
 * `--against DIR` loads a second tree's reader into the same process and alternates their passes (this tree's,
 * then the other's, `--passes` times each), so that both see the same load; it prints each tree's median pass
 * (warm passes: the first pass of each is also the other's warm-up of shared code such as the regex cache).
 * `--dump FILE` writes every relation (cable id, kind, JSON; sorted, the format of eval-relations.js
 * --dump) so that `cmp` shows a speed change left the output byte-identical.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

require('./lib/ts-require');

const ROOT = path.join(__dirname, '..');
const { args, opt } = require('./lib/cli-args');
const VALUED = new Set(['--limit', '--ner', '--passes', '--src', '--dump', '--against']);
const inputs = args.filter((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1]));
if (!inputs.length) inputs.push(path.join(ROOT, '..', 'shared', 'corpus'));
const limit = Number(opt('--limit', Infinity));
const passes = Number(opt('--passes', 2));
const srcDir = path.resolve(opt('--src', path.join(ROOT, 'src')));
const dumpFile = opt('--dump');
const againstDir = opt('--against') && path.resolve(opt('--against'));

const { readParsedCables } = require('./lib/read-cables');
const { createExtractor } = require(path.join(ROOT, 'src/extract/index.ts'));
const { DEFAULT_EXTRACTOR } = require(path.join(ROOT, 'src/extract/types.ts'));
const { resolveEntities } = require(path.join(ROOT, 'src/resolve/index.ts'));
const extractorName = opt('--ner', DEFAULT_EXTRACTOR);

const cpuMs = (c) => (c.user + c.system) / 1000;
/** CPU milliseconds of `fn` (awaited), and its result. */
async function timed(fn) {
  const c0 = process.cpuUsage();
  const result = await fn();
  return { ms: cpuMs(process.cpuUsage(c0)), result };
}

async function main() {
  const read = await timed(() => readParsedCables(inputs, limit));
  const cables = read.result;
  const extract = await timed(() => createExtractor(extractorName).extract(cables));
  const mentions = extract.result;
  const resolve = await timed(() => resolveEntities(cables, mentions));
  const { perCable } = resolve.result;
  // the reader is loaded after the stages above, as a build loads it on first use
  const { extractRelations, clearTitleReadings } = require(path.join(srcDir, 'extract/relations/index.ts'));
  if (againstDir) return alternate(cables, mentions, perCable, extract.ms);
  const relations = [];
  let read_;
  for (let pass = 0; pass < passes; pass += 1) {
    clearTitleReadings(); // as one build reads each cable once
    const t = await timed(() => cables.map((c, i) => extractRelations(c, mentions[i], perCable[i])));
    relations.push(t.ms);
    read_ = t.result;
  }
  const count = read_ ? read_.reduce((n, r) => n + r.roles.length + r.affiliations.length + r.meetings.length, 0) : 0;
  if (dumpFile && read_) {
    const lines = [];
    read_.forEach((r, i) => {
      for (const kind of ['roles', 'affiliations', 'meetings'])
        for (const x of r[kind]) lines.push(`${cables[i].id}\t${kind}\t${JSON.stringify(x)}`);
    });
    lines.sort();
    fs.writeFileSync(dumpFile, lines.length ? `${lines.join('\n')}\n` : '');
    console.error(`bench-relations: ${lines.length} relations of ${cables.length} cables written to ${dumpFile}`);
  }
  const mb = cables.reduce((n, c) => n + c.text.length, 0) / 1e6;
  const figures = {
    cables: cables.length,
    textMB: Number(mb.toFixed(1)),
    extractor: extractorName,
    reader: srcDir,
    loadAverage: Number(os.loadavg()[0].toFixed(1)),
    cpuMs: {
      readParse: Math.round(read.ms),
      extract: Math.round(extract.ms),
      resolve: Math.round(resolve.ms),
      relations: relations.map(Math.round),
    },
    relationCount: count,
    // what a build pays: the first pass, against extraction, and against all the stages before it
    ofExtraction: relations[0] / extract.ms,
    ofReadExtractResolve: relations[0] / (read.ms + extract.ms + resolve.ms),
  };
  if (args.includes('--json')) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `${figures.cables} cables (${figures.textMB} MB of text), ${extractorName} extractor, load average ${figures.loadAverage}; CPU ms:`,
  );
  console.log(
    `  read+parse ${figures.cpuMs.readParse}, extract ${figures.cpuMs.extract}, resolve ${figures.cpuMs.resolve}, relations ${figures.cpuMs.relations.join(' / ')} (passes; ${count} relations)`,
  );
  console.log(
    `  relations (first pass) = ${pct(figures.ofExtraction)} of extraction, ${pct(figures.ofReadExtractResolve)} of read+parse+extract+resolve`,
  );
}
/** `--against`: this tree's reader and another's, pass by pass in one process; the median pass of each. */
function alternate(cables, mentions, perCable, extractMs) {
  const trees = [srcDir, againstDir].map((dir) => ({
    dir,
    reader: require(path.join(dir, 'extract/relations/index.ts')),
    ms: [],
  }));
  for (let pass = 0; pass < passes; pass += 1)
    for (const t of trees) {
      t.reader.clearTitleReadings();
      const c0 = process.cpuUsage();
      cables.forEach((c, i) => t.reader.extractRelations(c, mentions[i], perCable[i]));
      t.ms.push(cpuMs(process.cpuUsage(c0)));
    }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `${cables.length} cables, extraction ${Math.round(extractMs)} ms CPU, load average ${os.loadavg()[0].toFixed(1)}; relations CPU ms by pass, alternated:`,
  );
  for (const t of trees)
    console.log(
      `  ${t.dir}: ${t.ms.map(Math.round).join(' ')} (median ${Math.round(median(t.ms))}, median of passes 2+ ${Math.round(median(t.ms.slice(1)))})`,
    );
}
main().catch((e) => {
  console.error(e.stack ?? e);
  process.exit(1);
});
