/** Curation and the relation rows: a decision reads the roles, affiliations and meetings of the cables it touches again. */
import type BetterSqlite3 from 'better-sqlite3';
import type { EntityType, Mention } from '../model';
import { relationRows } from '../graph/relations';
import type { Cable } from '../parse/types';
import type { CableEntity } from '../resolve';
import { RelationRowsWriter } from '../db/write-relations';
import { relationCounts } from '../db/read-relations';

export { relationCounts };

type Database = BetterSqlite3.Database;

/**
 * The indexes `cablesWithRelationsOf` reads through (schema.sql creates them at build; a database
 * built before them gets them at its first decision, once: ~a scan of roles and affiliations).
 * Without them the owner-name and organization lookups scanned every role and affiliation row: at
 * 251,287 cables 1.07 M roles over 82,730 pages (323 MiB), most of a first decision's 17.8 s on
 * a cold page cache.
 */
const RELATION_LOOKUP_INDEXES = [
  'CREATE INDEX IF NOT EXISTS roles_by_owner_name ON roles (owner_name)',
  'CREATE INDEX IF NOT EXISTS affiliations_by_owner ON affiliations (owner)',
  'CREATE INDEX IF NOT EXISTS affiliations_by_organization ON affiliations (organization)',
];

/** Creates the relation lookup indexes a database built before them lacks (a no-op otherwise). */
export function ensureRelationLookupIndexes(db: Database): void {
  for (const sql of RELATION_LOOKUP_INDEXES) db.exec(sql);
}

/**
 * Cables whose relation rows may change when these entity nodes change: rows naming them as
 * person, owner or party, and rows whose owner is read by a name one of them has (a role "of
 * France" gets France's node when an entity of that name comes into being). One SELECT per
 * column, so that each is an index lookup (an OR across columns made SQLite scan the table).
 */
export function cablesWithRelationsOf(db: Database, nodes: readonly number[], names: readonly string[]): number[] {
  const n = JSON.stringify(nodes);
  const names_ = JSON.stringify([...new Set(names)]);
  return db
    .prepare(
      `
    SELECT cable FROM roles WHERE person IN (SELECT value FROM json_each(:n))
    UNION SELECT cable FROM roles WHERE owner IN (SELECT value FROM json_each(:n))
    UNION SELECT cable FROM roles WHERE owner_name IN (SELECT value FROM json_each(:names))
    UNION SELECT cable FROM affiliations WHERE person IN (SELECT value FROM json_each(:n))
    UNION SELECT cable FROM affiliations WHERE owner IN (SELECT value FROM json_each(:n))
    UNION SELECT cable FROM affiliations WHERE organization IN (SELECT value FROM json_each(:names))
    UNION SELECT cable FROM meetings WHERE a IN (SELECT value FROM json_each(:n))
    UNION SELECT cable FROM meetings WHERE b IN (SELECT value FROM json_each(:n))
    ORDER BY cable`,
    )
    .pluck()
    .all({ n, names: names_ }) as number[];
}

/** A cable's relation rows again, from its record and its entities as curation leaves them (what a rebuild with the same decisions writes). */
export function rewriteCableRelations(db: Database, cables: readonly number[]): void {
  const writer = new RelationRowsWriter(db);
  const record = db.prepare(
    'SELECT r.parsed, r.mentions, c.text FROM cable_records r JOIN cables c ON c.node = r.cable WHERE r.cable = ?',
  );
  // the cable's surfaces as curation assigns them, each under the type it was written as: a build's
  // per-cable entities keep the mention's type when a decision retypes the entity (applyCuration)
  const assigned = db.prepare(
    'SELECT DISTINCT a.type, a.surface, e.id, e.name FROM assignments a JOIN entities e ON e.node = a.entity WHERE a.cable = ? ORDER BY e.id, a.type, a.surface',
  );
  const nodeOf = db
    .prepare('SELECT node FROM entities WHERE id = ? UNION ALL SELECT node FROM posts WHERE id = ?')
    .pluck();
  for (const table of ['roles', 'affiliations', 'meetings']) {
    const remove = db.prepare(`DELETE FROM ${table} WHERE cable = ?`);
    for (const cable of cables) remove.run(cable);
  }
  for (const cable of cables) {
    const r = record.get(cable) as { parsed: string; mentions: string; text: string } | undefined;
    if (!r) continue;
    const parsed = { ...(JSON.parse(r.parsed) as Cable), text: r.text };
    const current = new Map<string, CableEntity>();
    for (const a of assigned.all(cable) as Array<{ type: EntityType; surface: string; id: string; name: string }>) {
      const key = `${a.id}|${a.type}`;
      let e = current.get(key);
      if (!e) current.set(key, (e = { type: a.type, name: a.name, id: a.id, mentions: [] }));
      e.mentions.push(a.surface);
    }
    writer.write(
      relationRows({
        node: cable,
        record: { cable: parsed, mentions: JSON.parse(r.mentions) as Mention[], versions: [] },
        current: [...current.values()],
        entityNode: (id) => nodeOf.get(id, id) as number,
      }),
    );
  }
}
