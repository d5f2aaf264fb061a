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
