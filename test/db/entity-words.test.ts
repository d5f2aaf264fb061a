import Database from 'better-sqlite3';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ensureAloneColumn,
  ensureSearchWords,
  hasAloneColumn,
  hasWordPostings,
  nameWords,
  packEntries,
  readSearchWords,
  refreshWordPostings,
  scanSoleNames,
  storedEntityWords,
} from '../../src/db/entity-words';
import { GRAPH_DB_OLDEST_VERSION, GRAPH_DB_VERSION, schemaTable, upgradeGraphDb } from '../../src/db/open';
import { builtGraph, CORPUS } from '../server/helpers';

describe('the search words of an entity', () => {
  test('are the distinct words of its names in the order met, alone when a name is that word and nothing else', () => {
    expect(nameWords(['Hamid Karzai', 'Karzai', 'KARZAI'])).toEqual([
      { word: 'hamid', alone: false },
      { word: 'karzai', alone: true },
    ]);
    // punctuation and diacritics go as the search reads them: "Qzvrt ." is one word, "Qzvrt-Lim" two
    expect(nameWords(['Qzvrt .', 'Qzvrt-Lim', 'Çelik'])).toEqual([
      { word: 'qzvrt', alone: true },
      { word: 'lim', alone: false },
      { word: 'celik', alone: true },
    ]);
    expect(nameWords(['Anna Qzvrt', '--'])).toEqual([
      { word: 'anna', alone: false },
      { word: 'qzvrt', alone: false },
    ]);
  });

  test("a database built before the flags and the postings gets them at its first write, equal to the build's", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-words-'));
    try {
      const copy = path.join(dir, 'graph.db');
      fs.copyFileSync(await builtGraph([CORPUS]), copy);
      const db = new Database(copy);
      const rows = () => db.prepare('SELECT word, entity, alone FROM entity_words ORDER BY word, entity').raw().all();
      const postings = () => db.prepare('SELECT word, entries FROM word_postings ORDER BY word').raw().all();
      const built = rows();
      const builtPostings = postings();
      const read = readSearchWords(db);
      const flagged = built.filter((r) => r[2] === 1);
      // a real share of the words are names alone, and exactly those the scan of every name finds
      expect(flagged.length).toBeGreaterThan(500);
      expect(flagged.length).toBeLessThan(built.length / 2);
      expect(new Set(flagged.map((r) => `${String(r[0])} ${String(r[1])}`))).toEqual(
        new Set(scanSoleNames(db).map(([w, n]) => `${w} ${n}`)),
      );
      // the words a writer deletes an entity's rows by are exactly its rows' words, for every entity
      const byEntity = new Map<number, string[]>();
      for (const [word, entity] of built as Array<[string, number, number]>)
        byEntity.set(entity, [...(byEntity.get(entity) ?? []), word]);
      const nodes = db.prepare('SELECT node FROM entities').pluck().all() as number[];
      expect(nodes.length).toBeGreaterThan(5000);
      for (const node of nodes)
        expect([...storedEntityWords((sql) => db.prepare(sql), node)].sort()).toEqual(
          (byEntity.get(node) ?? []).sort(),
        );
      expect(storedEntityWords((sql) => db.prepare(sql), -1)).toEqual([]);
      // the table an upgrade makes is schema.sql's
      expect(schemaTable('word_postings')).toBe(
        'CREATE TABLE word_postings (\n  word    TEXT PRIMARY KEY,\n  entries BLOB NOT NULL\n) WITHOUT ROWID;',
      );
      expect(() => schemaTable('no_such_table')).toThrow('no CREATE TABLE no_such_table');
      // word_postings is entity_words word by word, packed
      const grouped = new Map<string, number[]>();
      for (const [word, entity, alone] of built as Array<[string, number, number]>)
        grouped.set(word, [...(grouped.get(word) ?? []), entity * 2 + alone]);
      expect(builtPostings.length).toBe(grouped.size);
      for (const [word, packed] of builtPostings as Array<[string, Buffer]>)
        expect(packed.equals(packEntries(grouped.get(word)!))).toBe(true);
      expect(read.entries.length).toBe(built.length);
      expect([...read.counts].reduce((x, y) => x + y, 0)).toBe(built.length);

      // the same answers read from entity_words alone (no postings), then with no flags either (names scanned)
      db.exec('DROP TABLE word_postings');
      expect(hasWordPostings(db)).toBe(false);
      expect(readSearchWords(db)).toEqual(read);
      db.exec('ALTER TABLE entity_words DROP COLUMN alone');
      expect(hasAloneColumn(db)).toBe(false);
      expect(readSearchWords(db)).toEqual(read);

      // as a decision or an append finds a version 2 file: upgraded in its transaction, version and all
      db.pragma(`user_version = ${GRAPH_DB_OLDEST_VERSION}`);
      db.transaction(() => upgradeGraphDb(db))();
      expect(db.pragma('user_version', { simple: true })).toBe(GRAPH_DB_VERSION);
      expect(db.prepare("SELECT value FROM meta WHERE key = 'version'").pluck().get()).toBe(String(GRAPH_DB_VERSION));
      expect(hasAloneColumn(db)).toBe(true);
      expect(rows()).toEqual(built);
      expect(postings()).toEqual(builtPostings);
      ensureSearchWords(db, schemaTable('word_postings')); // a second time: nothing to do
      ensureAloneColumn(db);
      expect(rows()).toEqual(built);
      expect(postings()).toEqual(builtPostings);

      // a word whose rows change is rewritten; one no entity has any more goes
      const [word, entity] = built[0] as [string, number, number];
      db.prepare('DELETE FROM entity_words WHERE word = ? AND entity = ?').run(word, entity);
      db.prepare('INSERT INTO entity_words (word, entity, alone) VALUES (?, ?, 1)').run('zzqxv', entity);
      refreshWordPostings(db, [word, 'zzqxv', 'notaword']);
      const after = new Map(postings() as Array<[string, Buffer]>);
      expect(after.get('zzqxv')!.equals(packEntries([entity * 2 + 1]))).toBe(true);
      expect(after.has('notaword')).toBe(false);
      const rest = grouped.get(word)!.slice(1);
      if (rest.length > 0) expect(after.get(word)!.equals(packEntries(rest))).toBe(true);
      else expect(after.has(word)).toBe(false);
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // (it builds the shared corpus: over 60 s at load 9 on 2 cores)
  }, 300_000);
});
