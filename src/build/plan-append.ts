// `build --append --dry-run`: reads the new cables and says what appending them would change, writing nothing.
import * as os from 'os';
import * as path from 'path';
import { CablegraphError } from '../common/diagnostics';
import { cableRecords, openGraphDb, readMeta } from '../db';
import { RecordStore } from '../graph';
import { appendFootprint, StoredCables, type AppendFootprint } from './append-footprint';
import type { BuildReporter } from './build-database';
import { extractorSetting, type BuildOptions } from './options';
import { readInputsInto } from './read-inputs';

/**
 * The footprint of appending `options.inputs` to `options.output` (see appendFootprint), with the
 * seconds spent reading. The database must exist (it is opened read-only). Undefined when no cable
 * could be read.
 */
export async function planAppend(
  options: BuildOptions,
  report: BuildReporter,
): Promise<(AppendFootprint & { readSeconds: number }) | undefined> {
  const started = Date.now();
  const extractor = extractorSetting(options.extractor);
  const db = openGraphDb(options.output);
  const store = new RecordStore(
    path.join(os.tmpdir(), `.cablegraph-plan.${path.basename(options.output)}.${process.pid}.records.tmp`),
  );
  try {
    const meta = readMeta(db);
    if (meta.extractor !== extractor.name && !options.force)
      throw new CablegraphError(
        'EXTRACTOR_MISMATCH',
        `${options.output} was built with --ner ${meta.extractor}; appending with --ner ${extractor.name} would mix their entities (--force to see the footprint anyway)`,
        { file: options.output },
      );
    const stored = new StoredCables();
    for (const record of cableRecords(db)) {
      stored.add(record.cable.id);
      store.add(record);
    }
    const sources = options.inputs.length > 0 ? options.inputs : ['-'];
    const { ids: incoming } = await readInputsInto(
      store,
      sources,
      { extractor: extractor.name, workers: options.workers, budget: options.budget },
      report,
    );
    if (incoming.size === 0) return undefined;
    stored.hashRereadFrom(db, incoming);
    const readSeconds = (Date.now() - started) / 1000;
    return { ...appendFootprint(db, store.sorted(), stored, incoming), readSeconds };
  } finally {
    db.close();
    store.remove();
  }
}
