// graphology's JSON serialization, streamed, byte for byte what `JSON.stringify(graph.export())` gives.
import type { CableGraph } from '../model';
import type { Attributes } from 'graphology-types';
import { graphSource } from './source';
import {
  ChunkBuffer,
  runWriter,
  runWriterAsync,
  type ExportCounts,
  type ExportEdge,
  type ExportSource,
  type ExportWriter,
} from './stream';

const hasKeys = (a: Attributes): boolean => {
  for (const _k in a) return true;
  return false;
};

/**
 * graphology's JSON serialization (what `graph.import()` and sigma read), byte for byte what
 * `JSON.stringify(graph.export())` gives — `{options, attributes, nodes, edges}`, attributes left
 * out when empty, `undirected: true` on a mixed graph's undirected edges — written element by
 * element in ~1 MB chunks, in one pass.
 */
export class GraphologyJsonWriter implements ExportWriter {
  private readonly out = new ChunkBuffer();
  private first = true;

  constructor(private readonly source: ExportSource) {}

  *begin(): Generator<string> {
    const { out, source } = this;
    out.push(
      `{"options":${JSON.stringify(source.options)},"attributes":${JSON.stringify(source.attributes)},"nodes":[`,
    );
    const { keys, attributes } = source.nodes;
    for (let i = 0; i < keys.length; i += 1) {
      const node: { key: string; attributes?: Attributes } = { key: keys[i] };
      if (hasKeys(attributes[i])) node.attributes = attributes[i]!;
      out.push(`${i > 0 ? ',' : ''}${JSON.stringify(node)}`);
      const chunk = out.take();
      if (chunk !== undefined) yield chunk;
    }
    out.push('],"edges":[');
  }

  edge(edge: ExportEdge): string | undefined {
    const serialized: { key: string; source: string; target: string; attributes?: Attributes; undirected?: true } = {
      key: edge.key,
      source: edge.source,
      target: edge.target,
    };
    if (hasKeys(edge.attributes)) serialized.attributes = edge.attributes;
    if (this.source.options.type === 'mixed' && edge.undirected) serialized.undirected = true;
    this.out.push(`${this.first ? '' : ','}${JSON.stringify(serialized)}`);
    this.first = false;
    return this.out.take();
  }

  *end(): Generator<string> {
    this.out.push(']}');
    yield this.out.take(true)!;
  }
}

/** graphology JSON of a streamed source (a graph file), in chunks. */
export function graphologyJsonChunks(source: ExportSource, counts?: ExportCounts): AsyncGenerator<string> {
  return runWriterAsync(new GraphologyJsonWriter(source), source, counts);
}

/** graphology's JSON serialization of a graph in memory: the streamed writer's chunks, joined. */
export function writeGraphologyJson(graph: CableGraph): string {
  const source = graphSource(graph);
  return [...runWriter(new GraphologyJsonWriter(source), source)].join('');
}
