// Types of the ingest stage: input formats and the raw cable a reader yields.
import type { Diagnostic } from '../common/diagnostics';

/** The formats a reader recognises, detected from content (not only the file extension). */
export type SourceFormat = 'html' | 'text' | 'markdown' | 'annotated' | 'csv';

/** Where a raw cable came from, so every later message can point back at it. */
export interface SourceLocation {
  /** Path as given by the user (or `<stdin>`). */
  file: string;
  /** 1-based line in `file` where the cable starts (text formats), when meaningful. */
  line?: number;
  /** 1-based data row (CSV), counting records, not physical lines. */
  row?: number;
}

/** One bracketed entity of an annotated input (`[PER Kouchner ]`), with offsets into `RawCable.body`. */
export interface EntityAnnotation {
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  /** Surface text exactly as in the cleaned body: `body.slice(start, end) === text`. */
  text: string;
  start: number;
  end: number;
}

/**
 * Metadata that the container carries outside the cable text: the Cable Viewer's
 * table or the cables.csv columns. Values are verbatim strings; `parse` normalizes them.
 */
export interface ContainerMetadata {
  referenceId?: string;
  /** e.g. `2008-10-23 09:09` (HTML) or `10/23/2008 09:09` (CSV). */
  created?: string;
  released?: string;
  classification?: string;
  /** e.g. `Embassy Paris`, `Iran RPO Dubai`. */
  origin?: string;
  /** cables.csv references column, split on `|` (empty in the sample). */
  references?: string[];
}

/** What ingest hands to parse: one cable, markup removed, nothing interpreted yet. */
export interface RawCable {
  source: SourceLocation;
  format: SourceFormat;
  metadata: ContainerMetadata;
  /** The routing header block (`VZCZC…`, `FM …`, `TO …`, `INFO …`) when the source has a separate one. */
  header?: string;
  /**
   * The cable text with markup removed and entities decoded; line breaks as `\n`.
   * Paragraph numbers are kept as they read in the cable (`1. (C) …`).
   */
  body: string;
  /** Entity brackets of annotated inputs, removed from `body`, offsets into `body`. */
  annotations?: EntityAnnotation[];
  /** Problems the reader found (truncated page, bad UTF-8 …); the cable is still passed on. */
  diagnostics: Diagnostic[];
}
