import type { Reference } from './types';
import { canonicalCableId } from './ids';

const REF_START = /(?:^|\n|\s)(?:REF(?:S|TEL|TELS)?|REFERENCE(?:S)?)\b\s*[:.]?\s*(?=\S)/;
const REF_END = /\n\s*\n(?!\s*(?:\(?[A-Z]\s*[.):]|\[?[A-Z]\]?\s*\.)\s)|\bClassified\s+By\b|\bCLASSIFIED\s+BY\b|(?:¶|\n)\s*1\s*\.\s|\s1\s?\.\s+\(|\bSUMMARY\b\s*[:.]|\bE\.\s?O\.\s?12958|\bTAGS\b|\bSUBJECT\s*:/;

/** Cable id inside one entry: `04 STATE 274965`, `PARIS 1501`, `07BAGHDAD123`, `STATE 106206 CIRCULAR`. */
const STOP_WORDS = new Set(['REF', 'REFS', 'REFTEL', 'AND', 'THE', 'OF', 'PARA', 'PARAS', 'PARAGRAPH', 'SECTION', 'RES', 'RESOLUTION', 'UNSCR', 'NO', 'NUMBER', 'PAGE', 'CA', 'EO', 'TO', 'IN', 'ON', 'AT', 'FOR', 'BY', 'SEE', 'DATED', 'MEMO', 'EMAIL', 'FAX', 'PL', 'PUBLIC', 'LAW', 'ARTICLE', 'ITEM', 'CIRCULAR', 'A', 'B', 'C', 'D', 'MAIL', 'LETTER', 'JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'SEPT', 'OCT', 'NOV', 'DEC', 'JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER', 'IIR', 'TD', 'DTG', 'OSC', 'SECTO', 'TOSEC']);

export function cableIdIn(entry: string, defaultYear?: number | string): string | undefined {
  const t = entry.toUpperCase();
  // The year may be written in full (`2009 MADRID 59`).
  const m = /(?:^|[\s(,])(?:((?:19|20)\d{2}|\d{2})\s*)?((?:USUN NEW YORK|RIO DE JANEIRO|DAR ES SALAAM|PORT AU PRINCE|[A-Z]{2,}(?:\s(?:[A-Z]{2,}))?))\s+0*(\d{1,6})\b(?!\s*(?:[/:-]|\d|\.\d|,\s*\d{4}|\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)))/.exec(t);
  if (!m) {
    const c = /(?:^|\s)(\d{2})([A-Z]{3,})(\d{1,6})\b/.exec(t);
    return c && !STOP_WORDS.has(c[2]) ? canonicalCableId(`${c[1]}${c[2]}${c[3]}`) : undefined;
  }
  let post = m[2];
  if (STOP_WORDS.has(post.split(' ').pop() ?? '')) return undefined;
  const words = post.split(' ');
  const STOP = STOP_WORDS;
  while (words.length && STOP.has(words[0])) words.shift();
  if (!words.length || words.some((w) => STOP.has(w))) return undefined;
  post = words.join(' ');
  if (post.length < 3) return undefined;
  const year = m[1] ? m[1].slice(-2) : '';
  return canonicalCableId(`${year} ${post} ${m[3]}`.trim(), m[1] ? undefined : defaultYear);
}

/** Parses the `REF:` block into entries. */
export function parseReferences(text: string, defaultYear?: number | string): { refs: Reference[]; index: number } | undefined {
  const m = REF_START.exec(text.slice(0, 4000));
  if (!m) return undefined;
  const start = m.index + m[0].length;
  let block = text.slice(start, start + 1500);
  const e = REF_END.exec(block);
  if (e) block = block.slice(0, e.index);
  block = block.replace(/\s+/g, ' ').replace(/\b[A-Z][A-Z ]+ 0{2,}\d+ +\d+(?:\.\d+)? OF \d+\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (!block) return { refs: [], index: m.index };
  // split lettered entries: "A. ...", "A) ...", "(A) ...", "[B]. ..."
  const parts: Array<{ letter?: string; text: string }> = [];
  const re = /(?:^|[\s;¶])\(?\[?([A-Z])\]?\s*[.)]\s+(?=\S)|(?:^|[\s,;])\(([A-Z])\)\s*(?=\S)/g;
  const hits: Array<{ letter: string; at: number; end: number }> = [];
  let h;
  while ((h = re.exec(block))) {
    const letter = h[1] ?? h[2];
    const expected = String.fromCharCode(65 + hits.length);
    if (letter === expected) hits.push({ letter, at: h.index, end: h.index + h[0].length });
  }
  if (hits.length >= 1 && hits[0].at <= 2) {
    hits.forEach((x, i) => {
      let t = block.slice(x.end, i + 1 < hits.length ? hits[i + 1].at : block.length).replace(/¶\s*$/, '').trim().replace(/[;,]\s*$/, '');
      t = t.replace(/^(?:[A-Z]\.\s+)/, (s) => (s[0] === x.letter ? '' : s)); // "A. A. MAIER" duplicated letter
      parts.push({ letter: x.letter, text: t });
    });
  } else {
    const SPLIT = /\s*;\s*|\s+AND\s+(?=(?:\d{2}\s+)?[A-Z]{3,}\s+\d)|\s*[:,]\s+(?=(?:\d{2}\s+)?[A-Z]{3,}(?:\s[A-Z]{2,})?\s+\d{2,})/;
    for (const p of block.split(SPLIT)) if (p.trim()) parts.push({ text: p.trim() });
  }
  const refs: Reference[] = [];
  for (const p of parts) {
    const r: Reference = { text: p.text };
    if (p.letter) r.letter = p.letter;
    const id = cableIdIn(p.text, defaultYear);
    if (id) r.cableId = id;
    refs.push(r);
  }
  return { refs, index: m.index };
}
