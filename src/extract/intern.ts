// One string per distinct token text, found from the cable text's characters without slicing them out.
/**
 * The tokenizers of the rules and of the tagger meet the same few tens of thousands of words
 * millions of times. Each token used to slice its text out of the cable and lower-case it (two new
 * strings), and every lexicon or cache lookup then hashed those fresh strings again. Interned, a
 * token's text and lower-case form are the same two strings at every occurrence: nothing is
 * allocated for a word seen before, and a Map lookup by them reuses the hash V8 keeps on the
 * string. Entries also carry what the rules learn about a word once (`bits`).
 */

export interface Interned {
  readonly text: string;
  readonly lower: string;
  /** The rules' word-list bits of `lower` (builtin.ts), -1 until first asked. */
  bits: number;
  /** 1 when `text` has a letter and no lower-case one (builtin.ts's `upper`), -1 until first asked. */
  upper: number;
  /** The tagger's token type of `text` (tagger/features.ts), once it has been asked. */
  taggerType: object | undefined;
}

/**
 * A copy of text[start, end) that does not hold on to `text`: V8 makes a longer slice a view into
 * the whole string, and an entry kept across cables would then keep each cable's text alive.
 */
function copyOf(text: string, start: number, end: number): string {
  const codes = new Array<number>(end - start);
  for (let q = start; q < end; q++) codes[q - start] = text.charCodeAt(q);
  let out = '';
  for (let q = 0; q < codes.length; q += 4096) out += String.fromCharCode(...codes.slice(q, q + 4096));
  return out;
}

const SLOT_BITS = 19;
const SLOTS = 1 << SLOT_BITS;
const MASK = SLOTS - 1;
/** Entries kept before the table starts afresh (half its slots: probes stay short). */
const MAX_ENTRIES = SLOTS >> 1;

const hashes = new Int32Array(SLOTS);
let entries = new Array<Interned | undefined>(SLOTS);
let count = 0;

/** The interned token whose text is `text[start, end)`. */
export function internRange(text: string, start: number, end: number): Interned {
  // FNV-1a over the UTF-16 code units; 0 marks an empty slot, so a hash of 0 is stored as 1
  let h = 0x811c9dc5 | 0;
  for (let q = start; q < end; q++) h = Math.imul(h ^ text.charCodeAt(q), 0x01000193);
  if (h === 0) h = 1;
  const len = end - start;
  let slot = h & MASK;
  for (;;) {
    const e = entries[slot];
    if (e === undefined) break;
    if (hashes[slot] === h && e.text.length === len && text.startsWith(e.text, start)) return e;
    slot = (slot + 1) & MASK;
  }
  if (count >= MAX_ENTRIES) {
    entries = new Array<Interned | undefined>(SLOTS);
    count = 0;
    slot = h & MASK;
  }
  const s = len < 13 ? text.slice(start, end) : copyOf(text, start, end);
  const e: Interned = { text: s, lower: s.toLowerCase(), bits: -1, upper: -1, taggerType: undefined };
  hashes[slot] = h;
  entries[slot] = e;
  count++;
  return e;
}

/** The interned token of a whole string. */
export function intern(s: string): Interned {
  return internRange(s, 0, s.length);
}
