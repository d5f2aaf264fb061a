import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import { formatDiagnostic, CablegraphError, DiagnosticLimiter, type Diagnostic } from '../common/diagnostics';
import type { ExtractorName } from '../extract';
import * as path from 'path';
import { DEFAULT_BUILD_OPTIONS, RecordStore, toCableRecord } from '../graph';
import { buildGraphDb, cableRecords, openGraphDb, readMeta } from '../db';
import { DEFAULT_CURATION_FILE, readCuration } from '../curate';
import { readCables } from '../ingest';
import { processCables, skipRepeatedCopies } from '../pipeline';
import { estimateCables, progress } from './progress';
import { traceMemory } from '../common/trace-memory';
import { parseWorkers, readBudgetFrom, type ReadBudgetFlags } from './flags';
import { removeStaleTemporaries } from '../common/temporaries';
import type { Decision } from '../model';

export interface BuildCommandOptions extends ReadBudgetFlags {
  output: string;
  append?: boolean;
  ner?: ExtractorName;
  workers?: string;
  /** Curation file (default: curation.jsonl in the working directory, when there is one). */
  curation?: string;
  quiet?: boolean;
}

/**
 * The decisions a build applies: the given curation file, else ./curation.jsonl when present, else
 * (for --append) those the graph was built with; with the sha256 of the file read.
 */
export function buildDecisions(file: string | undefined, previous: Decision[] | undefined, previousHash?: string | null): { decisions: Decision[] | undefined; hash: string | undefined } {
  if (file !== undefined && !fs.existsSync(file)) throw new CablegraphError('CURATION_NOT_FOUND', `no such curation file: ${file}`, { file });
  const chosen = file ?? (fs.existsSync(DEFAULT_CURATION_FILE) ? DEFAULT_CURATION_FILE : undefined);
  if (chosen !== undefined) return { decisions: readCuration(chosen), hash: createHash('sha256').update(fs.readFileSync(chosen)).digest('hex') };
  return { decisions: previous, hash: previousHash ?? undefined };
}

/** Files read side by side: a slow or stalled file holds back only itself. */
const FILES_IN_FLIGHT = 8;

/** Default worker threads: one per core, at most 4 (the main thread reads and parses input meanwhile). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Where `cablegraph build` writes when no -o is given. */
export const DEFAULT_GRAPH_DB = path.join('out', 'graph.db');

/**
 * `cablegraph build <inputs…> [-o out/graph.db] [--append]`: reads and processes the cables,
 * resolves entities across all of them, builds the graph and writes the graph database. With
 * `--append`, the cables already in the database are kept and the graph is rebuilt from all
 * records, so the result is exactly that of a full build.
 */
export async function runBuild(inputs: string[], options: BuildCommandOptions): Promise<number> {
  const started = Date.now();
  // A few lines per file and rule, then a count (the readers limit theirs; this covers the cables' own).
  const shown = new DiagnosticLimiter((d: Diagnostic): void => {
    if (!options.quiet && d.severity !== 'info') process.stderr.write(`${formatDiagnostic(d)}\n`);
  });
  const warn = (d: Diagnostic): void => shown.add(d);
  const workers = parseWorkers(options.workers, defaultWorkers());
  const budget = readBudgetFrom(options);
  // Fail now, naming the folder, if the graph file cannot be written there (not after the long read).
  const outputFolder = path.dirname(path.resolve(options.output));
  try {
    fs.mkdirSync(outputFolder, { recursive: true });
    fs.accessSync(outputFolder, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is not a folder' : (error as Error).message;
    throw new CablegraphError('OUTPUT_NOT_WRITABLE', `cannot write ${options.output}: its folder ${outputFolder}: ${reason}`, { file: options.output });
  }
  // A killed build leaves its record spool behind: remove those of dead processes now.
  removeStaleTemporaries(outputFolder, (file: string) => {
    if (!options.quiet) process.stderr.write(`cablegraph build: removed ${file}, left by an interrupted run\n`);
  });

  // Records go to a temporary file as they come (memory holds their ids and versions only).
  const store = new RecordStore(path.join(path.dirname(path.resolve(options.output)), `.${path.basename(options.output)}.${process.pid}.records.tmp`));
  try {
    let existing = 0;
    let previousDecisions: Decision[] | undefined;
    let previousHash: string | null = null;
    let previousInputs: string[] = [];
    if (options.append && fs.existsSync(options.output)) {
      const db = openGraphDb(options.output);
      try {
        const meta = readMeta(db);
        for (const record of cableRecords(db)) {
          store.add(record);
          existing += 1;
        }
        previousDecisions = meta.curation.length > 0 ? meta.curation : undefined;
        previousHash = meta.curationHash;
        previousInputs = meta.inputs;
      } finally {
        db.close();
      }
    }
    else if (options.append && !options.quiet) process.stderr.write(`cablegraph build: ${options.output} does not exist yet; building it\n`);

    // Read before the (long) processing: a bad curation file fails now, naming its line.
    const { decisions, hash: curationHash } = buildDecisions(options.curation, previousDecisions, previousHash);
    const buildOptions = { ...DEFAULT_BUILD_OPTIONS, ...(decisions && decisions.length > 0 ? { curation: decisions } : {}) };
    const bar = progress('build', await estimateCables(inputs), { quiet: options.quiet ?? false });
    let incoming = 0;
    // A cable read twice in one run (its page and its cables.csv row) is parsed once.
    let copies = 0;
    const skipCopy = (): void => {
      copies += 1;
      bar.tick();
    };
    const sources = inputs.length > 0 ? inputs : ['-'];
    // Cables are taken as they come (files read side by side, batches as workers finish them): the
    // store keys them by id, so the graph does not depend on the order of arrival.
    const raws = skipRepeatedCopies(readCables(sources, { onDiagnostic: warn, budget, concurrency: FILES_IN_FLIGHT }), skipCopy);
    for await (const processed of processCables(raws, { ner: options.ner ?? 'builtin', workers })) {
      processed.cable.diagnostics.filter((d) => d.severity === 'error').forEach(warn);
      store.add(toCableRecord(processed));
      incoming += 1;
      bar.tick();
    }
    bar.done();
    shown.flush();
    if (incoming === 0 && existing === 0) {
      process.stderr.write(`cablegraph build: no cable could be read from ${sources.join(', ')}; nothing written\n`);
      return 1;
    }

    const readSeconds = (Date.now() - started) / 1000;
    traceMemory('cables read, parsed and extracted');
    const records = store.sorted();
    const provenance = { extractor: options.ner ?? 'builtin', ...(curationHash ? { curationHash } : {}), inputs: [...new Set([...previousInputs, ...sources])] };
    const summary = await buildGraphDb(options.output, records, buildOptions, provenance);
    const stages = `read+parse+extract ${readSeconds.toFixed(1)} s, resolve+graph+metrics ${summary.graphSeconds.toFixed(1)} s, write ${summary.writeSeconds.toFixed(1)} s`;
    const list = (m: Map<string, number>): string => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
    if (!options.quiet) {
      process.stderr.write(
        `cablegraph build: ${records.length} cables (${incoming} read${copies ? `, ${copies} repeated ${copies === 1 ? 'copy' : 'copies'} skipped` : ''}${existing ? `, ${existing} already in the graph` : ''}) → ${options.output}: ${summary.nodes} nodes (${list(summary.byKind)}), ${summary.edges} edges (${list(summary.byType)}) in ${((Date.now() - started) / 1000).toFixed(1)} s (${stages})\n`,
      );
    }
  } catch (error) {
    // A full disk in the spool or the graph file: one line naming the output (the temporaries are removed below).
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOSPC' || e.code === 'EDQUOT' || e.code === 'EIO' || e.code === 'EFBIG') {
      const reason = e.code === 'ENOSPC' ? 'no space left on device' : e.code === 'EDQUOT' ? 'disk quota exceeded' : e.code === 'EFBIG' ? 'file too large' : 'input/output error';
      throw new CablegraphError('OUTPUT_WRITE_FAILED', `cannot write ${options.output}: ${reason}${e.path ? ` (writing ${e.path})` : ''}; nothing written, the previous file (if any) is unchanged`, { file: options.output, cause: error });
    }
    throw error;
  } finally {
    store.remove();
  }
  return 0;
}
