// graph: cables + resolved entities → a graphology graph; the versioned graph file.
export { buildGraph, compileGraph, type CurateEntities } from './build';
export { computeMetrics, metricsOf } from './metrics';
export { RecordStore, sortedInMemory, type SortedRecords } from './record-store';
export { toCableRecord, mergeRecords, slimCable, contentHash } from './records';
export { DEFAULT_BUILD_OPTIONS, type BuildOptions, type CableRecord, type CableVersion } from './types';
export { GraphNodes } from './nodes';
export { type EdgeType, ENTITY_KINDS, type Evidence, KIND_OF_TYPE, type NodeKind } from '../model';
