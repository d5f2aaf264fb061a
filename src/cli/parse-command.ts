import { formatDiagnostic, type Diagnostic } from '../common/diagnostics';
import { createExtractor, type ExtractorName, type Mention } from '../extract';
import { extractRelations } from '../extract/relations';
import { readCables } from '../ingest';
import { parseCable, type Cable } from '../parse';
import { resolveEntities } from '../resolve';
import { cableToJson } from './cable-json';
import { writeLine } from './output';

export interface ParseCommandOptions {
  id?: string;
  quiet?: boolean;
  /** Entity extractor, or `none` to print metadata only (and stream without buffering). */
  ner?: ExtractorName | 'none';
}

/** Cables handed to the extractor at a time (a server-backed extractor batches its requests). */
const EXTRACT_BATCH = 64;

/**
 * `cablegraph parse`: one JSON object per cable on stdout, one line per problem on stderr.
 * With an extractor, entities are resolved across all the cables of the run (a canonical name
 * needs every cable), so output starts once all are read; with `--ner none` it streams.
 * Returns the exit code: 0 when at least one cable was read, 1 when none could be.
 */
export async function runParse(inputs: string[], options: ParseCommandOptions): Promise<number> {
  const warn = (d: Diagnostic): void => {
    if (!options.quiet && d.severity !== 'info') process.stderr.write(`${formatDiagnostic(d)}\n`);
  };
  const sources = inputs.length > 0 ? inputs : ['-'];
  const ner = options.ner ?? 'builtin';
  const extractor = ner === 'none' ? undefined : createExtractor(ner);
  const cables: Cable[] = [];
  const mentions: Mention[][] = [];
  let batch: Cable[] = [];
  const flush = async (): Promise<void> => {
    if (extractor && batch.length > 0) mentions.push(...(await extractor.extract(batch)));
    batch = [];
  };

  let cableCount = 0;
  try {
    for await (const raw of readCables(sources, { onDiagnostic: warn })) {
      const cable = parseCable(raw, options.id === undefined ? {} : { id: options.id });
      cable.diagnostics.forEach(warn);
      cableCount += 1;
      if (!extractor) {
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

  if (extractor) {
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
