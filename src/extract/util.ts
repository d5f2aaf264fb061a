// Small text helpers the extractors share: paragraph of an offset, spaces.
import type { Cable } from '../parse/types';

/** Number of the numbered paragraph containing `offset`, if any. */
export function paragraphAt(cable: Cable, offset: number): number | undefined {
  for (const p of cable.paragraphs) {
    if (offset >= p.start && offset < p.end) return p.number;
  }
  return undefined;
}

/** `\s` of JavaScript regexes. */
export function isSpace(ch: number): boolean {
  return (
    ch === 32 ||
    (ch >= 9 && ch <= 13) ||
    ch === 0xa0 ||
    ch === 0x1680 ||
    (ch >= 0x2000 && ch <= 0x200a) ||
    ch === 0x2028 ||
    ch === 0x2029 ||
    ch === 0x202f ||
    ch === 0x205f ||
    ch === 0x3000 ||
    ch === 0xfeff
  );
}
