import { formatDiagnostic, type Diagnostic } from '../common/diagnostics';
import { readCables } from '../ingest';
import { parseCable } from '../parse';
import { cableToJson } from './cable-json';
import { writeLine } from './output';

export interface ParseCommandOptions {
  id?: string;
  quiet?: boolean;
}

/**
 * `cablegraph parse`: one JSON object per cable on stdout, one line per problem on stderr.
 * Returns the exit code: 0 when at least one cable was read, 1 when none could be.
 */
export async function runParse(inputs: string[], options: ParseCommandOptions): Promise<number> {
  const warn = (d: Diagnostic): void => {
    if (!options.quiet && d.severity !== 'info') process.stderr.write(`${formatDiagnostic(d)}\n`);
  };
  let cableCount = 0;
  const sources = inputs.length > 0 ? inputs : ['-'];
  for await (const raw of readCables(sources, { onDiagnostic: warn })) {
    const cable = parseCable(raw, options.id === undefined ? {} : { id: options.id });
    cable.diagnostics.forEach(warn);
    await writeLine(JSON.stringify(cableToJson(cable)));
    cableCount += 1;
  }
  if (cableCount === 0) {
    process.stderr.write(`cablegraph parse: no cable could be read from ${sources.join(', ')}\n`);
    return 1;
  }
  return 0;
}
