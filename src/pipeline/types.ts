// Types of the per-cable stages: a processed cable, their options, and the worker messages.
import { DEFAULT_EXTRACTOR, type ExtractorName } from '../extract/types';
import type { Cable } from '../parse/types';
import type { Mention } from '../model';

/** One cable through the per-cable stages: parsed, and its entity mentions. */
export interface ProcessedCable {
  cable: Cable;
  mentions: Mention[];
}

export interface ProcessOptions {
  /** Entity extractor; `none` skips extraction. */
  ner: ExtractorName | 'none';
  /** Reference id for inputs that carry none (single-cable runs). */
  id?: string;
  /** Worker threads for parse + extract; 0 runs them on the main thread. */
  workers: number;
  /** Cables per message to a worker (amortizes structured-clone and message costs). */
  batchSize: number;
}

export const DEFAULT_PROCESS_OPTIONS: ProcessOptions = { ner: DEFAULT_EXTRACTOR, workers: 0, batchSize: 64 };

/** The message a worker receives, and the one it answers with. */
export interface WorkerRequest {
  seq: number;
  raws: import('../ingest/types').RawCable[];
}
export interface WorkerResponse {
  seq: number;
  results?: ProcessedCable[];
  error?: { message: string; code?: string };
}
