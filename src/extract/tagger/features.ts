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
    if (gazCache.size < 500_000) gazCache.set(lower, b);
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
    if (stringHash.size < 500_000) stringHash.set(s, h);
  }
  return h;
}

/**
 * What a token's own text gives, the same wherever it stands: its word, shape and word-list hashes
 * and its `LEXICAL` features. Made once per distinct text (cached); `scores` holds, for the model
 * that decoded it last, the summed weights of those features per tag.
 */
export interface TokenType {
  word: number;
  shape: number;
  gaz: number;
  lexical: Int32Array;
  /** For the weights `scoresOf`: per tag the lexical features' score, then per (previous tag, tag) the transition features' score. */
  scores?: Float32Array;
  scoresOf?: Int16Array;
}
const typeCache = new Map<string, TokenType>();
export function tokenType(text: string, lower: string): TokenType {
  let t = typeCache.get(text);
  if (t) return t;
  const word = hashOf(lower);
  const shape = hashOf(shapeOf(text));
  const gaz = gazBits(lower.endsWith('.') ? lower.slice(0, -1) : lower);
  const lexical = new Int32Array(LEXICAL);
  lexical[0] = feature(0, 0);
  lexical[1] = feature(1, word);
  lexical[2] = feature(6, shape);
  lexical[3] = feature(9, hashOf('p' + lower.slice(0, 3)));
  lexical[4] = feature(10, hashOf('s' + lower.slice(-3)));
  lexical[5] = feature(11, hashOf('s' + lower.slice(-2)));
  lexical[6] = feature(12, gaz);
  t = { word, shape, gaz, lexical };
  if (typeCache.size < 100_000) typeCache.set(text, t);
  return t;
}

/** Features of a token's own text (the first `LEXICAL` of its `STATIC`). */
export const LEXICAL = 7;
/** Static features of every token (those not depending on the previous tag): a flat list, `STATIC` per token, `LEXICAL` first. */
export const STATIC = 29;
export interface StaticFeatures {
  features: Int32Array;
  wordHashes: Uint32Array;
  shapeHashes: Uint32Array;
  types: TokenType[];
  /** 1 where the token is outside any entity for sure (see `outsideAll`): no features, tag O. */
  outside: Uint8Array;
}
/**
 * Tokens that are outside every entity whatever the weights: no capital letter in the token or in
 * the two tokens either side, and no rule names it. Most of a mixed-case cable; never an all-caps
 * line. Training and decoding both skip them (the tagger's cost is in the tokens it scores).
 */
function outsideAll(tokens: readonly TagToken[], rules: Uint8Array): Uint8Array {
  const n = tokens.length;
  const capital = new Uint8Array(n);
  for (let i = 0; i < n; i++) capital[i] = tokens[i].text !== tokens[i].lower ? 1 : 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (capital[i] || rules[i]) continue;
    if (
      (i > 0 && capital[i - 1]) ||
      (i > 1 && capital[i - 2]) ||
      (i + 1 < n && capital[i + 1]) ||
      (i + 2 < n && capital[i + 2])
    )
      continue;
    out[i] = 1;
  }
  return out;
}
export function staticFeatures(
  tokens: readonly TagToken[],
  lines: readonly LineInfo[],
  rules: Uint8Array,
  capsCable: boolean,
): StaticFeatures {
  const n = tokens.length;
  const w = new Uint32Array(n);
  const sh = new Uint32Array(n);
  const gz = new Uint32Array(n);
  const types = new Array<TokenType>(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const ty = tokenType(t.text, t.lower);
    types[i] = ty;
    w[i] = ty.word;
    sh[i] = ty.shape;
    gz[i] = ty.gaz;
  }
  const docCase = caseInCable(tokens, lines, w);
  const docRule = new Map<number, number>();
  for (let i = 0; i < n; i++)
    if (rules[i] > 0) docRule.set(w[i], (docRule.get(w[i]) ?? 0) | (1 << ((rules[i] + 1) >> 1)));
  const NONE = 0x5bd1e995;
  const at = (arr: Uint32Array, i: number) => (i >= 0 && i < n ? arr[i] : NONE + i - (i < 0 ? 0 : n));
  const out = new Int32Array(n * STATIC);
  const outside = outsideAll(tokens, rules);
  for (let i = 0; i < n; i++) {
    if (outside[i]) continue;
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
    out.set(types[i].lexical, o);
    out[o + 7] = feature(2, at(w, i - 1));
    out[o + 8] = feature(3, at(w, i + 1));
    out[o + 9] = feature(4, at(w, i - 2));
    out[o + 10] = feature(5, at(w, i + 2));
    out[o + 11] = feature(7, at(sh, i - 1));
    out[o + 12] = feature(8, at(sh, i + 1));
    out[o + 13] = feature(13, at(gz, i - 1));
    out[o + 14] = feature(14, at(gz, i + 1));
    out[o + 15] = feature(15, rules[i]);
    out[o + 16] = feature(16, i > 0 ? rules[i - 1] : 9);
    out[o + 17] = feature(17, i + 1 < n ? rules[i + 1] : 9);
    out[o + 18] = feature(18, mix(lineCtx, sh[i]));
    out[o + 19] = feature(19, mix(rules[i], sh[i]));
    out[o + 20] = feature(20, mix(rules[i], w[i]));
    out[o + 21] = feature(21, mix(at(w, i - 1), sh[i]));
    out[o + 22] = feature(22, mix(sh[i], at(sh, i + 1)));
    out[o + 23] = feature(23, mix(sentStart ? 1 : 0, mix(gz[i], sh[i])));
    out[o + 24] = feature(24, mix(rules[i], mix(lineCtx, gz[i])));
    out[o + 25] = feature(25, mix(at(w, i - 1), w[i]));
    const dc = docCase.get(w[i]) ?? 0;
    const dr = docRule.get(w[i]) ?? 0;
    out[o + 26] = feature(26, mix(dc, mix(line.caps ? 1 : 0, sh[i])));
    out[o + 27] = feature(27, mix(dr, rules[i]));
    out[o + 28] = feature(28, mix(dr, dc));
  }
  return { features: out, wordHashes: w, shapeHashes: sh, types, outside };
}

/**
 * How each word (by hash) is written elsewhere in the same cable, in mixed-case lines and not first in
 * its sentence: bit 1 capitalized, 2 lower case, 4 all capitals. An all-caps subject line or header
 * word is thus told apart by the body ("MORALES" → "Morales" → a name; "MEETS" → "meets").
 */
function caseInCable(tokens: readonly TagToken[], lines: readonly LineInfo[], w: Uint32Array): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (lines[t.line].caps || t.lineStart) continue;
    const prev = tokens[i - 1].text;
    if (prev === '.' || prev === ':' || prev === '"' || prev === '(') continue;
    const c0 = t.text.charCodeAt(0);
    let bit = 0;
    if (c0 >= 97 && c0 <= 122) bit = 2;
    else if (c0 >= 65 && c0 <= 90) bit = t.text.length > 1 && t.text === t.text.toUpperCase() ? 4 : 1;
    if (bit) out.set(w[i], (out.get(w[i]) ?? 0) | bit);
  }
  return out;
}

/** Features that depend on the previous tag (decoding left to right). */
export function dynamicFeatures(prevTag: number, tokenHash: number, shapeHash: number, into: Int32Array): void {
  into[0] = feature(30, prevTag);
  into[1] = feature(31, mix(prevTag, tokenHash));
  into[2] = feature(32, mix(prevTag, shapeHash));
}
export const DYNAMIC = 3;
