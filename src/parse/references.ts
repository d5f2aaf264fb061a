// The `REF:` block: entries as written, each with its canonical cable id when it names a cable.
/** The `REF:` block: entries as written, each with its canonical cable id when it names a cable. */
import type { Reference } from './types';
import { canonicalCableId, isKnownPost, isPostName, canonicalPost } from './ids';

/**
 * Where the block starts: `REF:` / `REFS` / `REFTEL` / `REF(S):` / `REFERENCE:` at the start of a
 * line, or with a colon or a first marker when it is run into the end of the SUBJECT line.
 */
const REF_START =
  /(?:^|\n)[ \t]*[Rr][Ee][Ff](?:[Ss]|[Tt][Ee][Ll][Ss]?)?[ \t]*:[ \t]*|(?:^|\n)[ \t]*(?:REF(?:S|TEL|TELS)?|REF\s*\(S\)|REFERENCES?)\b[ \t]*(?:[:.]|(?=\S))[ \t]*|[ \t](?:REF(?:S|TEL|TELS)?|REF\s*\(S\)|REFERENCES?)[ \t]*(?::|(?=\(?[A-Ha-h]\s*[.)]\s)|(?=(?:\d{2}|\d{4})?\s*[A-Z]{3,}(?: [A-Z]{2,})?\s+\d{2,7}\b))[ \t]*/;
/** Marker of a lettered item at the start of a line: `A.`, `A)`, `(A)`, `[A]`, `a.`, `A:`. */
const MARKER_LINE = /\n\s*(?:\(\s*[A-Za-z]\s*\)|\[[A-Za-z]\]|[A-Za-z]\s*[.):])\s/;
const REF_END = new RegExp(
  `\\n\\s*\\n(?!${MARKER_LINE.source.slice(2)})|\\bClassified\\s+By\\b|\\bCLASSIFIED\\s+BY\\b|(?:¶|\\n)\\s*1\\s*\\.\\s|\\s1\\s?\\.\\s+\\(|\\bSUMMARY\\b\\s*[:.]|\\bE\\.\\s?O\\.\\s?12958|\\bTAGS\\b|\\bSUBJECT\\s*:|\\n\\s*-{3,}|\\n\\s*(?:SUMMARY|BEGIN SUMMARY)\\b`,
  'i',
);

/** Words that are not post names even when followed by a number. */
const STOP_WORDS = new Set([
  'REF',
  'REFS',
  'REFTEL',
  'AND',
  'THE',
  'OF',
  'PARA',
  'PARAS',
  'PARAGRAPH',
  'SECTION',
  'RES',
  'RESOLUTION',
  'UNSCR',
  'NO',
  'NUMBER',
  'PAGE',
  'CA',
  'EO',
  'TO',
  'IN',
  'ON',
  'AT',
  'FOR',
  'BY',
  'SEE',
  'DATED',
  'MEMO',
  'EMAIL',
  'FAX',
  'PL',
  'PUBLIC',
  'LAW',
  'ARTICLE',
  'ITEM',
  'CIRCULAR',
  'A',
  'B',
  'C',
  'D',
  'MAIL',
  'LETTER',
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'SEPT',
  'OCT',
  'NOV',
  'DEC',
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
  'IIR',
  'TD',
  'DTG',
  'OSC',
  'SECTO',
  'TOSEC',
  'PREVIOUS',
  'FROM',
  'AS',
  'OR',
  'WITH',
  'YEAR',
  'FY',
  'CHAPTER',
  'VOL',
  'VOLUME',
  'NOTAL',
  'TELCON',
  'TELECON',
  'CONVERSATION',
  'MEETING',
  'UNCLAS',
  'CONFIDENTIAL',
  'SECRET',
  'OUT',
  'ALSO',
  'TOTAL',
  'OVER',
  'UNDER',
  'ABOUT',
  'SINCE',
  'UNTIL',
  'DAY',
  'DAYS',
  'REPORT',
  'STATEMENT',
  'DOC',
  'ANNEX',
]);

/** A cable id inside an entry: year (`08`, `'08`, `2008`, `O8`, run into the post or not), post, serial (letter O for zero allowed). */
const ID_IN_TEXT =
  /(?:^|[\s(,;:/])(?:'?((?:19|20)\d{2}|\d{2}|O\d|\dO)\s*)?([A-Z]{2,}(?:[ -][A-Z]{2,}){0,3})\s*,?\s+0*([1-9][0-9O]{0,6}|0)(?:\s*\(\s*((?:19|20)\d{2}|\d{2})\s*\))?(?![0-9A-Z]|\s*(?:[/:]|-(?!-)|\.\d|,\s*\d{4}|\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\w*\s+\d))/g;
/** Compact ids: `07BAGHDAD123`, `08SECSTATE12345`, `08 STATE12345`. */
const COMPACT_ID = /(?:^|[\s(,;:/])(\d{2}) ?([A-Z]{3,})(\d{1,7})\b/g;
/** A bare serial after an id, sharing its post and year: `STATE 1234 AND 5678`, `PARIS 12, 34`. */
const MORE_SERIALS = /^\s*(?:,|AND|&)\s*(\d{1,7})\b(?!\s*(?:[/:.]\d|,\s*\d{4})|\s+[A-Z]{2,}\s+\d)/;

interface Found {
  id: string;
  at: number;
  end: number;
  post: string;
  year?: string;
}

/** Every cable id written in one entry, in order. */
export function cableIdsIn(entry: string, defaultYear?: number | string): string[] {
  return findIds(entry.toUpperCase(), defaultYear).map((f) => f.id);
}

/** The first cable id in an entry (`04 STATE 274965`, `PARIS 1501`, `07BAGHDAD123`, `STATE 106206 CIRCULAR`). */
export function cableIdIn(entry: string, defaultYear?: number | string): string | undefined {
  return cableIdsIn(entry, defaultYear)[0];
}

function findIds(t: string, defaultYear?: number | string): Found[] {
  const found: Found[] = [];
  for (const m of t.matchAll(ID_IN_TEXT)) {
    const words = m[2].split(/[ -]/);
    while (words.length && STOP_WORDS.has(words[0])) words.shift();
    if (!words.length) continue;
    // the post is the longest run of last words that names one (`RIO DE JAN`, `EMBASSY PARIS`, `NEW DELHI`);
    // a single unknown word may be a post the corpus does not name, several unknown words are not
    let post: string | undefined;
    for (let n = words.length; n >= 1 && !post; n--) {
      const tail = words.slice(words.length - n).join(' ');
      if (isKnownPost(canonicalPost(tail))) post = tail;
    }
    if (!post) {
      if (words.length > 1 || STOP_WORDS.has(words[0])) continue;
      post = words[0];
    }
    // `RIO DE JAN` names a post; `10 JAN 2008` or `PARA 5` do not
    if (post.split(' ').some((w) => STOP_WORDS.has(w)) && !isPostName(post)) continue;
    if (post.replace(/ /g, '').length < 3 && !isKnownPost(canonicalPost(post))) continue;
    // an unknown word of under four letters is rarely a post (`TD 314`, `ANNEX 2`)
    if (post.replace(/ /g, '').length < 4 && !isKnownPost(canonicalPost(post))) continue;
    const year = m[1] ?? m[4];
    const id = canonicalCableId(
      `${year ? `${year.replace(/O/g, '0').slice(-2)} ` : ''}${post} ${m[3]}`,
      year ? undefined : defaultYear,
    );
    if (!id) continue;
    const at = m.index + (m[0].length - m[0].trimStart().length);
    found.push({ id, at, end: m.index + m[0].length, post, year: year?.replace(/O/g, '0') });
  }
  for (const m of t.matchAll(COMPACT_ID)) {
    if (STOP_WORDS.has(m[2]) || found.some((f) => m.index >= f.at - 1 && m.index < f.end)) continue;
    const id = canonicalCableId(`${m[1]}${m[2]}${m[3]}`);
    if (id) found.push({ id, at: m.index, end: m.index + m[0].length, post: m[2], year: m[1] });
  }
  found.sort((a, b) => a.at - b.at);
  // `STATE 1234 AND 5678`: the bare serials take the id's post and year
  const out: Found[] = [];
  for (const f of found) {
    out.push(f);
    let end = f.end;
    for (let k = 0; k < 10; k++) {
      const more = MORE_SERIALS.exec(t.slice(end));
      if (!more) break;
      const id = canonicalCableId(`${f.year ?? ''} ${f.post} ${more[1]}`.trim(), f.year ? undefined : defaultYear);
      if (!id) break;
      out.push({ id, at: end, end: end + more[0].length, post: f.post, year: f.year });
      end += more[0].length;
    }
  }
  return out;
}

/** Parses the `REF:` block into entries. */
export function parseReferences(
  text: string,
  defaultYear?: number | string,
): { refs: Reference[]; index: number } | undefined {
  const m = REF_START.exec(text.slice(0, 4000));
  if (!m) return undefined;
  const start = m.index + m[0].length;
  let block = text.slice(start, start + 1500);
  const e = REF_END.exec(block);
  if (e) block = block.slice(0, e.index);
  // page headers of multi-page cables (`PARIS 00001914 001.2 OF 003`) can land inside the block
  block = block
    .replace(/\s+/g, ' ')
    .replace(/\b[A-Z][A-Z ]+ 0{2,}\d+ +\d+(?:\.\d+)? OF \d+\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!block || /^NONE\.?$/i.test(block)) return { refs: [], index: m.index };
  // lettered entries: "A. ...", "A) ...", "(A) ...", "[B]. ...", "a) ...", "A: ..."
  const parts: Array<{ letter?: string; text: string }> = [];
  const re = /(?:^|[\s;,¶])\(?\[?([A-Za-z])\]?\s*[.):]\s+(?=\S)|(?:^|[\s,;])\(([A-Za-z])\)\s*(?=\S)/g;
  const hits: Array<{ letter: string; at: number; end: number }> = [];
  // a lower-case marker only counts when the list starts with one (`a) BAKU 575`)
  const lowerList = /^\(?[a-z]\s*[.):]\s/.test(block);
  let h;
  while ((h = re.exec(block))) {
    const written = h[1] ?? h[2];
    const letter = written.toUpperCase();
    if (written !== letter && !lowerList) continue;
    if (letter === String.fromCharCode(65 + hits.length))
      hits.push({ letter, at: h.index, end: h.index + h[0].length });
  }
  if (hits.length >= 1 && hits[0].at <= 2) {
    hits.forEach((x, i) => {
      let t = block
        .slice(x.end, i + 1 < hits.length ? hits[i + 1].at : block.length)
        .replace(/¶\s*$/, '')
        .trim()
        .replace(/[;,]\s*$/, '');
      // the letter written twice: "A. A) SECSTATE 52920", "A. (A) PARIS 7682", "A. A: HAVANA 118"
      t = t.replace(/^(?:\(([A-Za-z])\)|([A-Za-z])\s*[.):])\s+/, (s, a?: string, b?: string) =>
        (a ?? b ?? '').toUpperCase() === x.letter ? '' : s,
      );
      parts.push({ letter: x.letter, text: t });
    });
  } else {
    const SPLIT =
      /\s*;\s*|\s+AND\s+(?=(?:'?\d{2,4}\s*)?[A-Z]{3,}\s+\d)|\s*[:,]\s+(?=(?:'?\d{2,4}\s*)?[A-Z]{3,}(?:\s[A-Z]{2,})?\s+\d{2,})/i;
    for (const p of block.split(SPLIT)) if (p.trim()) parts.push({ text: p.trim() });
  }
  const refs: Reference[] = [];
  for (const p of parts) {
    const ids = findIds(p.text.toUpperCase(), defaultYear);
    if (ids.length <= 1) {
      const r: Reference = { text: p.text };
      if (p.letter) r.letter = p.letter;
      if (ids[0]) r.cableId = ids[0].id;
      refs.push(r);
      continue;
    }
    // several cables in one entry (a list without markers, `STATE 12 AND 34`): one reference each
    ids.forEach((f, i) => {
      const end = i + 1 < ids.length ? ids[i + 1].at : p.text.length;
      const t = p.text
        .slice(i === 0 ? 0 : f.at, end)
        .trim()
        .replace(/^(?:AND|&|,)\s+/i, '')
        .replace(/\s*(?:[,;]|\bAND|&)\s*$/i, '')
        .trim();
      const r: Reference = { text: t };
      if (p.letter) r.letter = p.letter;
      r.cableId = f.id;
      if (!refs.some((x) => x.cableId === f.id && x.letter === p.letter)) refs.push(r);
    });
  }
  return { refs, index: m.index };
}
