// Parse + extract for a batch of raw cables: the unit of work of one worker message.
import { createExtractor } from '../extract';
import type { Extractor } from '../extract/types';
import type { RawCable } from '../ingest/types';
import { parseCable } from '../parse';
import type { ProcessedCable, ProcessOptions } from './types';

/** Parse + extract for a batch of raw cables: the unit of work of one worker message. */
export class BatchProcessor {
  private readonly extractor: Extractor | undefined;

  constructor(private readonly options: Pick<ProcessOptions, 'ner' | 'id'>) {
    this.extractor = options.ner === 'none' ? undefined : createExtractor(options.ner);
  }

  async process(raws: RawCable[]): Promise<ProcessedCable[]> {
    const cables = raws.map((raw) => parseCable(raw, this.options.id === undefined ? {} : { id: this.options.id }));
    const mentions = this.extractor ? await this.extractor.extract(cables) : cables.map(() => []);
    return cables.map((cable, i) => ({ cable, mentions: mentions[i] ?? [] }));
  }

  async close(): Promise<void> {
    await this.extractor?.close?.();
  }
}
