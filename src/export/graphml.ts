// GraphML export, streamed: keys typed from the values they take.
import type { CableGraph } from '../model';
import type { Attributes } from 'graphology-types';
import { toScalar } from './scalar';
import { graphSource } from './source';
import {
  runWriter,
  runWriterAsync,
  type ChunkBuffer,
  type ExportCounts,
  type ExportEdge,
  type ExportSource,
  type ExportWriter,
} from './stream';
import { streamingXmlWriter, type XmlWriter } from './xml';

type GraphMLType = 'boolean' | 'int' | 'long' | 'double' | 'string';

/** The type of a `<key>` from every value it takes: flags, not the values. */
class KeyType {
  private boolean = true;
  private integer = true;
  private number = true;

  add(v: string | number | boolean): void {
    if (typeof v !== 'boolean') this.boolean = false;
    if (typeof v !== 'number') this.number = this.integer = false;
    else if (!Number.isInteger(v)) this.integer = false;
  }

  get type(): GraphMLType {
    return this.boolean ? 'boolean' : this.integer ? 'long' : this.number ? 'double' : 'string';
  }
}

function addToKeys(keys: Map<string, KeyType>, a: Attributes): void {
  for (const [k, v] of Object.entries(a)) {
    const s = toScalar(v);
    if (s === undefined) continue;
    let key = keys.get(k);
    if (!key) keys.set(k, (key = new KeyType()));
    key.add(s);
  }
}

/**
 * GraphML (yEd, Cytoscape, NetworkX): typed `<key>`s inferred from the values, one per attribute,
 * lists as `|`-separated text; undirected co-mention edges marked `directed="false"`. Streamed like
 * the GEXF: a first pass over the edges types the edge keys, a second writes them, in ~1 MB chunks
 * through xml-writer (which escapes attribute and text content).
 */
export class GraphmlWriter implements ExportWriter {
  private readonly nodeKeys = new Map<string, KeyType>();
  private readonly edgeKeys = new Map<string, KeyType>();
  private readonly xml: XmlWriter;
  private readonly out: ChunkBuffer;

  constructor(private readonly source: ExportSource) {
    ({ xml: this.xml, out: this.out } = streamingXmlWriter(true));
    for (const a of source.nodes.attributes) addToKeys(this.nodeKeys, a);
  }

  observe(edge: ExportEdge): void {
    addToKeys(this.edgeKeys, edge.attributes);
  }

  *begin(): Generator<string> {
    const { xml, out } = this;
    xml.startDocument('1.0', 'UTF-8');
    xml.startElement('graphml').writeAttribute('xmlns', 'http://graphml.graphdrawing.org/xmlns');
    xml.writeAttribute('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance');
    xml.writeAttribute(
      'xsi:schemaLocation',
      'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
    );
    for (const [keys, target, prefix] of [
      [this.nodeKeys, 'node', 'n_'],
      [this.edgeKeys, 'edge', 'e_'],
    ] as const) {
      for (const [name, key] of keys)
        xml
          .startElement('key')
          .writeAttribute('id', `${prefix}${name}`)
          .writeAttribute('for', target)
          .writeAttribute('attr.name', name)
          .writeAttribute('attr.type', key.type)
          .endElement();
    }
    xml.startElement('graph').writeAttribute('id', 'cablegraph').writeAttribute('edgedefault', 'directed');
    const { keys, attributes } = this.source.nodes;
    for (let i = 0; i < keys.length; i += 1) {
      xml.startElement('node').writeAttribute('id', keys[i]);
      this.data('n_', attributes[i]);
      xml.endElement();
      const chunk = out.take();
      if (chunk !== undefined) yield chunk;
    }
  }

  edge(edge: ExportEdge): string | undefined {
    const { xml } = this;
    xml
      .startElement('edge')
      .writeAttribute('id', edge.key)
      .writeAttribute('source', edge.source)
      .writeAttribute('target', edge.target);
    if (edge.undirected) xml.writeAttribute('directed', 'false');
    this.data('e_', edge.attributes);
    xml.endElement();
    return this.out.take();
  }

  *end(): Generator<string> {
    this.xml.endElement().endElement();
    const rest = this.out.take(true);
    if (rest !== undefined) yield rest;
  }

  private data(prefix: string, a: Attributes): void {
    for (const [k, v] of Object.entries(a)) {
      const s = toScalar(v);
      if (s !== undefined)
        this.xml.startElement('data').writeAttribute('key', `${prefix}${k}`).text(String(s)).endElement();
    }
  }
}

/** The GraphML of a streamed source (a graph file), in chunks. */
export function graphmlChunks(source: ExportSource, counts?: ExportCounts): AsyncGenerator<string> {
  return runWriterAsync(new GraphmlWriter(source), source, counts);
}

/** The GraphML of a graph in memory: the streamed writer's chunks, joined. */
export function writeGraphml(graph: CableGraph): string {
  const source = graphSource(graph);
  return [...runWriter(new GraphmlWriter(source), source)].join('');
}
