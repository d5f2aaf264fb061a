import { CablegraphError } from '../common/diagnostics';
import { AnnotatedExtractor } from './annotated';
import { BuiltinExtractor, type BuiltinOptions } from './builtin';
import { TaggerExtractor } from './tagger';
import type { Extractor, ExtractorName } from './types';

export type * from './types';
export { ENTITY_TYPES } from './types';
export { AnnotatedExtractor } from './annotated';
export { BuiltinExtractor } from './builtin';
export { TaggerExtractor } from './tagger';

export interface ExtractorOptions extends BuiltinOptions {
  /** Options passed to the CoreNLP extractor (server URL, batch size …). */
  corenlp?: Record<string, unknown>;
}

/** Creates an extractor by name: `builtin` (default), `tagger`, `annotated`, `corenlp`. */
export function createExtractor(name: ExtractorName = 'builtin', options: ExtractorOptions = {}): Extractor {
  switch (name) {
    case 'builtin':
      return new BuiltinExtractor(options);
    case 'annotated':
      return new AnnotatedExtractor();
    case 'tagger':
      return new TaggerExtractor();
    case 'corenlp': {
      let mod: { CoreNlpExtractor?: new (o?: Record<string, unknown>) => Extractor };
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        mod = require('./corenlp');
      } catch (cause) {
        throw new CablegraphError('EXTRACTOR_UNAVAILABLE', 'the corenlp extractor is not available in this build', { cause });
      }
      if (!mod.CoreNlpExtractor) throw new CablegraphError('EXTRACTOR_UNAVAILABLE', 'src/extract/corenlp does not export CoreNlpExtractor');
      return new mod.CoreNlpExtractor(options.corenlp);
    }
    default:
      throw new CablegraphError('UNKNOWN_EXTRACTOR', `unknown extractor: ${String(name)}`);
  }
}
