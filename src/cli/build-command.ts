// `cablegraph build`: turns the flags into build options and shows the build's progress and summary (the work is src/build's).
import { buildGraphDatabase } from '../build/build-database';
import { resolveBuildOptions, type BuildOptions } from '../build/options';
import { formatDiagnostic, DiagnosticLimiter, type Diagnostic } from '../common/diagnostics';
import type { ExtractorName } from '../extract/types';
import { parseWorkers, readBudgetFrom, type ReadBudgetFlags } from './flags';
import { estimateCables, progress } from './progress';

export interface BuildCommandOptions extends ReadBudgetFlags {
  output: string;
  append?: boolean;
  force?: boolean;
  ner?: ExtractorName;
  workers?: string;
  /** Curation file (default: curation.jsonl in the working directory, when there is one). */
  curation?: string;
  quiet?: boolean;
}

/**
 * `cablegraph build <inputs…> [-o out/graph.db] [--append]`: builds the graph database and prints
 * one summary line. Returns the exit code: 0, or 1 when no cable could be read.
 */
export async function runBuild(inputs: string[], flags: BuildCommandOptions): Promise<number> {
  return buildWithProgress(buildOptionsFromFlags(inputs, flags));
}

/** The build flags (of `build`, and of `load` given cables) → resolved, checked build options. */
export function buildOptionsFromFlags(inputs: string[], flags: BuildCommandOptions): BuildOptions {
  return resolveBuildOptions({
    inputs,
    output: flags.output,
    append: flags.append ?? false,
    force: flags.force ?? false,
    ...(flags.ner !== undefined ? { extractor: flags.ner } : {}),
    ...(flags.workers !== undefined ? { workers: parseWorkers(flags.workers) } : {}),
    ...(flags.curation !== undefined ? { curationFile: flags.curation } : {}),
    budget: readBudgetFrom(flags),
    quiet: flags.quiet ?? false,
  });
}

/** Runs the build with a progress bar, the cables' problems and a summary line on stderr; the exit code. */
export async function buildWithProgress(options: BuildOptions): Promise<number> {
  const { quiet } = options;
  // A few lines per file and rule, then a count (the readers limit theirs; this covers the cables' own).
  const shown = new DiagnosticLimiter((d: Diagnostic): void => {
    if (!quiet && d.severity !== 'info') process.stderr.write(`${formatDiagnostic(d)}\n`);
  });
  const bar = progress('build', await estimateCables(options.inputs), { quiet });
  const result = await buildGraphDatabase(options, {
    diagnostic: (d) => shown.add(d),
    tick: () => bar.tick(),
    readDone: () => {
      bar.done();
      shown.flush();
    },
    note: (message) => {
      if (!quiet) process.stderr.write(`cablegraph build: ${message}\n`);
    },
  });
  const sources = options.inputs.length > 0 ? options.inputs : ['-'];
  if (!result) {
    process.stderr.write(`cablegraph build: no cable could be read from ${sources.join(', ')}; nothing written\n`);
    return 1;
  }
  if (!quiet) {
    const { copies, existing } = result;
    const stages = `read+parse+extract ${result.readSeconds.toFixed(1)} s, resolve+graph ${result.graphSeconds.toFixed(1)} s, metrics+write ${result.writeSeconds.toFixed(1)} s`;
    const list = (m: Map<string, number>): string =>
      [...m]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
    process.stderr.write(
      `cablegraph build: ${result.records} cables (${result.incoming} read${copies ? `, ${copies} repeated ${copies === 1 ? 'copy' : 'copies'} skipped` : ''}${existing ? `, ${existing} already in the graph` : ''}) → ${options.output}: ${result.nodes} nodes (${list(result.byKind)}), ${result.edges} edges (${list(result.byType)}) in ${result.totalSeconds.toFixed(1)} s (${stages})\n`,
    );
  }
  return 0;
}
