// How capitalized words are used across the corpus (a tagger feature), learnt by scripts/ner/corpus-usage.js.
/**
 * Corpus-level usage of a capitalized or all-caps word, the context one sentence rarely shows:
 * written as a plural ("PRTs": a common noun), after "a"/"an", after a title or first name (a
 * person), before an organization head or company word ("Tullow Oil"), in a slash office symbol
 * ("EUR/WE"), after "the", spelled out in lower case ("organized crime (OC)"); and, for an acronym the corpus spells out somewhere, the last word of
 * that name ("team" for PRT, "training" for JCET); and how the cable-structure rules label it across
 * the corpus. Read from usage.json.gz beside this file on
 * first use (`scripts/ner/corpus-usage.js` writes it; the build copies it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { CablegraphError } from '../../common/diagnostics';

/** What `scripts/ner/corpus-usage.js` counts per word, in this order. */
export const USAGE_COUNTS = [
  'seen',
  'plural',
  'article',
  'the',
  'person',
  'org',
  'slash',
  'lowerSpelled',
  'orgNoun',
  'kin',
  'beforePerson',
] as const;

/**
 * The usage bits of a word from its counts (`USAGE_COUNTS` order): 1 plural, 2 after "a"/"an",
 * 4 after a title or first name, 8 before an organization or company word, 16 in office symbols,
 * 32 mostly after "the", 64 frequent (seen 20 times or more), 128 spelled out in lower case
 * somewhere ("organized crime (OC)"), 256 named with an organization's noun ("the company X",
 * "X officials", "X's spokesman"), 512 with a person's ("X's wife", "X's son"), 1024 written
 * before a person's name as a title is ("SYG Ban", "COAS Kayani"). Shares, so rare and frequent
 * words compare.
 */
export function usageBitsOf(c: readonly number[]): number {
  const [seen, plural, article, the, person, org, slash, lowerSpelled, orgNoun = 0, kin = 0, beforePerson = 0] = c;
  const all = Math.max(1, seen);
  let b = 0;
  if (plural >= 2 && plural >= 0.05 * all) b |= 1;
  if (article >= 2 && article >= 0.05 * all) b |= 2;
  if (person >= 2 && person >= 0.15 * all) b |= 4;
  if (org >= 2 && org >= 0.1 * all) b |= 8;
  if (slash >= 2 && slash >= 0.3 * (seen + slash)) b |= 16;
  if (the >= 2 && the >= 0.3 * all) b |= 32;
  if (seen >= 20) b |= 64;
  if (lowerSpelled >= 1) b |= 128;
  if (orgNoun >= 2 && orgNoun >= 0.1 * all) b |= 256;
  if (kin >= 1 && kin >= 0.03 * all) b |= 512;
  if (beforePerson >= 2 && beforePerson >= 0.2 * all) b |= 1024;
  return b;
}

/**
 * How often the cable-structure rules label a word as each type across the corpus, from its counts
 * [capitalized uses, labelled PERSON, ORGANIZATION, PLACE]: per type 0 never, 1 under 20% of its
 * uses, 2 under 60%, 3 more (two bits each: PERSON, ORGANIZATION << 2, PLACE << 4).
 */
export function ruleShareOf(c: readonly number[]): number {
  const [uses, ...types] = c;
  let v = 0;
  types.forEach((k, t) => {
    const share = k / Math.max(1, uses);
    v |= (k === 0 ? 0 : share < 0.2 ? 1 : share < 0.6 ? 2 : 3) << (2 * t);
  });
  return v;
}

export const USAGE_FILE = path.join(__dirname, 'usage.json.gz');

export interface Usage {
  /** `usageBitsOf` of the word; 0 unseen or rare. */
  bits: number;
  /** `ruleShareOf` of the word: how the cable-structure rules label it across the corpus. */
  rule: number;
  /** The last word (lower case) of the name the corpus spells the acronym out as, or ''. */
  head: string;
}
const NONE: Usage = { bits: 0, rule: 0, head: '' };

let table: Map<string, Usage> | undefined;
/** The corpus usage of a lower-case word (a trailing full stop left off). */
export function usageOf(lower: string): Usage {
  table ??= readUsage(USAGE_FILE);
  return table.get(lower) ?? NONE;
}

function readUsage(file: string): Map<string, Usage> {
  let body: { words: Record<string, string> };
  try {
    body = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as typeof body;
  } catch (cause) {
    throw new CablegraphError(
      'EXTRACTOR_UNAVAILABLE',
      `${file}: the tagger's corpus usage table is missing or damaged (write it with node scripts/ner/corpus-usage.js)`,
      { cause },
    );
  }
  const out = new Map<string, Usage>();
  for (const [word, value] of Object.entries(body.words ?? {})) {
    const [bits, rule, head] = value.split(' ');
    out.set(word, { bits: Number(bits), rule: Number(rule ?? 0), head: head ?? '' });
  }
  return out;
}
