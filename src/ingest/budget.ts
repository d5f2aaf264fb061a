// Per-file limits on reading: a file too large or too slow to read is skipped with one diagnostic.

/** How much one input file may cost before it is given up on. */
export interface ReadBudget {
  /** Largest single-cable file read, in bytes (a CSV dump is streamed: this bounds each of its rows). */
  maxBytes: number;
  /** Longest time spent reading one file (or one CSV row), in milliseconds. */
  maxMillis: number;
}

/** 16 MB: the largest Cablegate cable is well under 1 MB, so this only stops junk. */
export const DEFAULT_READ_BUDGET: ReadBudget = { maxBytes: 16 * 1024 * 1024, maxMillis: 10_000 };

/** Thrown by a reader that ran past its budget; the caller reports it and skips the input. */
export class BudgetExceeded extends Error {
  constructor(
    readonly kind: 'size' | 'time',
    message: string,
  ) {
    super(message);
    this.name = 'BudgetExceeded';
  }
}

/** Loop steps between two clock reads: a clock read costs ~25 ns, a step far less. */
const STEPS_PER_CHECK = 4096;

/** A time limit that hot loops poll cheaply (`tick()` reads the clock every few thousand steps). */
export class Deadline {
  private steps = 0;
  private readonly endsAt: number;

  constructor(readonly millis: number) {
    this.endsAt = millis === Infinity ? Infinity : Date.now() + millis;
  }

  /** Never expires: for callers without a budget. */
  static none(): Deadline {
    return new Deadline(Infinity);
  }

  /** Milliseconds left (0 when past; a large finite number when unlimited, for timers). */
  remaining(): number {
    return this.endsAt === Infinity ? 2 ** 31 - 1 : Math.max(0, this.endsAt - Date.now());
  }

  tick(): void {
    this.steps += 1;
    if (this.steps < STEPS_PER_CHECK) return;
    this.steps = 0;
    this.check();
  }

  check(): void {
    if (Date.now() > this.endsAt)
      throw new BudgetExceeded('time', `reading took longer than ${formatSeconds(this.millis)} (--max-file-seconds)`);
  }
}

export function formatSeconds(millis: number): string {
  return `${+(millis / 1000).toFixed(3)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
