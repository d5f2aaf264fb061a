#!/usr/bin/env node
/**
 * Measures `build --append --in-place` (or the rebuild, `--mode rebuild`) of N cables on a COPY of a
 * graph database: wall and CPU seconds, peak RSS, the build's stages and the rows it rewrote.
 * The database given is never written.
 *
 *   npm run build && node scripts/bench-append.js --db graph-10000.db --from cables-50000.csv --skip 10000 [-n 1000]
 *   node scripts/bench-append.js --db graph-10000.db --cables new-1000.csv      # cables already cut out
 *
 * --from/--skip take rows skip+1 … skip+n of a cables.csv (the generator is prefix-stable: rows
 * 10,001–11,000 of cables-50000.csv are the 1,000 cables a 11,000-cable corpus adds to the 10,000
 * one). --work DIR holds the copy (default: beside --db's name in os.tmpdir()), removed afterwards
 * unless --keep. --dist DIR runs another build of cablegraph (a before/after comparison), --raise
 * runs the append in its own autogroup at the highest priority (a shared machine: only for runs
 * whose wall time is reported, one at a time), --profile DIR writes a V8 CPU profile there. Prints one JSON line at the end (--json FILE: also
 * appended there).
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { parseArgs } = require('node:util');

const USAGE =
  'usage: node scripts/bench-append.js --db FILE (--cables FILE | --from FILE --skip K) [-n 1000] [--work DIR] [--keep] [--dist DIR] [--mode in-place|rebuild] [--raise] [--json FILE] [--profile DIR]';
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      db: { type: 'string' },
      cables: { type: 'string' },
      from: { type: 'string' },
      skip: { type: 'string' },
      n: { type: 'string', short: 'n', default: '1000' },
      work: { type: 'string' },
      keep: { type: 'boolean', default: false },
      dist: { type: 'string', default: path.resolve(__dirname, '..', 'dist') },
      mode: { type: 'string', default: 'in-place' },
      raise: { type: 'boolean', default: false },
      json: { type: 'string' },
      profile: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`bench-append: ${error.message}\n${USAGE}`);
  process.exit(2);
}
const fail = (message) => {
  console.error(`bench-append: ${message}\n${USAGE}`);
  process.exit(2);
};
if (!options.db) fail('--db is required');
if (!fs.existsSync(options.db)) fail(`no such database: ${options.db}`);
if (!options.cables === !options.from) fail('give --cables, or --from with --skip');
if (!['in-place', 'rebuild'].includes(options.mode)) fail(`--mode is in-place or rebuild, got "${options.mode}"`);
const N = Number(options.n);
if (!Number.isInteger(N) || N <= 0) fail(`-n wants a whole number of cables, got "${options.n}"`);
const cli = path.join(path.resolve(options.dist), 'cli', 'index.js');
if (!fs.existsSync(cli)) fail(`no ${cli}: run npm run build (or give --dist)`);
if (!fs.existsSync('/usr/bin/time')) fail('needs GNU time at /usr/bin/time (CPU seconds and peak RSS of the append)');

const work = path.resolve(options.work ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-append-')));
fs.mkdirSync(work, { recursive: true });
const copy = path.join(work, `append-${path.basename(options.db)}`);

/** Rows skip+1 … skip+n of a cables.csv (RFC 4180: a quoted field may hold line breaks), streamed. */
function cutRows(file, skip, n, to) {
  const input = fs.openSync(file, 'r');
  const output = fs.openSync(to, 'w');
  const chunk = Buffer.alloc(1 << 22);
  let row = 0;
  let quoted = false;
  let written = 0;
  let pos = 0;
  for (;;) {
    const got = fs.readSync(input, chunk, 0, chunk.length, pos);
    if (got === 0) break;
    let start = row >= skip ? 0 : -1;
    let end = got;
    for (let i = 0; i < got; i += 1) {
      const c = chunk[i];
      if (c === 0x22) quoted = !quoted;
      else if (c === 0x0a && !quoted) {
        row += 1;
        if (row === skip) start = i + 1;
        if (row === skip + n) {
          end = i + 1;
          break;
        }
      }
    }
    if (start >= 0 && start < end) {
      fs.writeSync(output, chunk, start, end - start);
      written += end - start;
    }
    pos += got;
    if (row >= skip + n) break;
  }
  fs.closeSync(input);
  fs.closeSync(output);
  if (row < skip + n) throw new Error(`${file} has ${row} rows, fewer than ${skip + n}`);
  return written;
}

function main() {
  let cables = options.cables && path.resolve(options.cables);
  if (!cables) {
    const skip = Number(options.skip ?? 0);
    if (!Number.isInteger(skip) || skip < 0) fail(`--skip wants a whole number, got "${options.skip}"`);
    cables = path.join(work, `cables-${skip + 1}-${skip + N}.csv`);
    cutRows(path.resolve(options.from), skip, N, cables);
  }
  const t0 = Date.now();
  fs.copyFileSync(options.db, copy);
  const copySeconds = (Date.now() - t0) / 1000;
  const args = [cli, 'build', cables, '-o', copy, '--append', ...(options.mode === 'in-place' ? ['--in-place'] : [])];
  const profile = options.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(options.profile)] : [];
  const timed = ['/usr/bin/time', '-v', 'node', ...profile, ...args];
  const command = options.raise
    ? ['setsid', 'bash', '-c', 'echo -19 > /proc/self/autogroup; exec "$@"', 'bench-append', ...timed]
    : timed;
  const loadBefore = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.error(`bench-append: ${options.mode} append of ${cables} to a copy of ${options.db} (load ${loadBefore})`);
  const started = Date.now();
  const run = spawnSync(command[0], command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (Date.now() - started) / 1000;
  const loadAfter = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const err = run.stderr ?? '';
  if (run.status !== 0) {
    console.error(err.slice(-4000));
    throw new Error(`the append exited with ${run.status}`);
  }
  const field = (re) => {
    const m = re.exec(err);
    return m ? Number(m[1]) : undefined;
  };
  const user = field(/User time \(seconds\): ([\d.]+)/);
  const system = field(/System time \(seconds\): ([\d.]+)/);
  const rssKb = field(/Maximum resident set size \(kbytes\): (\d+)/);
  const stages = /\((read\+parse\+extract [^)]*)\)\n/.exec(err)?.[1];
  const rewritten = /appended in place: ([^;]*);/.exec(err)?.[1];
  const resolvedRows = /old cables' resolved rows: ([^;]*);/.exec(err)?.[1];
  const summary = /cablegraph build: (\d+ cables .*?) in [\d.]+ s/.exec(err)?.[1];
  const result = {
    mode: options.mode,
    db: options.db,
    cables,
    appended: N,
    wallSeconds: Number(wall.toFixed(1)),
    cpuSeconds: user !== undefined && system !== undefined ? Number((user + system).toFixed(1)) : undefined,
    userSeconds: user,
    systemSeconds: system,
    peakRssGiB: rssKb !== undefined ? Number((rssKb / 2 ** 20).toFixed(2)) : undefined,
    stages,
    rewritten,
    resolvedRows,
    graph: summary,
    load: `${loadBefore} → ${loadAfter}`,
    copySeconds,
    dist: path.resolve(options.dist),
  };
  for (const [k, v] of Object.entries(result)) if (v !== undefined) console.log(`${k.padEnd(14)} ${v}`);
  // (the append's own step report, with CABLEGRAPH_APPEND_STEPS set: src/build/append-steps.ts)
  for (const line of err.split('\n')) if (line.startsWith('append step ')) console.log(line);
  const line = JSON.stringify(result);
  console.log(line);
  if (options.json) fs.appendFileSync(options.json, line + '\n');
}

try {
  main();
} catch (error) {
  console.error(`bench-append: ${error.message}`);
  process.exitCode = 1;
} finally {
  if (!options.keep) {
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true });
    if (!options.work) fs.rmSync(work, { recursive: true, force: true });
  } else console.error(`bench-append: kept ${copy}`);
}
