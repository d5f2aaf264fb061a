import Database from 'better-sqlite3';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureAloneColumn, hasAloneColumn, nameWords, scanSoleNames } from '../../src/db/entity-words';
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

  test("a database built before the flags gets them at its first write, equal to the build's", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-words-'));
    try {
      const copy = path.join(dir, 'graph.db');
      fs.copyFileSync(await builtGraph([CORPUS]), copy);
      const db = new Database(copy);
      const rows = () => db.prepare('SELECT word, entity, alone FROM entity_words ORDER BY word, entity').raw().all();
      const built = rows();
      const flagged = built.filter((r) => r[2] === 1);
      // a real share of the words are names alone, and exactly those the scan of every name finds
      expect(flagged.length).toBeGreaterThan(500);
      expect(flagged.length).toBeLessThan(built.length / 2);
      expect(new Set(flagged.map((r) => `${String(r[0])} ${String(r[1])}`))).toEqual(
        new Set(scanSoleNames(db).map(([w, n]) => `${w} ${n}`)),
      );
      db.exec('ALTER TABLE entity_words DROP COLUMN alone');
      expect(hasAloneColumn(db)).toBe(false);
      db.transaction(() => ensureAloneColumn(db))();
      expect(hasAloneColumn(db)).toBe(true);
      expect(rows()).toEqual(built);
      ensureAloneColumn(db); // a second time: nothing to do
      expect(rows()).toEqual(built);
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // (it builds the shared corpus: over 60 s at load 9 on 2 cores)
  }, 300_000);
});
