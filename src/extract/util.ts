// Small text helpers the extractors share: paragraph of an offset, spaces.
import type { Cable } from '../parse/types';

/** Number of the numbered paragraph containing `offset`, if any. */
export function paragraphAt(cable: Cable, offset: number): number | undefined {
  for (const p of cable.paragraphs) {
    if (offset >= p.start && offset < p.end) return p.number;
  }
  return undefined;
}
