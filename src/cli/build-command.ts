import * as fs from 'fs';
import * as os from 'os';
import { formatDiagnostic, CablegraphError, type Diagnostic } from '../common/diagnostics';
import type { ExtractorName } from '../extract';
import { buildGraph, DEFAULT_BUILD_OPTIONS, mergeRecords, readGraphFile, toCableRecord, writeGraphFile, type CableRecord } from '../graph';
import { DEFAULT_CURATION_FILE, readCuration, type Decision } from '../curate';
import { readCables } from '../ingest';
import { processCables } from '../pipeline';
import { estimateCables, progress } from './progress';

export interface BuildCommandOptions {
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
 * (for --append) those the graph was built with.
 */
export function buildDecisions(file: string | undefined, previous: Decision[] | undefined): Decision[] | undefined {
  if (file !== undefined && !fs.existsSync(file)) throw new CablegraphError('CURATION_NOT_FOUND', `no such curation file: ${file}`, { file });
  const chosen = file ?? (fs.existsSync(DEFAULT_CURATION_FILE) ? DEFAULT_CURATION_FILE : undefined);
  if (chosen !== undefined) return readCuration(chosen);
  return previous;
}

/** Default worker threads: one per core, at most 4 (the main thread reads and parses input meanwhile). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/**
 * `cablegraph build <inputs…> -o graph.cgz [--append]`: reads and processes the cables, resolves
 * entities across all of them, builds the graph and writes the graph file. With `--append`, the
 * cables already in the file are kept and the graph is rebuilt from all records, so the result
 * is exactly that of a full build.
 */
export async function runBuild(inputs: string[], options: BuildCommandOptions): Promise<number> {
  const started = Date.now();
  const warn = (d: Diagnostic): void => {
    if (!options.quiet && d.severity !== 'info') process.stderr.write(`${formatDiagnostic(d)}\n`);
  };
  const workers = options.workers === undefined ? defaultWorkers() : Number(options.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new CablegraphError('BAD_OPTION', `--workers wants a whole number, got "${options.workers}"`);

  let existing: CableRecord[] = [];
  let previousDecisions: Decision[] | undefined;
  if (options.append && fs.existsSync(options.output)) {
    const file = await readGraphFile(options.output);
    existing = file.records;
    previousDecisions = file.header.buildOptions.curation;
  }
  else if (options.append && !options.quiet) process.stderr.write(`cablegraph build: ${options.output} does not exist yet; building it\n`);

  // Read before the (long) processing: a bad curation file fails now, naming its line.
  const decisions = buildDecisions(options.curation, previousDecisions);
  const buildOptions = { ...DEFAULT_BUILD_OPTIONS, ...(decisions && decisions.length > 0 ? { curation: decisions } : {}) };
  const bar = progress('build', await estimateCables(inputs), { quiet: options.quiet ?? false });
  const incoming: CableRecord[] = [];
  const sources = inputs.length > 0 ? inputs : ['-'];
  for await (const processed of processCables(readCables(sources, { onDiagnostic: warn }), { ner: options.ner ?? 'builtin', workers })) {
    processed.cable.diagnostics.filter((d) => d.severity === 'error').forEach(warn);
    incoming.push(toCableRecord(processed));
    bar.tick();
  }
  bar.done();
  if (incoming.length === 0 && existing.length === 0) {
    process.stderr.write(`cablegraph build: no cable could be read from ${sources.join(', ')}; nothing written\n`);
    return 1;
  }

  const readSeconds = (Date.now() - started) / 1000;
  const records = [...mergeRecords(existing, incoming).values()].sort((a, b) => (a.cable.id < b.cable.id ? -1 : a.cable.id > b.cable.id ? 1 : 0));
  const graphStarted = Date.now();
  const { graph } = buildGraph(records, buildOptions);
  const writeStarted = Date.now();
  await writeGraphFile(options.output, records, graph, buildOptions);
  const stages = `read+parse+extract ${readSeconds.toFixed(1)} s, resolve+graph+metrics ${((writeStarted - graphStarted) / 1000).toFixed(1)} s, write ${((Date.now() - writeStarted) / 1000).toFixed(1)} s`;

  const byKind = new Map<string, number>();
  graph.forEachNode((_n, a) => byKind.set(a.kind as string, (byKind.get(a.kind as string) ?? 0) + 1));
  const byType = new Map<string, number>();
  graph.forEachEdge((_e, a) => byType.set(a.type as string, (byType.get(a.type as string) ?? 0) + 1));
  const list = (m: Map<string, number>): string => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
  if (!options.quiet) {
    process.stderr.write(
      `cablegraph build: ${records.length} cables (${incoming.length} read${existing.length ? `, ${existing.length} already in the graph` : ''}) → ${options.output}: ${graph.order} nodes (${list(byKind)}), ${graph.size} edges (${list(byType)}) in ${((Date.now() - started) / 1000).toFixed(1)} s (${stages})\n`,
    );
  }
  return 0;
}
