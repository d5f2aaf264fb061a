// Row writers of the relation tables (roles, affiliations, meetings): apart from write.ts, inside its open transaction.
import type { AffiliationRow, CableRelationRows, MeetingRow, RoleRow } from '../graph/relation-types';
import type { GraphDb } from './open';

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** Each relation table's columns after `cable`, in the order roleValues, affiliationValues and meetingValues give them. */
export const ROLE_COLUMNS = [
  'person',
  'title',
  'title_text',
  'country',
  'organization',
  'unit',
  'owner',
  'owner_name',
  'basis',
  'former',
  'date',
  'paragraph',
  'evidence',
  'start',
  'end',
];
export const AFFILIATION_COLUMNS = [
  'person',
  'organization',
  'owner',
  'country',
  'date',
  'paragraph',
  'evidence',
  'start',
  'end',
];
export const MEETING_COLUMNS = [
  'a',
  'a_role',
  'b',
  'date',
  'date_source',
  'form',
  'paragraph',
  'evidence',
  'start',
  'end',
];

/** A roles row's values after its cable, as they are stored. */
export function roleValues(r: RoleRow): unknown[] {
  return [
    r.person,
    r.title,
    r.titleText,
    orNull(r.country),
    orNull(r.organization),
    orNull(r.unit),
    orNull(r.owner),
    r.ownerName,
    r.basis,
    r.former ? 1 : 0,
    orNull(r.date),
    orNull(r.paragraph),
    r.evidence,
    r.start,
    r.end,
  ];
}

/** An affiliations row's values after its cable, as they are stored. */
export function affiliationValues(a: AffiliationRow): unknown[] {
  return [
    a.person,
    a.organization,
    orNull(a.owner),
    orNull(a.country),
    orNull(a.date),
    orNull(a.paragraph),
    a.evidence,
    a.start,
    a.end,
  ];
}

/** A meetings row's values after its cable, as they are stored. */
export function meetingValues(m: MeetingRow): unknown[] {
  return [
    m.a,
    orNull(m.aRole),
    m.b,
    orNull(m.date),
    m.dateSource,
    m.form,
    orNull(m.paragraph),
    m.evidence,
    m.start,
    m.end,
  ];
}

const insertInto = (db: GraphDb, table: string, columns: readonly string[]) =>
  db.prepare(`INSERT INTO ${table} (cable, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`);

/** Inserts a cable's relation rows (a handful per cable: plain prepared statements, in the build's transaction). */
export class RelationRowsWriter {
  private readonly role;
  private readonly affiliation;
  private readonly meeting;

  constructor(db: GraphDb) {
    this.role = insertInto(db, 'roles', ROLE_COLUMNS);
    this.affiliation = insertInto(db, 'affiliations', AFFILIATION_COLUMNS);
    this.meeting = insertInto(db, 'meetings', MEETING_COLUMNS);
  }

  write(rows: CableRelationRows): void {
    for (const r of rows.roles) this.role.run(r.cable, ...roleValues(r));
    for (const a of rows.affiliations) this.affiliation.run(a.cable, ...affiliationValues(a));
    for (const m of rows.meetings) this.meeting.run(m.cable, ...meetingValues(m));
  }
}
