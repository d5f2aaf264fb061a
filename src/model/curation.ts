// Curation: an analyst's decisions about entities (the curation file's lines), requests for them, and duplicate suggestions.
import type { EntityKind, EntityType } from './entity-kind';

/**
 * An analyst's decision about entities, one line of the curation file (JSON lines: plain,
 * reviewable, diff-friendly). Ids are those the graph shows: automatic resolution's, kept by the
 * winner of a merge, or given to the new entity of a split.
 */
export type Decision =
  MergeDecision | SplitDecision | RenameDecision | RetypeDecision | RejectDecision | AliasDecision | UndoDecision;

interface DecisionBase {
  /** Position in the file, 1-based: what `undo` refers to. */
  seq: number;
  /** Who decided (free text). */
  author: string;
  /** When (ISO 8601). */
  at: string;
  /** Why (optional). */
  note?: string;
  /** The names the entities had when decided (ids alone are unreadable in a review). */
  names?: Record<string, string>;
}

/** The entities become one: `into` keeps its id (and name, unless `name` is given). */
export interface MergeDecision extends DecisionBase {
  op: 'merge';
  ids: string[];
  into: string;
  name?: string;
}

/**
 * Without `cables` or `aliases`: undoes every earlier merge into `id` (the merged entities come
 * back exactly). With them: the mentions of `id` in those cables, or with those surface forms,
 * become a new entity (`name`, default their most frequent form).
 */
export interface SplitDecision extends DecisionBase {
  op: 'split';
  id: string;
  cables?: string[];
  aliases?: string[];
  name?: string;
}

export interface RenameDecision extends DecisionBase {
  op: 'rename';
  id: string;
  name: string;
}

export interface RetypeDecision extends DecisionBase {
  op: 'retype';
  id: string;
  type: EntityType;
}

/** A false entity: dropped everywhere, or only the mentions with one surface form (`alias`). */
export interface RejectDecision extends DecisionBase {
  op: 'reject';
  id: string;
  alias?: string;
}

/** Every mention with this surface form (case and diacritics folded) belongs to `id`. */
export interface AliasDecision extends DecisionBase {
  op: 'alias';
  id: string;
  alias: string;
}

/** Takes back an earlier decision (by its seq). */
export interface UndoDecision extends DecisionBase {
  op: 'undo';
  decision: number;
}

/** A decision as asked for (CLI, viewer): the file adds `seq`, and `author`/`at` when not given. */
export type DecisionRequest = Decision extends infer D
  ? D extends Decision
    ? Omit<D, 'seq' | 'author' | 'at'> & { author?: string; at?: string }
    : never
  : never;

export type DecisionOp = Decision['op'];
export const DECISION_OPS: readonly DecisionOp[] = ['merge', 'split', 'rename', 'retype', 'reject', 'alias', 'undo'];

/** Why two entities may be one. */
export type SuggestionReason = 'spelling' | 'surname' | 'initials' | 'acronym';

export interface Suggestion {
  /** The entity to keep (more cables), and the one to merge into it. */
  keep: { id: string; name: string; type: EntityKind; cables: number };
  merge: { id: string; name: string; type: EntityKind; cables: number };
  reason: SuggestionReason;
  /** Higher is more likely: the reason's strength plus the evidence below. */
  score: number;
  evidence: {
    /** Entities co-mentioned with both. */
    sharedNeighbours: number;
    /** Jaccard index of their co-mention neighbourhoods. */
    neighbourOverlap: number;
    /** Country tags (of the cables mentioning them) they share. */
    sharedCountries: string[];
    /** Cables mentioning both (two names of one entity in one cable are usually two entities). */
    sharedCables: number;
  };
}
