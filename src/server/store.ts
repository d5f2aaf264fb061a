// The GraphStore interface: the small, exact questions about the graph that both stores answer.
import type {
  Alias,
  CableMetadata,
  CableRef,
  DateRange,
  EdgeView,
  EntityKind,
  GraphStats,
  NodeView,
  TextSearchResult,
} from '../model';
import type { MeetingEdgeRef, NodeRef, StatementEdgeRef, StatementPage, StoredRelationEdge } from '../model';
import type { CableFacets, CableFilter, CableLinks, CableList, PostView, SignerView, TagView } from '../model';

/**
 * A page of a capped edge's statements that the store does not hold: a Neo4j database loaded by a
 * cablegraph that wrote only the kept ones (no (:Statement) nodes), to be loaded again.
 */
export class StatementsNotStored extends Error {}

/**
 * What a store answers: small, exact questions about the graph. The viewer's operations
 * (neighbourhood, paths, evidence, search ranking …) are written once over these, in explore.ts,
 * so the embedded store and the Neo4j store give the same answers by construction. Every list
 * comes back in the documented order, so nothing depends on a store's iteration order.
 */
export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  stats(): Promise<GraphStats>;
  /** Entity nodes by id (unknown ids and non-entities are skipped), in the order asked. */
  entities(ids: readonly string[]): Promise<NodeView[]>;
  /** An entity's aliases, most used first (then by text). */
  aliases(id: string): Promise<Alias[]>;
  /** Cables per month mentioning the entity, by month. */
  timeline(id: string): Promise<Array<{ month: string; cables: number }>>;
  /**
   * Entities that may match normalized search tokens (a superset of the matches: explore.ts
   * decides and ranks), at most `cap`. With `limit` (rankSearch keeps that many hits), a store may
   * leave out the aliases of candidates that cannot be among them (rankedFirst).
   */
  searchCandidates(
    tokens: readonly string[],
    types: readonly EntityKind[] | undefined,
    cap: number,
    limit?: number,
  ): Promise<SearchCandidate[]>;
  /**
   * Co-mention edges with at least one endpoint in `ids` that pass the filter, by edge id. With
   * `heaviest`, only each entity's links of at least its `heaviest`-th greatest weight (ties
   * included, so that any ranking by weight cut at `heaviest` is exact): a hub's strongest links
   * without its whole adjacency.
   */
  incident(ids: readonly string[], filter: EdgeFilter, heaviest?: number): Promise<EdgeView[]>;
  /** How many co-mention links the entity has (of any weight; 0 when unknown). */
  coMentionCount(id: string): Promise<number>;
  /** Co-mention edges with both endpoints in `ids` that pass the filter (its `types` ignored: the nodes are chosen), by edge id. */
  among(ids: readonly string[], filter: EdgeFilter): Promise<EdgeView[]>;
  /** Entities by PageRank (highest first, then id), at most `limit`, passing the node filter. */
  top(filter: NodeFilter, limit: number): Promise<NodeView[]>;
  /** Every shortest co-mention path (node-id sequences) of at most `maxHops`, up to `cap` paths; stops (rejects) when `signal` aborts. */
  shortestPaths(
    from: string,
    to: string,
    maxHops: number,
    minWeight: number,
    cap: number,
    signal?: AbortSignal,
  ): Promise<string[][]>;
  /** The co-mention edge of a pair with its (capped) cable list, when there is one. */
  edge(a: string, b: string): Promise<(EdgeView & { cables: string[] }) | undefined>;
  /**
   * The co-mention edges of these pairs (either way round) of at least `minWeight`, by edge id; a
   * pair without one is skipped. One question for many links (a path search's), never a scan of
   * an entity's links.
   */
  links(pairs: ReadonlyArray<readonly [string, string]>, minWeight: number): Promise<EdgeView[]>;
  /** `edge` for many pairs at once: their co-mention edges with their (capped) cable lists, by edge id; a pair without one is skipped. */
  edges(pairs: ReadonlyArray<readonly [string, string]>): Promise<Array<EdgeView & { cables: string[] }>>;
  /** Cables by id (unknown ids skipped), in the order asked. */
  cables(ids: readonly string[]): Promise<CableRef[]>;
  /** Every cable mentioning both entities, with where each is mentioned, by date then id. */
  sharedCables(a: string, b: string): Promise<SharedCable[]>;
  /** Text and paragraph bounds of cables (those the store has text for). */
  cableTexts(ids: readonly string[]): Promise<Map<string, CableText>>;
  /** Everything the cable view shows, from the graph; undefined for an unknown cable. */
  cable(id: string): Promise<CableFacts | undefined>;
  /** Every post and tag (names to look them up by), by id. */
  catalog(): Promise<CatalogEntry[]>;
  /** Posts by id with their cables by role (unknown ids skipped), in the order asked. */
  posts(ids: readonly string[]): Promise<PostView[]>;
  /** Tags by id with their cables (unknown ids skipped), in the order asked. */
  tags(ids: readonly string[]): Promise<TagView[]>;
  /** People by id with the cables they signed and classified (unknown ids skipped), in the order asked. */
  signers(ids: readonly string[]): Promise<SignerView[]>;
  /**
   * The corpus cables a filter matches (it names at least one of post, tag, signer, entity: the
   * cables are found from there), oldest first or newest first, undated last, then by id.
   */
  cableList(filter: CableFilter, order: CableOrder, limit: number, offset: number): Promise<CableList>;
  /** The facets of every cable a filter matches, at most `size` values each (see CableFacets). */
  cableFacets(filter: CableFilter, size: number): Promise<CableFacets>;
  /** A cable's posts, tags, authors and references both ways; undefined for an unknown cable. */
  cableLinks(id: string): Promise<CableLinks | undefined>;
  /** Full-text search over the cables' subjects and texts (the graph database's FTS5 index); absent when the store has none. */
  textSearch?(query: TextQuery): Promise<TextSearchResult>;
  /**
   * The HOLDS_ROLE, AFFILIATED_WITH and MET edges at an entity or a post (either end), with the
   * nodes at their ends; undefined for an id that is neither. Any order: relationViews sorts.
   */
  relationEdges(id: string): Promise<{ edges: StoredRelationEdge[]; nodes: NodeRef[] } | undefined>;
  /**
   * A HOLDS_ROLE or AFFILIATED_WITH edge's statements [offset, offset + limit) in the edge's order
   * (date, undated last; cable id; offset in the text) — all of them, where the edge lists at most
   * maxEvidence — with how many it has; undefined when there is no such edge.
   */
  relationStatements(edge: StatementEdgeRef, offset: number, limit: number): Promise<StatementPage | undefined>;
  /**
   * The MET edges with both ends among the entities `ids` (person to person: a post's officer is
   * no entity), without their passages. Any order: explore sorts.
   */
  meetingsAmong(ids: readonly string[]): Promise<MeetingEdgeRef[]>;
  close(): Promise<void>;
}

/** A post or a tag, as search matches it. */
export interface CatalogEntry {
  kind: 'post' | 'tag';
  id: string;
  name: string;
  /** A tag's meaning. */
  label?: string;
}

export type CableOrder = 'oldest' | 'newest';

/** A full-text query: words, "phrases", prefix* words, OR between terms, -word to exclude; optional date range. */
export interface TextQuery {
  q: string;
  limit: number;
  offset: number;
  since?: string;
  until?: string;
}

export interface EdgeFilter extends DateRange {
  minWeight: number;
  /** Kinds the other endpoint may have (all entity kinds when absent). */
  types?: readonly EntityKind[];
}

export interface NodeFilter extends DateRange {
  types?: readonly EntityKind[];
  community?: number;
}

export interface SearchCandidate extends NodeView {
  /** Name and every alias. */
  names: string[];
}

/** Where an entity is mentioned in one cable: paragraph numbers and flat [start, end, …] offsets. */
export interface MentionsIn {
  paragraphs: number[];
  offsets: number[];
}

export interface SharedCable {
  cable: CableRef;
  a: MentionsIn;
  b: MentionsIn;
}

export interface CableText {
  text: string;
  /** Paragraph number (or 1-based position when unnumbered), start and end offsets into `text`. */
  paragraphs: Array<{ number: number; start: number; end: number }>;
}

/** A cable's facts as the graph holds them (text and paragraphs come from cableTexts). */
export interface CableFacts extends CableMetadata {
  inCorpus: boolean;
  entities: Array<{ id: string; type: EntityKind; name: string; offsets: number[] }>;
}
