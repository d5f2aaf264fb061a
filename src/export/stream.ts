// Streamed exports: chunks of text from nodes and edges, written to a file or a stream.
import * as fs from 'fs';
import { once } from 'events';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { Readable } from 'stream';
import type { Attributes } from 'graphology-types';
import type { EdgeAttrs, EdgeStatement, NodeAttrs } from '../model';
import { CablegraphError } from '../common/diagnostics';

/** An edge as the writers see it (the graph file's edge entries have this shape). */
export interface ExportEdge {
  key: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: EdgeAttrs;
}

/** The nodes to export, in order, with their attributes by key (`GraphNodes` of src/graph/nodes). */
export interface ExportNodes {
  readonly keys: readonly string[];
  readonly attributes: readonly NodeAttrs[];
  get(key: string): NodeAttrs | undefined;
  has(key: string): boolean;
  readonly length: number;
}

export interface ExportGraphOptions {
  type: 'mixed' | 'directed' | 'undirected';
  multi: boolean;
  allowSelfLoops: boolean;
}

/**
 * What every writer exports: graph options and attributes, nodes in memory (a few hundred thousand
 * at full-corpus scale) and edges as an iterable that may be walked several times, in the same order
 * each time (tens of millions: never held). `Iterable` for a graph in memory, `AsyncIterable` for a
 * graph file read pass by pass.
 */
export interface ExportSource<
  Edges extends Iterable<ExportEdge> | AsyncIterable<ExportEdge> = Iterable<ExportEdge> | AsyncIterable<ExportEdge>,
> {
  options: ExportGraphOptions;
  attributes: Attributes;
  nodes: ExportNodes;
  edges(): Edges;
  /**
   * The middle statements of the cut roles and affiliations (a graph database's; walked again on
   * each call): the neo4j-admin CSVs carry them as (:Statement) nodes, as the online loader writes them.
   */
  statements?(): Iterable<EdgeStatement>;
}

/**
 * A writer in passes: `observe` sees every edge first (attribute models, column types); then
 * `begin` (header and nodes), `edge` for every edge again, `end`. Text comes back in chunks of
 * about a megabyte, so no format ever builds its document as one string.
 */
export interface ExportWriter {
  observe?(edge: ExportEdge): void;
  begin(): Iterable<string>;
  edge(edge: ExportEdge): string | undefined;
  end(): Iterable<string>;
  /** Called when writing stops before `end` (removes temporary files). */
  abort?(): void;
}

/** Counts of what a writer was given on its writing pass. */
export interface ExportCounts {
  nodes: number;
  edges: number;
}

/** Runs a writer over a graph in memory: the document's chunks. */
export function* runWriter(
  writer: ExportWriter,
  source: ExportSource<Iterable<ExportEdge>>,
  counts?: ExportCounts,
): Generator<string> {
  let finished = false;
  try {
    if (writer.observe) for (const edge of source.edges()) writer.observe(edge);
    yield* writer.begin();
    let edges = 0;
    for (const edge of source.edges()) {
      edges += 1;
      const chunk = writer.edge(edge);
      if (chunk !== undefined) yield chunk;
    }
    yield* writer.end();
    if (counts) Object.assign(counts, { nodes: source.nodes.length, edges });
    finished = true;
  } finally {
    if (!finished) writer.abort?.();
  }
}

/** Runs a writer over a streamed source (a graph file): the document's chunks. */
export async function* runWriterAsync(
  writer: ExportWriter,
  source: ExportSource,
  counts?: ExportCounts,
): AsyncGenerator<string> {
  let finished = false;
  try {
    if (writer.observe) for await (const edge of source.edges()) writer.observe(edge);
    yield* writer.begin();
    let edges = 0;
    for await (const edge of source.edges()) {
      edges += 1;
      const chunk = writer.edge(edge);
      if (chunk !== undefined) yield chunk;
    }
    yield* writer.end();
    if (counts) Object.assign(counts, { nodes: source.nodes.length, edges });
    finished = true;
  } finally {
    if (!finished) writer.abort?.();
  }
}

/** Text gathered until it is worth a write (~1 MB): one chunk per element would cost more than the writing. */
export class ChunkBuffer {
  private text = '';
  constructor(private readonly size = 1 << 20) {}

  push(s: string): void {
    this.text += s;
  }

  /** The gathered text once it reaches the chunk size (or always, with `all`). */
  take(all = false): string | undefined {
    if (this.text.length === 0 || (!all && this.text.length < this.size)) return undefined;
    const chunk = this.text;
    this.text = '';
    return chunk;
  }
}

/** Chunks written to `file` through a temporary file renamed at the end: a failure never leaves half a file. */
export async function writeChunksToFile(file: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const temporary = temporaryPath(file);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    await pipeline(Readable.from(chunks), fs.createWriteStream(temporary));
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    if (error instanceof CablegraphError) throw error;
    throw new CablegraphError('EXPORT_WRITE_FAILED', `cannot write ${file}: ${(error as Error).message}`, {
      file,
      cause: error,
    });
  }
}

/** Chunks written to a stream (stdout), waiting for it to drain; ends with a newline. */
export async function writeChunksToStream(
  stream: NodeJS.WritableStream,
  chunks: AsyncIterable<string> | Iterable<string>,
): Promise<void> {
  let last = '';
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    last = chunk;
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  if (!last.endsWith('\n')) stream.write('\n');
}

/** The temporary name a file is written under before its rename (hidden, beside it). */
export const temporaryPath = (file: string): string =>
  path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
