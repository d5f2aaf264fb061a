import type { Cable } from '../parse/types';

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'PLACE';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'PLACE'];

/** One entity mention: `cable.text.slice(start, end) === text`. */
export interface Mention {
  type: EntityType;
  /** Surface form exactly as in `cable.text`, without titles or possessive `'s`. */
  text: string;
  start: number;
  end: number;
  /** Number of the paragraph that holds the mention, when numbered. */
  paragraph?: number;
}

/** A named-entity extractor; batched so a server-backed extractor can batch requests. */
export interface Extractor {
  readonly name: string;
  /** Returns one mention list per input cable, in input order. */
  extract(cables: Cable[]): Promise<Mention[][]>;
  /** Releases resources (servers, sockets), when any. */
  close?(): Promise<void>;
}

export type ExtractorName = 'builtin' | 'annotated' | 'corenlp' | 'tagger';
