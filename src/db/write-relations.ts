// Row writers of the relation tables (roles, affiliations, meetings): apart from write.ts, inside its open transaction.
import type { CableRelationRows } from '../graph/relation-types';
import type { GraphDb } from './open';

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** Inserts a cable's relation rows (a handful per cable: plain prepared statements, in the build's transaction). */
export class RelationRowsWriter {
  private readonly role;
  private readonly affiliation;
  private readonly meeting;

  constructor(db: GraphDb) {
    this.role =
      db.prepare(`INSERT INTO roles (cable, person, title, title_text, country, organization, unit, owner, owner_name, basis, former, date, paragraph, evidence, start, end)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.affiliation = db.prepare(
      `INSERT INTO affiliations (cable, person, organization, owner, country, date, paragraph, evidence, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.meeting = db.prepare(
      `INSERT INTO meetings (cable, a, a_role, b, date, date_source, form, paragraph, evidence, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  write(rows: CableRelationRows): void {
    for (const r of rows.roles) {
      this.role.run(
        r.cable,
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
      );
    }
    for (const a of rows.affiliations) {
      this.affiliation.run(
        a.cable,
        a.person,
        a.organization,
        orNull(a.owner),
        orNull(a.country),
        orNull(a.date),
        orNull(a.paragraph),
        a.evidence,
        a.start,
        a.end,
      );
    }
    for (const m of rows.meetings) {
      this.meeting.run(
        m.cable,
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
      );
    }
  }
}
