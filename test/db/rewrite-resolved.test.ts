import Database from 'better-sqlite3';
import { schemaTable } from '../../src/db/open';
import {
  RESOLVED_TABLES,
  ResolvedRowsRewriter,
  emptyResolvedRows,
  type ResolvedRowSet,
} from '../../src/db/rewrite-resolved';

const TABLES = RESOLVED_TABLES;

function resolvedDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = OFF'); // (as openGraphDb: the REFERENCES clauses only document)
  for (const table of TABLES) db.exec(schemaTable(table));
  return db;
}

const role = (person: number, title: string): unknown[] => [
  person,
  title,
  title,
  null,
  null,
  null,
  null,
  'France',
  'explicit',
  0,
  '2008-01-02',
  1,
  `${title} said`,
  0,
  10,
];

/** Cable 7's rows before: five mentions (two of the same span and surface on entity 100), three surfaces, two MENTIONS rows, two signers, a role. */
function before(): ResolvedRowSet {
  const rows = emptyResolvedRows();
  rows.mentions = [
    [0, 5, 'PERSON', 'Smith', 1, 0, 100],
    [10, 15, 'PERSON', 'Smith', 2, 0, 100],
    [20, 27, 'PLACE', 'Paris', 2, 0, 200],
    [30, 35, 'PERSON', 'Jones', 3, 0, 300],
    [40, 45, 'PERSON', 'Brown', 3, 0, 400],
  ];
  rows.assignments = [
    ['PERSON', 'Smith', 'smith', 2, 'p-smith', 100],
    ['PLACE', 'Paris', 'paris', 1, 'l-paris', 200],
    ['PERSON', 'Jones', 'jones', 1, 'p-jones', 300],
  ];
  rows.cable_entities = [
    [100, 2, '[1,2]', '[0,5,10,15]', 0],
    [200, 1, '[2]', '[20,27]', 1],
  ];
  rows.signed = [[100], [300]];
  rows.classified = [[100, 'Ambassador']];
  rows.roles = [role(100, 'Ambassador')];
  return rows;
}

/** The rows after a new resolution: Smith moved to entity 101, Brown's mention gone, a mention of Rome new; Jones's surface gone; the signers reordered. */
function after(): ResolvedRowSet {
  const rows = emptyResolvedRows();
  rows.mentions = [
    [0, 5, 'PERSON', 'Smith', 1, 0, 101],
    [10, 15, 'PERSON', 'Smith', 2, 0, 101],
    [20, 27, 'PLACE', 'Paris', 2, 0, 200],
    [30, 35, 'PERSON', 'Jones', 3, 0, 300],
    [50, 54, 'PLACE', 'Rome', 4, 0, 500],
  ];
  rows.assignments = [
    ['PERSON', 'Smith', 'smith', 2, 'p-smith', 101],
    ['PLACE', 'Paris', 'paris', 1, 'l-paris', 200],
    ['PLACE', 'Rome', 'rome', 1, 'l-rome', 500],
  ];
  rows.cable_entities = [
    [101, 2, '[1,2]', '[0,5,10,15]', 0],
    [200, 1, '[2]', '[20,27]', 1],
  ];
  rows.signed = [[300], [101]];
  rows.classified = [[100, 'Ambassador']];
  rows.roles = [role(100, 'Ambassador')];
  return rows;
}

/** Columns of a table other than `cable`, in schema order (the values' order in a ResolvedRowSet). */
const columnsOf = (db: Database.Database, table: string): string[] =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((c) => c !== 'cable');

function insert(db: Database.Database, cable: number, rows: ResolvedRowSet): void {
  for (const table of TABLES) {
    const columns = columnsOf(db, table);
    const st = db.prepare(
      `INSERT INTO ${table} (cable, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`,
    );
    for (const r of rows[table]) st.run(cable, ...r);
  }
}

/** A cable's rows of one table, as values after the cable, in rowid order (or key order without rowid). */
function rowsOf(db: Database.Database, table: string, cable: number): unknown[][] {
  const columns = columnsOf(db, table);
  return db
    .prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE cable = ?`)
    .raw()
    .all(cable) as unknown[][];
}

const sorted = (rows: unknown[][]): unknown[][] =>
  [...rows].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));

describe('ResolvedRowsRewriter', () => {
  it('should leave equal rows, update the changed, delete the gone and insert the new: the rows of a fresh write', () => {
    const db = resolvedDb();
    insert(db, 7, before());
    insert(db, 8, before()); // another cable's rows: untouched
    const rowids = new Map(
      (db.prepare('SELECT rowid, start FROM mentions WHERE cable = 7').raw().all() as number[][]).map(([r, s]) => [
        s,
        r,
      ]),
    );
    const changes = new ResolvedRowsRewriter(db).rewrite(7, after());

    const fresh = resolvedDb();
    insert(fresh, 7, after());
    for (const table of TABLES)
      expect([table, sorted(rowsOf(db, table, 7))]).toEqual([table, sorted(rowsOf(fresh, table, 7))]);
    for (const table of TABLES) expect([table, sorted(rowsOf(db, table, 8))]).toEqual([table, sorted(before()[table])]);

    // the mentions: Paris and Jones kept their rows, the two Smiths updated in place, Brown deleted, Rome inserted
    const now = new Map(
      (db.prepare('SELECT rowid, start FROM mentions WHERE cable = 7').raw().all() as number[][]).map(([r, s]) => [
        s,
        r,
      ]),
    );
    for (const start of [0, 10, 20, 30]) expect(now.get(start)).toBe(rowids.get(start));
    expect(now.has(40)).toBe(false);
    expect(now.get(50)).toBeGreaterThan(Math.max(...rowids.values()));
    // signers in their new order (readers take a cable's signers in rowid order)
    expect(db.prepare('SELECT person FROM signed WHERE cable = 7 ORDER BY rowid').pluck().all()).toEqual([300, 101]);
    // kept: Paris, Jones (mentions), Paris (assignments), Paris's MENTIONS row, the classifier, the role
    // updated: Smith's 2 mentions and assignment; deleted: Brown, Jones's assignment, the MENTIONS row of 100 (its key),
    // 2 signers; inserted: Rome's mention and assignment, the MENTIONS row of 101, 2 signers
    expect(changes).toEqual({ kept: 6, updated: 3, deleted: 5, inserted: 5 });
  });

  it('should write nothing when the rows are the same, in any order', () => {
    const db = resolvedDb();
    insert(db, 7, before());
    const same = before();
    same.mentions.reverse();
    same.assignments.reverse();
    const changes = new ResolvedRowsRewriter(db).rewrite(7, same);
    expect(changes).toEqual({ kept: 14, updated: 0, deleted: 0, inserted: 0 });
  });

  it('should tell repeated equal rows apart: one of two gone is deleted once', () => {
    const db = resolvedDb();
    const rows = emptyResolvedRows();
    rows.mentions = [
      [0, 5, 'PERSON', 'Smith', 1, 0, 100],
      [0, 5, 'PERSON', 'Smith', 1, 0, 100],
    ];
    insert(db, 7, rows);
    rows.mentions = [[0, 5, 'PERSON', 'Smith', 1, 0, 100]];
    expect(new ResolvedRowsRewriter(db).rewrite(7, rows)).toEqual({ kept: 1, updated: 0, deleted: 1, inserted: 0 });
    expect(rowsOf(db, 'mentions', 7)).toEqual([[0, 5, 'PERSON', 'Smith', 1, 0, 100]]);
  });
});
