// The graph model: node kinds, edge types and the typed attributes of a graphology graph's nodes and edges.
import type { AbstractGraph } from 'graphology-types';
import type { Alias } from './api';
import type { EntityKind } from './entity-kind';

/** Node kinds: graphology attribute `kind`, Neo4j labels. */
export type NodeKind = 'Cable' | EntityKind | 'Post' | 'Tag';
export const NODE_KINDS: readonly NodeKind[] = ['Cable', 'Person', 'Organization', 'Place', 'Post', 'Tag'];

/**
 * Edge types: graphology attribute `type`, Neo4j relationship types. The list is the type's one
 * spelling (what the loader's leftovers count goes through): a new type added here is counted.
 */
export const EDGE_TYPES = [
  'MENTIONS',
  'CO_MENTIONED',
  'SIGNED',
  'CLASSIFIED',
  'FROM',
  'TO',
  'INFO',
  'TAGGED',
  'REFERENCES',
  'HOLDS_ROLE',
  'AFFILIATED_WITH',
  'MET',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** Exploration metrics every node gets once the graph is built (degree, PageRank, Louvain, layout). */
export interface NodeMetrics {
  degree: number;
  weightedDegree: number;
  pagerank: number;
  community: number;
  x: number;
  y: number;
}

/**
 * A node's attributes. One shape for every kind (graphology types a graph by one attribute type):
 * `kind` says which of the optional fields a node carries. (Type aliases, not interfaces: graphology
 * wants attribute types indexable by string.)
 */
export type NodeAttrs = Partial<NodeMetrics> & {
  kind: NodeKind;
  /** What a drawing shows: an entity's or post's name, a cable's id, a tag's code. */
  label: string;
  /** Entities, posts, tags (the label of a known tag code). */
  name?: string;
  /** Entities: every surface form and how often it was written. */
  aliases?: Alias[];
  /** Entities: cables that mention it. */
  cableCount?: number;
  /** Entities: first and last dates of the cables mentioning it (YYYY-MM-DD). */
  firstDate?: string;
  lastDate?: string;
  /** Cables: false for a cable that is only cited (its id, nothing else). */
  inCorpus?: boolean;
  date?: string;
  created?: string;
  classification?: string;
  subject?: string;
  origin?: string;
  caveats?: string[];
  paragraphCount?: number;
  /** Cables: how many versions of it were read. */
  versions?: number;
  /** Tags: the code and its kind (country, subject, person, program, …). */
  code?: string;
  tagKind?: string;
};

/** A cable behind a co-mention, and the paragraphs (0: the header) where both entities appear. */
export interface Evidence {
  cable: string;
  paragraphs: number[];
}

/** An edge's attributes; `type` says which of the optional fields it carries. */
export type EdgeAttrs = {
  type: EdgeType;
  /** MENTIONS: how often, in which paragraphs, at which [start, end, …] offsets of the cable's text. */
  count?: number;
  paragraphs?: number[];
  offsets?: number[];
  /** CLASSIFIED: the classifier's title. */
  title?: string;
  /** TO, INFO: the routing precedence (IMMEDIATE, PRIORITY, …). */
  precedence?: string;
  /** CO_MENTIONED: cables + paragraphs where both appear, the cables and paragraphs alone, the evidence (capped). */
  weight?: number;
  cableCount?: number;
  paragraphCount?: number;
  cables?: string[];
  /**
   * CO_MENTIONED: the cables and paragraphs behind the pair (capped). HOLDS_ROLE, AFFILIATED_WITH: one
   * passage per statement, beside `cables`. MET: the meeting's passage.
   */
  evidence?: Evidence[] | string[] | string;
  /**
   * The lists were capped at the build's maxEvidence. CO_MENTIONED: they keep the first cables.
   * HOLDS_ROLE, AFFILIATED_WITH: they keep the first ⌈cap/2⌉ and the last ⌊cap/2⌋ of the
   * `statementCount` statements (graph/relation-edges keptStatements); the API pages them all.
   */
  evidenceTruncated?: boolean;
  /** HOLDS_ROLE, AFFILIATED_WITH, when capped: how many statements the edge has in all. */
  statementCount?: number;
  firstDate?: string;
  lastDate?: string;
  /** HOLDS_ROLE, AFFILIATED_WITH: per statement (beside `cables`) its date, offsets and the title as written. */
  dates?: string[];
  starts?: number[];
  ends?: number[];
  titleTexts?: string[];
  /** HOLDS_ROLE: the owner's organization and unit as written, and whether every statement says "former". */
  organization?: string;
  unit?: string;
  former?: boolean;
  /** MET: the cable, its date (and where the date came from), the form read, and the passage's place. */
  cable?: string;
  date?: string;
  dateSource?: 'text' | 'cable';
  form?: string;
  paragraph?: number;
  start?: number;
  end?: number;
  /** MET: the post's officer when one end is a post. */
  role?: string;
};

/** A graph of cables, entities, posts and tags with typed attributes: what builds make and exports, stores and curation read. */
export type CableGraph = AbstractGraph<NodeAttrs, EdgeAttrs>;
