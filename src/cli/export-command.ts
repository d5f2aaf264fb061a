import { CablegraphError } from '../common/diagnostics';
import { dbSource, gexfChunks, graphmlChunks, graphologyJsonChunks, parseDate, parseTypes, writeChunksToFile, writeChunksToStream, writeNeo4jCsvStream, type ExportCounts, type ExportFilter } from '../export';
import { GraphDbReader } from '../db';

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

/**
 * `cablegraph export <graph database> --format … [-o …]` with filters; text formats go to stdout
 * without -o. Streamed: the nodes are held, the edges read from the database in batches on each
 * pass, so memory follows the nodes, not the edges. A foreign or damaged file fails on open,
 * before anything is written; files are written under temporary names and renamed when complete.
 */
export async function runExport(graphFile: string, options: ExportCommandOptions): Promise<number> {
  const filter = exportFilter(options);
  if (options.format === 'neo4j-csv' && !options.output) throw new CablegraphError('BAD_OPTION', '--format neo4j-csv writes a directory of files: give it with -o <directory>');
  const reader = GraphDbReader.open(graphFile);
  try {
    return await exportFrom(reader, filter, options);
  } finally {
    reader.close();
  }
}

async function exportFrom(reader: GraphDbReader, filter: ExportFilter, options: ExportCommandOptions): Promise<number> {
  const source = dbSource(reader, filter);
  const counts: ExportCounts = { nodes: 0, edges: 0 };
  if (options.format === 'neo4j-csv') {
    const files = await writeNeo4jCsvStream(source, options.output!, counts);
    if (!options.quiet) process.stderr.write(`cablegraph export: ${counts.nodes} nodes, ${counts.edges} relationships → ${files.nodes.length + files.relationships.length} files in ${options.output}\n  import with: ${files.command}\n`);
    return 0;
  }
  const chunks = options.format === 'gexf' ? gexfChunks(source, counts) : options.format === 'graphml' ? graphmlChunks(source, counts) : graphologyJsonChunks(source, counts);
  if (!options.output || options.output === '-') {
    await writeChunksToStream(process.stdout, chunks);
    return 0;
  }
  await writeChunksToFile(options.output, chunks);
  if (!options.quiet) process.stderr.write(`cablegraph export: ${counts.nodes} nodes, ${counts.edges} edges → ${options.output} (${options.format})\n`);
  return 0;
}
