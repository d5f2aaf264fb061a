// pipeline: the per-cable stages (parse, extract) over a stream of raw cables, on worker threads.
export { processCables } from './pool';
export { BatchProcessor } from './process-batch';
export { skipRepeatedCopies, type SkippedCopy } from './repeated-copies';
export { DEFAULT_PROCESS_OPTIONS, type ProcessedCable, type ProcessOptions } from './types';
