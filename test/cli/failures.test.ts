// Every CLI failure is one line naming the file and the problem (never a stack trace); flags are
// bounded; temporary files of killed runs are removed; --version starts without the heavy modules.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');
const SEEDS = path.resolve(ROOT, '../shared/seeds');

function cablegraph(args: string[], asNobody = false) {
  const root = process.getuid?.() === 0;
  const [command, prefix] =
    asNobody && root
      ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]]
      : [process.execPath, []];
  return spawnSync(command, [...prefix, CLI, ...args], { encoding: 'utf8', cwd: ROOT });
}

/**
 * Permission checks need a user the permissions stop: root reads everything, so under root the CLI
 * runs as `nobody`, which needs `setpriv` and a checkout `nobody` can read (skipped otherwise).
 */
const permissionsApply = process.getuid?.() !== 0 || cablegraph(['--version'], true).status === 0;
const permissionTest = permissionsApply ? test : test.skip;

/** One line on stderr, starting `cablegraph: `, with no stack frame in it. */
function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr).toMatch(/^cablegraph: /);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).toMatch(pattern);
}

describe('CLI failures are one line naming the file', () => {
  let dir: string;
  let graph: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-failures-'));
    fs.chmodSync(dir, 0o755);
    graph = path.join(dir, 'seeds.db');
    expect(cablegraph(['build', '--quiet', SEEDS, '-o', graph]).status).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  permissionTest('an unwritable output folder fails before reading, naming the folder', () => {
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(locked, 0o555);
    const result = cablegraph(['build', '--quiet', SEEDS, '-o', path.join(locked, 'g.db')], true);
    expect(result.status).toBe(2);
    expectOneLine(
      result.stderr,
      new RegExp(`cannot write ${path.join(locked, 'g.db')}: its folder ${locked}: permission denied`),
    );
  });

  permissionTest('an unreadable graph file', () => {
    const copy = path.join(dir, 'private.db');
    fs.copyFileSync(graph, copy);
    fs.chmodSync(copy, 0o600);
    const result = cablegraph(['export', copy, '-o', path.join(dir, 'x.gexf')], true);
    expect(result.status).toBe(2);
    expectOneLine(result.stderr, new RegExp(`${copy}: cannot read: permission denied`));
  });

  test('a damaged graph database: a file cut short', () => {
    const file = path.join(dir, 'cut.db');
    const whole = fs.readFileSync(graph);
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 3)));
    const result = cablegraph(['entities', 'list', '-g', file]);
    expect(result.status).toBe(2);
    expectOneLine(
      result.stderr,
      new RegExp(
        `${file}: (damaged graph database|not a complete cablegraph graph database|cannot open the graph database)`,
      ),
    );
  });

  test('a gzip file (a .cgz graph of an earlier version, or a gzip bomb) given as graph: refused at open, nothing decompressed', () => {
    const file = path.join(dir, 'bomb.db');
    // 300 MB of zeros without a newline, a few hundred KB compressed.
    fs.writeFileSync(file, zlib.gzipSync(Buffer.alloc(300 << 20), { level: 9 }));
    const oldFormat = new RegExp(
      `${file}: a graph file of an earlier cablegraph \\(gzip'd \\.cgz\\), which this version no longer reads: rebuild it with cablegraph build`,
    );
    const exported = cablegraph(['export', file, '-o', path.join(dir, 'bomb.gexf')]);
    expect(exported.status).toBe(2);
    expectOneLine(exported.stderr, oldFormat);
    expect(fs.existsSync(path.join(dir, 'bomb.gexf'))).toBe(false);
    const listed = cablegraph(['entities', 'list', '-g', file]);
    expect(listed.status).toBe(2);
    expectOneLine(listed.stderr, oldFormat);
  });

  test('--workers is bounded by twice the cores; sizes and seconds are checked', () => {
    const max = Math.max(2, os.availableParallelism() * 2);
    for (const value of [String(max + 1), '-1', 'two']) {
      const result = cablegraph(['build', SEEDS, '-o', path.join(dir, 'w.db'), '--workers', value]);
      expect(result.status).toBe(2);
      expectOneLine(result.stderr, new RegExp(`--workers wants a whole number from 0 to ${max} .*got "${value}"`));
    }
    expectOneLine(
      cablegraph(['parse', SEEDS, '--max-file-size', '12QB']).stderr,
      /--max-file-size wants a size such as 16MB/,
    );
    expectOneLine(
      cablegraph(['parse', SEEDS, '--max-file-seconds', '0']).stderr,
      /--max-file-seconds wants a number of seconds above 0/,
    );
  });

  test('temporary files of killed runs are removed by the next build and export; those of live processes are kept', () => {
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    // A pid that is not running: far above the kernel's pid_max default range.
    const dead = 4_000_000 + Math.floor(Math.random() * 100_000);
    const stale = [`.g.db.${dead}.records.tmp`, `.g.db.${dead}.db.tmp`, `.g.db.${dead}.evidence.tmp`].map((n) =>
      path.join(out, n),
    );
    for (const f of stale) fs.writeFileSync(f, 'left by a killed build');
    const live = path.join(out, `.g.db.${process.pid}.db.tmp`);
    fs.writeFileSync(live, 'being written');
    const result = cablegraph(['build', SEEDS, '-o', path.join(out, 'g.db')]);
    expect(result.status).toBe(0);
    for (const f of stale) expect(fs.existsSync(f)).toBe(false);
    for (const f of stale) expect(result.stderr).toContain(`removed ${f}, left by an interrupted run`);
    expect(fs.existsSync(live)).toBe(true);
    const staleExport = path.join(out, `.x.gexf.${dead}.tmp`);
    fs.writeFileSync(staleExport, 'left by a killed export');
    expect(cablegraph(['export', path.join(out, 'g.db'), '-o', path.join(out, 'x.gexf')]).status).toBe(0);
    expect(fs.existsSync(staleExport)).toBe(false);
    // SQLite's own -wal/-shm beside the database (WAL mode) are not temporaries of ours.
    expect(
      fs
        .readdirSync(out)
        .filter((n) => !/\.db-(wal|shm)$/.test(n))
        .sort(),
    ).toEqual([`.g.db.${process.pid}.db.tmp`, 'g.db', 'x.gexf']);
  });

  test('--version loads no command module (no gazetteer, graph code, express or neo4j-driver)', () => {
    const probe = `require(${JSON.stringify(CLI)}).main(['node', 'cablegraph', '--version']).then(() => { const loaded = Object.keys(require.cache); process.stderr.write(JSON.stringify(loaded)); });`;
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', cwd: ROOT });
    expect(result.stdout.trim()).toBe(
      (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
    const loaded = JSON.parse(result.stderr) as string[];
    for (const heavy of [
      'gazetteer',
      'an-array-of-english-words',
      'express',
      'neo4j-driver',
      'graphology',
      'build-command',
    ]) {
      expect(loaded.filter((f) => f.includes(heavy))).toEqual([]);
    }
  });
});
