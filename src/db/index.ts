// db: the graph database — one SQLite file that build writes and serve, curation, exports and load read.
export {
  openGraphDb,
  upgradeGraphDb,
  GRAPH_DB_OLDEST_VERSION,
  createGraphDb,
  finishGraphDb,
  schemaParts,
  GRAPH_DB_APPLICATION_ID,
  GRAPH_DB_FORMAT,
  GRAPH_DB_VERSION,
  type GraphDb,
  type OpenOptions,
} from './open';
export { buildGraphDb, type BuildDbSummary, type BuildProvenance } from './build';
export { buildMetaRows, type GraphTotals } from './build-meta';
export {
  GraphDbReader,
  cableRecords,
  cableRecordsOf,
  readMeta,
  batches,
  type CoMentionLists,
  type GraphDbEdge,
  type GraphDbMeta,
} from './read';
