import Database from 'better-sqlite3';
import { deleteInKeyOrder } from '../../src/build/append';
import { AppendSteps } from '../../src/build/append-steps';
import { IntList } from '../../src/common/int-list';
import { schemaTable } from '../../src/db/open';

function pairsDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = OFF'); // (as openGraphDb: the REFERENCES clauses only document)
  db.exec(schemaTable('co_mentions'));
  db.exec(schemaTable('co_mention_evidence'));
  const pair = db.prepare('INSERT INTO co_mentions VALUES (?, ?, 2, 1, 1, NULL, NULL)');
  const evidence = db.prepare("INSERT INTO co_mention_evidence VALUES (?, ?, ?, '[]')");
  for (const [a, b, cables] of [
    [1, 2, [10, 11]],
    [1, 3, [10]],
    [2, 3, [12, 13, 14]],
    [4, 5, [15]],
  ] as Array<[number, number, number[]]>) {
    pair.run(a, b);
    for (const c of cables) evidence.run(a, b, c);
  }
  return db;
}

const listOf = (...values: number[]): IntList => {
  const list = new IntList();
  for (const v of values) list.push(v);
  return list;
};

describe('deleteInKeyOrder', () => {
  it('should delete the pairs given in any order with all their evidence, and count the evidence rows', () => {
    const db = pairsDb();
    // (2, 3) before (1, 2): the order they were found in; (6, 7) is no pair of the database
    expect(deleteInKeyOrder(db, listOf(2, 3, 6, 7, 1, 2))).toBe(5);
    expect(db.prepare('SELECT a, b FROM co_mentions ORDER BY a, b').raw().all()).toEqual([
      [1, 3],
      [4, 5],
    ]);
    expect(db.prepare('SELECT a, b, cable FROM co_mention_evidence ORDER BY a, b, cable').raw().all()).toEqual([
      [1, 3, 10],
      [4, 5, 15],
    ]);
  });

  it('should delete nothing for no pairs', () => {
    const db = pairsDb();
    expect(deleteInKeyOrder(db, new IntList())).toBe(0);
    expect(db.prepare('SELECT count(*) FROM co_mention_evidence').pluck().get()).toBe(7);
  });
});

describe('AppendSteps', () => {
  it('should report each step once with its calls, and nothing when disabled', () => {
    const steps = new AppendSteps(true);
    steps.step('first');
    expect(steps.time('inner', () => 42)).toBe(42);
    steps.time('inner', () => undefined);
    steps.step('second');
    steps.step(undefined);
    const lines = steps.report();
    expect(lines.map((l) => /^append step (.*?): (\d+) call/.exec(l)?.slice(1))).toEqual([
      ['inner', '2'],
      ['first', '1'],
      ['second', '1'],
    ]);
    const off = new AppendSteps(false);
    off.step('first');
    expect(off.time('inner', () => 'ran')).toBe('ran');
    expect(off.report()).toEqual([]);
  });
});
