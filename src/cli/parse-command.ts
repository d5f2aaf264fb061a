import { formatDiagnostic, DiagnosticLimiter, type Diagnostic } from '../common/diagnostics';
import type { Extractor, ExtractorName } from '../extract';
import { readCables } from '../ingest';
import { parseCable, type Cable } from '../parse';
import { cableToJson } from './cable-json';
import { readBudgetFrom, type ReadBudgetFlags } from './flags';
import { writeLine } from './output';
import type { Mention } from '../model';

export interface ParseCommandOptions extends ReadBudgetFlags {
  id?: string;
  quiet?: boolean;
  /** Entity extractor, or `none` to print metadata only (and stream without buffering). */
  ner?: ExtractorName | 'none';
}

/** Cables handed to the extractor at a time (a server-backed extractor batches its requests). */
const EXTRACT_BATCH = 64;
/** Files read side by side when output streams (`--ner none`): a stalled file holds back only itself. */
const FILES_IN_FLIGHT = 8;

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
  const budget = readBudgetFrom(options);
  const sources = inputs.length > 0 ? inputs : ['-'];
  const ner = options.ner ?? 'builtin';
  // The extractor (and its gazetteers) is loaded when the first batch is ready, not at start.
  let extractor: Extractor | undefined;
  const cables: Cable[] = [];
  const mentions: Mention[][] = [];
  let batch: Cable[] = [];
  const flush = async (): Promise<void> => {
    if (ner !== 'none' && batch.length > 0) {
      extractor ??= (await import('../extract')).createExtractor(ner);
      mentions.push(...(await extractor.extract(batch)));
    }
    batch = [];
  };

  let cableCount = 0;
  // Streaming output (`--ner none`) takes cables as files finish; with entities, everything is
  // resolved at the end, so files are read in input order (the resolution sees the same order).
  const readOptions = { onDiagnostic: warn, budget, concurrency: ner === 'none' ? FILES_IN_FLIGHT : 1 };
  try {
    for await (const raw of readCables(sources, readOptions)) {
      const cable = parseCable(raw, options.id === undefined ? {} : { id: options.id });
      cable.diagnostics.forEach(warn);
      cableCount += 1;
      if (ner === 'none') {
        await writeLine(JSON.stringify(cableToJson(cable)));
        continue;
      }
      cables.push(cable);
      batch.push(cable);
      if (batch.length >= EXTRACT_BATCH) await flush();
    }
    await flush();
  } finally {
    await extractor?.close?.();
  }

  shown.flush();
  if (ner !== 'none') {
    const { resolveEntities } = await import('../resolve');
    const { extractRelations } = await import('../extract/relations');
    const { perCable } = resolveEntities(cables, mentions);
    for (let i = 0; i < cables.length; i += 1) {
      const entities = (perCable[i] ?? []).map(({ type, name, id, mentions: surfaces }) => ({ type, name, id, mentions: surfaces }));
      const { roles, affiliations, meetings } = extractRelations(cables[i]!, mentions[i] ?? [], entities);
      await writeLine(JSON.stringify(cableToJson(cables[i]!, { entities, roles, affiliations, meetings })));
    }
  }
  if (cableCount === 0) {
    process.stderr.write(`cablegraph parse: no cable could be read from ${sources.join(', ')}\n`);
    return 1;
  }
  return 0;
}
