// ingest: paths, globs, stdin → AsyncIterable<RawCable>. (Skeleton: the readers are being written.)
export type { RawCable, SourceFormat, SourceLocation, EntityAnnotation, ContainerMetadata } from './types';
