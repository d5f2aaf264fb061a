#!/usr/bin/env node
/**
 * Benchmark and output check of the entity extractors (extraction alone, no resolution).
 *
 *   node scripts/bench-extract.js [INPUT …] [--limit N] [--ner builtin,tagger] [--passes N]
 *                                 [--src SRC_DIR] [--against SRC_DIR] [--dump FILE]
 *
 * INPUT: cable files, folders or CSV dumps (default ../shared/corpus); `--limit N` keeps the first
 * N cables read. The cables are read and parsed once, then per extractor: one untimed warm-up pass,
 * then `--passes` (default 5) timed passes, each timed in CPU time of this process
 * (`process.cpuUsage`: what a busy machine disturbs least). `--against DIR` loads a second copy of
 * the extractors from another source tree (e.g. `git archive main src | tar -x -C /tmp/base`, with
 * a node_modules link beside it) and alternates its passes with this tree's, pass by pass, so both
 * see the same load (they share one heap, though: for separate heaps run one process per tree,
 * alternating, with `--src DIR` timing another tree's extractors alone). Prints MB of cable text per CPU second (median pass) per extractor and tree.
 * `--dump FILE` writes every mention of every extractor instead (extractor, cable, offsets, type,
 * paragraph, text and the canonical name resolution gives it by form): `cmp` two dumps to prove a
 * change leaves the output byte-identical.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

require('./lib/ts-require');
const { readParsedCables } = require('./lib/read-cables');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const inputs = [];
const flags = {};
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith('--')) flags[args[i].slice(2)] = args[++i];
  else inputs.push(args[i]);
}
if (!inputs.length) inputs.push(path.join(ROOT, '..', 'shared', 'corpus'));
const limit = flags.limit ? Number(flags.limit) : Infinity;
const passes = Number(flags.passes ?? 5);
const ners = (flags.ner ?? 'builtin,tagger').split(',');

/** The extractor factory and canonical-name function of one source tree. */
function tree(srcDir) {
  return {
    label: srcDir === path.join(ROOT, 'src') ? 'this tree' : srcDir,
    createExtractor: require(path.join(srcDir, 'extract', 'index.ts')).createExtractor,
  };
}

const readParsed = () => readParsedCables(inputs, limit);

async function dump(cables, file) {
  const { canonicalOf } = require(path.join(ROOT, 'src', 'resolve', 'canonical.ts'));
  const { cableCountries } = require(path.join(ROOT, 'src', 'resolve', 'index.ts'));
  const { createExtractor } = tree(path.join(ROOT, 'src'));
  const countries = cables.map((c) => cableCountries(c));
  const lines = [];
  for (const ner of ners) {
    const all = await createExtractor(ner, {}).extract(cables);
    all.forEach((mentions, i) => {
      for (const m of mentions) {
        const c = canonicalOf(m.type, m.text, countries[i]);
        const canon = c === undefined ? '?' : c === null ? '-' : `${c.type}:${c.name}`;
        lines.push(
          [ner, cables[i].id, m.start, m.end, m.type, m.paragraph ?? '', JSON.stringify(m.text), canon].join('\t'),
        );
      }
    });
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  console.log(`${lines.length} mentions of ${cables.length} cables (${ners.join(', ')}) → ${file}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bench(cables) {
  const bytes = cables.reduce((n, c) => n + Buffer.byteLength(c.text), 0);
  const trees = [tree(flags.src ? path.resolve(flags.src) : path.join(ROOT, 'src'))];
  if (flags.against) trees.push(tree(path.resolve(flags.against)));
  console.log(
    `${cables.length} cables, ${(bytes / 1e6).toFixed(2)} MB of text; ${passes} timed passes per extractor and tree after a warm-up, node ${process.version}`,
  );
  for (const ner of ners) {
    const runs = trees.map((t) => ({ t, extractor: t.createExtractor(ner, {}), cpu: [] }));
    for (const r of runs) await r.extractor.extract(cables); // warm-up: JIT, lexicons, caches
    for (let p = 0; p < passes; p++)
      for (const r of p % 2 ? [...runs].reverse() : runs) {
        const c0 = process.cpuUsage();
        await r.extractor.extract(cables);
        const c = process.cpuUsage(c0);
        r.cpu.push((c.user + c.system) / 1e6);
      }
    for (const r of runs) {
      const s = median(r.cpu);
      console.log(
        `${ner.padEnd(8)} ${r.t.label}: ${(bytes / 1e6 / s).toFixed(2)} MB per CPU second (median pass ${(s * 1000).toFixed(0)} ms; passes ${r.cpu.map((x) => (x * 1000).toFixed(0)).join(' ')} ms)`,
      );
    }
  }
  console.log(`load average ${os.loadavg()[0].toFixed(1)}`);
}

(async () => {
  const cables = await readParsed();
  if (flags.dump) await dump(cables, flags.dump);
  else await bench(cables);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
