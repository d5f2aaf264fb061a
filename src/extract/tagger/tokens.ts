// Tokens of a cable for the sequence tagger: words, numbers and punctuation with offsets and line context.
/** Tokens of a cable for the sequence tagger: words, numbers and punctuation with their offsets and line context. */
import { isSpace } from '../../common/characters';
import { internRange, type Interned } from '../intern';

export interface TagToken {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Index of the line it is on. */
  line: number;
  /** First token of its line. */
  lineStart: boolean;
  /** The interned text (see `internRange`), where per-word caches live. */
  word?: Interned;
}

export interface LineInfo {
  /** The line has no lower-case letter. */
  caps: boolean;
  /** The SUBJECT line (and its continuation up to a blank line). */
  subject: boolean;
  /** Before the first numbered paragraph: header, routing, references. */
  header: boolean;
}

const ABBREVIATION =
  /^(?:[A-Za-z]\.)+$|^(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sen|Amb|Prof|St|Adm|Capt|Maj|Sgt|Rev|Mme|Jr|Sr)\.$/i;

const isAsciiLetter = (ch: number) => (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90);
/** A word's first character: [A-Za-z\u00C0-\u017F]. */
const isLetter = (ch: number) => isAsciiLetter(ch) || (ch >= 0xc0 && ch <= 0x17f);
const isDigit = (ch: number) => ch >= 48 && ch <= 57;
/** A number's other characters: [\d,.]. */
const isNumberChar = (ch: number) => isDigit(ch) || ch === 44 || ch === 46;
/** A word's other characters: [A-Za-z0-9\u00C0-\u017F'’.-]. */
const isWordChar = (ch: number) => isLetter(ch) || isDigit(ch) || ch === 39 || ch === 0x2019 || ch === 46 || ch === 45;
/** The characters trailing punctuation is split off a word by: [.\-'’]. */
const isTrailing = (ch: number) => ch === 46 || ch === 45 || ch === 39 || ch === 0x2019;

/** text[start, end) is an abbreviation that keeps its full stop ("U.S.", "Mr."): `ABBREVIATION`, read by character first. */
function isAbbreviation(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len % 2 === 0) {
    let initials = true;
    for (let q = start; q < end && initials; q += 2)
      initials = isAsciiLetter(text.charCodeAt(q)) && text.charCodeAt(q + 1) === 46;
    if (initials) return true;
  }
  return len >= 3 && len <= 5 && ABBREVIATION.test(text.slice(start, end));
}

/** `^\s*(?:SUBJECT|SUBJ)\b` (any case) and `^\s*¶?\s*1\s?\.\s` of a line: regexes run only where the line can match. */
const SUBJECT_LINE = /^\s*(?:SUBJECT|SUBJ)\b/i;
const FIRST_PARAGRAPH = /^\s*¶?\s*1\s?\.\s/;

/**
 * Splits a text into tokens (a possessive 's and trailing dots or hyphens apart) and describes its
 * lines. Tokens are words (a letter, then letters, digits, ' ’ . -), numbers (a digit, then digits,
 * commas, full stops) and any other character but white space, read by character code; their texts
 * are interned (`internRange`), so a word seen before allocates no string.
 */
export function tokenizeForTagger(text: string): { tokens: TagToken[]; lines: LineInfo[] } {
  const lineStarts: number[] = [0];
  for (let q = text.indexOf('\n'); q >= 0; q = text.indexOf('\n', q + 1)) lineStarts.push(q + 1);
  const lines = describeLines(text, lineStarts);
  // the scan's state lives on an object, not in variables its helpers close over (V8 keeps those
  // in a heap context and reloads them at every access of the hot loop)
  const scan = new TokenScan(text);
  const n = text.length;
  let lineNo = 0;
  let nextLine = lineStarts.length > 1 ? lineStarts[1] : Infinity;
  for (let q = 0; q < n;) {
    const ch = text.charCodeAt(q);
    const start = q++;
    if (isLetter(ch)) while (q < n && isWordChar(text.charCodeAt(q))) q++;
    else if (isDigit(ch)) {
      while (q < n && isNumberChar(text.charCodeAt(q))) q++;
    } else if (isSpace(ch)) continue;
    const end = q;
    if (start >= nextLine) {
      while (start >= nextLine) nextLine = ++lineNo + 1 < lineStarts.length ? lineStarts[lineNo + 1] : Infinity;
      scan.line = lineNo;
    }
    const len = end - start;
    // most tokens end in a letter or digit other than s: no test below applies
    const last = text.charCodeAt(end - 1);
    if (last !== 115 && last !== 83 && !isTrailing(last)) {
      scan.pushParts(start, end);
      continue;
    }
    // "MugabeQs": some cables lost the apostrophe of a possessive to a Q
    if (len > 2 && (last === 115 || last === 83)) {
      const before = text.charCodeAt(end - 2);
      if (
        before === 39 ||
        before === 0x2019 ||
        (len > 4 && last === 115 && before === 81 && isAsciiLetter(text.charCodeAt(end - 3)))
      ) {
        scan.pushParts(start, end - 2);
        scan.push(end - 2, end);
        continue;
      }
    }
    if (isTrailing(last) && len > 1 && !isAbbreviation(text, start, end)) {
      let cut = end;
      while (cut > start && isTrailing(text.charCodeAt(cut - 1))) cut--;
      scan.pushParts(start, cut);
      scan.push(cut, end);
      continue;
    }
    scan.pushParts(start, end);
  }
  return { tokens: scan.tokens, lines };
}

/** Per line: all capitals, within the SUBJECT, before the first numbered paragraph (one pass over its characters). */
function describeLines(text: string, lineStarts: readonly number[]): LineInfo[] {
  const lines: LineInfo[] = [];
  const n = text.length;
  let inSubject = false;
  let header = true;
  for (let l = 0; l < lineStarts.length; l++) {
    const a = lineStarts[l];
    const b = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : n;
    let upper = false;
    let lower = false;
    let first = -1;
    for (let q = a; q < b; q++) {
      const ch = text.charCodeAt(q);
      if (ch >= 97 && ch <= 122) lower = true;
      else if (ch >= 65 && ch <= 90) upper = true;
      if (first < 0 && !isSpace(ch)) first = ch;
    }
    // only a line whose first solid character is ¶, 1 or an s can match these
    if (first === 0xb6 || first === 49) {
      if (FIRST_PARAGRAPH.test(text.slice(a, b))) header = false;
    }
    if ((first === 83 || first === 115) && SUBJECT_LINE.test(text.slice(a, b))) inSubject = true;
    else if (first < 0) inSubject = false;
    lines.push({ caps: upper && !lower, subject: inSubject, header });
  }
  return lines;
}

/** The tokens found so far and the line the scan is on. */
class TokenScan {
  readonly tokens: TagToken[] = [];
  line = 0;
  private lastLine = -1;
  constructor(private readonly text: string) {}

  /** A hyphenated word in its parts and hyphens ("Dubai-based", "Lebanon-Syria", "Jean-David": the tagger joins what is one name). */
  pushParts(start: number, end: number): void {
    const text = this.text;
    if (end - start < 3) {
      this.push(start, end);
      return;
    }
    let hyphen = false;
    for (let q = start + 1; q < end && !hyphen; q++) hyphen = text.charCodeAt(q) === 45;
    if (!hyphen) {
      this.push(start, end);
      return;
    }
    let from = start;
    for (let q = start + 1; q < end - 1; q++) {
      if (text.charCodeAt(q) !== 45) continue;
      if (q > from) this.push(from, q);
      this.push(q, q + 1);
      from = q + 1;
    }
    this.push(from, end);
  }

  push(start: number, end: number): void {
    const t = internRange(this.text, start, end);
    const line = this.line;
    this.tokens.push({ text: t.text, lower: t.lower, start, end, line, lineStart: this.lastLine !== line, word: t });
    this.lastLine = line;
  }
}

/** The shape of a token: runs of X, x, d and other characters ("Kouchner" → "Xx", "EUR/WE" pieces → "X"). */
export function shapeOf(s: string): string {
  let out = '';
  let last = '';
  for (const ch of s) {
    const c =
      ch >= 'A' && ch <= 'Z'
        ? 'X'
        : ch >= 'a' && ch <= 'z'
          ? 'x'
          : ch >= '0' && ch <= '9'
            ? 'd'
            : ch.toUpperCase() !== ch.toLowerCase()
              ? ch === ch.toUpperCase()
                ? 'X'
                : 'x'
              : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}
