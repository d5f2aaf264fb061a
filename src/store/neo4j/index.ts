// store/neo4j: a built graph → Neo4j (schema, idempotent resumable batched load, named queries).
export { resolveConnection, openDriver, DEFAULT_NEO4J_CONNECTION, type Neo4jConnection } from './connection';
export { applySchema, cypherStatements, CYPHER_DIR } from './schema';
export { syncGraphDiff, type SyncResult } from './sync';
export {
  loadGraph,
  loadGraphDb,
  loadSource,
  DEFAULT_LOAD_OPTIONS,
  type LoadOptions,
  type LoadFileOptions,
  type LoadResult,
} from './load';
export {
  planBatches,
  graphSource,
  dbSource,
  graphLoadId,
  toNeo4jProperties,
  type LoadSource,
  type WriteMode,
} from './plan';
export {
  queryLibrary,
  resolveQuery,
  queryParameters,
  runQuery,
  parseQueryFile,
  plain,
  QUERIES_DIR,
  type NamedQuery,
  type QueryParam,
  type QueryResult,
} from './queries';
