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
  /**
   * The record's cable and mentions as JSON (`JSON.stringify` of each), when the store keeps them
   * so: a writer can hand these strings on instead of serializing the parsed record again.
   */
  json?(i: number): { cable: string; mentions: string };
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
    // One read per record (its cable and mentions lie side by side) into one reused buffer; the
    // last record's strings are kept for json(i), asked right after get(i) by the build's writer.
    let buffer = Buffer.allocUnsafe(1 << 16);
    let last = -1;
    let lastParts: [string, string] = ['', ''];
    const parts = (i: number): [string, string] => {
      if (i === last) return lastParts;
      const e = sorted[i];
      const length = e.cableLength + e.mentionsLength;
      if (buffer.length < length) buffer = Buffer.allocUnsafe(Math.max(length, 2 * buffer.length));
      spool.readInto(buffer, e.offset, length);
      lastParts = [buffer.toString('utf8', 0, e.cableLength), buffer.toString('utf8', e.cableLength, length)];
      last = i;
      return lastParts;
    };
    return {
      length: sorted.length,
      get: (i) => {
        const [cable, mentions] = parts(i);
        return {
          cable: JSON.parse(cable) as CableRecord['cable'],
          mentions: JSON.parse(mentions) as CableRecord['mentions'],
          versions: sorted[i].versions,
        };
      },
      line: (i) => {
        const [cable, mentions] = parts(i);
        return `{"record":{"cable":${cable},"mentions":${mentions},"versions":${JSON.stringify(sorted[i].versions satisfies CableVersion[])}}}\n`;
      },
      json: (i) => {
        const [cable, mentions] = parts(i);
        return { cable, mentions };
      },
    };
  }

  remove(): void {
    this.spool.remove();
  }
}
