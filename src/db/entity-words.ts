// The search words of an entity's names (table entity_words), as every writer stores them: the build, `--append`, curation.
import type { Database } from 'better-sqlite3';
import { searchTokens } from '../server/search';

/** One search word of an entity, and whether one of its names or aliases is that word alone. */
export interface NameWord {
  word: string;
  alone: boolean;
}

/**
 * The distinct search words (searchTokens) of `names` — an entity's name, then its aliases — in the
 * order first met; `alone` when some name is that word and nothing else ("Karzai", not "Hamid
 * Karzai"): the only entities a one-word query can match exactly, which the search needs to know
 * without reading every alias again (see WordPostings.sole).
 */
export function nameWords(names: Iterable<string>): NameWord[] {
  const byWord = new Map<string, NameWord>();
  for (const name of names) {
    const tokens = searchTokens(name);
    for (const word of tokens) {
      let entry = byWord.get(word);
      if (!entry) byWord.set(word, (entry = { word, alone: false }));
      if (tokens.length === 1) entry.alone = true;
    }
  }
  return [...byWord.values()];
}

/**
 * Names and aliases that may be one word alone (searchTokens decides): SQLite passes over those it
 * can tell have two, a space in them and an ASCII letter or digit, a separator, then another (the
 * space first: the pattern alone cost 1.2 s over the 1.15 M aliases at 251,287, both 0.4 s).
 */
const TWO_WORDS = `GLOB '*[0-9A-Za-z][ -/:-@]*[0-9A-Za-z]*'`;
export const SOLE_NAME_CANDIDATES = `SELECT node, name FROM entities WHERE instr(name, ' ') = 0 OR NOT (name ${TWO_WORDS})
  UNION ALL SELECT entity, alias FROM aliases WHERE instr(alias, ' ') = 0 OR NOT (alias ${TWO_WORDS})`;

/** Which entities have a name or alias that is one word alone, as (word, node) pairs: a scan of every name (~1.1 s at 251,287). */
export function scanSoleNames(db: Database): Array<[string, number]> {
  const sole: Array<[string, number]> = [];
  for (const [node, text] of db.prepare(SOLE_NAME_CANDIDATES).raw().all() as Array<[number, string]>) {
    const tokens = searchTokens(text);
    if (tokens.length === 1) sole.push([tokens[0], node]);
  }
  return sole;
}

/** Whether entity_words has the `alone` column (databases built before it do not). */
export function hasAloneColumn(db: Database): boolean {
  return (db.prepare('PRAGMA table_info(entity_words)').all() as Array<{ name: string }>).some(
    (c) => c.name === 'alone',
  );
}

/**
 * Gives a database built before the `alone` column the column, filled as a build fills it: once,
 * inside the caller's write transaction (a decision's, an append's), so that no reader sees the
 * column without its values. What it costs is the scan of every name, once.
 */
export function ensureAloneColumn(db: Database): void {
  if (hasAloneColumn(db)) return;
  db.exec('ALTER TABLE entity_words ADD COLUMN alone INTEGER NOT NULL DEFAULT 0');
  const mark = db.prepare('UPDATE entity_words SET alone = 1 WHERE word = ? AND entity = ?');
  for (const [word, node] of scanSoleNames(db)) mark.run(word, node);
}
