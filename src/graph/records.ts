// A processed cable as the graph keeps it (a CableRecord): slimmed cable, mentions and versions.
import { createHash } from 'crypto';
import type { Cable } from '../parse/types';
import type { ProcessedCable } from '../pipeline/types';
import type { CableRecord, CableVersion } from './types';

/** The cable as the graph file keeps it: no duplicated paragraph text, no diagnostics or annotations. */
export function slimCable(cable: Cable): Cable {
  const { annotations: _annotations, diagnostics: _diagnostics, ...rest } = cable;
  return { ...rest, paragraphs: cable.paragraphs.map((p) => ({ ...p, text: '' })), diagnostics: [] };
}

/** Content hash of a processed cable (ignores where it was read from). */
export function contentHash(record: Pick<CableRecord, 'cable' | 'mentions'>): string {
  const { source: _source, ...cable } = record.cable;
  return createHash('sha1')
    .update(JSON.stringify([cable, record.mentions]))
    .digest('hex')
    .slice(0, 16);
}

export function toCableRecord(processed: ProcessedCable): CableRecord {
  const cable = slimCable(processed.cable);
  const record: CableRecord = { cable, mentions: processed.mentions, versions: [] };
  const version: CableRecord['versions'][number] = { file: cable.source.file, hash: contentHash(record) };
  if (cable.source.row !== undefined) version.row = cable.source.row;
  if (cable.released !== undefined) version.released = cable.released;
  record.versions.push(version);
  return record;
}

/**
 * Versions in a fixed order — oldest release first (undated first), then file, row and hash — so
 * the file does not depend on which copy was read first (a build of A then `--append` B equals a
 * build of B then `--append` A whenever release dates tell the copies apart).
 */
function byVersion(a: CableVersion, b: CableVersion): number {
  const key = (v: CableVersion): string[] => [
    v.released ?? '',
    v.file,
    v.row === undefined ? '' : String(v.row).padStart(12, '0'),
    v.hash,
  ];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

/** What merging needs of a record: its id, release date and versions (records, or their index entries on disk). */
export interface MergeableRecord {
  cable: { id: string; released?: string };
  versions: CableVersion[];
}

/**
 * Adds one record to `byId` (see mergeRecords). The copy kept is the one whose version sorts last
 * (latest release, then file, row and hash), and of identical copies (same hash) the version
 * recorded is the one that sorts last: never the order of arrival, which changes from run to run
 * when files are read side by side. The current record's own version is the last of its versions
 * (that rule made it the winner).
 */
export function mergeRecord<R extends MergeableRecord>(byId: Map<string, R>, record: R): void {
  const current = byId.get(record.cable.id);
  if (!current) {
    byId.set(record.cable.id, record);
    return;
  }
  const byHash = new Map<string, CableVersion>();
  for (const v of [...current.versions, ...record.versions]) {
    const kept = byHash.get(v.hash);
    if (!kept || byVersion(v, kept) > 0) byHash.set(v.hash, v);
  }
  const versions = [...byHash.values()].sort(byVersion);
  const mine = record.versions[record.versions.length - 1];
  const theirs = current.versions[current.versions.length - 1];
  const winner = mine !== undefined && theirs !== undefined && byVersion(mine, theirs) > 0 ? record : current;
  byId.set(record.cable.id, { ...winner, versions });
}

/**
 * One record per cable id: a cable read twice (an older and a corrected copy) is kept once, the
 * latest, with every distinct version recorded. Identical re-reads change nothing.
 */
export function mergeRecords<R extends MergeableRecord = CableRecord>(
  existing: Iterable<R>,
  incoming: Iterable<R>,
): Map<string, R> {
  const byId = new Map<string, R>();
  for (const record of existing) mergeRecord(byId, record);
  for (const record of incoming) mergeRecord(byId, record);
  return byId;
}
