import Database from 'better-sqlite3';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  BUILD_ALLOCATOR_ENV,
  buildAllocatorEnv,
  chooseHeapCap,
  estimatedCablesIn,
  HEAP_CAP_FLOOR_MB,
  HEAP_CAP_MIN_CABLES,
  HEAP_CAPPED_ENV,
  MENTIONS_PER_ESTIMATED_CABLE,
  heapCapFor,
  heapLimitGiven,
  LOAD_HEAP_CAP_FLOOR_MB,
  loadHeapCapFor,
  parseMaxHeap,
  relaunchWithHeapCap,
} from '../../src/cli/heap-cap';
import { LATE_BATCH_BYTES } from '../../src/store/neo4j/plan';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');
const CORPUS = path.resolve(ROOT, '../shared/corpus/cablegate/cable');

describe('the build heap cap', () => {
  test('grows with the corpus, from a floor, and stays under the machine memory', () => {
    expect(heapCapFor(0)).toBe(HEAP_CAP_FLOOR_MB);
    const [small, mid, full] = [heapCapFor(50_000), heapCapFor(251_287), heapCapFor(1_000_000)];
    expect(small).toBeGreaterThanOrEqual(HEAP_CAP_FLOOR_MB);
    expect(mid).toBeGreaterThan(small);
    expect(full).toBeGreaterThan(mid);
    expect(heapCapFor(1e9)).toBeLessThanOrEqual(Math.floor((os.totalmem() / 2 ** 20) * 0.75));
  });

  test('--max-heap: MiB, auto or none; anything else is a clear error', () => {
    expect(parseMaxHeap(undefined)).toBeUndefined();
    expect(parseMaxHeap('auto')).toBeUndefined();
    expect(parseMaxHeap('none')).toBe('none');
    expect(parseMaxHeap('0')).toBe('none');
    expect(parseMaxHeap('3072')).toBe(3072);
    expect(() => parseMaxHeap('3G')).toThrow('--max-heap wants a number of MiB (256 or more), auto or none, got "3G"');
    expect(() => parseMaxHeap('100')).toThrow(/256 or more/);
  });

  test('chosen only when asked or the corpus is big, never twice, never over a limit given to node', () => {
    const env = {};
    expect(chooseHeapCap(undefined, HEAP_CAP_MIN_CABLES - 1, env, [])).toBeUndefined();
    expect(chooseHeapCap(undefined, undefined, env, [])).toBeUndefined(); // stdin: not known
    expect(chooseHeapCap(undefined, 251_287, env, [])).toBe(heapCapFor(251_287));
    expect(chooseHeapCap(2048, 10, env, [])).toBe(2048);
    expect(chooseHeapCap('none', 251_287, env, [])).toBeUndefined();
    expect(chooseHeapCap(2048, 251_287, { [HEAP_CAPPED_ENV]: '2048' }, [])).toBeUndefined();
    expect(chooseHeapCap(2048, 251_287, env, ['--max-old-space-size=8000'])).toBeUndefined();
    expect(chooseHeapCap(2048, 251_287, { NODE_OPTIONS: '--max_old_space_size=8000' }, [])).toBeUndefined();
    expect(heapLimitGiven(['--expose-gc'], {})).toBe(false);
  });

  test("a load's cap grows with the graph's nodes, relationships and transactions in flight, from a floor", () => {
    expect(loadHeapCapFor(0, 0, 1)).toBe(LOAD_HEAP_CAP_FLOOR_MB);
    // the full-corpus graph (run18: 1,065,558 nodes, 44,393,639 relationships), two transactions in flight
    const full = loadHeapCapFor(1_065_558, 44_393_639, 2);
    expect(full).toBe(192 + Math.ceil((1_065_558 * 300 + 44_393_639 * 2 + 14 * 3 * LATE_BATCH_BYTES) / 2 ** 20));
    expect(full).toBeLessThan(800);
    expect(loadHeapCapFor(1_065_558, 44_393_639, 4)).toBeGreaterThan(full);
    expect(loadHeapCapFor(2_000_000, 44_393_639, 2)).toBeGreaterThan(full);
  });

  test("a relaunched build gets glibc's allocator settings, except those the user set", () => {
    expect(BUILD_ALLOCATOR_ENV).toEqual({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' });
    expect(buildAllocatorEnv({})).toEqual(BUILD_ALLOCATOR_ENV);
    expect(buildAllocatorEnv({ MALLOC_ARENA_MAX: '8' })).toEqual({ MALLOC_MMAP_THRESHOLD_: '65536' });
    expect(buildAllocatorEnv({ MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '131072' })).toEqual({});
  });

  test('cablegraph build --max-heap N runs the build in a node with that heap limit, same output', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-heap-'));
    try {
      const run = (extra: string[], db: string) =>
        spawnSync(
          process.execPath,
          [CLI, 'build', path.join(CORPUS, '2008/01'), '-o', db, '--ner', 'builtin', ...extra],
          {
            encoding: 'utf8',
            cwd: dir,
            env: { ...process.env, CABLEGRAPH_TRACE_MEMORY: '1', [HEAP_CAPPED_ENV]: '' },
          },
        );
      const capped = run(['--max-heap', '700'], path.join(dir, 'capped.db'));
      expect(capped.status).toBe(0);
      // the limit V8 reports is the old generation's cap plus the young generation (a few dozen MiB)
      const limits = [...capped.stderr.matchAll(/ of ([\d.]+) GiB, array buffers/g)].map((m) => Number(m[1]));
      expect(limits.length).toBeGreaterThan(3);
      for (const limit of limits) {
        expect(limit).toBeGreaterThanOrEqual(0.68);
        expect(limit).toBeLessThan(0.8);
      }
      const plain = run(['--max-heap', 'none'], path.join(dir, 'plain.db'));
      expect(plain.status).toBe(0);
      const plainLimit = Number(/ of ([\d.]+) GiB, array buffers/.exec(plain.stderr)![1]);
      expect(plainLimit).toBeGreaterThan(0.8);
      const summary = (stderr: string) => /→ .*?: (\d+ nodes.*edges \(.*?\))/.exec(stderr)![1];
      expect(summary(capped.stderr)).toBe(summary(plain.stderr));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("an append counts the database's cables in the inputs' estimated unit, by its mentions", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-heap-db-'));
    try {
      const db = path.join(dir, 'graph.db');
      const built = spawnSync(
        process.execPath,
        [CLI, 'build', path.join(CORPUS, '2008/01'), '-o', db, '--ner', 'builtin', '--quiet'],
        {
          encoding: 'utf8',
          env: { ...process.env, [HEAP_CAPPED_ENV]: '' },
        },
      );
      expect(built.status).toBe(0);
      expect(await estimatedCablesIn(path.join(dir, 'none.db'))).toBe(0);
      // (better-sqlite3, not the sqlite3 program: the project does not depend on it)
      const setCounts = (cables: number, mentions: number | null): void => {
        const sqlite = new Database(db);
        sqlite
          .prepare(
            `UPDATE meta SET value = json_set(json_set(value, '$.cables', ?), '$.byType.MENTIONS', ?) WHERE key = 'counts'`,
          )
          .run(cables, mentions);
        if (mentions === null)
          sqlite.exec(`UPDATE meta SET value = json_remove(value, '$.byType.MENTIONS') WHERE key = 'counts'`);
        sqlite.close();
      };
      // the 251,287-cable calibration graph's counts: 1.5 estimated cables per real one, as its CSV has
      setCounts(251_287, 12_653_493);
      const stored = await estimatedCablesIn(db);
      expect(stored).toBe(Math.round(12_653_493 / MENTIONS_PER_ESTIMATED_CABLE));
      expect(stored).toBeGreaterThan(380_000);
      expect(stored).toBeLessThan(382_000);
      // so an append of 1,000 generated cables (10.3 MB: 1,515 estimated) is capped as the build of all of them
      const append = heapCapFor(stored + 1_515);
      const fullBuild = heapCapFor(Math.round(2_599_642_319 / 6_800));
      expect(Math.abs(append - fullBuild)).toBeLessThanOrEqual(fullBuild * 0.01);
      // (the real count gave 1,747 MiB, which the append at 251,287 ran out of)
      expect(append).toBeGreaterThan(heapCapFor(251_287 + 1_515) + 500);
      // Real cables: 6,800 CSV bytes each on average (the unit's calibration), with fewer mentions
      // than generated ones (the shared corpus: 41,765 MENTIONS, 10.8 MB of CSV, so 26.25 per
      // 6,800 bytes). By mentions alone a real 251,287-cable database would count 198,683 and its
      // append get a smaller cap than the build of the same cables: never fewer than its cables.
      setCounts(251_287, Math.round(251_287 * 26.25));
      expect(await estimatedCablesIn(db)).toBe(251_287);
      expect(heapCapFor((await estimatedCablesIn(db)) + 1_000)).toBe(heapCapFor(251_287 + 1_000));
      // a database without mentions: its cables
      setCounts(20_000, null);
      expect(await estimatedCablesIn(db)).toBe(20_000);
      // a file that is no graph database: its size stands in
      const foreign = path.join(dir, 'foreign.db');
      fs.writeFileSync(foreign, Buffer.alloc(5_500_000));
      expect(await estimatedCablesIn(foreign)).toBe(100);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a run that outgrows its cap is run once more without it, saying so; its exit code is kept; what each run left is removed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-heap-'));
    try {
      // Leaves a temporary as a build does (`.<output>.<pid>.records.tmp`), keeps 400 MiB of
      // numbers alive (past a 256 MiB cap), logs the cap it ran under, exits 3.
      const script = path.join(dir, 'grow.js');
      fs.writeFileSync(
        script,
        `const fs = require('fs'), path = require('path'), dir = ${JSON.stringify(dir)};
         fs.writeFileSync(path.join(dir, '.graph.db.' + process.pid + '.records.tmp'), 'spool');
         fs.appendFileSync(path.join(dir, 'runs'), [process.env.${HEAP_CAPPED_ENV}, process.pid, process.env.MALLOC_ARENA_MAX, process.env.MALLOC_MMAP_THRESHOLD_].join(' ') + '\\n');
         const kept = []; for (let i = 0; i < 400; i++) kept.push(new Array(2 ** 17).fill(i + 0.5));
         process.exit(3);`,
      );
      // A running process's temporary (this one's) is not the child's: it stays.
      const live = path.join(dir, `.other.db.${process.pid}.records.tmp`);
      fs.writeFileSync(live, 'running');
      const notes: string[] = [];
      const code = await relaunchWithHeapCap(256, (m) => notes.push(m), [dir], [script]);
      const runs = fs
        .readFileSync(path.join(dir, 'runs'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(' '));
      expect(runs.map(([cap]) => cap)).toEqual(['256', 'none']);
      // both runs under the build's allocator settings (this test's environment sets none)
      expect(runs.map(([, , arenas, threshold]) => [arenas, threshold])).toEqual([
        ['2', '65536'],
        ['2', '65536'],
      ]);
      const left = (pid: string): string => path.join(dir, `.graph.db.${pid}.records.tmp`);
      expect(notes).toEqual([
        `removed what the stopped build left: ${left(runs[0][1])}`,
        'the build ran out of its 256 MiB heap cap; running it again without the cap (--max-heap none)',
        `removed what the stopped build left: ${left(runs[1][1])}`,
      ]);
      expect(code).toBe(3);
      expect(fs.readdirSync(dir).sort()).toEqual([path.basename(live), 'grow.js', 'runs']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
