// What an `--append` changes in a graph database: the old cables whose entities move, and the entities whose rows change.
import { createHash } from 'crypto';
import { cableRecordsOf, type GraphDb } from '../db';
import type { SortedRecords } from '../graph/record-store';
import type { CableRecord } from '../graph/types';
import { personFor } from '../graph/build';
import { resolveCorpus, type CableEntity } from '../resolve';

/** One surface form of one cable whose automatic entity differs after the append (null: no entity). */
export interface MovedSurface {
  type: string;
  surface: string;
  before: string | null;
  after: string | null;
}

/**
 * The footprint of an append: what an incremental append must rewrite to equal a full build.
 * Automatic resolution only (curation decisions are replayed on these rows afterwards).
 */
export interface AppendFootprint {
  /** Cables of the database, and cables read in this run (new ids, and ids already there). */
  existing: number;
  incoming: number;
  /** Ids read in this run that the database did not have. */
  added: string[];
  /** Ids read again whose record (the later release, its mentions) differs from the stored one. */
  replaced: string[];
  /** Old cables (not read again) whose surface forms resolve to other entities, with the forms that moved. */
  changed: Array<{ id: string; moved: MovedSurface[] }>;
  /**
   * Entities whose rows can change: those of the added, replaced and changed cables, before and
   * after, with the people who signed them or are named on their "Classified By" line.
   */
  touched: string[];
  /**
   * Of those: new ones (no row before: resolution's, or a signer's node), gone ones (automatic
   * resolution no longer has them), and ones automatic resolution names otherwise.
   */
  created: string[];
  removed: string[];
  renamed: string[];
  /** Seconds of the corpus-wide resolution pass (all cables), of the comparison with the stored rows. */
  resolveSeconds: number;
  compareSeconds: number;
}

/** A record's content as the database keeps it (cable without text, mentions): equal hashes, equal rows. */
export function recordHash(record: CableRecord): string {
  return createHash('sha1')
    .update(JSON.stringify({ ...record.cable, text: undefined }))
    .update('\u0000')
    .update(record.cable.text)
    .update('\u0000')
    .update(JSON.stringify(record.mentions))
    .digest('hex');
}

/**
 * The cables a database had before an append: their ids, and the recordHash of those read again
 * in this run. Only a cable read again can change its record, so only those are hashed (reading
 * the database's records back to resolve them does not hash every one).
 */
export class StoredCables {
  private readonly ids = new Set<string>();
  private readonly hashes = new Map<string, string>();

  add(id: string): void {
    this.ids.add(id);
  }
  has(id: string): boolean {
    return this.ids.has(id);
  }
  get size(): number {
    return this.ids.size;
  }
  /** Hashes the stored records of the cables of `incoming` the database has (read from `db`). */
  hashRereadFrom(db: GraphDb, incoming: ReadonlySet<string>): void {
    const again = [...incoming].filter((id) => this.ids.has(id));
    for (const record of cableRecordsOf(db, again)) this.hashes.set(record.cable.id, recordHash(record));
  }
  /** Whether `record`, read again in this run, differs from the stored one (false when it is not stored). */
  changed(record: CableRecord): boolean {
    const stored = this.hashes.get(record.cable.id);
    if (stored === undefined) {
      if (this.ids.has(record.cable.id)) throw new Error(`append: ${record.cable.id} read again was not hashed`);
      return false;
    }
    return recordHash(record) !== stored;
  }
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A cable's automatic assignments as rows (type, surface → entity, count), keyed `type|surface`. */
function assignmentsOf(entities: readonly CableEntity[]): Map<string, { entity: string; count: number }> {
  const out = new Map<string, { entity: string; count: number }>();
  for (const e of entities)
    e.mentions.forEach((surface, j) => out.set(`${e.type}|${surface}`, { entity: e.id, count: e.counts?.[j] ?? 1 }));
  return out;
}

/**
 * Resolves every cable (`records`: the database's and the run's, merged, in id order) as a full
 * build does, and compares each old cable's automatic assignments with the database's
 * `assignments` rows. `stored` holds the cables the database had (and the hashes of those read
 * again), `incoming` the ids read in this run. Exact by construction: the resolution is the full build's.
 */
export function appendFootprint(
  db: GraphDb,
  records: SortedRecords,
  stored: StoredCables,
  incoming: ReadonlySet<string>,
): AppendFootprint {
  const started = Date.now();
  const changedRelease: boolean[] = [];
  const ids: string[] = [];
  // Signers and "Classified By" names: people who are nodes (SIGNED, CLASSIFIED) even when no mention resolved to them.
  const authors: string[][] = [];
  const resolution = resolveCorpus(records.length, (i) => {
    const record = records.get(i);
    ids.push(record.cable.id);
    const { signers, classifiedBy } = record.cable;
    authors.push(classifiedBy?.name ? [...signers, classifiedBy.name] : signers);
    // (read once here: a re-read cable's new release is compared with the stored one)
    changedRelease.push(incoming.has(record.cable.id) && stored.changed(record));
    return record;
  });
  const resolved = Date.now();

  const cableNode = db.prepare('SELECT node FROM cables WHERE id = ? AND in_corpus = 1').pluck();
  const storedRows = db.prepare('SELECT type, surface, count, auto FROM assignments WHERE cable = ?');
  const storedName = db.prepare('SELECT name FROM resolved WHERE id = ?').pluck();
  const storedRow = db.prepare('SELECT 1 FROM entities WHERE id = ?').pluck();
  const storedAuthors = db
    .prepare(
      'SELECT e.id FROM signed s JOIN entities e ON e.node = s.person WHERE s.cable = :c UNION SELECT e.id FROM classified k JOIN entities e ON e.node = k.person WHERE k.cable = :c',
    )
    .pluck();
  /** The cable's author nodes as a build makes them (personFor), and as the database has them. */
  const authorsOf = (i: number, now: CableEntity[], node: number | undefined): void => {
    for (const name of authors[i]) after.add(personFor(name, now).id);
    if (node !== undefined) for (const id of storedAuthors.all({ c: node }) as string[]) before.add(id);
  };
  const added: string[] = [];
  const replaced: string[] = [];
  const changed: AppendFootprint['changed'] = [];
  const before = new Set<string>();
  const after = new Set<string>();
  const addedEntities = new Set<string>();
  ids.forEach((id, i) => {
    const now = resolution.cableEntities(i);
    const isOld = stored.has(id);
    if (!isOld || changedRelease[i]) {
      (isOld ? replaced : added).push(id);
      for (const e of now) addedEntities.add(e.id);
      const node = isOld ? (cableNode.get(id) as number) : undefined;
      if (node !== undefined) for (const r of storedRows.all(node) as Array<{ auto: string }>) before.add(r.auto);
      authorsOf(i, now, node);
      return;
    }
    const node = cableNode.get(id) as number | undefined;
    if (node === undefined) throw new Error(`append footprint: ${id} has a record but no cable row`);
    const rows = storedRows.all(node) as Array<{ type: string; surface: string; count: number; auto: string }>;
    const nowRows = assignmentsOf(now);
    const moved: MovedSurface[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const key = `${r.type}|${r.surface}`;
      seen.add(key);
      const n = nowRows.get(key);
      if (!n || n.entity !== r.auto || n.count !== r.count)
        moved.push({ type: r.type, surface: r.surface, before: r.auto, after: n?.entity ?? null });
    }
    for (const [key, n] of nowRows) {
      if (seen.has(key)) continue;
      const bar = key.indexOf('|');
      moved.push({ type: key.slice(0, bar), surface: key.slice(bar + 1), before: null, after: n.entity });
    }
    if (moved.length === 0) return;
    moved.sort((x, y) => compareText(x.type, y.type) || compareText(x.surface, y.surface));
    changed.push({ id, moved });
    authorsOf(i, now, node);
    for (const m of moved) {
      if (m.before) before.add(m.before);
      if (m.after) after.add(m.after);
    }
  });
  const touched = new Set([...addedEntities, ...before, ...after]);
  const byId = new Map(resolution.entities.map((e) => [e.id, e]));
  const created: string[] = [];
  const removed: string[] = [];
  const renamed: string[] = [];
  for (const id of touched) {
    const name = storedName.get(id) as string | undefined;
    const entity = byId.get(id);
    if (name === undefined && storedRow.get(id) === undefined) created.push(id);
    else if (name !== undefined && !entity) removed.push(id);
    else if (name !== undefined && entity && entity.name !== name) renamed.push(id);
  }
  return {
    existing: stored.size,
    incoming: incoming.size,
    added,
    replaced,
    changed,
    touched: [...touched].sort(compareText),
    created: created.sort(compareText),
    removed: removed.sort(compareText),
    renamed: renamed.sort(compareText),
    resolveSeconds: (resolved - started) / 1000,
    compareSeconds: (Date.now() - resolved) / 1000,
  };
}
