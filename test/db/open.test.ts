import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import {
  createGraphDb,
  finishGraphDb,
  GRAPH_DB_APPLICATION_ID,
  GRAPH_DB_OLDEST_VERSION,
  GRAPH_DB_VERSION,
  openGraphDb,
  schemaParts,
} from '../../src/db/open';

describe('graph database files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-db-open-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** An empty but complete graph database. */
  const made = (name: string): string => {
    const file = path.join(dir, name);
    const db = createGraphDb(file);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('format', '"cablegraph-graph"')`).run();
    finishGraphDb(db);
    db.close();
    return file;
  };

  test('a new file carries the application id and format version, every table of the schema, and WAL', () => {
    const file = made('new.db');
    const db = openGraphDb(file);
    expect(db.pragma('application_id', { simple: true })).toBe(GRAPH_DB_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(GRAPH_DB_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts_%' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    expect(tables).toEqual([
      'affiliations',
      'aliases',
      'assignments',
      'cable_entities',
      'cable_fts',
      'cable_posts',
      'cable_records',
      'cable_references',
      'cables',
      'classified',
      'co_mention_evidence',
      'co_mentions',
      'decisions',
      'entities',
      'entity_fts',
      'entity_words',
      'meetings',
      'mentions',
      'meta',
      'paragraphs',
      'posts',
      'resolved',
      'roles',
      'signed',
      'tagged',
      'tags',
      'word_postings',
    ]);
    expect(
      db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`).pluck().get(),
    ).toBeGreaterThanOrEqual(20);
    // Read-only unless asked.
    expect(() => db.prepare(`INSERT INTO meta (key, value) VALUES ('x', '1')`).run()).toThrow(/readonly/);
    db.close();
    const writable = openGraphDb(file, { write: true });
    writable.prepare(`INSERT INTO meta (key, value) VALUES ('x', '1')`).run();
    writable.close();
  });

  test('the schema splits into tables (before the bulk load) and indexes, full-text indexes and views (after)', () => {
    const { tables, indexes } = schemaParts();
    expect(tables).toMatch(/CREATE TABLE co_mention_evidence/);
    expect(tables).not.toMatch(/CREATE INDEX/);
    expect(indexes).toMatch(/CREATE VIRTUAL TABLE cable_fts USING fts5/);
  });

  test('a missing file, a directory, a text file, a foreign SQLite database, a too-new or too-old one and a damaged one are clear errors naming the file', () => {
    expect(() => openGraphDb(path.join(dir, 'nope.db'))).toThrow(
      `no such graph database: ${path.join(dir, 'nope.db')}`,
    );
    expect(() => openGraphDb(dir)).toThrow(`${dir}: a directory, not a graph database`);

    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'just some notes, long enough to look like a file that could be a database '.repeat(100));
    expect(() => openGraphDb(text)).toThrow(`${text}: not a cablegraph graph database (not an SQLite file`);

    const foreign = path.join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => openGraphDb(foreign)).toThrow(
      `${foreign}: an SQLite database, but not a cablegraph graph (application_id 0`,
    );

    const newer = made('newer.db');
    const n = new Database(newer);
    n.pragma(`user_version = ${GRAPH_DB_VERSION + 1}`);
    n.close();
    expect(() => openGraphDb(newer)).toThrow(
      `${newer}: graph database format version ${GRAPH_DB_VERSION + 1}; this cablegraph reads version ${GRAPH_DB_VERSION} (upgrade cablegraph)`,
    );
    const older = made('older.db');
    const o = new Database(older);
    o.pragma('user_version = 0');
    o.close();
    expect(() => openGraphDb(older)).toThrow(/format version 0; .* \(rebuild it with cablegraph build\)/);
    // the previous format is read (and upgraded at its first write: test/db/entity-words.test.ts)
    const previous = made('previous.db');
    const v = new Database(previous);
    v.pragma(`user_version = ${GRAPH_DB_OLDEST_VERSION}`);
    v.close();
    expect(GRAPH_DB_OLDEST_VERSION).toBe(GRAPH_DB_VERSION - 1);
    openGraphDb(previous).close();

    // A file cut short: the header is intact, the schema pages are not.
    const damaged = made('damaged.db');
    const bytes = fs.readFileSync(damaged);
    fs.writeFileSync(damaged, Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(4096, 0x5a)]));
    expect(() => openGraphDb(damaged)).toThrow(
      new RegExp(`^${damaged.replace(/[.]/g, '\\.')}: (damaged graph database|not a cablegraph graph database)`),
    );
  });

  test('an incomplete file (no format in meta) is refused', () => {
    const file = path.join(dir, 'incomplete.db');
    const db = createGraphDb(file);
    db.close();
    expect(() => openGraphDb(file)).toThrow(
      `${file}: not a complete cablegraph graph database (no format in its meta table)`,
    );
  });
});
