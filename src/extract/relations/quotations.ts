// Quoted text in a cable: the spans between quotation marks of a paragraph, and texts quoted whole ("Begin text: … End text").
/**
 * Inside a quotation someone else speaks: the "I" of `Karzai was blunt: "We will not accept this. I told Chavez so
 * myself."` is Karzai's, not the cable writer's, and a "her" in it is the speaker's, not the narrative's. The readers
 * ask one question, whether an offset is quoted, answered here for the whole cable at once:
 * - marks pair within a paragraph: the cable's numbered paragraph (its blank-line block when unnumbered; the text
 *   outside them counts as one more). So a quotation opened in an earlier sentence and closed in a later one covers
 *   the sentences between, also across a page break inside the paragraph (10DAMASCUS8: `"That` / `DAMASCUS 00000008
 *   004 OF 006` / `hurts us," Asad claimed`). One left open runs to the paragraph's end; a closing mark with no opening
 *   one (left out, or written in an earlier paragraph) covers its sentence up to it.
 * - the curly `“` opens and `”` closes, and so do the corpus's mangled `&` and `8` (`a &Kurdish problem.8`); the
 *   straight `"` and the doubled apostrophe (`''disarm or die.''`, 07PORTAUPRINCE408) open or close by the spaces
 *   around them, so that a stray one does not turn the rest of its paragraph inside out. Single marks are not read:
 *   `’` and `'` are mostly apostrophes.
 * - a text quoted whole runs from "Begin text" (or "Begin quote") to the next "End text" ("End quote"), else to the
 *   cable's end.
 */
import type { Cable } from '../../parse/types';

export interface Span {
  start: number;
  end: number;
}

/**
 * A double quotation mark: straight, curly, the doubled apostrophe, or the curly pair as the corpus mangles it in 63
 * cables (`&Kurdish problem.8`, 05ANKARA7215: “ written as `&` before a word, ” as `8` after one; not after a
 * one-letter word: "the G8 must act" inside a quotation closes nothing). The marks of a quotation may be mixed: `“liberal
 * interventionist8`, `"You can easily bribe the chief of police or a judge,8` (08LONDON1771, 09KABUL3068).
 */
const MARK = /["“”]|(?<!')''(?!')|(?<![^\s(])&(?=[\w"'“])|(?<=[A-Za-z.,;:!?'")\]])(?<!\b[A-Z])8(?=[\s.,;:!?)\]]|$)/g;
/** A quoted text's mark: "Begin text:", "(End Text)", "END QUOTE". */
const QUOTED_TEXT = /\b(begin|end)\s+(?:text|quote)\b/gi;

/** The quoted spans of a cable's text, sorted and disjoint. */
export function quotedSpans(text: string, paragraphs: readonly Span[]): Span[] {
  const spans = markedSpans(text, paragraphs);
  spans.push(...quotedTexts(text));
  spans.sort((a, b) => a.start - b.start);
  // a marked quotation inside a text quoted whole joins it
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** The spans between quotation marks, paired within each paragraph. */
function markedSpans(text: string, paragraphs: readonly Span[]): Span[] {
  // where a paragraph starts or ends, the marks pair no further (a blank line may part a sentence, or a page break)
  const bounds = paragraphs.flatMap((p) => [p.start, p.end]).sort((a, b) => a - b);
  bounds.push(text.length);
  const out: Span[] = [];
  // where the open quotation starts (-1: none), and where an opening mark left out (a closing one alone) would stand
  let open = -1;
  let from = 0;
  let bi = 0;
  const closeAt = (at: number): void => {
    if (open >= 0) out.push({ start: open, end: at });
    open = -1;
    from = at;
  };
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    while (bounds[bi] <= m.index) closeAt(bounds[bi++]);
    // (an `8` that closes nothing is a digit)
    if (m[0] === '8' && open < 0) continue;
    const way = wayOf(text, m.index, m[0]);
    if (way === 'open' || (way === 'toggle' && open < 0)) {
      // (a second opening mark: the first was left open, and the quotation runs on)
      if (open < 0) open = m.index;
    } else {
      // a closing mark alone (its opening one left out, or written in an earlier paragraph): its sentence at most
      if (open < 0) open = sentenceStart(text, from, m.index);
      closeAt(m.index + m[0].length);
    }
  }
  if (open >= 0) out.push({ start: open, end: bounds[bi] });
  return out;
}

/** Where the sentence holding `at` starts, `from` at the earliest: after the last `.`, `?` or `!` before a capital. */
function sentenceStart(text: string, from: number, at: number): number {
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let e = SENTENCE_END.exec(text); e && e.index + e[0].length <= at; e = SENTENCE_END.exec(text))
    start = e.index + e[0].length;
  return start;
}
const SENTENCE_END = /[.?!]["')\]”8]*\s+(?=["“(&]?[A-Z0-9])/g;

/**
 * Whether a mark opens or closes a quotation: the curly ones say so; a straight one opens after a space and before a
 * word (` "we agree`), closes after a word and before a space or punctuation (`ambitions." `), and else opens or closes
 * by turns.
 */
function wayOf(text: string, at: number, mark: string): 'open' | 'close' | 'toggle' {
  if (mark === '“' || mark === '&') return 'open';
  if (mark === '”' || mark === '8') return 'close';
  const spaceBefore = at === 0 || OPEN_SIDE.test(text[at - 1]);
  const end = at + mark.length;
  const spaceAfter = end >= text.length || CLOSE_SIDE.test(text[end]);
  return spaceBefore === spaceAfter ? 'toggle' : spaceBefore ? 'open' : 'close';
}
const OPEN_SIDE = /[\s([{]/;
const CLOSE_SIDE = /[\s.,;:!?)\]}]/;

/** The texts quoted whole: from a "Begin text" mark to the next "End text" mark. */
function quotedTexts(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  QUOTED_TEXT.lastIndex = 0;
  for (let q = QUOTED_TEXT.exec(text); q; q = QUOTED_TEXT.exec(text)) {
    const begin = /^b/i.test(q[1]);
    if (begin && open < 0) open = q.index;
    else if (!begin && open >= 0) {
      out.push({ start: open, end: q.index });
      open = -1;
    }
  }
  if (open >= 0) out.push({ start: open, end: text.length });
  return out;
}

// the readers ask about one cable many times: its spans are found once
const spansOf = new WeakMap<Pick<Cable, 'text' | 'paragraphs'>, Span[]>();

/** Whether offset `at` of the cable's text is quoted: between quotation marks of its paragraph, or in a text quoted whole. */
export function quotedAt(cable: Pick<Cable, 'text' | 'paragraphs'>, at: number): boolean {
  let spans = spansOf.get(cable);
  if (!spans) {
    spans = quotedSpans(cable.text, cable.paragraphs);
    spansOf.set(cable, spans);
  }
  // the last span that starts at or before `at`
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && at < spans[lo - 1].end;
}
