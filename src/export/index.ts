// export: a built graph → files (GEXF, GraphML, graphology JSON, neo4j-admin import CSVs).
// Every format is one streamed writer (src/export/stream.ts): over a graph database read pass by
// pass (`dbSource`) for the CLI, over a graphology graph (`graphSource`) for in-memory callers.
export {
  filterGraph,
  keepEdge,
  selectNodes,
  parseTypes,
  parseDate,
  disconnectedPass,
  withoutDisconnected,
  type ExportFilter,
  type FilterEdge,
} from './filter';
export { dbSource, graphSource, type StreamedGraph } from './source';
export {
  runWriter,
  runWriterAsync,
  writeChunksToFile,
  writeChunksToStream,
  type ExportCounts,
  type ExportEdge,
  type ExportNodes,
  type ExportSource,
  type ExportWriter,
} from './stream';
export { writeGexf, gexfChunks, GexfWriter, KIND_COLORS } from './gexf';
export { writeGraphml, graphmlChunks, GraphmlWriter } from './graphml';
export { writeGraphologyJson, graphologyJsonChunks, GraphologyJsonWriter } from './json';
export { writeNeo4jCsv, writeNeo4jCsvStream, Neo4jCsvWriter, type Neo4jCsvFiles } from './neo4j-csv';
