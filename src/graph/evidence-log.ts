// The co-mention evidence on disk, in buckets read back one at a time (memory stays flat at corpus scale).
import * as fs from 'fs';
import * as path from 'path';
import { IntList } from '../common/int-list';

/** Integers buffered per bucket before a write to disk (64 KB). */
const BUFFER_INTS = 1 << 14;

/**
 * An append-only log of integers in buckets, read back one bucket at a time: where a build keeps
 * the co-mention evidence (pair, cable, shared paragraphs) between counting and writing. In memory
 * by default; with a directory, each bucket is a temporary file and memory holds only a small
 * buffer per bucket — at full-corpus scale the evidence is a few hundred million integers, more
 * than the rest of the build together.
 */
export class EvidenceLog {
  private readonly memory: IntList[] = [];
  private readonly files: Array<{ fd: number; buffer: Int32Array; used: number; written: number }> = [];

  /**
   * @param buckets how many buckets (reads return one at a time)
   * @param directory spill to files in this directory (created; removed by `remove`)
   */
  constructor(
    readonly buckets: number,
    private readonly directory?: string,
  ) {
    if (directory === undefined) {
      for (let b = 0; b < buckets; b += 1) this.memory.push(new IntList());
      return;
    }
    fs.mkdirSync(directory, { recursive: true });
    for (let b = 0; b < buckets; b += 1) {
      this.files.push({
        fd: fs.openSync(path.join(directory, `bucket-${b}.i32`), 'w+'),
        buffer: new Int32Array(BUFFER_INTS),
        used: 0,
        written: 0,
      });
    }
  }

  push(bucket: number, value: number): void {
    if (this.directory === undefined) {
      this.memory[bucket].push(value);
      return;
    }
    const file = this.files[bucket];
    if (file.used === BUFFER_INTS) this.flush(bucket);
    file.buffer[file.used++] = value;
  }

  /** Bucket `bucket`'s integers in the order they were pushed (a copy when spilled: read once). */
  read(bucket: number): Int32Array {
    if (this.directory === undefined) return this.memory[bucket].view();
    this.flush(bucket);
    const { fd, written: size } = this.files[bucket];
    const values = new Int32Array(size / 4);
    const bytes = Buffer.from(values.buffer);
    for (let done = 0; done < size;) {
      const n = fs.readSync(fd, bytes, done, size - done, done);
      if (n === 0) throw new Error(`${this.directory}: short read of evidence bucket ${bucket}`);
      done += n;
    }
    return values;
  }

  /** Closes and deletes the files (the directory too). */
  remove(): void {
    if (this.directory === undefined) return;
    for (const { fd } of this.files) fs.closeSync(fd);
    this.files.length = 0;
    fs.rmSync(this.directory, { recursive: true, force: true });
  }

  private flush(bucket: number): void {
    const file = this.files[bucket];
    if (file.used === 0) return;
    const bytes = Buffer.from(file.buffer.buffer, 0, file.used * 4);
    for (let done = 0; done < bytes.length;)
      done += fs.writeSync(file.fd, bytes, done, bytes.length - done, file.written + done);
    file.written += bytes.length;
    file.used = 0;
  }
}
