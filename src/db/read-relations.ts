// Reads the relation tables (roles, affiliations, meetings) back as rows, and as the graph's HOLDS_ROLE, AFFILIATED_WITH and MET edges.
import {
  affiliationEdge,
  byText,
  cutStatements,
  meetingEdge,
  meetingEdgeKey,
  roleEdge,
  type RelationEdge,
} from '../graph/relation-edges';
import { relationEdgeId, type EdgeStatement } from '../model';
import type { AffiliationRow, CableRelationRows, MeetingRow, RoleRow } from '../graph/relation-types';
import type { GraphDb } from './open';

type Row = Record<string, unknown>;
/** Sets `key` when the column is not NULL (rows carry no undefined-valued keys, as a build makes them). */
function optional<T extends object>(target: T, key: string, value: unknown): void {
  if (value !== null && value !== undefined) (target as Record<string, unknown>)[key] = value;
}

export function roleRow(r: Row): RoleRow {
  const row: RoleRow = {
    cable: r.cable as number,
    person: r.person as number,
    title: r.title as string,
    titleText: r.title_text as string,
    ownerName: r.owner_name as string,
    basis: r.basis as RoleRow['basis'],
    former: r.former === 1,
    evidence: r.evidence as string,
    start: r.start as number,
    end: r.end as number,
  };
  for (const [key, column] of [
    ['country', 'country'],
    ['organization', 'organization'],
    ['unit', 'unit'],
    ['owner', 'owner'],
    ['date', 'date'],
    ['paragraph', 'paragraph'],
  ])
    optional(row, key, r[column]);
  return row;
}

export function affiliationRow(r: Row): AffiliationRow {
  const row: AffiliationRow = {
    cable: r.cable as number,
    person: r.person as number,
    organization: r.organization as string,
    evidence: r.evidence as string,
    start: r.start as number,
    end: r.end as number,
  };
  for (const key of ['owner', 'country', 'date', 'paragraph']) optional(row, key, r[key]);
  return row;
}

export function meetingRow(r: Row): MeetingRow {
  const row: MeetingRow = {
    cable: r.cable as number,
    a: r.a as number,
    b: r.b as number,
    dateSource: r.date_source as MeetingRow['dateSource'],
    form: r.form as string,
    evidence: r.evidence as string,
    start: r.start as number,
    end: r.end as number,
  };
  optional(row, 'aRole', r.a_role);
  optional(row, 'date', r.date);
  optional(row, 'paragraph', r.paragraph);
  return row;
}

/** Every relation row of the database (the tables are small beside the co-mentions: a few rows per cable). */
export function relationRowsOf(db: GraphDb): CableRelationRows {
  return {
    roles: (db.prepare('SELECT * FROM roles ORDER BY rowid').all() as Row[]).map(roleRow),
    affiliations: (db.prepare('SELECT * FROM affiliations ORDER BY rowid').all() as Row[]).map(affiliationRow),
    meetings: (db.prepare('SELECT * FROM meetings ORDER BY rowid').all() as Row[]).map(meetingRow),
  };
}

/** Rows with their sort keys, sorted by them (the graph's edge order). */
function sortedBy<T>(rows: T[], keyOf: (row: T) => string): Array<[string, T]> {
  return rows.map((row): [string, T] => [keyOf(row), row]).sort(([x], [y]) => byText(x, y));
}

/**
 * The role edges (person, title, owner) in key order, each with its rows in rowid order, read edge
 * by edge through the tables' edge index; `beyond`: only edges with more rows than that (cut edges).
 */
function* roleEdgeRows(db: GraphDb, key: (node: number) => string, beyond = 0): Generator<[string, RoleRow[]]> {
  const edges = db
    .prepare(
      'SELECT person, title, owner FROM roles WHERE owner IS NOT NULL GROUP BY person, title, owner HAVING count(*) > ?',
    )
    .raw()
    .all(beyond) as Array<[number, string, number]>;
  const rowsOf = db.prepare('SELECT * FROM roles WHERE person = ? AND title = ? AND owner = ? ORDER BY rowid');
  for (const [edgeKey, [person, title, owner]] of sortedBy(edges, ([person, title, owner]) =>
    relationEdgeId({ type: 'HOLDS_ROLE', person: key(person), owner: key(owner), title }),
  ))
    yield [edgeKey, (rowsOf.all(person, title, owner) as Row[]).map(roleRow)];
}

/** The affiliation edges (person, organization) as roleEdgeRows gives the role edges. */
function* affiliationEdgeRows(
  db: GraphDb,
  key: (node: number) => string,
  beyond = 0,
): Generator<[string, AffiliationRow[]]> {
  const edges = db
    .prepare(
      'SELECT person, owner FROM affiliations WHERE owner IS NOT NULL GROUP BY person, owner HAVING count(*) > ?',
    )
    .raw()
    .all(beyond) as Array<[number, number]>;
  const rowsOf = db.prepare('SELECT * FROM affiliations WHERE person = ? AND owner = ? ORDER BY rowid');
  for (const [edgeKey, [person, owner]] of sortedBy(edges, ([person, owner]) =>
    relationEdgeId({ type: 'AFFILIATED_WITH', person: key(person), owner: key(owner) }),
  ))
    yield [edgeKey, (rowsOf.all(person, owner) as Row[]).map(affiliationRow)];
}

/**
 * The HOLDS_ROLE, AFFILIATED_WITH and MET edges of the database, as a graph built in memory has them
 * (relationEdges), streamed: the edges' keys first, sorted as the graph orders them, then each edge's
 * rows. At full-corpus scale the tables hold 1.6 M rows with their passages (1.6 GiB of heap read
 * whole); an edge's rows are a few.
 */
export function* relationEdgesOf(
  db: GraphDb,
  key: (node: number) => string,
  maxEvidence: number,
): Generator<RelationEdge> {
  for (const [edgeKey, rows] of roleEdgeRows(db, key)) yield roleEdge(edgeKey, rows, key, maxEvidence);
  for (const [edgeKey, rows] of affiliationEdgeRows(db, key)) yield affiliationEdge(edgeKey, rows, key, maxEvidence);
  const meetings = db.prepare('SELECT rowid, a, b, cable FROM meetings').raw().all() as Array<
    [number, number, number, number]
  >;
  const meetingRowOf = db.prepare('SELECT * FROM meetings WHERE rowid = ?');
  for (const [edgeKey, [rowid]] of sortedBy(meetings, ([, a, b, cable]) => meetingEdgeKey({ a, b, cable }, key)))
    yield meetingEdge(edgeKey, meetingRow(meetingRowOf.get(rowid) as Row), key);
}

/**
 * The statements the cut edges' lists leave out, with their positions (cutStatements): Neo4j's
 * (:Statement) nodes, streamed edge by edge (at full-corpus scale the cut edges hold ~460,000
 * statements with their passages).
 */
export function* cutStatementsOf(
  db: GraphDb,
  key: (node: number) => string,
  maxEvidence: number,
): Generator<EdgeStatement> {
  for (const [, roles] of roleEdgeRows(db, key, maxEvidence))
    yield* cutStatements({ roles, affiliations: [] }, key, maxEvidence);
  for (const [, affiliations] of affiliationEdgeRows(db, key, maxEvidence))
    yield* cutStatements({ roles: [], affiliations }, key, maxEvidence);
}

/** How many statements the cut edges' lists leave out (cutStatementsOf's count, in SQL). */
export function cutStatementCount(db: GraphDb, maxEvidence: number): number {
  const beyond = (groupBy: string, table: string): number =>
    Number(
      db
        .prepare(
          `SELECT coalesce(sum(n - :cap), 0) FROM (SELECT count(*) AS n FROM ${table} WHERE owner IS NOT NULL GROUP BY ${groupBy} HAVING n > :cap)`,
        )
        .pluck()
        .get({ cap: maxEvidence }),
    );
  return beyond('person, title, owner', 'roles') + beyond('person, owner', 'affiliations');
}

/** Relation edges by type (HOLDS_ROLE, AFFILIATED_WITH, MET), counted in SQL as relationEdges groups them. */
export function relationCounts(db: GraphDb): Record<string, number> {
  const one = (sql: string): number => Number(db.prepare(sql).pluck().get() ?? 0);
  return {
    HOLDS_ROLE: one('SELECT count(*) FROM (SELECT 1 FROM roles WHERE owner IS NOT NULL GROUP BY person, title, owner)'),
    AFFILIATED_WITH: one(
      'SELECT count(*) FROM (SELECT 1 FROM affiliations WHERE owner IS NOT NULL GROUP BY person, owner)',
    ),
    MET: one('SELECT count(*) FROM meetings'),
  };
}
