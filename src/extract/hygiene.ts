// Cable hygiene for the statistical extractors (tagger, CoreNLP): spans a cable holds that are never names.
import type { Mention } from '../model';

/** Handling and classification markings a model sometimes tags as names, and header words. */
export const MARKINGS =
  /^(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|ORCON|NOCONTRACT|PROPIN|CONFIDENTIAL|SECRET|UNCLASSIFIED|SENSITIVE|SBU|FOUO|DECL|OADR|TAGS|SUBJECT|REF|REFS|REFTEL|E\.?\s?O\.?)$/i;
/** Portion marks such as `C/NF`, `S//NF`, `SBU`, `NF`. */
const PORTION_MARK = /^(?:(?:TS|S|C|U|SBU)(?:\/{1,2}(?:NF|NOFORN|REL\b.*|SBU|FOUO|LES|ORCON))+|NF|LES)$/;
/** Redacted names (`XXXXXXXXXXXX`). */
const REDACTED = /^X{3,}$/i;
/**
 * Common nouns a model tags as names on their own: "the Embassy", "Post", "the Government". They
 * name nothing by themselves, and kept they become one node shared by every embassy or government.
 * ("the Department", "the Alliance", "the Kingdom" do name one: resolution reads them.)
 */
const GENERIC_NOUNS = new Set([
  'embassy',
  'post',
  'mission',
  'consulate',
  'government',
  'ministry',
  'ambassadors',
  'consular',
]);
/** Header regions that hold no entities: the E.O./DECL statement and the TAGS codes. */
const SKIP_REGIONS = [
  /\bE\.?[ \t]?O\.?[ \t]*1[23]\d{3}\b[^\n]*?(?=\bTAGS\b|\bSUBJECT\b|\n|$)/g,
  /\bDECL(?:ASSIFY ON)?:[^\n]*?(?=\bTAGS\b|\bSUBJECT\b|\n|$)/g,
  /^[ \t]*TAGS\b[^\n]*?(?=\bSUBJECT\b|\n|$)/gm,
  /\bTAGS:[^\n]*?(?=\bSUBJECT\b|\n|$)/g,
];

/** The [start, end) offsets of a cable text's E.O./DECL statements and TAGS lines. */
export function skipRegions(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of SKIP_REGIONS) for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * Whether a mention can be a name: not a marking, portion mark, redaction, lone letter (but an
 * office symbol), generic noun, not inside the E.O./DECL/TAGS text (`skip`, from `skipRegions`), not the post of a cable
 * number ("MADRID 5426").
 */
export function keepMention(text: string, m: Mention, skip: ReadonlyArray<readonly [number, number]>): boolean {
  const t = m.text;
  if (!/\p{L}/u.test(t) || MARKINGS.test(t) || PORTION_MARK.test(t) || REDACTED.test(t)) return false;
  // one letter is no name, but for an office of the Department by its symbol ("DEPARTMENT FOR P")
  if (/^\p{L}\.?$/u.test(t) && !(m.type === 'ORGANIZATION' && /^[A-Z]$/.test(t))) return false;
  if (m.type !== 'PERSON' && GENERIC_NOUNS.has(t.toLowerCase())) return false;
  if (skip.some(([a, b]) => m.start >= a && m.start < b)) return false;
  // "MADRID 5426", "A. PARIS 1234": a post in a cable number
  if (t === t.toUpperCase() && /^[ \t]+\d{3,}\b/.test(text.slice(m.end, m.end + 12))) return false;
  return true;
}
