// An old cable's resolved rows brought to what a new resolution gives, row by row: only the rows that differ are deleted, updated or inserted.
import type BetterSqlite3 from 'better-sqlite3';
import type { CableVisit } from '../graph/build';
import { relationRows } from '../graph/relations';
import type { EdgeAttrs } from '../model';
import { writeResolvedRows } from './build';
import type { GraphDb } from './open';
import {
  ASSIGNMENT_COLUMNS,
  CABLE_ENTITY_COLUMNS,
  MENTION_COLUMNS,
  cableEntityValues,
  mentionValues,
  type GraphDbWriter,
} from './write';
import {
  AFFILIATION_COLUMNS,
  MEETING_COLUMNS,
  ROLE_COLUMNS,
  affiliationValues,
  meetingValues,
  roleValues,
} from './write-relations';

/** A cable's rows that follow from resolution, by table: each row its values after `cable`, in the table's column order. */
export interface ResolvedRowSet {
  mentions: unknown[][];
  assignments: unknown[][];
  cable_entities: unknown[][];
  signed: unknown[][];
  classified: unknown[][];
  roles: unknown[][];
  affiliations: unknown[][];
  meetings: unknown[][];
}

/** A new, empty set of rows. */
export function emptyResolvedRows(): ResolvedRowSet {
  return {
    mentions: [],
    assignments: [],
    cable_entities: [],
    signed: [],
    classified: [],
    roles: [],
    affiliations: [],
    meetings: [],
  };
}

/**
 * The resolved rows of a compiled cable (`visit`, its node numbers the database's) and of its
 * per-cable edges (`edges`, by id; `node` numbers their ends): the same rows writeResolvedRows, the
 * MENTIONS, SIGNED and CLASSIFIED edges and relationRows write, as values.
 */
export function resolvedRowsOf(
  visit: CableVisit,
  edges: ReadonlyArray<readonly [string, string, EdgeAttrs]>,
  node: (id: string) => number,
): ResolvedRowSet {
  const rows = emptyResolvedRows();
  writeResolvedRows(
    {
      row(method, ...args) {
        if (method === 'mention') {
          const [, m, entity] = args as Parameters<GraphDbWriter['mention']>;
          rows.mentions.push(mentionValues(m, entity));
        } else if (method === 'assignment') {
          const [, ...values] = args as Parameters<GraphDbWriter['assignment']>;
          rows.assignments.push(values);
        } else throw new Error(`resolvedRowsOf: no resolved rows of ${method}`);
      },
    },
    visit,
  );
  edges.forEach(([source, target, attributes], position) => {
    if (attributes.type === 'MENTIONS') rows.cable_entities.push(cableEntityValues(node(target), attributes, position));
    else if (attributes.type === 'SIGNED') rows.signed.push([node(source)]);
    else if (attributes.type === 'CLASSIFIED') rows.classified.push([node(source), attributes.title ?? null]);
  });
  const relations = relationRows(visit);
  rows.roles = relations.roles.map(roleValues);
  rows.affiliations = relations.affiliations.map(affiliationValues);
  rows.meetings = relations.meetings.map(meetingValues);
  return rows;
}

/** Rows of a rewrite: left as they were, changed in place, deleted, inserted. */
export interface RowChanges {
  kept: number;
  updated: number;
  deleted: number;
  inserted: number;
}

/**
 * How a table's rows of one cable are matched with the new ones.
 * - `keyed`: rows are matched whole (a multiset); of the rest, a stored and a new row with the same
 *   `key` columns are one row updated in place (the other columns set), the others deleted or inserted.
 *   A rowid table is located by rowid, a WITHOUT ROWID one by its primary key (cable + `key`).
 * - `sequence`: the cable's rows in rowid order are readers' order (a cable's signers, its relation
 *   rows): when the sequences differ at all, all of the cable's rows go and the new ones come in order.
 */
type TableSpec =
  | { table: keyof ResolvedRowSet; columns: readonly string[]; match: 'keyed'; key: number; withoutRowid: boolean }
  | { table: keyof ResolvedRowSet; columns: readonly string[]; match: 'sequence' };

/**
 * The tables: a mention keeps its span and its surface and changes only its entity (key: every
 * column but the last); an assignment is keyed by its type and surface, a MENTIONS edge by its entity.
 */
const TABLES: readonly TableSpec[] = [
  { table: 'mentions', columns: MENTION_COLUMNS, match: 'keyed', key: MENTION_COLUMNS.length - 1, withoutRowid: false },
  { table: 'assignments', columns: ASSIGNMENT_COLUMNS, match: 'keyed', key: 2, withoutRowid: true },
  { table: 'cable_entities', columns: CABLE_ENTITY_COLUMNS, match: 'keyed', key: 1, withoutRowid: true },
  { table: 'signed', columns: ['person'], match: 'sequence' },
  { table: 'classified', columns: ['person', 'title'], match: 'sequence' },
  { table: 'roles', columns: ROLE_COLUMNS, match: 'sequence' },
  { table: 'affiliations', columns: AFFILIATION_COLUMNS, match: 'sequence' },
  { table: 'meetings', columns: MEETING_COLUMNS, match: 'sequence' },
];

/** The per-cable tables whose rows follow from the cable's resolved entities (what an append rewrites for an old cable). */
export const RESOLVED_TABLES: ReadonlyArray<keyof ResolvedRowSet> = TABLES.map((t) => t.table);

/** A row's identity: its values as JSON (strings, numbers and nulls, as SQLite gives them back). */
const keyOf = (values: readonly unknown[]): string => JSON.stringify(values);

/** Takes one entry of a list held under a key, undefined when none is left. */
function take<T>(lists: Map<string, T[]>, key: string): T | undefined {
  const list = lists.get(key);
  if (!list || list.length === 0) return undefined;
  return list.pop();
}
function put<T>(lists: Map<string, T[]>, key: string, value: T): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

interface Statements {
  read: BetterSqlite3.Statement;
  insert: BetterSqlite3.Statement;
  /** keyed: by rowid (rowid tables) or by cable and key columns (WITHOUT ROWID). */
  update?: BetterSqlite3.Statement;
  remove: BetterSqlite3.Statement;
}

/**
 * Rewrites old cables' resolved rows (mentions, assignments, MENTIONS/SIGNED/CLASSIFIED rows,
 * relations) by difference with the rows the database holds: the rows of a cable whose resolution
 * moved are mostly the same before and after (a change moves one or two of its surfaces), and
 * deleting and inserting every one of them was most of an append's rewrite.
 */
export class ResolvedRowsRewriter {
  private readonly statements = new Map<string, Statements>();

  constructor(private readonly db: GraphDb) {
    for (const spec of TABLES) this.statements.set(spec.table, this.prepare(spec));
  }

  private prepare(spec: TableSpec): Statements {
    const { table, columns } = spec;
    const insert = this.db.prepare(
      `INSERT INTO ${table} (cable, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`,
    );
    if (spec.match === 'sequence')
      return {
        read: this.db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE cable = ? ORDER BY rowid`).raw(),
        insert,
        remove: this.db.prepare(`DELETE FROM ${table} WHERE cable = ?`),
      };
    const keys = columns.slice(0, spec.key);
    const rest = columns.slice(spec.key);
    const set = rest.map((c) => `${c} = ?`).join(', ');
    const where = spec.withoutRowid ? `cable = ? AND ${keys.map((c) => `${c} = ?`).join(' AND ')}` : 'rowid = ?';
    return {
      read: this.db
        .prepare(`SELECT ${spec.withoutRowid ? '' : 'rowid, '}${columns.join(', ')} FROM ${table} WHERE cable = ?`)
        .raw(),
      insert,
      update: this.db.prepare(`UPDATE ${table} SET ${set} WHERE ${where}`),
      remove: this.db.prepare(`DELETE FROM ${table} WHERE ${where}`),
    };
  }

  /** Brings the cable's resolved rows to `rows`, writing only what differs; returns what it did. */
  rewrite(cable: number, rows: ResolvedRowSet): RowChanges {
    const changes: RowChanges = { kept: 0, updated: 0, deleted: 0, inserted: 0 };
    for (const spec of TABLES) {
      const st = this.statements.get(spec.table) as Statements;
      if (spec.match === 'sequence') this.rewriteSequence(st, cable, rows[spec.table], changes);
      else this.rewriteKeyed(spec, st, cable, rows[spec.table], changes);
    }
    return changes;
  }

  private rewriteSequence(st: Statements, cable: number, rows: unknown[][], changes: RowChanges): void {
    const stored = st.read.all(cable) as unknown[][];
    if (stored.length === rows.length && stored.every((r, i) => keyOf(r) === keyOf(rows[i]))) {
      changes.kept += stored.length;
      return;
    }
    changes.deleted += st.remove.run(cable).changes;
    for (const r of rows) st.insert.run(cable, ...r);
    changes.inserted += rows.length;
  }

  private rewriteKeyed(
    spec: Extract<TableSpec, { match: 'keyed' }>,
    st: Statements,
    cable: number,
    rows: unknown[][],
    changes: RowChanges,
  ): void {
    // A stored row's locator: its rowid, or its cable and key columns.
    const locator = (r: unknown[]): unknown[] => (spec.withoutRowid ? [cable, ...r.slice(0, spec.key)] : [r[0]]);
    const valuesOf = (r: unknown[]): unknown[] => (spec.withoutRowid ? r : r.slice(1));
    // Stored rows by their whole values (a multiset: equal rows may repeat).
    const stored = new Map<string, unknown[][]>();
    for (const r of st.read.all(cable) as unknown[][]) put(stored, keyOf(valuesOf(r)), r);
    const added: unknown[][] = [];
    for (const r of rows) {
      if (take(stored, keyOf(r)) !== undefined) changes.kept += 1;
      else added.push(r);
    }
    // What is left stored differs from every new row: matched by key, updated; else deleted.
    const gone = new Map<string, unknown[][]>();
    for (const list of stored.values()) for (const r of list) put(gone, keyOf(valuesOf(r).slice(0, spec.key)), r);
    const inserts: unknown[][] = [];
    const updates: Array<[unknown[], unknown[]]> = [];
    for (const r of added) {
      const old = take(gone, keyOf(r.slice(0, spec.key)));
      if (old === undefined) inserts.push(r);
      else updates.push([old, r]);
    }
    for (const list of gone.values()) for (const r of list) changes.deleted += st.remove.run(...locator(r)).changes;
    for (const [old, r] of updates)
      changes.updated += (st.update as BetterSqlite3.Statement).run(...r.slice(spec.key), ...locator(old)).changes;
    for (const r of inserts) st.insert.run(cable, ...r);
    changes.inserted += inserts.length;
  }
}
