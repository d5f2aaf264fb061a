// Row writers of the graph database: one prepared statement per table, rows in batched transactions.
import type { CableRecord, CableVersion } from '../graph/types';
import type { ResolvedMention } from '../graph/build';
import type Database from 'better-sqlite3';
import type { GraphDb } from './open';
import type { EdgeAttrs, NodeAttrs, NodeMetrics } from '../model';

/** Rows per transaction during the bulk load. */
const BATCH_ROWS = 50_000;
/** Rows per INSERT statement for the big tables: one call into SQLite per 64 rows, not per row (~2× faster). */
const ROWS_PER_STATEMENT = 64;

/**
 * Inserts rows into one table through a multi-row INSERT: values are buffered and sent
 * ROWS_PER_STATEMENT rows at a time; `flush` sends what is left (with a one-row statement).
 */
class BatchedInsert {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly values: unknown[] = [];

  constructor(db: GraphDb, table: string, columns: readonly string[]) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    const into = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(into + Array(ROWS_PER_STATEMENT).fill(row).join(', '));
    this.one = db.prepare(into + row);
    this.width = columns.length;
  }

  private readonly width: number;

  /** Adds one row (its values in column order). */
  add(...row: unknown[]): void {
    for (const value of row) this.values.push(value);
    if (this.values.length === this.width * ROWS_PER_STATEMENT) {
      this.many.run(this.values);
      this.values.length = 0;
    }
  }

  flush(): void {
    for (let at = 0; at < this.values.length; at += this.width) this.one.run(this.values.slice(at, at + this.width));
    this.values.length = 0;
  }
}

const json = (value: unknown): string => JSON.stringify(value);

/** A JSON array of integers (what JSON.stringify makes of them), from any array-like. */
export function intList(values: ArrayLike<number>): string {
  let out = '[';
  for (let i = 0; i < values.length; i += 1) out += i === 0 ? `${values[i]}` : `,${values[i]}`;
  return `${out}]`;
}

/**
 * Co-mention pairs with their evidence as integers: the rows of many `coMention` and `evidence`
 * calls in one (a full corpus has tens of millions of them; one message each to the writer
 * thread costs more than the insert).
 */
export interface CoMentionBlock {
  /** Per pair: the ends' node positions, the cable and paragraph counts, the first and last dated cable (cable index, -1 none), its evidence entries. */
  a: Int32Array;
  b: Int32Array;
  cableCount: Int32Array;
  paragraphCount: Int32Array;
  first: Int32Array;
  last: Int32Array;
  evidenceCount: Int32Array;
  /** Per evidence entry, pair by pair in cable order: the cable's node position and its number of shared paragraphs. */
  cable: Int32Array;
  paragraphs: Int32Array;
  /** The shared paragraphs of every entry, one after the other. */
  shared: Int32Array;
}
/**
 * One cable's rows as a build sends them to the writer thread, as strings and integer columns
 * rather than an object per row: the record as the JSON the record spool keeps (parsed here, on
 * the writer's thread), its resolved mentions, its surface forms' assignments and its MENTIONS
 * edges. Structured cloning an object per row was a fifth of the main thread's per-cable pass.
 */
export interface CableRowsBlock {
  node: number;
  /** `JSON.stringify` of the record's cable (text included) and of its mentions. */
  cableJson: string;
  mentionsJson: string;
  versions: CableVersion[];
  /** Per resolved mention, by start: start, end, paragraph, authorship (0/1), entity node. */
  mentions: Int32Array;
  /** Per resolved mention: its type and surface. */
  mentionStrings: string[];
  /** Per assignment: type, surface, normalized surface, automatic entity id. */
  assignmentStrings: string[];
  /** Per assignment: the count, the current entity's node (-1: none). */
  assignmentInts: Int32Array;
  /** Per MENTIONS edge: entity node, count, position, paragraph count, offset count. */
  edges: Int32Array;
  /** The MENTIONS edges' paragraphs then offsets, edge after edge. */
  edgeValues: Int32Array;
}

/** A value as SQLite stores it: undefined as NULL. */
export const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const bit = (value: boolean | undefined): number => (value ? 1 : 0);

/** A cable's rows that follow from resolution, each table's columns after `cable` (what mentionValues and the others give, in order). */
export const MENTION_COLUMNS = ['start', 'end', 'type', 'surface', 'paragraph', 'authorship', 'entity'];
export const ASSIGNMENT_COLUMNS = ['type', 'surface', 'norm', 'count', 'auto', 'entity'];
export const CABLE_ENTITY_COLUMNS = ['entity', 'count', 'paragraphs', 'offsets', 'position'];

/** A mentions row's values after its cable, as they are stored. */
export function mentionValues(m: ResolvedMention, entity: number): unknown[] {
  return [m.start, m.end, m.type, m.surface, m.paragraph, bit(m.authorship), entity];
}

/** A MENTIONS edge's cable_entities row after its cable, as it is stored. */
export function cableEntityValues(entity: number, attributes: EdgeAttrs, position: number): unknown[] {
  const { count, paragraphs, offsets } = attributes as { count: number; paragraphs: number[]; offsets: number[] };
  return [entity, count, json(paragraphs), json(offsets), position];
}

/** The cable as cable_records.parsed keeps it: without its text (cables.text). */
export function parsedJson(cable: CableRecord['cable']): string {
  return JSON.stringify({ ...cable, text: undefined });
}

/**
 * Writes the rows of a graph database being built: each method is one row (or the rows of one
 * thing), the statements prepared once, transactions committed every BATCH_ROWS rows.
 */
export class GraphDbWriter {
  private rows = 0;
  private readonly insert;
  /** The tables with millions of rows, written through multi-row INSERTs. */
  private readonly bulk;

  /**
   * `transactions: false` leaves the transactions to the caller (an append writes in one); the
   * rows still go through the batched INSERTs, sent by `flush`.
   */
  constructor(
    private readonly db: GraphDb,
    private readonly options: { transactions: boolean } = { transactions: true },
  ) {
    const p = (sql: string) => db.prepare(sql);
    const b = (table: string, columns: string[]) => new BatchedInsert(db, table, columns);
    this.bulk = {
      paragraph: b('paragraphs', [
        'cable',
        'position',
        'number',
        'start',
        'end',
        'classification',
        'is_summary',
        'is_comment',
      ]),
      mention: b('mentions', ['cable', ...MENTION_COLUMNS]),
      assignment: b('assignments', ['cable', ...ASSIGNMENT_COLUMNS]),
      cableEntity: b('cable_entities', ['cable', ...CABLE_ENTITY_COLUMNS]),
      word: b('entity_words', ['word', 'entity', 'alone']),
      coMention: b('co_mentions', ['a', 'b', 'weight', 'cable_count', 'paragraph_count', 'first_date', 'last_date']),
      evidence: b('co_mention_evidence', ['a', 'b', 'cable', 'paragraphs']),
    };
    this.insert = {
      meta: p('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      cable:
        p(`INSERT INTO cables (node, id, in_corpus, date, created, released, classification, caveats, origin, subject, paragraph_count, versions, signers, classified_by, classified_title, text,
        degree, weighted_degree, pagerank, community, x, y) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)`),
      citedCable: p(
        `INSERT INTO cables (node, id, in_corpus, degree, weighted_degree, pagerank, community, x, y) VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0)`,
      ),
      cableMetrics: p(
        'UPDATE cables SET degree = ?, weighted_degree = ?, pagerank = ?, community = ?, x = ?, y = ? WHERE node = ?',
      ),
      record: p('INSERT INTO cable_records (cable, parsed, mentions, versions) VALUES (?, ?, ?, ?)'),
      entity: p(
        `INSERT INTO entities (node, id, kind, name, cable_count, first_date, last_date, degree, weighted_degree, pagerank, community, x, y) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      alias: p('INSERT INTO aliases (entity, alias, count, position) VALUES (?, ?, ?, ?)'),
      post: p(
        'INSERT INTO posts (node, id, name, degree, weighted_degree, pagerank, community, x, y) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      tag: p(
        'INSERT INTO tags (node, id, code, tag_kind, name, degree, weighted_degree, pagerank, community, x, y) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      signed: p('INSERT INTO signed (person, cable) VALUES (?, ?)'),
      classified: p('INSERT INTO classified (person, cable, title) VALUES (?, ?, ?)'),
      cablePost: p('INSERT INTO cable_posts (cable, role, post, precedence) VALUES (?, ?, ?, ?)'),
      tagged: p('INSERT INTO tagged (cable, tag) VALUES (?, ?)'),
      reference: p('INSERT INTO cable_references (cable, cited) VALUES (?, ?)'),
      resolved: p('INSERT INTO resolved (id, type, name) VALUES (?, ?, ?)'),
      decision: p('INSERT INTO decisions (seq, decision) VALUES (?, ?)'),
      wordPosting: p('INSERT INTO word_postings (word, entries) VALUES (?, ?)'),
    };
    if (options.transactions) db.exec('BEGIN');
  }

  /** Counts rows and commits every BATCH_ROWS. */
  private tick(rows = 1): void {
    this.rows += rows;
    if (this.rows >= BATCH_ROWS && this.options.transactions) this.commit();
  }

  /** Sends the rows buffered for the multi-row INSERTs (before reading them back). */
  flush(): void {
    for (const table of Object.values(this.bulk)) table.flush();
  }

  /** Commits what is written so far and opens the next transaction. */
  commit(): void {
    for (const table of Object.values(this.bulk)) table.flush();
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
    this.rows = 0;
  }

  /** Ends the last transaction. */
  close(): void {
    for (const table of Object.values(this.bulk)) table.flush();
    this.db.exec('COMMIT');
  }

  meta(key: string, value: unknown): void {
    this.insert.meta.run(key, json(value));
  }

  /** A cable of the corpus: its row (metrics come later, see cableMetrics), paragraphs and record. */
  cable(node: number, record: CableRecord): void {
    this.cableRow(node, record.cable, json(record.mentions), record.versions);
  }

  /** A cable's rows sent as one block (see CableRowsBlock): the same rows as cable, mention, assignment and edge (MENTIONS). */
  cableRows(block: CableRowsBlock): void {
    const { node, mentions, mentionStrings, assignmentStrings, assignmentInts, edges, edgeValues } = block;
    this.cableRow(node, JSON.parse(block.cableJson) as CableRecord['cable'], block.mentionsJson, block.versions);
    for (let k = 0, at = 0; at < mentions.length; k += 2, at += 5) {
      const m = mentions;
      this.bulk.mention.add(
        node,
        m[at],
        m[at + 1],
        mentionStrings[k],
        mentionStrings[k + 1],
        m[at + 2],
        m[at + 3],
        m[at + 4],
      );
    }
    for (let at = 0, v = 0; at < edges.length; at += 5) {
      const paragraphs = edges[at + 3];
      const offsets = edges[at + 4];
      this.bulk.cableEntity.add(
        node,
        edges[at],
        edges[at + 1],
        intList(edgeValues.subarray(v, v + paragraphs)),
        intList(edgeValues.subarray(v + paragraphs, v + paragraphs + offsets)),
        edges[at + 2],
      );
      v += paragraphs + offsets;
    }
    for (let k = 0, at = 0; at < assignmentInts.length; k += 4, at += 2) {
      const entity = assignmentInts[at + 1];
      this.bulk.assignment.add(
        node,
        assignmentStrings[k],
        assignmentStrings[k + 1],
        assignmentStrings[k + 2],
        assignmentInts[at],
        assignmentStrings[k + 3],
        entity < 0 ? null : entity,
      );
    }
    this.tick((mentions.length + edges.length) / 5 + assignmentInts.length / 2);
  }

  private cableRow(node: number, c: CableRecord['cable'], mentionsJson: string, versions: CableVersion[]): void {
    this.insert.cable.run(
      node,
      c.id,
      orNull(c.created?.slice(0, 10)),
      orNull(c.created),
      orNull(c.released),
      orNull(c.classification),
      c.caveats.length > 0 ? json(c.caveats) : null,
      orNull(c.origin),
      orNull(c.subject),
      c.paragraphs.length,
      versions.length,
      json(c.signers),
      orNull(c.classifiedBy?.name),
      orNull(c.classifiedBy?.title),
      c.text,
    );
    c.paragraphs.forEach((p, i) =>
      this.bulk.paragraph.add(
        node,
        i,
        p.number ?? i + 1,
        p.start,
        p.end,
        orNull(p.classification),
        bit(p.isSummary),
        bit(p.isComment),
      ),
    );
    this.insert.record.run(node, parsedJson(c), mentionsJson, json(versions));
    this.tick(2 + c.paragraphs.length);
  }

  mention(cable: number, m: ResolvedMention, entity: number): void {
    this.bulk.mention.add(cable, ...mentionValues(m, entity));
    this.tick();
  }

  assignment(
    cable: number,
    type: string,
    surface: string,
    norm: string,
    count: number,
    auto: string,
    entity: number | null,
  ): void {
    this.bulk.assignment.add(cable, type, surface, norm, count, auto, entity);
    this.tick();
  }

  /** A per-cable edge (MENTIONS, SIGNED, CLASSIFIED, FROM, TO, INFO, TAGGED, REFERENCES) between node positions. */
  edge(source: number, target: number, attributes: EdgeAttrs, position: number): void {
    switch (attributes.type) {
      case 'MENTIONS':
        this.bulk.cableEntity.add(source, ...cableEntityValues(target, attributes, position));
        break;
      case 'SIGNED':
        this.insert.signed.run(source, target);
        break;
      case 'CLASSIFIED':
        this.insert.classified.run(source, target, orNull(attributes.title));
        break;
      case 'FROM':
      case 'TO':
      case 'INFO':
        this.insert.cablePost.run(source, attributes.type, target, orNull(attributes.precedence));
        break;
      case 'TAGGED':
        this.insert.tagged.run(source, target);
        break;
      case 'REFERENCES':
        this.insert.reference.run(source, target);
        break;
      default:
        throw new Error(`no table for edges of type ${String(attributes.type)}`);
    }
    this.tick();
  }

  cableMetrics(node: number, m: NodeMetrics): void {
    this.insert.cableMetrics.run(m.degree, m.weightedDegree, m.pagerank, m.community, m.x, m.y, node);
    this.tick();
  }

  /** A cable cited but not in the corpus: its row (metrics come later, see cableMetrics). */
  citedCable(node: number, id: string): void {
    this.insert.citedCable.run(node, id);
    this.tick();
  }

  /** An entity node with its aliases (in their order). */
  entity(node: number, id: string, a: NodeAttrs, m: NodeMetrics): void {
    this.insert.entity.run(
      node,
      id,
      a.kind,
      a.name,
      a.cableCount,
      orNull(a.firstDate),
      orNull(a.lastDate),
      m.degree,
      m.weightedDegree,
      m.pagerank,
      m.community,
      m.x,
      m.y,
    );
    const aliases = a.aliases as Array<{ text: string; count: number }>;
    aliases.forEach((alias, i) => this.insert.alias.run(node, alias.text, alias.count, i));
    this.tick(1 + aliases.length);
  }

  /** A search word of an entity; `alone` (1) when one of its names is that word alone (nameWords). */
  word(word: string, entity: number, alone: number): void {
    this.bulk.word.add(word, entity, alone);
    this.tick();
  }

  post(node: number, id: string, a: NodeAttrs, m: NodeMetrics): void {
    this.insert.post.run(node, id, a.name, m.degree, m.weightedDegree, m.pagerank, m.community, m.x, m.y);
    this.tick();
  }

  tag(node: number, id: string, a: NodeAttrs, m: NodeMetrics): void {
    this.insert.tag.run(
      node,
      id,
      a.code,
      a.tagKind,
      orNull(a.name),
      m.degree,
      m.weightedDegree,
      m.pagerank,
      m.community,
      m.x,
      m.y,
    );
    this.tick();
  }

  coMention(
    a: number,
    b: number,
    cableCount: number,
    paragraphCount: number,
    firstDate: string | undefined,
    lastDate: string | undefined,
  ): void {
    this.bulk.coMention.add(
      a,
      b,
      cableCount + paragraphCount,
      cableCount,
      paragraphCount,
      orNull(firstDate),
      orNull(lastDate),
    );
    this.tick();
  }

  evidence(a: number, b: number, cable: number, paragraphs: string): void {
    this.bulk.evidence.add(a, b, cable, paragraphs);
    this.tick();
  }

  /** The dates of the cables by index (`coMentionBlock` names the first and last cable of a pair by index). */
  cableDates(dates: ReadonlyArray<string | null>): void {
    this.dates = dates;
  }

  private dates: ReadonlyArray<string | null> = [];

  /** The rows of `coMention` and `evidence` for a block of pairs, in the same order. */
  coMentionBlock(block: CoMentionBlock): void {
    const { a, b, cableCount, paragraphCount, first, last, evidenceCount, cable, paragraphs, shared } = block;
    let entry = 0;
    let at = 0;
    for (let k = 0; k < a.length; k += 1) {
      this.bulk.coMention.add(
        a[k],
        b[k],
        cableCount[k] + paragraphCount[k],
        cableCount[k],
        paragraphCount[k],
        first[k] >= 0 ? (this.dates[first[k]] ?? null) : null,
        last[k] >= 0 ? (this.dates[last[k]] ?? null) : null,
      );
      this.tick();
      for (let end = entry + evidenceCount[k]; entry < end; entry += 1) {
        const n = paragraphs[entry];
        this.bulk.evidence.add(a[k], b[k], cable[entry], intList(shared.subarray(at, at + n)));
        at += n;
        this.tick();
      }
    }
  }

  resolved(id: string, type: string, name: string): void {
    this.insert.resolved.run(id, type, name);
    this.tick();
  }

  decision(seq: number, decision: unknown): void {
    this.insert.decision.run(seq, json(decision));
    this.tick();
  }

  /** A word's row of word_postings (packEntries; a Buffer sent to the write thread arrives as a Uint8Array). */
  wordPosting(word: string, entries: Uint8Array): void {
    this.insert.wordPosting.run(word, Buffer.from(entries.buffer, entries.byteOffset, entries.byteLength));
    this.tick();
  }
}
