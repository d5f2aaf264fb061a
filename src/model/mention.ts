// An entity mention found in a cable's text: what extractors return and resolution reads.
import type { EntityType } from './entity-kind';

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
