import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { pipeline } from 'stream/promises';
import { Readable, Transform, type TransformCallback } from 'stream';
import * as zlib from 'zlib';
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { CablegraphError } from '../common/diagnostics';
import type { BuildOptions, CableRecord } from './types';
import { GraphNodes } from './nodes';

export { GraphNodes };

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
  // One line per record, node and edge: no single giant string (V8 caps strings at ~512 MB).
  function* lines(): Generator<string> {
    yield `${JSON.stringify(header)}\n`;
    for (const record of records) yield `${JSON.stringify({ record })}\n`;
    for (const node of graph.nodeEntries()) yield nodeLine(node.node, node.attributes);
    for (const edge of graph.edgeEntries()) yield edgeLine(edge.edge, edge.source, edge.target, edge.undirected, edge.attributes);
  }
  await writeGraphLines(file, lines());
}

/** A node's line in the graph file. */
export const nodeLine = (key: string, attributes: Attributes): string => `${JSON.stringify({ node: [key, attributes] })}\n`;
/** An edge's line in the graph file. */
export const edgeLine = (key: string, source: string, target: string, undirected: boolean, attributes: Attributes): string =>
  `${JSON.stringify({ edge: [key, source, target, undirected, attributes] })}\n`;

/**
 * Writes the lines of a graph file (strings, or buffers of whole lines) gzip'd, to a temporary file
 * renamed at the end: a failed write never leaves a broken graph behind.
 */
export async function writeGraphLines(file: string, lines: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<void> {
  const temporary = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Lines are grouped into ~1 MB chunks: one stream chunk per line costs more than the gzip itself.
  async function* chunks(): AsyncGenerator<string | Buffer> {
    let buffer = '';
    for await (const line of lines) {
      if (typeof line !== 'string') {
        if (buffer) yield buffer;
        buffer = '';
        yield line;
        continue;
      }
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

/** Longest line a graph file may have: far above any real one (a cable record is at most a few MB). */
const MAX_LINE_BYTES = 128 * 1024 * 1024;

/**
 * Passes bytes on, failing once a line runs longer than `max`: a gzip bomb (a small file that
 * inflates to gigabytes without a newline) stops there instead of filling memory.
 */
class LineLengthLimit extends Transform {
  private run = 0;

  constructor(private readonly max: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const lastNewline = chunk.lastIndexOf(0x0a);
    this.run = lastNewline < 0 ? this.run + chunk.length : chunk.length - lastNewline - 1;
    if (this.run > this.max) done(new Error(`a line longer than ${this.max / 1024 / 1024} MB: damaged graph file (or a gzip bomb)`));
    else done(null, chunk);
  }
}

/** Reads a graph file written by writeGraphFile; a clear error naming the file when it is not one. */
export async function readGraphFile(file: string, options: { records?: boolean } = {}): Promise<GraphFile> {
  const records: CableRecord[] = [];
  const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  const header = await readLines(file, options.records ?? true ? (record) => records.push(record) : undefined, graph);
  return { header, records, graph };
}

/**
 * The cable records of a graph file, one at a time (what `--append` needs), without building
 * its graph; the file is checked whole all the same. Returns the header.
 */
export async function forEachGraphRecord(file: string, onRecord: (record: CableRecord) => void): Promise<GraphFileHeader> {
  return readLines(file, onRecord, undefined);
}

/** One entry of a graph file, as `readGraphEntries` yields it. */
export type GraphEntry =
  | { kind: 'record'; record: CableRecord }
  | { kind: 'node'; key: string; attributes: Attributes }
  | { kind: 'edge'; key: string; source: string; target: string; undirected: boolean; attributes: Attributes };

/** Which entries a pass parses; the others are only counted (the file is still checked whole). */
export interface GraphEntryKinds {
  records?: boolean;
  nodes?: boolean;
  edges?: boolean;
}

/**
 * The header of a graph file, then its entries one at a time, in file order (records, nodes,
 * edges): what streaming readers use, so no caller needs the whole graph in memory. Entries not
 * asked for are skipped unparsed. A file that is not a graph file fails on its first line; a
 * truncated one fails after its last entry (callers that must not act on a truncated file make a
 * first, checking pass — see `GraphFileReader`).
 */
export async function* readGraphEntries(file: string, want: GraphEntryKinds, onHeader?: (header: GraphFileHeader) => void): AsyncGenerator<GraphEntry, GraphFileHeader> {
  if (!fs.existsSync(file)) throw new CablegraphError('GRAPH_NOT_FOUND', `no such graph file: ${file}`, { file });
  // Errors of the file stream (permission denied, a folder) are passed on: pipe() alone drops them.
  const compressed = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const gunzip = zlib.createGunzip();
  const limited = new LineLengthLimit(MAX_LINE_BYTES);
  compressed.on('error', (error) => limited.destroy(error));
  gunzip.on('error', (error) => limited.destroy(error));
  const lines = readline.createInterface({ input: compressed.pipe(gunzip).pipe(limited), crlfDelay: Infinity });
  let header: GraphFileHeader | undefined;
  let recordCount = 0;
  let nodeCount = 0;
  let edgeCount = 0;
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (lineNumber === 1) {
        const value = JSON.parse(line) as Record<string, unknown>;
        if (value.format !== GRAPH_FILE_FORMAT) throw new Error('not a cablegraph graph file');
        if (value.version !== GRAPH_FILE_VERSION) throw new Error(`graph file version ${String(value.version)}; this cablegraph reads version ${GRAPH_FILE_VERSION} (rebuild it)`);
        header = value as unknown as GraphFileHeader;
        onHeader?.(header);
        continue;
      }
      // Each line starts with its kind: entries not asked for are counted, never parsed.
      if (line.startsWith('{"record":')) {
        recordCount += 1;
        if (want.records) yield { kind: 'record', record: (JSON.parse(line) as { record: CableRecord }).record };
      } else if (line.startsWith('{"node":')) {
        nodeCount += 1;
        if (want.nodes) {
          const [key, attributes] = (JSON.parse(line) as { node: [string, Attributes] }).node;
          yield { kind: 'node', key, attributes };
        }
      } else if (line.startsWith('{"edge":')) {
        edgeCount += 1;
        if (want.edges) {
          const [key, source, target, undirected, attributes] = (JSON.parse(line) as { edge: [string, string, string, boolean, Attributes] }).edge;
          yield { kind: 'edge', key, source, target, undirected, attributes };
        }
      } else {
        JSON.parse(line); // a syntax error names the line; valid JSON of no known kind is skipped
      }
    }
  } catch (error) {
    if (error instanceof CablegraphError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'Z_DATA_ERROR' || /incorrect header check/.test((error as Error).message)
        ? 'not a gzip file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot read: permission denied'
          : code === 'EISDIR'
            ? 'is a folder, not a graph file'
            : (error as Error).message;
    throw new CablegraphError('GRAPH_UNREADABLE', `${file}: ${message}${lineNumber > 1 ? ` (line ${lineNumber})` : ''}`, { file, cause: error });
  } finally {
    lines.close();
  }
  if (!header) throw new CablegraphError('GRAPH_UNREADABLE', `${file}: truncated graph file (no header)`, { file });
  if (recordCount !== header.cables || nodeCount !== header.nodes || edgeCount !== header.edges) {
    throw new CablegraphError('GRAPH_UNREADABLE', `${file}: truncated graph file (${recordCount} of ${header.cables} cables, ${nodeCount} of ${header.nodes} nodes, ${edgeCount} of ${header.edges} edges)`, { file });
  }
  return header;
}

/** Reads a graph file: records to `onRecord` (skipped unparsed without one), nodes and edges into `graph` (counted only without one). */
async function readLines(file: string, onRecord: ((record: CableRecord) => void) | undefined, graph: Graph | undefined): Promise<GraphFileHeader> {
  let header: GraphFileHeader | undefined;
  const entries = readGraphEntries(file, { records: !!onRecord, nodes: !!graph, edges: !!graph }, (h) => (header = h));
  for await (const entry of entries) {
    try {
      if (entry.kind === 'record') onRecord?.(entry.record);
      else if (entry.kind === 'node') graph?.addNode(entry.key, entry.attributes);
      else if (entry.undirected) graph?.addUndirectedEdgeWithKey(entry.key, entry.source, entry.target, entry.attributes);
      else graph?.addDirectedEdgeWithKey(entry.key, entry.source, entry.target, entry.attributes);
    } catch (error) {
      // graphology refuses a duplicate node or edge, or an edge to a missing node: a damaged file.
      if (error instanceof CablegraphError) throw error;
      const what = entry.kind === 'node' ? `node ${JSON.stringify(entry.key)}` : entry.kind === 'edge' ? `edge ${JSON.stringify(entry.key)}` : 'cable record';
      throw new CablegraphError('GRAPH_UNREADABLE', `${file}: damaged graph file: ${what}: ${(error as Error).message.replace(/^Graph\.\w+: /, '')}`, { file, cause: error });
    }
  }
  return header!;
}

/**
 * A graph file read the streaming way: its header and nodes in memory (a few hundred thousand at
 * full-corpus scale), its edges (tens of millions) and cable records read again from the file on
 * each pass. `open` reads the whole file once, so a truncated or damaged file fails there,
 * before a caller writes anything.
 */
export class GraphFileReader {
  private constructor(
    readonly file: string,
    readonly header: GraphFileHeader,
    readonly nodes: GraphNodes,
  ) {}

  static async open(file: string): Promise<GraphFileReader> {
    const nodes = new GraphNodes();
    let header: GraphFileHeader | undefined;
    for await (const entry of readGraphEntries(file, { nodes: true }, (h) => (header = h))) {
      if (entry.kind === 'node') nodes.add(entry.key, entry.attributes);
    }
    return new GraphFileReader(file, header!, nodes);
  }

  /** The edges, in file order: per-cable edges in cable order, then co-mentions. */
  async *edges(): AsyncGenerator<Extract<GraphEntry, { kind: 'edge' }>> {
    for await (const entry of readGraphEntries(this.file, { edges: true })) if (entry.kind === 'edge') yield entry;
  }

  /** The cable records, in cable-id order. */
  async *records(): AsyncGenerator<CableRecord> {
    for await (const entry of readGraphEntries(this.file, { records: true })) if (entry.kind === 'record') yield entry.record;
  }
}
