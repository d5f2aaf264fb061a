// parse: RawCable → Cable. (Skeleton: the field parsers are being written.)
export type * from './types';
