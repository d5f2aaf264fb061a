// Features of the sequence tagger, hashed to integers: token, shape, affixes, neighbours, gazetteers, rules.
/**
 * Features of the sequence tagger, hashed to integers (no strings per feature): token, shape,
 * affixes, neighbours, gazetteer memberships, the cable-structure rules' own label (the rules of
 * `builtin` as a feature the tagger learns when to trust), and the line (subject, header, all caps).
 */
import {
  ANY_FIRST_NAMES,
  DEMONYMS,
  ENGLISH,
  FIRST_NAMES,
  OFFICES,
  ORG_HEADS,
  ORG_NAMES,
  PLACES,
  SMALL_PLACES,
  STOP,
  STRONG_TITLES,
  TITLES,
} from '../../lexicon/gazetteer';
import { ownCopy } from '../../common/memo';
import { casePrior } from './case-prior';
import { usageOf } from './usage';
import { shapeOf, type LineInfo, type TagToken } from './tokens';
import type { EntityType, Mention } from '../../model';

export const TAGS = ['O', 'B-PERSON', 'I-PERSON', 'B-ORGANIZATION', 'I-ORGANIZATION', 'B-PLACE', 'I-PLACE'] as const;
export const TAG_COUNT = TAGS.length;
export const HASH_BITS = 19;
const SHIFT = 32 - HASH_BITS;

/** FNV-1a of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let q = 0; q < s.length; q++) {
    h ^= s.charCodeAt(q);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
const mix = (a: number, b: number) => {
  let h = Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b);
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) >>> 0;
};
/** Feature index of template `t` with value `v`. */
export const feature = (t: number, v: number) => mix(t * 0x27d4eb2d + 1, v) >>> SHIFT;

/** Word-list memberships as bits (cached: words repeat). */
const gazCache = new Map<string, number>();
function gazBits(lower: string): number {
  let b = gazCache.get(lower);
  if (b === undefined) {
    b = gazBitsOf(lower);
    if (gazCache.size < 500_000) gazCache.set(ownCopy(lower), b);
  }
  return b;
}
function gazBitsOf(lower: string): number {
  let b = 0;
  if (PLACES.has(lower)) b |= 1;
  if (ORG_NAMES.has(lower)) b |= 2;
  if (FIRST_NAMES.has(lower)) b |= 4;
  if (ANY_FIRST_NAMES.has(lower)) b |= 8;
  if (TITLES.has(lower)) b |= 16;
  if (STRONG_TITLES.has(lower)) b |= 32;
  if (ENGLISH.has(lower)) b |= 64;
  if (DEMONYMS.has(lower)) b |= 128;
  if (ORG_HEADS.has(lower)) b |= 256;
  if (STOP.has(lower)) b |= 512;
  if (SMALL_PLACES.has(lower)) b |= 1024;
  if (OFFICES.has(lower.toUpperCase())) b |= 2048;
  return b;
}

const RULE_LABEL: Record<EntityType, [number, number]> = { PERSON: [1, 2], ORGANIZATION: [3, 4], PLACE: [5, 6] };

/** Per-token rule labels (tag indices) from the rules' mentions. */
export function ruleLabels(tokens: readonly TagToken[], mentions: readonly Mention[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let k = 0;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    while (k < tokens.length && tokens[k].end <= m.start) k++;
    let first = true;
    for (let j = k; j < tokens.length && tokens[j].start < m.end; j++) {
      out[j] = first ? RULE_LABEL[m.type][0] : RULE_LABEL[m.type][1];
      first = false;
    }
  }
  return out;
}

/** Hashes of strings, cached across cables (words repeat). */
const stringHash = new Map<string, number>();
function hashOf(s: string): number {
  let h = stringHash.get(s);
  if (h === undefined) {
    h = hashString(s);
    if (stringHash.size < 500_000) stringHash.set(ownCopy(s), h);
  }
  return h;
}

/** Features of a token's own text (`TokenType.lexical`). */
export const LEXICAL = 14;
/** Features a token gets from its neighbours' types (`TokenType.around`): four from the previous and the next type each, one from those two away. */
export const AROUND = 10;
/** Features from the token's type and its rule label (`TokenType.byRule`). */
export const BY_RULE = 2;
/** Features of a token's context computed per token (the flat `features` list holds `STATIC` per token). */
export const STATIC = 15;
/** All static features of a token: lexical, around, by rule, context (`featuresOf`). */
export const ALL_STATIC = LEXICAL + AROUND + BY_RULE + STATIC;
/**
 * What a token's own text gives, the same wherever it stands: its word, shape and word-list hashes,
 * its `LEXICAL` features, the features it gives its neighbours (as the word before, after, two
 * before, two after) and the rule-label × word and × shape features. Made once per distinct text
 * (cached); `scores` holds, for the model that decoded it last, the summed weights of each group
 * per tag (see `SCORE`), so decoding reads a few small cached vectors instead of a dozen weight rows
 * spread over the whole table.
 */
export interface TokenType {
  word: number;
  shape: number;
  gaz: number;
  lexical: Int32Array;
  /** Feature ids this type gives a neighbour: [as previous word: word, shape, word lists, corpus case; as next: the same four; two before: word; two after: word]. */
  around: Int32Array;
  /** Per rule label r (`TAG_COUNT` of them): the ids of rule × shape and rule × word. */
  byRule: Int32Array;
  /** For the weights `scoresOf`: the summed scores of each group per tag, laid out as `SCORE` says. */
  scores?: Float32Array;
  scoresOf?: Int16Array;
}
/** Offsets in `TokenType.scores`: lexical (per tag), transitions (per previous tag, tag), its role as each neighbour (per tag), rule × type (per rule label, tag). */
export const SCORE = {
  lexical: 0,
  transitions: TAG_COUNT,
  asPrevious: TAG_COUNT + TAG_COUNT * TAG_COUNT,
  asNext: 2 * TAG_COUNT + TAG_COUNT * TAG_COUNT,
  asPrevious2: 3 * TAG_COUNT + TAG_COUNT * TAG_COUNT,
  asNext2: 4 * TAG_COUNT + TAG_COUNT * TAG_COUNT,
  byRule: 5 * TAG_COUNT + TAG_COUNT * TAG_COUNT,
  size: 5 * TAG_COUNT + 2 * TAG_COUNT * TAG_COUNT,
} as const;

/** `casePrior`'s value off either end of a cable. */
const NO_CASE = 9;
function makeType(word: number, shape: number, gaz: number, lower: string | undefined): TokenType {
  const lexical = new Int32Array(LEXICAL);
  const prior = lower === undefined ? NO_CASE : casePrior(lower.endsWith('.') ? lower.slice(0, -1) : lower);
  if (lower !== undefined) {
    lexical[0] = feature(0, 0);
    lexical[1] = feature(1, word);
    lexical[2] = feature(6, shape);
    lexical[3] = feature(9, hashOf('p' + lower.slice(0, 3)));
    lexical[4] = feature(10, hashOf('s' + lower.slice(-3)));
    lexical[5] = feature(11, hashOf('s' + lower.slice(-2)));
    lexical[6] = feature(12, gaz);
    lexical[7] = feature(33, prior);
    lexical[8] = feature(34, mix(prior, shape));
    // how the word is used across the corpus (plural, after "a", after a title, before "Oil", in "EUR/WE", spelled out as "… Team")
    const usage = usageOf(lower.endsWith('.') ? lower.slice(0, -1) : lower);
    lexical[9] = feature(40, usage.bits);
    lexical[10] = feature(41, mix(usage.bits, shape));
    lexical[11] = feature(42, usage.head ? hashOf(usage.head) : 0);
    lexical[12] = feature(43, usage.rule);
    lexical[13] = feature(44, mix(usage.rule, shape));
  }
  const around = Int32Array.of(
    feature(2, word),
    feature(7, shape),
    feature(13, gaz),
    feature(35, prior),
    feature(3, word),
    feature(8, shape),
    feature(14, gaz),
    feature(36, prior),
    feature(4, word),
    feature(5, word),
  );
  const byRule = new Int32Array(2 * TAG_COUNT);
  for (let r = 0; r < TAG_COUNT; r++) {
    byRule[2 * r] = feature(19, mix(r, shape));
    byRule[2 * r + 1] = feature(20, mix(r, word));
  }
  return { word, shape, gaz, lexical, around, byRule };
}

const typeCache = new Map<string, TokenType>();
export function tokenType(text: string, lower: string): TokenType {
  let t = typeCache.get(text);
  if (t) return t;
  const word = hashOf(lower);
  const shape = hashOf(shapeOf(text));
  const gaz = gazBits(lower.endsWith('.') ? lower.slice(0, -1) : lower);
  t = makeType(word, shape, gaz, lower);
  if (typeCache.size < 100_000) typeCache.set(ownCopy(text), t);
  return t;
}

/** The value hashed for a position off either end of the cable (two before the start … two after the end). */
const NONE = 0x5bd1e995;
/** Pseudo-types of the positions -2, -1 (before the first token) and n, n+1 (after the last): only their `around` ids are read. */
const BEFORE = [makeType(NONE - 2, NONE - 2, NONE - 2, undefined), makeType(NONE - 1, NONE - 1, NONE - 1, undefined)];
const AFTER = [makeType(NONE, NONE, NONE, undefined), makeType(NONE + 1, NONE + 1, NONE + 1, undefined)];
/** The type at position `i` of a cable of `types.length` tokens, a boundary pseudo-type within two positions outside it. */
export function typeAt(types: readonly TokenType[], i: number): TokenType {
  const n = types.length;
  if (i < 0) return BEFORE[i + 2];
  if (i >= n) return AFTER[i - n];
  return types[i];
}

export interface StaticFeatures {
  /** `STATIC` context features per token (zeros for the tokens left outside). */
  features: Int32Array;
  /** The rules' label (tag index) of every token. */
  rules: Uint8Array;
  wordHashes: Uint32Array;
  shapeHashes: Uint32Array;
  types: TokenType[];
  /**
   * Non-zero where the token is outside any entity for sure (see `outsideAll`): tag O, not scored.
   * 1: no capital near it; 2: a lower-case word that joins no name — training still learns from
   * these (features computed), decoding skips them.
   */
  outside: Uint8Array;
}

/** Every static feature id of token `i` (`ALL_STATIC` of them) into `into`: what training updates. */
export function featuresOf(input: StaticFeatures, i: number, into: Int32Array): void {
  const ty = input.types[i];
  into.set(ty.lexical, 0);
  const p = typeAt(input.types, i - 1).around;
  const nx = typeAt(input.types, i + 1).around;
  let o = LEXICAL;
  for (let k = 0; k < 4; k++) into[o++] = p[k];
  for (let k = 4; k < 8; k++) into[o++] = nx[k];
  into[o++] = typeAt(input.types, i - 2).around[8];
  into[o++] = typeAt(input.types, i + 2).around[9];
  const r = input.rules[i];
  into[o++] = ty.byRule[2 * r];
  into[o++] = ty.byRule[2 * r + 1];
  for (let k = 0; k < STATIC; k++) into[o + k] = input.features[i * STATIC + k];
}
/** Lower-case words that join the capitalized words of a name ("Ministry of Defense", "Abu Bakr al Baghdadi", "Bank of the South"): function words and particles of names in the corpus's languages. */
const NAME_PARTICLES = new Set(
  (
    'of and the for on in at to with de del della di da do dos das du des la le les el al ul bin ibn bint abu ' +
    'van von der den zu y e i o et st au'
  ).split(' '),
);
/** Head nouns written in lower case after a name ("the Bush administration", "Incirlik air base"). */
const NAME_HEADS = new Set(
  (
    'administration government regime ministry council committee party army forces embassy mission ' +
    'airport prison community peninsula region province district state states republic island islands ' +
    'river sea lake valley mountains desert camp base station tunnel mine port bay square street bridge dam ' +
    'university hospital court bank group company section office agency authority'
  ).split(' '),
);
/** Whether two tokens are written as one word ("al-Qaida", "Qa‘ida", "AT&T"; not a word and its full stop or comma). */
function joined(a: TagToken, b: TagToken): boolean {
  if (a.end !== b.start) return false;
  const glue = (c: number) =>
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c >= 0xc0 ||
    c === 45 ||
    c === 39 ||
    c === 38 ||
    c === 47;
  return glue(a.text.charCodeAt(a.text.length - 1)) && glue(b.text.charCodeAt(0));
}
/**
 * Tokens that are outside every entity whatever the weights, so left out of scoring: no capital
 * letter in the token or in the two tokens either side, and no rule names it. In a cable that
 * writes its names capitalized, also: a lower-case word that is neither a name particle between
 * capitalized words (within two tokens on both sides) nor a head noun after one, and punctuation
 * not between capitalized words — unless glued to the token before or after it ("al-", "Qa'ida",
 * "Zia-ul-Haq"). Most of a mixed-case cable; never an all-caps line. 1 marks the first kind,
 * which training and decoding both skip; 2 the second, which decoding skips (the tagger's cost is
 * in the tokens it scores) and training learns from as O (skipping them in training made the model
 * tag more eagerly: typed F1 0.846 → 0.837 in cross-validation).
 */
function outsideAll(tokens: readonly TagToken[], rules: Uint8Array): Uint8Array {
  const n = tokens.length;
  const capital = new Uint8Array(n);
  let capitalWords = 0;
  let lowerWords = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const c0 = t.text.charCodeAt(0);
    if (t.text !== t.lower) {
      capital[i] = 1;
      if (c0 >= 65 && c0 <= 90) capitalWords++;
    } else if (c0 >= 97 && c0 <= 122) lowerWords++;
  }
  // paragraph classification and handling markings ("(C/REL NATO)", "(S//NF)", SIPDIS): never an entity
  markings(tokens, capital);
  // a cable in lower case throughout (a few are) names its people in lower case too
  const namesCapitalized = capitalWords * 50 > lowerWords;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (capital[i] === 2) {
      out[i] = 1;
      continue;
    }
    if (capital[i] || rules[i]) continue;
    const before = (i > 0 && capital[i - 1] === 1) || (i > 1 && capital[i - 2] === 1);
    const after = (i + 1 < n && capital[i + 1] === 1) || (i + 2 < n && capital[i + 2] === 1);
    if (!before && !after) {
      out[i] = 1;
      continue;
    }
    if (!namesCapitalized) continue;
    const t = tokens[i];
    if ((i > 0 && joined(tokens[i - 1], t)) || (i + 1 < n && joined(t, tokens[i + 1]))) continue;
    const c0 = t.text.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) continue;
    // a full stop followed by a space ends a sentence, never a name ("Maine. Kouchner")
    if (t.text === '.' && (i + 1 === n || tokens[i + 1].start !== t.end)) {
      out[i] = 2;
      continue;
    }
    if (c0 >= 97 && c0 <= 122 && NAME_HEADS.has(t.lower) && before) continue;
    if ((c0 < 97 || c0 > 122 || NAME_PARTICLES.has(t.lower)) && before && after) continue;
    out[i] = 2;
  }
  return out;
}
/** Classification levels that open a paragraph marking ("(C/REL NATO)", "(SBU)", "(S//NF)"). */
const LEVELS = new Set(['U', 'C', 'S', 'TS', 'SBU']);
/** Handling words of markings and header lines. */
const HANDLING = new Set(['SIPDIS', 'NOFORN', 'NODIS', 'EXDIS', 'LIMDIS', 'ORCON', 'FOUO']);
/**
 * Marks with 2 in `capital` the tokens of paragraph classification markings — "(" a level, then
 * "/", "REL", "TO", country or alliance codes, "NF", commas, up to ")" within 12 tokens — and the
 * handling words (SIPDIS, NOFORN …) anywhere: the annotation conventions never tag them, and
 * "NATO" in "(C/REL NATO)" was the tagger's commonest spurious organization.
 */
function markings(tokens: readonly TagToken[], capital: Uint8Array): void {
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (HANDLING.has(t.text)) {
      capital[i] = 2;
      continue;
    }
    if (t.text !== '(' || i + 2 >= n || !LEVELS.has(tokens[i + 1].text)) continue;
    let j = i + 2;
    while (j < n && j - i < 12 && tokens[j].text !== ')') {
      const w = tokens[j].text;
      if (w !== '/' && w !== ',' && w !== '-' && !/^[A-Z]{1,6}$/.test(w)) break;
      j++;
    }
    if (j >= n || tokens[j].text !== ')' || j === i + 2 || tokens[i + 2].text !== '/') continue;
    for (let k = i + 1; k < j; k++) capital[k] = 2;
  }
}
export function staticFeatures(
  tokens: readonly TagToken[],
  lines: readonly LineInfo[],
  rules: Uint8Array,
  capsCable: boolean,
  training = false,
): StaticFeatures {
  const n = tokens.length;
  const w = new Uint32Array(n);
  const sh = new Uint32Array(n);
  const gz = new Uint32Array(n);
  const types = new Array<TokenType>(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    // the type kept on the interned word: no lookup by text for a word seen before
    let ty = t.word?.taggerType as TokenType | undefined;
    if (!ty) {
      ty = tokenType(t.text, t.lower);
      if (t.word) t.word.taggerType = ty;
    }
    types[i] = ty;
    w[i] = ty.word;
    sh[i] = ty.shape;
    gz[i] = ty.gaz;
  }
  const docCase = caseInCable(tokens, lines, w);
  const docRule = DOC_RULE.clear(n);
  for (let i = 0; i < n; i++) if (rules[i] > 0) docRule.or(w[i], 1 << ((rules[i] + 1) >> 1));
  const out = new Int32Array(n * STATIC);
  const outside = outsideAll(tokens, rules);
  const runs = nameRuns(tokens, lines, gz);
  for (let i = 0; i < n; i++) {
    if (outside[i] === 1 || (outside[i] === 2 && !training)) continue;
    const t = tokens[i];
    const line = lines[t.line];
    const o = i * STATIC;
    const lineCtx =
      (line.subject ? 1 : 0) |
      (line.header ? 2 : 0) |
      (line.caps ? 4 : 0) |
      (t.lineStart ? 8 : 0) |
      (capsCable ? 16 : 0);
    const prevTok = i > 0 ? tokens[i - 1] : undefined;
    const sentStart = !prevTok || prevTok.text === '.' || (prevTok.line !== t.line && /[.:]$/.test(prevTok.text));
    const prevWord = i > 0 ? w[i - 1] : NONE - 1;
    out[o] = feature(15, rules[i]);
    out[o + 1] = feature(16, i > 0 ? rules[i - 1] : 9);
    out[o + 2] = feature(17, i + 1 < n ? rules[i + 1] : 9);
    out[o + 3] = feature(18, mix(lineCtx, sh[i]));
    out[o + 4] = feature(21, mix(prevWord, sh[i]));
    out[o + 5] = feature(22, mix(sh[i], i + 1 < n ? sh[i + 1] : NONE));
    out[o + 6] = feature(23, mix(sentStart ? 1 : 0, mix(gz[i], sh[i])));
    out[o + 7] = feature(24, mix(rules[i], mix(lineCtx, gz[i])));
    out[o + 8] = feature(25, mix(prevWord, w[i]));
    const dc = docCase.get(w[i]);
    const dr = docRule.get(w[i]);
    out[o + 9] = feature(26, mix(dc, mix(line.caps ? 1 : 0, sh[i])));
    out[o + 10] = feature(27, mix(dr, rules[i]));
    out[o + 11] = feature(28, mix(dr, dc));
    out[o + 12] = feature(37, runs.last[i]);
    out[o + 13] = feature(38, runs.first[i]);
    out[o + 14] = feature(39, mix(runs.acronym[i], sh[i]));
  }
  return { features: out, rules, wordHashes: w, shapeHashes: sh, types, outside };
}

/** Word-list bits that tell a name's kind by its first or last word (place, organization name or head, first name, title, demonym). */
const KIND_BITS = 1 | 2 | 4 | 16 | 128 | 256 | 1024 | 2048;
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
const isLowerLetter = (c: number) => c >= 97 && c <= 122;

/**
 * Span-level context of each token (the tagger otherwise sees two words either side): the run of
 * capitalized words it stands in on a mixed-case line ("Ministry of Foreign Affairs", "National
 * Bank of Ukraine", "the Socialist Party"; particles such as "of", "and", "de" between capitals
 * join it), and what the run's first and last words are (`last`: the token's place in the run ×
 * the last word's word lists × whether "of" is inside — an organization head or a place at either
 * end decides the type and where the name stops; `first`: the place × the first word's lists × the
 * run's length). `acronym`: an acronym in parentheses spelled by the initials of the words just
 * before it ("Ministry of Foreign Affairs (MFA)", also on all-caps lines): 1 the acronym, 2 the
 * first word it spells, 3 the words after that; 4 an acronym in parentheses that spells nothing
 * before it. 0 where none applies.
 */
export function nameRuns(
  tokens: readonly TagToken[],
  lines: readonly LineInfo[],
  gz: Uint32Array,
): { last: Int32Array; first: Int32Array; acronym: Uint8Array } {
  const n = tokens.length;
  const last = new Int32Array(n);
  const first = new Int32Array(n);
  const acronym = new Uint8Array(n);
  // a capitalized word on a mixed-case line, decided once per token (the runs ask again and again)
  const capitals = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    capitals[i] = !lines[tokens[i].line].caps && isUpper(tokens[i].text.charCodeAt(0)) ? 1 : 0;
  const capital = (i: number) => capitals[i] === 1;
  for (let i = 0; i < n;) {
    if (!capital(i)) {
      i++;
      continue;
    }
    // the run: capitalized words, joined by particles before another capital and by glued hyphens
    let b = i;
    let hasOf = 0;
    for (;;) {
      const j = b + 1;
      if (j >= n) break;
      if (capital(j) && tokens[j].start - tokens[b].end <= 2) {
        b = j;
        continue;
      }
      const t = tokens[j];
      const glued = t.text === '-' && tokens[b].end === t.start && j + 1 < n && t.end === tokens[j + 1].start;
      if (
        (glued || (isLowerLetter(t.text.charCodeAt(0)) && NAME_PARTICLES.has(t.lower))) &&
        j + 1 < n &&
        capital(j + 1)
      ) {
        if (t.lower === 'of') hasOf = 1;
        b = j + 1;
        continue;
      }
      break;
    }
    const len = Math.min(b - i + 1, 5);
    const lastKind = mix(gz[b] & KIND_BITS, hasOf);
    const firstKind = mix(gz[i] & KIND_BITS, len);
    for (let k = i; k <= b; k++) {
      const pos = i === b ? 1 : k === i ? 2 : k === b ? 4 : 3;
      last[k] = mix(pos, lastKind);
      first[k] = mix(pos, firstKind);
    }
    i = b + 1;
  }
  for (let i = 2; i + 1 < n; i++) {
    const t = tokens[i];
    if (tokens[i - 1].text !== '(' || tokens[i + 1].text !== ')') continue;
    const letters = t.text.replace(/[.&-]/g, '');
    if (letters.length < 2 || letters.length > 8 || !/^[A-Z]+$/.test(letters.replace(/[a-z]/g, ''))) continue;
    if (letters.replace(/[a-z]/g, '').length < 2) continue;
    const want = letters.replace(/[a-z]/g, '');
    const start = spelledFrom(tokens, i - 2, want);
    if (start >= 0) {
      acronym[i] = 1;
      acronym[start] = 2;
      for (let q = start + 1; q <= i - 2; q++) acronym[q] = 3;
    } else acronym[i] = 4;
  }
  return { last, first, acronym };
}

/** Function words an acronym may spell or skip ("MOFA", "MFA": Ministry of Foreign Affairs). */
const SKIPPABLE = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'de', 'del', 'la', 'le', 'des', 'du', '-', '&']);
/**
 * The first token of the words ending at `end` whose initials spell `want` (a function word may give
 * its initial or be skipped; at most 12 tokens back), or -1.
 */
export function spelledFrom(tokens: readonly TagToken[], end: number, want: string): number {
  const go = (j: number, k: number, depth: number): number => {
    if (k < 0) return j + 1;
    if (j < 0 || depth > 12) return -1;
    const w = tokens[j];
    const skippable = SKIPPABLE.has(w.lower);
    if (!skippable && !isUpper(w.text.charCodeAt(0))) return -1;
    if (w.text[0].toUpperCase() === want[k]) {
      const r = go(j - 1, k - 1, depth + 1);
      if (r >= 0 && (k > 0 || !skippable)) return r;
    }
    return skippable && k < want.length - 1 ? go(j - 1, k, depth + 1) : -1;
  };
  return go(end, want.length - 1, 0);
}

/**
 * How each word (by hash) is written elsewhere in the same cable, in mixed-case lines and not first in
 * its sentence: bit 1 capitalized, 2 lower case, 4 all capitals. An all-caps subject line or header
 * word is thus told apart by the body ("MORALES" → "Morales" → a name; "MEETS" → "meets").
 */
function caseInCable(tokens: readonly TagToken[], lines: readonly LineInfo[], w: Uint32Array): WordBits {
  const out = DOC_CASE.clear(tokens.length);
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (lines[t.line].caps || t.lineStart) continue;
    const prev = tokens[i - 1].text;
    if (prev === '.' || prev === ':' || prev === '"' || prev === '(') continue;
    const c0 = t.text.charCodeAt(0);
    let bit = 0;
    if (c0 >= 97 && c0 <= 122) bit = 2;
    else if (c0 >= 65 && c0 <= 90) bit = t.text.length > 1 && t.text === t.text.toUpperCase() ? 4 : 1;
    if (bit) out.or(w[i], bit);
  }
  return out;
}

/**
 * Bits per word hash within one cable: an open-addressing table of typed arrays, emptied by a new
 * stamp rather than cleared (a Map keyed by these 32-bit hashes boxed every key beyond 2^30).
 */
class WordBits {
  private keys = new Uint32Array(0);
  private bits = new Int32Array(0);
  private stamps = new Int32Array(0);
  private stamp = 0;
  private shift = 32;
  /** Emptied for a cable of `tokens` tokens (at most that many words: the table keeps half its slots free). */
  clear(tokens: number): this {
    if (this.keys.length < 2 * tokens) {
      let bitsNeeded = 10;
      while (1 << bitsNeeded < 2 * tokens) bitsNeeded++;
      this.keys = new Uint32Array(1 << bitsNeeded);
      this.bits = new Int32Array(1 << bitsNeeded);
      this.stamps = new Int32Array(1 << bitsNeeded);
      this.shift = 32 - bitsNeeded;
      this.stamp = 0;
    }
    this.stamp++;
    return this;
  }
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.stamps[slot] === this.stamp && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }
  or(key: number, bit: number): void {
    const slot = this.slotOf(key);
    if (this.stamps[slot] !== this.stamp) {
      this.stamps[slot] = this.stamp;
      this.keys[slot] = key;
      this.bits[slot] = bit;
    } else this.bits[slot] |= bit;
  }
  /** The bits of `key`, 0 if none. */
  get(key: number): number {
    const slot = this.slotOf(key);
    return this.stamps[slot] === this.stamp ? this.bits[slot] : 0;
  }
}
const DOC_CASE = new WordBits();
const DOC_RULE = new WordBits();

/** Features that depend on the previous tag (decoding left to right). */
export function dynamicFeatures(prevTag: number, tokenHash: number, shapeHash: number, into: Int32Array): void {
  into[0] = feature(30, prevTag);
  into[1] = feature(31, mix(prevTag, tokenHash));
  into[2] = feature(32, mix(prevTag, shapeHash));
}
export const DYNAMIC = 3;
