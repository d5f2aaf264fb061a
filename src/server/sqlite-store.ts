// The embedded store: a GraphStore over the graph database (one SQLite file) opened read-only — every question an indexed query, nothing of the graph loaded.
import type BetterSqlite3 from 'better-sqlite3';
import { openGraphDb } from '../db/open';
import { DEFAULT_BUILD_OPTIONS } from '../graph/types';
import { affiliationRow, meetingRow, roleRow } from '../db/read-relations';
import { relationEdges } from '../graph/relation-edges';
import type { MeetingEdgeRef, NodeRef, StatementEdgeRef, StatementPage, StoredRelationEdge } from '../model';
import { relationEdgeId } from '../model';
import type { CableFacets, CableFilter, CableLinks, CableList, PostView, SignerView, TagView } from '../model';
import { bidirectionalPaths, type PathReader } from './bidirectional-paths';
import { bestMatch, compare, KIND_BY_RANK, maxEdits, rankedFirst } from './search';
import { SqliteBrowse } from './sqlite-browse';
import { WordPostings } from './word-postings';
import { readSearchWords } from '../db/entity-words';
import {
  type CableFacts,
  type CableOrder,
  type CableText,
  type CatalogEntry,
  type EdgeFilter,
  type GraphStore,
  type MentionsIn,
  type NodeFilter,
  type SearchCandidate,
  type SharedCable,
  type TextQuery,
} from './store';
import { ftsExpression, MARK_END, MARK_START, unmark } from './text-query';
import { cableRef, edgeView, nodeView, sortFacts } from './views';
import type {
  Alias,
  CableRef,
  EdgeView,
  EntityKind,
  GraphStats,
  NodeView,
  StatementView,
  TextSearchResult,
} from '../model';
import { text } from '../common/text';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;
type Row = Record<string, unknown>;

const ENTITY_COLUMNS =
  'e.node AS n, e.id AS id, e.kind AS kind, e.name AS name, e.cable_count AS cableCount, e.weighted_degree AS weightedDegree, e.pagerank AS pagerank, e.community AS community, e.x AS x, e.y AS y, e.first_date AS firstDate, e.last_date AS lastDate';
const EDGE_COLUMNS =
  'ea.id AS source, eb.id AS target, c.weight AS weight, c.cable_count AS cableCount, c.first_date AS firstDate, c.last_date AS lastDate';
const CABLE_COLUMNS =
  'c.id AS id, c.date AS date, c.subject AS subject, c.origin AS origin, c.classification AS classification';
/** spanOverlaps (store.ts) in SQL, over a row's first/last dates and the :since/:until parameters. */
const SPAN = (first: string, last: string): string =>
  `((:since IS NULL AND :until IS NULL) OR ((${first} IS NOT NULL OR ${last} IS NOT NULL) AND (:since IS NULL OR coalesce(${last}, ${first}) >= :since) AND (:until IS NULL OR substr(coalesce(${first}, ${last}), 1, length(:until)) <= :until)))`;
const EDGE_FILTER = `c.weight >= :minWeight AND ${SPAN('c.first_date', 'c.last_date')}`;
/** The edge filter's kinds, over the other end's entity row. */
const TYPE_OF = (alias: string): string => `(:types IS NULL OR ${alias}.kind IN (SELECT value FROM json_each(:types)))`;

const json = (list: readonly unknown[]): string => JSON.stringify(list);
const nodeOf = (row: Row): NodeView => nodeView(String(row.id), row);
const edgeOf = (row: Row): EdgeView => edgeView(String(row.source), String(row.target), row);
const byId = (x: { id: string }, y: { id: string }): number => compare(x.id, y.id);
const parseList = (text: unknown): number[] =>
  typeof text === 'string' && text.length > 0 ? (JSON.parse(text) as number[]) : [];

/** Entity kinds as small integers, for the search's typed arrays. */
const KIND_CODE: Record<EntityKind, number> = { Person: 1, Organization: 2, Place: 3 };

/** The entity search's view of every entity, by node number, and its reused scratch arrays. */
interface SearchIndex {
  /** Entity nodes by cable count (descending), then id: the order the search's cap keeps. */
  byRank: Int32Array;
  /** Each node's position in byRank (-1: not an entity). */
  rank: Int32Array;
  /** Each node's KIND_CODE (0: not an entity), read for the first search by kind. */
  kind: Uint8Array | undefined;
  /** Per node: the search (stamp) that last saw it, how many of its words it has a word for, its best match's rank. */
  seen: Int32Array;
  count: Int32Array;
  bound: Uint8Array;
  stamp: number;
}

/** A text search's entities are those named in the most of its best this many matches. */
const TEXT_SEARCH_ENTITY_HITS = 100;

/** Frontier nodes expanded between two turns of the event loop in the path search. */
const PATH_SLICE = 500;
/**
 * What looking up whether two entities are linked costs against reading one link of a node's
 * adjacency (a range of the index): two key lookups (linksBetween), each descending the b-tree to a
 * leaf of its own, where a range reads ~100 links a leaf (~1 µs a lookup against ~0.15 µs a link
 * read, in CPU alone, at 50,000 cables).
 */
const LOOKUP_COST = 32;

/**
 * The least weight an entity's `heaviest` heaviest links reach, from (at least) its `heaviest`
 * greatest weights: `minWeight` when it has fewer links (all are kept), above every weight for 0.
 */
function weightFloor(weights: number[], heaviest: number, minWeight: number): number {
  if (heaviest <= 0) return Infinity;
  return weights.length < heaviest ? minWeight : weights.sort((x, y) => y - x)[heaviest - 1];
}

/**
 * The SQLite store. Statements are prepared once and reused; lists of ids go in as one JSON
 * parameter (json_each), so a query is one statement whatever the list's length. Caches (the
 * words of entity names with their entities, the stats) are dropped whenever another connection — a curation
 * decision from the CLI or the viewer — has written (PRAGMA data_version).
 */
export class SqliteStore implements GraphStore {
  readonly kind = 'embedded' as const;
  /** LOOKUP_COST, for the path search; a test sets 0 (every frontier node looked up first) or Infinity (all read). */
  static lookupCost = LOOKUP_COST;
  /**
   * among expands an entity whose degree is at most this many times the set's size, and looks the
   * rest up pair by pair: a link read through an index costs about a key lookup (its dates are in
   * the table row). A test sets 0 (all looked up) or Infinity (all expanded).
   */
  static amongCost = 2;
  private readonly statements = new Map<string, Statement>();
  private dataVersion = -1;
  private postings: WordPostings | undefined;
  private searchCache: SearchIndex | undefined;
  private statsCache: GraphStats | undefined;
  private evidenceCap: number | undefined;
  private weightIndex: boolean | undefined;
  private monthsCache: { months: string[]; codes: Uint16Array } | undefined;

  private constructor(
    readonly db: Database,
    readonly file: string,
  ) {}

  /** Opens a graph database read-only (a missing, damaged or foreign file is a clear error). */
  static open(file: string): SqliteStore {
    return new SqliteStore(openGraphDb(file), file);
  }

  /** A store over a connection someone else owns (curation's read-write one). */
  static over(db: Database, file: string): SqliteStore {
    return new SqliteStore(db, file);
  }

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private all(sql: string, params: Row | unknown[] = {}): Row[] {
    return this.statement(sql).all(params) as Row[];
  }

  /** Drops the caches when the file changed under this connection. */
  private fresh(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.postings = undefined;
    this.searchCache = undefined;
    this.statsCache = undefined;
    this.evidenceCap = undefined;
    this.monthsCache = undefined;
    this.weightIndex = undefined;
  }

  /** A meta value (JSON), undefined when absent. */
  private meta<T>(key: string): T | undefined {
    const value = this.statement('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  /** Cables kept in an edge's cable list (the build option; the graph file's default when absent). */
  private maxEvidence(): number {
    this.fresh();
    if (this.evidenceCap === undefined)
      this.evidenceCap =
        this.meta<{ maxEvidence?: number }>('build_options')?.maxEvidence ?? DEFAULT_BUILD_OPTIONS.maxEvidence;
    return this.evidenceCap;
  }

  async stats(): Promise<GraphStats> {
    this.fresh();
    if (!this.statsCache) {
      // What the build (and each curation decision) records: counting 26 M co-mentions per request would not do.
      const stored = this.meta<Omit<GraphStats, 'store'>>('stats');
      if (stored) this.statsCache = { store: 'embedded', ...stored };
      else {
        const firstDate = this.statement('SELECT min(date) FROM cables').pluck().get() as string | null;
        const lastDate = this.statement('SELECT max(date) FROM cables').pluck().get() as string | null;
        const entities = this.all(
          'SELECT count(*) AS entities, count(DISTINCT community) AS communities FROM entities',
        )[0];
        this.statsCache = {
          store: 'embedded',
          cables: Number(this.statement('SELECT count(*) FROM cables WHERE in_corpus = 1').pluck().get()),
          entities: Number(entities.entities),
          coMentions: Number(this.statement('SELECT count(*) FROM co_mentions').pluck().get()),
          ...(firstDate ? { firstDate } : {}),
          ...(lastDate ? { lastDate } : {}),
          communities: Number(entities.communities),
        };
      }
    }
    return { ...this.statsCache };
  }

  async entities(ids: readonly string[]): Promise<NodeView[]> {
    if (ids.length === 0) return [];
    const rows = this.all(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id IN (SELECT value FROM json_each(?))`, [
      json(ids),
    ]);
    const found = new Map(rows.map((r) => [String(r.id), nodeOf(r)]));
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  async aliases(id: string): Promise<Alias[]> {
    const rows = this.all(
      'SELECT a.alias AS text, a.count AS count FROM aliases a JOIN entities e ON e.node = a.entity WHERE e.id = ?',
      [id],
    );
    return rows
      .map((r) => ({ text: String(r.text), count: Number(r.count) }))
      .sort((x, y) => y.count - x.count || compare(x.text, y.text));
  }

  /**
   * The entity's cables per month. A hub is in 150,000 cables: their months come from a table of
   * every cable's month (read once from the date index), not from 150,000 reads of cable rows.
   */
  async timeline(id: string): Promise<Array<{ month: string; cables: number }>> {
    const { months, codes } = this.cableMonths();
    const counts = new Array<number>(months.length).fill(0);
    // (all(), not iterate(): 2.5 times faster over 200,000 rows)
    for (const cable of this.statement(
      'SELECT cable FROM cable_entities WHERE entity = (SELECT node FROM entities WHERE id = ?)',
    )
      .pluck()
      .all(id) as number[]) {
      const code = cable < codes.length ? codes[cable] : 0;
      if (code > 0) counts[code - 1] += 1;
    }
    return months.flatMap((month, i) => (counts[i] > 0 ? [{ month, cables: counts[i] }] : []));
  }

  /**
   * Reads what the first requests would otherwise wait for: the cables' months (a second at full
   * scale), the search's words, names and entity order (~2 s of CPU at full scale).
   */
  async warm(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve)); // after serve has said it listens
    try {
      this.cableMonths();
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.wordPostings();
      this.searchIndex();
    } catch {
      // The store closed meanwhile (serve stopped at once): nothing to warm, and serve does not await this.
    }
  }

  /** Each cable's month (YYYY-MM) as a code into the sorted months (0: no date). */
  private cableMonths(): { months: string[]; codes: Uint16Array } {
    this.fresh();
    if (!this.monthsCache) {
      // Two passes over the date index, row by row: no array of 251,287 rows held at once.
      const months = (
        this.statement("SELECT DISTINCT substr(date, 1, 7) FROM cables WHERE date > ''").pluck().all() as string[]
      ).sort(compare);
      const code = new Map(months.map((m, i) => [m, i + 1]));
      const codes = new Uint16Array(Number(this.statement('SELECT max(node) FROM cables').pluck().get() ?? 0) + 1);
      for (const [node, month] of this.statement("SELECT node, substr(date, 1, 7) FROM cables WHERE date > ''")
        .raw()
        .iterate() as IterableIterator<[number, string]>)
        codes[node] = code.get(month)!;
      this.monthsCache = { months, codes };
    }
    return this.monthsCache;
  }

  /**
   * Every word of the entities' names and aliases with its entities, and which entities have a
   * word alone as a name (read once, on the first search or warm(), and again after another
   * connection has written): word_postings' rows in one pass, each word's entries packed
   * (readSearchWords; a database built before that table reads entity_words instead).
   */
  private wordPostings(): WordPostings {
    this.fresh();
    if (!this.postings) {
      this.postings = this.db.transaction(() => {
        const { words, counts, entries } = readSearchWords(this.db);
        const sole: Array<[string, number]> = [];
        let at = 0;
        words.forEach((word, i) => {
          for (const end = at + counts[i]; at < end; at += 1) {
            const entry = entries[at];
            entries[at] = entry >>> 1;
            if (entry & 1) sole.push([word, entries[at]]);
          }
        });
        const postings = new WordPostings(words, counts, entries);
        postings.setSoleNames(sole);
        return postings;
      })();
    }
    return this.postings;
  }

  /**
   * Entities with, for every query word, a word that it is, starts, or is within its typo budget
   * of: the `cap` most cited. With `limit`, only the candidates that may be among rankSearch's
   * first `limit` hits come with their aliases (see rankedFirst); the others with their name alone.
   */
  async searchCandidates(
    tokens: readonly string[],
    types: readonly EntityKind[] | undefined,
    cap: number,
    limit?: number,
  ): Promise<SearchCandidate[]> {
    // One read transaction: its several statements see one state of the file, and the cached word
    // list and entity order are checked against it (a decision committed by another connection
    // between them left candidates without their rows, a TypeError).
    return this.db.transaction(() => this.searchSnapshot(tokens, types, cap, limit))();
  }

  private searchSnapshot(
    tokens: readonly string[],
    types: readonly EntityKind[] | undefined,
    cap: number,
    limit: number | undefined,
  ): SearchCandidate[] {
    const postings = this.wordPostings();
    const { words } = postings;
    // For each query word, the words of names it may mean (as indexes into words), in three lists:
    // the word itself, words it starts, words within its typo budget (list 3t + wordMatch).
    const lists: number[][] = [];
    for (const token of tokens) {
      const found: number[][] = [[], [], []];
      for (let i = postings.firstFrom(token); i < words.length && words[i].startsWith(token); i += 1)
        found[words[i] === token ? 0 : 1].push(i);
      found[2] = postings.typos(token, maxEdits(token));
      if (found.every((list) => list.length === 0)) return [];
      lists.push(...found);
    }
    if (lists.length === 0) return [];
    const chosen = this.matchingEntities(postings, lists, tokens.length, types, cap);
    const nodes = chosen.map((c) => c.node);
    if (limit === undefined) return this.candidatesOf(nodes);
    // Only the first `limit` hits' rows and names are read: the others' rank keys suffice to know they are not.
    const keyOf = this.entityRows(nodes, 'e.node AS n, e.id AS id, e.name AS name, e.cable_count AS cableCount');
    const bounded = chosen.map((c) => {
      const key = keyOf.get(c.node)!;
      // One query word: its bound is its match. A name with a word it starts or is near is a prefix
      // or fuzzy match; one with the word itself an exact match only where that word is the whole
      // name, which matchingEntities knows (WordPostings.sole): a prefix match elsewhere.
      const sure = tokens.length === 1 && (c.bound > 0 || postings.knowsSoleNames);
      return {
        id: String(key.id),
        name: String(key.name),
        cableCount: Number(key.cableCount),
        match: KIND_BY_RANK[c.bound],
        sure,
      };
    });
    const names = bounded.map((b) => [b.name]);
    const first = rankedFirst(bounded, limit, (indexes) => {
      this.addAliases(
        indexes.map((i) => names[i]),
        indexes.map((i) => nodes[i]),
      );
      return indexes.map((i) => bestMatch(tokens, names[i])?.match);
    });
    const rowOf = this.entityRows(first.map((i) => nodes[i]));
    return first.map((i) => ({ ...nodeOf(rowOf.get(nodes[i])!), names: names[i] }));
  }

  /** Entities by node with their name and every alias. */
  private candidatesOf(nodes: readonly number[]): SearchCandidate[] {
    const rowOf = this.entityRows(nodes);
    const names = nodes.map((n) => [String(rowOf.get(n)!.name)]);
    this.addAliases(names, nodes);
    return nodes.map((n, i) => ({ ...nodeOf(rowOf.get(n)!), names: names[i] }));
  }

  /** Entity rows by node (`columns` over `entities e`, `n` the node). */
  private entityRows(nodes: readonly number[], columns = ENTITY_COLUMNS): Map<number, Row> {
    const rows = this.all(`SELECT ${columns} FROM entities e WHERE e.node IN (SELECT value FROM json_each(?))`, [
      json(nodes),
    ]);
    return new Map(rows.map((r) => [Number(r.n), r]));
  }

  /**
   * The entities (nodes) with a word of every query word's lists (`lists[3t + wordMatch]`, for
   * query word t), of the kinds asked: the `cap` most cited (by cable count, then id), each with
   * the best match its words allow (the worst query word's best list; for one query word, its
   * word itself is an exact match only as a whole name, else a prefix one). The words' entities come
   * from the postings held in memory; they are intersected and ranked here, in typed arrays: SQLite
   * grouping and sorting tens of thousands of them took most of a search (~100 ms at 251,287).
   */
  private matchingEntities(
    postings: WordPostings,
    lists: readonly number[][],
    queryWords: number,
    types: readonly EntityKind[] | undefined,
    cap: number,
  ): Array<{ node: number; bound: number }> {
    const index = this.searchIndex();
    const { seen, count, bound } = index;
    if (++index.stamp > 0x3fffffff) {
      seen.fill(0);
      index.stamp = 1;
    }
    const stamp = index.stamp;
    const touched: number[] = [];
    for (let t = 0; t < queryWords; t += 1) {
      // Lists in order of match: an entity's first list for this word is its best.
      for (let match = 0; match < 3; match += 1) {
        const list = lists[3 * t + match];
        if (list.length === 0) continue;
        for (const word of list) {
          for (const found of postings.nodesOf(word)) {
            if (t === 0) {
              if (seen[found] === stamp) continue;
              seen[found] = stamp;
              count[found] = 1;
              bound[found] = match === 0 && queryWords === 1 && postings.sole(word, found) === false ? 1 : match;
              touched.push(found);
            } else if (seen[found] === stamp && count[found] === t) {
              count[found] = t + 1;
              if (match > bound[found]) bound[found] = match;
            }
          }
        }
      }
    }
    const kinds = types ? new Set(types.map((type) => KIND_CODE[type])) : undefined;
    const kindOf = types ? this.entityKinds(index) : undefined;
    // (a word row of a node that is no entity, which no build or decision writes, is passed over)
    const matching = touched.filter(
      (node) => count[node] === queryWords && index.rank[node] >= 0 && (!kinds || kinds.has(kindOf![node])),
    );
    const order = Int32Array.from(matching, (node) => index.rank[node]).sort();
    return Array.from(order.subarray(0, cap), (rank) => {
      const node = index.byRank[rank];
      return { node, bound: bound[node] };
    });
  }

  /** Each entity node's KIND_CODE, by node (one pass over the table, kinds coded by SQLite). */
  private entityKinds(index: SearchIndex): Uint8Array {
    if (!index.kind) {
      const kind = new Uint8Array(index.rank.length);
      const cases = Object.entries(KIND_CODE)
        .map(([type, code]) => `WHEN '${type}' THEN ${code}`)
        .join(' ');
      for (const coded of this.statement(`SELECT node * 4 + (CASE kind ${cases} ELSE 0 END) FROM entities`)
        .pluck()
        .all() as number[])
        kind[Math.floor(coded / 4)] = coded % 4;
      index.kind = kind;
    }
    return index.kind;
  }

  /** What the search ranks and intersects entities with (read once, on the first search or warm()). */
  private searchIndex(): SearchIndex {
    this.fresh();
    if (!this.searchCache) {
      const byRank = Int32Array.from(
        this.statement('SELECT node FROM entities ORDER BY cable_count DESC, id').pluck().all() as number[],
      );
      const size = byRank.reduce((max, node) => Math.max(max, node), -1) + 1;
      const rank = new Int32Array(size).fill(-1);
      byRank.forEach((node, r) => (rank[node] = r));
      this.searchCache = {
        byRank,
        rank,
        kind: undefined,
        seen: new Int32Array(size),
        count: new Int32Array(size),
        bound: new Uint8Array(size),
        stamp: 0,
      };
    }
    return this.searchCache;
  }

  /** Appends each entity's aliases (but its name, `names[i][0]`) to `names[i]`, in alias order; `nodes[i]` is its node. */
  private addAliases(names: string[][], nodes: readonly number[]): void {
    const at = new Map(nodes.map((n, i) => [n, names[i]]));
    for (const r of this.all(
      'SELECT entity, alias AS text FROM aliases WHERE entity IN (SELECT value FROM json_each(?)) ORDER BY entity, position',
      [json(nodes)],
    )) {
      const list = at.get(Number(r.entity))!;
      const text = String(r.text);
      if (text !== list[0]) list.push(text);
    }
  }

  private edgeParams(filter: EdgeFilter): Row {
    return { minWeight: filter.minWeight, since: filter.since ?? null, until: filter.until ?? null };
  }

  async incident(ids: readonly string[], filter: EdgeFilter, heaviest?: number): Promise<EdgeView[]> {
    if (ids.length === 0) return [];
    const types = filter.types ? json(filter.types) : null;
    if (heaviest !== undefined && !this.weightIndexed()) {
      // Each entity read apart: a link between two of them counts for one only where the other passes the kinds.
      const found = new Map<string, EdgeView>();
      for (const id of new Set(ids)) {
        const links = await this.incident([id], filter);
        const floor = weightFloor(
          links.map((e) => e.weight),
          heaviest,
          filter.minWeight,
        );
        for (const edge of links) if (edge.weight >= floor) found.set(edge.id, edge);
      }
      return [...found.values()].sort(byId);
    }
    if (heaviest === undefined) {
      const rows = this.all(
        `WITH chosen AS (SELECT node FROM entities WHERE id IN (SELECT value FROM json_each(:ids)))
         SELECT ${EDGE_COLUMNS} FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
           WHERE c.a IN chosen AND ${EDGE_FILTER} AND ${TYPE_OF('eb')}
         UNION
         SELECT ${EDGE_COLUMNS} FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
           WHERE c.b IN chosen AND ${EDGE_FILTER} AND ${TYPE_OF('ea')}`,
        { ...this.edgeParams(filter), ids: json(ids), types },
      );
      return rows.map(edgeOf).sort(byId);
    }
    // Each entity's floor (its heaviest-th greatest weight) from the two weight indexes, read from
    // the top and stopped there; then its links at or above the floor.
    const found = new Map<string, EdgeView>();
    for (const node of this.all('SELECT node FROM entities WHERE id IN (SELECT value FROM json_each(:ids))', {
      ids: json([...new Set(ids)]),
    })) {
      const params = { ...this.edgeParams(filter), node: node.node, types };
      const weights = this.statement(
        `SELECT weight FROM (SELECT c.weight FROM co_mentions c JOIN entities eb ON eb.node = c.b
           WHERE c.a = :node AND ${EDGE_FILTER} AND ${TYPE_OF('eb')} ORDER BY c.weight DESC LIMIT :heaviest)
         UNION ALL
         SELECT weight FROM (SELECT c.weight FROM co_mentions c JOIN entities ea ON ea.node = c.a
           WHERE c.b = :node AND ${EDGE_FILTER} AND ${TYPE_OF('ea')} ORDER BY c.weight DESC LIMIT :heaviest)`,
      )
        .pluck()
        .all({ ...params, heaviest }) as number[];
      const floor = weightFloor(weights, heaviest, filter.minWeight);
      for (const row of this.all(
        `SELECT ${EDGE_COLUMNS} FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
           WHERE c.a = :node AND c.weight >= :floor AND ${EDGE_FILTER} AND ${TYPE_OF('eb')}
         UNION ALL
         SELECT ${EDGE_COLUMNS} FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
           WHERE c.b = :node AND c.weight >= :floor AND ${EDGE_FILTER} AND ${TYPE_OF('ea')}`,
        { ...params, floor },
      )) {
        const edge = edgeOf(row);
        found.set(edge.id, edge);
      }
    }
    return [...found.values()].sort(byId);
  }

  /**
   * Whether the database has the weight index (built from d667e1c on): without it each heaviest
   * read would sort the entity's whole adjacency twice, so a plain read of its links is filtered instead.
   */
  private weightIndexed(): boolean {
    this.weightIndex ??=
      this.statement("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'co_mentions_by_a_weight'").get() !==
      undefined;
    return this.weightIndex;
  }

  async coMentionCount(id: string): Promise<number> {
    return Number(
      this.statement(
        `SELECT (SELECT count(*) FROM co_mentions WHERE a = e.node) + (SELECT count(*) FROM co_mentions WHERE b = e.node)
         FROM entities e WHERE e.id = ?`,
      )
        .pluck()
        .get(id) ?? 0,
    );
  }

  /**
   * Every edge among the entities `ids`. A set with a hub must not read the hub's adjacency (a
   * million links at full scale): an entity of small degree is expanded (its links read through
   * the two indexes, kept when the other end is in the set), and the pairs of the rest are looked
   * up by key. The stored degree only sets the cost; a stale one (after curation) costs time,
   * never an edge.
   */
  async among(ids: readonly string[], filter: EdgeFilter): Promise<EdgeView[]> {
    if (ids.length === 0) return [];
    const set = this.all('SELECT node, degree FROM entities WHERE id IN (SELECT value FROM json_each(:ids))', {
      ids: json([...new Set(ids)]),
    });
    const budget = set.length * SqliteStore.amongCost;
    const expand: number[] = [];
    const sought: number[] = [];
    for (const r of set) (Number(r.degree) <= budget ? expand : sought).push(Number(r.node));
    const rows = this.all(
      `SELECT ${EDGE_COLUMNS} FROM json_each(:expand) x CROSS JOIN co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
         WHERE c.a = x.value AND c.b IN (SELECT value FROM json_each(:set)) AND ${EDGE_FILTER}
       UNION
       SELECT ${EDGE_COLUMNS} FROM json_each(:expand) x CROSS JOIN co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
         WHERE c.b = x.value AND c.a IN (SELECT value FROM json_each(:set)) AND ${EDGE_FILTER}
       UNION
       SELECT ${EDGE_COLUMNS} FROM json_each(:sought) f CROSS JOIN json_each(:sought) o CROSS JOIN co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
         WHERE f.key <> o.key AND c.a = f.value AND c.b = o.value AND ${EDGE_FILTER}`,
      {
        ...this.edgeParams(filter),
        set: json(set.map((r) => Number(r.node))),
        expand: json(expand),
        sought: json(sought),
      },
    );
    return rows.map(edgeOf).sort(byId);
  }

  async top(filter: NodeFilter, limit: number): Promise<NodeView[]> {
    const rows = this.all(
      `SELECT ${ENTITY_COLUMNS} FROM entities e
       WHERE (:types IS NULL OR e.kind IN (SELECT value FROM json_each(:types))) AND (:community IS NULL OR e.community = :community) AND ${SPAN('e.first_date', 'e.last_date')}
       ORDER BY e.pagerank DESC, e.id LIMIT :limit`,
      {
        types: filter.types ? json(filter.types) : null,
        community: filter.community ?? null,
        since: filter.since ?? null,
        until: filter.until ?? null,
        limit,
      },
    );
    return rows.map(nodeOf);
  }

  /** Neighbours (entity numbers) of `n` over co-mentions of at least `minWeight`: two index range reads. */
  private neighbours(n: number, minWeight: number): number[] {
    const out = this.statement('SELECT b FROM co_mentions WHERE a = ? AND weight >= ?')
      .pluck()
      .all(n, minWeight) as number[];
    for (const m of this.statement('SELECT a FROM co_mentions WHERE b = ? AND weight >= ?')
      .pluck()
      .all(n, minWeight) as number[])
      out.push(m);
    return out;
  }

  /**
   * The links of at least `minWeight` between two sets of entity numbers, as [from, to] pairs: key
   * lookups, both ways round (a pair's row is keyed by its ids' order, which is its numbers' order
   * only until a curation decision numbers a new entity after every other node), so the cost is
   * twice the product of the sets' sizes, whatever the entities' degrees.
   */
  private linksBetween(from: readonly number[], to: readonly number[], minWeight: number): Array<[number, number]> {
    return this.statement(
      `SELECT f.value, o.value FROM json_each(:from) f CROSS JOIN json_each(:to) o CROSS JOIN co_mentions c
         WHERE c.a = f.value AND c.b = o.value AND c.weight >= :minWeight
       UNION ALL
       SELECT f.value, o.value FROM json_each(:from) f CROSS JOIN json_each(:to) o CROSS JOIN co_mentions c
         WHERE c.a = o.value AND c.b = f.value AND c.weight >= :minWeight`,
    )
      .raw()
      .all({ from: json(from), to: json(to), minWeight }) as Array<[number, number]>;
  }

  /**
   * Every shortest co-mention path of at most `maxHops` (bidirectional-paths.ts, the search the
   * Neo4j store runs too), reading each expanded node's neighbours from the indexes (never the whole
   * adjacency) and looking hubs up against the other side by key. Between slices of a frontier the
   * event loop answers other requests, and the search stops when `signal` aborts (its client left,
   * or its deadline passed).
   */
  async shortestPaths(
    from: string,
    to: string,
    maxHops: number,
    minWeight: number,
    cap: number,
    signal?: AbortSignal,
  ): Promise<string[][]> {
    const ends = this.all('SELECT node AS n, id FROM entities WHERE id IN (?, ?)', [from, to]);
    const s = ends.find((r) => r.id === from)?.n as number | undefined;
    const t = ends.find((r) => r.id === to)?.n as number | undefined;
    if (s === undefined || t === undefined) return [];
    const degree = this.statement('SELECT degree FROM entities WHERE node = ?').pluck();
    const reader: PathReader<number> = {
      lookupCost: SqliteStore.lookupCost,
      degrees: (nodes) => Promise.resolve(nodes.map((n) => Number(degree.get(n) ?? 0))),
      expand: async (nodes, reach) => {
        for (let i = 0; i < nodes.length; i += PATH_SLICE) {
          if (i > 0 && signal) {
            signal.throwIfAborted();
            await new Promise<void>((resolve) => setImmediate(resolve));
            signal.throwIfAborted();
          }
          for (const u of nodes.slice(i, i + PATH_SLICE)) for (const v of this.neighbours(u, minWeight)) reach(u, v);
        }
      },
      linksBetween: (hubs, nodes) => Promise.resolve(this.linksBetween(hubs, nodes, minWeight)),
      ids: (nodes) => {
        const ids = new Map<number, string>();
        for (const r of this.all('SELECT node AS n, id FROM entities WHERE node IN (SELECT value FROM json_each(?))', [
          json(nodes),
        ]))
          ids.set(Number(r.n), String(r.id));
        return Promise.resolve(ids);
      },
    };
    return bidirectionalPaths(reader, s, t, maxHops, cap);
  }

  async edge(a: string, b: string): Promise<(EdgeView & { cables: string[] }) | undefined> {
    const [x, y] = a < b ? [a, b] : [b, a];
    const [row] = this.all(
      `SELECT ${EDGE_COLUMNS}, c.a AS an, c.b AS bn FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
       WHERE c.a = (SELECT node FROM entities WHERE id = ?) AND c.b = (SELECT node FROM entities WHERE id = ?)`,
      [x, y],
    );
    if (!row) return undefined;
    // The edge's cable list as the graph keeps it: the first maxEvidence cables in cable order (corpus cables are numbered in id order).
    const cables = this.statement(
      'SELECT k.id FROM co_mention_evidence v JOIN cables k ON k.node = v.cable WHERE v.a = ? AND v.b = ? ORDER BY v.cable LIMIT ?',
    )
      .pluck()
      .all(row.an, row.bn, this.maxEvidence()) as string[];
    return { ...edgeOf(row), cables };
  }

  /**
   * The pairs as co_mentions keys them (the entity numbers of the smaller id, then of the larger),
   * each once, with the ids of those numbers: one lookup per distinct entity, however many pairs it
   * is in.
   */
  private pairNodes(pairs: ReadonlyArray<readonly [string, string]>): { keys: string; ids: Map<number, string> } {
    const nodes = new Map<string, number>();
    for (const r of this.statement('SELECT node, id FROM entities WHERE id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(json([...new Set(pairs.flat())])) as Array<[number, string]>)
      nodes.set(r[1], r[0]);
    const keys = new Map<string, [number, number]>();
    for (const [x, y] of pairs) {
      const a = nodes.get(x);
      const b = nodes.get(y);
      if (a === undefined || b === undefined) continue;
      // A pair's row is keyed by its ids' order (not always its numbers': see linksBetween).
      const key: [number, number] = x < y ? [a, b] : [b, a];
      keys.set(`${key[0]} ${key[1]}`, key);
    }
    return { keys: json([...keys.values()]), ids: new Map([...nodes].map(([id, n]) => [n, id])) };
  }

  async links(pairs: ReadonlyArray<readonly [string, string]>, minWeight: number): Promise<EdgeView[]> {
    if (pairs.length === 0) return [];
    const { keys, ids } = this.pairNodes(pairs);
    const rows = this.all(
      `SELECT c.a AS an, c.b AS bn, c.weight AS weight, c.cable_count AS cableCount, c.first_date AS firstDate, c.last_date AS lastDate
       FROM json_each(:keys) k CROSS JOIN co_mentions c ON c.a = k.value ->> 0 AND c.b = k.value ->> 1
       WHERE c.weight >= :minWeight`,
      { keys, minWeight },
    );
    return rows.map((r) => edgeView(ids.get(Number(r.an))!, ids.get(Number(r.bn))!, r)).sort(byId);
  }

  async edges(pairs: ReadonlyArray<readonly [string, string]>): Promise<Array<EdgeView & { cables: string[] }>> {
    if (pairs.length === 0) return [];
    const { keys, ids } = this.pairNodes(pairs);
    // Each edge's cable list as edge() reads it: its first maxEvidence cables in cable order.
    const rows = this.all(
      `SELECT c.a AS an, c.b AS bn, c.weight AS weight, c.cable_count AS cableCount, c.first_date AS firstDate, c.last_date AS lastDate,
         (SELECT json_group_array(x.id ORDER BY x.node) FROM
            (SELECT v.cable FROM co_mention_evidence v WHERE v.a = c.a AND v.b = c.b ORDER BY v.cable LIMIT :cap) s
            JOIN cables x ON x.node = s.cable) AS cables
       FROM json_each(:keys) k CROSS JOIN co_mentions c ON c.a = k.value ->> 0 AND c.b = k.value ->> 1`,
      { keys, cap: this.maxEvidence() },
    );
    return rows
      .map((r) => ({
        ...edgeView(ids.get(Number(r.an))!, ids.get(Number(r.bn))!, r),
        cables: JSON.parse(String(r.cables)) as string[],
      }))
      .sort(byId);
  }

  async cables(ids: readonly string[]): Promise<CableRef[]> {
    if (ids.length === 0) return [];
    const found = new Map(
      this.all(`SELECT ${CABLE_COLUMNS} FROM cables c WHERE c.id IN (SELECT value FROM json_each(?))`, [json(ids)]).map(
        (r) => [String(r.id), cableRef(String(r.id), r)],
      ),
    );
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  async sharedCables(a: string, b: string): Promise<SharedCable[]> {
    const rows = this.all(
      `SELECT ${CABLE_COLUMNS}, x.paragraphs AS ap, x.offsets AS ao, y.paragraphs AS bp, y.offsets AS bo
       FROM cable_entities x JOIN cable_entities y ON y.cable = x.cable JOIN cables c ON c.node = x.cable
       WHERE x.entity = (SELECT node FROM entities WHERE id = ?) AND y.entity = (SELECT node FROM entities WHERE id = ?)`,
      [a, b],
    );
    const mentions = (paragraphs: unknown, offsets: unknown): MentionsIn => ({
      paragraphs: parseList(paragraphs),
      offsets: parseList(offsets),
    });
    const shared = rows.map((r) => ({
      cable: cableRef(String(r.id), r),
      a: mentions(r.ap, r.ao),
      b: mentions(r.bp, r.bo),
    }));
    return shared.sort(
      (x, y) => compare(x.cable.date ?? '9999', y.cable.date ?? '9999') || compare(x.cable.id, y.cable.id),
    );
  }

  async cableTexts(ids: readonly string[]): Promise<Map<string, CableText>> {
    if (ids.length === 0) return new Map();
    const rows = this.all(
      'SELECT node, id, text FROM cables WHERE id IN (SELECT value FROM json_each(?)) AND in_corpus = 1 AND text IS NOT NULL',
      [json(ids)],
    );
    const bounds = this.statement('SELECT number, start, end FROM paragraphs WHERE cable = ? ORDER BY position');
    return new Map(
      rows.map((r) => [
        String(r.id),
        { text: String(r.text), paragraphs: bounds.all(r.node) as CableText['paragraphs'] },
      ]),
    );
  }

  async cable(id: string): Promise<CableFacts | undefined> {
    const [row] = this.all(
      `SELECT c.node AS n, ${CABLE_COLUMNS}, c.created AS created, c.caveats AS caveats, c.in_corpus AS inCorpus FROM cables c WHERE c.id = ?`,
      [id],
    );
    if (!row) return undefined;
    const n = row.n as number;
    const strings = (sql: string): string[] => this.statement(sql).pluck().all(n).map(String);
    const facts: CableFacts = {
      ...cableRef(id, row),
      caveats: row.caveats ? (JSON.parse(text(row.caveats)) as string[]) : [],
      inCorpus: !!row.inCorpus,
      tags: this.all(
        'SELECT t.code AS code, t.name AS label FROM tagged x JOIN tags t ON t.node = x.tag WHERE x.cable = ?',
        [n],
      ).map((t) => ({ code: String(t.code), ...(t.label ? { label: text(t.label) } : {}) })),
      references: strings('SELECT r.id FROM cable_references x JOIN cables r ON r.node = x.cited WHERE x.cable = ?'),
      signers: strings('SELECT e.name FROM signed s JOIN entities e ON e.node = s.person WHERE s.cable = ?'),
      to: strings(
        "SELECT p.name FROM cable_posts x JOIN posts p ON p.node = x.post WHERE x.cable = ? AND x.role = 'TO'",
      ),
      info: strings(
        "SELECT p.name FROM cable_posts x JOIN posts p ON p.node = x.post WHERE x.cable = ? AND x.role = 'INFO'",
      ),
      entities: this.all(
        'SELECT e.id AS id, e.kind AS kind, e.name AS name, m.offsets AS offsets FROM cable_entities m JOIN entities e ON e.node = m.entity WHERE m.cable = ?',
        [n],
      ).map((e) => ({
        id: String(e.id),
        type: e.kind as EntityKind,
        name: String(e.name),
        offsets: parseList(e.offsets),
      })),
    };
    if (row.created) facts.created = text(row.created);
    const [from] = strings(
      "SELECT p.name FROM cable_posts x JOIN posts p ON p.node = x.post WHERE x.cable = ? AND x.role = 'FROM'",
    );
    if (from) facts.from = from;
    const [classifiedBy] = strings(
      'SELECT e.name FROM classified s JOIN entities e ON e.node = s.person WHERE s.cable = ?',
    );
    if (classifiedBy) facts.classifiedBy = classifiedBy;
    return sortFacts(facts);
  }

  /**
   * Full-text search (FTS5 over subjects and texts): the matching cables best first (bm25), each
   * with its best passage and its most mentioned entities; then the entities named in the most of
   * the best 100 matches. Without a date range the cables table is not joined (FTS5 answers the
   * count and the top of the ranking from its own index).
   */
  async textSearch(query: TextQuery): Promise<TextSearchResult> {
    const match = ftsExpression(query.q);
    const dated = query.since !== undefined || query.until !== undefined;
    const from = dated
      ? `cable_fts f JOIN cables c ON c.node = f.rowid WHERE cable_fts MATCH :match AND (:since IS NULL OR c.date >= :since) AND (:until IS NULL OR substr(c.date, 1, length(:until)) <= :until)`
      : 'cable_fts f WHERE cable_fts MATCH :match';
    const params = dated ? { match, since: query.since ?? null, until: query.until ?? null } : { match };
    const total = Number(this.statement(`SELECT count(*) FROM ${from}`).pluck().get(params));
    // One ranking for the page and the entities' best matches. bm25 over every match is the cost
    // of a common word, so it runs once. ORDER BY rank, rowid is SQLite's own sort with a LIMIT
    // (it keeps only the best N); a lone `ORDER BY rank` is FTS5's sorter, which sorts every match
    // and cost twice as much CPU at 251,287 cables (the rowid also makes ties deterministic).
    const ranked = this.statement(`SELECT f.rowid FROM ${from} ORDER BY f.rank, f.rowid LIMIT :best`)
      .pluck()
      .all({ ...params, best: Math.max(query.offset + query.limit, TEXT_SEARCH_ENTITY_HITS) }) as number[];
    const page = ranked.slice(query.offset, query.offset + query.limit);
    // (rowid IN json_each: a bound `rowid = ?` beside MATCH came back with every match.)
    const snippets = new Map(
      this.all(
        `SELECT f.rowid AS n, snippet(cable_fts, -1, '${MARK_START}', '${MARK_END}', '…', 24) AS snippet FROM cable_fts f
         WHERE f.rowid IN (SELECT value FROM json_each(:rows)) AND cable_fts MATCH :match`,
        { rows: json(page), match },
      ).map((r) => [Number(r.n), r.snippet]),
    );
    const refs = new Map(
      this.all(`SELECT c.node AS n, ${CABLE_COLUMNS} FROM cables c WHERE c.node IN (SELECT value FROM json_each(?))`, [
        json(page),
      ]).map((r) => [Number(r.n), r]),
    );
    const mentioned = this.statement(
      'SELECT e.id, e.kind, e.name, m.count FROM cable_entities m JOIN entities e ON e.node = m.entity WHERE m.cable = ? ORDER BY m.count DESC, m.position LIMIT 8',
    );
    const cables = page.map((n) => {
      const r = refs.get(n)!;
      return {
        ...cableRef(String(r.id), r),
        snippet: unmark(text(snippets.get(n))),
        entities: (mentioned.all(n) as Row[]).map((e) => ({
          id: String(e.id),
          type: e.kind as EntityKind,
          name: String(e.name),
          mentions: Number(e.count),
        })),
      };
    });
    const entities = this.all(
      `SELECT e.id AS id, e.kind AS kind, e.name AS name, count(*) AS cables FROM json_each(:hits) hits JOIN cable_entities m ON m.cable = hits.value JOIN entities e ON e.node = m.entity
       GROUP BY e.node ORDER BY cables DESC, e.cable_count DESC, e.id LIMIT 20`,
      { hits: json(ranked.slice(0, TEXT_SEARCH_ENTITY_HITS)) },
    ).map((e) => ({ id: String(e.id), type: e.kind as EntityKind, name: String(e.name), cables: Number(e.cables) }));
    return { query: query.q, total, offset: query.offset, cables, entities };
  }

  async relationEdges(id: string): Promise<{ edges: StoredRelationEdge[]; nodes: NodeRef[] } | undefined> {
    const node = this.statement('SELECT node FROM entities WHERE id = ? UNION ALL SELECT node FROM posts WHERE id = ?')
      .pluck()
      .get(id, id) as number | undefined;
    if (node === undefined) return undefined;
    // every row of a HOLDS_ROLE/AFFILIATED_WITH group has the node at the same end, so the groups come whole
    const rows = {
      roles: this.all('SELECT * FROM roles WHERE owner IS NOT NULL AND (person = ? OR owner = ?) ORDER BY rowid', [
        node,
        node,
      ]).map(roleRow),
      affiliations: this.all(
        'SELECT * FROM affiliations WHERE owner IS NOT NULL AND (person = ? OR owner = ?) ORDER BY rowid',
        [node, node],
      ).map(affiliationRow),
      meetings: this.all('SELECT * FROM meetings WHERE a = ? OR b = ? ORDER BY rowid', [node, node]).map(meetingRow),
    };
    const wanted = new Set<number>([node]);
    for (const r of rows.roles) wanted.add(r.person).add(r.owner!).add(r.cable);
    for (const r of rows.affiliations) wanted.add(r.person).add(r.owner!).add(r.cable);
    for (const r of rows.meetings) wanted.add(r.a).add(r.b).add(r.cable);
    const found = this.all(
      `SELECT node, id, name, kind FROM entities WHERE node IN (SELECT value FROM json_each(:nodes))
       UNION ALL SELECT node, id, name, 'Post' AS kind FROM posts WHERE node IN (SELECT value FROM json_each(:nodes))
       UNION ALL SELECT node, id, id AS name, 'Cable' AS kind FROM cables WHERE node IN (SELECT value FROM json_each(:nodes))`,
      { nodes: json([...wanted]) },
    );
    const byNode = new Map(found.map((r) => [Number(r.node), r]));
    const key = (n: number): string => String((byNode.get(n)?.id as string | number | undefined) ?? n);
    const edges = relationEdges(rows, key, this.maxEvidence()).map((e) => ({
      type: e.attributes.type as StoredRelationEdge['type'],
      source: e.source,
      target: e.target,
      attributes: e.attributes,
    }));
    const nodes = found
      .filter((r) => r.kind !== 'Cable')
      .map((r) => ({ id: String(r.id), name: String(r.name), kind: String(r.kind) }));
    return { edges, nodes };
  }

  async relationStatements(edge: StatementEdgeRef, offset: number, limit: number): Promise<StatementPage | undefined> {
    const node = (id: string): number | undefined =>
      this.statement('SELECT node FROM entities WHERE id = ? UNION ALL SELECT node FROM posts WHERE id = ?')
        .pluck()
        .get(id, id) as number | undefined;
    const person = node(edge.person);
    const owner = node(edge.owner);
    if (person === undefined || owner === undefined) return undefined;
    const roles = edge.type === 'HOLDS_ROLE';
    // The edge's rows by roles_edges (person, title, owner) / affiliations_edges (person, owner), in
    // relationEdges' order: date (undated last: char(65535) sorts after any date, as '\uffff' there),
    // cable id, start, then rowid (that sort is stable over rows read in rowid order).
    const table = roles ? 'roles' : 'affiliations';
    const where = `r.person = :person AND r.owner = :owner${roles ? ' AND r.title = :title' : ''}`;
    const params = { person, owner, ...(roles ? { title: edge.title } : {}) };
    const total = Number(this.statement(`SELECT count(*) FROM ${table} r WHERE ${where}`).pluck().get(params));
    if (total === 0) return undefined;
    const rows = this.all(
      `SELECT r.*, c.id AS cable_id FROM ${table} r JOIN cables c ON c.node = r.cable WHERE ${where}
       ORDER BY coalesce(r.date, char(65535)), c.id, r.start, r.rowid LIMIT :limit OFFSET :offset`,
      { ...params, limit, offset },
    );
    const id = relationEdgeId(edge);
    const statements = rows.map((r) => {
      const s: StatementView = { cable: String(r.cable_id) } as StatementView;
      if (typeof r.date === 'string' && r.date !== '') s.date = r.date;
      Object.assign(s, {
        paragraph: Number(r.paragraph ?? 0),
        evidence: String(r.evidence),
        start: Number(r.start),
        end: Number(r.end),
      });
      if (roles) s.titleText = String(r.title_text);
      return s;
    });
    return { id, total, offset, statements };
  }

  async meetingsAmong(ids: readonly string[]): Promise<MeetingEdgeRef[]> {
    if (ids.length === 0) return [];
    // Both ends by the index on `a`, then the shown set (a temporary b-tree of the ids' nodes).
    return this.all(
      `WITH shown(node) AS MATERIALIZED (SELECT node FROM entities WHERE id IN (SELECT value FROM json_each(:ids)))
       SELECT ea.id AS source, eb.id AS target, c.id AS cable, m.date AS date
       FROM meetings m JOIN entities ea ON ea.node = m.a JOIN entities eb ON eb.node = m.b JOIN cables c ON c.node = m.cable
       WHERE m.a IN shown AND m.b IN shown`,
      { ids: json([...ids]) },
    ).map((r) => {
      const ref: MeetingEdgeRef = { source: String(r.source), target: String(r.target), cable: String(r.cable) };
      if (typeof r.date === 'string' && r.date !== '') ref.date = r.date;
      return ref;
    });
  }

  // ── Posts, tags, signers, references (sqlite-browse.ts) ──

  private browsing: SqliteBrowse | undefined;
  private get browse(): SqliteBrowse {
    return (this.browsing ??= new SqliteBrowse(this.db));
  }

  async catalog(): Promise<CatalogEntry[]> {
    return this.browse.catalog();
  }

  async posts(ids: readonly string[]): Promise<PostView[]> {
    return this.browse.posts(ids);
  }

  async tags(ids: readonly string[]): Promise<TagView[]> {
    return this.browse.tags(ids);
  }

  async signers(ids: readonly string[]): Promise<SignerView[]> {
    return this.browse.signers(ids);
  }

  async cableList(filter: CableFilter, order: CableOrder, limit: number, offset: number): Promise<CableList> {
    return this.browse.cableList(filter, order, limit, offset);
  }

  async cableFacets(filter: CableFilter, size: number): Promise<CableFacets> {
    return this.browse.cableFacets(filter, size);
  }

  async cableLinks(id: string): Promise<CableLinks | undefined> {
    return this.browse.cableLinks(id);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
