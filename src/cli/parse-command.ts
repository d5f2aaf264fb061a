// `cablegraph parse`: one JSON object per cable, through the build's per-cable stages (and resolution across the run's cables).
import { processInputs } from '../build/process-inputs';
import { resolveCables } from '../build/resolve-cables';
import { formatDiagnostic, DiagnosticLimiter, type Diagnostic } from '../common/diagnostics';
import { DEFAULT_EXTRACTOR, type ExtractorName } from '../extract/types';
import type { Mention } from '../model';
import type { Cable } from '../parse';
import { cableToJson } from './cable-json';
import { readBudgetFrom, type ReadBudgetFlags } from './flags';
import { writeLine } from './output';

export interface ParseCommandOptions extends ReadBudgetFlags {
  id?: string;
  quiet?: boolean;
  /** Entity extractor, or `none` to print metadata only (and stream without buffering). */
  ner?: ExtractorName | 'none';
}

/**
 * `cablegraph parse`: one JSON object per cable on stdout, one line per problem on stderr.
 * With an extractor, entities are resolved across all the cables of the run (a canonical name
 * needs every cable), so output starts once all are read; with `--ner none` it streams.
 * Returns the exit code: 0 when at least one cable was read, 1 when none could be.
 */
export async function runParse(inputs: string[], options: ParseCommandOptions): Promise<number> {
  // A few lines per file and rule, then a count (the readers limit theirs; this covers the cables' own).
  const shown = new DiagnosticLimiter((d: Diagnostic): void => {
    if (!options.quiet && d.severity !== 'info') process.stderr.write(`${formatDiagnostic(d)}\n`);
  });
  const warn = (d: Diagnostic): void => shown.add(d);
  const sources = inputs.length > 0 ? inputs : ['-'];
  const extractor = options.ner ?? DEFAULT_EXTRACTOR;
  const cables: Cable[] = [];
  const mentions: Mention[][] = [];
  // Streaming output (`--ner none`) takes cables as files finish; with entities, everything is
  // resolved at the end, so files are read in input order (the resolution sees the same order).
  const processed = processInputs(sources, {
    extractor,
    workers: 0,
    budget: readBudgetFrom(options),
    unordered: extractor === 'none',
    ...(options.id !== undefined ? { id: options.id } : {}),
    onDiagnostic: warn,
  });
  let cableCount = 0;
  for await (const { cable, mentions: found } of processed) {
    cable.diagnostics.forEach(warn);
    cableCount += 1;
    if (extractor === 'none') {
      await writeLine(JSON.stringify(cableToJson(cable)));
      continue;
    }
    cables.push(cable);
    mentions.push(found);
  }

  shown.flush();
  if (extractor !== 'none') {
    for await (const { cable, ...resolved } of resolveCables(cables, mentions))
      await writeLine(JSON.stringify(cableToJson(cable, resolved)));
  }
  if (cableCount === 0) {
    process.stderr.write(`cablegraph parse: no cable could be read from ${sources.join(', ')}\n`);
    return 1;
  }
  return 0;
}
