/** A cable's roles, affiliations and meetings as graph rows: people and owners as nodes, one meeting per pair. */
import { extractRelations, type Meeting, type Role } from '../extract/relations';
import { organizationOf } from '../extract/relations/titles';
import { readableOrigin } from '../parse/routing';
import type { Cable } from '../parse/types';
import { entityId, type CableEntity } from '../resolve';
import type { CableVisit } from './build';
import type { AffiliationRow, CableRelationRows, MeetingRow, RoleRow } from './relation-types';

/** What reading relations needs of a cable visit (CableVisit gives it; tests may build one by hand). */
export type RelationVisit = Pick<CableVisit, 'node' | 'record' | 'current' | 'entityNode'>;

const postKey = (cable: Cable): string | undefined => {
  const origin = cable.origin ?? (cable.routing.from ? readableOrigin(cable.routing.from.name) : undefined);
  return origin ? `post:${origin}` : undefined;
};

/**
 * Node of a person the cable's resolution names (an entity of the cable). A name without an entity
 * of the cable is left out: a person known only from another cable's signature becomes a node only
 * when that cable comes, so it would depend on the order of cables (and differ after curation).
 */
function personNode(visit: RelationVisit, ref: { entityId?: string }): number | undefined {
  return ref.entityId === undefined ? undefined : visit.entityNode(ref.entityId);
}

/**
 * The owner of a role as a node: the post for its own officers, an international organization
 * by its name, else the country (a national ministry's offices belong to the country; the
 * ministry stays in the edge's `organization`).
 */
function ownerOf(
  visit: RelationVisit,
  role: Role,
  post: string | undefined,
): { owner?: number; ownerName: string } | undefined {
  const cable = visit.record.cable;
  const origin = cable.origin ?? cable.routing.from?.name;
  if (role.organization && post && (role.organization === origin || role.organization === post.slice(5))) {
    return { owner: visit.entityNode(post), ownerName: post.slice(5) };
  }
  // a national ministry's office belongs to its country; any other organization owns its offices
  if (role.organization && (!role.country || !organizationOf(role.organization)?.national)) {
    return { owner: visit.entityNode(entityId('ORGANIZATION', role.organization)), ownerName: role.organization };
  }
  if (role.country) {
    // the country's node, under the name the corpus uses when world-countries' common name is a newer one
    for (const name of [role.country, ...(OLDER_NAMES[role.country] ?? [])]) {
      const owner = visit.entityNode(entityId('PLACE', name));
      if (owner !== undefined) return { owner, ownerName: name };
    }
    return { ownerName: role.country };
  }
  return undefined;
}

/** Countries whose common name (world-countries) is newer than the cables' (2010 and before). */
const OLDER_NAMES: Record<string, string[]> = {
  Türkiye: ['Turkey'],
  Czechia: ['Czech Republic'],
  Myanmar: ['Burma'],
  Eswatini: ['Swaziland'],
  'North Macedonia': ['Macedonia'],
  'Cape Verde': ['Cabo Verde'],
  'Timor-Leste': ['East Timor'],
  'Ivory Coast': ["Cote d'Ivoire", "Côte d'Ivoire"],
  'DR Congo': ['Democratic Republic of the Congo', 'Congo'],
  'Republic of the Congo': ['Congo'],
};

/** The roles, affiliations and meetings of one cable as rows of the graph (people without a node are left out). */
export function relationRows(visit: RelationVisit): CableRelationRows {
  const cable = visit.record.cable;
  const refs = visit.current.map((e: CableEntity) => ({ type: e.type, name: e.name, id: e.id, mentions: e.mentions }));
  const read = extractRelations(cable, visit.record.mentions, refs);
  const date = cable.created?.slice(0, 10);
  const post = postKey(cable);
  const roles: RoleRow[] = [];
  const seenRoles = new Set<string>();
  for (const r of read.roles) {
    const person = personNode(visit, r.person);
    const owner = ownerOf(visit, r, post);
    if (person === undefined || !owner) continue;
    // one row per person, title and owner in a cable: the first statement is its evidence
    const key = `${person}|${r.title}|${owner.ownerName}`;
    if (seenRoles.has(key)) continue;
    seenRoles.add(key);
    const row: RoleRow = {
      cable: visit.node,
      person,
      title: r.title,
      titleText: r.titleText,
      ownerName: owner.ownerName,
      basis: r.basis,
      former: r.former === true,
      evidence: r.evidence.text,
      start: r.evidence.start,
      end: r.evidence.end,
    };
    if (owner.owner !== undefined) row.owner = owner.owner;
    if (r.country) row.country = r.country;
    if (r.organization) row.organization = r.organization;
    if (r.unit) row.unit = r.unit;
    if (date) row.date = date;
    if (r.paragraph !== undefined) row.paragraph = r.paragraph;
    roles.push(row);
  }
  const affiliations: AffiliationRow[] = [];
  const seenAffiliations = new Set<string>();
  for (const a of read.affiliations) {
    const person = personNode(visit, a.person);
    if (person === undefined || seenAffiliations.has(`${person}|${a.organization}`)) continue;
    seenAffiliations.add(`${person}|${a.organization}`);
    const row: AffiliationRow = {
      cable: visit.node,
      person,
      organization: a.organization,
      evidence: a.evidence.text,
      start: a.evidence.start,
      end: a.evidence.end,
    };
    const owner = visit.entityNode(entityId('ORGANIZATION', a.organization));
    if (owner !== undefined) row.owner = owner;
    if (a.country) row.country = a.country;
    if (date) row.date = date;
    if (a.paragraph !== undefined) row.paragraph = a.paragraph;
    affiliations.push(row);
  }
  return { roles, affiliations, meetings: meetingRows(visit, read.meetings, post) };
}

/** One MET row per pair of the cable: the first sentence stating it, dated by a written date when any sentence gives one. */
function meetingRows(visit: RelationVisit, meetings: Meeting[], post: string | undefined): MeetingRow[] {
  const byPair = new Map<string, MeetingRow>();
  const postNode = post ? visit.entityNode(post) : undefined;
  for (const m of meetings) {
    // an unnamed officer is the post's side of the meeting: the Post node, with the officer's function
    let [a, b] = [m.a, m.b];
    if (a.kind === 'officer' && b.kind === 'officer') continue;
    if (b.kind === 'officer') [a, b] = [b, a];
    const aNode = a.kind === 'officer' ? postNode : personNode(visit, a);
    const bNode = b.kind === 'person' ? personNode(visit, b) : undefined;
    if (aNode === undefined || bNode === undefined || aNode === bNode) continue;
    // one edge per pair of nodes and cable (the Ambassador and the DCM meeting X are the post's one meeting)
    const key = [aNode, bNode].sort((x, y) => x - y).join('|');
    const prev = byPair.get(key);
    if (prev) {
      if (prev.dateSource === 'cable' && m.dateSource === 'text' && m.date)
        Object.assign(prev, { date: m.date, dateSource: 'text' });
      continue;
    }
    const row: MeetingRow = {
      cable: visit.node,
      a: aNode,
      b: bNode,
      dateSource: m.dateSource,
      form: m.form,
      evidence: m.evidence.text,
      start: m.evidence.start,
      end: m.evidence.end,
    };
    if (a.kind === 'officer') row.aRole = a.role;
    if (m.date) row.date = m.date;
    if (m.paragraph !== undefined) row.paragraph = m.paragraph;
    byPair.set(key, row);
  }
  return [...byPair.values()];
}

/** Appends one cable's rows to a graph's. */
export function addRelationRows(into: CableRelationRows, rows: CableRelationRows): void {
  for (const r of rows.roles) into.roles.push(r);
  for (const a of rows.affiliations) into.affiliations.push(a);
  for (const m of rows.meetings) into.meetings.push(m);
}
