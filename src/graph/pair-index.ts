// A hash index of unordered integer pairs in typed arrays: the co-mention pairs at corpus scale.
/**
 * A hash index of unordered integer pairs → 0, 1, 2 … in order of first insertion, in typed
 * arrays: tens of millions of pairs in 12 bytes each (plus the table), where a Map of numeric
 * keys would box every key above 2^30 and cost ~80 bytes an entry.
 */
export class PairIndex {
  private a: Int32Array;
  private b: Int32Array;
  /** Open addressing, linear probing: slot → pair + 1 (0 = empty). */
  private table: Int32Array;
  private mask: number;
  length = 0;

  /** @param expected pairs to make room for at once (more still fit: the arrays grow) */
  constructor(expected = 1024) {
    const pairs = Math.max(1024, expected);
    this.a = new Int32Array(pairs);
    this.b = new Int32Array(pairs);
    let slots = 2048;
    while (slots < 2 * pairs) slots *= 2;
    this.table = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** The pair's index, or -1. */
  get(x: number, y: number): number {
    const p = x < y ? x : y;
    const q = x < y ? y : x;
    for (let slot = this.hash(p, q) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot];
      if (entry === 0) return -1;
      if (this.a[entry - 1] === p && this.b[entry - 1] === q) return entry - 1;
    }
  }

  /** The pair's index, added at the end when new. `added` tells which (length grew). */
  add(x: number, y: number): number {
    const p = x < y ? x : y;
    const q = x < y ? y : x;
    let slot = this.hash(p, q) & this.mask;
    for (; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot];
      if (entry === 0) break;
      if (this.a[entry - 1] === p && this.b[entry - 1] === q) return entry - 1;
    }
    const index = this.length++;
    if (index === this.a.length) {
      this.a = grow(this.a);
      this.b = grow(this.b);
    }
    this.a[index] = p;
    this.b[index] = q;
    this.table[slot] = index + 1;
    // Half full at most: probes stay short.
    if (this.length * 2 > this.table.length) this.rehash();
    return index;
  }

  /** The smaller and the larger member of pair `i`. */
  low(i: number): number {
    return this.a[i];
  }

  high(i: number): number {
    return this.b[i];
  }

  /**
   * Every pair's smaller and larger member, by pair index: the index's own arrays (no copy), which
   * the caller then owns; the index is emptied (its table let go) and must not be used again.
   */
  release(): { low: Int32Array; high: Int32Array } {
    const ends = { low: this.a.subarray(0, this.length), high: this.b.subarray(0, this.length) };
    this.a = new Int32Array(0);
    this.b = new Int32Array(0);
    this.table = new Int32Array(0);
    this.mask = -1;
    this.length = 0;
    return ends;
  }

  private hash(p: number, q: number): number {
    return Math.imul(p, 0x9e3779b1) ^ Math.imul(q + 0x7f4a7c15, 0x85ebca6b);
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = this.table.length - 1;
    for (let i = 0; i < this.length; i += 1) {
      let slot = this.hash(this.a[i], this.b[i]) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i + 1;
    }
  }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
