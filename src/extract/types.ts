// The extractor interface and the extractors by name, with the default one.
import type { Cable } from '../parse/types';
import type { Mention } from '../model';

/** A named-entity extractor; batched so a server-backed extractor can batch requests. */
export interface Extractor {
  readonly name: string;
  /** Returns one mention list per input cable, in input order. */
  extract(cables: Cable[]): Promise<Mention[][]>;
  /** Releases resources (servers, sockets), when any. */
  close?(): Promise<void>;
}

export type ExtractorName = 'builtin' | 'annotated' | 'corenlp' | 'tagger';
/**
 * The extractors by name, and the one every command uses when none is named (no server needed):
 * the tagger, the most accurate on cables nobody tuned on (README, "Entities").
 */
export const EXTRACTORS: readonly ExtractorName[] = ['builtin', 'tagger', 'annotated', 'corenlp'];
export const DEFAULT_EXTRACTOR: ExtractorName = 'tagger';
/** Whether a name (from a database's meta table, say) is one of `EXTRACTORS`. */
export function isExtractorName(name: string): name is ExtractorName {
  return (EXTRACTORS as readonly string[]).includes(name);
}
