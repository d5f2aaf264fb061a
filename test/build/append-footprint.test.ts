import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildGraphDatabase, resolveBuildOptions, type BuildReporter } from '../../src/build';
import { planAppend } from '../../src/build/plan-append';
import { openGraphDb } from '../../src/db';
import { SHARED } from '../graph/helpers';

const silent: BuildReporter = {
  diagnostic: () => undefined,
  tick: () => undefined,
  readDone: () => undefined,
  note: () => undefined,
};
const CORPUS = path.join(SHARED, 'corpus/cablegate/cable');
const FIRST = [path.join(CORPUS, '2008/01'), path.join(SHARED, 'seeds')];
const SECOND = [path.join(CORPUS, '2008/02'), path.join(CORPUS, '2008/03')];

type Assignment = { cable: string; type: string; surface: string; count: number; auto: string };

/** A database's automatic assignments by cable id, and its automatic entities' names and rows by id. */
function stateOf(file: string): {
  assignments: Map<string, string[]>;
  resolved: Map<string, string>;
  rows: Map<string, string>;
} {
  const db = openGraphDb(file);
  try {
    const assignments = new Map<string, string[]>();
    for (const r of db
      .prepare(
        'SELECT c.id AS cable, a.type, a.surface, a.count, a.auto FROM assignments a JOIN cables c ON c.node = a.cable ORDER BY c.id, a.type, a.surface',
      )
      .all() as Assignment[]) {
      const list = assignments.get(r.cable) ?? [];
      list.push(`${r.type}|${r.surface}|${r.count}|${r.auto}`);
      assignments.set(r.cable, list);
    }
    const resolved = new Map(
      (db.prepare('SELECT id, name FROM resolved').all() as Array<{ id: string; name: string }>).map((r) => [
        r.id,
        r.name,
      ]),
    );
    const rows = new Map(
      (
        db
          .prepare(
            `SELECT e.id, json_array(e.kind, e.name, e.cable_count, e.first_date, e.last_date,
               (SELECT json_group_array(json_array(alias, count)) FROM (SELECT alias, count FROM aliases WHERE entity = e.node ORDER BY position))) AS row
             FROM entities e`,
          )
          .all() as Array<{ id: string; row: string }>
      ).map((r) => [r.id, r.row]),
    );
    return { assignments, resolved, rows };
  } finally {
    db.close();
  }
}

describe('planAppend (build --append --dry-run)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-footprint-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const options = (output: string, inputs: string[], append = false) =>
    resolveBuildOptions({ output, inputs, append, workers: 0, quiet: true });

  test('names exactly the old cables whose entities a full build of both changes, and every entity whose row changes; writes nothing', async () => {
    const appended = path.join(dir, 'a.db');
    const full = path.join(dir, 'full.db');
    await buildGraphDatabase(options(appended, FIRST), silent);
    await buildGraphDatabase(options(full, [...FIRST, ...SECOND]), silent);
    const bytes = fs.readFileSync(appended);
    const plan = (await planAppend(options(appended, SECOND, true), silent))!;
    expect(fs.readFileSync(appended).equals(bytes)).toBe(true);

    const before = stateOf(appended);
    const after = stateOf(full);
    expect(plan.existing).toBe(before.assignments.size);
    expect(plan.added).toEqual([...after.assignments.keys()].filter((id) => !before.assignments.has(id)).sort());
    expect(plan.replaced).toEqual([]);

    // Old cables: the plan's moved forms are exactly the assignments that differ.
    const changed = [...before.assignments]
      .filter(([id, rows]) => JSON.stringify(rows) !== JSON.stringify(after.assignments.get(id)))
      .map(([id]) => id);
    expect(plan.changed.map((c) => c.id)).toEqual(changed);
    // This corpus has the case an append must handle: a lone surname in an old cable that a full
    // name of the new cables now claims ("PEKALA" of 08PARIS114 → Mark A. Pekala).
    expect(changed.length).toBeGreaterThan(0);
    const paris = plan.changed.find((c) => c.id === '08PARIS114')!;
    expect(paris.moved).toContainEqual({
      type: 'PERSON',
      surface: 'PEKALA',
      before: 'p-pekala-17e761f7',
      after: 'p-mark-a-pekala-553fe598',
    });
    for (const c of plan.changed) {
      const nowRows = after.assignments.get(c.id)!;
      for (const m of c.moved) {
        const now = nowRows.find((r) => r.startsWith(`${m.type}|${m.surface}|`));
        expect(now?.split('|').pop() ?? null).toBe(m.after);
      }
    }

    // Entities: every one whose row differs (or that appears or goes) is touched; new, gone and renamed exactly.
    const ids = new Set([...before.rows.keys(), ...after.rows.keys()]);
    const differing = [...ids].filter((id) => before.rows.get(id) !== after.rows.get(id));
    expect(differing.length).toBeGreaterThan(0);
    const touched = new Set(plan.touched);
    expect(differing.filter((id) => !touched.has(id))).toEqual([]);
    expect(plan.created).toEqual(
      [...new Set([...after.resolved.keys(), ...after.rows.keys()])]
        .filter((id) => !before.resolved.has(id) && !before.rows.has(id))
        .sort(),
    );
    expect(plan.removed).toEqual([...before.resolved.keys()].filter((id) => !after.resolved.has(id)).sort());
    expect(plan.renamed).toEqual(
      [...after.resolved]
        .filter(([id, name]) => before.resolved.has(id) && before.resolved.get(id) !== name)
        .map(([id]) => id)
        .sort(),
    );
    // Untouched entities keep their rows: the footprint is a part of the graph, not all of it.
    expect(touched.size).toBeLessThan(ids.size);
  }, 600_000);

  test('cables read again: an identical release changes nothing', async () => {
    const file = path.join(dir, 'b.db');
    await buildGraphDatabase(options(file, FIRST), silent);
    const plan = (await planAppend(options(file, [path.join(CORPUS, '2008/01')], true), silent))!;
    expect(plan.added).toEqual([]);
    expect(plan.replaced).toEqual([]);
    expect(plan.changed).toEqual([]);
    expect(plan.touched).toEqual([]);
  }, 600_000);
});
