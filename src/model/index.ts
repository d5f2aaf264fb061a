// model: the types every stage, the server and the web share — no imports from other rooms.
export * from './entity-kind';
export * from './mention';
export * from './date-range';
export * from './curation';
export * from './api';
export * from './bookmarks';
export * from './graph';
export * from './relations';
export * from './browse';
export * from './neo4j-shape';
