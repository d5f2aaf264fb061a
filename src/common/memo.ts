// Bounded memo tables for pure functions of a name or phrase, all forgotten at once when a build no longer reads text.

/** Every memo table made, so that `forgetMemos` reaches them all. */
const tables = new Set<BoundedMemo<unknown>>();

/**
 * A Map from a string to a computed value that clears itself when it reaches `limit` entries (the
 * corpus's surfaces repeat, so a cleared table soon holds the common ones again). Keys are stored as
 * copies of their own: a key cut from a cable's text (`text.slice(...)`) is, in V8, a view that keeps
 * the whole text alive, and a full table of such keys held tens of thousands of cable texts.
 */
export class BoundedMemo<V> {
  private readonly table = new Map<string, V>();

  constructor(private readonly limit: number) {
    tables.add(this);
  }

  get size(): number {
    return this.table.size;
  }

  /** The value kept for `key`; undefined both when none is kept and when undefined was (see `has`). */
  get(key: string): V | undefined {
    return this.table.get(key);
  }

  has(key: string): boolean {
    return this.table.has(key);
  }

  set(key: string, value: V): void {
    if (this.table.size >= this.limit) this.table.clear();
    this.table.set(ownCopy(key), value);
  }

  clear(): void {
    this.table.clear();
  }
}

/**
 * Empties every memo table: a build calls it once it has read the last cable's text, so that the
 * tables (up to a few hundred MB at full-corpus scale) are not held through the metrics and the writes.
 */
export function forgetMemos(): void {
  for (const table of tables) table.clear();
}

/**
 * `s` in memory of its own, not a view into the longer string it was cut from. (V8 makes a substring
 * of 13 characters or more a view of its parent; concatenating flattens into a new string, and
 * slicing that keeps only the new one alive.)
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
