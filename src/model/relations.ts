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
  statements: StatementView[];
}

export interface AffiliationView {
  id: string;
  person: NodeRef;
  organization: NodeRef;
  firstDate?: string;
  lastDate?: string;
  cableCount: number;
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
