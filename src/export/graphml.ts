import type Graph from 'graphology';
import { toScalar } from './scalar';
// xml-writer (the writer graphology-gexf uses) escapes attribute and text content for us.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XMLWriter: new (indent?: boolean) => XmlWriter = require('xml-writer');

interface XmlWriter {
  startDocument(version?: string, encoding?: string): XmlWriter;
  startElement(name: string): XmlWriter;
  writeAttribute(name: string, value: string): XmlWriter;
  text(content: string): XmlWriter;
  endElement(): XmlWriter;
  endDocument(): XmlWriter;
  toString(): string;
}

type GraphMLType = 'boolean' | 'int' | 'long' | 'double' | 'string';

function typeOf(values: Array<string | number | boolean>): GraphMLType {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'long';
  if (values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

/**
 * GraphML (yEd, Cytoscape, NetworkX): typed `<key>`s inferred from the values, one per attribute,
 * lists as `|`-separated text; undirected co-mention edges marked `directed="false"`.
 */
export function writeGraphml(graph: Graph): string {
  const collect = (each: (visit: (a: Record<string, unknown>) => void) => void): Map<string, Array<string | number | boolean>> => {
    const values = new Map<string, Array<string | number | boolean>>();
    each((a) => {
      for (const [k, v] of Object.entries(a)) {
        const s = toScalar(v);
        if (s === undefined) continue;
        if (!values.has(k)) values.set(k, []);
        values.get(k)!.push(s);
      }
    });
    return values;
  };
  const nodeValues = collect((visit) => graph.forEachNode((_n, a) => visit(a)));
  const edgeValues = collect((visit) => graph.forEachEdge((_e, a) => visit(a)));
  const nodeKeys = [...nodeValues].map(([name, values]) => ({ id: `n_${name}`, name, type: typeOf(values) }));
  const edgeKeys = [...edgeValues].map(([name, values]) => ({ id: `e_${name}`, name, type: typeOf(values) }));

  const xml = new XMLWriter(true);
  xml.startDocument('1.0', 'UTF-8');
  xml.startElement('graphml').writeAttribute('xmlns', 'http://graphml.graphdrawing.org/xmlns');
  xml.writeAttribute('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance');
  xml.writeAttribute('xsi:schemaLocation', 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd');
  for (const [keys, target] of [[nodeKeys, 'node'], [edgeKeys, 'edge']] as const) {
    for (const key of keys) xml.startElement('key').writeAttribute('id', key.id).writeAttribute('for', target).writeAttribute('attr.name', key.name).writeAttribute('attr.type', key.type).endElement();
  }
  xml.startElement('graph').writeAttribute('id', 'cablegraph').writeAttribute('edgedefault', 'directed');
  const data = (keyId: string, value: string | number | boolean): void => {
    xml.startElement('data').writeAttribute('key', keyId).text(String(value)).endElement();
  };
  graph.forEachNode((node, a) => {
    xml.startElement('node').writeAttribute('id', node);
    for (const [k, v] of Object.entries(a)) {
      const s = toScalar(v);
      if (s !== undefined) data(`n_${k}`, s);
    }
    xml.endElement();
  });
  graph.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
    xml.startElement('edge').writeAttribute('id', edge).writeAttribute('source', source).writeAttribute('target', target);
    if (undirected) xml.writeAttribute('directed', 'false');
    for (const [k, v] of Object.entries(a)) {
      const s = toScalar(v);
      if (s !== undefined) data(`e_${k}`, s);
    }
    xml.endElement();
  });
  xml.endElement().endElement().endDocument();
  return xml.toString();
}
