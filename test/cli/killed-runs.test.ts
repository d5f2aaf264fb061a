// A build, an export and a curation decision killed (SIGKILL) at seeded random moments: the previous outputs stay readable and unchanged, the curation file whole and in step with the graph, and the next run removes the temporaries.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { seededRandom } from '../../src/common/random';
import { readCuration } from '../../src/curate';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');
const SHARED = path.resolve(ROOT, '../shared');
/** The shared corpus as one cables.csv (1,055 cables): seconds to build, and a build writes everything a bigger one does. */
const CORPUS = path.join(SHARED, 'corpus', 'cables-sample.csv');
const SEEDS = path.join(SHARED, 'seeds');

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** Files a run leaves only while it works: temporaries (and their SQLite journals) of ours. */
const temporaries = (dir: string): string[] =>
  fs.readdirSync(dir).filter((name) => /\.tmp(-journal|-wal|-shm)?$/.test(name) || name.endsWith('.pending'));

function cablegraph(args: string[]): { status: number | null; stderr: string; ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: result.status, stderr: result.stderr, ms: Date.now() - started };
}

/** Runs the CLI and SIGKILLs it after `ms` (or lets it finish first): resolves with how it ended. */
function killedAfter(args: string[], ms: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

/** A graph database opens and answers (the same check a reader makes first). */
function readable(file: string): { entities: number; decisions: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    return {
      entities: Number(db.prepare('SELECT count(*) FROM entities').pluck().get()),
      decisions: (db.prepare('SELECT decision FROM decisions ORDER BY seq').pluck().all() as string[]).map(
        (d) => JSON.parse(d).op as string,
      ),
    };
  } finally {
    db.close();
  }
}

describe('runs killed at random moments (SIGKILL)', () => {
  let dir: string;
  let graph: string;
  let buildMs = 0;
  const random = seededRandom(1919);
  /** A moment inside a run that takes `ms`: anywhere from start-up to the end. */
  const moment = (ms: number): number => Math.round(30 + random() * ms);
  const outcomes: string[] = [];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-killed-'));
    graph = path.join(dir, 'graph.db');
    const built = cablegraph(['build', '--quiet', CORPUS, '-o', graph]);
    expect(built.status).toBe(0);
    buildMs = built.ms;
  }, 600_000);
  afterAll(() => {
    // What each kill hit, for the log: killed runs and runs that finished first.
    process.stdout.write(`killed runs: ${outcomes.join(', ')}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a killed build leaves the previous graph as it was; the next build removes its temporaries', async () => {
    const before = sha256(graph);
    const entities = readable(graph).entities;
    expect(entities).toBeGreaterThan(1000);
    for (let i = 0; i < 4; i += 1) {
      const at = moment(buildMs);
      const how = await killedAfter(['build', '--quiet', CORPUS, '-o', graph], at);
      outcomes.push(`build@${at}ms ${how}`);
      // Killed: the file is the previous one, byte for byte. Finished first: a new build of the same inputs.
      if (how === 'killed') expect(sha256(graph)).toBe(before);
      expect(readable(graph).entities).toBe(entities);
    }
    // The next run (any build writing to this folder) removes what the killed ones left.
    expect(cablegraph(['build', '--quiet', SEEDS, '-o', path.join(dir, 'seeds.db')]).status).toBe(0);
    expect(temporaries(dir)).toEqual([]);
  }, 600_000);

  test('a build stopped by Ctrl-C or SIGTERM (run capped, in a second node) leaves no temporaries behind, not even until the next run', async () => {
    const before = sha256(graph);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      // Its own process group, as a terminal gives it: Ctrl-C reaches the launcher and the build.
      const child = spawn(process.execPath, [CLI, 'build', '--quiet', '--max-heap', '1024', CORPUS, '-o', graph], {
        cwd: ROOT,
        stdio: 'ignore',
        detached: true,
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, s) => resolve({ code, signal: s })),
      );
      // Stopped once the build has written its spool (the biggest temporary at full-corpus scale).
      const started = Date.now();
      while (temporaries(dir).length === 0 && Date.now() - started < 120_000)
        await new Promise((r) => setTimeout(r, 50));
      expect(temporaries(dir).length).toBeGreaterThan(0);
      if (signal === 'SIGINT') process.kill(-child.pid!, 'SIGINT');
      else child.kill('SIGTERM');
      const end = await exited;
      outcomes.push(`build ${signal} → ${end.code ?? end.signal}`);
      // The launcher ends as its build did: 128 + the signal's number.
      expect(end.code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(temporaries(dir)).toEqual([]);
      expect(sha256(graph)).toBe(before);
    }
  }, 600_000);

  test('a killed export leaves the previous file as it was; the next export removes its temporaries', async () => {
    const out = path.join(dir, 'view.graphml');
    const full = cablegraph(['export', graph, '-f', 'graphml', '-o', out, '--quiet']);
    expect(full.status).toBe(0);
    const before = sha256(out);
    for (let i = 0; i < 3; i += 1) {
      const at = moment(full.ms);
      const how = await killedAfter(['export', graph, '-f', 'graphml', '-o', out, '--quiet'], at);
      outcomes.push(`export@${at}ms ${how}`);
      expect(sha256(out)).toBe(before);
    }
    expect(cablegraph(['export', graph, '-f', 'gexf', '-o', path.join(dir, 'view.gexf'), '--quiet']).status).toBe(0);
    expect(temporaries(dir)).toEqual([]);
  }, 600_000);

  test('a killed decision is taken whole or not at all: the curation file parses and agrees with the graph, and the next decision is taken', async () => {
    const curation = path.join(dir, 'curation.jsonl');
    const db = new Database(graph, { readonly: true });
    const [id] = db
      .prepare("SELECT id FROM entities WHERE kind = 'Person' ORDER BY cable_count DESC, id LIMIT 1")
      .pluck()
      .all() as string[];
    db.close();
    const first = cablegraph(['entities', 'rename', id, 'Renamed 0', '-g', graph, '--curation', curation]);
    expect(first.status).toBe(0);
    for (let i = 1; i <= 3; i += 1) {
      const at = moment(first.ms);
      const how = await killedAfter(
        ['entities', 'rename', id, `Renamed ${i}`, '-g', graph, '--curation', curation],
        at,
      );
      outcomes.push(`decision@${at}ms ${how}`);
      // Never half a line: every line parses (readCuration throws on a bad one).
      expect(() => readCuration(curation)).not.toThrow();
      readable(graph);
    }
    // The narrowest moment, made on purpose: killed after appending its line (half of it) but before its commit.
    const size = fs.statSync(curation).size;
    const seq = readCuration(curation).length + 1;
    fs.writeFileSync(path.join(dir, '.curation.jsonl.pending'), JSON.stringify({ seq, size }));
    fs.appendFileSync(curation, `{"seq":${seq},"op":"rename","id":"${id}","na`);
    // The next decision is taken (not refused as out of step), and afterwards file and graph hold the same decisions.
    const next = cablegraph(['entities', 'rename', id, 'Renamed last', '-g', graph, '--curation', curation]);
    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    const decisions = readCuration(curation);
    expect(decisions.map((d) => d.op)).toEqual(readable(graph).decisions);
    expect(decisions[decisions.length - 1]).toMatchObject({ op: 'rename', name: 'Renamed last' });
    expect(temporaries(dir)).toEqual([]);
  }, 600_000);
});
