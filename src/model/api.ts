// The viewer's JSON API contract: what a GraphStore answers and the express app sends.
import type { Decision } from './curation';
import type { EntityKind } from './entity-kind';

/**
 * The viewer's API: what a GraphStore answers and what the express app sends as JSON. Both stores
 * (the embedded graph file and Neo4j) return exactly these shapes, with the same values and order.
 */

/** An entity as drawn on the graph. */
export interface NodeView {
  id: string;
  type: EntityKind;
  name: string;
  /** Cables that mention it. */
  cableCount: number;
  /** Sum of co-mention weights (plus other edges, 1 each): node size. */
  weightedDegree: number;
  pagerank: number;
  /** Louvain community (-1: none). */
  community: number;
  /** Layout position computed at build time (the viewer refines it). */
  x: number;
  y: number;
  /** First and last cable dates mentioning it (YYYY-MM-DD), when dated. */
  firstDate?: string;
  lastDate?: string;
}

/** A co-mention edge (undirected; source < target). */
export interface EdgeView {
  id: string;
  source: string;
  target: string;
  /** Cables where both appear + paragraphs where both appear. */
  weight: number;
  cableCount: number;
  firstDate?: string;
  lastDate?: string;
}

/** Nodes and the co-mention edges among them. */
export interface Subgraph {
  nodes: NodeView[];
  edges: EdgeView[];
  /** True when a limit cut nodes off (more matched than were returned). */
  truncated: boolean;
  /** True when only the heaviest edges were kept (overview's maxEdges). */
  edgesTruncated?: boolean;
}

export interface SearchHit {
  id: string;
  type: EntityKind;
  name: string;
  /** The name or alias that matched best. */
  matched: string;
  /** 'exact' | 'prefix' | 'fuzzy': how it matched (exact ranks first). */
  match: 'exact' | 'prefix' | 'fuzzy';
  cableCount: number;
}

export interface Alias {
  text: string;
  count: number;
}

export interface Neighbour extends NodeView {
  /** Weight of the co-mention edge to the entity. */
  edgeWeight: number;
  edgeCableCount: number;
}

export interface EntityDetail extends NodeView {
  aliases: Alias[];
  /** Co-mention edges. */
  degree: number;
  /** Strongest co-mentioned entities, heaviest first. */
  neighbours: Neighbour[];
  /** Cables per month (YYYY-MM) mentioning it. */
  timeline: Array<{ month: string; cables: number }>;
}

/** A cable as a reference in lists (evidence, paths). */
export interface CableRef {
  id: string;
  date?: string;
  subject?: string;
  origin?: string;
  classification?: string;
}

/** A highlighted span of a passage: offsets into the passage's `text`. */
export interface Highlight {
  start: number;
  end: number;
  entity: string;
}

export interface Passage {
  /** Paragraph number (or position in unnumbered cables); 0 = header. */
  paragraph: number;
  text: string;
  /** Where the pair's mentions are in `text`. */
  highlights: Highlight[];
}

export interface EvidenceCable extends CableRef {
  /** Paragraphs where both appear (empty when they appear in different paragraphs of the cable). */
  sharedParagraphs: number[];
  /** Paragraphs with both names; when none, the first paragraph of each. */
  passages: Passage[];
}

export interface PairEvidence {
  a: NodeView;
  b: NodeView;
  /** The co-mention edge, when there is one. */
  edge?: EdgeView;
  /** Every cable mentioning both (the total, however many are returned). */
  total: number;
  offset: number;
  cables: EvidenceCable[];
}

export interface PathStep extends EdgeView {
  /** Up to 5 cables behind this link, oldest first. */
  cables: CableRef[];
}

export interface EntityPath {
  nodes: NodeView[];
  /** edges[i] links nodes[i] and nodes[i + 1]. */
  edges: PathStep[];
}

export interface PathsResult {
  from: NodeView;
  to: NodeView;
  /** Shortest paths (all the same length), strongest first; empty when none within maxHops. */
  paths: EntityPath[];
  hops: number | null;
}

export interface CableEntity {
  id: string;
  type: EntityKind;
  name: string;
  /** Mention offsets into the cable's `text`. */
  mentions: Array<{ start: number; end: number; text: string }>;
}

/** A cable's header facts: dates, caveats, tags, references, authorship, routing. */
export interface CableMetadata extends CableRef {
  created?: string;
  caveats: string[];
  tags: Array<{ code: string; label?: string }>;
  references: string[];
  signers: string[];
  classifiedBy?: string;
  from?: string;
  to: string[];
  info: string[];
}

export interface CableDetail extends CableMetadata {
  /** Full text; paragraph offsets point into it. */
  text: string;
  paragraphs: Array<{ number: number; start: number; end: number }>;
  entities: CableEntity[];
}

/** What `GET /api/stats` answers: the graph as a whole. */
export interface GraphStats {
  store: 'embedded' | 'neo4j';
  cables: number;
  entities: number;
  coMentions: number;
  /** Earliest and latest cable dates. */
  firstDate?: string;
  lastDate?: string;
  communities: number;
}

/** An error body: every error answers `{ error: { code, message } }` with a 4xx/5xx status. */
export interface ApiError {
  error: { code: string; message: string };
}

/** What `POST /api/curation` answers: the decision as written and what it changed. */
export interface DecisionSummary {
  decision: Decision;
  /** Entities gone (merged away, rejected), new (split off), and changed (name, type, aliases, cables). */
  removed: string[];
  added: string[];
  changed: string[];
  edges: { added: number; removed: number; changed: number };
}

/** `GET /api/curation`: `enabled` is false when the server is read-only; names of the entities the decisions mention, as the graph (or, for entities gone since, their last known name) shows them. */
export interface CurationState {
  enabled: boolean;
  file?: string;
  decisions: Decision[];
  names: Record<string, string>;
}

/** A cable found by full-text search, with the passage that matched. */
export interface TextHit extends CableRef {
  /** A short passage around the matched words; `highlights` are offsets into `text`. */
  snippet: { text: string; highlights: Array<{ start: number; end: number }> };
  /** The entities the cable mentions most (at most 8), most mentioned first. */
  entities: Array<{ id: string; type: EntityKind; name: string; mentions: number }>;
}

/** What `GET /api/text-search` answers: cables matching words and phrases, best first, then their entities. */
export interface TextSearchResult {
  query: string;
  /** Cables matching (all of them, however many are returned). */
  total: number;
  offset: number;
  cables: TextHit[];
  /** Entities mentioned in the most matching cables (over the best 100 matches). */
  entities: Array<{ id: string; type: EntityKind; name: string; cables: number }>;
}
