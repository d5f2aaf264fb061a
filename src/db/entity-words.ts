// The search words of an entity's names (table entity_words), as every writer stores them: the build, `--append`, curation.
import type { Database, Statement } from 'better-sqlite3';
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
 * The words an entity's entity_words rows have: nameWords of its stored name and aliases, as the
 * writers wrote them. entity_words is keyed (word, entity) with no index on entity, so a writer
 * removes an entity's rows by these keys (`statement`: the writer's prepared-statement cache) (a delete by entity alone scans the whole table: 0.16 s at
 * 251,287 cables, once per entity a decision or an append touches). None when it has no row.
 */
export function storedEntityWords(statement: (sql: string) => Statement, node: number): string[] {
  const name = statement('SELECT name FROM entities WHERE node = ?').pluck().get(node) as string | undefined;
  if (name === undefined) return [];
  const aliases = statement('SELECT alias FROM aliases WHERE entity = ?').pluck().all(node) as string[];
  return nameWords([name, ...aliases]).map((w) => w.word);
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

/** A word's entries (entity * 2 + alone, in entity order) as word_postings stores them: little-endian int32s. */
export function packEntries(entries: ArrayLike<number>): Buffer {
  const packed = Buffer.allocUnsafe(entries.length * 4);
  for (let i = 0; i < entries.length; i += 1) packed.writeInt32LE(entries[i], i * 4);
  return packed;
}

/** Whether the database has word_postings (databases built before it do not). */
export function hasWordPostings(db: Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'word_postings'").pluck().get() !==
    undefined
  );
}

/** Rewrites the word_postings rows of `words` from entity_words (a word no entity has any more loses its row). */
export function refreshWordPostings(db: Database, words: Iterable<string>): void {
  const entries = db.prepare('SELECT entity * 2 + alone FROM entity_words WHERE word = ? ORDER BY entity').pluck();
  const put = db.prepare('INSERT OR REPLACE INTO word_postings (word, entries) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM word_postings WHERE word = ?');
  for (const word of words) {
    const list = entries.all(word) as number[];
    if (list.length > 0) put.run(word, packEntries(list));
    else remove.run(word);
  }
}

/**
 * Gives a database built before them the `alone` column and word_postings, filled as a build fills
 * them: once, inside the caller's write transaction (a decision's, an append's), so that no reader
 * sees them without their values; `createPostings` is schema.sql's statement for the table (schemaTable).
 * What it costs is the scan of every name and one pass over
 * entity_words (~2 s of CPU at 251,287), once.
 */
export function ensureSearchWords(db: Database, createPostings: string): void {
  ensureAloneColumn(db);
  if (hasWordPostings(db)) return;
  db.exec(createPostings);
  // word by word (a connection cannot write while it iterates a query's rows)
  refreshWordPostings(db, db.prepare('SELECT DISTINCT word FROM entity_words').pluck().all() as string[]);
}

/**
 * What the server's search reads (SqliteStore.wordPostings): every word in SQLite's order with how
 * many entries it has, and all the entries (entity * 2 + alone) word after word. From word_postings
 * when the database has it (one pass over 24,421 rows at 251,287), else from entity_words (and the
 * `alone` flags from a scan of every name where the column is missing).
 */
export function readSearchWords(db: Database): { words: string[]; counts: Int32Array; entries: Int32Array } {
  if (hasWordPostings(db)) {
    const rows = db.prepare('SELECT word, entries FROM word_postings ORDER BY word').raw().all() as Array<
      [string, Buffer]
    >;
    const counts = new Int32Array(rows.length);
    let total = 0;
    rows.forEach(([, packed], i) => {
      counts[i] = packed.length >> 2;
      total += counts[i];
    });
    const entries = new Int32Array(total);
    const bytes = new Uint8Array(entries.buffer);
    let at = 0;
    for (const [, packed] of rows) {
      if (LITTLE_ENDIAN) bytes.set(packed, at * 4);
      else for (let k = 0; k < packed.length; k += 4) entries[at + (k >> 2)] = packed.readInt32LE(k);
      at += packed.length >> 2;
    }
    return { words: rows.map((r) => r[0]), counts, entries };
  }
  const grouped = db
    .prepare('SELECT word, count(*) FROM entity_words GROUP BY word ORDER BY word')
    .raw()
    .all() as Array<[string, number]>;
  const flagged = hasAloneColumn(db);
  const entries = Int32Array.from(
    db
      .prepare(
        flagged
          ? 'SELECT entity * 2 + alone FROM entity_words ORDER BY word, entity'
          : 'SELECT entity * 2 FROM entity_words ORDER BY word, entity',
      )
      .pluck()
      .all() as number[],
  );
  const words = grouped.map((g) => g[0]);
  if (!flagged) {
    // (the flags from the names: entries are in word order, then entity order)
    const start = new Map<string, number>();
    let at = 0;
    for (const [word, count] of grouped) {
      start.set(word, at);
      at += count;
    }
    const countOf = new Map(grouped);
    for (const [word, node] of scanSoleNames(db)) {
      const from = start.get(word);
      if (from === undefined) continue;
      // (a word's entries ascend by entity: a binary search for the node's)
      const end = from + countOf.get(word)!;
      let lo = from;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (entries[mid] < node * 2) lo = mid + 1;
        else hi = mid;
      }
      if (lo < end && entries[lo] === node * 2) entries[lo] += 1;
    }
  }
  return { words, counts: Int32Array.from(grouped, (g) => g[1]), entries };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
