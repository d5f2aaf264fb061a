// GEXF export for Gephi: attributes, colours by kind and time intervals, streamed.
import type { CableGraph, NodeAttrs } from '../model';
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

/** Node colours by kind (also used by the viewer's legend). */
export const KIND_COLORS: Record<string, string> = {
  Person: '#e6550d',
  Organization: '#3182bd',
  Place: '#31a354',
  Cable: '#969696',
  Post: '#756bb1',
  Tag: '#bcbd22',
};

const NODE_SKIP = new Set(['label', 'x', 'y']);
const EDGE_SKIP = new Set(['weight', 'evidence']);

type Scalar = string | number | boolean;
type GexfType = 'string' | 'double' | 'integer' | 'boolean';

/** The scalar attributes written as `<attvalue>`s. */
function scalars(a: Attributes, skip: Set<string>): Record<string, Scalar> {
  const attributes: Record<string, Scalar> = {};
  for (const [k, v] of Object.entries(a)) {
    const s = skip.has(k) ? undefined : toScalar(v);
    if (s !== undefined) attributes[k] = s;
  }
  return attributes;
}

// The attribute model as graphology-gexf infers it: each value's type, the lowest priority wins
// (string < double < long < integer < boolean); empty values ('' and NaN) declare nothing.
const PRIORITY: Record<GexfType, number> = { string: 5, double: 6, integer: 8, boolean: 9 };
const isEmpty = (v: Scalar): boolean => v === '' || v !== v;
const typeOfValue = (v: Scalar): GexfType =>
  typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (v === (v | 0) ? 'integer' : 'double') : 'string';

function addToModel(model: Record<string, GexfType>, attributes: Record<string, Scalar>): void {
  for (const k in attributes) {
    const v = attributes[k];
    if (isEmpty(v)) continue;
    const type = typeOfValue(v);
    const current = model[k];
    if (!current || PRIORITY[type] < PRIORITY[current]) model[k] = type;
  }
}

/** The start date of a node on Gephi's timeline: a cable's date, an entity's first mention. */
const nodeStart = (a: NodeAttrs): string | undefined => (a.kind === 'Cable' ? a.date : a.firstDate);

/**
 * GEXF 1.3 for Gephi: declared, typed node and edge attributes (the model is inferred from the
 * values, as graphology-gexf infers it), viz colour by kind, size by weighted degree, positions from
 * the layout; dynamic: cables, entities and co-mention edges carry `start` dates, so Gephi's
 * timeline plays the network from 1966 to 2010. Color/size/position are GEXF-namespace elements,
 * as in the official 1.3 schema (graphology-gexf writes them in a viz namespace the schema lacks).
 *
 * Streamed: graphology-gexf cannot stream (its writer collects every node and edge, then builds
 * the document as one string in xml-writer — past ~512 MB V8 refuses the string), so this writes
 * the same document element by element, through the same xml-writer, in ~1 MB chunks: a first pass
 * over the edges gathers the edge attribute model and edge directions, a second writes them.
 */
export class GexfWriter implements ExportWriter {
  private readonly nodeModel: Record<string, GexfType> = {};
  private readonly edgeModel: Record<string, GexfType> = {};
  private directed = 0;
  private undirected = 0;
  private readonly maxWeighted: number;
  private readonly xml: XmlWriter;
  private readonly out: ChunkBuffer;
  private defaultEdgeType = 'directed';

  constructor(private readonly source: ExportSource) {
    ({ xml: this.xml, out: this.out } = streamingXmlWriter('  '));
    let maxWeighted = 1;
    for (const a of source.nodes.attributes) {
      maxWeighted = Math.max(maxWeighted, a.weightedDegree ?? 0);
      addToModel(this.nodeModel, scalars(a, NODE_SKIP));
    }
    this.maxWeighted = maxWeighted;
  }

  observe(edge: ExportEdge): void {
    if (edge.undirected) this.undirected += 1;
    else this.directed += 1;
    addToModel(this.edgeModel, scalars(edge.attributes, EDGE_SKIP));
  }

  *begin(): Generator<string> {
    const { xml, out, source } = this;
    xml.startDocument('1.0', 'UTF-8');
    xml.startElement('gexf').writeAttribute('version', '1.3').writeAttribute('xmlns', 'http://gexf.net/1.3');
    xml
      .writeAttribute('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance')
      .writeAttribute('xsi:schemaLocation', 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd');
    xml.startElement('meta');
    const meta = source.attributes;
    if (meta.lastModifiedDate) xml.writeAttribute('lastmodifieddate', String(meta.lastModifiedDate));
    for (const k in meta) {
      const tag = k.replace(/["'<>&\s]/g, '').trim();
      const value = meta[k] as unknown;
      if (k === 'lastModifiedDate' || !tag) continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        xml.writeElement(tag, String(value));
    }
    xml.endElement();
    // graphology's inferType: a mixed graph holding one kind of edge is declared as that kind.
    const type =
      source.options.type !== 'mixed'
        ? source.options.type
        : this.directed > 0 && this.undirected > 0
          ? 'mixed'
          : this.directed > 0
            ? 'directed'
            : this.undirected > 0
              ? 'undirected'
              : 'mixed';
    this.defaultEdgeType = type === 'mixed' ? 'directed' : type;
    xml
      .startElement('graph')
      .writeAttribute('defaultedgetype', this.defaultEdgeType)
      .writeAttribute('mode', 'dynamic')
      .writeAttribute('timeformat', 'date');
    this.writeModel(this.nodeModel, 'node');
    this.writeModel(this.edgeModel, 'edge');
    xml.startElement('nodes');
    const { keys, attributes } = source.nodes;
    for (let i = 0; i < keys.length; i += 1) {
      this.writeNode(keys[i], attributes[i]);
      const chunk = out.take();
      if (chunk !== undefined) yield chunk;
    }
    xml.endElement();
    xml.startElement('edges');
  }

  edge(edge: ExportEdge): string | undefined {
    const { xml } = this;
    const a = edge.attributes;
    xml.startElement('edge').writeAttribute('id', edge.key);
    const start = a.type === 'CO_MENTIONED' ? a.firstDate : this.cableDate(edge);
    if (start) xml.writeAttribute('start', start);
    const edgeType = edge.undirected ? 'undirected' : 'directed';
    if (edgeType !== this.defaultEdgeType) xml.writeAttribute('type', edgeType);
    xml.writeAttribute('source', edge.source).writeAttribute('target', edge.target);
    const weight = typeof a.weight === 'number' ? a.weight : 1;
    if (!isNaN(weight)) xml.writeAttribute('weight', weight);
    const label = String(a.type ?? '');
    if (label) xml.writeAttribute('label', label);
    this.writeAttvalues(this.edgeModel, scalars(a, EDGE_SKIP));
    xml.endElement();
    return this.out.take();
  }

  *end(): Generator<string> {
    this.xml.endElement().endElement().endElement();
    const rest = this.out.take(true);
    if (rest !== undefined) yield rest;
  }

  /** A per-cable edge starts at its cable's date. */
  private cableDate(edge: ExportEdge): string | undefined {
    const source = this.source.nodes.get(edge.source);
    const a = source?.kind === 'Cable' ? source : this.source.nodes.get(edge.target);
    return a?.date ?? a?.firstDate;
  }

  private writeModel(model: Record<string, GexfType>, modelClass: string): void {
    if (Object.keys(model).length === 0) return;
    this.xml.startElement('attributes').writeAttribute('class', modelClass);
    for (const name in model)
      this.xml
        .startElement('attribute')
        .writeAttribute('id', name)
        .writeAttribute('title', name)
        .writeAttribute('type', model[name])
        .endElement();
    this.xml.endElement();
  }

  private writeAttvalues(model: Record<string, GexfType>, attributes: Record<string, Scalar>): void {
    if (Object.keys(model).length === 0) return;
    this.xml.startElement('attvalues');
    for (const name in model) {
      if (!(name in attributes) || isEmpty(attributes[name])) continue;
      this.xml
        .startElement('attvalue')
        .writeAttribute('for', name)
        .writeAttribute('value', String(attributes[name]))
        .endElement();
    }
    this.xml.endElement();
  }

  private writeNode(key: string, a: NodeAttrs): void {
    const { xml } = this;
    xml.startElement('node').writeAttribute('id', key);
    const start = nodeStart(a);
    if (start) xml.writeAttribute('start', start);
    const label = String(a.label ?? a.name ?? '');
    if (label) xml.writeAttribute('label', label);
    this.writeAttvalues(this.nodeModel, scalars(a, NODE_SKIP));
    xml
      .startElement('color')
      .writeAttribute('hex', KIND_COLORS[a.kind] ?? '#636363')
      .endElement();
    xml
      .startElement('size')
      .writeAttribute('value', Number((2 + 18 * Math.sqrt((a.weightedDegree ?? 0) / this.maxWeighted)).toFixed(2)))
      .endElement();
    if (typeof a.x === 'number')
      xml
        .startElement('position')
        .writeAttribute('x', a.x)
        .writeAttribute('y', a.y ?? 0)
        .endElement();
    xml.endElement();
  }
}

/** The GEXF of a streamed source (a graph file), in chunks. */
export function gexfChunks(source: ExportSource, counts?: ExportCounts): AsyncGenerator<string> {
  return runWriterAsync(new GexfWriter(source), source, counts);
}

/** The GEXF of a graph in memory (the viewer's view export, tests): the streamed writer's chunks, joined. */
export function writeGexf(graph: CableGraph): string {
  const source = graphSource(graph);
  return [...runWriter(new GexfWriter(source), source)].join('');
}
