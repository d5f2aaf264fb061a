// `build --append` in place: one transaction that writes the new cables' rows and rewrites only the rows of the cables, entities and pairs they change.
import type BetterSqlite3 from 'better-sqlite3';
import { CablegraphError } from '../common/diagnostics';
import { EvidenceLog } from '../graph/evidence-log';
import { PairIndex } from '../graph/pair-index';
import { IntList } from '../common/int-list';
import { compileGraph, type CableVisit, type CurateEntities } from '../graph/build';
import type { SortedRecords } from '../graph/record-store';
import type { BuildOptions } from '../graph/types';
import { relationRows } from '../graph/relations';
import { cablesWithRelationsOf, rewriteCableRelations } from '../curate/relations';
import { buildMetaRows, openGraphDb, type BuildDbSummary, type BuildProvenance, type GraphDb } from '../db';
import { writeResolvedRows } from '../db/build';
import { GraphDbWriter, orNull } from '../db/write';
import { RelationRowsWriter } from '../db/write-relations';
import { RESOLVED_TABLES, ResolvedRowsRewriter, resolvedRowsOf } from '../db/rewrite-resolved';
import { directRows } from '../db/write-thread';
import { relationCounts } from '../db/read-relations';
import { isEntityKind, type EdgeAttrs, type NodeAttrs, type NodeMetrics } from '../model';
import { nameWords, refreshWordPostings, storedEntityWords } from '../db/entity-words';
import { upgradeGraphDb } from '../db/open';
import type { StoredCables } from './append-footprint';
import { AppendSteps } from './append-steps';
import * as path from 'path';

/** Meta key set by an in-place append: the metric columns (degree … x, y) are those of the last full build. */
export const METRICS_STALE = 'metrics_stale';

const json = (v: unknown): string => JSON.stringify(v);
const sameSet = (x: ReadonlySet<number>, y: ReadonlySet<number> | undefined): boolean =>
  y !== undefined && x.size === y.size && [...x].every((v) => y.has(v));
const EVIDENCE_BUCKETS = 64;
/** SQLite page cache of an in-place append, in KiB (a reader's is 64 MB). */
const APPEND_CACHE_KIB = 256 * 1024;

/** What appendInPlace did, beside the build summary. */
export interface AppendSummary extends BuildDbSummary {
  /** Cables whose rows were (re)written: new ones, new releases, and old ones whose entities moved. */
  rewrittenCables: number;
  /** Entities whose rows were rewritten, and co-mention pairs rewritten. */
  rewrittenEntities: number;
  rewrittenPairs: number;
  /** Co-mention evidence rows deleted (those of rewritten cables, and of pairs gone) and written. */
  evidenceDeleted: number;
  evidenceWritten: number;
  /** Resolved rows of the old cables rewritten: left as they were, and deleted, updated or inserted (see ResolvedRowsRewriter). */
  resolvedRowsKept: number;
  resolvedRowsWritten: number;
}

/**
 * Appends to the graph database `file`, in place and in one transaction (a failure leaves it as it
 * was): the whole graph is compiled again from `records` (every cable's, in id order: the
 * corpus-wide resolution needs them all), but only the rows that differ from the database are
 * written — the rows of new cables, of old cables whose surface forms resolve to other entities,
 * of the entities of those cables, their co-mentions, and the nodes (posts, tags, cited cables,
 * signers) they bring. Metrics are not recomputed (see METRICS_STALE): a new node takes the
 * position and community of its strongest co-mentioned neighbour.
 */
export function appendInPlace(
  file: string,
  records: SortedRecords,
  stored: StoredCables,
  incoming: ReadonlySet<string>,
  options: BuildOptions,
  provenance: BuildProvenance,
  curate?: CurateEntities,
): AppendSummary {
  const started = Date.now();
  const steps = new AppendSteps();
  steps.step('open');
  const db = openGraphDb(file, { write: true });
  // A larger page cache for the append alone: its rewrites touch index pages all over the per-cable
  // and co-mention tables, and at 64 MB most of them were read again (pread) and spilled to the WAL more than once.
  db.pragma(`cache_size = -${APPEND_CACHE_KIB}`);
  let evidence: EvidenceLog | undefined;
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      upgradeGraphDb(db);
      const run = new AppendRun(db, stored, incoming, steps);
      const summary = run.append(records, options, provenance, curate, () => {
        evidence = new EvidenceLog(
          EVIDENCE_BUCKETS,
          path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.evidence.tmp`),
        );
        return evidence;
      });
      steps.step('commit');
      db.exec('COMMIT');
      steps.step(undefined);
      for (const line of steps.report()) process.stderr.write(`${line}\n`);
      return { ...summary, writeSeconds: (Date.now() - started) / 1000 - summary.graphSeconds };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      if (error instanceof CablegraphError) throw error;
      throw new CablegraphError(
        'GRAPH_WRITE_FAILED',
        `cannot append to ${file}: ${(error as Error).message}; nothing written, the database is as it was`,
        { file, cause: error },
      );
    }
  } finally {
    evidence?.remove();
    db.close();
  }
}

/**
 * Deletes co-mention pairs and all their evidence, given as (a, b) node pairs flat in `pairs`, in
 * the tables' key order: pairs found in discovery order visited the two B-trees at random, a page
 * read for most deletes once the tables outgrow the page cache. Returns the evidence rows deleted.
 */
export function deleteInKeyOrder(db: GraphDb, pairs: IntList): number {
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => i).sort(
    (i, j) => pairs.get(2 * i) - pairs.get(2 * j) || pairs.get(2 * i + 1) - pairs.get(2 * j + 1),
  );
  const pair = db.prepare('DELETE FROM co_mentions WHERE a = ? AND b = ?');
  const evidence = db.prepare('DELETE FROM co_mention_evidence WHERE a = ? AND b = ?');
  let deleted = 0;
  for (const i of order) {
    const a = pairs.get(2 * i);
    const b = pairs.get(2 * i + 1);
    pair.run(a, b);
    deleted += evidence.run(a, b).changes;
  }
  return deleted;
}

/** The per-cable tables whose rows follow from the cable's record alone (its text, paragraphs, routing, tags, references). */
const RECORD_TABLES = ['paragraphs', 'cable_records', 'cable_posts', 'tagged', 'cable_references'];
/** The per-cable edges whose ends follow from resolution (the others are routing, tags and references). */
const RESOLVED_EDGES: ReadonlySet<string> = new Set(['MENTIONS', 'SIGNED', 'CLASSIFIED']);

class AppendRun {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  /** Database node of every id met so far (existing, or given a new number). */
  private readonly nodeOf = new Map<string, number>();
  private nextNode: number;
  /** Ids of entities (and signers) whose rows are rewritten, and the database nodes of the cables rewritten. */
  private readonly touched = new Set<string>();
  private readonly rewritten = new Set<number>();
  private evidenceDeleted = 0;
  private evidenceWritten = 0;
  /**
   * Pairs of entities (ids, in id order) that share a rewritten cable's content, before or after:
   * only these co-mentions can change (any other pair has the same cables, windows and evidence).
   */
  private readonly pairs = new PairIndex();
  /**
   * By pair index, 1 for the pairs whose evidence row in some rewritten cable differs: one of the two entities
   * is in the cable's `changedIn` (its paragraphs there differ before and after). The others have
   * the same row in every cable, so the same counts, and are only checked for being known at all.
   */
  private readonly dirty = new IntList();
  /**
   * Of those, the pairs that shared a paragraph of a rewritten cable before it was rewritten: the
   * only pairs the database can have that the compiled graph may lack (a pair is known from a
   * paragraph window, and every other cable's windows are as they were), so the only ones to delete.
   */
  private readonly sharedBefore = new PairIndex();
  /**
   * Entity ids of the pairs above, interned: the pairs are integer pairs in typed arrays (a Set of
   * one-number keys boxed every key above 2^30, and its adds were most of the pair walk).
   */
  private readonly numberOf = new Map<string, number>();
  private readonly idOf: string[] = [];

  private intern(id: string): number {
    let n = this.numberOf.get(id);
    if (n === undefined) {
      n = this.idOf.length;
      this.numberOf.set(id, n);
      this.idOf.push(id);
    }
    return n;
  }
  /** By rewritten cable id: its content entities whose paragraphs in it differ before and after (all, for a new cable). */
  private readonly changedIn = new Map<string, Set<string>>();

  private addPairs(ids: Iterable<string>, changed: ReadonlySet<string>): void {
    const list = [...new Set(ids)];
    const numbers = list.map((id) => this.intern(id));
    const isChanged = list.map((id) => changed.has(id));
    for (let i = 0; i < list.length; i += 1)
      for (let j = i + 1; j < list.length; j += 1) {
        const index = this.pairs.add(numbers[i], numbers[j]);
        if (index === this.dirty.length) this.dirty.push(0);
        if (isChanged[i] || isChanged[j]) this.dirty.set(index, 1);
      }
  }
  /** Every pair of one paragraph's entities (a superset of its window's pairs: see maxEntitiesPerWindow). */
  private addSharedBefore(ids: ReadonlySet<string>): void {
    const numbers = [...ids].map((id) => this.intern(id));
    for (let i = 0; i < numbers.length; i += 1)
      for (let j = i + 1; j < numbers.length; j += 1) this.sharedBefore.add(numbers[i], numbers[j]);
  }
  private readonly writer: GraphDbWriter;
  private readonly relations: RelationRowsWriter;

  constructor(
    private readonly db: GraphDb,
    private readonly stored: StoredCables,
    private readonly incoming: ReadonlySet<string>,
    private readonly steps: AppendSteps = new AppendSteps(false),
  ) {
    this.nextNode =
      Number(
        db
          .prepare(
            'SELECT max(m) FROM (SELECT max(node) AS m FROM entities UNION ALL SELECT max(node) FROM cables UNION ALL SELECT max(node) FROM posts UNION ALL SELECT max(node) FROM tags)',
          )
          .pluck()
          .get() ?? -1,
      ) + 1;
    this.writer = new GraphDbWriter(db, { transactions: false });
    this.relations = new RelationRowsWriter(db);
    this.resolvedRows = new ResolvedRowsRewriter(db);
  }

  private st(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** The node a row of the database gives this id, undefined when none. */
  private storedNode(id: string): number | undefined {
    return this.st(
      'SELECT node FROM entities WHERE id = :id UNION ALL SELECT node FROM cables WHERE id = :id UNION ALL SELECT node FROM posts WHERE id = :id UNION ALL SELECT node FROM tags WHERE id = :id',
    )
      .pluck()
      .get({ id }) as number | undefined;
  }

  /** The database node of an id: its row's, or a new number. */
  private node(id: string): number {
    let n = this.nodeOf.get(id);
    if (n === undefined) {
      n = this.storedNode(id) ?? this.nextNode++;
      this.nodeOf.set(id, n);
    }
    return n;
  }

  append(
    records: SortedRecords,
    options: BuildOptions,
    provenance: BuildProvenance,
    curate: CurateEntities | undefined,
    evidenceLog: () => EvidenceLog,
  ): Omit<AppendSummary, 'writeSeconds'> {
    const started = Date.now();
    const automaticNames = new Map<string, { type: string; name: string }>();
    // Edges of the cable being visited (the sink runs before the cable's visit), written if the cable is.
    let pending: Array<[string, string, EdgeAttrs]> = [];
    this.steps.step('compileGraph (all)');
    const compiled = compileGraph(
      records,
      { ...options, maxEvidence: Number.MAX_SAFE_INTEGER },
      (_key, source, target, attributes) => pending.push([source, target, attributes]),
      {
        evidenceLog,
        // Only the pairs rewritePairs looks at keep their evidence (all pairs' went to disk and back).
        evidenceFilter: (ids) => {
          const numberAt = Int32Array.from(ids, (id) => this.numberOf.get(id) ?? -1);
          return (x, y) => numberAt[x] >= 0 && numberAt[y] >= 0 && this.pairs.get(numberAt[x], numberAt[y]) >= 0;
        },
        resolved: (entities) => {
          for (const e of entities) automaticNames.set(e.id, { type: e.type, name: e.name });
        },
        cable: (visit) => {
          const edges = pending;
          pending = [];
          if (this.steps.time('compileGraph: mustRewrite', () => this.mustRewrite(visit)))
            this.steps.time('compileGraph: rewriteCable', () => this.rewriteCable(visit, edges));
        },
      },
      curate,
    );
    const graphSeconds = (Date.now() - started) / 1000;
    this.steps.step('touched entities read');

    // The touched entities' rows as they are now (before they are rewritten or removed).
    const storedEntity = this.st('SELECT node, name FROM entities WHERE id = ?');
    const before = new Map<string, { node: number; name: string } | undefined>();
    for (const id of this.touched) before.set(id, storedEntity.get(id) as { node: number; name: string } | undefined);
    // Co-mentions first: a new node is placed by its strongest co-mentioned neighbour.
    this.steps.step('rewritePairs');
    const rewrittenPairs = this.rewritePairs(compiled);
    this.steps.step('node rows');
    // Node rows: the touched entities (and signers), new posts, tags and cited cables, post names.
    const { nodes } = compiled;
    const inGraph = new Set<string>();
    for (let i = 0; i < nodes.length; i += 1) {
      const id = nodes.keys[i];
      const a = nodes.attributes[i];
      inGraph.add(id);
      if (isEntityKind(a.kind)) {
        if (this.touched.has(id)) this.writeEntity(id, a);
      } else if (a.kind === 'Post') {
        const stored = this.st('SELECT node, name FROM posts WHERE id = ?').get(id) as
          { node: number; name: string } | undefined;
        if (!stored) this.writer.post(this.node(id), id, a, this.donor(this.node(id)));
        else if (stored.name !== a.name) this.st('UPDATE posts SET name = ? WHERE node = ?').run(a.name, stored.node);
      } else if (a.kind === 'Tag') {
        if (this.storedNode(id) === undefined) this.writer.tag(this.node(id), id, a, this.donor(this.node(id)));
      } else if (a.kind === 'Cable' && !a.inCorpus) {
        if (this.storedNode(id) === undefined) {
          this.writer.citedCable(this.node(id), id);
          this.writer.cableMetrics(this.node(id), this.donor(this.node(id)));
          // (the full-text index has a row for every cable row, cited ones too: what 'rebuild' makes)
          this.st('INSERT INTO cable_fts (rowid, subject, text) VALUES (?, NULL, NULL)').run(this.node(id));
        }
      }
    }
    this.steps.step('entities gone');
    // Entities no longer in the graph: their rows go (their mentions and edges went with their cables').
    for (const id of this.touched) {
      if (inGraph.has(id)) continue;
      const node = this.storedNode(id);
      if (node !== undefined) this.removeEntityRows(node);
    }
    this.steps.step('word postings');
    refreshWordPostings(this.db, this.changedWords);
    this.steps.step('resolved names');
    // Automatic resolution's names, for what curation recomputes from.
    for (const id of this.touched) {
      this.st('DELETE FROM resolved WHERE id = ?').run(id);
      const e = automaticNames.get(id);
      if (e) this.writer.resolved(id, e.type, e.name);
    }
    this.writer.flush();

    // Relations of other cables read again where an entity they may name came, went or was renamed:
    // a cable not rewritten has the same surfaces on the same entities, and its relation rows read
    // only those entities' ids and names and whether an entity of an owner's name exists (an entity
    // whose counts or aliases alone changed changes none of them).
    this.steps.step('other cables relations');
    const changedNodes: number[] = [];
    const changedNames: string[] = [];
    for (const [id, stored] of before) {
      const i = inGraph.has(id) ? nodes.indexOf(id) : -1;
      const name = i >= 0 ? String(nodes.attributes[i].name) : undefined;
      if (stored !== undefined && name === stored.name) continue;
      if (stored !== undefined) changedNodes.push(stored.node);
      if (name !== undefined) changedNames.push(name);
    }
    const others = cablesWithRelationsOf(this.db, changedNodes, changedNames).filter((c) => !this.rewritten.has(c));
    rewriteCableRelations(this.db, others);

    this.steps.step('counts and meta');
    // Counts and stats as a build writes them; metrics are left as they were.
    const byKind = new Map<string, number>();
    for (const a of nodes.attributes) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
    const byType = new Map(compiled.edgeTypes);
    let edgeCount = compiled.edgeCount;
    for (const [type, count] of Object.entries(relationCounts(this.db))) {
      if (count > 0) byType.set(type, count);
      edgeCount += count;
    }
    const dates = compiled.cableDates.filter((d): d is string => !!d).sort();
    const totals = {
      cables: compiled.cableIds.length,
      entities: [...byKind].reduce((n, [kind, count]) => n + (isEntityKind(kind) ? count : 0), 0),
      nodes: nodes.length,
      edges: edgeCount,
      coMentions: compiled.coMentions.size,
      communities: Number(this.st('SELECT count(DISTINCT community) FROM entities').pluck().get()),
      byKind,
      byType,
      firstDate: dates[0],
      lastDate: dates[dates.length - 1],
    };
    for (const [key, value] of buildMetaRows(options, provenance, totals)) this.writer.meta(key, value);
    this.writer.meta(METRICS_STALE, true);
    this.st('DELETE FROM decisions').run();
    for (const d of options.curation ?? []) this.writer.decision(d.seq, d);
    this.writer.flush();
    return {
      cables: totals.cables,
      nodes: nodes.length,
      edges: edgeCount,
      byKind,
      byType,
      graphSeconds,
      rewrittenCables: this.rewritten.size,
      rewrittenEntities: this.touched.size,
      rewrittenPairs,
      evidenceDeleted: this.evidenceDeleted,
      evidenceWritten: this.evidenceWritten,
      resolvedRowsKept: this.rowsKept,
      resolvedRowsWritten: this.rowsChanged,
    };
  }

  /** Whether a cable's rows change: a new cable, a new release, or surface forms resolving otherwise (their counts too). */
  private mustRewrite(visit: CableVisit): boolean {
    const id = visit.record.cable.id;
    if (!this.stored.has(id)) return true;
    if (this.incoming.has(id) && this.stored.changed(visit.record)) return true;
    const node = this.node(id);
    const rows = this.st(
      'SELECT a.type, a.surface, a.count, a.auto, e.id AS current FROM assignments a LEFT JOIN entities e ON e.node = a.entity WHERE a.cable = ?',
    ).all(node) as Array<{ type: string; surface: string; count: number; auto: string; current: string | null }>;
    const now = new Map<string, string>();
    const current = new Map<string, string>();
    for (const e of visit.current) for (const s of e.mentions) current.set(`${e.type}|${s}`, e.id);
    for (const e of visit.automatic)
      e.mentions.forEach((s, j) =>
        now.set(`${e.type}|${s}`, `${e.counts?.[j] ?? -1}|${e.id}|${current.get(`${e.type}|${s}`) ?? ''}`),
      );
    if (now.size !== rows.length) return true;
    for (const r of rows) {
      const n = now.get(`${r.type}|${r.surface}`);
      if (n === undefined) return true;
      const [count, auto, cur] = n.split('|');
      if ((Number(count) !== -1 && Number(count) !== r.count) || auto !== r.auto || cur !== (r.current ?? ''))
        return true;
    }
    // (signers and classifiers follow from the cable's entities and its record: unchanged too)
    return false;
  }

  /** A cable's rows again: its old ones go, the compiled ones come in with database node numbers. */
  private rewriteCable(visit: CableVisit, edges: Array<[string, string, EdgeAttrs]>): void {
    const id = visit.record.cable.id;
    const node = this.node(id);
    this.rewritten.add(node);
    // what the cable named before: those entities' rows and pairs are rewritten
    for (const id of this.st(
      'SELECT DISTINCT e.id FROM mentions m JOIN entities e ON e.node = m.entity WHERE m.cable = ? UNION SELECT a.auto FROM assignments a WHERE a.cable = ?',
    )
      .pluck()
      .all(node, node) as string[])
      this.touched.add(id);
    // Content entities (not the authorship lines) with their paragraphs, as stored and as compiled.
    const paragraphsBefore = new Map<string, Set<number>>();
    const nodeBefore = new Map<string, number>();
    const windowsBefore = new Map<number, Set<string>>();
    for (const r of this.st(
      'SELECT e.id, e.node, m.paragraph FROM mentions m JOIN entities e ON e.node = m.entity WHERE m.cable = ? AND m.authorship = 0',
    ).all(node) as Array<{ id: string; node: number; paragraph: number }>) {
      nodeBefore.set(r.id, r.node);
      let set = paragraphsBefore.get(r.id);
      if (!set) paragraphsBefore.set(r.id, (set = new Set()));
      set.add(r.paragraph);
      let window = windowsBefore.get(r.paragraph);
      if (!window) windowsBefore.set(r.paragraph, (window = new Set()));
      window.add(r.id);
    }
    for (const window of windowsBefore.values()) this.addSharedBefore(window);
    const paragraphsAfter = new Map<string, Set<number>>();
    for (const m of visit.mentions) {
      if (m.authorship) continue;
      let set = paragraphsAfter.get(m.entity);
      if (!set) paragraphsAfter.set(m.entity, (set = new Set()));
      set.add(m.paragraph);
    }
    // (a cable read again is a new release: its date, hence its pairs' first and last dates, may differ too)
    const release = this.incoming.has(id);
    const changed = new Set<string>();
    for (const [e, set] of paragraphsBefore) if (release || !sameSet(set, paragraphsAfter.get(e))) changed.add(e);
    for (const [e, set] of paragraphsAfter) if (release || !sameSet(set, paragraphsBefore.get(e))) changed.add(e);
    this.changedIn.set(id, changed);
    this.addPairs(paragraphsBefore.keys(), changed);
    this.addPairs(paragraphsAfter.keys(), changed);
    this.steps.time('rewriteCable: evidence deleted', () => this.deleteCableEvidence(node, nodeBefore, changed));
    for (const r of this.st(
      'SELECT e.id FROM signed s JOIN entities e ON e.node = s.person WHERE s.cable = :c UNION SELECT e.id FROM classified k JOIN entities e ON e.node = k.person WHERE k.cable = :c',
    )
      .pluck()
      .all({ c: node }) as string[])
      this.touched.add(r);
    const entityNode = (eid: string): number =>
      visit.entityNode(eid) === undefined ? (undefined as unknown as number) : this.node(eid);
    const mapped: CableVisit = { ...visit, node, entityNode };
    // An old cable read from the database (not again from the input) has the same record, so the
    // same row, text, paragraphs, routing, tags and references: only the rows resolution decides
    // are rewritten (rewriting the rest tokenized its whole text twice for the full-text index).
    if (!this.stored.has(id) || release)
      this.steps.time('rewriteCable: record rows', () => this.rewriteRecordRows(mapped, edges));
    for (const [source, target, attributes] of edges)
      if (RESOLVED_EDGES.has(attributes.type)) this.touched.add(attributes.type === 'MENTIONS' ? target : source);
    if (this.stored.has(id)) {
      // An old cable: its resolved rows as the database holds them, brought to the compiled ones row by row.
      const rows = this.steps.time('rewriteCable: resolved rows made', () =>
        resolvedRowsOf(mapped, edges, (eid) => this.node(eid)),
      );
      this.steps.time('rewriteCable: resolved rows differing written', () => {
        const changes = this.resolvedRows.rewrite(node, rows);
        this.rowsKept += changes.kept;
        this.rowsChanged += changes.updated + changes.deleted + changes.inserted;
      });
      return;
    }
    this.steps.time('rewriteCable: resolved rows written', () => {
      // (a new cable has none: a cited cable's row has no resolved rows)
      for (const table of RESOLVED_TABLES) this.st(`DELETE FROM ${table} WHERE cable = ?`).run(node);
      writeResolvedRows(directRows(this.writer), mapped);
      edges.forEach(([source, target, attributes], position) => {
        if (RESOLVED_EDGES.has(attributes.type))
          this.writer.edge(this.node(source), this.node(target), attributes, position);
      });
      this.relations.write(relationRows(mapped));
      this.writer.flush();
    });
  }

  private readonly resolvedRows: ResolvedRowsRewriter;
  /** Resolved rows of old cables rewritten: left as they were, and deleted, updated or inserted. */
  private rowsKept = 0;
  private rowsChanged = 0;

  /** A new cable's record rows (its row, paragraphs, record, full-text row, routing, tags, references), or a new release's instead of the old. */
  private rewriteRecordRows(visit: CableVisit, edges: ReadonlyArray<[string, string, EdgeAttrs]>): void {
    const { node } = visit;
    const wasCited = this.st('SELECT in_corpus FROM cables WHERE node = ?').pluck().get(node) as number | undefined;
    if (wasCited !== undefined) {
      for (const table of RECORD_TABLES) this.st(`DELETE FROM ${table} WHERE cable = ?`).run(node);
      const old = this.st('SELECT subject, text FROM cables WHERE node = ?').get(node) as {
        subject: string | null;
        text: string | null;
      };
      this.st("INSERT INTO cable_fts (cable_fts, rowid, subject, text) VALUES ('delete', ?, ?, ?)").run(
        node,
        old.subject,
        old.text,
      );
      this.metricsOf.set(
        node,
        this.st('SELECT degree, weighted_degree, pagerank, community, x, y FROM cables WHERE node = ?').get(
          node,
        ) as Record<string, number>,
      );
      this.st('DELETE FROM cables WHERE node = ?').run(node);
    }
    this.writer.cable(node, visit.record);
    this.writer.flush();
    const kept = this.metricsOf.get(node);
    if (kept)
      this.st(
        'UPDATE cables SET degree = ?, weighted_degree = ?, pagerank = ?, community = ?, x = ?, y = ? WHERE node = ?',
      ).run(kept.degree, kept.weighted_degree, kept.pagerank, kept.community, kept.x, kept.y, node);
    const cable = visit.record.cable;
    this.st('INSERT INTO cable_fts (rowid, subject, text) VALUES (?, ?, ?)').run(
      node,
      cable.subject ?? null,
      cable.text,
    );
    edges.forEach(([source, target, attributes], position) => {
      if (!RESOLVED_EDGES.has(attributes.type))
        this.writer.edge(this.node(source), this.node(target), attributes, position);
    });
  }

  private readonly metricsOf = new Map<number, Record<string, number>>();
  /** Words whose entity_words rows the append changed: their word_postings rows are rewritten once the entities are. */
  private readonly changedWords = new Set<string>();

  /** Metrics for a new node: its strongest co-mentioned neighbour's position and community, else nothing. */
  private donor(node: number): NodeMetrics {
    const kept = this.metricsOf.get(node);
    if (kept)
      return {
        degree: kept.degree,
        weightedDegree: kept.weighted_degree,
        pagerank: kept.pagerank,
        community: kept.community,
        x: kept.x,
        y: kept.y,
      };
    const best = this.st(
      `SELECT e.community, e.x, e.y FROM (SELECT b AS other, weight FROM co_mentions WHERE a = :n UNION ALL SELECT a, weight FROM co_mentions WHERE b = :n)
       JOIN entities e ON e.node = other ORDER BY weight DESC, e.id LIMIT 1`,
    ).get({ n: node }) as { community: number; x: number; y: number } | undefined;
    return {
      degree: 0,
      weightedDegree: 0,
      pagerank: 0,
      community: best?.community ?? -1,
      x: best?.x ?? 0,
      y: best?.y ?? 0,
    };
  }

  /** An entity's rows again (name, counts, dates, aliases, search words, full-text row); its metrics stay. */
  private writeEntity(id: string, a: NodeAttrs): void {
    const node = this.node(id);
    if (this.sameEntityRows(node, a)) return;
    const old = this.st('SELECT degree, weighted_degree, pagerank, community, x, y FROM entities WHERE node = ?').get(
      node,
    ) as Record<string, number> | undefined;
    if (old) this.metricsOf.set(node, old);
    this.removeEntityRows(node);
    this.writer.entity(node, id, a, this.donor(node));
    for (const { word, alone } of nameWords([a.label, ...(a.aliases ?? []).map((x) => x.text)])) {
      this.writer.word(word, node, alone ? 1 : 0);
      this.changedWords.add(word);
    }
    this.writer.flush();
    this.st(
      'INSERT INTO entity_fts (rowid, name, aliases) SELECT node, name, (SELECT group_concat(alias, char(10)) FROM (SELECT alias FROM aliases WHERE entity = node ORDER BY position)) FROM entities WHERE node = ?',
    ).run(node);
  }

  /**
   * Whether the entity's row and aliases are already what `a` gives (its search words and full-text
   * row follow from its name and aliases, its metrics stay): most entities of a rewritten cable
   * have the same mentions in every cable, so the same row.
   */
  private sameEntityRows(node: number, a: NodeAttrs): boolean {
    const row = this.st('SELECT kind, name, cable_count, first_date, last_date FROM entities WHERE node = ?')
      .raw()
      .get(node) as unknown[] | undefined;
    if (!row) return false;
    const now = [a.kind, a.name, a.cableCount, orNull(a.firstDate), orNull(a.lastDate)];
    if (row.some((v, i) => v !== now[i])) return false;
    const aliases = (a.aliases ?? []) as Array<{ text: string; count: number }>;
    const stored = this.st('SELECT alias, count, position FROM aliases WHERE entity = ? ORDER BY position')
      .raw()
      .all(node) as Array<[string, number, number]>;
    return (
      stored.length === aliases.length &&
      stored.every(
        ([alias, count, position], i) => alias === aliases[i].text && count === aliases[i].count && position === i,
      )
    );
  }

  private removeEntityRows(node: number): void {
    // entity_words rows go by key (storedEntityWords), read before the entity's name goes.
    const removeWord = this.st('DELETE FROM entity_words WHERE word = ? AND entity = ?');
    for (const word of storedEntityWords((sql) => this.st(sql), node)) {
      removeWord.run(word, node);
      this.changedWords.add(word);
    }
    this.st('DELETE FROM entities WHERE node = ?').run(node);
    this.st('DELETE FROM aliases WHERE entity = ?').run(node);
    this.st('DELETE FROM entity_fts WHERE rowid = ?').run(node);
  }

  /**
   * The cable's evidence rows, by the pairs of its content entities as the database has them
   * (`before`): each pair's row keyed (a, b, cable) with `a` the entity whose id sorts first.
   */
  private deleteCableEvidence(cable: number, before: ReadonlyMap<string, number>, changed: ReadonlySet<string>): void {
    const list = [...before.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const remove = this.st('DELETE FROM co_mention_evidence WHERE a = ? AND b = ? AND cable = ?');
    for (let i = 0; i < list.length; i += 1)
      for (let j = i + 1; j < list.length; j += 1)
        if (changed.has(list[i]) || changed.has(list[j]))
          this.evidenceDeleted += remove.run(before.get(list[i]), before.get(list[j]), cable).changes;
  }

  /**
   * The co-mention pairs that share a rewritten cable (see `pairs`), from the compiled graph. In a
   * pair known before and after, only the evidence rows of rewritten cables where one of its two
   * entities changed (see `dirty`) differ — any other cable has the same entities and paragraphs,
   * and counts towards the same known pairs: its counts and dates are updated and those rows
   * written (the old ones went with their cables, deleteCableEvidence). A pair new to the graph is
   * written whole — old cables count towards it too, once a window of a rewritten cable makes it
   * known — and a pair gone goes whole.
   */
  private rewritePairs(compiled: ReturnType<typeof compileGraph>): number {
    const entityIds = compiled.entities.map((e) => e.id);
    const cableNode = (i: number): number => this.node(compiled.cableIds[i]);
    // By cable index: the entities whose evidence rows in it are rewritten (undefined: none, the cable's rows stay).
    const changedAt = compiled.cableIds.map((id) => this.changedIn.get(id));
    const known = this.st('SELECT 1 FROM co_mentions WHERE a = ? AND b = ?').pluck();
    const update = this.st(
      'UPDATE co_mentions SET weight = ?, cable_count = ?, paragraph_count = ?, first_date = ?, last_date = ? WHERE a = ? AND b = ?',
    );
    // By compiled entity index: its interned number (-1: in no rewritten cable, so in no pair to look at).
    const numberAt = entityIds.map((id) => this.numberOf.get(id) ?? -1);
    // By pair index: 1 when the compiled graph has the pair.
    const seen = new Uint8Array(this.pairs.length);
    let written = 0;
    this.steps.step('rewritePairs: walk');
    for (const row of compiled.coMentions.pairRows()) {
      const p = numberAt[row.a];
      const q = numberAt[row.b];
      if (p < 0 || q < 0) continue;
      const index = this.pairs.get(p, q);
      if (index < 0) continue;
      const x = entityIds[row.a];
      const y = entityIds[row.b];
      seen[index] = 1;
      const a = this.node(x);
      const b = this.node(y);
      const dirty = this.dirty.get(index) === 1;
      // (a clean pair has the same rows, if it was known before: a window of a rewritten cable may make it known now)
      if (!dirty && known.get(a, b) !== undefined) continue;
      const first = row.first >= 0 ? (compiled.cableDates[row.first] ?? null) : null;
      const last = row.last >= 0 ? (compiled.cableDates[row.last] ?? null) : null;
      const existed =
        dirty &&
        update.run(row.cableCount + row.paragraphCount, row.cableCount, row.paragraphCount, first, last, a, b).changes >
          0;
      if (!existed)
        this.writer.coMention(a, b, row.cableCount, row.paragraphCount, first ?? undefined, last ?? undefined);
      for (const e of row.evidence) {
        if (existed) {
          const changed = changedAt[e.cable];
          if (!changed || (!changed.has(x) && !changed.has(y))) continue;
        }
        this.writer.evidence(a, b, cableNode(e.cable), json([...e.paragraphs]));
        this.evidenceWritten += 1;
      }
      written += 1;
    }
    this.steps.step('rewritePairs: flush');
    this.writer.flush();
    this.steps.step('rewritePairs: gone');
    // Pairs gone: known before (from a window of a rewritten cable, see sharedBefore), not compiled now.
    const gone = new IntList();
    for (let i = 0; i < this.sharedBefore.length; i += 1) {
      const [p, q] = [this.sharedBefore.low(i), this.sharedBefore.high(i)];
      if (seen[this.pairs.get(p, q)] === 1) continue;
      // (a pair's row has `a` the entity whose id sorts first)
      const [x, y] = [this.idOf[p], this.idOf[q]].sort((u, v) => (u < v ? -1 : u > v ? 1 : 0));
      const a = this.nodeOf.get(x) ?? this.storedNode(x);
      const b = this.nodeOf.get(y) ?? this.storedNode(y);
      if (a === undefined || b === undefined) continue;
      gone.push(a);
      gone.push(b);
    }
    this.steps.step('rewritePairs: gone: delete');
    this.evidenceDeleted += deleteInKeyOrder(this.db, gone);
    this.steps.step('rewritePairs (rest)');
    return written;
  }
}
