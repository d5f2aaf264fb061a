// `cablegraph build`: turns the flags into build options and shows the build's progress and summary (the work is src/build's).
import { buildGraphDatabase } from '../build/build-database';
import { resolveBuildOptions, type BuildOptions } from '../build/options';
import { CablegraphError, formatDiagnostic, DiagnosticLimiter, type Diagnostic } from '../common/diagnostics';
import type { ExtractorName } from '../extract/types';
import { parseMaxEvidence, parseWorkers, readBudgetFrom, type ReadBudgetFlags } from './flags';
import { estimateCables, progress } from './progress';

export interface BuildCommandOptions extends ReadBudgetFlags {
  output: string;
  append?: boolean;
  force?: boolean;
  /** With `append`: write only the rows that change, in place. */
  inPlace?: boolean;
  /** With `append`: print the append's footprint, write nothing. */
  dryRun?: boolean;
  ner?: ExtractorName;
  workers?: string;
  /** Statements (roles, affiliations) and co-mention cables an edge lists at most. */
  maxEvidence?: string;
  /** Curation file (default: curation.jsonl in the working directory, when there is one). */
  curation?: string;
  quiet?: boolean;
}

/**
 * `cablegraph build <inputs…> [-o out/graph.db] [--append]`: builds the graph database and prints
 * one summary line. Returns the exit code: 0, or 1 when no cable could be read.
 */
export async function runBuild(inputs: string[], flags: BuildCommandOptions): Promise<number> {
  const options = buildOptionsFromFlags(inputs, flags);
  if (flags.dryRun) {
    if (!options.append) throw new CablegraphError('BAD_OPTION', '--dry-run goes with --append');
    return planWithProgress(options);
  }
  return buildWithProgress(options);
}

/** `build --append --dry-run`: the footprint of the append as JSON on stdout (a summary line on stderr); the exit code. */
async function planWithProgress(options: BuildOptions): Promise<number> {
  const { planAppend } = await import('../build/plan-append');
  const bar = progress('build', await estimateCables(options.inputs), { quiet: options.quiet });
  const shown = new DiagnosticLimiter((d: Diagnostic): void => {
    if (!options.quiet && d.severity !== 'info') process.stderr.write(`${formatDiagnostic(d)}\n`);
  });
  const plan = await planAppend(options, {
    diagnostic: (d) => shown.add(d),
    tick: () => bar.tick(),
    readDone: () => {
      bar.done();
      shown.flush();
    },
    note: () => undefined,
  });
  if (!plan) {
    process.stderr.write(`cablegraph build: no cable could be read; nothing to append\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  if (!options.quiet) {
    const moved = plan.changed.reduce((n, c) => n + c.moved.length, 0);
    process.stderr.write(
      `cablegraph build --dry-run: appending ${plan.incoming} cables (${plan.added.length} new, ${plan.replaced.length} changed releases) to ${plan.existing} → ${plan.changed.length} old cables whose entities change (${moved} surface forms), ${plan.touched.length} entities touched (${plan.created.length} new, ${plan.removed.length} gone, ${plan.renamed.length} renamed); nothing written (read ${plan.readSeconds.toFixed(1)} s, resolve ${plan.resolveSeconds.toFixed(1)} s, compare ${plan.compareSeconds.toFixed(1)} s)\n`,
    );
  }
  return 0;
}

/** The build flags (of `build`, and of `load` given cables) → resolved, checked build options. */
export function buildOptionsFromFlags(inputs: string[], flags: BuildCommandOptions): BuildOptions {
  return resolveBuildOptions({
    inputs,
    output: flags.output,
    append: flags.append ?? false,
    force: flags.force ?? false,
    inPlace: flags.inPlace ?? false,
    ...(flags.ner !== undefined ? { extractor: flags.ner } : {}),
    ...(flags.workers !== undefined ? { workers: parseWorkers(flags.workers) } : {}),
    ...(flags.maxEvidence !== undefined ? { maxEvidence: parseMaxEvidence(flags.maxEvidence) } : {}),
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
    if (result.appended) {
      const a = result.appended;
      process.stderr.write(
        `cablegraph build: appended in place: ${a.cables} cables rewritten (${a.newCables} new), ${a.entities} entities, ${a.pairs} co-mention pairs (${a.evidenceDeleted} evidence rows deleted, ${a.evidenceWritten} written); old cables' resolved rows: ${a.resolvedRowsKept} kept, ${a.resolvedRowsWritten} written; metrics (PageRank, communities, layout) are those of the last full build (a full build recomputes them)\n`,
      );
    }
    process.stderr.write(
      `cablegraph build: ${result.records} cables (${result.incoming} read${copies ? `, ${copies} repeated ${copies === 1 ? 'copy' : 'copies'} skipped` : ''}${existing ? `, ${existing} already in the graph` : ''}) → ${options.output}: ${result.nodes} nodes (${list(result.byKind)}), ${result.edges} edges (${list(result.byType)}) in ${result.totalSeconds.toFixed(1)} s (${stages})\n`,
    );
  }
  return 0;
}
