// The graph stage's own types: cable records and versions, and the build options with their defaults.
import type { Cable } from '../parse/types';
import type { Decision, Mention } from '../model';

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

export const DEFAULT_BUILD_OPTIONS: BuildOptions = {
  maxEntitiesPerWindow: 40,
  layoutIterations: 100,
  seed: 1,
  maxEvidence: 100,
};
