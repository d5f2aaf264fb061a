// server: the viewer's JSON API (express) over a GraphStore — the embedded graph file or Neo4j.
export { createApp, subgraphToGraph, WEB_ROOT, type AppOptions } from './app';
export { Explorer, LIMITS } from './explore';
export { EmbeddedStore } from './embedded-store';
export { Neo4jStore, SERVER_QUERIES_DIR, luceneQuery } from './neo4j-store';
export type { GraphStore } from './store';
export * from './types';
export { Curator } from './curator';
