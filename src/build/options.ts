// The build's options, with their defaults written once and resolved and checked once: what every command that builds passes.
import * as os from 'os';
import * as path from 'path';
import { CablegraphError } from '../common/diagnostics';
import { DEFAULT_EXTRACTOR, EXTRACTORS, type ExtractorName } from '../extract/types';
import { DEFAULT_READ_BUDGET, type ReadBudget } from '../ingest/budget';

/** `cablegraph parse` may also skip extraction (metadata only, streamed). */
export const PARSE_EXTRACTORS: readonly (ExtractorName | 'none')[] = [...EXTRACTORS, 'none'];

/** Where `cablegraph build` writes, and what `serve`, `entities` and `evidence` open, when no file is given. */
export const DEFAULT_GRAPH_FILE = path.join('out', 'graph.db');

/** More workers than twice the cores only adds start-up time and memory (64 on 5 cables still started after 2 min). */
export const MAX_WORKERS = Math.max(2, os.availableParallelism() * 2);

/** Default worker threads: one per core, at most 4 (the main thread reads and parses input meanwhile). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Files read side by side: a slow or stalled file holds back only itself. */
export const FILES_IN_FLIGHT = 8;

/** The extractor a build ran and the options that change what it finds: recorded in the database's meta table. */
export interface ExtractorSetting {
  name: ExtractorName;
  options: Record<string, unknown>;
}

/** The options of the extractor as it will run (CoreNLP's server comes from CORENLP_URL). */
export function extractorSetting(name: ExtractorName): ExtractorSetting {
  return { name, options: name === 'corenlp' ? { url: process.env.CORENLP_URL ?? 'http://localhost:9000' } : {} };
}

export interface BuildOptions {
  /** Files, folders, globs or `-` (stdin). */
  inputs: string[];
  /** The graph database to write. */
  output: string;
  /** Keep the cables already in `output` and add these. */
  append: boolean;
  /**
   * With `append`: write only the rows that change, into the database in place (appendInPlace),
   * instead of rebuilding the file from all records. Off by default: at 10,000 cables it costs more
   * CPU than the rebuild so far (see the README).
   */
  inPlace?: boolean;
  /** With `append`: accept a database built by another extractor (its cables keep their mentions). */
  force: boolean;
  extractor: ExtractorName;
  /** Whether `extractor` was asked for (--ner); if not, an append uses the database's extractor. */
  extractorNamed: boolean;
  /** Worker threads for parse + extract (0: the main thread). */
  workers: number;
  /** Curation file; absent: ./curation.jsonl when present, else (appending) the database's decisions. */
  curationFile?: string;
  budget: ReadBudget;
  quiet: boolean;
  /**
   * Statements a HOLDS_ROLE/AFFILIATED_WITH edge and cables a co-mention lists at most (stored in
   * the database's build options); absent: the default, or, appending, the database's own.
   */
  maxEvidence?: number;
}

/** Fills in the defaults and checks every option, before any cable is read. */
export function resolveBuildOptions(partial: Partial<BuildOptions> & { output: string }): BuildOptions {
  const options: BuildOptions = {
    inputs: [],
    append: false,
    force: false,
    extractor: DEFAULT_EXTRACTOR,
    extractorNamed: partial.extractor !== undefined,
    workers: defaultWorkers(),
    budget: { ...DEFAULT_READ_BUDGET },
    quiet: false,
    ...partial,
  };
  validateBuildOptions(options);
  return options;
}

export function validateBuildOptions(options: BuildOptions): void {
  if (!EXTRACTORS.includes(options.extractor))
    throw new CablegraphError(
      'BAD_OPTION',
      `--ner wants one of ${EXTRACTORS.join(', ')}, got "${String(options.extractor)}"`,
    );
  if (!Number.isInteger(options.workers) || options.workers < 0 || options.workers > MAX_WORKERS) {
    throw new CablegraphError(
      'BAD_OPTION',
      `--workers wants a whole number from 0 to ${MAX_WORKERS} (twice the ${os.availableParallelism()} cores), got "${options.workers}"`,
    );
  }
  if (options.maxEvidence !== undefined && (!Number.isSafeInteger(options.maxEvidence) || options.maxEvidence < 1))
    throw new CablegraphError('BAD_OPTION', `--max-evidence wants a whole number from 1, got "${options.maxEvidence}"`);
  if (options.output.length === 0) throw new CablegraphError('BAD_OPTION', '--output wants a file name');
}
