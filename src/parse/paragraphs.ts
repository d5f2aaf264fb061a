// Splits a cable's body into numbered paragraphs, or blank-line blocks when unnumbered.
import type { Paragraph } from './types';

const PORTION =
  /^\(\s*(U|C|S|SBU|TS|S\s*\/\s*NF|C\s*\/\s*NF|S\s*\/\/\s*NF|C\s*\/\/\s*NF|SBU\s*\/\s*NF|U\s*\/\s*FOUO|U\s*\/\/\s*FOUO|LOU|S\/REL[^)]*|U\/\/SBU)\s*\)/i;

/** Splits the body into numbered paragraphs (`1.`, `¶1.`, `12.(S)`), or blank-line blocks when unnumbered. */
export function parseParagraphs(text: string): Paragraph[] {
  const starts: Array<{ at: number; number: number; after: number }> = [];
  const re = /(?:^|\n|(?<=[\s.)"'”]))(?:¶\s*)?(\d{1,3})\s?\.(?=\s*\(|\s+[A-Z(-])/g;
  let expected = 1;
  let m;
  while ((m = re.exec(text))) {
    const n = Number(m[1]);
    const atLineStart =
      m.index === 0 ||
      text[m.index - 1] === '\n' ||
      text[m.index] === '\n' ||
      text[m.index] === '¶' ||
      text.slice(m.index, m.index + 1) === '\n';
    const pilcrow = /¶/.test(m[0]);
    // A fragment may start mid-cable: its first numbered paragraph can be any number when it
    // starts a line and carries a classification mark (`12. (C)`).
    const opensFragment =
      starts.length === 0 && atLineStart && /^\s*\(/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4));
    if (n !== expected && !opensFragment) continue;
    expected = n;
    if (!atLineStart && !pilcrow && !/\(/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
    let at = m.index;
    while (text[at] === '\n' || text[at] === ' ') at++;
    starts.push({ at, number: n, after: m.index + m[0].length });
    expected++;
  }
  const paras: Paragraph[] = [];
  if (starts.length) {
    starts.forEach((s, i) => {
      const endRaw = i + 1 < starts.length ? starts[i + 1].at : text.length;
      paras.push(make(text, s.at, endRaw, s.number, s.after, paras.length));
    });
    return paras;
  }
  // unnumbered: blank-line blocks after the header (after SUBJECT/REF/Classified By)
  const hdr = /\n\s*\n/g;
  let prev = 0;
  const blocks: Array<[number, number]> = [];
  while ((m = hdr.exec(text))) {
    blocks.push([prev, m.index]);
    prev = m.index + m[0].length;
  }
  blocks.push([prev, text.length]);
  let inHeader = true;
  for (const [a, b] of blocks) {
    const chunk = text.slice(a, b);
    if (!chunk.trim()) continue;
    if (
      inHeader &&
      /^\s*(?:[A-Z](?: [A-Z])+|UNCLAS|SIPDIS|E\.?\s?O\.?|TAGS|SUBJ|REF|Classified By|CONFIDENTIAL|SECRET|LIMITED OFFICIAL|FM |TO |INFO |[OPRZ]{1,2} \d{6}Z|This record is)/i.test(
        chunk,
      )
    )
      continue;
    inHeader = false;
    paras.push(make(text, a, b, undefined, a, paras.length));
  }
  return paras;
}

function make(text: string, a: number, b: number, number: number | undefined, after: number, idx: number): Paragraph {
  let start = a;
  let end = b;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const p: Paragraph = { text: text.slice(start, end), start, end, isSummary: false, isComment: false };
  if (number !== undefined) p.number = number;
  const rest = text.slice(after, end).replace(/^\s+/, '');
  const pm = PORTION.exec(rest);
  if (pm) p.classification = pm[1].replace(/\s+/g, '').toUpperCase();
  const lead = rest.replace(PORTION, '').trimStart().slice(0, 40);
  p.isSummary = /^SUMMARY\b/i.test(lead) && idx < 3;
  p.isComment = /^COMMENT\b/i.test(lead);
  return p;
}
