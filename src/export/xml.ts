// The XML writing the GEXF and GraphML exports share, streamed in chunks.
import { ChunkBuffer } from './stream';

/** The part of xml-writer's API the writers use. */
export interface XmlWriter {
  startDocument(version?: string, encoding?: string): XmlWriter;
  startElement(name: string): XmlWriter;
  writeAttribute(name: string, value: string | number): XmlWriter;
  writeElement(name: string, content: string): XmlWriter;
  text(content: string): XmlWriter;
  endElement(): XmlWriter;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const XMLWriter = require('xml-writer') as new (indent: boolean | string, write: (s: string) => void) => XmlWriter;

/**
 * xml-writer (graphology-gexf's own XML writer: its escaping and indentation) with its output sent
 * to a chunk buffer instead of its one growing string. It keeps only the stack of open elements.
 */
export function streamingXmlWriter(indent: boolean | string): { xml: XmlWriter; out: ChunkBuffer } {
  const out = new ChunkBuffer();
  return { xml: new XMLWriter(indent, (s) => out.push(s)), out };
}
