// Hostile folders and files: unreadable folders, link loops, FIFOs, dangling links, NUL bytes,
// files past the budget, and a flood of diagnostics from one file.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import type { Diagnostic } from '../../src/common/diagnostics';
import { readCables, readCablesCsv, type RawCable } from '../../src/ingest';
import { SHARED } from './helpers';

const GOOD = path.join(SHARED, 'corpus/cablegate/cable/2008/01/08BAGHDAD293.html');
const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');

async function read(
  inputs: string[],
  options: Parameters<typeof readCables>[1] = {},
): Promise<{ cables: RawCable[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const cables: RawCable[] = [];
  for await (const raw of readCables(inputs, { ...options, onDiagnostic: (d) => diagnostics.push(d) }))
    cables.push(raw);
  return { cables, diagnostics };
}

describe('hostile folders', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-hostile-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('two links in a loop, a link back to the root, a FIFO, a dangling link: each named once, the good cable read', async () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.copyFileSync(GOOD, path.join(dir, 'sub', 'good.html'));
    fs.symlinkSync('.', path.join(dir, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(dir, 'loop-b'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    fs.symlinkSync('missing.html', path.join(dir, 'dangling.html'));
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe')]).status).toBe(0);
    const { cables, diagnostics } = await read([dir]);
    expect(cables.map((c) => c.metadata.referenceId)).toEqual(['08BAGHDAD293']);
    const byRule = diagnostics.map((d) => [path.relative(dir, d.file ?? ''), d.rule]).sort();
    expect(byRule).toEqual([
      ['dangling.html', 'ingest:dangling-link'],
      ['loop-a', 'ingest:symlink-loop'],
      ['loop-b', 'ingest:symlink-loop'],
      ['pipe', 'ingest:special-file'],
      [path.join('sub', 'up'), 'ingest:symlink-loop'],
    ]);
    expect(diagnostics.find((d) => d.rule === 'ingest:dangling-link')!.message).toMatch(/missing\.html/);
    expect(diagnostics.find((d) => d.rule === 'ingest:special-file')!.message).toMatch(/FIFO/);
  });

  test('a FIFO named on the command line is reported, never opened (the run does not hang)', async () => {
    const fifo = path.join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { cables, diagnostics } = await read([fifo, GOOD]);
    expect(cables).toHaveLength(1);
    expect(diagnostics).toEqual([expect.objectContaining({ file: fifo, rule: 'ingest:special-file' })]);
  });

  test('NUL bytes after the first 8 KB: removed with one warning naming where; a mostly-NUL file is binary', async () => {
    const text = fs.readFileSync(path.join(SHARED, 'seeds', fs.readdirSync(path.join(SHARED, 'seeds')).sort()[0]));
    const padded = Buffer.concat([
      text,
      Buffer.from('\n'.repeat(Math.max(0, 9000 - text.length))),
      Buffer.from([0]),
      Buffer.from('tail\n'),
    ]);
    fs.writeFileSync(path.join(dir, 'nul.txt'), padded);
    fs.writeFileSync(path.join(dir, 'zeros.txt'), Buffer.concat([Buffer.from('x'.repeat(9000)), Buffer.alloc(9000)]));
    const { cables, diagnostics } = await read([dir]);
    expect(cables).toHaveLength(1);
    expect(cables[0].body).not.toContain('\u0000');
    expect(cables[0].body.endsWith('tail\n')).toBe(true);
    expect(cables[0].diagnostics).toEqual([
      expect.objectContaining({ rule: 'ingest:nul-bytes', message: expect.stringMatching(/1 NUL byte from byte \d+/) }),
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ rule: 'ingest:binary', file: path.join(dir, 'zeros.txt') }),
    ]);
  });

  test('a file over the size budget is skipped with one diagnostic; the cables behind it come out', async () => {
    fs.writeFileSync(path.join(dir, 'a-big.html'), `<pre>${'x'.repeat(200_000)}</pre>`);
    fs.copyFileSync(GOOD, path.join(dir, 'b-good.html'));
    const { cables, diagnostics } = await read([dir], { budget: { maxBytes: 100_000 } });
    expect(cables.map((c) => c.metadata.referenceId)).toEqual(['08BAGHDAD293']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'ingest:budget',
        file: path.join(dir, 'a-big.html'),
        message: expect.stringMatching(
          /^skipped: 195.3 KB, more than the 97.7 KB allowed for one cable file \(--max-file-size\)$/,
        ),
      }),
    ]);
  });

  test('a file over the time budget is skipped with one diagnostic (the reader checks its deadline)', async () => {
    fs.writeFileSync(path.join(dir, 'a-slow.html'), `<html><pre>${'<a>x</a>'.repeat(400_000)}</pre></html>`);
    fs.copyFileSync(GOOD, path.join(dir, 'b-good.html'));
    // The good page (45 KB, ~450 tokens) finishes before the reader's first clock read (every 4,096
    // tokens); the slow one (800,000 tokens) is past 1 ms by then on any machine.
    const { cables, diagnostics } = await read([dir], { budget: { maxMillis: 1 } });
    expect(diagnostics.filter((d) => d.rule === 'ingest:budget').map((d) => [d.file, d.message])).toEqual([
      [path.join(dir, 'a-slow.html'), 'skipped: reading took longer than 0.001 s (--max-file-seconds)'],
    ]);
    expect(cables.map((c) => c.metadata.referenceId).filter(Boolean)).toEqual(['08BAGHDAD293']);
  });

  test('files read side by side: every cable comes out once, as read alone', async () => {
    const files = fs
      .readdirSync(path.join(SHARED, 'corpus/cablegate/cable/2009/01'))
      .sort()
      .map((f) => path.join(SHARED, 'corpus/cablegate/cable/2009/01', f));
    const inOrder = await read(files);
    const sideBySide = await read(files, { concurrency: 6 });
    const key = (c: RawCable): string => c.source.file;
    expect(sideBySide.cables.map(key).sort()).toEqual(inOrder.cables.map(key).sort());
    const byFile = new Map(inOrder.cables.map((c) => [key(c), c]));
    for (const c of sideBySide.cables) expect(c).toEqual(byFile.get(key(c)));
  });

  // Root reads everything: under root the CLI runs as `nobody` (needs setpriv and a checkout nobody can read).
  const root = process.getuid?.() === 0;
  const asNobody = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI];
  const permissionsApply = !root || spawnSync('setpriv', [...asNobody, '--version']).status === 0;
  (permissionsApply ? test : test.skip)(
    'an unreadable folder is named in one error and the good cables beside it still come out',
    () => {
      // Run as a user that the folder's permissions stop (root reads everything): as `nobody` under root.
      fs.chmodSync(dir, 0o755);
      fs.mkdirSync(path.join(dir, 'locked'));
      fs.copyFileSync(GOOD, path.join(dir, 'locked', 'x.html'));
      fs.copyFileSync(GOOD, path.join(dir, 'good.html'));
      fs.chmodSync(path.join(dir, 'good.html'), 0o644);
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
      const command = root ? ['setpriv', asNobody] : [process.execPath, [CLI]];
      const result = spawnSync(command[0] as string, [...(command[1] as string[]), 'parse', '--ner', 'none', dir], {
        encoding: 'utf8',
      });
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
      expect(result.stderr).toBe(
        `error: ${path.join(dir, 'locked')}: cannot read folder: permission denied; its cables are skipped [ingest:unreadable-directory]\n`,
      );
      expect(
        result.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).id),
      ).toEqual(['08BAGHDAD293']);
      expect(result.status).toBe(0);
    },
  );
});

describe('a flood of diagnostics from one file', () => {
  test('a CSV field full of stray quotes: read in one pass, a few lines and a count, the rows around it kept', async () => {
    const row = (n: number, text: string): string =>
      `"${n}","01/05/2005 17:07","05PARIS${n}","Embassy Paris","CONFIDENTIAL","","","${text}"\n`;
    const broken = `"2","01/05/2005 17:07","05PARIS2","Embassy Paris","CONFIDENTIAL","","","a ${'x"'.repeat(50_000)}\n${'b"\n'.repeat(20)}end"\n`;
    const ids: string[] = [];
    for await (const raw of readCablesCsv(
      Readable.from([row(1, 'fine') + broken + row(3, 'fine')]),
      'q.csv',
      () => undefined,
    ))
      ids.push(raw.metadata.referenceId ?? '');
    expect(ids).toContain('05PARIS1');
    expect(ids).toContain('05PARIS3');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-flood-'));
    try {
      fs.writeFileSync(path.join(dir, 'cables.csv'), row(1, 'fine') + broken + row(3, 'fine'));
      const { diagnostics } = await read([dir]);
      const columnCount = diagnostics.filter((d) => d.rule === 'ingest:csv-column-count');
      // Three shown, then one line counting the rest.
      expect(columnCount).toHaveLength(4);
      expect(columnCount[3].message).toMatch(/^\d+ more like this not shown \(\d+ in all\)$/);
      expect(diagnostics.length).toBeLessThanOrEqual(8);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
