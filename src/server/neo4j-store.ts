// The GraphStore over Neo4j: the server's named Cypher queries, run with parameters.
import * as path from 'path';
import neo4j, { type Driver } from 'neo4j-driver';
import { CYPHER_DIR, queryLibrary, runQuery, type NamedQuery } from '../store/neo4j';
import type { CableFacets, CableFilter, CableLinks, CableList, PostView, SignerView, TagView } from '../model';
import * as browse from './neo4j-browse';
import * as paths from './neo4j-paths';
import { Explorer, LIMITS } from './explore';
import { maxEdits } from './search';
import { compare } from './search';
import { cableRef, edgeView, nodeView, sortFacts } from './views';
import type {
  CableFacts,
  CableOrder,
  CableText,
  CatalogEntry,
  EdgeFilter,
  GraphStore,
  NodeFilter,
  SearchCandidate,
  SharedCable,
} from './store';
import { StatementsNotStored } from './store';
import { statementsOf, storedStatement } from './relation-views';
import type { Alias, CableRef, EdgeAttrs, EdgeView, EntityKind, GraphStats, NodeView } from '../model';
import type { StatementEdgeRef, StatementPage, StatementView } from '../model';
import { text } from '../common/text';
import type { MeetingEdgeRef, NodeRef, StoredRelationEdge } from '../model';
import { pairKey } from '../model/neo4j-shape';
import { relationEdgeId } from '../model';

/** The server's queries: one .cypher file each, in cypher/server (values always passed as parameters). */
export const SERVER_QUERIES_DIR = path.join(CYPHER_DIR, 'server');

type Row = Record<string, unknown>;
const defined = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));
const int = (n: number): unknown => neo4j.int(n);

/** Lucene terms for normalized words: each word as a prefix, and within its typo budget. */
export function luceneQuery(tokens: readonly string[]): string {
  // Tokens are letters and digits only (searchTokens), so nothing needs escaping.
  return tokens.map((t) => (maxEdits(t) > 0 ? `(${t}* OR ${t}~${maxEdits(t)})` : `${t}*`)).join(' AND ');
}

/** Edges by id, each once (a pair asked both ways round matches its edge twice). */
function uniqueEdges<E extends EdgeView>(edges: E[]): E[] {
  const byId = new Map(edges.map((e) => [e.id, e]));
  return [...byId.values()].sort((x, y) => compare(x.id, y.id));
}

/**
 * What one `pair` index seek costs against expanding one relationship (among): a seek descends the
 * index and then reads the relationship, an expansion follows the node's relationship chain.
 */
const SEEK_COST = 4;

/** Rows whose two ends are a pair that was asked for (a `pair` key names one pair, unless an id had a space). */
function askedPairs(rows: Row[], keys: ReadonlySet<string>): Row[] {
  return rows.filter((r) => keys.has(pairKey(String(r.source), String(r.target))));
}

/** Optional filter values as Cypher parameters (absent → null, which the queries test for). */
const dateParams = (filter: { since?: string | undefined; until?: string | undefined }): Row => ({
  since: filter.since ?? null,
  until: filter.until ?? null,
});

/**
 * The Neo4j store: every answer is one query of cypher/server, run in a read transaction; rows
 * are put in the same shapes and orders as the embedded store's.
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly queries: Map<string, NamedQuery>;
  /** Whether the co-mentions carry their `pair` key (keyed.cypher), asked once. */
  private keyedAnswer: Promise<boolean> | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
    private readonly ownsDriver = true,
  ) {
    this.queries = queryLibrary(SERVER_QUERIES_DIR);
  }

  private async rows(name: string, params: Row = {}): Promise<Row[]> {
    const query = this.queries.get(name);
    if (!query) throw new Error(`no server query ${name} in ${SERVER_QUERIES_DIR}`);
    return (await runQuery(this.driver, query, params, this.database)).rows;
  }

  async stats(): Promise<GraphStats> {
    const [row] = await this.rows('stats');
    const r = defined(row ?? {});
    return {
      store: 'neo4j',
      cables: Number(r.cables ?? 0),
      entities: Number(r.entities ?? 0),
      coMentions: Number(r.coMentions ?? 0),
      ...(r.firstDate ? { firstDate: text(r.firstDate) } : {}),
      ...(r.lastDate ? { lastDate: text(r.lastDate) } : {}),
      communities: Number(r.communities ?? 0),
    };
  }

  async entities(ids: readonly string[]): Promise<NodeView[]> {
    if (ids.length === 0) return [];
    const found = new Map(
      (await this.rows('entities', { ids: [...ids] })).map((r) => [
        String(r.id),
        nodeView(String(r.id), { ...defined(r), kind: r.type }),
      ]),
    );
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  async aliases(id: string): Promise<Alias[]> {
    const [row] = await this.rows('aliases', { id });
    const texts = (row?.aliases as string[] | null) ?? [];
    const counts = (row?.counts as number[] | null) ?? [];
    return texts
      .map((text, i) => ({ text, count: Number(counts[i] ?? 0) }))
      .sort((x, y) => y.count - x.count || compare(x.text, y.text));
  }

  async timeline(id: string): Promise<Array<{ month: string; cables: number }>> {
    return (await this.rows('timeline', { id })).map((r) => ({ month: String(r.month), cables: Number(r.cables) }));
  }

  async searchCandidates(
    tokens: readonly string[],
    types: readonly EntityKind[] | undefined,
    cap: number,
  ): Promise<SearchCandidate[]> {
    const rows = await this.rows('search-candidates', {
      lucene: luceneQuery(tokens),
      types: types ? [...types] : null,
      cap: int(cap),
    });
    return rows.map((r) => {
      const name = String(r.name);
      const aliases = ((r.aliases as string[] | null) ?? []).filter((a) => a !== name);
      return { ...nodeView(String(r.id), { ...defined(r), kind: r.type }), names: [name, ...aliases] };
    });
  }

  private edgeParams(filter: EdgeFilter): Row {
    return { minWeight: filter.minWeight, ...dateParams(filter) };
  }

  async incident(ids: readonly string[], filter: EdgeFilter, heaviest?: number): Promise<EdgeView[]> {
    if (ids.length === 0) return [];
    const params = { ids: [...ids], ...this.edgeParams(filter), types: filter.types ? [...filter.types] : null };
    const rows =
      heaviest === undefined
        ? await this.rows('incident', params)
        : await this.rows('incident-heaviest', { ...params, heaviest: int(heaviest) });
    return rows
      .map((r) => edgeView(String(r.source), String(r.target), defined(r)))
      .sort((x, y) => compare(x.id, y.id));
  }

  async coMentionCount(id: string): Promise<number> {
    const [row] = await this.rows('co-mention-count', { id });
    return row ? Number(row.degree) : 0;
  }

  /**
   * Whether the pair-key queries can answer: the co-mentions carry `pair` (every load since it was
   * added; a database loaded before answers through the queries that match pairs from their ends).
   * No co-mentions at all: either way gives the same empty answers.
   */
  private keyed(): Promise<boolean> {
    this.keyedAnswer ??= this.rows('keyed').then(
      ([row]) => row === undefined || row.keyed === true,
      (error: unknown) => {
        this.keyedAnswer = undefined; // a failure (server away) is not remembered
        throw error;
      },
    );
    return this.keyedAnswer;
  }

  async among(ids: readonly string[], filter: EdgeFilter): Promise<EdgeView[]> {
    if (ids.length === 0) return [];
    const rows = (await this.keyed())
      ? await this.amongKeyed(ids, filter)
      : await this.rows('among', { ids: [...ids], ...this.edgeParams(filter) });
    return rows
      .map((r) => edgeView(String(r.source), String(r.target), defined(r)))
      .sort((x, y) => compare(x.id, y.id));
  }

  /**
   * among over the `pair` index: each co-mention is stored from its smaller id, so it is found once
   * from its larger end b, the cheaper way for b — expanding b's incoming co-mentions (its
   * in-degree) or one pair seek per id of the set smaller than b. A set's hubs are sought, its
   * small entities expanded.
   */
  private async amongKeyed(ids: readonly string[], filter: EdgeFilter): Promise<Row[]> {
    const sorted = [...new Set(ids)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const degree = new Map(
      (await this.rows('among-degrees', { ids: sorted })).map((r) => [String(r.id), Number(r.inDegree)]),
    );
    const expand: string[] = [];
    const seek: unknown[][] = [];
    sorted.forEach((id, smaller) => {
      const inDegree = degree.get(id);
      if (inDegree === undefined || inDegree === 0 || smaller === 0) return; // nothing can end here
      if (inDegree <= smaller * SEEK_COST) expand.push(id);
      else seek.push([id, int(smaller)]);
    });
    // Two plain queries (each skipped when it has nothing to do) rather than one UNION.
    const params = { ids: sorted, ...this.edgeParams(filter) };
    const rows = [
      ...(expand.length > 0 ? await this.rows('among-expand', { ...params, expand }) : []),
      ...(seek.length > 0 ? await this.rows('among-seek', { ...params, seek }) : []),
    ];
    const shown = new Set(sorted);
    return rows.filter((r) => shown.has(String(r.source)) && shown.has(String(r.target)));
  }

  async top(filter: NodeFilter, limit: number): Promise<NodeView[]> {
    const rows = await this.rows('top', {
      types: filter.types ? [...filter.types] : null,
      community: filter.community === undefined ? null : int(filter.community),
      ...dateParams(filter),
      limit: int(limit),
    });
    return rows.map((r) => nodeView(String(r.id), { ...defined(r), kind: r.type }));
  }

  async shortestPaths(
    from: string,
    to: string,
    maxHops: number,
    minWeight: number,
    cap: number,
    signal?: AbortSignal,
  ): Promise<string[][]> {
    const hops = Math.max(1, Math.min(LIMITS.pathHops, Math.floor(maxHops)));
    // Hubs are looked up by pair key against the other side's nodes; without the keys (a database
    // loaded before them) every frontier is expanded (the same paths, more links read).
    const probe = await this.keyed();
    return paths.shortestPaths(this.run, from, to, hops, minWeight, cap, { probe, ...(signal ? { signal } : {}) });
  }

  async edge(a: string, b: string): Promise<(EdgeView & { cables: string[] }) | undefined> {
    if (await this.keyed()) return (await this.edges([[a, b]]))[0];
    const [row] = await this.rows('edge', { a, b });
    if (!row) return undefined;
    return {
      ...edgeView(String(row.source), String(row.target), defined(row)),
      cables: [...((row.cables as string[] | null) ?? [])],
    };
  }

  async links(pairs: ReadonlyArray<readonly [string, string]>, minWeight: number): Promise<EdgeView[]> {
    if (pairs.length === 0) return [];
    const rows = await this.pairRows('links', pairs, { minWeight });
    return uniqueEdges(rows.map((r) => edgeView(String(r.source), String(r.target), defined(r))));
  }

  async edges(pairs: ReadonlyArray<readonly [string, string]>): Promise<Array<EdgeView & { cables: string[] }>> {
    if (pairs.length === 0) return [];
    const rows = await this.pairRows('edges', pairs, {});
    return uniqueEdges(
      rows.map((r) => ({
        ...edgeView(String(r.source), String(r.target), defined(r)),
        cables: [...((r.cables as string[] | null) ?? [])],
      })),
    );
  }

  /** The rows of `links` or `edges` for pairs: by their `pair` keys (one index seek each) when the co-mentions carry them. */
  private async pairRows(name: 'links' | 'edges', pairs: ReadonlyArray<readonly [string, string]>, params: Row) {
    if (!(await this.keyed())) return this.rows(name, { pairs: pairs.map((p) => [...p]), ...params });
    const keys = new Set(pairs.filter(([x, y]) => x !== y).map(([x, y]) => pairKey(x, y)));
    if (keys.size === 0) return [];
    return askedPairs(await this.rows(`${name}-keyed`, { keys: [...keys], ...params }), keys);
  }

  async cables(ids: readonly string[]): Promise<CableRef[]> {
    if (ids.length === 0) return [];
    const found = new Map(
      (await this.rows('cables', { ids: [...ids] })).map((r) => [String(r.id), cableRef(String(r.id), defined(r))]),
    );
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  async sharedCables(a: string, b: string): Promise<SharedCable[]> {
    const rows = await this.rows('shared-cables', { a, b });
    const list = (v: unknown): number[] => ((v as number[] | null) ?? []).map(Number);
    return rows.map((r) => ({
      cable: cableRef(String(r.id), defined(r)),
      a: { paragraphs: list(r.aParagraphs), offsets: list(r.aOffsets) },
      b: { paragraphs: list(r.bParagraphs), offsets: list(r.bOffsets) },
    }));
  }

  async cableTexts(ids: readonly string[]): Promise<Map<string, CableText>> {
    if (ids.length === 0) return new Map();
    const rows = await this.rows('cable-texts', { ids: [...ids] });
    return new Map(
      rows.map((r) => {
        const numbers = (r.numbers as number[] | null) ?? [];
        const starts = (r.starts as number[] | null) ?? [];
        const ends = (r.ends as number[] | null) ?? [];
        return [
          String(r.id),
          {
            text: String(r.text),
            paragraphs: numbers.map((number, i) => ({
              number: Number(number),
              start: Number(starts[i]),
              end: Number(ends[i]),
            })),
          },
        ];
      }),
    );
  }

  async cable(id: string): Promise<CableFacts | undefined> {
    const [row] = await this.rows('cable', { id });
    if (!row) return undefined;
    const r = defined(row);
    const strings = (v: unknown): string[] => ((v as string[] | undefined) ?? []).map(String);
    const facts: CableFacts = {
      ...cableRef(id, r),
      caveats: strings(r.caveats),
      inCorpus: !!r.inCorpus,
      tags: ((r.tags as Row[] | undefined) ?? []).map((t) => ({
        code: String(t.code),
        ...(t.label ? { label: text(t.label) } : {}),
      })),
      references: strings(r.references),
      signers: strings(r.signers),
      to: strings(r.to),
      info: strings(r.info),
      entities: ((r.entities as Row[] | undefined) ?? []).map((e) => ({
        id: String(e.id),
        type: e.type as EntityKind,
        name: String(e.name),
        offsets: ((e.offsets as number[] | null) ?? []).map(Number),
      })),
    };
    if (r.created) facts.created = text(r.created);
    const from = strings(r.from)[0];
    if (from) facts.from = from;
    const classifiedBy = strings(r.classifiedBy)[0];
    if (classifiedBy) facts.classifiedBy = classifiedBy;
    return sortFacts(facts);
  }

  async relationEdges(id: string): Promise<{ edges: StoredRelationEdge[]; nodes: NodeRef[] } | undefined> {
    const rows = await this.rows('relations', { id });
    if (rows.length === 0) return undefined;
    const nodes = new Map<string, NodeRef>();
    const edges: StoredRelationEdge[] = [];
    for (const r of rows) {
      for (const end of [r.source, r.target] as Array<Row | null>)
        if (end) nodes.set(String(end.id), { id: String(end.id), name: String(end.name), kind: String(end.kind) });
      if (r.type === null || r.type === undefined) continue; // the node alone: it has no relation edges
      const type = r.type as StoredRelationEdge['type'];
      const attributes: EdgeAttrs = { ...(defined(r.props as Row) as Omit<EdgeAttrs, 'type'>), type };
      edges.push({ type, source: String((r.source as Row).id), target: String((r.target as Row).id), attributes });
    }
    return { edges, nodes: [...nodes.values()] };
  }

  /**
   * From the relationship's own lists (relation-edge.cypher): every statement of an edge that was
   * not capped; of a capped one, the first and last ones it keeps (keptStatements) and, between
   * them, its (:Statement) nodes — read in the same query, the page's positions only. A middle
   * position without its node is a database loaded by a cablegraph that did not write them.
   */
  async relationStatements(edge: StatementEdgeRef, offset: number, limit: number): Promise<StatementPage | undefined> {
    const roles = edge.type === 'HOLDS_ROLE';
    const id = relationEdgeId(edge);
    const [row] = await this.rows('relation-edge', {
      type: edge.type,
      person: edge.person,
      owner: edge.owner,
      title: roles ? edge.title : '',
      edge: id,
      from: int(offset),
      to: int(offset + limit),
    });
    if (!row) return undefined;
    const props = defined(row.props as Row);
    const kept = statementsOf(props, roles);
    const total = typeof props.statementCount === 'number' ? props.statementCount : kept.length;
    const middle = new Map(
      (row.middle as Row[]).map((s) => [Number(s.seq), storedStatement(s, roles)] as [number, StatementView]),
    );
    const end = Math.min(offset + limit, total);
    const head = Math.ceil(kept.length / 2);
    const tailFrom = total - (kept.length - head);
    // Position p of the edge is kept[p] in the head, kept[p - tailFrom + head] in the tail, a Statement node between.
    const statements: StatementView[] = [];
    for (let p = offset; p < end; p += 1) {
      if (total === kept.length || p < head) statements.push(kept[p]);
      else if (p >= tailFrom) statements.push(kept[p - tailFrom + head]);
      else if (middle.has(p)) statements.push(middle.get(p)!);
      else
        throw new StatementsNotStored(
          `${id} has ${total} statements and this Neo4j database holds only the first ${head} and the last ${kept.length - head}: it was loaded by an older cablegraph, which did not write the others — load the graph again (cablegraph load --force)`,
        );
    }
    return { id, total, offset, statements };
  }

  async meetingsAmong(ids: readonly string[]): Promise<MeetingEdgeRef[]> {
    if (ids.length === 0) return [];
    return (await this.rows('meetings-among', { ids: [...ids] })).map((r) => {
      const ref: MeetingEdgeRef = { source: String(r.source), target: String(r.target), cable: String(r.cable) };
      if (typeof r.date === 'string' && r.date !== '') ref.date = r.date;
      return ref;
    });
  }

  // ── Posts, tags, signers, references (neo4j-browse.ts) ──

  private readonly run: browse.RunQuery = (name, params) => this.rows(name, params);

  async catalog(): Promise<CatalogEntry[]> {
    return browse.catalog(this.run);
  }

  async posts(ids: readonly string[]): Promise<PostView[]> {
    return browse.posts(this.run, ids);
  }

  async tags(ids: readonly string[]): Promise<TagView[]> {
    return browse.tags(this.run, ids);
  }

  async signers(ids: readonly string[]): Promise<SignerView[]> {
    return browse.signers(this.run, ids);
  }

  async cableList(filter: CableFilter, order: CableOrder, limit: number, offset: number): Promise<CableList> {
    return browse.cableList(this.run, filter, order, limit, offset);
  }

  async cableFacets(filter: CableFilter, size: number): Promise<CableFacets> {
    return browse.cableFacets(this.run, filter, size);
  }

  async cableLinks(id: string): Promise<CableLinks | undefined> {
    return browse.cableLinks(this.run, id);
  }

  /**
   * Asks the viewer's common questions once — search, a neighbourhood, paths, evidence — about a
   * pair of entities with few co-mentions (warm-pair.cypher), all at once: the first users'
   * requests then find their query plans compiled (a plan is compiled on a query's first run after
   * a server start), the driver's connections open, and the indexes' upper pages in the page cache.
   * `serve` starts it once it listens, without waiting for it. Best effort: a failure here is left
   * for the requests to report.
   */
  async warm(): Promise<void> {
    try {
      await this.keyed();
      const [pair] = await this.rows('warm-pair', { most: int(100) });
      const questions: Array<Promise<unknown>> = [this.stats(), this.top({}, 10)];
      if (pair) {
        const [a, b, name] = [String(pair.a), String(pair.b), String(pair.name)];
        const explorer = new Explorer(this);
        questions.push(
          explorer.search(name, undefined, 20),
          explorer.neighbourhood(a, {}, 1, 100),
          explorer.paths(a, b, LIMITS.pathHops, 1, 3),
          explorer.evidence(a, b, 20, 0),
          // The path search's steps that a linked pair does not take.
          this.rows('path-expand', { ids: [a, b], minWeight: 1 }),
          this.rows('path-probe', { probes: [[pairKey(a, b), a, b]], minWeight: 1 }),
        );
      }
      await Promise.allSettled(questions);
    } catch {
      // Nothing to warm (an empty database) or the server away: the first requests will say so.
    }
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }
}
