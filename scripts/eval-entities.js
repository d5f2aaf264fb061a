#!/usr/bin/env node
/**
 * Scores an extractor (+ resolution) on the hand-annotated gold cables in ../shared/gold.
 *
 *   node scripts/eval-entities.js [--ner builtin|tagger|annotated|corenlp] [--gold DIR] [--errors] [--weights FILE (tagger)]
 *   node scripts/eval-entities.js --cv K [--annotations DIR] [--dump FILE]   # K-fold cross-validation of tagger and builtin
 *                                                             # on the annotated training cables (scripts/ner/train.js)
 *
 * Runs straight from the TypeScript sources (a small require hook compiles them with @swc/core, a
 * devDependency), so it works on a clean clone after `npm ci`, without a build.
 * `--ner annotated` only applies to annotated inputs (bracketed `[PER ...]` text): the gold texts
 * are plain, so it scores 0 there.
 *
 * Matching: a predicted entity matches a gold one of the same type (typed) or any type (untyped)
 * when its name or one of its mentions equals the gold name or one of the gold mentions after
 * normalizing case, diacritics, punctuation and titles; matching is one-to-one.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

require('./lib/ts-require');

const ROOT = path.join(__dirname, '..');
const { args, opt } = require('./lib/cli-args');
const ner = opt('--ner', 'builtin');
if (args.includes('--cv')) {
  // Cross-validation trains the tagger on K-1 folds of the annotated cables and scores the held-out fold.
  const { spawnSync } = require('node:child_process');
  const extra = args.includes('--annotations') ? ['--annotations', opt('--annotations')] : [];
  const r = spawnSync(
    process.execPath,
    [
      path.join(__dirname, 'ner', 'train.js'),
      '--folds',
      opt('--cv', '5'),
      '--no-write',
      '--quiet',
      ...extra,
      ...(args.includes('--errors') ? ['--errors'] : []),
      ...(args.includes('--dump') ? ['--dump', opt('--dump')] : []),
    ],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}
const goldDir = path.resolve(opt('--gold', path.join(ROOT, '..', 'shared', 'gold')));

const { createExtractor } = require(path.join(ROOT, 'src/extract/index.ts'));
const { resolveEntities, stripTitles } = require(path.join(ROOT, 'src/resolve/index.ts'));
let parseCable;
try {
  parseCable = require(path.join(ROOT, 'src/parse/index.ts')).parseCable;
} catch {
  parseCable = undefined;
}

/** A minimal Cable when the parser is unavailable: text, numbered paragraphs, TAGS, origin. */
function minimalCable(id, text) {
  const paragraphs = [];
  const re = /^[ \t]*¶?(\d{1,2})\.[ \t]/gm;
  const starts = [...text.matchAll(re)];
  starts.forEach((m, k) => {
    const start = m.index;
    const end = k + 1 < starts.length ? starts[k + 1].index : text.length;
    paragraphs.push({
      number: Number(m[1]),
      text: text.slice(start, end),
      start,
      end,
      isSummary: false,
      isComment: false,
    });
  });
  const tagLine = /^TAGS:?([^\n]*(?:\n[A-Z]{2,4}(?:[ ,]+[A-Z]{2,4})*[ ,]*(?=\n))?)/m.exec(text);
  const tags = tagLine
    ? tagLine[1]
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((code) => ({ code, kind: code.length === 2 ? 'country' : 'unknown' }))
    : [];
  const origin = (/^\d{2}([A-Z]+)\d+$/.exec(id) || [])[1];
  return {
    id,
    idSource: 'option',
    caveats: [],
    origin,
    routing: { to: [], info: [] },
    tags,
    references: [],
    signers: [],
    paragraphs,
    text,
    source: { path: id },
    format: 'text',
    diagnostics: [],
  };
}

const { scorer } = require(path.join(ROOT, 'scripts/lib/entity-score.js'));

async function main() {
  const ids = fs
    .readdirSync(path.join(goldDir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
  const texts = ids.map((id) => fs.readFileSync(path.join(goldDir, 'text', `${id}.txt`), 'utf8'));
  const golds = ids.map(
    (id) => JSON.parse(fs.readFileSync(path.join(goldDir, 'annotations', `${id}.json`), 'utf8')).entities,
  );
  let parsedCount = 0;
  const cables = ids.map((id, i) => {
    if (parseCable) {
      try {
        const c = parseCable(
          {
            body: texts[i],
            metadata: { referenceId: id },
            format: 'text',
            source: { path: path.join(goldDir, 'text', `${id}.txt`) },
            diagnostics: [],
          },
          { id },
        );
        if (c && c.text === texts[i]) {
          parsedCount++;
          return { ...c, id };
        }
      } catch {
        /* fall back */
      }
    }
    return minimalCable(id, texts[i]);
  });
  // --weights FILE: the tagger with other weights (a cross-validation fold's, say) than the committed ones
  const extractor =
    ner === 'tagger' && args.includes('--weights')
      ? new (require(path.join(ROOT, 'src/extract/tagger/index.ts')).TaggerExtractor)({
          weights: path.resolve(opt('--weights')),
        })
      : createExtractor(ner, {});
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  // One untimed warm-up pass (JIT, server caches), then timed passes over the same cables:
  // 20 by default for in-process extractors, 2 for a server (--reps N to change).
  let mentions = await extractor.extract(cables);
  let resolved = resolveEntities(cables, mentions);
  const reps = Number(opt('--reps', ner === 'corenlp' ? '2' : '20'));
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < reps; r++) {
    mentions = await extractor.extract(cables);
    resolved = resolveEntities(cables, mentions);
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  if (extractor.close) await extractor.close();

  const score = scorer(stripTitles);
  ids.forEach((id, i) => score.add(id, resolved.perCable[i], golds[i]));
  console.log(`## Entity extraction on ${ids.length} gold cables — extractor \`${ner}\` + resolution\n`);
  console.log(score.table());
  console.log(
    `\nThroughput: ${((bytes * reps) / 1e6 / secs).toFixed(2)} MB/s of cable text (extract + resolve, ${(bytes / 1024).toFixed(0)} KB × ${reps} runs, ${secs.toFixed(2)} s)`,
  );
  // CPU time of this process: what a busy machine disturbs least (wall time counts the waits for a core); a server extractor's work is not in it
  console.log(
    `Per CPU second: ${((bytes * reps) / 1e6 / cpuSecs).toFixed(2)} MB/s (${cpuSecs.toFixed(2)} s of CPU, load average ${require('node:os').loadavg()[0].toFixed(1)})`,
  );
  console.log(
    `Cables parsed with parseCable: ${parsedCount}/${ids.length} (others: minimal text+paragraphs+TAGS cable)`,
  );
  if (args.includes('--errors')) console.log('\n' + score.errors.join('\n'));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
