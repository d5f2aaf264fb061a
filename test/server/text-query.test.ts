import Database from 'better-sqlite3';
import {
  ftsExpression,
  parseTextQuery,
  TextQueryError,
  unmark,
  MARK_END,
  MARK_START,
} from '../../src/server/text-query';

/** A real FTS5 table (the graph database's tokenizer) to run the expressions against. */
function corpus(): Database.Database {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)');
  insert.run(1, 'Foreign Minister Kouchner met President Talabani in Baghdad.');
  insert.run(2, 'Kouchner spoke to the press; Talabani did not.');
  insert.run(3, 'The Élysée said Sarkozy would visit Baghdad in February.');
  insert.run(4, 'AND OR NOT NEAR are words too: "quoted" (brackets) * ^ -minus');
  return db;
}
const matches = (db: Database.Database, q: string): number[] =>
  db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').pluck().all(ftsExpression(q)) as number[];

describe('full-text queries', () => {
  const db = corpus();
  afterAll(() => db.close());

  test('words must all appear; phrases keep their order', () => {
    expect(matches(db, 'kouchner talabani')).toEqual([1, 2]);
    expect(matches(db, '"President Talabani"')).toEqual([1]);
    expect(matches(db, '"Talabani President"')).toEqual([]);
    expect(matches(db, 'baghdad')).toEqual([1, 3]);
  });

  test('prefix, OR, exclusion, diacritics', () => {
    expect(matches(db, 'kouch*')).toEqual([1, 2]);
    expect(matches(db, 'sarkozy OR press')).toEqual([2, 3]);
    expect(matches(db, 'baghdad -kouchner')).toEqual([3]);
    expect(matches(db, 'elysee')).toEqual([3]);
    expect(matches(db, 'kouchner baghdad OR press')).toEqual([1, 2]);
  });

  test('operators and punctuation typed by a reader are text, never FTS5 syntax', () => {
    for (const q of [
      'AND',
      'NOT near',
      '"quoted" (brackets)',
      'minus -',
      'a"b',
      'NEAR(a b)',
      '"unclosed phrase',
      'col:umn',
      '{text}:x',
      'x AND',
      'OR OR x',
    ]) {
      expect(() => matches(db, q)).not.toThrow();
    }
    // Nothing searchable: refused as such, not an SQLite error.
    expect(() => matches(db, '* ^')).toThrow(TextQueryError);
    expect(matches(db, 'AND NOT')).toEqual([4]);
    expect(matches(db, 'AND OR press')).toEqual([2, 4]);
    expect(matches(db, '(brackets)')).toEqual([4]);
  });

  test('a query with nothing to find is refused with a reason', () => {
    expect(() => ftsExpression('  ')).toThrow(TextQueryError);
    expect(() => ftsExpression('-kouchner')).toThrow('not only words to exclude');
    expect(() => ftsExpression('*** ---')).toThrow('no words');
    expect(parseTextQuery('OR kouchner')).toEqual([{ text: 'kouchner', prefix: false, negated: false, or: false }]);
  });

  test('snippet markers become highlight offsets', () => {
    expect(unmark(`met ${MARK_START}Kouchner${MARK_END} and ${MARK_START}Talabani${MARK_END}.`)).toEqual({
      text: 'met Kouchner and Talabani.',
      highlights: [
        { start: 4, end: 12 },
        { start: 17, end: 25 },
      ],
    });
    expect(unmark('no marks')).toEqual({ text: 'no marks', highlights: [] });
  });
});
