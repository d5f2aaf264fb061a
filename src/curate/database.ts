// Curation in the graph database: one decision is one transaction that rewrites only the rows of the entities and cables it touches, recomputed with the build's own rules.
import { createHash } from 'crypto';
import { cablesWithRelationsOf, ensureRelationLookupIndexes, relationCounts, rewriteCableRelations } from './relations';
import * as fs from 'fs';
import * as path from 'path';
import type BetterSqlite3 from 'better-sqlite3';
import { CablegraphError } from '../common/diagnostics';
import { authorshipTest, paragraphOf, personFor } from '../graph/build';
import { DEFAULT_BUILD_OPTIONS } from '../graph/types';
import type { Cable } from '../parse/types';
import { aliasText, normalizeName, type CableEntity, type Entity } from '../resolve';
import { nameWords, refreshWordPostings, storedEntityWords } from '../db/entity-words';
import { upgradeGraphDb } from '../db/open';
import { applyCuration, effectiveDecisions } from './apply';
import { appendDecision, formatDecision, readCuration } from './file';
import { LocalGraphReader } from './local-graph';
import type { SuggestSource } from './suggest';
import { defaultAuthor } from './author';
import {
  type Decision,
  type DecisionRequest,
  ENTITY_TYPES,
  type EntityKind,
  type EntityType,
  KIND_OF_TYPE,
  type Mention,
  type CableGraph,
  type EdgeStatement,
} from '../model';

type Database = BetterSqlite3.Database;
type Row = Record<string, unknown>;

/**
 * The touched part of the graph before and after a decision (what Neo4j is sent), and the middle
 * statements of the cut roles and affiliations in it, before and after (Neo4j's (:Statement) nodes).
 */
export interface LocalGraphs {
  before: CableGraph;
  after: CableGraph;
  statements: { before: EdgeStatement[]; after: EdgeStatement[] };
}

/** What one decision did to the database. */
export interface DatabaseDecisionOutcome {
  decision: Decision;
  /** False for a dry run (the transaction was rolled back). */
  written: boolean;
  /** Entities gone, new, and with another name, type, aliases or cables. */
  removed: string[];
  added: string[];
  changed: string[];
  edges: { added: number; removed: number; changed: number };
  /** Rows rewritten: entities and cables the decision touched. */
  touched: { entities: number; cables: number };
  /** "Name (Kind, N cables)" of the removed entities as they were, and of the added and changed ones as they are now. */
  described: Record<string, string>;
  /** With `captureLocal`: the touched part of the graph before and after (for Neo4j). */
  local?: LocalGraphs;
}

const json = (v: unknown): string => JSON.stringify(v);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const idsOf = (d: Decision): string[] =>
  d.op === 'merge' ? [...new Set([...d.ids, d.into])] : d.op === 'undo' ? [] : [d.id];

class Rollback extends Error {}

/** Meta key: the metrics of entities a decision removed, by id, for when a later one (undo) brings them back. */
const SHELVED_METRICS = 'curation_shelved_metrics';

/**
 * Takes one decision on a graph database: one IMMEDIATE transaction (so decisions from two
 * processes — the CLI and the viewer — are serialised by SQLite, each seeing the other's result)
 * that checks it, appends it to the curation file (the durable, replayable record) and the
 * decisions table, and rewrites the rows of what it touches. A dry run rolls everything back.
 */
export function decideInDatabase(
  db: Database,
  curationFile: string,
  request: DecisionRequest,
  options: { dryRun?: boolean; captureLocal?: boolean } = {},
): DatabaseDecisionOutcome {
  let outcome: DatabaseDecisionOutcome | undefined;
  const run = db.transaction(() => {
    ensureRelationLookupIndexes(db);
    upgradeGraphDb(db);
    recoverKilledDecision(db, curationFile);
    outcome = new DecisionRun(db, curationFile, options.captureLocal ?? false).take(request, options.dryRun ?? false);
    if (options.dryRun) throw new Rollback();
  });
  try {
    run.immediate();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  // Committed: the line appended to the curation file is the decision's for good.
  if (outcome?.written) fs.rmSync(pendingFile(curationFile), { force: true });
  return outcome!;
}

/** Where a decision notes, before it appends to the curation file, how long the file was: `.curation.jsonl.pending`. */
export const pendingFile = (curationFile: string): string =>
  path.join(path.dirname(path.resolve(curationFile)), `.${path.basename(curationFile)}.pending`);

/**
 * A decision killed between appending its line to the curation file and committing its
 * transaction leaves the file one decision ahead of the graph (perhaps half a line): its pending
 * note (written first) says so. Under the transaction's lock no other decision is running, so a
 * note found here is a dead one's: when the graph lacks its decision the file goes back to its
 * length before the append; either way the note goes.
 */
function recoverKilledDecision(db: Database, curationFile: string): void {
  const note = pendingFile(curationFile);
  let pending: { seq: number; size: number };
  try {
    pending = JSON.parse(fs.readFileSync(note, 'utf8')) as { seq: number; size: number };
  } catch (error) {
    // No note (the usual case), or one cut short before its decision appended anything.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') fs.rmSync(note, { force: true });
    return;
  }
  const committed = db.prepare('SELECT 1 FROM decisions WHERE seq = ?').get(pending.seq) !== undefined;
  if (
    !committed &&
    Number.isInteger(pending.size) &&
    fs.existsSync(curationFile) &&
    fs.statSync(curationFile).size > pending.size
  )
    fs.truncateSync(curationFile, pending.size);
  fs.rmSync(note, { force: true });
}

/** One assignment (applyCuration's unit): a surface form of one cable and the entity it belongs to. */
interface AssignmentRow {
  cable: number;
  type: EntityType;
  surface: string;
  norm: string;
  count: number;
  auto: string;
  current: string | null;
}

interface PairStats {
  a: number;
  b: number;
  cables: number;
  paragraphs: number;
  first: string | undefined;
  last: string | undefined;
  evidence: Array<[number, number[]]>;
}

interface ContentMention {
  entity: number;
  paragraph: number;
}

interface MentionRow extends ContentMention {
  start: number;
  end: number;
  type: string;
  surface: string;
  authorship: number;
}

/** The state of one decision's transaction. */
class DecisionRun {
  /** Words whose entity_words rows this decision changed: their word_postings rows are rewritten at its end. */
  private readonly changedWords = new Set<string>();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly options: { maxEntitiesPerWindow: number };
  /** Kind of every entity row this decision writes or deletes, as it was before (null: no row). */
  private readonly kindsBefore = new Map<number, string | null>();
  /** Rows added minus rows deleted, per per-cable edge type. */
  private readonly edgeDelta: Record<string, number> = { MENTIONS: 0, SIGNED: 0, CLASSIFIED: 0 };

  /** Remembers an entity row's kind before this decision first changes it (for the counts). */
  private touch(node: number): void {
    if (this.kindsBefore.has(node)) return;
    this.kindsBefore.set(
      node,
      (this.st('SELECT kind FROM entities WHERE node = ?').pluck().get(node) as string | undefined) ?? null,
    );
  }

  private readonly local: LocalGraphReader | undefined;

  constructor(
    private readonly db: Database,
    private readonly curationFile: string,
    capture = false,
  ) {
    const stored = this.meta<{ maxEntitiesPerWindow?: number; maxEvidence?: number }>('build_options');
    this.options = { maxEntitiesPerWindow: stored?.maxEntitiesPerWindow ?? DEFAULT_BUILD_OPTIONS.maxEntitiesPerWindow };
    this.local = capture
      ? new LocalGraphReader(db, stored?.maxEvidence ?? DEFAULT_BUILD_OPTIONS.maxEvidence)
      : undefined;
  }

  private st(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private meta<T>(key: string): T | undefined {
    const value = this.st('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  private setMeta(key: string, value: unknown): void {
    this.st('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      key,
      json(value),
    );
  }

  private entity(id: string): Row | undefined {
    return this.st('SELECT node, id, kind, name, cable_count FROM entities WHERE id = ?').get(id) as Row | undefined;
  }

  /** The curation file and the decisions table must tell the same story before one more is added. */
  private existing(): Decision[] {
    const fromFile = readCuration(this.curationFile);
    const fromDb = this.st('SELECT seq, decision FROM decisions ORDER BY seq').all() as Array<{
      seq: number;
      decision: string;
    }>;
    const n = Math.max(fromFile.length, fromDb.length);
    for (let i = 0; i < n; i += 1) {
      const a = fromFile[i] ? formatDecision(fromFile[i]) : undefined;
      const b = fromDb[i] ? formatDecision(JSON.parse(fromDb[i].decision) as Decision) : undefined;
      if (a !== b) {
        throw new CablegraphError(
          'CURATION_OUT_OF_STEP',
          `${this.curationFile} and the graph database disagree from decision ${i + 1} (the file has ${fromFile.length} decisions, the database ${fromDb.length}): rebuild the graph with this curation file (cablegraph build … --curation ${this.curationFile})`,
          { file: this.curationFile },
        );
      }
    }
    return fromFile;
  }

  /** The decision refers to entities the graph shows (and to one of its types); else a clear error. */
  private check(request: DecisionRequest, existing: readonly Decision[]): void {
    const file = this.curationFile;
    const known = (id: string): void => {
      if (!this.entity(id))
        throw new CablegraphError(
          'CURATION_UNKNOWN_ENTITY',
          `${file}: no entity ${id} in the graph (cablegraph entities list shows the ids)`,
          { file },
        );
    };
    switch (request.op) {
      case 'merge':
        if (new Set(request.ids).size !== request.ids.length)
          throw new CablegraphError('CURATION_INVALID', 'merge: an entity is listed twice');
        request.ids.forEach(known);
        break;
      case 'retype':
        if (!ENTITY_TYPES.includes(request.type))
          throw new CablegraphError('CURATION_INVALID', `retype: type must be one of ${ENTITY_TYPES.join(', ')}`);
        known(request.id);
        break;
      case 'undo':
        if (!existing.some((d) => d.seq === request.decision))
          throw new CablegraphError('CURATION_INVALID', `undo: ${file} has no decision ${request.decision}`, { file });
        break;
      default:
        known(request.id);
    }
  }

  take(request: DecisionRequest, dryRun: boolean): DatabaseDecisionOutcome {
    const existing = this.existing();
    this.check(request, existing);
    const referenced = request.op === 'merge' ? request.ids : request.op === 'undo' ? [] : [request.id];
    const names = Object.fromEntries(referenced.map((id) => [id, String(this.entity(id)!.name)]));
    const decision = JSON.parse(
      formatDecision({
        ...request,
        seq: existing.length + 1,
        ...(referenced.length > 0 ? { names } : {}),
        author: request.author ?? defaultAuthor(),
        at: request.at ?? new Date().toISOString(),
      }),
    ) as Decision;
    const all = [...existing, decision];
    const outcome = this.apply(existing, all);
    refreshWordPostings(this.db, this.changedWords);
    this.st('INSERT INTO decisions (seq, decision) VALUES (?, ?)').run(decision.seq, formatDecision(decision));
    this.setMeta('curation', all);
    if (!dryRun) {
      // The note that lets the next decision undo this append if the process dies before the commit.
      const size = fs.existsSync(this.curationFile) ? fs.statSync(this.curationFile).size : 0;
      fs.writeFileSync(pendingFile(this.curationFile), JSON.stringify({ seq: decision.seq, size }));
      appendDecision(this.curationFile, decision);
      this.setMeta('curation_hash', createHash('sha256').update(fs.readFileSync(this.curationFile)).digest('hex'));
    }
    return { decision, written: !dryRun, ...outcome };
  }

  /** Ids of the entities a split created (`…-s<seq>`), as the database or the decisions name them. */
  private created(split: Decision, decisions: readonly Decision[]): string[] {
    const suffix = `-s${split.seq}`;
    const ids = (this.st('SELECT id FROM entities WHERE id LIKE ?').pluck().all(`%${suffix}`) as string[]).filter(
      (id) => id.endsWith(suffix),
    );
    for (const d of decisions) for (const id of idsOf(d)) if (id.endsWith(suffix)) ids.push(id);
    return ids;
  }

  /**
   * Every assignment whose entity may differ between the decisions before and after: those of the
   * entities the changed decisions name, closed over every live decision that names one of them
   * (or moves one of their surface forms). An assignment outside never meets a decision inside, so
   * replaying only these gives the same entities as replaying the whole corpus.
   */
  private affected(
    before: readonly Decision[],
    after: readonly Decision[],
    decisions: readonly Decision[],
  ): { rows: AssignmentRow[]; closure: Decision[] } {
    const beforeSeqs = new Set(before.map((d) => d.seq));
    const afterSeqs = new Set(after.map((d) => d.seq));
    const changed = [...before.filter((d) => !afterSeqs.has(d.seq)), ...after.filter((d) => !beforeSeqs.has(d.seq))];
    const union = [...new Map([...before, ...after].map((d) => [d.seq, d])).values()].sort((x, y) => x.seq - y.seq);
    const ids = new Set<string>();
    const norms = new Set<string>();
    const inside = new Set<number>();
    const take = (d: Decision): void => {
      inside.add(d.seq);
      for (const id of idsOf(d)) ids.add(id);
      if (d.op === 'alias') norms.add(normalizeName(d.alias));
      if (d.op === 'split') for (const id of this.created(d, decisions)) ids.add(id);
    };
    changed.forEach(take);
    for (let size = -1; size !== ids.size + norms.size;) {
      size = ids.size + norms.size;
      const held = new Set(
        this.st(
          `SELECT norm FROM assignments WHERE auto IN (SELECT value FROM json_each(:ids))
         UNION SELECT a.norm FROM assignments a JOIN entities e ON e.node = a.entity WHERE e.id IN (SELECT value FROM json_each(:ids))`,
        )
          .pluck()
          .all({ ids: json([...ids]) }) as string[],
      );
      for (const d of union) {
        if (inside.has(d.seq)) continue;
        const names = idsOf(d).some((id) => ids.has(id));
        const moves = d.op === 'alias' && (norms.has(normalizeName(d.alias)) || held.has(normalizeName(d.alias)));
        const splitOf = d.op === 'split' && [...ids].some((id) => id.endsWith(`-s${d.seq}`));
        if (names || moves || splitOf) take(d);
      }
      const holders = this.st(
        `SELECT a.auto AS auto, e.id AS current FROM assignments a LEFT JOIN entities e ON e.node = a.entity WHERE a.norm IN (SELECT value FROM json_each(?))`,
      ).all(json([...norms])) as Array<{ auto: string; current: string | null }>;
      for (const h of holders) {
        ids.add(h.auto);
        if (h.current) ids.add(h.current);
      }
    }
    const rows = this.st(
      `WITH chosen(id) AS (SELECT value FROM json_each(:ids)), forms(norm) AS (SELECT value FROM json_each(:norms))
       SELECT a.cable, a.type, a.surface, a.norm, a.count, a.auto, e.id AS current FROM assignments a LEFT JOIN entities e ON e.node = a.entity WHERE a.auto IN chosen
       UNION SELECT a.cable, a.type, a.surface, a.norm, a.count, a.auto, e.id FROM assignments a JOIN entities e ON e.node = a.entity WHERE e.id IN chosen
       UNION SELECT a.cable, a.type, a.surface, a.norm, a.count, a.auto, e.id FROM assignments a LEFT JOIN entities e ON e.node = a.entity WHERE a.norm IN forms`,
    ).all({ ids: json([...ids]), norms: json([...norms]) }) as AssignmentRow[];
    // Replayed: the decisions inside, every undo, and those naming an entity inside even when not
    // live themselves (a split without cables cancels the merges into its entity: effectiveDecisions needs it).
    return {
      rows,
      closure: decisions.filter((d) => inside.has(d.seq) || d.op === 'undo' || idsOf(d).some((id) => ids.has(id))),
    };
  }

  /**
   * The affected assignments replayed from automatic resolution with the decisions (applyCuration
   * itself, on just these rows): each one's new entity (undefined: rejected), and the entities.
   */
  private replay(
    rows: readonly AssignmentRow[],
    decisions: readonly Decision[],
  ): { entityOf: Map<string, string | undefined>; entities: Entity[] } {
    const key = (cable: number, type: string, surface: string): string => `${cable}\u0000${type}\u0000${surface}`;
    const cables = [...new Set(rows.map((r) => r.cable))].sort((x, y) => x - y);
    const index = new Map(cables.map((c, i) => [c, i]));
    const perCable: CableEntity[][] = cables.map(() => []);
    for (const r of rows) {
      const list = perCable[index.get(r.cable)!];
      let ce = list.find((x) => x.id === r.auto && x.type === r.type);
      if (!ce) list.push((ce = { type: r.type, name: '', id: r.auto, mentions: [], counts: [] }));
      ce.mentions.push(r.surface);
      ce.counts!.push(r.count);
    }
    const autoIds = [...new Set(rows.map((r) => r.auto))];
    const resolvedRows = this.st(
      'SELECT id, type, name FROM resolved WHERE id IN (SELECT value FROM json_each(?))',
    ).all(json(autoIds)) as Array<{ id: string; type: EntityType; name: string }>;
    const original: Entity[] = resolvedRows.map((r) => ({
      id: r.id,
      type: r.type,
      name: r.name,
      aliases: [],
      cables: [],
    }));
    const cableIds = this.st('SELECT node, id FROM cables WHERE node IN (SELECT value FROM json_each(?))').all(
      json(cables),
    ) as Array<{ node: number; id: string }>;
    const idOfCable = new Map(cableIds.map((c) => [c.node, c.id]));
    const cableList = cables.map((c) => ({ id: idOfCable.get(c)! }));
    let result: { entities: Entity[]; perCable: CableEntity[][] };
    if (effectiveDecisions(decisions).length > 0)
      result = applyCuration({ entities: original, perCable }, cableList, [], decisions);
    else result = resolutionOf(rows, original, cableList, index);
    const entityOf = new Map<string, string | undefined>(rows.map((r) => [key(r.cable, r.type, r.surface), undefined]));
    result.perCable.forEach((list, i) => {
      for (const ce of list) for (const surface of ce.mentions) entityOf.set(key(cables[i], ce.type, surface), ce.id);
    });
    return { entityOf, entities: result.entities };
  }

  private apply(
    existing: readonly Decision[],
    all: readonly Decision[],
  ): Omit<DatabaseDecisionOutcome, 'decision' | 'written'> {
    const before = effectiveDecisions(existing);
    const after = effectiveDecisions(all);
    const { rows, closure } = this.affected(before, after, all);
    const empty = {
      removed: [],
      added: [],
      changed: [],
      edges: { added: 0, removed: 0, changed: 0 },
      touched: { entities: 0, cables: 0 },
      described: {},
    };
    if (rows.length === 0) return empty;
    const { entityOf, entities } = this.replay(rows, closure);
    const key = (r: AssignmentRow): string => `${r.cable}\u0000${r.type}\u0000${r.surface}`;
    const moved = rows.filter((r) => (entityOf.get(key(r)) ?? null) !== r.current);
    const oldIds = new Set(rows.flatMap((r) => (r.current ? [r.current] : [])));
    const newById = new Map(entities.map((e) => [e.id, e]));
    const before_ = new Map<string, Row>();
    for (const id of oldIds) before_.set(id, this.st('SELECT * FROM entities WHERE id = ?').get(id) as Row);
    const beforeAliases = new Map(
      [...oldIds].map((id) => [
        id,
        json(
          this.st(
            'SELECT alias, count FROM aliases a JOIN entities e ON e.node = a.entity WHERE e.id = ? ORDER BY position',
          ).all(id),
        ),
      ]),
    );

    // Cables whose rows change: those of the moved assignments.
    const cables = [...new Set(moved.map((r) => r.cable))].sort((x, y) => x - y);
    const oldWindows = new Map(cables.map((c) => [c, this.windows(c, true)]));
    const oldNodes = new Set([...oldIds].map((id) => Number(before_.get(id)!.node)));
    const oldPairs = this.pairsOf([...oldNodes]);
    const signedBefore = this.st(
      'SELECT cable FROM signed WHERE person IN (SELECT value FROM json_each(:n)) UNION SELECT cable FROM classified WHERE person IN (SELECT value FROM json_each(:n))',
    )
      .pluck()
      .all({ n: json([...oldNodes]) }) as number[];
    const beforeGraph = this.local?.capture(oldNodes, new Set([...cables, ...signedBefore]));
    // the relation edges (HOLDS_ROLE, AFFILIATED_WITH, MET) of everyone whose rows the decision may rewrite
    const relationPeople = this.local?.relationPeople(
      [
        ...cables,
        ...cablesWithRelationsOf(
          this.db,
          [...oldNodes],
          [...before_.values()].map((r) => String(r.name)),
        ),
      ],
      oldNodes,
    );
    const statementsBefore: EdgeStatement[] = [];
    if (beforeGraph && relationPeople) this.local!.addRelations(beforeGraph, relationPeople, statementsBefore);

    // Entities: removed ones go, new and changed ones are (re)written.
    const removedIds = [...oldIds].filter((id) => !newById.has(id));
    const addedIds = [...newById.keys()].filter((id) => !oldIds.has(id) && !this.entity(id));
    const nodeOf = new Map<string, number>();
    let nextNode =
      Number(
        this.st(
          'SELECT max(m) FROM (SELECT max(node) AS m FROM entities UNION ALL SELECT max(node) FROM cables UNION ALL SELECT max(node) FROM posts UNION ALL SELECT max(node) FROM tags)',
        )
          .pluck()
          .get() ?? 0,
      ) + 1;
    const dates = new Map(
      (
        this.st('SELECT id, date FROM cables WHERE id IN (SELECT value FROM json_each(?))').all(
          json([...new Set(entities.flatMap((e) => e.cables))]),
        ) as Array<{ id: string; date: string | null }>
      ).map((c) => [c.id, c.date]),
    );
    // Metrics are not recomputed by a decision (they are a build's): an entity that comes back
    // (undo) gets the metrics it had when it went, a new one those of the entity most of its
    // mentions came from.
    const shelved = this.meta<Record<string, Row>>(SHELVED_METRICS) ?? {};
    for (const id of removedIds) {
      const o = before_.get(id)!;
      shelved[id] = {
        degree: o.degree,
        weighted_degree: o.weighted_degree,
        pagerank: o.pagerank,
        community: o.community,
        x: o.x,
        y: o.y,
      };
    }
    for (const e of entities) {
      const row = this.entity(e.id);
      const donor = row ?? shelved[e.id] ?? this.donor(e, rows, entityOf, before_);
      if (!row) delete shelved[e.id];
      const node = row ? Number(row.node) : nextNode++;
      nodeOf.set(e.id, node);
      const spanDates = e.cables
        .map((c) => dates.get(c))
        .filter((d): d is string => !!d)
        .sort();
      const values = {
        node,
        id: e.id,
        kind: KIND_OF_TYPE[e.type],
        name: e.name,
        cable_count: e.cables.length,
        first_date: spanDates[0] ?? null,
        last_date: spanDates[spanDates.length - 1] ?? null,
        degree: Number(donor?.degree ?? 0),
        weighted_degree: Number(donor?.weighted_degree ?? 0),
        pagerank: Number(donor?.pagerank ?? 0),
        community: Number(donor?.community ?? -1),
        x: Number(donor?.x ?? 0),
        y: Number(donor?.y ?? 0),
      };
      this.touch(node);
      // The search words the entity has now (its stored name and aliases), before the name changes.
      const previousWords = row ? this.storedWords(node) : new Set<string>();
      if (row) {
        this.st(
          'UPDATE entities SET kind = :kind, name = :name, cable_count = :cable_count, first_date = :first_date, last_date = :last_date WHERE node = :node',
        ).run(values);
      } else {
        this.st(
          'INSERT INTO entities (node, id, kind, name, cable_count, first_date, last_date, degree, weighted_degree, pagerank, community, x, y) VALUES (:node, :id, :kind, :name, :cable_count, :first_date, :last_date, :degree, :weighted_degree, :pagerank, :community, :x, :y)',
        ).run(values);
      }
      this.writeNames(node, e.name, e.aliases, previousWords);
    }

    this.setMeta(SHELVED_METRICS, shelved);

    // Assignments and mentions follow their entity.
    const restored = new Map<number, AssignmentRow[]>();
    for (const r of moved) {
      const id = entityOf.get(key(r));
      const node = id === undefined ? null : nodeOf.get(id)!;
      this.st('UPDATE assignments SET entity = ? WHERE cable = ? AND type = ? AND surface = ?').run(
        node,
        r.cable,
        r.type,
        r.surface,
      );
      if (node === null)
        this.st('DELETE FROM mentions WHERE cable = ? AND type = ? AND surface = ?').run(r.cable, r.type, r.surface);
      else if (r.current === null) restored.set(r.cable, [...(restored.get(r.cable) ?? []), r]);
      else
        this.st('UPDATE mentions SET entity = ? WHERE cable = ? AND type = ? AND surface = ?').run(
          node,
          r.cable,
          r.type,
          r.surface,
        );
    }
    for (const [cable, list] of restored) this.restoreMentions(cable, list, nodeOf);
    for (const cable of cables) this.followByText(cable);

    // Entities gone: their rows, unless a signature still names them (recomputed below).
    for (const id of removedIds) this.removeEntity(Number(before_.get(id)!.node));

    // Per-cable edges of the touched cables, and of the cables signed by touched people.
    const touchedNodes = [...new Set([...oldNodes, ...nodeOf.values()])];
    const signedBy = this.st(
      'SELECT cable FROM signed WHERE person IN (SELECT value FROM json_each(:n)) UNION SELECT cable FROM classified WHERE person IN (SELECT value FROM json_each(:n))',
    )
      .pluck()
      .all({ n: json(touchedNodes) }) as number[];
    const rewritten = [...new Set([...cables, ...signedBy])].sort((x, y) => x - y);
    const signerOnly = new Set<number>();
    const moves = new Set(cables);
    for (const cable of rewritten) {
      // Cables only signed by a touched person keep their MENTIONS edges.
      if (moves.has(cable)) this.rewriteCableEntities(cable);
      for (const p of this.rewriteAuthorship(cable)) signerOnly.add(p);
    }
    for (const p of signerOnly) this.dropUnusedSigner(p);

    // Roles, affiliations and meetings of the cables whose people or owners changed, read again.
    const relationCables = [
      ...new Set([
        ...cables,
        ...cablesWithRelationsOf(this.db, touchedNodes, [
          ...[...before_.values()].map((r) => String(r.name)),
          ...entities.map((e) => e.name),
        ]),
      ]),
    ].sort((x, y) => x - y);
    rewriteCableRelations(this.db, relationCables);

    // Co-mentions of the touched entities, recomputed from their cables' mentions; pairs of other
    // entities whose paragraph windows shifted, re-decided.
    const liveNodes = [...nodeOf.values()];
    const gone = touchedNodes.filter((n) => !liveNodes.includes(n));
    // Every pair of a touched entity goes (by its key: the evidence has no index on b), then the recomputed ones come in.
    const stale = [
      ...new Map(
        [...oldPairs, ...this.pairsOf(touchedNodes.filter((n) => !oldNodes.has(n)))].map((p) => [`${p.a}:${p.b}`, p]),
      ).values(),
    ];
    for (const p of stale) {
      this.st('DELETE FROM co_mentions WHERE a = ? AND b = ?').run(p.a, p.b);
      this.st('DELETE FROM co_mention_evidence WHERE a = ? AND b = ?').run(p.a, p.b);
    }
    const newPairs = this.computePairs(new Set(liveNodes));
    for (const p of newPairs.values()) this.insertPair(p);
    const shifted = this.shiftedPairs(cables, oldWindows, new Set(touchedNodes));
    let shiftAdded = 0;
    let shiftRemoved = 0;
    for (const [a, b] of shifted) {
      const had = this.st('SELECT 1 FROM co_mentions WHERE a = ? AND b = ?').get(a, b) !== undefined;
      // A pair that stays keeps its row (its counts come from its mentions, which did not move): only
      // whether some window still pairs it is asked, the rewritten cables first. Recomputing it from
      // every cable the two share cost seconds for two hubs (tens of thousands of cables).
      if (had && this.pairExists(a, b, cables)) continue;
      const now = had ? undefined : this.computePair(a, b);
      if (had && !now) {
        if (beforeGraph) this.local!.addPair(beforeGraph, a, b);
        this.st('DELETE FROM co_mentions WHERE a = ? AND b = ?').run(a, b);
        this.st('DELETE FROM co_mention_evidence WHERE a = ? AND b = ?').run(a, b);
        shiftRemoved += 1;
      } else if (!had && now) {
        this.insertPair(now);
        shiftAdded += 1;
      }
    }
    void gone;

    // What changed, for the reader and for the stats.
    const pairKey = (p: { a: number; b: number }): string => `${p.a}:${p.b}`;
    const oldByKey = new Map(oldPairs.map((p) => [pairKey(p), p]));
    const newKeys = new Set([...newPairs.values()].map(pairKey));
    let edgesChanged = 0;
    for (const p of newPairs.values()) {
      const o = oldByKey.get(pairKey(p));
      if (
        o &&
        (o.weight !== p.cables + p.paragraphs ||
          o.cable_count !== p.cables ||
          o.first_date !== (p.first ?? null) ||
          o.last_date !== (p.last ?? null))
      )
        edgesChanged += 1;
    }
    const edgesAdded = [...newKeys].filter((k) => !oldByKey.has(k)).length + shiftAdded;
    const edgesRemoved = [...oldByKey.keys()].filter((k) => !newKeys.has(k)).length + shiftRemoved;
    const changedIds = [...newById.keys()].filter((id) => {
      const o = before_.get(id);
      if (!o) return false;
      const now = this.st('SELECT kind, name, cable_count, first_date, last_date FROM entities WHERE id = ?').get(
        id,
      ) as Row;
      const aliasesNow = json(
        this.st(
          'SELECT alias, count FROM aliases a JOIN entities e ON e.node = a.entity WHERE e.id = ? ORDER BY position',
        ).all(id),
      );
      return (
        now.kind !== o.kind ||
        now.name !== o.name ||
        now.cable_count !== o.cable_count ||
        now.first_date !== o.first_date ||
        now.last_date !== o.last_date ||
        aliasesNow !== beforeAliases.get(id)
      );
    });
    this.updateCounts(edgesAdded - edgesRemoved);
    let local: LocalGraphs | undefined;
    if (beforeGraph) {
      const now = [...new Set([...liveNodes, ...signerOnly, ...touchedNodes])];
      const afterGraph = this.local!.capture(now, rewritten, shifted);
      const statementsAfter: EdgeStatement[] = [];
      this.local!.addRelations(
        afterGraph,
        new Set([...relationPeople!, ...this.local!.relationPeople(relationCables, touchedNodes)]),
        statementsAfter,
      );
      this.reconcile(beforeGraph, afterGraph);
      local = {
        before: beforeGraph,
        after: afterGraph,
        statements: { before: statementsBefore, after: statementsAfter },
      };
    }
    const describe = (row: Row | undefined): string => {
      const r = row as { name: string; kind: string; cable_count: number } | undefined;
      return r ? `${r.name.replace(/\s+/g, ' ')} (${r.kind}, ${r.cable_count} cables)` : '';
    };
    const described: Record<string, string> = {};
    for (const id of removedIds) described[id] = describe(before_.get(id));
    for (const id of [...addedIds, ...changedIds]) described[id] = describe(this.entity(id));
    return {
      ...(local ? { local } : {}),
      described,
      removed: removedIds.filter((id) => !this.entity(id)).sort(compare),
      added: addedIds.sort(compare),
      changed: changedIds.sort(compare),
      edges: { added: edgesAdded, removed: edgesRemoved, changed: edgesChanged },
      touched: { entities: oldIds.size + addedIds.length, cables: rewritten.length },
    };
  }

  /**
   * A node at the end of a captured edge on one side only is not gone (or new) for that: it is
   * put on both sides (unchanged), so only what the decision removed is removed from Neo4j.
   */
  private reconcile(before: CableGraph, after: CableGraph): void {
    before.forEachNode((key, attributes) => {
      if (after.hasNode(key)) return;
      const node = this.st(
        'SELECT node FROM entities WHERE id = :k UNION ALL SELECT node FROM cables WHERE id = :k UNION ALL SELECT node FROM posts WHERE id = :k',
      )
        .pluck()
        .get({ k: key }) as number | undefined;
      if (node === undefined) return;
      const entry = this.local!.node(node);
      after.addNode(key, entry ? entry[1] : attributes);
    });
    after.forEachNode((key, attributes) => {
      if (
        !before.hasNode(key) &&
        !this.kindsBefore.has(this.st('SELECT node FROM entities WHERE id = ?').pluck().get(key) as number)
      )
        before.addNode(key, attributes);
    });
  }

  /** The old entity that gave a new one most of its assignments (its metrics are kept). */
  private donor(
    e: Entity,
    rows: readonly AssignmentRow[],
    entityOf: Map<string, string | undefined>,
    before: Map<string, Row>,
  ): Row | undefined {
    const votes = new Map<string, number>();
    for (const r of rows)
      if (r.current && entityOf.get(`${r.cable}\u0000${r.type}\u0000${r.surface}`) === e.id)
        votes.set(r.current, (votes.get(r.current) ?? 0) + r.count);
    const best = [...votes].sort((x, y) => y[1] - x[1] || compare(x[0], y[0]))[0];
    return best ? before.get(best[0]) : undefined;
  }

  /** The words of an entity's entity_words rows (storedEntityWords: they are deleted by key). */
  private storedWords(node: number): Set<string> {
    return new Set(storedEntityWords((sql) => this.st(sql), node));
  }

  /**
   * Aliases, search words and the full-text row of an entity, as the build writes them;
   * `previousWords`: its words before (storedWords, read before its name changed).
   */
  private writeNames(
    node: number,
    name: string,
    aliases: ReadonlyArray<{ text: string; count: number }>,
    previousWords: ReadonlySet<string>,
  ): void {
    this.st('DELETE FROM aliases WHERE entity = ?').run(node);
    aliases.forEach((a, position) =>
      this.st('INSERT INTO aliases (entity, alias, count, position) VALUES (?, ?, ?, ?)').run(
        node,
        a.text,
        a.count,
        position,
      ),
    );
    const words = nameWords([name, ...aliases.map((a) => a.text)]);
    const kept = new Set(words.map((w) => w.word));
    for (const w of previousWords) this.changedWords.add(w);
    for (const w of kept) this.changedWords.add(w);
    for (const w of previousWords)
      if (!kept.has(w)) this.st('DELETE FROM entity_words WHERE word = ? AND entity = ?').run(w, node);
    for (const { word, alone } of words)
      this.st(
        'INSERT INTO entity_words (word, entity, alone) VALUES (?, ?, ?) ON CONFLICT (word, entity) DO UPDATE SET alone = excluded.alone',
      ).run(word, node, alone ? 1 : 0);
    this.st('DELETE FROM entity_fts WHERE rowid = ?').run(node);
    this.st('INSERT INTO entity_fts (rowid, name, aliases) VALUES (?, ?, ?)').run(
      node,
      name,
      aliases.map((a) => a.text).join('\n'),
    );
  }

  private removeEntity(node: number): void {
    this.touch(node);
    this.edgeDelta.MENTIONS -= this.st('DELETE FROM cable_entities WHERE entity = ?').run(node).changes;
    for (const w of this.storedWords(node)) {
      this.st('DELETE FROM entity_words WHERE word = ? AND entity = ?').run(w, node);
      this.changedWords.add(w);
    }
    for (const sql of [
      'DELETE FROM aliases WHERE entity = ?',
      'DELETE FROM entity_fts WHERE rowid = ?',
      'DELETE FROM entities WHERE node = ?',
    ])
      this.st(sql).run(node);
  }

  /** Mentions of assignments a decision gives back (an undone reject): from the cable's record, as the build made them. */
  private restoreMentions(cable: number, rows: readonly AssignmentRow[], nodeOf: Map<string, number>): void {
    const record = this.st(
      'SELECT r.parsed, r.mentions, c.text FROM cable_records r JOIN cables c ON c.node = r.cable WHERE r.cable = ?',
    ).get(cable) as { parsed: string; mentions: string; text: string } | undefined;
    if (!record) return;
    const parsed = { ...(JSON.parse(record.parsed) as Cable), text: record.text };
    const isAuthorship = authorshipTest(parsed);
    const wanted = new Map(rows.map((r) => [`${r.type}|${r.surface}`, r]));
    for (const m of JSON.parse(record.mentions) as Mention[]) {
      const r = wanted.get(`${m.type}|${m.text}`);
      if (!r) continue;
      const id = this.st(
        'SELECT e.id FROM assignments a JOIN entities e ON e.node = a.entity WHERE a.cable = ? AND a.type = ? AND a.surface = ?',
      )
        .pluck()
        .get(cable, r.type, r.surface) as string | undefined;
      const node = id === undefined ? undefined : (nodeOf.get(id) ?? (this.entity(id)?.node as number | undefined));
      if (node !== undefined) this.insertMention(cable, parsed, isAuthorship, m, node);
    }
  }

  /** A mention row as the build writes it (its paragraph, whether it is in the authorship lines). */
  private insertMention(
    cable: number,
    parsed: Cable,
    isAuthorship: (m: Mention) => boolean,
    m: Mention,
    entity: number,
  ): void {
    this.st(
      'INSERT INTO mentions (cable, start, end, type, surface, paragraph, authorship, entity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      cable,
      m.start,
      m.end,
      m.type,
      m.text,
      m.paragraph ?? paragraphOf(parsed, m.start),
      isAuthorship(m) ? 1 : 0,
      entity,
    );
  }

  /**
   * Mentions whose type no assignment of their cable has: the build gave each to the one entity of the
   * cable with that surface whatever its type (graph/build `entitiesOfCable`: "Aznar" read as a place
   * belongs to the person Aznar), or to none when two entities share it. The same rule again, from the
   * cable's assignments as the decision left them: such mentions follow, go or come back with it.
   */
  private followByText(cable: number): void {
    const byText = new Map<string, number | null>();
    const assigned = this.st('SELECT surface, entity FROM assignments WHERE cable = ? AND entity IS NOT NULL').all(
      cable,
    ) as { surface: string; entity: number }[];
    for (const a of assigned) {
      const seen = byText.get(a.surface);
      byText.set(a.surface, seen === undefined || seen === a.entity ? a.entity : null);
    }
    const orphans = this.st(
      `SELECT json_extract(j.value, '$.start') AS start, json_extract(j.value, '$.end') AS end,
              json_extract(j.value, '$.type') AS type, json_extract(j.value, '$.text') AS text
       FROM cable_records r, json_each(r.mentions) j
       WHERE r.cable = ? AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.cable = r.cable
         AND a.type = json_extract(j.value, '$.type') AND a.surface = json_extract(j.value, '$.text'))`,
    ).all(cable) as { start: number; end: number; type: string; text: string }[];
    const missing: { start: number; end: number; type: string; text: string; entity: number }[] = [];
    for (const m of orphans) {
      const entity = byText.get(m.text) ?? null;
      const row = this.st(
        'SELECT rowid, entity FROM mentions WHERE cable = ? AND start = ? AND end = ? AND type = ?',
      ).get(cable, m.start, m.end, m.type) as { rowid: number; entity: number } | undefined;
      if (entity === null) {
        if (row) this.st('DELETE FROM mentions WHERE rowid = ?').run(row.rowid);
      } else if (!row) missing.push({ ...m, entity });
      else if (row.entity !== entity) this.st('UPDATE mentions SET entity = ? WHERE rowid = ?').run(entity, row.rowid);
    }
    if (missing.length === 0) return;
    // Rare (an undo, or a merge that ends an ambiguity): the cable is parsed for paragraphs and authorship.
    const record = this.st(
      'SELECT r.parsed, r.mentions, c.text FROM cable_records r JOIN cables c ON c.node = r.cable WHERE r.cable = ?',
    ).get(cable) as { parsed: string; mentions: string; text: string };
    const parsed = { ...(JSON.parse(record.parsed) as Cable), text: record.text };
    const isAuthorship = authorshipTest(parsed);
    const original = new Map(
      (JSON.parse(record.mentions) as Mention[]).map((m) => [`${m.start}|${m.end}|${m.type}`, m]),
    );
    for (const x of missing)
      this.insertMention(cable, parsed, isAuthorship, original.get(`${x.start}|${x.end}|${x.type}`)!, x.entity);
  }

  /** A cable's MENTIONS edges again from its mentions: count, paragraphs, offsets, order of first mention. */
  private rewriteCableEntities(cable: number): void {
    this.edgeDelta.MENTIONS -= this.st('DELETE FROM cable_entities WHERE cable = ?').run(cable).changes;
    const byEntity = new Map<number, { count: number; paragraphs: Set<number>; offsets: number[] }>();
    for (const m of this.mentionsOf(cable)) {
      let e = byEntity.get(m.entity);
      if (!e) byEntity.set(m.entity, (e = { count: 0, paragraphs: new Set(), offsets: [] }));
      e.count += 1;
      e.paragraphs.add(m.paragraph);
      e.offsets.push(m.start, m.end);
    }
    let position = 0;
    for (const [entity, e] of byEntity) {
      this.st(
        'INSERT INTO cable_entities (entity, cable, count, paragraphs, offsets, position) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(entity, cable, e.count, json([...e.paragraphs].sort((x, y) => x - y)), json(e.offsets), position++);
      this.edgeDelta.MENTIONS += 1;
    }
  }

  /** SIGNED and CLASSIFIED of a cable again (personFor over its curated entities); the people they used to point at. */
  private rewriteAuthorship(cable: number): number[] {
    const previous = this.st(
      'SELECT person FROM signed WHERE cable = :c UNION SELECT person FROM classified WHERE cable = :c',
    )
      .pluck()
      .all({ c: cable }) as number[];
    this.edgeDelta.SIGNED -= this.st('DELETE FROM signed WHERE cable = ?').run(cable).changes;
    this.edgeDelta.CLASSIFIED -= this.st('DELETE FROM classified WHERE cable = ?').run(cable).changes;
    const c = this.st('SELECT signers, classified_by, classified_title FROM cables WHERE node = ?').get(cable) as {
      signers: string | null;
      classified_by: string | null;
      classified_title: string | null;
    };
    const signers = c.signers ? (JSON.parse(c.signers) as string[]) : [];
    if (signers.length === 0 && !c.classified_by) return previous;
    // The cable's curated entities, in order of first mention (personFor takes the first that fits).
    const first = new Map<string, number>();
    for (const m of this.mentionsOf(cable))
      if (!first.has(`${m.type}|${m.surface}`)) first.set(`${m.type}|${m.surface}`, m.start);
    const assigned = this.st(
      'SELECT a.type, a.surface, e.id, e.name FROM assignments a JOIN entities e ON e.node = a.entity WHERE a.cable = ?',
    ).all(cable) as Array<{ type: EntityType; surface: string; id: string; name: string }>;
    const at = (r: { type: string; surface: string }): number =>
      first.get(`${r.type}|${r.surface}`) ?? Number.MAX_SAFE_INTEGER;
    assigned.sort((x, y) => at(x) - at(y) || compare(x.surface, y.surface));
    const resolved: CableEntity[] = [];
    for (const r of assigned) {
      let ce = resolved.find((x) => x.id === r.id && x.type === r.type);
      if (!ce) resolved.push((ce = { type: r.type, name: r.name, id: r.id, mentions: [] }));
      ce.mentions.push(r.surface);
    }
    const personNode = (name: string): number => {
      const person = personFor(name, resolved);
      const row = this.entity(person.id);
      if (row) return Number(row.node);
      const node =
        Number(
          this.st(
            'SELECT max(m) FROM (SELECT max(node) AS m FROM entities UNION ALL SELECT max(node) FROM cables UNION ALL SELECT max(node) FROM posts UNION ALL SELECT max(node) FROM tags)',
          )
            .pluck()
            .get() ?? 0,
        ) + 1;
      this.touch(node);
      this.st(
        "INSERT INTO entities (node, id, kind, name, cable_count, first_date, last_date, degree, weighted_degree, pagerank, community, x, y) VALUES (?, ?, 'Person', ?, 0, NULL, NULL, 0, 0, 0, -1, 0, 0)",
      ).run(node, person.id, person.name);
      this.writeNames(node, person.name, [{ text: person.name, count: 1 }], new Set());
      return node;
    };
    const seen = new Set<number>();
    for (const signer of signers) {
      const node = personNode(signer);
      if (seen.has(node)) continue;
      seen.add(node);
      this.st('INSERT INTO signed (person, cable) VALUES (?, ?)').run(node, cable);
      this.edgeDelta.SIGNED += 1;
    }
    if (c.classified_by) {
      this.st('INSERT INTO classified (person, cable, title) VALUES (?, ?, ?)').run(
        personNode(c.classified_by),
        cable,
        c.classified_title,
      );
      this.edgeDelta.CLASSIFIED += 1;
    }
    return previous;
  }

  /** A signer-only person (no mentions) whom no signature names any more goes. */
  private dropUnusedSigner(node: number): void {
    const row = this.st('SELECT cable_count FROM entities WHERE node = ?').get(node) as
      { cable_count: number } | undefined;
    if (!row || row.cable_count > 0) return;
    if (this.st('SELECT 1 FROM assignments WHERE entity = ? LIMIT 1').get(node)) return;
    if (
      this.st(
        'SELECT 1 FROM signed WHERE person = :n UNION ALL SELECT 1 FROM classified WHERE person = :n LIMIT 1',
      ).get({ n: node })
    )
      return;
    this.removeEntity(node);
  }

  /** A cable's mentions in text order, read once per decision after its rows were rewritten. */
  private readonly mentionCache = new Map<number, MentionRow[]>();

  private mentionsOf(cable: number): MentionRow[] {
    let rows = this.mentionCache.get(cable);
    if (!rows)
      this.mentionCache.set(
        cable,
        (rows = this.st(
          'SELECT entity, start, end, paragraph, type, surface, authorship FROM mentions WHERE cable = ? ORDER BY start, end',
        ).all(cable) as MentionRow[]),
      );
    return rows;
  }

  /** A cable's content mentions (not the authorship lines) in text order; `before`: as the table is now, uncached (the state before the decision). */
  private content(cable: number, before = false): ContentMention[] {
    if (before)
      return this.st(
        'SELECT entity, paragraph FROM mentions WHERE cable = ? AND authorship = 0 ORDER BY start, end',
      ).all(cable) as ContentMention[];
    return this.mentionsOf(cable).filter((m) => m.authorship === 0);
  }

  /** Paragraph windows of a cable: entities in order of first content mention, per paragraph. */
  private windows(cable: number, before = false): Map<number, number[]> {
    const windows = new Map<number, number[]>();
    for (const m of this.content(cable, before)) {
      let w = windows.get(m.paragraph);
      if (!w) windows.set(m.paragraph, (w = []));
      if (!w.includes(m.entity)) w.push(m.entity);
    }
    return windows;
  }

  /** Whether a window pairs x and y (within maxEntitiesPerWindow mentions of each other). */
  private pairs(window: readonly number[], x: number, y: number): boolean {
    const i = window.indexOf(x);
    const j = window.indexOf(y);
    return i >= 0 && j >= 0 && Math.abs(i - j) <= this.options.maxEntitiesPerWindow;
  }

  private pairsOf(nodes: readonly number[]): Array<{
    a: number;
    b: number;
    weight: number;
    cable_count: number;
    first_date: string | null;
    last_date: string | null;
  }> {
    return this.st(
      'SELECT a, b, weight, cable_count, first_date, last_date FROM co_mentions WHERE a IN (SELECT value FROM json_each(:n)) UNION SELECT a, b, weight, cable_count, first_date, last_date FROM co_mentions WHERE b IN (SELECT value FROM json_each(:n))',
    ).all({ n: json(nodes) }) as never;
  }

  /** Entity ids by node (edge endpoints are ordered by id). */
  private idOrder(nodes: Iterable<number>): Map<number, string> {
    return new Map(
      (
        this.st('SELECT node, id FROM entities WHERE node IN (SELECT value FROM json_each(?))').all(
          json([...nodes]),
        ) as Array<{ node: number; id: string }>
      ).map((r) => [r.node, r.id]),
    );
  }

  /**
   * Every co-mention of the given entities, from all their cables: a pair exists when some
   * paragraph window pairs it; its counts come from every cable where both appear (the build's rules).
   */
  private computePairs(touched: ReadonlySet<number>): Map<string, PairStats> {
    const cables = this.st(
      'SELECT DISTINCT cable FROM mentions WHERE entity IN (SELECT value FROM json_each(?)) AND authorship = 0 ORDER BY cable',
    )
      .pluck()
      .all(json([...touched])) as number[];
    const stats = new Map<string, PairStats & { exists: boolean; x: number; y: number }>();
    const date = this.st('SELECT date FROM cables WHERE node = ?').pluck();
    for (const cable of cables) {
      const mentions = this.content(cable);
      const paragraphs = new Map<number, Set<number>>();
      const windows = new Map<number, number[]>();
      for (const m of mentions) {
        let p = paragraphs.get(m.entity);
        if (!p) paragraphs.set(m.entity, (p = new Set()));
        p.add(m.paragraph);
        let w = windows.get(m.paragraph);
        if (!w) windows.set(m.paragraph, (w = []));
        if (!w.includes(m.entity)) w.push(m.entity);
      }
      const day = (date.get(cable) as string | null) ?? undefined;
      for (const t of paragraphs.keys()) {
        if (!touched.has(t)) continue;
        for (const [x, px] of paragraphs) {
          if (x === t || (touched.has(x) && x < t)) continue;
          const k = t < x ? `${t}:${x}` : `${x}:${t}`;
          let s = stats.get(k);
          if (!s)
            stats.set(
              k,
              (s = {
                a: 0,
                b: 0,
                x: t,
                y: x,
                cables: 0,
                paragraphs: 0,
                first: undefined,
                last: undefined,
                evidence: [],
                exists: false,
              }),
            );
          const shared = [...paragraphs.get(t)!].filter((p) => px.has(p)).sort((u, v) => u - v);
          s.cables += 1;
          s.paragraphs += shared.length;
          s.evidence.push([cable, shared]);
          if (day) {
            if (s.first === undefined || day < s.first) s.first = day;
            if (s.last === undefined || day > s.last) s.last = day;
          }
          if (!s.exists) for (const p of shared) if (this.pairs(windows.get(p)!, t, x)) s.exists = true;
        }
      }
    }
    const existing = [...stats.values()].filter((s) => s.exists);
    const ids = this.idOrder(existing.flatMap((s) => [s.x, s.y]));
    const out = new Map<string, PairStats>();
    for (const s of existing) {
      const [a, b] = compare(ids.get(s.x)!, ids.get(s.y)!) < 0 ? [s.x, s.y] : [s.y, s.x];
      out.set(`${a}:${b}`, {
        a,
        b,
        cables: s.cables,
        paragraphs: s.paragraphs,
        first: s.first,
        last: s.last,
        evidence: s.evidence,
      });
    }
    return out;
  }

  /** Whether some paragraph window of a cable both mention pairs them: the given cables first, then the others until one does. */
  private pairExists(a: number, b: number, first: readonly number[]): boolean {
    const pairedIn = (cable: number): boolean => {
      for (const window of this.windows(cable).values()) if (this.pairs(window, a, b)) return true;
      return false;
    };
    const shared = new Set(
      this.st(
        'SELECT x.cable FROM cable_entities x JOIN cable_entities y ON y.cable = x.cable AND y.entity = ? WHERE x.entity = ? ORDER BY x.cable',
      )
        .pluck()
        .all(b, a) as number[],
    );
    for (const cable of first) if (shared.has(cable) && pairedIn(cable)) return true;
    const firstSet = new Set(first);
    for (const cable of shared) if (!firstSet.has(cable) && pairedIn(cable)) return true;
    return false;
  }

  /** One pair of (untouched) entities from scratch: its stats when some window pairs it, else undefined. */
  private computePair(a: number, b: number): PairStats | undefined {
    const cables = this.st(
      'SELECT x.cable FROM cable_entities x JOIN cable_entities y ON y.cable = x.cable AND y.entity = ? WHERE x.entity = ? ORDER BY x.cable',
    )
      .pluck()
      .all(b, a) as number[];
    const s: PairStats = { a, b, cables: 0, paragraphs: 0, first: undefined, last: undefined, evidence: [] };
    let exists = false;
    for (const cable of cables) {
      const mentions = this.content(cable);
      const pa = new Set(mentions.filter((m) => m.entity === a).map((m) => m.paragraph));
      const pb = new Set(mentions.filter((m) => m.entity === b).map((m) => m.paragraph));
      if (pa.size === 0 || pb.size === 0) continue;
      const shared = [...pa].filter((p) => pb.has(p)).sort((u, v) => u - v);
      s.cables += 1;
      s.paragraphs += shared.length;
      s.evidence.push([cable, shared]);
      const day = (this.st('SELECT date FROM cables WHERE node = ?').pluck().get(cable) as string | null) ?? undefined;
      if (day) {
        if (s.first === undefined || day < s.first) s.first = day;
        if (s.last === undefined || day > s.last) s.last = day;
      }
      if (!exists && shared.length > 0) {
        const windows = this.windows(cable);
        exists = shared.some((p) => this.pairs(windows.get(p)!, a, b));
      }
    }
    return exists ? s : undefined;
  }

  private insertPair(p: PairStats): void {
    this.st(
      'INSERT INTO co_mentions (a, b, weight, cable_count, paragraph_count, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(p.a, p.b, p.cables + p.paragraphs, p.cables, p.paragraphs, p.first ?? null, p.last ?? null);
    for (const [cable, shared] of p.evidence)
      this.st('INSERT INTO co_mention_evidence (a, b, cable, paragraphs) VALUES (?, ?, ?, ?)').run(
        p.a,
        p.b,
        cable,
        json(shared),
      );
  }

  /**
   * Pairs of untouched entities that a touched cable's windows paired before and not after, or
   * after and not before: in a paragraph naming more than maxEntitiesPerWindow entities, removing
   * or adding one shifts who is within reach of whom.
   */
  private shiftedPairs(
    cables: readonly number[],
    oldWindows: Map<number, Map<number, number[]>>,
    touched: ReadonlySet<number>,
  ): Array<[number, number]> {
    const reach = this.options.maxEntitiesPerWindow;
    const pairsIn = (w: readonly number[]): Set<string> => {
      const out = new Set<string>();
      const list = w.filter((e) => !touched.has(e));
      for (let i = 0; i < w.length; i += 1) {
        for (let j = i + 1; j < w.length && j <= i + reach; j += 1) {
          if (touched.has(w[i]) || touched.has(w[j])) continue;
          out.add(w[i] < w[j] ? `${w[i]}:${w[j]}` : `${w[j]}:${w[i]}`);
        }
      }
      void list;
      return out;
    };
    const found = new Set<string>();
    for (const cable of cables) {
      const before = oldWindows.get(cable)!;
      const after = this.windows(cable);
      for (const p of new Set([...before.keys(), ...after.keys()])) {
        const wb = before.get(p) ?? [];
        const wa = after.get(p) ?? [];
        if (wb.length <= reach + 1 && wa.length <= reach + 1) continue;
        const pb = pairsIn(wb);
        const pa = pairsIn(wa);
        for (const k of pb) if (!pa.has(k)) found.add(k);
        for (const k of pa) if (!pb.has(k)) found.add(k);
      }
    }
    const pairs = [...found].map((k) => k.split(':').map(Number) as [number, number]);
    const ids = this.idOrder(pairs.flat());
    return pairs.map(([x, y]) => (compare(ids.get(x)!, ids.get(y)!) < 0 ? [x, y] : [y, x]));
  }

  /** The counts and stats the build recorded in meta, kept true after the decision (from what it changed: no table is counted). */
  private updateCounts(coMentionDelta: number): void {
    const kindDelta = new Map<string, number>();
    for (const [node, before] of this.kindsBefore) {
      const after =
        (this.st('SELECT kind FROM entities WHERE node = ?').pluck().get(node) as string | undefined) ?? null;
      if (before) kindDelta.set(before, (kindDelta.get(before) ?? 0) - 1);
      if (after) kindDelta.set(after, (kindDelta.get(after) ?? 0) + 1);
    }
    const entityDelta = [...kindDelta.values()].reduce((sum, d) => sum + d, 0);
    const typeDelta: Record<string, number> = { ...this.edgeDelta, CO_MENTIONED: coMentionDelta };
    const counts = this.meta<{
      nodes?: number;
      edges?: number;
      byKind?: Record<string, number>;
      byType?: Record<string, number>;
    }>('counts');
    if (counts) {
      // the relation edges: counted again (their rows were rewritten), the difference to the recorded counts
      for (const [type, count] of Object.entries(relationCounts(this.db)))
        typeDelta[type] = count - (counts.byType?.[type] ?? 0);
      const byKind = { ...(counts.byKind ?? {}) };
      for (const [kind, d] of kindDelta) if (d !== 0) byKind[kind] = (byKind[kind] ?? 0) + d;
      const byType = { ...(counts.byType ?? {}) };
      let edgeDelta = 0;
      for (const [type, d] of Object.entries(typeDelta)) {
        edgeDelta += d;
        if (d !== 0) byType[type] = (byType[type] ?? 0) + d;
      }
      const sortedKeys = (r: Record<string, number>): Record<string, number> =>
        Object.fromEntries(
          Object.entries(r)
            .filter(([, n]) => n !== 0)
            .sort(([x], [y]) => (x < y ? -1 : 1)),
        );
      this.setMeta('counts', {
        ...counts,
        ...(counts.nodes !== undefined ? { nodes: counts.nodes + entityDelta } : {}),
        ...(counts.edges !== undefined ? { edges: counts.edges + edgeDelta } : {}),
        byKind: sortedKeys(byKind),
        byType: sortedKeys(byType),
      });
    }
    // Communities are a metric (a build's): left as they are.
    const stats = this.meta<{ entities?: number; coMentions?: number }>('stats');
    if (stats)
      this.setMeta('stats', {
        ...stats,
        entities: (stats.entities ?? 0) + entityDelta,
        coMentions: (stats.coMentions ?? 0) + coMentionDelta,
      });
  }
}

/**
 * Automatic resolution's entities for the affected assignments (what a build without decisions
 * gives): aliases with their counts, cables in order.
 */
function resolutionOf(
  rows: readonly AssignmentRow[],
  original: readonly Entity[],
  cables: ReadonlyArray<{ id: string }>,
  index: Map<number, number>,
): { entities: Entity[]; perCable: CableEntity[][] } {
  const byId = new Map(original.map((e) => [e.id, { ...e, aliases: [] as Entity['aliases'], cables: [] as string[] }]));
  const perCable: CableEntity[][] = cables.map(() => []);
  for (const r of rows) {
    const e = byId.get(r.auto);
    if (!e) continue;
    const listed = aliasText(r.surface);
    const alias = e.aliases.find((a) => a.text === listed);
    if (alias) alias.count += r.count;
    else e.aliases.push({ text: listed, count: r.count });
    const cable = cables[index.get(r.cable)!].id;
    if (!e.cables.includes(cable)) e.cables.push(cable);
    const list = perCable[index.get(r.cable)!];
    let ce = list.find((x) => x.id === r.auto && x.type === r.type);
    if (!ce) list.push((ce = { type: r.type, name: e.name, id: r.auto, mentions: [] }));
    if (!ce.mentions.includes(r.surface)) ce.mentions.push(r.surface);
  }
  for (const e of byId.values()) {
    e.aliases.sort((x, y) => y.count - x.count || compare(x.text, y.text));
    e.cables.sort(compare);
  }
  return { entities: [...byId.values()].filter((e) => e.cables.length > 0), perCable };
}

/** The graph database as what duplicate suggestions read (entities, co-mention neighbours, country tags, cables). */
export function databaseSuggestSource(db: Database): SuggestSource {
  const neighbours = db
    .prepare(
      'SELECT e.id FROM co_mentions c JOIN entities e ON e.node = c.b WHERE c.a = (SELECT node FROM entities WHERE id = :id) UNION ALL SELECT e.id FROM co_mentions c JOIN entities e ON e.node = c.a WHERE c.b = (SELECT node FROM entities WHERE id = :id)',
    )
    .pluck();
  const countries = db
    .prepare(
      "SELECT DISTINCT t.code FROM cable_entities m JOIN tagged x ON x.cable = m.cable JOIN tags t ON t.node = x.tag WHERE m.entity = (SELECT node FROM entities WHERE id = ?) AND t.tag_kind = 'country'",
    )
    .pluck();
  const cables = db
    .prepare(
      'SELECT c.id FROM cable_entities m JOIN cables c ON c.node = m.cable WHERE m.entity = (SELECT node FROM entities WHERE id = ?)',
    )
    .pluck();
  return {
    forEachEntity: (callback) => {
      for (const r of db
        .prepare('SELECT id, name, kind, cable_count FROM entities ORDER BY node')
        .raw()
        .iterate() as Iterable<[string, string, EntityKind, number]>)
        callback(r[0], r[1], r[2], r[3]);
    },
    neighbours: (id) => new Set(neighbours.all({ id }) as string[]),
    countries: (id) => new Set(countries.all(id) as string[]),
    cables: (id) => new Set(cables.all(id) as string[]),
  };
}
