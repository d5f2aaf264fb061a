// The API's shapes for browsing cables by their metadata: posts, tags, signers, references.
import type { CableRef, NodeView } from './api';
import type { EntityKind } from './entity-kind';

/**
 * Which cables of the corpus: every given condition holds (at least one of post, from, to, tag,
 * signer, entity). Dates are YYYY, YYYY-MM or YYYY-MM-DD, compared by prefix as everywhere in the API.
 */
export interface CableFilter {
  /** A post id (`post:PARIS`): cables it sent or received. */
  post?: string;
  /** A post that sent them (FROM). */
  from?: string;
  /** A post they were addressed to, for action (TO) or information (INFO). */
  to?: string;
  /** A tag id (`tag:IZ`). */
  tag?: string;
  /** A person id: cables they signed. */
  signer?: string;
  /** An entity id: cables mentioning it. */
  entity?: string;
  since?: string;
  until?: string;
}

/** The conditions of a filter that name a node (each at most once). */
export const FILTER_NODES = ['post', 'from', 'to', 'tag', 'signer', 'entity'] as const;

/** Cables of a filter, a page of them: oldest first (or newest first), undated last, then by id. */
export interface CableList {
  /** Every cable the filter matches, however many are returned. */
  total: number;
  offset: number;
  cables: CableRef[];
}

/** A value of a facet and the number of matching cables that have it. */
export interface FacetCount {
  id: string;
  name: string;
  cables: number;
}

/**
 * What the cables of a filter have in common, counted over all of them: cables per month, the
 * posts that sent them and received them, their tags, their signers, the entities they mention
 * most. Each list is by cables (most first), then id; at most `FACET_SIZE` values.
 */
export interface CableFacets {
  total: number;
  months: Array<{ month: string; cables: number }>;
  origins: FacetCount[];
  recipients: FacetCount[];
  tags: Array<FacetCount & { code: string }>;
  signers: FacetCount[];
  entities: Array<FacetCount & { type: EntityKind }>;
}

/** A post: its cables by role and its dates. */
export interface PostView {
  id: string;
  name: string;
  /** Cables it sent or received, each once (a cable can name it in TO and in INFO). */
  cables: number;
  /** Cables it sent (FROM), was addressed (TO), was informed of (INFO). */
  sent: number;
  to: number;
  info: number;
  firstDate?: string;
  lastDate?: string;
}

/** A TAGS code: kind (subject, country, organization, program, person, unknown) and meaning when known. */
export interface TagView {
  id: string;
  code: string;
  tagKind: string;
  label?: string;
  cables: number;
  firstDate?: string;
  lastDate?: string;
}

/** A person as the author of cables: those they signed and those they classified. */
export interface SignerView {
  id: string;
  name: string;
  type: EntityKind;
  signed: number;
  classified: number;
  firstDate?: string;
  lastDate?: string;
}

/** A post or tag found by name, or a cable found by its id (written in any form the parser reads). */
export interface LookupHit {
  kind: 'post' | 'tag' | 'cable';
  id: string;
  name: string;
  /** What else to show: a tag's meaning, a cable's date and subject. */
  detail?: string;
  /** Cables it sent or received, carries; absent for a cable. */
  cables?: number;
}

/** A cited cable: in the corpus (it can be read) or only known from the references to it. */
export interface CitedCable extends CableRef {
  inCorpus: boolean;
}

/** A named node a cable links to (a post, a tag, a signer). */
export interface LinkedNode {
  id: string;
  name: string;
}

/** Where a cable stands in the graph: its routing, tags and authors as nodes, its references both ways. */
export interface CableLinks {
  id: string;
  inCorpus: boolean;
  from?: LinkedNode;
  to: LinkedNode[];
  info: LinkedNode[];
  tags: Array<LinkedNode & { code: string }>;
  signers: LinkedNode[];
  classifiedBy: LinkedNode[];
  /** The cables it cites, by id (those outside the corpus too). */
  cites: CitedCable[];
  /** The cables of the corpus that cite it, oldest first. */
  citedBy: CableRef[];
}

/** What a filter names, as the graph has them (the request names something the graph lacks: `missing`). */
export interface FilterSubjects {
  post?: PostView;
  from?: PostView;
  to?: PostView;
  tag?: TagView;
  signer?: SignerView;
  entity?: NodeView;
  missing?: string;
}
