// Opens and creates cablegraph graph databases (SQLite through better-sqlite3), refusing foreign, damaged or too-new files by name.
import * as fs from 'fs';
import * as path from 'path';
import Database from 'better-sqlite3';
import { CablegraphError } from '../common/diagnostics';
import { ensureSearchWords } from './entity-words';

/** PRAGMA application_id of a cablegraph graph database: "CGDB". */
export const GRAPH_DB_APPLICATION_ID = 0x43474442;
/** PRAGMA user_version: the format version this cablegraph writes and reads. */
export const GRAPH_DB_VERSION = 3; // 2: the relation tables (roles, affiliations, meetings); 3: entity_words.alone, word_postings
/**
 * The oldest format this cablegraph still reads: a version 2 file is read as it is (the search
 * reads entity_words and scans the names) and upgraded at its first write (upgradeGraphDb), so
 * that a cablegraph older than version 3, which would write entity_words without keeping the
 * search words, refuses the file from then on.
 */
export const GRAPH_DB_OLDEST_VERSION = 2;
/** meta.format of a graph database. */
export const GRAPH_DB_FORMAT = 'cablegraph-graph';

export type GraphDb = Database.Database;

let schemaText: string | undefined;
/** schema.sql: beside this module (dist/db gets a copy at build), or in src/db. */
function schema(): string {
  if (schemaText === undefined) {
    const candidates = [
      path.join(__dirname, 'schema.sql'),
      path.join(__dirname, '..', '..', 'src', 'db', 'schema.sql'),
    ];
    const found = candidates.find((f) => fs.existsSync(f));
    if (!found) throw new Error(`schema.sql not found (looked in ${candidates.join(', ')})`);
    schemaText = fs.readFileSync(found, 'utf8');
  }
  return schemaText;
}

const INDEX_MARKER = '-- @indexes';
const ENTITY_INDEX_MARKER = '-- @entity-indexes';

/**
 * The schema in parts: the tables (made before the bulk load) and the indexes, FTS and views
 * (made after): `indexes` is all of them, `edgeIndexes` then `entityIndexes` the same in two
 * steps (those over the per-cable tables and co-mentions, then those over the entities).
 */
export function schemaParts(): { tables: string; indexes: string; edgeIndexes: string; entityIndexes: string } {
  const text = schema();
  const at = text.indexOf(INDEX_MARKER);
  if (at < 0) throw new Error(`schema.sql: no "${INDEX_MARKER}" line`);
  const entitiesAt = text.indexOf(ENTITY_INDEX_MARKER, at);
  if (entitiesAt < 0) throw new Error(`schema.sql: no "${ENTITY_INDEX_MARKER}" line`);
  return {
    tables: text.slice(0, at),
    indexes: text.slice(at),
    edgeIndexes: text.slice(at, entitiesAt),
    entityIndexes: text.slice(entitiesAt),
  };
}

/** schema.sql's CREATE TABLE statement of `table` (what an upgrade adds to an older file is what a build makes). */
export function schemaTable(table: string): string {
  const found = new RegExp(`^CREATE TABLE ${table} \\([\\s\\S]*?^\\)[^;\\n]*;`, 'm').exec(schema());
  if (!found) throw new Error(`schema.sql: no CREATE TABLE ${table}`);
  return found[0];
}

/** Turns what SQLite says about a file that is not a database (or a damaged one) into a clear error naming it. */
function unreadable(file: string, error: unknown): CablegraphError {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  if (code === 'SQLITE_NOTADB')
    return new CablegraphError(
      'GRAPH_UNREADABLE',
      `${file}: not a cablegraph graph database (not an SQLite file: ${message})`,
      { file, cause: error },
    );
  if (code === 'SQLITE_CORRUPT')
    return new CablegraphError(
      'GRAPH_UNREADABLE',
      `${file}: damaged graph database (${message}); rebuild it with cablegraph build`,
      { file, cause: error },
    );
  return new CablegraphError('GRAPH_UNREADABLE', `${file}: cannot open the graph database: ${message}`, {
    file,
    cause: error,
  });
}

/** Whether a file starts as gzip does: the .cgz graph files of earlier versions did. */
function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

export interface OpenOptions {
  /** Open for writing (curation, --append); default read-only. */
  write?: boolean;
}

/**
 * Opens an existing graph database, checked: a missing file, a foreign file (another SQLite
 * database or no database at all), a damaged one and one of another format version are errors
 * naming the file. Read-only unless `write`; WAL (set when the file was made) lets a reader and a
 * writer work at once.
 */
export function openGraphDb(file: string, options: OpenOptions = {}): GraphDb {
  if (!fs.existsSync(file)) throw new CablegraphError('GRAPH_NOT_FOUND', `no such graph database: ${file}`, { file });
  if (fs.statSync(file).isDirectory())
    throw new CablegraphError('GRAPH_UNREADABLE', `${file}: a directory, not a graph database`, { file });
  try {
    fs.accessSync(file, options.write ? fs.constants.R_OK | fs.constants.W_OK : fs.constants.R_OK);
  } catch (error) {
    // SQLite would only say "unable to open database file".
    const code = (error as NodeJS.ErrnoException).code;
    throw new CablegraphError(
      'GRAPH_UNREADABLE',
      `${file}: cannot ${options.write ? 'write' : 'read'}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message}`,
      { file, cause: error },
    );
  }
  if (isGzip(file)) {
    throw new CablegraphError(
      'GRAPH_OLD_FORMAT',
      `${file}: a graph file of an earlier cablegraph (gzip'd .cgz), which this version no longer reads: rebuild it with cablegraph build <inputs> -o out/graph.db`,
      { file },
    );
  }
  let db: GraphDb | undefined;
  try {
    db = new Database(file, { readonly: !options.write, fileMustExist: true });
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== GRAPH_DB_APPLICATION_ID) {
      throw new CablegraphError(
        'GRAPH_UNREADABLE',
        `${file}: an SQLite database, but not a cablegraph graph (application_id ${applicationId}, expected ${GRAPH_DB_APPLICATION_ID})`,
        { file },
      );
    }
    if (version > GRAPH_DB_VERSION) {
      throw new CablegraphError(
        'GRAPH_TOO_NEW',
        `${file}: graph database format version ${version}; this cablegraph reads version ${GRAPH_DB_VERSION} (upgrade cablegraph)`,
        { file },
      );
    }
    if (version < GRAPH_DB_OLDEST_VERSION) {
      throw new CablegraphError(
        'GRAPH_TOO_OLD',
        `${file}: graph database format version ${version}; this cablegraph reads versions ${GRAPH_DB_OLDEST_VERSION}–${GRAPH_DB_VERSION} (rebuild it with cablegraph build)`,
        { file },
      );
    }
    const format = db.prepare(`SELECT value FROM meta WHERE key = 'format'`).pluck().get() as string | undefined;
    if (format === undefined || JSON.parse(format) !== GRAPH_DB_FORMAT)
      throw new CablegraphError(
        'GRAPH_UNREADABLE',
        `${file}: not a complete cablegraph graph database (no format in its meta table)`,
        { file },
      );
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -65536'); // 64 MB of page cache per connection
    if (options.write) db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof CablegraphError) throw error;
    throw unreadable(file, error);
  }
}

/**
 * Creates an empty graph database at `file` (which must not exist) for a bulk load: the tables
 * of schema.sql without their indexes (finishGraphDb makes those), no journal and no syncs —
 * the file is a temporary one, renamed only once complete.
 */
export function createGraphDb(file: string): GraphDb {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (fs.existsSync(file)) fs.rmSync(file);
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = OFF'); // the REFERENCES clauses document the schema; a bulk load writes edges before their nodes
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -262144'); // 256 MB: index builds sort in the cache
    db.pragma('temp_store = FILE');
    db.pragma(`application_id = ${GRAPH_DB_APPLICATION_ID}`);
    db.pragma(`user_version = ${GRAPH_DB_VERSION}`);
    db.exec(schemaParts().tables);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The indexes, full-text index and views over the per-cable tables and co-mentions (every cables row written): the first step of finishGraphDb. */
export function indexEdgeTables(db: GraphDb): void {
  db.exec(schemaParts().edgeIndexes);
}

/**
 * Ends a bulk load: indexes, full-text indexes and views (those of indexEdgeTables only when
 * `edgesIndexed` is false), statistics for the planner, then WAL for readers and writers.
 */
export function finishGraphDb(db: GraphDb, edgesIndexed = false): void {
  const parts = schemaParts();
  db.exec(edgesIndexed ? parts.entityIndexes : parts.indexes);
  db.exec('ANALYZE');
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
}

/**
 * Brings a database of an older format this cablegraph reads up to GRAPH_DB_VERSION, inside the
 * caller's write transaction (a decision's, an append's): the search words' flags and postings
 * (ensureSearchWords), then the version, in the file's header and its meta.
 */
export function upgradeGraphDb(db: GraphDb): void {
  if ((db.pragma('user_version', { simple: true }) as number) >= GRAPH_DB_VERSION) return;
  ensureSearchWords(db, schemaTable('word_postings'));
  db.pragma(`user_version = ${GRAPH_DB_VERSION}`);
  db.prepare(`UPDATE meta SET value = ? WHERE key = 'version'`).run(JSON.stringify(GRAPH_DB_VERSION));
}
