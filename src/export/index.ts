// export: a built graph → files (GEXF, GraphML, graphology JSON, neo4j-admin import CSVs).
export { filterGraph, parseTypes, parseDate, type ExportFilter } from './filter';
export { writeGexf, KIND_COLORS } from './gexf';
export { writeGraphml } from './graphml';
export { writeGraphologyJson } from './json';
export { writeNeo4jCsv, type Neo4jCsvFiles } from './neo4j-csv';
