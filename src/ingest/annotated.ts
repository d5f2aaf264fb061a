// The annotated-text reader: bracketed entity annotations kept with their offsets.
import { Deadline } from './budget';
import type { EntityAnnotation } from './types';

export interface AnnotatedText {
  /** The text with the brackets removed and the tokenizer's spacing repaired. */
  text: string;
  /** One per bracket, offsets into `text`. */
  annotations: EntityAnnotation[];
}

type Token =
  | { kind: 'open'; type: EntityAnnotation['type'] }
  | { kind: 'close' }
  | { kind: 'space'; text: string }
  | { kind: 'word'; text: string };

/** `[PER `, ` ]` (closing only inside a bracket), whitespace runs, and everything else. */
const TOKEN = /\[(PER|ORG|LOC|MISC)[ \t]+|[ \t]*\]|\s+|[^\s\][]+|[\][]/g;

/** Clitics a tokenizer splits off (`Kouchner 's`, `do n't`): glued back to the previous word. */
const CLITIC = /^(?:'s|'S|n't|N'T|'re|'RE|'ve|'VE|'ll|'LL|'d|'D|'m|'M|')$/;
/** Punctuation that takes no space before it. */
const CLOSING_PUNCTUATION = /^[.,;:?!)\]}%]/;
/** Punctuation that takes no space after it. */
const OPENING_PUNCTUATION = /[([{$]$/;

function* tokens(source: string): Generator<Token> {
  let inside = false;
  for (const m of source.matchAll(TOKEN)) {
    const t = m[0];
    if (m[1]) {
      inside = true;
      yield { kind: 'open', type: m[1] as EntityAnnotation['type'] };
    } else if (t.trimStart() === ']' && inside) {
      inside = false;
      yield { kind: 'close' };
    } else if (/^\s+$/.test(t)) yield { kind: 'space', text: t };
    else if (t.trimStart() === ']') {
      // A `]` that closes nothing is text; keep its leading spaces as a separate token.
      const lead = t.slice(0, t.length - 1);
      if (lead) yield { kind: 'space', text: lead };
      yield { kind: 'word', text: ']' };
    } else yield { kind: 'word', text: t };
  }
}

/**
 * Removes entity brackets (`[PER Kouchner ]`) in one pass, keeping each as an annotation with
 * offsets into the clean text, and repairs the tokenizer's spacing as it goes:
 * `Kouchner 's` → `Kouchner's`, `( C )` → `(C)`, `1 .` → `1.`, `" moved "` → `"moved"`.
 * Line breaks inside a paragraph are the tokenizer's sentence splits, not the cable's: they
 * become spaces; blank lines (paragraph breaks) are kept. Linear in the text (no check rescans it).
 */
export function readAnnotatedText(source: string, deadline: Deadline = Deadline.none()): AnnotatedText {
  // The clean text is built as a list of pieces with its length and last two characters kept
  // apart: reading a character of a string grown by `+=` flattens it (a copy of everything so far),
  // which made a megabyte of annotated words take a minute.
  const pieces: string[] = [];
  let length = 0;
  let last = '';
  let beforeLast = '';
  const append = (piece: string): void => {
    pieces.push(piece);
    length += piece.length;
    beforeLast = piece.length >= 2 ? piece[piece.length - 2] : last;
    last = piece[piece.length - 1]!;
  };
  const spans: Array<{ type: EntityAnnotation['type']; start: number; end: number }> = [];
  let open: { type: EntityAnnotation['type']; start: number } | undefined;
  let pendingSpace = '';
  let quoteOpen = false;

  const emitWord = (word: string): void => {
    if (pendingSpace !== '') {
      const breaksParagraph = /\n[ \t]*\n/.test(pendingSpace);
      const prev = last;
      const glue =
        !breaksParagraph &&
        (CLITIC.test(word) ||
          CLOSING_PUNCTUATION.test(word) ||
          OPENING_PUNCTUATION.test(prev) ||
          (word === '"' && quoteOpen) ||
          (prev === '"' && quoteOpen && (length === 1 || /\s/.test(beforeLast))));
      if (breaksParagraph) {
        append('\n\n');
        quoteOpen = false;
      } else if (!glue && length > 0) append(' ');
      pendingSpace = '';
    }
    if (open && open.start < 0) open.start = length;
    if (word === '"') quoteOpen = !quoteOpen;
    append(word);
  };

  for (const token of tokens(source.replace(/\r\n?/g, '\n'))) {
    deadline.tick();
    switch (token.kind) {
      case 'open':
        open = { type: token.type, start: -1 };
        break;
      case 'close':
        if (open && open.start >= 0) spans.push({ type: open.type, start: open.start, end: length });
        open = undefined;
        break;
      case 'space':
        // Spaces inside a bracket before its first word are bracket syntax, not text.
        if (!(open && open.start < 0)) pendingSpace += token.text;
        break;
      case 'word':
        emitWord(token.text);
        break;
    }
  }
  if (/\n[ \t]*\n/.test(pendingSpace)) append('\n');
  const text = pieces.join('');
  const annotations: EntityAnnotation[] = spans.map(({ type, start, end }) => ({
    type,
    text: text.slice(start, end),
    start,
    end,
  }));
  return { text, annotations };
}
