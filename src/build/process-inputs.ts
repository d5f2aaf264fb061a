// The per-cable stages of every run, composed once: ingest → (repeated copies skipped) → parse + extract on workers.
import type { Diagnostic } from '../common/diagnostics';
import type { ExtractorName } from '../extract/types';
import { readCables } from '../ingest';
import type { ReadBudget } from '../ingest/budget';
import { DEFAULT_PROCESS_OPTIONS, processCables, skipRepeatedCopies, type ProcessedCable } from '../pipeline';
import { FILES_IN_FLIGHT } from './options';

export interface ProcessInputsOptions {
  extractor: ExtractorName | 'none';
  workers: number;
  budget: ReadBudget;
  /** Reference id for an input that carries none (single-cable runs). */
  id?: string;
  /**
   * Files read side by side, cables taken as they finish (true), or one file at a time in input
   * order (false: what resolution must see when its output is printed in input order).
   */
  unordered: boolean;
  /** Skip a cable read twice in one run (its page and its cables.csv row); called for each. */
  onRepeatedCopy?: () => void;
  onDiagnostic: (d: Diagnostic) => void;
}

/** Each input cable parsed, with its mentions (none with extractor `none`). */
export function processInputs(sources: string[], options: ProcessInputsOptions): AsyncGenerator<ProcessedCable> {
  const read = readCables(sources, {
    onDiagnostic: options.onDiagnostic,
    budget: options.budget,
    concurrency: options.unordered ? FILES_IN_FLIGHT : 1,
  });
  const raws = options.onRepeatedCopy ? skipRepeatedCopies(read, options.onRepeatedCopy) : read;
  // Without extraction a cable goes out as soon as it is parsed (a batch only amortizes the extractor and the workers' messages).
  const batchSize = options.extractor === 'none' ? 1 : DEFAULT_PROCESS_OPTIONS.batchSize;
  return processCables(raws, {
    ner: options.extractor,
    workers: options.workers,
    batchSize,
    ...(options.id !== undefined ? { id: options.id } : {}),
  });
}
