// An append-only file of length-prefixed records, read back by offset: the record store's disk.
import * as fs from 'fs';
import * as path from 'path';

/** Bytes buffered before a write to disk: big enough that syscalls do not matter. */
const FLUSH_AT = 1 << 20;

/**
 * An append-only temporary file of UTF-8 text with positional reads: what a build keeps on disk
 * instead of in memory (cable records, edge lines). Synchronous, since every caller is a loop that
 * has nothing else to do meanwhile.
 */
export class Spool {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.fd = fs.openSync(file, 'w+');
  }

  /** Appends text; returns its byte offset and length. */
  append(text: string): { offset: number; length: number } {
    const length = Buffer.byteLength(text);
    const offset = this.written + this.pendingBytes;
    this.pending.push(text);
    this.pendingBytes += length;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
    return { offset, length };
  }

  /** Total bytes appended so far. */
  get size(): number {
    return this.written + this.pendingBytes;
  }

  flush(): void {
    if (this.pendingBytes === 0) return;
    const buffer = Buffer.from(this.pending.join(''));
    try {
      for (let done = 0; done < buffer.length;)
        done += fs.writeSync(this.fd, buffer, done, buffer.length - done, this.written + done);
    } catch (error) {
      // writeSync's errors (a full disk) name no file: say which.
      (error as NodeJS.ErrnoException).path ??= this.file;
      throw error;
    }
    this.written += buffer.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  read(offset: number, length: number): string {
    const buffer = Buffer.allocUnsafe(length);
    this.readInto(buffer, offset, length);
    return buffer.toString('utf8');
  }

  /** Reads `length` bytes at `offset` into the start of `buffer` (a caller's reused buffer: no allocation per read). */
  readInto(buffer: Buffer, offset: number, length: number): void {
    if (offset + length > this.written) this.flush();
    for (let done = 0; done < length;) {
      const n = fs.readSync(this.fd, buffer, done, length - done, offset + done);
      if (n === 0) throw new Error(`${this.file}: short read at ${offset + done}`);
      done += n;
    }
  }

  /** The whole content, in chunks (for copying it into the graph file). */
  *chunks(size = FLUSH_AT): Generator<Buffer> {
    this.flush();
    for (let offset = 0; offset < this.written; offset += size) {
      const length = Math.min(size, this.written - offset);
      const buffer = Buffer.allocUnsafe(length);
      for (let done = 0; done < length;) done += fs.readSync(this.fd, buffer, done, length - done, offset + done);
      yield buffer;
    }
  }

  /** Closes and deletes the file. */
  remove(): void {
    try {
      fs.closeSync(this.fd);
    } finally {
      fs.rmSync(this.file, { force: true });
    }
  }
}
