// store/neo4j: what a load writes — a graph (in memory or streamed from its file) as numbered batches.
import { createHash } from 'crypto';
import * as fs from 'fs';
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { CablegraphError } from '../../common/diagnostics';
import { type CableRecord } from '../../graph/types';
import type { CoMentionLists, GraphDbReader } from '../../db/read';
import { isEntityKind, type EdgeStatement } from '../../model';
import { text } from '../../common/text';
import {
  relationshipProperties,
  STATEMENT_LABEL,
  statementProperties,
  storedEndpoints,
  toNeo4jProperties,
  type Props,
  type Scalar,
} from '../../model/neo4j-shape';

export { relationshipProperties, storedEndpoints, toNeo4jProperties, type Props, type Scalar };

/** One edge of a load source, as the graph file stores it. */
export interface SourceEdge {
  key: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: Attributes;
}

/**
 * What a load reads: the nodes (in memory, a few hundred thousand at full-corpus scale), the edges
 * and the cable records as iterators (tens of millions of edges: read once, never held), and an id
 * of the content (the checkpoint key a resumed load finds again).
 */
export interface LoadSource {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /**
   * Node keys and attributes in a fixed order, kind by kind (kinds sorted): a kind's nodes are
   * written as they come, never all held (a database source reads them from its file).
   */
  nodes(): Iterable<[string, Attributes]>;
  /** The kind (label) of the node with this key; undefined when the source has no such node. */
  nodeKind(key: string): string | undefined;
  /** The node kinds there are. */
  nodeKinds(): string[];
  /**
   * `coMentionLists`: which co-mentions need their LATE_PROPERTIES (all, none, or those of the cable
   * counts a function accepts); a source that can skip reading the others' does, and the planner
   * drops them anyway.
   */
  edges(options?: { coMentionLists?: CoMentionLists }): Iterable<SourceEdge> | AsyncIterable<SourceEdge>;
  /** Cable records whose texts are loaded (none: cables without text). */
  records(): Iterable<CableRecord> | AsyncIterable<CableRecord>;
  /** Records to expect (for the progress total only). */
  readonly recordCount: number;
  /**
   * The statements cut roles and affiliations leave out of their lists (EdgeStatement), written as
   * (:Statement) nodes; none when the source has none (a graph without its relation rows).
   */
  statements(): Iterable<EdgeStatement>;
  /** Statements to expect (for the progress total only). */
  readonly statementCount: number;
  loadId(): Promise<string>;
}

/**
 * A graphology graph (tests, curation sync) as a load source; `statements`, the middle statements of
 * its cut edges, come from the relation rows the graph was built from (a graph holds only its lists).
 */
export function graphSource(
  graph: Graph,
  records: readonly CableRecord[] = [],
  statements: readonly EdgeStatement[] = [],
): LoadSource {
  return {
    nodeCount: graph.order,
    edgeCount: graph.size,
    recordCount: records.length,
    statementCount: statements.length,
    statements: () => statements,
    *nodes() {
      const byKind = new Map<string, string[]>();
      graph.forEachNode((node, attributes) => {
        const kind = kindOf(attributes, 'node', node);
        let keys = byKind.get(kind);
        if (!keys) byKind.set(kind, (keys = []));
        keys.push(node);
      });
      for (const [, keys] of [...byKind].sort(([a], [b]) => a.localeCompare(b)))
        for (const key of keys) yield [key, graph.getNodeAttributes(key)];
    },
    nodeKind: (key) => (graph.hasNode(key) ? kindOf(graph.getNodeAttributes(key), 'node', key) : undefined),
    nodeKinds: () => [...new Set(graph.mapNodes((key, attributes) => kindOf(attributes, 'node', key)))],
    *edges() {
      for (const { edge, source, target, undirected, attributes } of graph.edgeEntries())
        yield { key: edge, source, target, undirected, attributes };
    },
    records: () => records,
    // Loading the texts (or the statements) too is another load (the graph alone may have been loaded before).
    loadId: async () =>
      `${graphLoadId(graph)}${records.length > 0 ? `-t${records.length}` : ''}${statements.length > 0 ? `-s${statementsHash(statements)}` : ''}`,
  };
}

/**
 * A graph database read the streaming way: the nodes' kinds in memory (the reader may be opened
 * without their attributes), their attributes, the edges and the records read from the database
 * in batches (one pass each). Its id is a hash of the file's bytes: the same build gives the same
 * file, so the same graph resumes the same checkpoint, and a curated or appended graph is another
 * load.
 */
export function dbSource(reader: GraphDbReader, options: { texts: boolean }): LoadSource {
  return {
    nodeCount: reader.nodeCount,
    edgeCount: reader.meta.counts.edges,
    recordCount: options.texts ? reader.meta.counts.cables : 0,
    statementCount: reader.statementCount,
    statements: () => reader.statements(),
    nodes: () => reader.nodesByKind(),
    nodeKind: (key) => reader.kindOf(key),
    nodeKinds: () => reader.kinds(),
    edges: (options) => reader.edges(options),
    records: () => (options.texts ? reader.records() : []),
    loadId: async () => `f${(await fileHash(reader.file)).slice(0, 16)}${options.texts ? '-texts' : ''}`,
  };
}

async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 22 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A content hash of a graphology graph: the same graph always resumes the same checkpoint. */
export function graphLoadId(graph: Graph): string {
  const hash = createHash('sha1');
  graph.forEachNode((key, attributes) => hash.update(`n\u0000${key}\u0000${JSON.stringify(attributes)}\n`));
  graph.forEachEdge((_key, attributes, source, target) =>
    hash.update(`e\u0000${source}\u0000${target}\u0000${JSON.stringify(attributes)}\n`),
  );
  return hash.digest('hex').slice(0, 16);
}

function statementsHash(statements: readonly EdgeStatement[]): string {
  const hash = createHash('sha1');
  for (const s of statements) hash.update(`${JSON.stringify(s)}\n`);
  return hash.digest('hex').slice(0, 8);
}

const NAME = /^[A-Z][A-Za-z0-9_]*$/;

export const kindOf = (attributes: Record<string, unknown>, what: string, key: string): string => {
  const kind = text(attributes.kind ?? attributes.type);
  if (!NAME.test(kind))
    throw new CablegraphError('GRAPH_INVALID', `${what} ${key} has no usable kind/type (${JSON.stringify(kind)})`);
  return kind;
};

/**
 * How batches write: `create` (a database that held no cablegraph data: nothing to match, so
 * nodes and relationships are CREATEd — MERGE would scan the relationships of every dense node)
 * or `merge` (idempotent upserts into a database that already has data).
 */
export type WriteMode = 'create' | 'merge';

export type Phase = 'nodes' | 'texts' | 'relationships' | 'evidence' | 'statements';

/**
 * Properties a load writes in a last pass of their own: the co-mentions' cable and evidence lists
 * (and whether they were capped),
 * most of the bytes of a load (a hundred cable ids and a JSON evidence list per pair). The graph is
 * complete and browsable — every node, relationship, weight and count — before they arrive; only the
 * lists behind a link come last.
 */
export const LATE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  CO_MENTIONED: ['cables', 'evidence', 'evidenceTruncated'],
};

/**
 * Co-mentions of at most this many cables carry their lists with their relationships; only the
 * others' come in the last phase. Finding a relationship again and updating it costs about as much
 * as the rows' bytes, and most pairs are of one or two cables: at 10,000 cables 86% of the pairs
 * have at most 4, holding 37% of the evidence entries. So the last phase has a seventh of the rows
 * and most of the bytes (the hubs' lists), and the graph is browsable — with the evidence of most
 * links — before it.
 */
export const DEFAULT_LATE_ABOVE = 4;

/** Whether a co-mention of this many cables has its lists in the last phase (the one rule both passes ask). */
const listsLate = (cableCount: number, lateAbove: number): boolean => !(cableCount <= lateAbove);

/** Whether an edge's LATE_PROPERTIES go in the last phase: a co-mention of more than `lateAbove` cables (or of no count). */
function goesLate(type: string, attributes: Attributes, lateAbove: number): boolean {
  if (!LATE_PROPERTIES[type]) return false;
  const cables: unknown = attributes.cableCount;
  return typeof cables !== 'number' || listsLate(cables, lateAbove);
}

/**
 * Where the rows whose LATE_PROPERTIES come last are: on a relationship batch, `first` is its first
 * row in its shape's rows and `rows` the indexes of those rows within it; on a late batch, `first`
 * is the first row of the relationship batch its rows came from (a multiple of the batch size) and
 * `from` how many of that batch's late rows came before them.
 */
export interface LatePlace {
  shape: string;
  first: number;
  rows?: Int32Array;
  from?: number;
}

export interface Batch {
  /** Position in the load's fixed batch order: the checkpoint records committed indexes. */
  index: number;
  phase: Phase;
  /** The batch's statement in each mode (a batch only partly committed is redone with `merge`). */
  cypher: Record<WriteMode, string>;
  /**
   * Relationship and evidence batches: the same statements with the endpoints found by their
   * internal node ids (rows [sourceId, targetId, ...values]: a NodeByIdSeek each instead of an index
   * seek on a string key). The loader uses them once it knows every node's id.
   */
  cypherById?: Record<WriteMode, string>;
  /** Rows as arrays (lean Bolt parameters): nodes [id, props], relationships [source, target, ...values]. */
  rows: unknown[][];
  /**
   * Relationships whose LATE_PROPERTIES come in the evidence phase, and those late properties: the
   * batch's place in its shape's rows (`shape`, `first`: every relationship batch of a shape but the
   * last holds batchSize rows, in the same order in both passes, so a late batch — late rows of one
   * relationship batch, in its order, cut at LATE_BATCH_BYTES — knows which relationship batch its
   * rows came from, and how many of its late rows came before). A relationship batch's
   * `cypherReturningIds` also returns the ids of the relationships it wrote, in row order (the
   * loader keeps those of its late rows); a late batch's `cypherByRelationshipId` finds them by
   * those ids (rows [relationship, sourceId, targetId, ...values]), a DirectedRelationshipByIdSeek
   * where the pair of ends needs an Expand(Into) over the smaller end's relationships.
   */
  late?: LatePlace;
  cypherReturningIds?: Record<WriteMode, string>;
  cypherByRelationshipId?: string;
}

/**
 * A relationship batch: rows [source, target, ...values] in the order of the batch's property
 * keys, which the statement names (`{count: row[2], …}`): a Bolt map per row would repeat every
 * key string, and encoding parameters is a good part of the client's work. A missing value is
 * null (CREATE skips it; SET r = {…} removes it). Batches are grouped by shape (type, source label,
 * target label).
 */
function relationshipBatch(
  index: number,
  shape: string,
  buffered: Array<[string, string, Props, boolean]>,
  first: number,
): Batch {
  const [type, sourceKind, targetKind] = shape.split('|') as [string, string, string];
  // The rows whose late properties come last: without them here (CREATE leaves them unset, a merge's
  // SET r = {…} removes an older load's until the evidence phase sets them).
  const lateRows: number[] = [];
  buffered.forEach(([, , props, late], i) => {
    if (!late) return;
    lateRows.push(i);
    for (const key of LATE_PROPERTIES[type] ?? []) delete props[key];
  });
  const keys = [...new Set(buffered.flatMap(([, , props]) => Object.keys(props)))].sort();
  const map = `{${keys.map((key, i) => `\`${key.replace(/`/g, '``')}\`: row[${i + 2}]`).join(', ')}}`;
  const rows = buffered.map(([s, t, props]) => [s, t, ...keys.map((key) => props[key] ?? null)]);
  const statements = (match: string): Record<WriteMode, string> => ({
    create: `${match} CREATE (a)-[r:${type} ${map}]->(b)`,
    merge: `${match} MERGE (a)-[r:${type}${mergeKey(type, keys)}]->(b) SET r = ${map}`,
  });
  const byId = statements(MATCH_BY_ID);
  return {
    index,
    phase: 'relationships',
    cypher: statements(matchByKey(sourceKind, targetKind)),
    cypherById: byId,
    rows,
    ...(lateRows.length > 0
      ? {
          late: { shape, first, rows: Int32Array.from(lateRows) },
          // One record, the ids in row order (UNWIND keeps its order through the seeks and the write).
          cypherReturningIds: {
            create: `${byId.create} RETURN collect(id(r)) AS ids`,
            merge: `${byId.merge} RETURN collect(id(r)) AS ids`,
          },
        }
      : {}),
  };
}

/**
 * Relationship types that two nodes can have more than once, and the property that tells them
 * apart (a person holds several titles of one country; two people meet in several cables): MERGE
 * matches on it, or a second one would overwrite the first.
 */
/** Relationship types of which two nodes can have several, told apart by this property. */
export const RELATIONSHIP_KEYS: Readonly<Record<string, string>> = { HOLDS_ROLE: 'title', MET: 'cable' };
function mergeKey(type: string, keys: string[]): string {
  const key = RELATIONSHIP_KEYS[type];
  const i = key === undefined ? -1 : keys.indexOf(key);
  return i < 0 ? '' : ` {\`${key}\`: row[${i + 2}]}`;
}

/**
 * A batch of late properties (LATE_PROPERTIES) for relationships already written: rows [source,
 * target, ...values]. The relationship is found from both ends (Expand(Into) walks the smaller
 * side's relationships of that type).
 */
function lateBatch(index: number, shape: string, rows: unknown[][], first: number, from: number): Batch {
  const [type, sourceKind, targetKind] = shape.split('|') as [string, string, string];
  const keys = LATE_PROPERTIES[type];
  const set = (offset: number): string => keys.map((key, i) => `r.\`${key}\` = row[${i + offset}]`).join(', ');
  const byKey = `${matchByKey(sourceKind, targetKind)} MATCH (a)-[r:${type}]->(b) SET ${set(2)}`;
  const byId = `${MATCH_BY_ID} MATCH (a)-[r:${type}]->(b) SET ${set(2)}`;
  // The ends are checked, and the rows set counted (the loader expects all of them): a relationship
  // id that is not the row's relationship any more is an error, never a list on the wrong pair.
  const byRelationshipId =
    `UNWIND $rows AS row MATCH ()-[r:${type}]->() WHERE id(r) = row[0] ` +
    `WITH r, row WHERE id(startNode(r)) = row[1] AND id(endNode(r)) = row[2] SET ${set(3)} RETURN count(r) AS set`;
  return {
    index,
    phase: 'evidence',
    cypher: { create: byKey, merge: byKey },
    cypherById: { create: byId, merge: byId },
    cypherByRelationshipId: byRelationshipId,
    late: { shape, first, from },
    rows,
  };
}

/** A row's two endpoints by their keys (two index seeks on the labels' uniqueness constraints). */
const matchByKey = (sourceKind: string, targetKind: string): string =>
  `UNWIND $rows AS row MATCH (a:${sourceKind} {id: row[0]}) MATCH (b:${targetKind} {id: row[1]})`;

/**
 * A row's two endpoints by their internal ids (NodeByIdSeek, PROFILEd in the README: no index
 * lookup, no lock on a unique index entry). `id()` is deprecated in Neo4j 5 in favour of
 * `elementId()`, whose seek (NodeByElementIdSeek) timed the same here, but an id is a Bolt integer of
 * a few bytes where an element id is a 40-character string; ids are read right after the nodes phase
 * and only used within that load.
 */
const MATCH_BY_ID = 'UNWIND $rows AS row MATCH (a) WHERE id(a) = row[0] MATCH (b) WHERE id(b) = row[1]';

const nodeCypher = (kind: string): Record<WriteMode, string> => {
  const extra = isEntityKind(kind) ? ', n:Entity' : '';
  // SET n = props: the node mirrors the graph exactly (stale properties removed), whatever ran before.
  return {
    create: `UNWIND $rows AS row CREATE (n:${kind}) SET n = row[1], n.id = row[0]${extra}`,
    merge: `UNWIND $rows AS row MERGE (n:${kind} {id: row[0]}) SET n = row[1], n.id = row[0]${extra}`,
  };
};

const TEXT_CYPHER =
  'UNWIND $rows AS row MATCH (c:Cable {id: row[0]}) SET c.text = row[1], c.paragraphNumbers = row[2], c.paragraphStarts = row[3], c.paragraphEnds = row[4]';

/**
 * The middle statements of cut edges, rows [edge, seq, props]: CREATEd into a database that held no
 * cablegraph data, else MERGEd on their key (the edge's id and the position; cypher/schema.cypher's
 * statement_key constraint) with their properties set to the graph's.
 */
const STATEMENT_CYPHER: Record<WriteMode, string> = {
  create: `UNWIND $rows AS row CREATE (s:${STATEMENT_LABEL}) SET s = row[2]`,
  merge: `UNWIND $rows AS row MERGE (s:${STATEMENT_LABEL} {edge: row[0], seq: row[1]}) SET s = row[2]`,
};

/** Text batches are a tenth of the others: their rows are whole cables. */
export const textBatchSize = (batchSize: number): number => Math.max(1, Math.floor(batchSize / 10));

/** About how many batches a source makes (exact for nodes; relationships add one per shape at most). */
export function estimateBatches(source: LoadSource, batchSize: number): number {
  // Late properties: at most one more batch per edge batch (co-mentions are most of the edges).
  return (
    Math.ceil(source.nodeCount / batchSize) +
    Math.ceil(source.recordCount / textBatchSize(batchSize)) +
    2 * Math.ceil(source.edgeCount / batchSize) +
    Math.ceil(source.statementCount / batchSize)
  );
}

/**
 * A source as batches, in a fixed order that a resumed load finds again: nodes by label (sorted),
 * then cable texts (after the nodes, whose SET n = props clears them), then relationships as the
 * edges stream — one buffer per shape, emitted when full, the part-filled ones at the end in shape
 * order — the co-mentions of more than `lateAbove` cables (DEFAULT_LATE_ABOVE) without their late
 * properties, then those (LATE_PROPERTIES) in a second pass over the edges, buffered the same way
 * (`evidenceLast: false`: every one with its relationship, one pass), and last
 * the middle statements of cut roles and affiliations as (:Statement) nodes. Memory: the nodes plus
 * one buffer per shape.
 */
export async function* planBatches(
  source: LoadSource,
  batchSize: number,
  options: { evidenceLast?: boolean; lateAbove?: number } = {},
): AsyncGenerator<Batch> {
  const evidenceLast = options.evidenceLast ?? true;
  const lateAbove = options.lateAbove ?? DEFAULT_LATE_ABOVE;
  if (!(lateAbove >= 0)) throw new CablegraphError('BAD_OPTION', `lateAbove must be a cable count (${lateAbove})`);
  let index = 0;
  // Nodes come kind by kind: a batch is written as soon as it is full, none held beyond it.
  let kind: string | undefined;
  let nodes: unknown[][] = [];
  const kinds = new Set<string>();
  const nodeBatch = (): Batch => ({ index: index++, phase: 'nodes', cypher: nodeCypher(kind!), rows: nodes });
  for (const [key, attributes] of source.nodes()) {
    const nodeKind = kindOf(attributes, 'node', key);
    if (nodeKind !== kind) {
      if (nodes.length > 0) yield nodeBatch();
      nodes = [];
      if (kinds.has(nodeKind) || (kind !== undefined && nodeKind.localeCompare(kind) < 0))
        throw new CablegraphError('GRAPH_INVALID', `the load source gives its nodes out of kind order (${nodeKind})`);
      kinds.add(nodeKind);
      kind = nodeKind;
    }
    nodes.push([key, toNeo4jProperties(attributes)]);
    if (nodes.length >= batchSize) {
      yield nodeBatch();
      nodes = [];
    }
  }
  if (nodes.length > 0) yield nodeBatch();

  const textCypher = { create: TEXT_CYPHER, merge: TEXT_CYPHER };
  const textSize = textBatchSize(batchSize);
  let texts: unknown[][] = [];
  for await (const { cable } of source.records()) {
    if (!source.nodeKind(cable.id)) continue;
    texts.push([
      cable.id,
      cable.text,
      cable.paragraphs.map((p, k) => p.number ?? k + 1),
      cable.paragraphs.map((p) => p.start),
      cable.paragraphs.map((p) => p.end),
    ]);
    if (texts.length >= textSize) {
      yield { index: index++, phase: 'texts', cypher: textCypher, rows: texts };
      texts = [];
    }
  }
  if (texts.length > 0) yield { index: index++, phase: 'texts', cypher: textCypher, rows: texts };

  const buffers = new Map<string, Array<[string, string, Props, boolean]>>();
  const written = new Map<string, number>();
  const emit = (shape: string, rows: Array<[string, string, Props, boolean]>): Batch => {
    const first = written.get(shape) ?? 0;
    written.set(shape, first + rows.length);
    return relationshipBatch(index++, shape, rows, first);
  };
  // (the source reads only the lists that go out in this pass)
  const coMentionLists = evidenceLast ? (cableCount: number) => !listsLate(cableCount, lateAbove) : true;
  for await (const edge of source.edges({ coMentionLists })) {
    const type = kindOf(edge.attributes, 'edge', edge.key);
    const [s, t] = storedEndpoints(edge.source, edge.target, edge.undirected);
    const shape = `${type}|${endpointKind(source, s, edge.key)}|${endpointKind(source, t, edge.key)}`;
    let rows = buffers.get(shape);
    if (!rows) buffers.set(shape, (rows = []));
    const late = evidenceLast && goesLate(type, edge.attributes, lateAbove);
    rows.push([s, t, relationshipProperties(edge.attributes, s, t), late]);
    if (rows.length >= batchSize) {
      buffers.set(shape, []);
      yield emit(shape, rows);
    }
  }
  for (const [shape, rows] of [...buffers].sort(([a], [b]) => a.localeCompare(b))) {
    if (rows.length > 0) yield emit(shape, rows);
  }
  buffers.clear();
  if (evidenceLast) yield* lateBatches(source, batchSize, lateAbove, () => index++);
  yield* statementBatches(source, batchSize, () => index++);
}

/** The middle statements of cut edges (LoadSource.statements), in the source's order. */
function* statementBatches(source: LoadSource, batchSize: number, next: () => number): Generator<Batch> {
  let rows: unknown[][] = [];
  for (const s of source.statements()) {
    rows.push([s.edge, s.seq, statementProperties(s)]);
    if (rows.length >= batchSize) {
      yield { index: next(), phase: 'statements', cypher: STATEMENT_CYPHER, rows };
      rows = [];
    }
  }
  if (rows.length > 0) yield { index: next(), phase: 'statements', cypher: STATEMENT_CYPHER, rows };
}

/**
 * About how many bytes a late batch's rows may hold before it goes out (the strings' lengths, the
 * heap holds about twice that): a pair of hub entities carries up to maxEvidence cable ids and its
 * evidence, so at full-corpus scale 10,000 such rows are ~70 MB, and a buffer fills per shape.
 */
export const LATE_BATCH_BYTES = 4 * 2 ** 20;

/** The string bytes of a row's values (what a late batch's size is counted in). */
function rowBytes(row: unknown[]): number {
  let bytes = 0;
  for (const value of row)
    if (typeof value === 'string') bytes += value.length;
    else if (Array.isArray(value)) for (const v of value) bytes += typeof v === 'string' ? v.length + 8 : 8;
    else bytes += 8;
  return bytes;
}

/**
 * LATE_PROPERTIES: a second pass over the edges, once every relationship exists, for the rows that
 * go late (goesLate). A shape's buffer goes out when it holds LATE_BATCH_BYTES, and never across a
 * relationship batch's end (multiples of batchSize in the shape's rows, late or not): each late
 * batch is a run of one relationship batch's late rows, whose returned ids it takes by its place
 * among them.
 */
async function* lateBatches(
  source: LoadSource,
  batchSize: number,
  lateAbove: number,
  next: () => number,
): AsyncGenerator<Batch> {
  interface Buffer {
    rows: unknown[][];
    bytes: number;
    /** The first row (in the shape's rows) of the relationship batch the buffered rows came from. */
    first: number;
    /** The relationship batch's late rows that went out before the buffered ones. */
    from: number;
  }
  const buffers = new Map<string, Buffer>();
  /** Rows seen per shape, late or not: a row's place in its shape is its place in the first pass. */
  const seen = new Map<string, number>();
  const emit = (shape: string, buffer: Buffer): Batch =>
    lateBatch(next(), shape, buffer.rows, buffer.first, buffer.from);
  for await (const edge of source.edges({ coMentionLists: (cableCount) => listsLate(cableCount, lateAbove) })) {
    const type = kindOf(edge.attributes, 'edge', edge.key);
    const keys = LATE_PROPERTIES[type];
    if (!keys) continue;
    const [s, t] = storedEndpoints(edge.source, edge.target, edge.undirected);
    const shape = `${type}|${endpointKind(source, s, edge.key)}|${endpointKind(source, t, edge.key)}`;
    const place = seen.get(shape) ?? 0;
    seen.set(shape, place + 1);
    const first = place - (place % batchSize);
    let buffer = buffers.get(shape);
    if (buffer && buffer.first !== first) {
      // the relationship batch ended: its last late rows go out
      if (buffer.rows.length > 0) yield emit(shape, buffer);
      buffer = undefined;
    }
    if (!buffer) buffers.set(shape, (buffer = { rows: [], bytes: 0, first, from: 0 }));
    if (!goesLate(type, edge.attributes, lateAbove)) continue;
    const props = toNeo4jProperties(edge.attributes);
    const row = [s, t, ...keys.map((key) => props[key] ?? null)];
    buffer.rows.push(row);
    buffer.bytes += rowBytes(row);
    if (buffer.bytes >= LATE_BATCH_BYTES) {
      yield emit(shape, buffer);
      buffers.set(shape, { rows: [], bytes: 0, first, from: buffer.from + buffer.rows.length });
    }
  }
  for (const [shape, buffer] of [...buffers].sort(([a], [b]) => a.localeCompare(b))) {
    if (buffer.rows.length > 0) yield emit(shape, buffer);
  }
}

function endpointKind(source: LoadSource, node: string, edge: string): string {
  const kind = source.nodeKind(node);
  if (kind === undefined)
    throw new CablegraphError('GRAPH_INVALID', `edge ${edge} ends at ${node}, which is not a node of the graph`);
  return kind;
}
