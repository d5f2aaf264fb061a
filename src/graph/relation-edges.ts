/** HOLDS_ROLE, AFFILIATED_WITH and MET edges from the per-cable relation rows: one aggregation for the in-memory graph and the database reader. */
import type { EdgeAttrs, EdgeStatement, StatementView } from '../model';
import { relationEdgeId } from '../model';
import type { AffiliationRow, CableRelationRows, MeetingRow, RoleRow } from './relation-types';

export interface RelationEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttrs;
}

export const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Statements of one edge in date order (undated last), then cable id: the edge's lists are
 * parallel — `cables[i]` was written on `dates[i]` and says `evidence[i]` in paragraph
 * `paragraphs[i]` (0: outside the numbered paragraphs), at [starts[i], ends[i]) of its text.
 */
export function statements<T extends RoleRow | AffiliationRow>(
  rows: T[],
  key: (node: number) => string,
): Array<{ row: T; cable: string }> {
  return rows
    .map((row) => ({ row, cable: key(row.cable) }))
    .sort(
      (x, y) =>
        byText(x.row.date ?? '\uffff', y.row.date ?? '\uffff') || byText(x.cable, y.cable) || x.row.start - y.row.start,
    );
}

/**
 * Which of an edge's `total` statements (in `statements` order) its lists keep under a cap of
 * `maxEvidence`: all of them when they fit, else the first ⌈cap/2⌉ and the last ⌊cap/2⌋ — the
 * earliest and the latest statements, both of which "who held which office when" needs; the
 * middle ones stay in the database, paged by the API. The one rule every reader (the in-memory
 * build, the database reader, the stores, the viewer) applies.
 */
export function keptStatements(total: number, maxEvidence: number): { head: number; tail: number } {
  if (total <= maxEvidence) return { head: total, tail: 0 };
  const head = Math.ceil(maxEvidence / 2);
  return { head, tail: maxEvidence - head };
}

type Statement<T> = { row: T; cable: string };

/**
 * An edge's dates, counts and parallel statement lists (`titles`: with `titleTexts`, for roles):
 * firstDate, lastDate and cableCount over every statement; the lists keep `keptStatements`, and a
 * cut edge says so with `statementCount` (all of them) and `evidenceTruncated`.
 */
function aggregate<T extends RoleRow | AffiliationRow>(
  list: Array<Statement<T>>,
  maxEvidence: number,
  titles: boolean,
): Omit<EdgeAttrs, 'type'> {
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  for (const { row } of list)
    if (row.date) {
      if (firstDate === undefined || row.date < firstDate) firstDate = row.date;
      if (lastDate === undefined || row.date > lastDate) lastDate = row.date;
    }
  const { head, tail } = keptStatements(list.length, maxEvidence);
  const kept = list.length <= maxEvidence ? list : [...list.slice(0, head), ...list.slice(list.length - tail)];
  const attributes: Omit<EdgeAttrs, 'type'> = {};
  if (firstDate !== undefined) Object.assign(attributes, { firstDate, lastDate });
  attributes.cableCount = new Set(list.map((s) => s.cable)).size;
  if (kept.length < list.length) attributes.statementCount = list.length;
  Object.assign(attributes, {
    cables: kept.map((s) => s.cable),
    dates: kept.map((s) => s.row.date ?? ''),
    paragraphs: kept.map((s) => s.row.paragraph ?? 0),
    evidence: kept.map((s) => s.row.evidence),
    starts: kept.map((s) => s.row.start),
    ends: kept.map((s) => s.row.end),
  });
  if (titles) attributes.titleTexts = kept.map((s) => (s.row as RoleRow).titleText);
  if (kept.length < list.length) attributes.evidenceTruncated = true;
  return attributes;
}

/** One statement as the API shows it (the same fields, in the same order, as both stores answer). */
function statementView({ row, cable }: Statement<RoleRow | AffiliationRow>, withTitle: boolean): StatementView {
  const view = { cable } as StatementView;
  if (row.date) view.date = row.date;
  Object.assign(view, { paragraph: row.paragraph ?? 0, evidence: row.evidence, start: row.start, end: row.end });
  if (withTitle) view.titleText = (row as RoleRow).titleText;
  return view;
}

/**
 * The statements that cut edges' lists leave out — between the first ⌈cap/2⌉ and the last ⌊cap/2⌋
 * (keptStatements) — with their positions in the edge's order, edges in key order (roles, then
 * affiliations): what Neo4j keeps as `(:Statement)` nodes. `rows` must hold every row of each
 * edge it names (a part of an edge's rows would number its statements wrongly).
 */
export function* cutStatements(
  rows: Pick<CableRelationRows, 'roles' | 'affiliations'>,
  key: (node: number) => string,
  maxEvidence: number,
): Generator<EdgeStatement> {
  const roleGroups = rolesByEdge(rows.roles, key);
  const affiliationGroups = affiliationsByEdge(rows.affiliations, key);
  const all: Array<[string, Array<RoleRow | AffiliationRow>, boolean]> = [
    ...[...roleGroups].sort(([x], [y]) => byText(x, y)).map(([k, g]): [string, RoleRow[], boolean] => [k, g, true]),
    ...[...affiliationGroups]
      .sort(([x], [y]) => byText(x, y))
      .map(([k, g]): [string, AffiliationRow[], boolean] => [k, g, false]),
  ];
  for (const [edge, group, withTitle] of all) {
    if (group.length <= maxEvidence) continue;
    const { head, tail } = keptStatements(group.length, maxEvidence);
    const list = statements(group, key);
    for (let seq = head; seq < list.length - tail; seq += 1)
      yield { edge, seq, statement: statementView(list[seq], withTitle) };
  }
}

/** Role rows by edge (person, owner, title); rows whose owner has no node make no edge. */
function rolesByEdge(rows: RoleRow[], key: (node: number) => string): Map<string, RoleRow[]> {
  return groups(rows, (r) =>
    r.owner === undefined
      ? undefined
      : relationEdgeId({ type: 'HOLDS_ROLE', person: key(r.person), owner: key(r.owner), title: r.title }),
  );
}

/** Affiliation rows by edge (person, organization). */
function affiliationsByEdge(rows: AffiliationRow[], key: (node: number) => string): Map<string, AffiliationRow[]> {
  return groups(rows, (a) =>
    a.owner === undefined
      ? undefined
      : relationEdgeId({ type: 'AFFILIATED_WITH', person: key(a.person), owner: key(a.owner) }),
  );
}

function groups<T>(rows: T[], keyOf: (row: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * The relation edges of a graph, in key order within each type (HOLDS_ROLE, AFFILIATED_WITH, MET):
 * - `(Person)-[:HOLDS_ROLE {title, firstDate, lastDate, cables, evidence, …}]->(Place|Organization|Post)`,
 *   one per person, title and owner node (roles whose owner has no node stay rows, not edges);
 * - `(Person)-[:AFFILIATED_WITH {organization, firstDate, lastDate, cables, evidence, …}]->(Organization)`;
 * - `(Person|Post)-[:MET {cable, date, dateSource, form, paragraph, evidence, role?}]->(Person)`, one per pair and cable.
 */
export function relationEdges(
  rows: CableRelationRows,
  key: (node: number) => string,
  maxEvidence: number,
): RelationEdge[] {
  const out: RelationEdge[] = [];
  const roleGroups = rolesByEdge(rows.roles, key);
  for (const [edgeKey, group] of [...roleGroups].sort(([x], [y]) => byText(x, y)))
    out.push(roleEdge(edgeKey, group, key, maxEvidence));
  const affiliationGroups = affiliationsByEdge(rows.affiliations, key);
  for (const [edgeKey, list] of [...affiliationGroups].sort(([x], [y]) => byText(x, y)))
    out.push(affiliationEdge(edgeKey, list, key, maxEvidence));
  const meetings = rows.meetings
    .map((m) => ({ m, edgeKey: meetingEdgeKey(m, key) }))
    .sort((x, y) => byText(x.edgeKey, y.edgeKey));
  for (const { m, edgeKey } of meetings) out.push(meetingEdge(edgeKey, m, key));
  return out;
}

/** A HOLDS_ROLE edge from every row of its person, title and owner (in row order). */
export function roleEdge(
  edgeKey: string,
  group: RoleRow[],
  key: (node: number) => string,
  maxEvidence: number,
): RelationEdge {
  const list = statements(group, key);
  const first = list[0].row;
  const attributes: EdgeAttrs = { type: 'HOLDS_ROLE', title: first.title };
  const organization = list.find((s) => s.row.organization)?.row.organization;
  const unit = list.find((s) => s.row.unit)?.row.unit;
  if (organization) attributes.organization = organization;
  if (unit) attributes.unit = unit;
  if (group.every((r) => r.former)) attributes.former = true;
  Object.assign(attributes, aggregate(list, maxEvidence, true));
  return { key: edgeKey, source: key(first.person), target: key(first.owner!), attributes };
}

/** An AFFILIATED_WITH edge from every row of its person and organization (in row order). */
export function affiliationEdge(
  edgeKey: string,
  list: AffiliationRow[],
  key: (node: number) => string,
  maxEvidence: number,
): RelationEdge {
  const first = list[0];
  return {
    key: edgeKey,
    source: key(first.person),
    target: key(first.owner!),
    attributes: {
      type: 'AFFILIATED_WITH',
      organization: first.organization,
      ...aggregate(statements(list, key), maxEvidence, false),
    },
  };
}

/** A MET edge's key: one per pair and cable. */
export const meetingEdgeKey = (m: Pick<MeetingRow, 'a' | 'b' | 'cable'>, key: (node: number) => string): string =>
  `MET:${key(m.a)}->${key(m.b)}:${key(m.cable)}`;

/** A MET edge from its meeting row. */
export function meetingEdge(edgeKey: string, m: MeetingRow, key: (node: number) => string): RelationEdge {
  return { key: edgeKey, source: key(m.a), target: key(m.b), attributes: meetingAttributes(m, key) };
}

function meetingAttributes(m: MeetingRow, key: (node: number) => string): EdgeAttrs {
  const attributes: EdgeAttrs = { type: 'MET', cable: key(m.cable) };
  if (m.date) attributes.date = m.date;
  Object.assign(attributes, {
    dateSource: m.dateSource,
    form: m.form,
    paragraph: m.paragraph ?? 0,
    evidence: m.evidence,
    start: m.start,
    end: m.end,
  });
  if (m.aRole) attributes.role = m.aRole;
  return attributes;
}
