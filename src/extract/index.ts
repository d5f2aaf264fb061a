// extract: entity extractors behind one interface, created by name and loaded on first use.
import { CablegraphError } from '../common/diagnostics';
import type { BuiltinOptions } from './builtin';
import { DEFAULT_EXTRACTOR, type Extractor, type ExtractorName } from './types';

export type * from './types';
export type { AnnotatedExtractor } from './annotated';
export type { BuiltinExtractor } from './builtin';
export type { TaggerExtractor } from './tagger';
export { ENTITY_TYPES } from '../model';

export interface ExtractorOptions extends BuiltinOptions {
  /** Options passed to the CoreNLP extractor (server URL, batch size …). */
  corenlp?: Record<string, unknown>;
}

/**
 * Creates an extractor by name: `tagger` (default: the rules, then the trained tagger), `builtin`
 * (the rules alone), `annotated`, `corenlp`. Each is
 * loaded here, on first use (the builtin extractor's gazetteers take a second to load: commands
 * that extract nothing never pay it).
 */
export function createExtractor(name: ExtractorName = DEFAULT_EXTRACTOR, options: ExtractorOptions = {}): Extractor {
  switch (name) {
    case 'builtin':
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return new (require('./builtin') as typeof import('./builtin')).BuiltinExtractor(options);
    case 'annotated':
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return new (require('./annotated') as typeof import('./annotated')).AnnotatedExtractor();
    case 'tagger':
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return new (require('./tagger') as typeof import('./tagger')).TaggerExtractor();
    case 'corenlp': {
      let mod: { CoreNlpExtractor?: new (o?: Record<string, unknown>) => Extractor };
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        mod = require('./corenlp') as typeof mod;
      } catch (cause) {
        throw new CablegraphError('EXTRACTOR_UNAVAILABLE', 'the corenlp extractor is not available in this build', {
          cause,
        });
      }
      if (!mod.CoreNlpExtractor)
        throw new CablegraphError('EXTRACTOR_UNAVAILABLE', 'src/extract/corenlp does not export CoreNlpExtractor');
      return new mod.CoreNlpExtractor(options.corenlp);
    }
    default:
      throw new CablegraphError('UNKNOWN_EXTRACTOR', `unknown extractor: ${String(name)}`);
  }
}
