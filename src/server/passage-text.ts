// A passage as a reader wants it: the cable's hard line breaks joined, the SIPDIS marker dropped.
import type { Highlight } from '../model';

/**
 * Whitespace runs (a line break inside a paragraph, the column padding of telegram text), the
 * SIPDIS distribution marker, which cables carry on a line of its own in the middle of the text,
 * and the page-break line of a long telegram (`PARIS 00003534 002 OF 002`).
 */
const NOISE =
  /[ \t]*\bSIPDIS\b[ \t]*\n?[ \t]*|[ \t]*\b[A-Z][A-Z ]{1,30} \d{8} \d{3} OF \d{3}\b[ \t]*\n?[ \t]*|[ \t]*\n[ \t\n]*|[ \t]{2,}/g;

/**
 * The passage text without hard line breaks (joined by a space; a blank line or a line starting a
 * list item with `-` keeps one line break) and without SIPDIS, with its highlights moved to the
 * same words in the new text.
 */
export function readablePassage(
  text: string,
  highlights: readonly Highlight[],
): { text: string; highlights: Highlight[] } {
  // map[i] = where the character at i of `text` lands in the output (characters removed map to
  // the position of what replaced them).
  const map = new Int32Array(text.length + 1);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(NOISE)) {
    const at = m.index;
    for (let i = last; i < at; i += 1) map[i] = out.length + (i - last);
    out += text.slice(last, at);
    const next = text[at + m[0].length];
    let replacement = ' ';
    if (/\n[ \t]*\n/.test(m[0]) || (m[0].includes('\n') && next === '-')) replacement = '\n';
    if (out.length === 0 || at + m[0].length === text.length) replacement = '';
    else if (/\s$/.test(out)) replacement = '';
    for (let i = at; i < at + m[0].length; i += 1) map[i] = out.length;
    out += replacement;
    last = at + m[0].length;
  }
  for (let i = last; i < text.length; i += 1) map[i] = out.length + (i - last);
  out += text.slice(last);
  map[text.length] = out.length;
  const moved = highlights
    .map((hl) => ({ ...hl, start: map[hl.start], end: hl.end > 0 ? map[hl.end - 1] + 1 : 0 }))
    .filter((hl) => hl.end > hl.start);
  return { text: out, highlights: moved };
}
