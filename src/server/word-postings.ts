import { compare, withinEdits } from './search';

/**
 * The name search's words — every distinct word of the entities' names and aliases — in `compare`
 * order, each with the nodes of the entities that have it, in typed arrays. Read once (and again
 * after another connection writes): a three-letter prefix means ~78,000 word rows at 251,287
 * cables, which read from SQLite cost a search up to ~25 ms.
 */
export class WordPostings {
  /** The distinct words, sorted by `compare`. */
  readonly words: readonly string[];

  /** Node lists by word: word i's nodes are nodes[start[i]] … nodes[start[i + 1] - 1]. */
  private readonly start: Int32Array;
  private readonly nodes: Int32Array;
  /**
   * Per word length (a typo budget of k only looks at lengths within k): the words, as indexes into
   * `words`, and each one's letter mask (letterMask) beside it.
   */
  private readonly lengths = new Map<number, { indexes: Int32Array; masks: Int32Array }>();
  /**
   * Per word (CSR like the postings, nodes ascending): the entities with a name or alias that is
   * that word alone, the only ones a one-word query can match exactly (see sole()).
   */
  private soleStart: Int32Array | undefined;
  private soleNodes: Int32Array | undefined;

  /**
   * `words` with how many nodes each has (`counts[i]`), and `nodes` all of them, word after word
   * in the same order. The words may come in SQLite's order (UTF-8 bytes), which differs from
   * `compare` (UTF-16 units) for characters beyond the Basic Multilingual Plane: they are re-sorted.
   */
  constructor(words: readonly string[], counts: ArrayLike<number>, nodes: ArrayLike<number>) {
    if (counts.length !== words.length) throw new Error('word postings: one count per word expected');
    let total = 0;
    for (let i = 0; i < counts.length; i += 1) total += counts[i];
    if (total !== nodes.length) throw new Error(`word postings: ${nodes.length} nodes for ${total} counted`);
    const from = new Int32Array(words.length + 1);
    for (let i = 0; i < words.length; i += 1) from[i + 1] = from[i] + counts[i];
    let order: number[] | undefined;
    for (let i = 1; i < words.length && !order; i += 1)
      if (compare(words[i - 1], words[i]) >= 0)
        order = words.map((_, j) => j).sort((a, b) => compare(words[a], words[b]));
    this.words = order ? order.map((j) => words[j]) : [...words];
    for (let i = 1; i < this.words.length; i += 1)
      if (this.words[i - 1] === this.words[i]) throw new Error(`word postings: "${this.words[i]}" listed twice`);
    this.start = new Int32Array(words.length + 1);
    this.nodes = new Int32Array(nodes.length);
    let at = 0;
    for (let i = 0; i < words.length; i += 1) {
      const j = order ? order[i] : i;
      for (let k = from[j]; k < from[j + 1]; k += 1) this.nodes[at++] = nodes[k];
      this.start[i + 1] = at;
    }
    const byLength = new Map<number, number[]>();
    this.words.forEach((word, i) => {
      const list = byLength.get(word.length);
      if (list) list.push(i);
      else byLength.set(word.length, [i]);
    });
    for (const [length, list] of byLength) {
      const indexes = Int32Array.from(list);
      this.lengths.set(length, { indexes, masks: indexes.map((i) => letterMask(this.words[i])) });
    }
  }

  /**
   * Records which entities have a name or alias that is one word alone (`word`, `node` pairs, any
   * order; words not held are passed over). Until it is called, sole() knows nothing.
   */
  setSoleNames(pairs: Iterable<readonly [string, number]>): void {
    const byWord = new Map<number, number[]>();
    for (const [word, node] of pairs) {
      const index = this.firstFrom(word);
      if (this.words[index] !== word) continue;
      const list = byWord.get(index);
      if (list) list.push(node);
      else byWord.set(index, [node]);
    }
    const start = new Int32Array(this.words.length + 1);
    for (const [index, list] of byWord) start[index + 1] = list.length;
    for (let i = 0; i < this.words.length; i += 1) start[i + 1] += start[i];
    const nodes = new Int32Array(start[this.words.length]);
    for (const [index, list] of byWord) nodes.set(Int32Array.from(list).sort(), start[index]);
    this.soleStart = start;
    this.soleNodes = nodes;
  }

  /** Whether setSoleNames has been called (sole() knows). */
  get knowsSoleNames(): boolean {
    return this.soleStart !== undefined;
  }

  /**
   * Whether entity `node` has a name or alias that is word `index` alone; undefined when not known
   * (setSoleNames not called).
   */
  sole(index: number, node: number): boolean | undefined {
    if (!this.soleStart || !this.soleNodes) return undefined;
    let lo = this.soleStart[index];
    let hi = this.soleStart[index + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.soleNodes[mid] < node) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.soleStart[index + 1] && this.soleNodes[lo] === node;
  }

  /** The index of the first word not before `token` (words.length when there is none). */
  firstFrom(token: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[mid] < token) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The words within `edits` typos (withinEdits) of `token` that do not start with it, as indexes
   * into `words`, in index order. A typo adds at most one letter to a word's letter set and takes
   * at most one away, so a word whose letter mask differs from the token's in more than 2 × edits
   * letters is passed over without measuring its distance: most words of a length are.
   */
  typos(token: string, edits: number): number[] {
    const found: number[] = [];
    if (edits <= 0) return found;
    const mask = letterMask(token);
    const budget = 2 * edits;
    for (let length = token.length - edits; length <= token.length + edits; length += 1) {
      const bucket = this.lengths.get(length);
      if (!bucket) continue;
      const { indexes, masks } = bucket;
      for (let k = 0; k < indexes.length; k += 1) {
        if (bitCount(masks[k] ^ mask) > budget) continue;
        const word = this.words[indexes[k]];
        if (!word.startsWith(token) && withinEdits(token, word, edits)) found.push(indexes[k]);
      }
    }
    return found.sort((a, b) => a - b);
  }

  /** The nodes of the entities with word `index` (a view: not to be written). */
  nodesOf(index: number): Int32Array {
    return this.nodes.subarray(this.start[index], this.start[index + 1]);
  }

  /** How many (word, node) entries are held. */
  get size(): number {
    return this.nodes.length;
  }
}

/**
 * Which letters a word has, one bit each (a–z; every other character shares one of the 6 bits
 * left by its code): an edit sets at most one bit and clears at most one, however characters
 * share them.
 */
export function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    mask |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return mask;
}

/** The number of bits set in a 32-bit integer. */
function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
