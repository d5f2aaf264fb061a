// Reads a graph database the streaming way: meta and nodes in memory, cable records and edges in batches.
import { GraphNodes, NodeKinds } from '../graph/nodes';
import type { BuildOptions, CableRecord } from '../graph/types';
import { DEFAULT_BUILD_OPTIONS } from '../graph/types';
import { openGraphDb, type GraphDb } from './open';
import {
  type Decision,
  type EdgeAttrs,
  type EdgeType,
  type EntityKind,
  isEntityKind,
  type NodeAttrs,
  type NodeMetrics,
} from '../model';
import type { EdgeStatement } from '../model';
import { cutStatementCount, cutStatementsOf, relationEdgesOf } from './read-relations';

/** Rows fetched per query when streaming a big table: bounded memory, no statement left open between batches. */
const BATCH = 20_000;

/** The meta table, parsed. */
export interface GraphDbMeta {
  extractor: string;
  /** The extractor's options as the build ran it (CoreNLP's server URL). */
  extractorOptions: Record<string, unknown>;
  buildOptions: BuildOptions;
  curation: Decision[];
  curationHash: string | null;
  inputs: string[];
  counts: {
    cables: number;
    nodes: number;
    edges: number;
    byKind: Record<string, number>;
    byType: Record<string, number>;
  };
}

export function readMeta(db: GraphDb): GraphDbMeta {
  const rows = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
  const meta = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return {
    extractor: (meta.get('extractor') as string | undefined) ?? 'builtin',
    extractorOptions: (meta.get('extractor_options') as Record<string, unknown> | undefined) ?? {},
    buildOptions: { ...DEFAULT_BUILD_OPTIONS, ...(meta.get('build_options') as Partial<BuildOptions> | undefined) },
    curation: (meta.get('curation') as Decision[] | undefined) ?? [],
    curationHash: (meta.get('curation_hash') as string | null | undefined) ?? null,
    inputs: (meta.get('inputs') as string[] | undefined) ?? [],
    counts: meta.get('counts') as GraphDbMeta['counts'],
  };
}

/**
 * Runs `sql` (which must end in `WHERE <key> > ? ORDER BY <key> LIMIT ?` for a single integer key,
 * or take the key bound and limit in that order) batch after batch: bounded memory, and no
 * statement stays open between batches, so the caller may use the connection meanwhile.
 */
export function* batches<T>(db: GraphDb, sql: string, keyOf: (row: T) => number, start = -1): Generator<T[]> {
  const statement = db.prepare(sql);
  let after = start;
  for (;;) {
    const rows = statement.all(after, BATCH) as T[];
    if (rows.length === 0) return;
    yield rows;
    after = keyOf(rows[rows.length - 1]);
    if (rows.length < BATCH) return;
  }
}

/** The cable records of a graph database (what --append and rebuilds start from), in cable-id order. */
export function* cableRecords(db: GraphDb): Generator<CableRecord> {
  const sql =
    'SELECT r.cable, r.parsed, r.mentions, r.versions, c.text FROM cable_records r JOIN cables c ON c.node = r.cable WHERE r.cable > ? ORDER BY r.cable LIMIT ?';
  for (const rows of batches<RecordRow & { cable: number }>(db, sql, (r) => r.cable))
    for (const row of rows) yield recordOf(row);
}

type RecordRow = { parsed: string; mentions: string; versions: string; text: string };

/** A `cable_records` row (with its cable's text) as the record it stores. */
function recordOf(row: RecordRow): CableRecord {
  const cable = JSON.parse(row.parsed) as CableRecord['cable'];
  cable.text = row.text;
  return {
    cable,
    mentions: JSON.parse(row.mentions) as CableRecord['mentions'],
    versions: JSON.parse(row.versions) as CableRecord['versions'],
  };
}

/** The stored records of the given cable ids (those the database has), in the order given. */
export function* cableRecordsOf(db: GraphDb, ids: Iterable<string>): Generator<CableRecord> {
  const statement = db.prepare(
    'SELECT r.parsed, r.mentions, r.versions, c.text FROM cables c JOIN cable_records r ON r.cable = c.node WHERE c.id = ?',
  );
  for (const id of ids) {
    const row = statement.get(id) as RecordRow | undefined;
    if (row) yield recordOf(row);
  }
}

/** An edge as exports and the loader take it (the graph's key, ends and attributes). */
export interface GraphDbEdge {
  key: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: EdgeAttrs;
}

/**
 * Which co-mentions carry their `cables`, `evidence` and `evidenceTruncated`: all, none, or those
 * whose cable count the function accepts (the others' evidence is not read).
 */
export type CoMentionLists = boolean | ((cableCount: number) => boolean);

const parseJson = <T>(text: string | null): T | undefined => (text === null ? undefined : (JSON.parse(text) as T));

interface NodeRow {
  node: number;
  id: string;
  degree: number;
  weighted_degree: number;
  pagerank: number;
  community: number;
  x: number;
  y: number;
}

/** The metrics columns as node attributes, in the graph's attribute order. */
const metrics = (r: NodeRow): NodeMetrics => ({
  degree: r.degree,
  weightedDegree: r.weighted_degree,
  pagerank: r.pagerank,
  community: r.community,
  x: r.x,
  y: r.y,
});

type TagRow = NodeRow & { code: string; tag_kind: string; name: string | null };

/** A tag node's attributes, as the graph gives them. */
function tagAttributes(r: TagRow): NodeAttrs {
  return {
    kind: 'Tag',
    label: r.code,
    code: r.code,
    tagKind: r.tag_kind,
    ...(r.name !== null ? { name: r.name } : {}),
    ...metrics(r),
  };
}

/** A node table's row as the node's attributes (entities with their aliases left empty). */
function attributesOf(kind: string, r: NodeRow): NodeAttrs {
  switch (kind) {
    case 'Cable':
      return cableAttributes(r as CableRow);
    case 'Post':
      return postAttributes(r as NodeRow & { name: string });
    case 'Tag':
      return tagAttributes(r as TagRow);
    default:
      return entityAttributes(r as EntityRow);
  }
}

/** A post node's attributes, as the graph gives them. */
export function postAttributes(r: NodeRow & { name: string }): NodeAttrs {
  return { kind: 'Post', label: r.name, name: r.name, ...metrics(r) };
}

export type EntityRow = NodeRow & {
  kind: EntityKind;
  name: string;
  cable_count: number;
  first_date: string | null;
  last_date: string | null;
};
export type CableRow = NodeRow & {
  in_corpus: number;
  date: string | null;
  created: string | null;
  classification: string | null;
  caveats: string | null;
  origin: string | null;
  subject: string | null;
  paragraph_count: number;
  versions: number;
};
/** The columns `cableAttributes` reads. */
export const CABLE_COLUMNS =
  'node, id, in_corpus, date, created, classification, caveats, origin, subject, paragraph_count, versions, degree, weighted_degree, pagerank, community, x, y';

/** An entity row as the graph's node attributes (aliases left empty: the caller reads them). */
export function entityAttributes(r: EntityRow): NodeAttrs {
  const attributes: NodeAttrs = { kind: r.kind, label: r.name, name: r.name, aliases: [], cableCount: r.cable_count };
  if (r.first_date !== null) attributes.firstDate = r.first_date;
  if (r.last_date !== null) attributes.lastDate = r.last_date;
  return Object.assign(attributes, metrics(r));
}

/** A cable row as the graph's node attributes (a cited cable outside the corpus has only its id). */
export function cableAttributes(r: CableRow): NodeAttrs {
  let attributes: NodeAttrs;
  if (!r.in_corpus) attributes = { kind: 'Cable', label: r.id, inCorpus: false };
  else {
    attributes = {
      kind: 'Cable',
      label: r.id,
      inCorpus: true,
      classification: r.classification ?? '',
      paragraphCount: r.paragraph_count,
      versions: r.versions,
    };
    if (r.date !== null) attributes.date = r.date;
    if (r.created !== null) attributes.created = r.created;
    if (r.subject !== null) attributes.subject = r.subject;
    if (r.origin !== null) attributes.origin = r.origin;
    if (r.caveats !== null) attributes.caveats = parseJson<string[]>(r.caveats);
  }
  return Object.assign(attributes, metrics(r));
}

/** The nodes of a database in graph order, and each node number's key. */
interface DbNodes {
  nodes: GraphNodes;
  keyOf: Map<number, string>;
}

/**
 * Every node of the database in graph order with the attributes the graph gives it (the same
 * keys in the same order as a graph built in memory), from the node tables. Graph order: the
 * entities that cables mention, by id, then every other node by node number — a build's node
 * numbers exactly; in a curated database (whose removed entities leave holes in the numbers and
 * whose new ones are numbered after all others) the order a rebuild would give the entities.
 */
function readNodes(db: GraphDb): DbNodes {
  const byNode = new Map<number, [string, NodeAttrs]>();
  const aliases = db.prepare('SELECT alias, count FROM aliases WHERE entity = ? ORDER BY position');
  for (const r of db.prepare('SELECT * FROM entities').iterate() as IterableIterator<EntityRow>) {
    byNode.set(r.node, [r.id, entityAttributes(r)]);
  }
  // Aliases after the entity pass (one statement open at a time).
  for (const [node, entry] of byNode) {
    entry[1].aliases = (aliases.all(node) as Array<{ alias: string; count: number }>).map((a) => ({
      text: a.alias,
      count: a.count,
    }));
  }
  for (const r of db.prepare(`SELECT ${CABLE_COLUMNS} FROM cables`).iterate() as IterableIterator<CableRow>) {
    byNode.set(r.node, [r.id, cableAttributes(r)]);
  }
  for (const r of db.prepare('SELECT * FROM posts').iterate() as IterableIterator<NodeRow & { name: string }>) {
    byNode.set(r.node, [r.id, postAttributes(r)]);
  }
  for (const r of db.prepare('SELECT * FROM tags').iterate() as IterableIterator<TagRow>) {
    byNode.set(r.node, [r.id, tagAttributes(r)]);
  }
  const mentioned = (entry: [string, NodeAttrs]): boolean =>
    isEntityKind(entry[1].kind) && (entry[1].cableCount ?? 0) > 0;
  const order = [...byNode.keys()].sort((x, y) => {
    const ex = byNode.get(x)!;
    const ey = byNode.get(y)!;
    const mx = mentioned(ex);
    const my = mentioned(ey);
    if (mx !== my) return mx ? -1 : 1;
    if (mx) return ex[0] < ey[0] ? -1 : ex[0] > ey[0] ? 1 : 0;
    return x - y;
  });
  const nodes = new GraphNodes();
  const keyOf = new Map<number, string>();
  for (const node of order) {
    const [key, attributes] = byNode.get(node)!;
    nodes.add(key, attributes);
    keyOf.set(node, key);
  }
  return { nodes, keyOf };
}

/** Every node's key and kind, without attributes (a loader's reader: see GraphDbReader.open). */
function readNodeKinds(db: GraphDb): { kinds: NodeKinds; keyOf: Map<number, string> } {
  const kinds = new NodeKinds();
  const keyOf = new Map<number, string>();
  for (const [node, key, kind] of db.prepare('SELECT node, id, kind FROM entities').raw().iterate() as IterableIterator<
    [number, string, string]
  >) {
    kinds.add(key, kind);
    keyOf.set(node, key);
  }
  for (const [table, kind] of NODE_TABLES)
    for (const [node, key] of db.prepare(`SELECT node, id FROM ${table}`).raw().iterate() as IterableIterator<
      [number, string]
    >) {
      kinds.add(key, kind);
      keyOf.set(node, key);
    }
  return { kinds, keyOf };
}

/** The node tables other than entities, and the kind of their nodes. */
const NODE_TABLES: ReadonlyArray<readonly [string, string]> = [
  ['cables', 'Cable'],
  ['posts', 'Post'],
  ['tags', 'Tag'],
];

/** Nodes whose attributes one query of `nodesByKind` reads. */
const NODES_PER_QUERY = 2_000;

/** The per-cable edge tables, read cable range by cable range and put back in the graph's per-cable order. */
interface CableEdgeRow {
  cable: number;
  /** Order within the cable: the graph's edge order is MENTIONS, SIGNED, CLASSIFIED, FROM/TO/INFO, TAGGED, REFERENCES. */
  group: number;
  seq: number;
  edge: (key: (node: number) => string) => GraphDbEdge;
}

/** Co-mention pairs whose evidence one query reads. */
const EVIDENCE_PAIRS = 256;

/** Cables per batch of per-cable edges. */
const CABLES_PER_BATCH = 2_000;

/**
 * A graph database read the streaming way: its meta and nodes in memory (a few hundred thousand
 * at full-corpus scale), its edges (tens of millions) and cable records read in batches on each
 * pass. The edges come in the graph's order — per cable (in cable order) its MENTIONS, SIGNED,
 * CLASSIFIED, FROM, TO/INFO, TAGGED and REFERENCES edges, then the co-mentions by their ends'
 * ids — with the attributes of a graph built in memory (co-mention evidence capped at the build's
 * maxEvidence, as there).
 */
export class GraphDbReader {
  private constructor(
    readonly file: string,
    readonly db: GraphDb,
    readonly meta: GraphDbMeta,
    /** The nodes with their attributes, or their kinds alone (`nodeAttributes: false`). */
    private readonly index: GraphNodes | NodeKinds,
    /** Node number → key. */
    private readonly keyOf: Map<number, string>,
  ) {}

  /**
   * `nodeAttributes: false` keeps each node's key and kind only, for a reader that streams the
   * attributes (`nodesByKind`: a loader); `nodes` is then not there. At full-corpus scale
   * (1,065,558 nodes) the attributes are ~700 MiB of heap.
   */
  static open(file: string, options: { nodeAttributes?: boolean } = {}): GraphDbReader {
    const db = openGraphDb(file);
    try {
      if (options.nodeAttributes === false) {
        const { kinds, keyOf } = readNodeKinds(db);
        return new GraphDbReader(file, db, readMeta(db), kinds, keyOf);
      }
      const { nodes, keyOf } = readNodes(db);
      return new GraphDbReader(file, db, readMeta(db), nodes, keyOf);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }

  /** Every node with its attributes, in graph order (a reader opened with them). */
  get nodes(): GraphNodes {
    if (!(this.index instanceof GraphNodes))
      throw new Error(`${this.file} was opened without its nodes' attributes (nodeAttributes: false)`);
    return this.index;
  }

  get nodeCount(): number {
    return this.index.length;
  }

  /** The kind of the node with this key (undefined when the graph has none). */
  kindOf(key: string): string | undefined {
    return this.index.kindOf(key);
  }

  /** The node kinds the graph has, sorted. */
  kinds(): string[] {
    return this.index.kinds().sort((a, b) => a.localeCompare(b));
  }

  /**
   * Every node with its attributes (those of `nodes`), read from the database kind by kind (kinds
   * sorted), each kind's nodes in graph order: memory for NODES_PER_QUERY nodes at a time.
   */
  *nodesByKind(): Generator<[string, NodeAttrs]> {
    const aliases = this.db.prepare(
      'SELECT entity, alias, count FROM aliases WHERE entity IN (SELECT value FROM json_each(?)) ORDER BY entity, position',
    );
    for (const kind of this.kinds()) {
      const table = NODE_TABLES.find(([, k]) => k === kind)?.[0];
      // Graph order within a kind: entities that cables mention by id, then the rest by node number.
      const order = table
        ? this.db.prepare(`SELECT node FROM ${table} ORDER BY node`).pluck().all()
        : this.db
            .prepare(
              'SELECT node FROM entities WHERE kind = ? ORDER BY cable_count = 0, CASE WHEN cable_count > 0 THEN id END, node',
            )
            .pluck()
            .all(kind);
      const rows = this.db.prepare(
        `SELECT ${table === 'cables' ? CABLE_COLUMNS : '*'} FROM ${table ?? 'entities'} WHERE node IN (SELECT value FROM json_each(?))`,
      );
      for (let first = 0; first < order.length; first += NODES_PER_QUERY) {
        const nodes = order.slice(first, first + NODES_PER_QUERY) as number[];
        const chunk = JSON.stringify(nodes);
        const byNode = new Map<number, NodeAttrs>();
        for (const r of rows.all(chunk) as NodeRow[]) byNode.set(r.node, attributesOf(kind, r));
        if (!table)
          for (const a of aliases.all(chunk) as Array<{ entity: number; alias: string; count: number }>)
            byNode.get(a.entity)!.aliases!.push({ text: a.alias, count: a.count });
        for (const node of nodes) yield [this.keyOf.get(node)!, byNode.get(node)!];
      }
    }
  }

  /** The cable records, in cable-id order. */
  records(): Generator<CableRecord> {
    return cableRecords(this.db);
  }

  /**
   * Every edge in the graph's order (see the class comment). `coMentionLists: false` leaves out the
   * co-mentions' `cables`, `evidence` and `evidenceTruncated` (evidence not read at all: for a pass
   * that does not need them, as a loader's relationship pass when the lists come later); a function
   * of the pair's cable count reads them only for the pairs it accepts (a loader's two passes, each
   * with its own pairs' lists).
   */
  async *edges(options: { coMentionLists?: CoMentionLists } = {}): AsyncGenerator<GraphDbEdge> {
    yield* this.cableEdges();
    yield* this.coMentionEdges(options.coMentionLists ?? true);
    // then the relation edges (issue 17), in key order within each type
    for (const e of relationEdgesOf(this.db, (node) => this.keyOf.get(node)!, this.meta.buildOptions.maxEvidence))
      yield { ...e, undirected: false };
  }

  /**
   * The statements cut HOLDS_ROLE and AFFILIATED_WITH edges leave out of their lists (the middle
   * ones, with their positions): what Neo4j keeps as (:Statement) nodes. Read whole (the rows of
   * cut edges only).
   */
  statements(): Generator<EdgeStatement> {
    return cutStatementsOf(this.db, (node) => this.keyOf.get(node)!, this.meta.buildOptions.maxEvidence);
  }

  /** How many `statements()` gives, counted in SQL. */
  get statementCount(): number {
    return cutStatementCount(this.db, this.meta.buildOptions.maxEvidence);
  }

  private *cableEdges(): Generator<GraphDbEdge> {
    const key = (node: number): string => {
      const found = this.keyOf.get(node);
      if (found === undefined) throw new Error(`${this.file}: an edge ends at node ${node}, which no node table has`);
      return found;
    };
    const range = this.db
      .prepare(`SELECT min(node) AS first, max(node) AS last FROM cables WHERE in_corpus = 1`)
      .get() as { first: number | null; last: number | null };
    if (range.first === null || range.last === null) return;
    const edge = (
      type: EdgeType,
      source: number,
      target: number,
      attributes: Omit<EdgeAttrs, 'type'> = {},
    ): GraphDbEdge => {
      const s = key(source);
      const t = key(target);
      return {
        key: `${type}:${s}->${t}`,
        source: s,
        target: t,
        undirected: false,
        attributes: { type, ...attributes },
      };
    };
    const queries: Array<{ sql: string; row: (r: Record<string, unknown>) => CableEdgeRow }> = [
      {
        sql: 'SELECT cable, entity, count, paragraphs, offsets, position FROM cable_entities WHERE cable BETWEEN ? AND ?',
        row: (r) => ({
          cable: r.cable as number,
          group: 0,
          seq: r.position as number,
          edge: () =>
            edge('MENTIONS', r.cable as number, r.entity as number, {
              count: r.count as number,
              paragraphs: JSON.parse(r.paragraphs as string) as number[],
              offsets: JSON.parse(r.offsets as string) as number[],
            }),
        }),
      },
      {
        sql: 'SELECT rowid, person, cable FROM signed WHERE cable BETWEEN ? AND ?',
        row: (r) => ({
          cable: r.cable as number,
          group: 1,
          seq: r.rowid as number,
          edge: () => edge('SIGNED', r.person as number, r.cable as number),
        }),
      },
      {
        sql: 'SELECT rowid, person, cable, title FROM classified WHERE cable BETWEEN ? AND ?',
        row: (r) => ({
          cable: r.cable as number,
          group: 2,
          seq: r.rowid as number,
          edge: () =>
            edge(
              'CLASSIFIED',
              r.person as number,
              r.cable as number,
              r.title === null ? {} : { title: r.title as string },
            ),
        }),
      },
      {
        sql: 'SELECT rowid, cable, role, post, precedence FROM cable_posts WHERE cable BETWEEN ? AND ?',
        row: (r) => ({
          cable: r.cable as number,
          group: 3,
          seq: r.rowid as number,
          edge: () =>
            edge(
              r.role as EdgeType,
              r.cable as number,
              r.post as number,
              r.precedence === null ? {} : { precedence: r.precedence as string },
            ),
        }),
      },
      {
        sql: 'SELECT rowid, cable, tag FROM tagged WHERE cable BETWEEN ? AND ?',
        row: (r) => ({
          cable: r.cable as number,
          group: 4,
          seq: r.rowid as number,
          edge: () => edge('TAGGED', r.cable as number, r.tag as number),
        }),
      },
      {
        sql: 'SELECT rowid, cable, cited FROM cable_references WHERE cable BETWEEN ? AND ?',
        row: (r) => ({
          cable: r.cable as number,
          group: 5,
          seq: r.rowid as number,
          edge: () => edge('REFERENCES', r.cable as number, r.cited as number),
        }),
      },
    ];
    const statements = queries.map((q) => ({ statement: this.db.prepare(q.sql), row: q.row }));
    for (let first = range.first; first <= range.last; first += CABLES_PER_BATCH) {
      const last = Math.min(range.last, first + CABLES_PER_BATCH - 1);
      const rows: CableEdgeRow[] = [];
      for (const { statement, row } of statements)
        for (const r of statement.all(first, last) as Array<Record<string, unknown>>) rows.push(row(r));
      rows.sort((x, y) => x.cable - y.cable || x.group - y.group || x.seq - y.seq);
      for (const r of rows) yield r.edge(key);
    }
  }

  /**
   * The co-mentions by their ends' ids (the graph's edge order): entity by entity in id order,
   * each one's pairs sorted by the other end's id — a build's primary-key order, and the same
   * order for a curated database whose new entities are numbered out of id order. Evidence is read
   * for EVIDENCE_PAIRS pairs per query (a query per pair cost three times as much: most of an
   * export's time), and per pair only for those above the cap; only for the pairs `which` lists
   * (see CoMentionLists).
   */
  private *coMentionEdges(which: CoMentionLists): Generator<GraphDbEdge> {
    const key = (node: number): string => this.keyOf.get(node)!;
    const listed = (cableCount: number): boolean => (typeof which === 'function' ? which(cableCount) : which);
    const cap = this.meta.buildOptions.maxEvidence;
    type PairRow = {
      a: number;
      b: number;
      weight: number;
      cable_count: number;
      paragraph_count: number;
      first_date: string | null;
      last_date: string | null;
    };
    // The first `cap` cables of each pair (the key's order: cable number, i.e. cable-id order in the
    // corpus): the pairs within the cap read whole in one query per EVIDENCE_PAIRS (key order, no
    // sort), each pair above it by a LIMIT query of its own (a window over the chunk cost ~1.8× as much).
    const evidenceWithin = this.db
      .prepare(
        'SELECT b, cable, paragraphs FROM co_mention_evidence WHERE a = ? AND b IN (SELECT value FROM json_each(?)) ORDER BY b, cable',
      )
      .raw();
    const evidenceAbove = this.db
      .prepare('SELECT b, cable, paragraphs FROM co_mention_evidence WHERE a = ? AND b = ? ORDER BY cable LIMIT ?')
      .raw();
    const pairsOf = this.db.prepare(
      'SELECT a, b, weight, cable_count, paragraph_count, first_date, last_date FROM co_mentions WHERE a = ?',
    );
    const entities = this.db.prepare('SELECT node FROM entities ORDER BY id').pluck().all() as number[];
    for (const a of entities) {
      const rows = pairsOf.all(a) as PairRow[];
      if (rows.length === 0) continue;
      const source = key(a);
      const ends = rows
        .map((r) => ({ r, target: key(r.b) }))
        .sort((x, y) => (x.target < y.target ? -1 : x.target > y.target ? 1 : 0));
      for (let first = 0; first < ends.length; first += EVIDENCE_PAIRS) {
        const chunk = ends.slice(first, first + EVIDENCE_PAIRS);
        const byPair = new Map<number, Array<{ cable: string; paragraphs: number[] }>>();
        if (chunk.some((e) => listed(e.r.cable_count))) {
          const add = (rows: Array<[number, number, string]>): void => {
            for (const [b, cable, paragraphs] of rows) {
              let list = byPair.get(b);
              if (!list) byPair.set(b, (list = []));
              // (capped here too: a pair's count and its evidence rows agree, but the cap must hold regardless)
              if (list.length < cap) list.push({ cable: key(cable), paragraphs: JSON.parse(paragraphs) as number[] });
            }
          };
          const within = chunk.filter((e) => e.r.cable_count <= cap && listed(e.r.cable_count)).map((e) => e.r.b);
          if (within.length > 0) add(evidenceWithin.all(a, JSON.stringify(within)) as Array<[number, number, string]>);
          for (const { r } of chunk)
            if (r.cable_count > cap && listed(r.cable_count))
              add(evidenceAbove.all(a, r.b, cap) as Array<[number, number, string]>);
        }
        for (const { r, target } of chunk) {
          const attributes: EdgeAttrs = {
            type: 'CO_MENTIONED',
            weight: r.weight,
            cableCount: r.cable_count,
            paragraphCount: r.paragraph_count,
          };
          if (listed(r.cable_count)) {
            const list = byPair.get(r.b) ?? [];
            Object.assign(attributes, { cables: list.map((e) => e.cable), evidence: list });
            if (r.cable_count > list.length) attributes.evidenceTruncated = true;
          }
          if (r.first_date !== null) Object.assign(attributes, { firstDate: r.first_date, lastDate: r.last_date });
          yield { key: `CO_MENTIONED:${source}--${target}`, source, target, undirected: true, attributes };
        }
      }
    }
  }
}
