/** HOLDS_ROLE, AFFILIATED_WITH and MET edges from the per-cable relation rows: one aggregation for the in-memory graph and the database reader. */
import type { EdgeAttrs } from '../model';
import type { AffiliationRow, CableRelationRows, MeetingRow, RoleRow } from './relation-types';

export interface RelationEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttrs;
}

const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Statements of one edge in date order (undated last), then cable id: the edge's lists are
 * parallel — `cables[i]` was written on `dates[i]` and says `evidence[i]` in paragraph
 * `paragraphs[i]` (0: outside the numbered paragraphs), at [starts[i], ends[i]) of its text.
 */
function statements<T extends RoleRow | AffiliationRow>(
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

function aggregate<T extends RoleRow | AffiliationRow>(
  rows: T[],
  key: (node: number) => string,
): Omit<EdgeAttrs, 'type'> {
  const list = statements(rows, key);
  const dates = list
    .map((s) => s.row.date)
    .filter((d): d is string => !!d)
    .sort();
  const attributes: Omit<EdgeAttrs, 'type'> = {};
  if (dates.length > 0) Object.assign(attributes, { firstDate: dates[0], lastDate: dates[dates.length - 1] });
  return Object.assign(attributes, {
    cableCount: new Set(list.map((s) => s.cable)).size,
    cables: list.map((s) => s.cable),
    dates: list.map((s) => s.row.date ?? ''),
    paragraphs: list.map((s) => s.row.paragraph ?? 0),
    evidence: list.map((s) => s.row.evidence),
    starts: list.map((s) => s.row.start),
    ends: list.map((s) => s.row.end),
  });
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
export function relationEdges(rows: CableRelationRows, key: (node: number) => string): RelationEdge[] {
  const out: RelationEdge[] = [];
  const roleGroups = groups(rows.roles, (r) =>
    r.owner === undefined ? undefined : `HOLDS_ROLE:${key(r.person)}->${key(r.owner)}:${r.title}`,
  );
  for (const [edgeKey, list] of [...roleGroups].sort(([x], [y]) => byText(x, y))) {
    const first = statements(list, key)[0].row;
    const attributes: EdgeAttrs = { type: 'HOLDS_ROLE', title: first.title };
    const organization = statements(list, key).find((s) => s.row.organization)?.row.organization;
    const unit = statements(list, key).find((s) => s.row.unit)?.row.unit;
    if (organization) attributes.organization = organization;
    if (unit) attributes.unit = unit;
    if (list.every((r) => r.former)) attributes.former = true;
    Object.assign(attributes, aggregate(list, key), { titleTexts: statements(list, key).map((s) => s.row.titleText) });
    out.push({ key: edgeKey, source: key(first.person), target: key(first.owner!), attributes });
  }
  const affiliationGroups = groups(rows.affiliations, (a) =>
    a.owner === undefined ? undefined : `AFFILIATED_WITH:${key(a.person)}->${key(a.owner)}`,
  );
  for (const [edgeKey, list] of [...affiliationGroups].sort(([x], [y]) => byText(x, y))) {
    const first = list[0];
    out.push({
      key: edgeKey,
      source: key(first.person),
      target: key(first.owner!),
      attributes: { type: 'AFFILIATED_WITH', organization: first.organization, ...aggregate(list, key) },
    });
  }
  const meetings = rows.meetings
    .map((m) => ({ m, edgeKey: `MET:${key(m.a)}->${key(m.b)}:${key(m.cable)}` }))
    .sort((x, y) => byText(x.edgeKey, y.edgeKey));
  for (const { m, edgeKey } of meetings)
    out.push({ key: edgeKey, source: key(m.a), target: key(m.b), attributes: meetingAttributes(m, key) });
  return out;
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
