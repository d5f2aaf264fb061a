// The read stage of a build or an append plan: every input cable processed into the record store, progress reported.
import type { ExtractorName } from '../extract/types';
import { toCableRecord, type RecordStore } from '../graph';
import type { ReadBudget } from '../ingest/budget';
import type { BuildReporter } from './build-database';
import { processInputs } from './process-inputs';

/** The cables read (repeated copies skipped): how many, their ids, and how many copies were skipped. */
export interface InputsRead {
  cables: number;
  ids: Set<string>;
  copies: number;
}

/**
 * Reads, parses and extracts `sources` into `store`. Cables are taken as they come (files read side
 * by side, batches as workers finish them): the store keys them by id, so the graph does not depend
 * on the order of arrival. A cable's own errors are reported as they are found.
 */
export async function readInputsInto(
  store: RecordStore,
  sources: string[],
  options: { extractor: ExtractorName; workers: number; budget: ReadBudget },
  report: BuildReporter,
): Promise<InputsRead> {
  const read: InputsRead = { cables: 0, ids: new Set(), copies: 0 };
  const processed = processInputs(sources, {
    ...options,
    unordered: true,
    onRepeatedCopy: () => {
      read.copies += 1;
      report.tick();
    },
    onDiagnostic: (d) => report.diagnostic(d),
  });
  for await (const { cable, mentions } of processed) {
    cable.diagnostics.filter((d) => d.severity === 'error').forEach((d) => report.diagnostic(d));
    store.add(toCableRecord({ cable, mentions }));
    read.ids.add(cable.id);
    read.cables += 1;
    report.tick();
  }
  report.readDone();
  return read;
}
