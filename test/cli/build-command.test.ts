import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dumpById, dumpTables, graphOfDb, tableDifferences } from '../db/helpers';
import { openGraphDb, readMeta } from '../../src/db';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/index.js');
const CORPUS = path.resolve(ROOT, '../shared/corpus/cablegate/cable');
const SEEDS = path.resolve(ROOT, '../shared/seeds');

function cablegraph(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
}

describe('cablegraph build', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-build-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);

  test('--append gives the database of a full build (every table, nodes by id, metrics aside), in place; a re-run changes nothing', () => {
    const first = [path.join(CORPUS, '2008/01'), SEEDS];
    const second = [path.join(CORPUS, '2008/02'), path.join(CORPUS, '2008/03')];
    const full = cablegraph(['build', ...first, ...second, '-o', file('full.db')]);
    expect(full.status).toBe(0);
    // Not a terminal: plain log lines, then the summary.
    expect(full.stderr).toMatch(
      /^build: \d+ cables in [\d.]+ s \(\d+ cables\/s\)\ncablegraph build: \d+ cables \(\d+ read\) → .*full\.db: \d+ nodes \(Cable \d+, Organization \d+, Person \d+, Place \d+, Post \d+, Tag \d+\), \d+ edges \(AFFILIATED_WITH \d+, CLASSIFIED \d+, CO_MENTIONED \d+, FROM \d+, HOLDS_ROLE \d+, INFO \d+, MENTIONS \d+, MET \d+, REFERENCES \d+, SIGNED \d+, TAGGED \d+, TO \d+\) in [\d.]+ s \(read\+parse\+extract [\d.]+ s, resolve\+graph [\d.]+ s, metrics\+write [\d.]+ s\)\n$/,
    );

    expect(cablegraph(['build', ...first, '-o', file('appended.db'), '--quiet']).status).toBe(0);
    const base = dumpById(file('appended.db'), { metrics: true });
    const appended = cablegraph(['build', ...second, '-o', file('appended.db'), '--append', '--in-place']);
    expect(appended.status).toBe(0);
    // The second batch changes old cables' resolution (a lone "PEKALA" of 08PARIS114 now joins
    // Mark A. Pekala, named in full in a new cable): the append rewrote them, not only added rows.
    // Old cables' pairs are updated, not rewritten: some of their evidence rows go (those of the moved entities).
    const counts =
      /appended in place: (\d+) cables rewritten \((\d+) new\), \d+ entities, \d+ co-mention pairs \((\d+) evidence rows deleted, (\d+) written\)/.exec(
        appended.stderr,
      );
    expect(counts).not.toBeNull();
    const [rewritten, added, deleted] = counts!.slice(1, 4).map(Number);
    expect(rewritten).toBeGreaterThan(added);
    expect(deleted).toBeGreaterThan(0);
    // That lone surname, before and after: a new cable's full name took it over.
    const pekala = (db: string) => {
      const g = openGraphDb(db);
      try {
        return g
          .prepare(
            "SELECT a.auto FROM assignments a JOIN cables c ON c.node = a.cable WHERE c.id = '08PARIS114' AND a.surface = 'PEKALA'",
          )
          .pluck()
          .all();
      } finally {
        g.close();
      }
    };
    expect(base.assignments.some((row) => row.includes('"PEKALA"') && row.includes('p-pekala-17e761f7'))).toBe(true);
    expect(pekala(file('appended.db'))).toEqual(['p-mark-a-pekala-553fe598']);
    expect(pekala(file('full.db'))).toEqual(['p-mark-a-pekala-553fe598']);
    // Plain --append rebuilds the file from all records: the very same rows as the full build, metrics and node numbers included.
    expect(cablegraph(['build', ...first, '-o', file('rebuilt.db'), '--quiet']).status).toBe(0);
    expect(cablegraph(['build', ...second, '-o', file('rebuilt.db'), '--append', '--quiet']).status).toBe(0);
    expect(dumpTables(file('rebuilt.db'))).toEqual(dumpTables(file('full.db')));
    const fullTables = dumpById(file('full.db'), { metrics: false });
    expect(Object.keys(fullTables).length).toBeGreaterThan(20);
    expect(tableDifferences(dumpById(file('appended.db'), { metrics: false }), fullTables)).toEqual([]);
    // Metrics are a full build's: the append keeps the old nodes' values and says they are stale.
    const db = openGraphDb(file('appended.db'));
    try {
      expect(db.prepare("SELECT value FROM meta WHERE key = 'metrics_stale'").pluck().get()).toBe('true');
      const kept = base.entities.filter((row) => {
        const r = JSON.parse(row) as { id: string; pagerank: number };
        return db.prepare('SELECT pagerank FROM entities WHERE id = ?').pluck().get(r.id) === r.pagerank;
      });
      expect(kept.length).toBeGreaterThan(base.entities.length / 2);
    } finally {
      db.close();
    }

    const before = dumpById(file('appended.db'), { metrics: true });
    const again = cablegraph(['build', ...second, '-o', file('appended.db'), '--append', '--in-place']);
    expect(again.stderr).toMatch(/cablegraph build: \d+ cables \(\d+ read, \d+ already in the graph\)/);
    expect(again.stderr).toMatch(/appended in place: 0 cables rewritten/);
    expect(tableDifferences(dumpById(file('appended.db'), { metrics: true }), before)).toEqual([]);
  });

  test('--append that moves the ubiquity threshold, with cables already in the graph read again: the tables of a full build', () => {
    // 2007 and the seeds (112 cables: "ubiquitous" is past a fifth of them, 22.4), then 2008/01–02
    // (25 new: 137 cables, past 27.4) with three cables of 2007 read again, unchanged.
    const first = [path.join(CORPUS, '2007'), SEEDS];
    const again = ['07ABUDHABI145.html', '07ALGIERS45.html', '07BAGHDAD63.html'].map((f) =>
      path.join(CORPUS, '2007/01', f),
    );
    const second = [path.join(CORPUS, '2008/01'), path.join(CORPUS, '2008/02'), ...again];
    expect(cablegraph(['build', ...first, ...second, '-o', file('step-full.db'), '--quiet']).status).toBe(0);
    expect(cablegraph(['build', ...first, '-o', file('step.db'), '--quiet']).status).toBe(0);
    const cablesOf = (db: string) => {
      const g = openGraphDb(db);
      try {
        return readMeta(g).counts.cables;
      } finally {
        g.close();
      }
    };
    const before = cablesOf(file('step.db'));
    const appended = cablegraph(['build', ...second, '-o', file('step.db'), '--append', '--in-place']);
    expect(appended.status).toBe(0);
    // (the three read again are no new cables: only 2008/01–02's are)
    const added = Number(/appended in place: \d+ cables rewritten \((\d+) new\)/.exec(appended.stderr)?.[1]);
    expect(cablesOf(file('step.db'))).toBe(before + added);
    // "ubiquitous" (src/resolve/surnames.ts: in max(20, a fifth of the cables)) moves 22.4 → 27.4
    expect([before, added]).toEqual([112, 25]);
    expect(
      tableDifferences(
        dumpById(file('step.db'), { metrics: false }),
        dumpById(file('step-full.db'), { metrics: false }),
      ),
    ).toEqual([]);
    // Appending cables that are all in the graph already (unchanged) writes nothing.
    const snapshot = dumpById(file('step.db'), { metrics: true });
    const present = cablegraph(['build', ...again, '-o', file('step.db'), '--append', '--in-place']);
    expect(present.stderr).toMatch(/appended in place: 0 cables rewritten \(0 new\)/);
    expect(tableDifferences(dumpById(file('step.db'), { metrics: true }), snapshot)).toEqual([]);
  });

  test('--append with curation decisions: replayed on the rewritten rows, the same tables as a full build with them', () => {
    const first = [path.join(CORPUS, '2008/01'), SEEDS];
    const second = [path.join(CORPUS, '2008/02'), path.join(CORPUS, '2008/03')];
    // Decisions on entities the append changes: two lone surnames that new full names claim
    // (merged into one), a name the new cables also use (renamed), one form rejected.
    const curation = file('curation.jsonl');
    const by = { author: 'test', at: '2026-01-01T00:00:00.000Z' };
    fs.writeFileSync(
      curation,
      [
        { seq: 1, op: 'merge', ids: ['p-pekala-17e761f7', 'p-fallon-758d5a44'], into: 'p-fallon-758d5a44', ...by },
        { seq: 2, op: 'rename', id: 'p-mark-a-pekala-553fe598', name: 'Mark Pekala (DCM)', ...by },
        { seq: 3, op: 'reject', id: 'p-qadhafi-dc3a25d1', ...by },
      ]
        .map((d) => JSON.stringify(d))
        .join('\n') + '\n',
    );
    const withCuration = ['--curation', curation, '--quiet'];
    expect(cablegraph(['build', ...first, ...second, '-o', file('curated-full.db'), ...withCuration]).status).toBe(0);
    expect(cablegraph(['build', ...first, '-o', file('curated.db'), ...withCuration]).status).toBe(0);
    expect(
      cablegraph(['build', ...second, '-o', file('curated.db'), '--append', '--in-place', ...withCuration]).status,
    ).toBe(0);
    const full = dumpById(file('curated-full.db'), { metrics: false });
    expect(full.decisions).toHaveLength(3);
    expect(tableDifferences(dumpById(file('curated.db'), { metrics: false }), full)).toEqual([]);
  });

  test('nothing readable: exit 1, no file written; a bad graph database for --append: one line, exit 2', () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const result = cablegraph(['build', empty, '-o', file('none.db')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no cable could be read');
    expect(fs.existsSync(file('none.db'))).toBe(false);
    fs.writeFileSync(file('broken.db'), 'not a graph');
    const broken = cablegraph(['build', SEEDS, '-o', file('broken.db'), '--append']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(
      new RegExp(`^cablegraph: ${file('broken.db')}: not a cablegraph graph database \\(not an SQLite file: .*\\)\n$`),
    );
    expect(fs.readFileSync(file('broken.db'), 'utf8')).toBe('not a graph');
  });

  test('the graph does not depend on the order cables arrive in: inputs reversed, two copies of a cable', () => {
    // Two copies of one cable with the same release date, one corrected: the copy whose file sorts
    // last is kept, whichever is read (or finishes) first.
    const copies = path.join(dir, 'copies');
    fs.mkdirSync(copies);
    const page = fs.readFileSync(path.join(CORPUS, '2008/01/08BAGHDAD293.html'), 'utf8');
    fs.writeFileSync(path.join(copies, 'a-first.html'), page);
    fs.writeFileSync(path.join(copies, 'b-corrected.html'), page.replace('SIPDIS', 'SIPDIS CORRECTED'));
    const inputs = [
      path.join(CORPUS, '2008/02'),
      SEEDS,
      path.join(copies, 'a-first.html'),
      path.join(copies, 'b-corrected.html'),
    ];
    expect(cablegraph(['build', ...inputs, '-o', file('forward.db'), '--quiet']).status).toBe(0);
    expect(
      cablegraph(['build', ...[...inputs].reverse(), '-o', file('reverse.db'), '--workers', '1', '--quiet']).status,
    ).toBe(0);
    // Every table equal but the input list, which the meta table keeps as given.
    const withoutInputs = (tables: Record<string, unknown[][]>) => ({
      ...tables,
      meta: tables.meta.filter((row) => row[0] !== 'inputs'),
    });
    expect(withoutInputs(dumpTables(file('reverse.db')))).toEqual(withoutInputs(dumpTables(file('forward.db'))));
    const db = openGraphDb(file('forward.db'));
    const kept = db
      .prepare(
        "SELECT c.text, r.versions FROM cables c JOIN cable_records r ON r.cable = c.node WHERE c.id = '08BAGHDAD293'",
      )
      .get() as { text: string; versions: string };
    db.close();
    expect(kept.text).toContain('SIPDIS CORRECTED');
    expect((JSON.parse(kept.versions) as Array<{ file: string }>).map((v) => path.basename(v.file))).toEqual([
      'a-first.html',
      'b-corrected.html',
    ]);
  });

  test('workers do not change the result', () => {
    expect(
      cablegraph(['build', SEEDS, path.join(CORPUS, '2008/01'), '-o', file('w0.db'), '--workers', '0', '--quiet'])
        .status,
    ).toBe(0);
    expect(
      cablegraph(['build', SEEDS, path.join(CORPUS, '2008/01'), '-o', file('w2.db'), '--workers', '2', '--quiet'])
        .status,
    ).toBe(0);
    expect(dumpTables(file('w2.db'))).toEqual(dumpTables(file('w0.db')));
    const db = openGraphDb(file('w2.db'));
    expect(readMeta(db).counts.cables).toBe(15);
    db.close();
  });
  test('--max-evidence 1: stored in the build options, a role of several statements keeps one with its count; --append keeps it, refuses another; bad values refused', async () => {
    const inputs = [path.join(CORPUS, '2008/01'), path.join(CORPUS, '2008/02'), SEEDS];
    const built = cablegraph(['build', ...inputs, '-o', file('cap1.db'), '--max-evidence', '1', '--quiet']);
    expect(built.status).toBe(0);
    const maxEvidenceOf = (db: string): number => {
      const g = openGraphDb(db);
      try {
        return readMeta(g).buildOptions.maxEvidence;
      } finally {
        g.close();
      }
    };
    expect(maxEvidenceOf(file('cap1.db'))).toBe(1);
    type Attributes = {
      type: string;
      title?: string;
      label?: string;
      statementCount?: number;
      evidenceTruncated?: boolean;
      cables?: string[];
      evidence?: string[];
      weight?: number;
    };
    const foreignMinister = async (db: string) => {
      const { nodes, edges } = await graphOfDb(db);
      const kouchner = nodes.find(([, a]) => (a as Attributes).label === 'Bernard Kouchner')![0];
      const france = nodes.find(([, a]) => (a as Attributes).label === 'France')![0];
      const role = edges.filter(
        ([, s, t, , a]) => s === kouchner && t === france && (a as Attributes).title === 'Foreign Minister',
      );
      expect(role).toHaveLength(1);
      return { role: role[0][4] as Attributes, edges };
    };
    // Kouchner is Foreign Minister of France in 5 statements of these cables: one kept, the count exact.
    const { role, edges } = await foreignMinister(file('cap1.db'));
    expect(role).toMatchObject({ type: 'HOLDS_ROLE', statementCount: 5, evidenceTruncated: true });
    expect(role.cables).toHaveLength(1);
    // Co-mentions are capped alike: no list longer than one cable, some pair seen in more.
    const coMentions = edges.map(([, , , , a]) => a as Attributes).filter((a) => a.type === 'CO_MENTIONED');
    expect(Math.max(...coMentions.map((a) => a.cables!.length))).toBe(1);
    expect(coMentions.some((a) => a.evidenceTruncated)).toBe(true);
    // The default build keeps all five.
    expect(cablegraph(['build', ...inputs, '-o', file('cap100.db'), '--quiet']).status).toBe(0);
    expect(maxEvidenceOf(file('cap100.db'))).toBe(100);
    const uncapped = (await foreignMinister(file('cap100.db'))).role;
    expect(uncapped.evidence).toHaveLength(5);
    expect(uncapped.evidenceTruncated).toBeUndefined();

    // An append without the flag keeps the database's cap (not the default).
    const more = path.join(CORPUS, '2008/03');
    expect(cablegraph(['build', more, '-o', file('cap1.db'), '--append', '--quiet']).status).toBe(0);
    expect(maxEvidenceOf(file('cap1.db'))).toBe(1);
    expect((await foreignMinister(file('cap1.db'))).role.cables).toHaveLength(1);
    // A different one is refused, naming both, and the database is left as it was.
    const before = fs.readFileSync(file('cap1.db'));
    const other = cablegraph(['build', more, '-o', file('cap1.db'), '--append', '--max-evidence', '3']);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('was built with --max-evidence 1; appending with --max-evidence 3');
    expect(fs.readFileSync(file('cap1.db')).equals(before)).toBe(true);
    // The same one is fine.
    expect(
      cablegraph(['build', more, '-o', file('cap1.db'), '--append', '--max-evidence', '1', '--quiet']).status,
    ).toBe(0);

    for (const bad of ['0', '-2', '1.5', 'ten', '']) {
      const refused = cablegraph(['build', SEEDS, '-o', file('bad.db'), '--max-evidence', bad]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toBe(`cablegraph: --max-evidence wants a whole number from 1, got "${bad}"\n`);
      expect(fs.existsSync(file('bad.db'))).toBe(false);
    }
    expect(cablegraph(['build', '--help']).stdout).toContain('--max-evidence <n>');
  });
});
