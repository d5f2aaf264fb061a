// `cablegraph export`: a graph database as GEXF, GraphML, JSON or neo4j-admin CSVs, filtered.
import { CablegraphError } from '../common/diagnostics';
import {
  dbSource,
  gexfChunks,
  graphmlChunks,
  graphologyJsonChunks,
  parseDate,
  parseTypes,
  withoutDisconnected,
  writeChunksToFile,
  writeChunksToStream,
  writeNeo4jCsvStream,
  type ExportCounts,
  type ExportFilter,
} from '../export';
import { GraphDbReader } from '../db/read';
import { removeStaleTemporaries } from '../common/temporaries';
import * as path from 'path';

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'neo4j-csv';

export interface ExportCommandOptions {
  format: ExportFormat;
  output?: string;
  types?: string;
  minWeight?: string;
  since?: string;
  until?: string;
  top?: string;
  keepIsolates?: boolean;
  quiet?: boolean;
}

const positiveInteger = (value: string, flag: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new CablegraphError('BAD_OPTION', `${flag} wants a whole number, got "${value}"`);
  return n;
};

export function exportFilter(options: Omit<ExportCommandOptions, 'format'>): ExportFilter {
  const filter: ExportFilter = {};
  if (options.types) filter.types = parseTypes(options.types);
  if (options.minWeight !== undefined) filter.minWeight = positiveInteger(options.minWeight, '--min-weight');
  if (options.since) filter.since = parseDate(options.since, '--since');
  if (options.until) filter.until = parseDate(options.until, '--until');
  if (options.top !== undefined) filter.top = positiveInteger(options.top, '--top');
  if (options.keepIsolates) filter.keepIsolates = true;
  return filter;
}

/** A full disk (or another write error) while exporting, as one line naming the output. */
function writeFailure(error: unknown, output: string): unknown {
  const e = error as NodeJS.ErrnoException;
  if (error instanceof CablegraphError || !e.code) return error;
  const reasons: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EROFS: 'read-only file system',
    EIO: 'input/output error',
    EFBIG: 'file too large',
  };
  const reason = reasons[e.code] ?? e.message;
  return new CablegraphError(
    'EXPORT_WRITE_FAILED',
    `cannot write ${output}: ${reason}${e.path ? ` (writing ${e.path})` : ''}; no partial file kept`,
    { file: output, cause: error },
  );
}

/**
 * `cablegraph export <graph database> --format … [-o …]` with filters; text formats go to stdout
 * without -o. Streamed: the nodes are held, the edges read from the database in batches on each
 * pass, so memory follows the nodes, not the edges. A foreign or damaged file fails on open,
 * before anything is written; files are written under temporary names and renamed when complete.
 */
export async function runExport(graphFile: string, options: ExportCommandOptions): Promise<number> {
  if (options.format === 'neo4j-csv' && !options.output)
    throw new CablegraphError(
      'BAD_OPTION',
      '--format neo4j-csv writes a directory of files: give it with -o <directory>',
    );
  if (options.output && options.output !== '-') {
    // A killed export leaves its hidden temporary files (up to hundreds of MB): remove those of dead runs.
    const folder =
      options.format === 'neo4j-csv' ? path.resolve(options.output) : path.dirname(path.resolve(options.output));
    removeStaleTemporaries(folder, (file) => {
      if (!options.quiet) process.stderr.write(`cablegraph export: removed ${file}, left by an interrupted run\n`);
    });
  }
  const reader = GraphDbReader.open(graphFile);
  try {
    // One pass over the edges first: the nodes the filters leave without an edge are dropped.
    const { filter, dropped } = await withoutDisconnected(
      reader.nodes.keys,
      reader.nodes.attributes,
      reader.edges(),
      exportFilter(options),
    );
    return await exportFrom(reader, filter, dropped, options);
  } finally {
    reader.close();
  }
}

async function exportFrom(
  reader: GraphDbReader,
  filter: ExportFilter,
  dropped: number,
  options: ExportCommandOptions,
): Promise<number> {
  const source = dbSource(reader, filter);
  const droppedNote =
    dropped > 0 ? ` (${dropped} nodes the filters left without an edge dropped; --keep-isolates keeps them)` : '';
  const counts: ExportCounts = { nodes: 0, edges: 0 };
  if (options.format === 'neo4j-csv') {
    const files = await writeNeo4jCsvStream(source, options.output!, counts).catch((error: unknown) => {
      throw writeFailure(error, options.output!);
    });
    if (!options.quiet)
      process.stderr.write(
        `cablegraph export: ${counts.nodes} nodes, ${counts.edges} relationships → ${files.nodes.length + files.relationships.length} files in ${options.output}${droppedNote}\n  import with: ${files.command}\n`,
      );
    return 0;
  }
  const chunks =
    options.format === 'gexf'
      ? gexfChunks(source, counts)
      : options.format === 'graphml'
        ? graphmlChunks(source, counts)
        : graphologyJsonChunks(source, counts);
  if (!options.output || options.output === '-') {
    await writeChunksToStream(process.stdout, chunks);
    return 0;
  }
  await writeChunksToFile(options.output, chunks).catch((error: unknown) => {
    throw writeFailure(error, options.output!);
  });
  if (!options.quiet)
    process.stderr.write(
      `cablegraph export: ${counts.nodes} nodes, ${counts.edges} edges → ${options.output} (${options.format})${droppedNote}\n`,
    );
  return 0;
}
