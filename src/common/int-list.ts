// A growable list of 32-bit integers in typed arrays: millions of entries without an object each.
/** A growable list of 32-bit integers: millions of entries without an object (or a boxed number) each. */
export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  /** A list of every entry of `data`, without a copy (it grows into a new array if pushed to). */
  static over(data: Int32Array): IntList {
    const list = new IntList(1);
    list.data = data;
    list.length = data.length;
    return list;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** A view of the first `length` entries (no copy). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
