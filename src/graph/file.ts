import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { pipeline } from 'stream/promises';
import { Readable } from 'stream';
import * as zlib from 'zlib';
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { CablegraphError } from '../common/diagnostics';
import type { BuildOptions, CableRecord } from './types';

export const GRAPH_FILE_FORMAT = 'cablegraph-graph';
export const GRAPH_FILE_VERSION = 3;

export interface GraphFileHeader {
  format: typeof GRAPH_FILE_FORMAT;
  version: number;
  cables: number;
  nodes: number;
  edges: number;
  buildOptions: BuildOptions;
}

export interface GraphFile {
  header: GraphFileHeader;
  records: CableRecord[];
  graph: Graph;
}

/**
 * Writes a graph file: gzip'd JSON lines — a header, one line per cable record (what `--append`
 * needs to rebuild exactly), then the graph (graphology's serialization, with metrics and layout,
 * so loading needs no recomputation). Written to a temporary file and renamed: a failed write
 * never leaves a broken graph behind. No timestamps: the same cables give the same bytes.
 */
export async function writeGraphFile(file: string, records: CableRecord[], graph: Graph, buildOptions: BuildOptions): Promise<void> {
  const header: GraphFileHeader = { format: GRAPH_FILE_FORMAT, version: GRAPH_FILE_VERSION, cables: records.length, nodes: graph.order, edges: graph.size, buildOptions };
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // One line per record, node and edge: no single giant string (V8 caps strings at ~512 MB).
  function* lines(): Generator<string> {
    yield `${JSON.stringify(header)}\n`;
    for (const record of records) yield `${JSON.stringify({ record })}\n`;
    for (const node of graph.nodeEntries()) yield `${JSON.stringify({ node: [node.node, node.attributes] })}\n`;
    for (const edge of graph.edgeEntries()) yield `${JSON.stringify({ edge: [edge.edge, edge.source, edge.target, edge.undirected, edge.attributes] })}\n`;
  }
  // Lines are grouped into ~1 MB chunks: one stream chunk per line costs more than the gzip itself.
  function* chunks(): Generator<string> {
    let buffer = '';
    for (const line of lines()) {
      buffer += line;
      if (buffer.length >= 1 << 20) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  try {
    await pipeline(Readable.from(chunks()), zlib.createGzip({ level: 4 }), fs.createWriteStream(temporary));
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new CablegraphError('GRAPH_WRITE_FAILED', `cannot write ${file}: ${(error as Error).message}`, { file, cause: error });
  }
}

/** Reads a graph file written by writeGraphFile; a clear error naming the file when it is not one. */
export async function readGraphFile(file: string, options: { records?: boolean } = {}): Promise<GraphFile> {
  const keepRecords = options.records ?? true;
  if (!fs.existsSync(file)) throw new CablegraphError('GRAPH_NOT_FOUND', `no such graph file: ${file}`, { file });
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let header: GraphFileHeader | undefined;
  const records: CableRecord[] = [];
  let recordCount = 0;
  const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (!keepRecords && lineNumber > 1 && line.startsWith('{"record":')) {
        recordCount += 1;
        continue;
      }
      const value = JSON.parse(line) as Record<string, unknown>;
      if (lineNumber === 1) {
        if (value.format !== GRAPH_FILE_FORMAT) throw new Error('not a cablegraph graph file');
        if (value.version !== GRAPH_FILE_VERSION) throw new Error(`graph file version ${String(value.version)}; this cablegraph reads version ${GRAPH_FILE_VERSION} (rebuild it)`);
        header = value as unknown as GraphFileHeader;
      } else if ('record' in value) {
        // Loading or exporting needs only the graph: skip the (large) cable records then.
        if (keepRecords) records.push(value.record as CableRecord);
        else recordCount += 1;
      }
      else if ('node' in value) {
        const [key, attributes] = value.node as [string, Attributes];
        graph.addNode(key, attributes);
      } else if ('edge' in value) {
        const [key, source, target, undirected, attributes] = value.edge as [string, string, string, boolean, Attributes];
        if (undirected) graph.addUndirectedEdgeWithKey(key, source, target, attributes);
        else graph.addDirectedEdgeWithKey(key, source, target, attributes);
      }
    }
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' || /incorrect header check/.test((error as Error).message) ? 'not a gzip file' : (error as Error).message;
    throw new CablegraphError('GRAPH_UNREADABLE', `${file}: ${message}${lineNumber > 1 ? ` (line ${lineNumber})` : ''}`, { file, cause: error });
  }
  if (!header) throw new CablegraphError('GRAPH_UNREADABLE', `${file}: truncated graph file (no header)`, { file });
  if (records.length + recordCount !== header.cables || graph.order !== header.nodes || graph.size !== header.edges) {
    throw new CablegraphError('GRAPH_UNREADABLE', `${file}: truncated graph file (${records.length + recordCount} of ${header.cables} cables, ${graph.order} of ${header.nodes} nodes, ${graph.size} of ${header.edges} edges)`, { file });
  }
  return { header, records, graph };
}
