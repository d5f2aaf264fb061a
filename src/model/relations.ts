// Roles, affiliations and meetings as the API answers them (built from either store's relation edges).
import type { EdgeAttrs } from './graph';

/** A node at the end of a relation edge. */
export interface NodeRef {
  id: string;
  name: string;
  /** Person, Organization, Place or Post. */
  kind: string;
}

/** A relation edge as a store gives it: its type, ends and attributes (the graph's, as exports and Neo4j have them). */
export interface StoredRelationEdge {
  type: 'HOLDS_ROLE' | 'AFFILIATED_WITH' | 'MET';
  source: string;
  target: string;
  attributes: EdgeAttrs;
}

/** One cable's statement of a role or affiliation: its passage. */
export interface StatementView {
  cable: string;
  date?: string;
  /** Paragraph number (0: outside the numbered paragraphs, e.g. the Classified By line). */
  paragraph: number;
  /** The sentence, and its offsets in the cable's text. */
  evidence: string;
  start: number;
  end: number;
  /** The title as written there ("French FM"); roles only. */
  titleText?: string;
}

/** (Person)-[:HOLDS_ROLE]->(owner): one per person, title and owner, its statements in date order. */
export interface RoleView {
  id: string;
  person: NodeRef;
  owner: NodeRef;
  title: string;
  organization?: string;
  unit?: string;
  former?: boolean;
  firstDate?: string;
  lastDate?: string;
  cableCount: number;
  /** How many statements the edge has (`statements` may hold fewer: see evidenceTruncated). */
  statementCount: number;
  /**
   * The edge was capped at the build's maxEvidence: `statements` are its first ⌈n/2⌉ and last
   * ⌊n/2⌋ (n = statements.length) of `statementCount`; GET /api/statements pages them all.
   */
  evidenceTruncated?: boolean;
  statements: StatementView[];
}

export interface AffiliationView {
  id: string;
  person: NodeRef;
  organization: NodeRef;
  firstDate?: string;
  lastDate?: string;
  cableCount: number;
  statementCount: number;
  evidenceTruncated?: boolean;
  statements: StatementView[];
}

/** One HOLDS_ROLE edge (person, owner, title) or AFFILIATED_WITH edge (person, owner): what GET /api/statements asks for. */
export type StatementEdgeRef =
  | { type: 'HOLDS_ROLE'; person: string; owner: string; title: string }
  | { type: 'AFFILIATED_WITH'; person: string; owner: string };

/**
 * The one spelling of a role or affiliation edge's id (node keys of its ends, and a role's title):
 * the build's edge key, RoleView/AffiliationView's id, and the id GET /api/statements answers with.
 */
export function relationEdgeId(edge: StatementEdgeRef): string {
  return edge.type === 'HOLDS_ROLE'
    ? `HOLDS_ROLE:${edge.person}->${edge.owner}:${edge.title}`
    : `AFFILIATED_WITH:${edge.person}->${edge.owner}`;
}

/** A page of an edge's statements, in the edge's order (date, undated last; cable id; offset). */
export interface StatementPage {
  /** The edge's id, as RoleView/AffiliationView give it. */
  id: string;
  /** How many statements the edge has. */
  total: number;
  offset: number;
  statements: StatementView[];
}

/** (Person|Post)-[:MET]->(Person): one per pair and cable. `role` is the post's officer when `a` is a Post. */
export interface MeetingView {
  id: string;
  a: NodeRef;
  role?: string;
  b: NodeRef;
  cable: string;
  date?: string;
  dateSource: 'text' | 'cable';
  form: string;
  paragraph: number;
  evidence: string;
  start: number;
  end: number;
}

export interface EntityRelations {
  roles: RoleView[];
  affiliations: AffiliationView[];
  meetings: MeetingView[];
}

/** A MET edge between two entities, with only what the canvas needs (its passage comes from the pair's meetings). */
export interface MeetingEdgeRef {
  /** The entity who met (the edge's start) and the one met. */
  source: string;
  target: string;
  cable: string;
  date?: string;
}

/** Two shown people who met, in either direction: one canvas link, `meetings` the MET edges (one per cable) behind it. */
export interface MeetingLink {
  /** The smaller id first: one link per pair, whoever met whom. */
  source: string;
  target: string;
  meetings: number;
  firstDate?: string;
  lastDate?: string;
}

/** The meetings among a set of entities (the canvas's meeting links), by source then target. */
export interface MeetingLinks {
  links: MeetingLink[];
}

/** Every meeting of two entities, either one the party who met, with their passages (by date, then id). */
export interface PairMeetings {
  a: NodeRef;
  b: NodeRef;
  meetings: MeetingView[];
}

/**
 * One statement of a cut HOLDS_ROLE or AFFILIATED_WITH edge that the edge's lists leave out (its
 * middle: positions ⌈cap/2⌉ … total − ⌊cap/2⌋ − 1): Neo4j keeps each as a `(:Statement)` node,
 * found by the edge's id and its position, so /api/statements pages every statement there too.
 */
export interface EdgeStatement {
  /** The edge's id, as RoleView/AffiliationView give it (`HOLDS_ROLE:person->owner:title`). */
  edge: string;
  /** Its position in the edge's order (0-based, as the API's offset). */
  seq: number;
  statement: StatementView;
}
