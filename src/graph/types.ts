import type { Mention } from '../extract/types';
import type { Decision } from '../curate/types';
import type { Cable } from '../parse/types';

/** Node kinds: graphology attribute `kind`, Neo4j labels. */
export type NodeKind = 'Cable' | 'Person' | 'Organization' | 'Place' | 'Post' | 'Tag';
/** Edge types: graphology attribute `type`, Neo4j relationship types. */
export type EdgeType = 'MENTIONS' | 'CO_MENTIONED' | 'SIGNED' | 'CLASSIFIED' | 'FROM' | 'TO' | 'INFO' | 'TAGGED' | 'REFERENCES' | 'HOLDS_ROLE' | 'AFFILIATED_WITH' | 'MET';

export const ENTITY_KIND = { PERSON: 'Person', ORGANIZATION: 'Organization', PLACE: 'Place' } as const;
/** Node kinds that are entities (they also carry the `Entity` label in Neo4j). */
export const ENTITY_KINDS: ReadonlySet<string> = new Set(Object.values(ENTITY_KIND));

/** Where a version of a cable came from (a cable read twice keeps the latest, and this list). */
export interface CableVersion {
  file: string;
  row?: number;
  released?: string;
  /** Content hash of the parsed cable: equal hashes are the same version. */
  hash: string;
}

/**
 * What the graph file keeps of each cable: the parsed cable (paragraph offsets, without the
 * duplicated paragraph text, diagnostics or annotations) and its mentions. Enough to rebuild the
 * graph exactly — which is how `--append` equals a full rebuild.
 */
export interface CableRecord {
  cable: Cable;
  mentions: Mention[];
  versions: CableVersion[];
}

export interface BuildOptions {
  /** At most this many entities of one paragraph pair up (a long list of names is a window, not a clique). */
  maxEntitiesPerWindow: number;
  /** ForceAtlas2 iterations for the viewer's positions (0: none). */
  layoutIterations: number;
  /** Seed of the community detection and initial layout: the same input gives the same graph. */
  seed: number;
  /**
   * Cables kept in a co-mention's `cables`/`evidence` lists (in cable-id order); counts and
   * weights stay exact, and the MENTIONS edges (with paragraphs) give the full evidence.
   */
  maxEvidence: number;
  /** Curation decisions applied after automatic resolution (recorded in the graph file's header). */
  curation?: Decision[];
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = { maxEntitiesPerWindow: 40, layoutIterations: 100, seed: 1, maxEvidence: 100 };

export interface Evidence {
  cable: string;
  /** Paragraph numbers (or positions, in unnumbered cables) where both entities appear; 0 is the header (subject, references). */
  paragraphs: number[];
}
