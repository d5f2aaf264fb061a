// server: the viewer's JSON API (express) over a GraphStore — the graph database (SQLite) or Neo4j.
export { createApp, subgraphToGraph, WEB_ROOT, type AppOptions } from './app';
export { Explorer, LIMITS } from './explore';
export { Neo4jStore, SERVER_QUERIES_DIR, luceneQuery } from './neo4j-store';
export type { GraphStore } from './store';
export { DatabaseCurator, type ViewerCurator } from './curator';
export { SqliteStore } from './sqlite-store';
