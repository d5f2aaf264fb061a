// parse: RawCable → Cable.
export type * from './types';
export { parseCable, DEFAULT_PARSE_OPTIONS } from './parse';
export type { ParseOptions } from './parse';
export { canonicalCableId } from './ids';
