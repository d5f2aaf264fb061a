// Builds the graph of sorted cable records straight into a graph database file, rows written as the graph is made.
import * as fs from 'fs';
import * as path from 'path';
import Database from 'better-sqlite3';
import { CablegraphError } from '../common/diagnostics';
import { traceMemory } from '../common/trace-memory';
import { compileGraph, type CableVisit, type CurateEntities } from '../graph/build';
import { EvidenceLog } from '../graph/evidence-log';
import { metricsAside } from '../graph/metrics';
import type { CoMentionRow } from '../graph/co-mentions';
import { IntList } from '../common/int-list';
import type { SortedRecords } from '../graph/record-store';
import { type BuildOptions } from '../graph/types';
import { normalizeName } from '../resolve';
import { nameWords, packEntries } from './entity-words';
import { buildMetaRows } from './build-meta';
import { GRAPH_DB_FORMAT, GRAPH_DB_VERSION } from './open';
import { GraphDbWriteThread, type RowSink } from './write-thread';
import type { CableRowsBlock, CoMentionBlock } from './write';
import { isEntityKind, type EdgeAttrs } from '../model';
import { relationRows } from '../graph/relations';

/** What a build records about itself in the meta table, beside its options. */
export interface BuildProvenance {
  /** The extractor that found the mentions (builtin, tagger, annotated, corenlp), and its options. */
  extractor: string;
  extractorOptions?: Record<string, unknown>;
  /** sha256 of the curation file applied, when there was one. */
  curationHash?: string;
  /** The inputs of every build and --append that made the file, in order. */
  inputs: string[];
}

export interface BuildDbSummary {
  cables: number;
  nodes: number;
  edges: number;
  byKind: Map<string, number>;
  byType: Map<string, number>;
  /** Seconds resolving and building the graph (per-cable rows written meanwhile); then the metrics (the layout on a worker thread, beside the co-mentions), the nodes and the indexes. */
  graphSeconds: number;
  writeSeconds: number;
}

/** Buckets of the co-mention evidence on disk (see EvidenceLog): read back a sixty-fourth at a time. */
const EVIDENCE_BUCKETS = 64;
/** SQLite's page cache (KiB) in the writer thread while rows are appended, and while the indexes are built. */
const LOAD_CACHE_KIB = 64 * 1024;
const INDEX_CACHE_KIB = 256 * 1024;
/** Helper threads SQLite may use to sort an index being built. */
const SORT_THREADS = 2;
/** Rows of each index ANALYZE reads (PRAGMA analysis_limit). */
const ANALYSIS_ROWS = 2000;

/** Rows (pairs and evidence entries) per block of co-mentions sent to the writer. */
const BLOCK_ROWS = 4096;

/** Collects co-mention pairs (CoMentions.pairRows) into CoMentionBlocks. */
class CoMentionBlockBuilder {
  private readonly pairs = {
    a: new IntList(),
    b: new IntList(),
    cc: new IntList(),
    pc: new IntList(),
    first: new IntList(),
    last: new IntList(),
    evidence: new IntList(),
  };
  private readonly entries = { cable: new IntList(), paragraphs: new IntList(), shared: new IntList() };
  rows = 0;

  /** @param cableNodes the node position of cable 0 (cables follow the entities) */
  constructor(private readonly cableNodes: number) {}

  add(row: CoMentionRow): void {
    const p = this.pairs;
    p.a.push(row.a);
    p.b.push(row.b);
    p.cc.push(row.cableCount);
    p.pc.push(row.paragraphCount);
    p.first.push(row.first);
    p.last.push(row.last);
    p.evidence.push(row.evidence.length);
    for (const e of row.evidence) {
      this.entries.cable.push(this.cableNodes + e.cable);
      this.entries.paragraphs.push(e.paragraphs.length);
      for (let i = 0; i < e.paragraphs.length; i += 1) this.entries.shared.push(e.paragraphs[i]);
    }
    this.rows += 1 + row.evidence.length;
  }

  /** The block so far (copied out), and a new one started. */
  take(): CoMentionBlock {
    const p = this.pairs;
    const e = this.entries;
    const block: CoMentionBlock = {
      a: p.a.view().slice(),
      b: p.b.view().slice(),
      cableCount: p.cc.view().slice(),
      paragraphCount: p.pc.view().slice(),
      first: p.first.view().slice(),
      last: p.last.view().slice(),
      evidenceCount: p.evidence.view().slice(),
      cable: e.cable.view().slice(),
      paragraphs: e.paragraphs.view().slice(),
      shared: e.shared.view().slice(),
    };
    for (const list of [...Object.values(p), ...Object.values(e)]) list.length = 0;
    this.rows = 0;
    return block;
  }
}

/**
 * A cable's surface forms as the `assignments` table keeps them: type, surface, the count
 * resolution gave it (what curation replays; the text's occurrences when absent), the entity
 * automatic resolution made it (id) and the node of the one it belongs to now (null: none).
 */
function forEachAssignment(
  visit: CableVisit,
  callback: (type: string, surface: string, count: number, auto: string, now: number | null) => void,
): void {
  const counts = new Map<string, number>();
  for (const m of visit.record.mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const current = new Map<string, string>();
  for (const e of visit.current) for (const surface of e.mentions) current.set(`${e.type}|${surface}`, e.id);
  for (const e of visit.automatic) {
    for (const [j, surface] of e.mentions.entries()) {
      const now = current.get(`${e.type}|${surface}`);
      callback(
        e.type,
        surface,
        e.counts?.[j] ?? counts.get(surface) ?? 1,
        e.id,
        now === undefined ? null : visit.entityNode(now),
      );
    }
  }
}

/** The rows of one cable written one by one: the cable (text, paragraphs, record), its resolved mentions, its surface forms' assignments. */
export function writeCable(rows: RowSink, visit: CableVisit): void {
  rows.row('cable', visit.node, visit.record);
  writeResolvedRows(rows, visit);
}

/** A cable's rows that follow from its resolved entities: its mentions and its surface forms' assignments. */
export function writeResolvedRows(rows: RowSink, visit: CableVisit): void {
  const { node, entityNode } = visit;
  for (const m of visit.mentions) rows.row('mention', node, m, entityNode(m.entity));
  forEachAssignment(visit, (type, surface, count, auto, now) =>
    rows.row('assignment', node, type, surface, normalizeName(surface), count, auto, now),
  );
}

/**
 * Collects one cable's rows for the writer thread as a CableRowsBlock: its MENTIONS edges as the
 * per-cable pass makes them (`edge`), then the rest from the cable's visit (`take`).
 */
export class CableRowsBuilder {
  private readonly edges = new IntList(256);
  private readonly edgeValues = new IntList(4096);

  /** A MENTIONS edge of the cable being visited (its `position` among the cable's edges). */
  edge(entity: number, attributes: EdgeAttrs, position: number): void {
    const { count, paragraphs, offsets } = attributes as { count: number; paragraphs: number[]; offsets: number[] };
    this.edges.push(entity);
    this.edges.push(count);
    this.edges.push(position);
    this.edges.push(paragraphs.length);
    this.edges.push(offsets.length);
    for (const p of paragraphs) this.edgeValues.push(p);
    for (const o of offsets) this.edgeValues.push(o);
  }

  /** The cable's block (`json`: its record as JSON) and the rows it holds; the builder starts over. */
  take(visit: CableVisit, json: { cable: string; mentions: string }): { block: CableRowsBlock; rows: number } {
    const mentions = new Int32Array(5 * visit.mentions.length);
    const mentionStrings: string[] = [];
    visit.mentions.forEach((m, k) => {
      mentions[5 * k] = m.start;
      mentions[5 * k + 1] = m.end;
      mentions[5 * k + 2] = m.paragraph;
      mentions[5 * k + 3] = m.authorship ? 1 : 0;
      mentions[5 * k + 4] = visit.entityNode(m.entity);
      mentionStrings.push(m.type, m.surface);
    });
    const assignmentStrings: string[] = [];
    const assignmentInts: number[] = [];
    forEachAssignment(visit, (type, surface, count, auto, now) => {
      assignmentStrings.push(type, surface, normalizeName(surface), auto);
      assignmentInts.push(count, now ?? -1);
    });
    const block: CableRowsBlock = {
      node: visit.node,
      cableJson: json.cable,
      mentionsJson: json.mentions,
      versions: visit.record.versions,
      mentions,
      mentionStrings,
      assignmentStrings,
      assignmentInts: Int32Array.from(assignmentInts),
      edges: this.edges.view().slice(),
      edgeValues: this.edgeValues.view().slice(),
    };
    const rows =
      2 +
      visit.record.cable.paragraphs.length +
      visit.mentions.length +
      assignmentInts.length / 2 +
      this.edges.length / 5;
    this.edges.length = 0;
    this.edgeValues.length = 0;
    return { block, rows };
  }
}

/**
 * Before a new database replaces `file`: the old one's WAL files (`-wal`, `-shm`) are named after
 * the path, so a new file renamed over an old one still open elsewhere (a viewer, a curation)
 * would meet that process's WAL — corruption. The old file is checkpointed and switched out of WAL
 * mode, which SQLite allows only when no other connection has it open: then its WAL files are
 * gone. When another process has it open, a clear error, and nothing is replaced.
 */
function releaseOldFile(file: string): void {
  const wal = [`${file}-wal`, `${file}-shm`];
  if (!fs.existsSync(file) || !wal.some((f) => fs.existsSync(f))) return;
  let old: Database.Database | undefined;
  try {
    old = new Database(file, { fileMustExist: true, timeout: 0 });
    old.pragma('wal_checkpoint(TRUNCATE)');
    const mode = old.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error('still in WAL mode'), { code: 'SQLITE_BUSY' });
  } catch (error) {
    const code = String((error as { code?: string }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new CablegraphError(
        'GRAPH_IN_USE',
        `${file} is open in another process (cablegraph serve or a curation?): stop it before rebuilding this file, or build to another file`,
        { file, cause: error },
      );
    }
    // Not a database we can open (damaged, foreign): its stray WAL files cannot be anyone's live log.
    for (const f of wal) fs.rmSync(f, { force: true });
  } finally {
    old?.close();
  }
}

/**
 * Builds the graph of `records` (cable-id order) into a new graph database at `file`: per-cable
 * rows (cables, paragraphs, records, mentions, assignments, MENTIONS and the other per-cable edges)
 * go in as compileGraph makes them; then the metrics, the nodes with them, the co-mentions with
 * all their evidence (read back from disk one bucket at a time), and last the indexes and full-text
 * indexes. Written under a temporary name and renamed: a failed build leaves the old file as it was.
 */
export async function buildGraphDb(
  file: string,
  records: SortedRecords,
  options: BuildOptions,
  provenance: BuildProvenance,
  curate?: CurateEntities,
): Promise<BuildDbSummary> {
  const started = Date.now();
  const directory = path.dirname(path.resolve(file));
  const scratch = (what: string): string => path.join(directory, `.${path.basename(file)}.${process.pid}.${what}.tmp`);
  const temporary = scratch('db');
  let evidence: EvidenceLog | undefined;
  // SQLite's work runs on its own thread, beside resolution, the per-cable pass and the metrics.
  const rows = new GraphDbWriteThread(temporary);
  // Appending rows needs few pages cached: a small cache during the load, the big one for the index builds' sorts.
  rows.send(['pragma', `cache_size = -${LOAD_CACHE_KIB}`]);
  const stopLayout = new AbortController();
  let closed = false;
  try {
    // Every cable's evidence goes to the database; the graph's capped lists are made from it on reading.
    const compileOptions: BuildOptions = { ...options, maxEvidence: Number.MAX_SAFE_INTEGER };
    let position = 0;
    let currentCable = -1;
    const cableRows = new CableRowsBuilder();
    const compiled = compileGraph(
      records,
      compileOptions,
      (_key, _source, _target, attributes, sourceNode, targetNode) => {
        const cable = attributes.type === 'SIGNED' || attributes.type === 'CLASSIFIED' ? targetNode : sourceNode;
        if (cable !== currentCable) {
          currentCable = cable;
          position = 0;
        }
        // A cable's MENTIONS edges go with its other rows in one block; its other edges (a few) one by one.
        if (attributes.type === 'MENTIONS') cableRows.edge(targetNode, attributes, position++);
        else rows.row('edge', sourceNode, targetNode, attributes, position++);
      },
      {
        evidenceLog: () => (evidence = new EvidenceLog(EVIDENCE_BUCKETS, scratch('evidence'))),
        resolved: (entities) => {
          for (const e of entities) rows.row('resolved', e.id, e.type, e.name);
        },
        cable: (visit) => {
          const json = records.json?.(visit.index) ?? {
            cable: JSON.stringify(visit.record.cable),
            mentions: JSON.stringify(visit.record.mentions),
          };
          const { block, rows: count } = cableRows.take(visit, json);
          rows.rows(count, 'cableRows', block);
          rows.send(['relations', relationRows(visit)]);
        },
      },
      curate,
    );
    // The entity list (each entity's cables and forms: hundreds of MB at full-corpus scale) is not
    // read after the compile; the node table keeps what the entities' rows need.
    const entityCount = compiled.entities.length;
    compiled.entities = [];
    traceMemory('graph compiled, per-cable rows written');
    // Degrees, communities and PageRank now; the layout on a worker thread while this one sends
    // the co-mentions (which do not need the metrics).
    const writeStarted = Date.now();
    const metricsReady = metricsAside(compiled.metricsInput, options, stopLayout.signal);
    metricsReady.catch(() => undefined); // a failure surfaces where it is awaited
    const { nodes } = compiled;
    // Cited cables now, their metrics with the others' below: every cables row is in before the
    // cables' full-text index is made.
    for (let i = 0; i < nodes.length; i += 1) {
      const a = nodes.attributes[i];
      if (a.kind === 'Cable' && !a.inCorpus) rows.row('citedCable', i, nodes.keys[i]);
    }
    // The pairs and their evidence go to the writer in blocks of typed arrays, not a message per row.
    rows.row(
      'cableDates',
      compiled.cableDates.map((d) => d ?? null),
    );
    const block = new CoMentionBlockBuilder(entityCount);
    for (const row of compiled.coMentions.pairRows()) {
      block.add(row);
      if (block.rows >= BLOCK_ROWS) rows.rows(block.rows, 'coMentionBlock', block.take());
    }
    if (block.rows > 0) rows.rows(block.rows, 'coMentionBlock', block.take());
    rows.row('commit');
    traceMemory('co-mentions sent to the writer');

    const metrics = await metricsReady;
    const byKind = new Map<string, number>();
    const words: Array<[string, number, number]> = [];
    const communities = new Set<number>();
    let cables = 0;
    let entities = 0;
    let firstDate: string | undefined;
    let lastDate: string | undefined;
    for (let i = 0; i < nodes.length; i += 1) {
      const key = nodes.keys[i];
      const a = nodes.attributes[i];
      const m = metrics(i);
      const kind = a.kind;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      if (isEntityKind(kind)) {
        rows.row('entity', i, key, a, m);
        entities += 1;
        communities.add(m.community);
        for (const { word, alone } of nameWords([a.label, ...(a.aliases ?? []).map((x) => x.text)]))
          words.push([word, i, alone ? 1 : 0]);
      } else if (kind === 'Cable') {
        rows.row('cableMetrics', i, m);
        if (a.inCorpus) {
          cables += 1;
          const date = a.date;
          if (date && (!firstDate || date < firstDate)) firstDate = date;
          if (date && (!lastDate || date > lastDate)) lastDate = date;
        }
      } else if (kind === 'Post') rows.row('post', i, key, a, m);
      else if (kind === 'Tag') rows.row('tag', i, key, a, m);
      else throw new Error(`no table for nodes of kind ${String(kind)}`);
    }
    words.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
    for (const [word, entity, alone] of words) rows.row('word', word, entity, alone);
    for (let first = 0; first < words.length;) {
      let end = first + 1;
      while (end < words.length && words[end][0] === words[first][0]) end += 1;
      rows.row('wordPosting', words[first][0], packEntries(words.slice(first, end).map((w) => w[1] * 2 + w[2])));
      first = end;
    }
    words.length = 0;
    rows.row('commit');
    traceMemory('nodes sent to the writer');
    // The indexes last, once every row is sent: the writer builds them (sorting with helper
    // threads) while nothing is left for this thread to make — before, the node rows waited
    // behind the per-cable tables' indexes, and this thread with them.
    rows.send(['pragma', `cache_size = -${INDEX_CACHE_KIB}`]);
    rows.send(['pragma', `threads = ${SORT_THREADS}`]);
    rows.send(['indexEdges']);

    const byType = compiled.edgeTypes;
    // the relation edges (aggregated from the rows just written) count among the graph's edges
    let edgeCount = compiled.edgeCount;
    const relations = (await rows.ask(['relationCounts'])) as Record<string, number>;
    for (const [type, count] of Object.entries(relations)) {
      if (count > 0) byType.set(type, count);
      edgeCount += count;
    }
    rows.row('meta', 'format', GRAPH_DB_FORMAT);
    rows.row('meta', 'version', GRAPH_DB_VERSION);
    const totals = {
      cables,
      entities,
      nodes: nodes.length,
      edges: edgeCount,
      coMentions: compiled.coMentions.size,
      communities: communities.size,
      byKind,
      byType,
      firstDate,
      lastDate,
    };
    for (const [key, value] of buildMetaRows(options, provenance, totals)) rows.row('meta', key, value);
    for (const d of options.curation ?? []) rows.row('decision', d.seq, d);
    rows.row('close');
    // ANALYZE samples each index (statistics for the planner from the first rows of each: full
    // statistics scanned every index again, ~15 % of the build's index stage at 10,000 cables).
    rows.send(['pragma', `analysis_limit = ${ANALYSIS_ROWS}`]);
    rows.send(['finish']);
    await rows.close();
    closed = true;
    traceMemory('indexes built');
    releaseOldFile(file);
    fs.renameSync(temporary, file);
    return {
      cables,
      nodes: nodes.length,
      edges: edgeCount,
      byKind,
      byType,
      graphSeconds: (writeStarted - started) / 1000,
      writeSeconds: (Date.now() - writeStarted) / 1000,
    };
  } catch (error) {
    stopLayout.abort();
    if (!closed) await rows.abandon();
    fs.rmSync(temporary, { force: true });
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(temporary + suffix, { force: true });
    if (error instanceof CablegraphError) throw error;
    throw new CablegraphError('GRAPH_WRITE_FAILED', `cannot write ${file}: ${(error as Error).message}`, {
      file,
      cause: error,
    });
  } finally {
    evidence?.remove();
  }
}
