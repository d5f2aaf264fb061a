import * as fs from 'fs';
import * as path from 'path';
import { CablegraphError } from '../common/diagnostics';
import { filterGraph, parseDate, parseTypes, writeGexf, writeGraphml, writeGraphologyJson, writeNeo4jCsv, type ExportFilter } from '../export';
import { readGraphFile } from '../graph';

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'neo4j-csv';

export interface ExportCommandOptions {
  format: ExportFormat;
  output?: string;
  types?: string;
  minWeight?: string;
  since?: string;
  until?: string;
  top?: string;
  quiet?: boolean;
}

const positiveInteger = (value: string, flag: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CablegraphError('BAD_OPTION', `${flag} wants a whole number, got "${value}"`);
  return n;
};

export function exportFilter(options: Omit<ExportCommandOptions, 'format'>): ExportFilter {
  const filter: ExportFilter = {};
  if (options.types) filter.types = parseTypes(options.types);
  if (options.minWeight !== undefined) filter.minWeight = positiveInteger(options.minWeight, '--min-weight');
  if (options.since) filter.since = parseDate(options.since, '--since');
  if (options.until) filter.until = parseDate(options.until, '--until');
  if (options.top !== undefined) filter.top = positiveInteger(options.top, '--top');
  return filter;
}

/** `cablegraph export <graph file> --format … [-o …]` with filters; text formats go to stdout without -o. */
export async function runExport(graphFile: string, options: ExportCommandOptions): Promise<number> {
  const filter = exportFilter(options);
  const { graph: full } = await readGraphFile(graphFile, { records: false });
  const graph = filterGraph(full, filter);
  if (options.format === 'neo4j-csv') {
    if (!options.output) throw new CablegraphError('BAD_OPTION', '--format neo4j-csv writes a directory of files: give it with -o <directory>');
    const files = writeNeo4jCsv(graph, options.output);
    if (!options.quiet) process.stderr.write(`cablegraph export: ${graph.order} nodes, ${graph.size} relationships → ${files.nodes.length + files.relationships.length} files in ${options.output}\n  import with: ${files.command}\n`);
    return 0;
  }
  const text = options.format === 'gexf' ? writeGexf(graph) : options.format === 'graphml' ? writeGraphml(graph) : writeGraphologyJson(graph);
  if (!options.output || options.output === '-') {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
  }
  fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
  fs.writeFileSync(options.output, text);
  if (!options.quiet) process.stderr.write(`cablegraph export: ${graph.order} nodes, ${graph.size} edges → ${options.output} (${options.format})\n`);
  return 0;
}
