// The build's composition root: ingest → parse/extract (workers) → resolve → curation → graph → graph database.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CablegraphError, type Diagnostic } from '../common/diagnostics';
import { removeStaleTemporaries } from '../common/temporaries';
import { traceMemory } from '../common/trace-memory';
import { applyCuration, effectiveDecisions } from '../curate/apply';
import { DEFAULT_CURATION_FILE, readCuration } from '../curate/file';
import { buildGraphDb, cableRecords, openGraphDb, readMeta, type BuildDbSummary } from '../db';
import { DEFAULT_BUILD_OPTIONS, RecordStore, type CurateEntities } from '../graph';
import type { Decision } from '../model';
import { isExtractorName } from '../extract/types';
import { extractorSetting, type BuildOptions } from './options';
import { readInputsInto } from './read-inputs';
import { appendInPlace, type AppendSummary } from './append';
import { StoredCables } from './append-footprint';

/** What the command shows while a build runs: problems of the cables, and progress. */
export interface BuildReporter {
  diagnostic(d: Diagnostic): void;
  /** A cable was read (or skipped as a repeated copy). */
  tick(): void;
  /** Reading is over (the graph is built next). */
  readDone(): void;
  /** A remark on stderr (a file that does not exist yet, a temporary removed). */
  note(message: string): void;
}

export interface BuildResult extends BuildDbSummary {
  /** Cables of the graph, read in this run, repeated copies skipped, and already in the database (append). */
  records: number;
  incoming: number;
  copies: number;
  existing: number;
  readSeconds: number;
  totalSeconds: number;
  /** An append in place: the cables (new ones among them), entities and co-mention pairs whose rows were written. */
  appended?: {
    cables: number;
    newCables: number;
    entities: number;
    pairs: number;
    evidenceDeleted: number;
    evidenceWritten: number;
    /** Of the old cables rewritten: their resolved rows left as they were, and those deleted, updated or inserted. */
    resolvedRowsKept: number;
    resolvedRowsWritten: number;
  };
}

/**
 * The decisions a build applies: the given curation file, else ./curation.jsonl when present, else
 * (for --append) those the graph was built with; with the sha256 of the file read.
 */
export function buildDecisions(
  file: string | undefined,
  previous: Decision[] | undefined,
  previousHash?: string | null,
): { decisions: Decision[] | undefined; hash: string | undefined } {
  if (file !== undefined && !fs.existsSync(file))
    throw new CablegraphError('CURATION_NOT_FOUND', `no such curation file: ${file}`, { file });
  const chosen = file ?? (fs.existsSync(DEFAULT_CURATION_FILE) ? DEFAULT_CURATION_FILE : undefined);
  if (chosen !== undefined)
    return {
      decisions: readCuration(chosen),
      hash: createHash('sha256').update(fs.readFileSync(chosen)).digest('hex'),
    };
  return { decisions: previous, hash: previousHash ?? undefined };
}

/** Curation as the graph stage takes it: the decisions applied to automatic resolution's entities (none: no hook). */
export function curationHook(decisions: readonly Decision[] | undefined): CurateEntities | undefined {
  if (!decisions || effectiveDecisions([...decisions]).length === 0) return undefined;
  return (resolution, cables, mentions) => applyCuration(resolution, cables, mentions, [...decisions]);
}

/** Fails now, naming the folder, if the graph database cannot be written there (not after the long read). */
function checkOutputFolder(output: string): string {
  const folder = path.dirname(path.resolve(output));
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'read-only file system'
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? 'a part of the path is not a folder'
            : (error as Error).message;
    throw new CablegraphError('OUTPUT_NOT_WRITABLE', `cannot write ${output}: its folder ${folder}: ${reason}`, {
      file: output,
    });
  }
  return folder;
}

/**
 * Reads and processes the cables, resolves entities across all of them, applies the curation,
 * builds the graph and writes the graph database. With `append`, the cables already in the
 * database are kept, the graph is compiled again from all records and only the rows that differ
 * are written, in place (appendInPlace: the same rows as a full build, metrics aside); an append
 * with another extractor than the database's is refused unless `force`.
 * Returns undefined when no cable could be read (nothing written).
 */
export async function buildGraphDatabase(
  options: BuildOptions,
  report: BuildReporter,
): Promise<BuildResult | undefined> {
  const started = Date.now();
  const folder = checkOutputFolder(options.output);
  // A killed build leaves its record spool behind: remove those of dead processes now.
  removeStaleTemporaries(folder, (file: string) => report.note(`removed ${file}, left by an interrupted run`));
  let extractor = extractorSetting(options.extractor);

  // Records go to a temporary file as they come (memory holds their ids and versions only).
  const store = new RecordStore(path.join(folder, `.${path.basename(options.output)}.${process.pid}.records.tmp`));
  try {
    let existing = 0;
    let previousDecisions: Decision[] | undefined;
    let previousHash: string | null = null;
    let previousInputs: string[] = [];
    // The database's own cap: an append keeps it (a different one would cut only some edges).
    let storedMaxEvidence: number | undefined;
    // With --append to an existing database: its cables (one read again is rewritten only if its record changed).
    let stored: StoredCables | undefined;
    if (options.append && fs.existsSync(options.output)) {
      stored = new StoredCables();
      const db = openGraphDb(options.output);
      try {
        const meta = readMeta(db);
        // An append that names no extractor continues with the database's (the default may have changed since).
        if (meta.extractor !== extractor.name && !options.extractorNamed && isExtractorName(meta.extractor)) {
          report.note(`${options.output} was built with --ner ${meta.extractor}: appending with it too`);
          extractor = extractorSetting(meta.extractor);
        }
        // Mentions of two extractors in one graph cannot be told apart afterwards: refuse, unless asked.
        if (meta.extractor !== extractor.name && !options.force) {
          throw new CablegraphError(
            'EXTRACTOR_MISMATCH',
            `${options.output} was built with --ner ${meta.extractor}; appending with --ner ${extractor.name} would mix their entities. Append with --ner ${meta.extractor}, rebuild everything with --ner ${extractor.name}, or pass --force to mix them anyway`,
            { file: options.output },
          );
        }
        for (const record of cableRecords(db)) {
          stored.add(record.cable.id);
          store.add(record);
          existing += 1;
        }
        previousDecisions = meta.curation.length > 0 ? meta.curation : undefined;
        previousHash = meta.curationHash;
        previousInputs = meta.inputs;
        storedMaxEvidence = meta.buildOptions.maxEvidence;
        if (options.maxEvidence !== undefined && options.maxEvidence !== storedMaxEvidence) {
          throw new CablegraphError(
            'BAD_OPTION',
            `${options.output} was built with --max-evidence ${storedMaxEvidence}; appending with --max-evidence ${options.maxEvidence} would cap its edges two ways. Append without --max-evidence (or with ${storedMaxEvidence}), or rebuild everything with --max-evidence ${options.maxEvidence}`,
            { file: options.output },
          );
        }
      } finally {
        db.close();
      }
    } else if (options.append) report.note(`${options.output} does not exist yet; building it`);

    // Read before the (long) processing: a bad curation file fails now, naming its line.
    const { decisions, hash: curationHash } = buildDecisions(options.curationFile, previousDecisions, previousHash);
    const buildOptions = {
      ...DEFAULT_BUILD_OPTIONS,
      maxEvidence: storedMaxEvidence ?? options.maxEvidence ?? DEFAULT_BUILD_OPTIONS.maxEvidence,
      ...(decisions && decisions.length > 0 ? { curation: decisions } : {}),
    };
    const sources = options.inputs.length > 0 ? options.inputs : ['-'];
    const {
      cables: incoming,
      ids: incomingIds,
      copies,
    } = await readInputsInto(
      store,
      sources,
      { extractor: extractor.name, workers: options.workers, budget: options.budget },
      report,
    );
    if (incoming === 0 && existing === 0) return undefined;

    const readSeconds = (Date.now() - started) / 1000;
    traceMemory('cables read, parsed and extracted');
    const records = store.sorted();
    const provenance = {
      extractor: extractor.name,
      extractorOptions: extractor.options,
      ...(curationHash ? { curationHash } : {}),
      inputs: [...new Set([...previousInputs, ...sources])],
    };
    // An append writes into the database in place, only the rows that change; a build writes a new file.
    if (stored && options.inPlace) {
      const db = openGraphDb(options.output);
      try {
        stored.hashRereadFrom(db, incomingIds);
      } finally {
        db.close();
      }
    }
    const summary: BuildDbSummary & Partial<AppendSummary> =
      stored && options.inPlace
        ? appendInPlace(options.output, records, stored, incomingIds, buildOptions, provenance, curationHook(decisions))
        : await buildGraphDb(options.output, records, buildOptions, provenance, curationHook(decisions));
    const appended =
      summary.rewrittenCables !== undefined
        ? {
            cables: summary.rewrittenCables,
            newCables: records.length - existing,
            entities: summary.rewrittenEntities ?? 0,
            pairs: summary.rewrittenPairs ?? 0,
            evidenceDeleted: summary.evidenceDeleted ?? 0,
            evidenceWritten: summary.evidenceWritten ?? 0,
            resolvedRowsKept: summary.resolvedRowsKept ?? 0,
            resolvedRowsWritten: summary.resolvedRowsWritten ?? 0,
          }
        : undefined;
    return {
      ...summary,
      ...(appended ? { appended } : {}),
      records: records.length,
      incoming,
      copies,
      existing,
      readSeconds,
      totalSeconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    // A full disk in the spool or the graph file: one line naming the output (the temporaries are removed below).
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOSPC' || e.code === 'EDQUOT' || e.code === 'EIO' || e.code === 'EFBIG') {
      const reason =
        e.code === 'ENOSPC'
          ? 'no space left on device'
          : e.code === 'EDQUOT'
            ? 'disk quota exceeded'
            : e.code === 'EFBIG'
              ? 'file too large'
              : 'input/output error';
      throw new CablegraphError(
        'OUTPUT_WRITE_FAILED',
        `cannot write ${options.output}: ${reason}${e.path ? ` (writing ${e.path})` : ''}; nothing written, the previous file (if any) is unchanged`,
        { file: options.output, cause: error },
      );
    }
    throw error;
  } finally {
    store.remove();
  }
}
