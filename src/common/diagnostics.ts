// Diagnostics and errors: recoverable problems recorded on a cable, typed errors with a code for the rest.
/**
 * Problems found while reading or parsing one cable. Recoverable problems are
 * recorded on the cable (so one bad cable never stops a 251k-cable run);
 * only unrecoverable ones are thrown as a `CablegraphError`.
 */
export type Severity = 'info' | 'warning' | 'error';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable rule, `stage:problem`, e.g. `parse:missing-tags`. */
  rule: string;
  message: string;
  /** Where the problem is: the input file, and a 1-based line or CSV row when known. */
  file?: string;
  line?: number;
  row?: number;
}

/** Formats a diagnostic as one line, starting with where it is: `file:line: message [rule]`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}${d.row ? ` (row ${d.row})` : ''}: ` : '';
  return `${d.severity}: ${where}${d.message} [${d.rule}]`;
}

/** An unrecoverable user-facing error: the CLI prints its message without a stack trace. */
export class CablegraphError extends Error {
  readonly code: string;
  readonly file?: string;
  constructor(code: string, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CablegraphError';
    this.code = code;
    if (options.file !== undefined) this.file = options.file;
  }
}

/** Diagnostics shown per file and rule before the rest are only counted. */
export const DIAGNOSTICS_PER_RULE = 3;

/**
 * Passes on the first few diagnostics of each (file, rule) and counts the rest, so one bad file
 * (50,000 stray quotes) gives a few lines and a count, not 50,000 lines. `flush` reports the counts.
 */
export class DiagnosticLimiter {
  private readonly seen = new Map<string, { shown: number; hidden: number; last: Diagnostic }>();

  constructor(
    private readonly report: (d: Diagnostic) => void,
    private readonly perRule = DIAGNOSTICS_PER_RULE,
  ) {}

  add(d: Diagnostic): void {
    const key = `${d.file ?? ''}\u0000${d.rule}`;
    let entry = this.seen.get(key);
    if (!entry) {
      entry = { shown: 0, hidden: 0, last: d };
      this.seen.set(key, entry);
    }
    if (entry.shown < this.perRule) {
      entry.shown += 1;
      this.report(d);
    } else {
      entry.hidden += 1;
      entry.last = d;
    }
  }

  /** Reports one count per (file, rule) that had diagnostics held back (of `file` only, when given). */
  flush(file?: string): void {
    for (const [key, entry] of this.seen) {
      if (file !== undefined && entry.last.file !== file) continue;
      if (entry.hidden > 0) {
        const { severity, rule } = entry.last;
        const more: Diagnostic = {
          severity,
          rule,
          message: `${entry.hidden} more like this not shown (${entry.shown + entry.hidden} in all)`,
        };
        if (entry.last.file !== undefined) more.file = entry.last.file;
        this.report(more);
      }
      this.seen.delete(key);
    }
  }
}
