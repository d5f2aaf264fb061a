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
  const [command, prefix] = asNobody && root ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]] : [process.execPath, []];
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
    graph = path.join(dir, 'seeds.cgz');
    expect(cablegraph(['build', '--quiet', SEEDS, '-o', graph]).status).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  permissionTest('an unwritable output folder fails before reading, naming the folder', () => {
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(locked, 0o555);
    const result = cablegraph(['build', '--quiet', SEEDS, '-o', path.join(locked, 'g.cgz')], true);
    expect(result.status).toBe(2);
    expectOneLine(result.stderr, new RegExp(`cannot write ${path.join(locked, 'g.cgz')}: its folder ${locked}: permission denied`));
  });

  permissionTest('an unreadable graph file', () => {
    const copy = path.join(dir, 'private.cgz');
    fs.copyFileSync(graph, copy);
    fs.chmodSync(copy, 0o600);
    const result = cablegraph(['export', copy, '-o', path.join(dir, 'x.gexf')], true);
    expect(result.status).toBe(2);
    expectOneLine(result.stderr, new RegExp(`${copy}: cannot read: permission denied`));
  });

  test('a damaged graph file: a duplicate node line', () => {
    const lines = zlib.gunzipSync(fs.readFileSync(graph)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!);
    header.nodes += 1;
    const firstNode = lines.findIndex((l) => l.startsWith('{"node":'));
    const damaged = [JSON.stringify(header), ...lines.slice(1, firstNode + 1), lines[firstNode]!, ...lines.slice(firstNode + 1)];
    const file = path.join(dir, 'duplicate.cgz');
    fs.writeFileSync(file, zlib.gzipSync(damaged.join('\n')));
    const result = cablegraph(['entities', 'list', '-g', file]);
    expect(result.status).toBe(2);
    expectOneLine(result.stderr, new RegExp(`${file}: damaged graph file: node ".+": .*already exist`));
  });

  test('a gzip bomb as graph file stops at the line cap, not out of memory', () => {
    const file = path.join(dir, 'bomb.cgz');
    // 300 MB of zeros without a newline, a few hundred KB compressed.
    const gzip = zlib.createGzip({ level: 9 });
    const chunks: Buffer[] = [];
    gzip.on('data', (c: Buffer) => chunks.push(c));
    const zeros = Buffer.alloc(1 << 20);
    for (let i = 0; i < 300; i += 1) gzip.write(zeros);
    gzip.end();
    return new Promise<void>((resolve) => gzip.on('end', resolve)).then(() => {
      fs.writeFileSync(file, Buffer.concat(chunks));
      const result = cablegraph(['entities', 'list', '-g', file]);
      expect(result.status).toBe(2);
      expectOneLine(result.stderr, new RegExp(`${file}: a line longer than 128 MB: damaged graph file \\(or a gzip bomb\\)`));
    });
  });

  test('--workers is bounded by twice the cores; sizes and seconds are checked', () => {
    const max = Math.max(2, os.availableParallelism() * 2);
    for (const value of [String(max + 1), '-1', 'two']) {
      const result = cablegraph(['build', SEEDS, '-o', path.join(dir, 'w.cgz'), '--workers', value]);
      expect(result.status).toBe(2);
      expectOneLine(result.stderr, new RegExp(`--workers wants a whole number from 0 to ${max} .*got "${value}"`));
    }
    expectOneLine(cablegraph(['parse', SEEDS, '--max-file-size', '12QB']).stderr, /--max-file-size wants a size such as 16MB/);
    expectOneLine(cablegraph(['parse', SEEDS, '--max-file-seconds', '0']).stderr, /--max-file-seconds wants a number of seconds above 0/);
  });

  test('temporary files of killed runs are removed by the next build and export; those of live processes are kept', () => {
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    // A pid that is not running: far above the kernel's pid_max default range.
    const dead = 4_000_000 + Math.floor(Math.random() * 100_000);
    const stale = [`.g.cgz.${dead}.records.tmp`, `.g.cgz.${dead}.tmp`, `.g.cgz.${dead}.edges.tmp`].map((n) => path.join(out, n));
    for (const f of stale) fs.writeFileSync(f, 'left by a killed build');
    const live = path.join(out, `.g.cgz.${process.pid}.tmp`);
    fs.writeFileSync(live, 'being written');
    const result = cablegraph(['build', SEEDS, '-o', path.join(out, 'g.cgz')]);
    expect(result.status).toBe(0);
    for (const f of stale) expect(fs.existsSync(f)).toBe(false);
    for (const f of stale) expect(result.stderr).toContain(`removed ${f}, left by an interrupted run`);
    expect(fs.existsSync(live)).toBe(true);
    const staleExport = path.join(out, `.x.gexf.${dead}.tmp`);
    fs.writeFileSync(staleExport, 'left by a killed export');
    expect(cablegraph(['export', path.join(out, 'g.cgz'), '-o', path.join(out, 'x.gexf')]).status).toBe(0);
    expect(fs.existsSync(staleExport)).toBe(false);
    expect(fs.readdirSync(out).sort()).toEqual([`.g.cgz.${process.pid}.tmp`, 'g.cgz', 'x.gexf']);
  });

  test('--version loads no command module (no gazetteer, graph code, express or neo4j-driver)', () => {
    const probe = `require(${JSON.stringify(CLI)}).main(['node', 'cablegraph', '--version']).then(() => { const loaded = Object.keys(require.cache); process.stderr.write(JSON.stringify(loaded)); });`;
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', cwd: ROOT });
    expect(result.stdout.trim()).toBe(require('../../package.json').version);
    const loaded = JSON.parse(result.stderr) as string[];
    for (const heavy of ['gazetteer', 'an-array-of-english-words', 'express', 'neo4j-driver', 'graphology', 'build-command']) {
      expect(loaded.filter((f) => f.includes(heavy))).toEqual([]);
    }
  });
});
