#!/usr/bin/env node
/**
 * Start-up benchmark of the CLI: wall time and CPU time (user + system, from /usr/bin/time) of
 * `cablegraph --version`, `--help`, and of each command from launch to its first result on the
 * smallest input (one seed cable, the seed graph), beside bare `node -e 0`, the floor no command
 * can go under. Prints the median and the best of each, the targets (`--version`/`--help` ≤ 150 ms,
 * a command's start ≤ 300 ms) and the load average, since other work on the machine stretches
 * wall time (CPU time much less so).
 *
 *   npm run build && node scripts/bench-startup.js [--runs 7] [--against OTHER/dist]
 *
 * `--against` times a second build (another checkout's dist folder, e.g. main's) in the same runs,
 * alternating the two run by run, so that the machine's load stretches both alike.
 */
'use strict';
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 7;
const againstArg = args.indexOf('--against');
const AGAINST = againstArg >= 0 ? path.resolve(args[againstArg + 1] ?? '', 'cli', 'index.js') : undefined;
if (AGAINST && !fs.existsSync(AGAINST)) {
  console.error(`bench-startup: --against wants a built dist folder: ${AGAINST} is missing`);
  process.exit(2);
}
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 100) {
  console.error('bench-startup: --runs wants a whole number from 1 to 100');
  process.exit(2);
}
if (!fs.existsSync(CLI)) {
  console.error('bench-startup: dist/cli/index.js is missing: npm run build first');
  process.exit(2);
}
const TIME = '/usr/bin/time';
const hasTime = fs.existsSync(TIME);

/** One run: wall ms (measured here) and CPU ms (user + system, from /usr/bin/time when present). */
function once(argv) {
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync(TIME, ['-f', '@@%U %S', process.execPath, ...argv], { encoding: 'utf8', cwd: ROOT })
    : spawnSync(process.execPath, argv, { encoding: 'utf8', cwd: ROOT });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`node ${argv.join(' ')} failed (${result.status}): ${result.stderr.slice(-500)}`);
  const m = /@@([\d.]+) ([\d.]+)/.exec(result.stderr);
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}

/** `serve` until it prints its URL (it then runs until stopped): wall ms only. */
function serveOnce(cli, db) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'serve', db, '--port', '0', '--read-only'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let wall;
    child.stdout.on('data', (d) => {
      out += d;
      if (wall === undefined && /viewer: http/.test(out)) {
        wall = Number(process.hrtime.bigint() - started) / 1e6;
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) =>
      wall === undefined ? reject(new Error(`serve exited (${code}) before listening`)) : resolve({ wall, cpu: NaN }),
    );
  });
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const best = (list) => Math.min(...list);
const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(0) : '–');

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-bench-startup-'));
  try {
    const db = path.join(work, 'seeds.db');
    execFileSync(process.execPath, [CLI, 'build', SEEDS, '-o', db, '--quiet'], { stdio: 'ignore' });
    const cable = path.join(
      SEEDS,
      fs
        .readdirSync(SEEDS)
        .filter((f) => !f.startsWith('.'))
        .sort()[0],
    );
    const casesOf = (cli) => [
      { name: 'node -e 0 (the floor)', argv: ['-e', '0'], target: undefined },
      { name: 'cablegraph --version', argv: [cli, '--version'], target: 150 },
      { name: 'cablegraph --help', argv: [cli, '--help'], target: 150 },
      { name: 'build --help', argv: [cli, 'build', '--help'], target: 150 },
      { name: 'parse (one cable, --ner none)', argv: [cli, 'parse', cable, '--ner', 'none'], target: 300 },
      { name: 'entities list (seed graph)', argv: [cli, 'entities', 'list', '-g', db, '--limit', '5'], target: 300 },
      {
        name: 'export (seed graph → GEXF)',
        argv: [cli, 'export', db, '-o', path.join(work, 'seeds.gexf'), '--quiet'],
        target: 300,
      },
      { name: 'serve (until it listens)', serve: cli, target: 300 },
    ];
    const builds = [{ label: '', cases: casesOf(CLI) }];
    if (AGAINST) {
      builds[0].label = ' (this)';
      builds.push({ label: ' (against)', cases: casesOf(AGAINST) });
      console.log(`this build: ${CLI}
against:    ${AGAINST}`);
    }
    console.log(
      `cablegraph start-up: ${RUNS} runs each; ${os.cpus().length} cores, Node ${process.version}; load average before ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(`\n${'command'.padEnd(46)} wall median   wall best   CPU median   target   (ms)`);
    const misses = [];
    for (let k = 0; k < builds[0].cases.length; k += 1) {
      // Run by run, each build in turn (the --against one, when given, right after this one).
      const runs = builds.map(() => []);
      for (let i = 0; i < RUNS; i += 1)
        for (const [b, build] of builds.entries()) {
          const c = build.cases[k];
          runs[b].push(c.serve ? await serveOnce(c.serve, db) : once(c.argv));
        }
      for (const [b, build] of builds.entries()) {
        if (b > 0 && k === 0) continue; // node -e 0 is the same for both
        const c = build.cases[k];
        const wall = median(runs[b].map((r) => r.wall));
        const cpu = median(runs[b].map((r) => r.cpu));
        const name = k === 0 ? c.name : c.name + build.label;
        console.log(
          `${name.padEnd(46)} ${fmt(wall).padStart(11)} ${fmt(best(runs[b].map((r) => r.wall))).padStart(11)} ${fmt(cpu).padStart(12)} ${String(c.target ?? '').padStart(8)}`,
        );
        if (b === 0 && c.target !== undefined && wall > c.target)
          misses.push(`${c.name} ${fmt(wall)} ms > ${c.target} ms`);
      }
    }
    console.log(
      `\nload average after ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      misses.length === 0
        ? 'targets (median wall time): met'
        : `targets (median wall time) NOT met: ${misses.join('; ')}`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench-startup: ${error.message}`);
  process.exit(1);
});
