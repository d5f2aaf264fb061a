// Cable records spooled to disk as they come, then read back in cable-id order.
import { mergeRecord, mergeRecords, type MergeableRecord } from './records';
import { Spool } from './spool';
import type { CableRecord, CableVersion } from './types';

/** Cable records in cable-id order, one record at a time: what building a graph reads. */
export interface SortedRecords {
  readonly length: number;
  get(i: number): CableRecord;
  /** The record's line of the graph file (`{"record":…}`), newline included. */
  line(i: number): string;
}

const byId = (a: MergeableRecord, b: MergeableRecord): number =>
  a.cable.id < b.cable.id ? -1 : a.cable.id > b.cable.id ? 1 : 0;

/** Records held in memory (tests, small builds): merged (one per id) and sorted. */
export function sortedInMemory(records: Iterable<CableRecord>): SortedRecords {
  const sorted = [...mergeRecords([], records).values()].sort(byId);
  return { length: sorted.length, get: (i) => sorted[i], line: (i) => `${JSON.stringify({ record: sorted[i] })}\n` };
}

/** Where a record's JSON lies in the store's file: enough to merge versions without reading it. */
interface Entry extends MergeableRecord {
  offset: number;
  cableLength: number;
  mentionsLength: number;
}

/**
 * Cable records kept on disk as they arrive (a temporary file), with only id, release date,
 * versions and file position in memory: a build of 250,000 cables holds ~20 KB less per cable.
 * Records are merged as in mergeRecords (one per id, versions recorded) and read back in id order.
 */
export class RecordStore {
  private readonly spool: Spool;
  private readonly entries = new Map<string, Entry>();

  constructor(file: string) {
    this.spool = new Spool(file);
  }

  add(record: CableRecord): void {
    const cable = JSON.stringify(record.cable);
    const mentions = JSON.stringify(record.mentions);
    const { offset, length: cableLength } = this.spool.append(cable);
    const { length: mentionsLength } = this.spool.append(mentions);
    const key: Entry['cable'] = { id: record.cable.id };
    if (record.cable.released !== undefined) key.released = record.cable.released;
    mergeRecord(this.entries, { cable: key, versions: record.versions, offset, cableLength, mentionsLength });
  }

  get size(): number {
    return this.entries.size;
  }

  sorted(): SortedRecords {
    const sorted = [...this.entries.values()].sort(byId);
    const spool = this.spool;
    const parts = (e: Entry): [string, string] => [
      spool.read(e.offset, e.cableLength),
      spool.read(e.offset + e.cableLength, e.mentionsLength),
    ];
    return {
      length: sorted.length,
      get: (i) => {
        const e = sorted[i];
        const [cable, mentions] = parts(e);
        return {
          cable: JSON.parse(cable) as CableRecord['cable'],
          mentions: JSON.parse(mentions) as CableRecord['mentions'],
          versions: e.versions,
        };
      },
      // JSON.stringify({record}) composed from the stored parts: the same bytes, no parse.
      line: (i) => {
        const e = sorted[i];
        const [cable, mentions] = parts(e);
        return `{"record":{"cable":${cable},"mentions":${mentions},"versions":${JSON.stringify(e.versions satisfies CableVersion[])}}}\n`;
      },
    };
  }

  remove(): void {
    this.spool.remove();
  }
}
