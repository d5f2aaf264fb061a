// ingest: paths, globs, stdin → AsyncIterable<RawCable>; one reader per format, detected from content.
export type { RawCable, SourceFormat, SourceLocation, EntityAnnotation, ContainerMetadata } from './types';
export { readCables, readCableText, type ReadOptions } from './read';
export { detectFormat } from './detect';
export { readCableViewerPage, type CableViewerPage } from './html';
export { readAnnotatedText, type AnnotatedText } from './annotated';
export { renderMarkdownCable, renderPlainCable } from './text';
export { readCablesCsv, BackslashQuoteNormalizer, CABLES_CSV_COLUMNS } from './csv';
export { decodeCableBytes } from './decode';
export { expandInputs, type Source } from './sources';
export { BudgetExceeded, Deadline, DEFAULT_READ_BUDGET, type ReadBudget } from './budget';
