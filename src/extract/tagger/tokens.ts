// Tokens of a cable for the sequence tagger: words, numbers and punctuation with offsets and line context.
/** Tokens of a cable for the sequence tagger: words, numbers and punctuation with their offsets and line context. */

export interface TagToken {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Index of the line it is on. */
  line: number;
  /** First token of its line. */
  lineStart: boolean;
}

export interface LineInfo {
  /** The line has no lower-case letter. */
  caps: boolean;
  /** The SUBJECT line (and its continuation up to a blank line). */
  subject: boolean;
  /** Before the first numbered paragraph: header, routing, references. */
  header: boolean;
}

const WORD = /[A-Za-z\u00C0-\u017F][A-Za-z0-9\u00C0-\u017F'’.-]*|\d[\d,.]*|[^\sA-Za-z0-9\u00C0-\u017F]/g;
const ABBREVIATION =
  /^(?:[A-Za-z]\.)+$|^(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sen|Amb|Prof|St|Adm|Capt|Maj|Sgt|Rev|Mme|Jr|Sr)\.$/i;

/** Splits a text into tokens (a possessive 's and trailing dots or hyphens apart) and describes its lines. */
export function tokenizeForTagger(text: string): { tokens: TagToken[]; lines: LineInfo[] } {
  const tokens: TagToken[] = [];
  const lines: LineInfo[] = [];
  let lineNo = 0;
  let lineAt = 0;
  let lastLine = -1;
  let inSubject = false;
  let header = true;
  const lineStarts: number[] = [0];
  for (let q = text.indexOf('\n'); q >= 0; q = text.indexOf('\n', q + 1)) lineStarts.push(q + 1);
  for (let l = 0; l < lineStarts.length; l++) {
    const a = lineStarts[l];
    const b = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
    const line = text.slice(a, b);
    if (/^\s*¶?\s*1\s?\.\s/.test(line)) header = false;
    if (/^\s*(?:SUBJECT|SUBJ)\b/i.test(line)) inSubject = true;
    else if (!line.trim()) inSubject = false;
    lines.push({ caps: /[A-Z]/.test(line) && !/[a-z]/.test(line), subject: inSubject, header });
  }
  for (const m of text.matchAll(WORD)) {
    const s = m[0];
    const start = m.index;
    while (start >= lineStarts[lineAt + 1] && lineAt + 1 < lineStarts.length) lineAt++;
    lineNo = lineAt;
    // most tokens end in a letter or digit other than s: no test below applies
    const last = s.charCodeAt(s.length - 1);
    if (last !== 115 && last !== 83 && last !== 46 && last !== 45 && last !== 39 && last !== 0x2019) {
      pushParts(s, start);
      continue;
    }
    // "MugabeQs": some cables lost the apostrophe of a possessive to a Q
    if (s.length > 2 && (/[’']s$/i.test(s) || (s.length > 4 && /[A-Za-z]Qs$/.test(s)))) {
      pushParts(s.slice(0, -2), start);
      push(s.slice(-2), start + s.length - 2);
      continue;
    }
    if (/[.\-'’]$/.test(s) && s.length > 1 && !ABBREVIATION.test(s)) {
      const t = s.replace(/[.\-'’]+$/, '');
      pushParts(t, start);
      push(s.slice(t.length), start + t.length);
      continue;
    }
    pushParts(s, start);
  }
  /** A hyphenated word in its parts and hyphens ("Dubai-based", "Lebanon-Syria", "Jean-David": the tagger joins what is one name). */
  function pushParts(s: string, start: number): void {
    if (s.length < 3 || !s.includes('-', 1)) {
      push(s, start);
      return;
    }
    let from = 0;
    for (let q = 1; q < s.length - 1; q++) {
      if (s[q] !== '-') continue;
      if (q > from) push(s.slice(from, q), start + from);
      push('-', start + q);
      from = q + 1;
    }
    push(s.slice(from), start + from);
  }
  function push(t: string, at: number): void {
    tokens.push({
      text: t,
      lower: t.toLowerCase(),
      start: at,
      end: at + t.length,
      line: lineNo,
      lineStart: lastLine !== lineNo,
    });
    lastLine = lineNo;
  }
  return { tokens, lines };
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
