import * as fs from 'fs';
import { Readable } from 'stream';
import type { Diagnostic } from '../common/diagnostics';
import { readAnnotatedText } from './annotated';
import { readCablesCsv } from './csv';
import { decodeCableBytes } from './decode';
import { detectFormat } from './detect';
import { readCableViewerPage } from './html';
import { expandInputs, type Source } from './sources';
import { renderMarkdownCable, renderPlainCable } from './text';
import type { RawCable, SourceFormat } from './types';

export interface ReadOptions {
  /** Called for every problem that is not attached to a cable (missing file, skipped file or row). */
  onDiagnostic?: (d: Diagnostic) => void;
  /** Force a format instead of detecting it from content. */
  format?: SourceFormat;
}

/** Bytes read from the start of a file to decide whether it is a CSV dump (streamed) or one cable. */
const HEAD_BYTES = 64 * 1024;

async function readHead(source: Exclude<Source, { kind: 'problem' }>): Promise<{ head: Buffer; stream: () => Readable }> {
  if (source.kind === 'stdin') {
    // stdin cannot be reopened: buffer what we sniff and replay it ahead of the rest.
    // Pull-mode reads: breaking out of `for await` would destroy stdin and lose the rest.
    const stdin = process.stdin;
    const chunks: Buffer[] = [];
    let size = 0;
    await new Promise<void>((resolve, reject) => {
      const finish = (): void => {
        stdin.off('readable', onReadable).off('end', finish).off('error', reject);
        resolve();
      };
      const onReadable = (): void => {
        let chunk: Buffer | null;
        while (size < HEAD_BYTES && (chunk = stdin.read() as Buffer | null) !== null) {
          chunks.push(chunk);
          size += chunk.length;
        }
        if (size >= HEAD_BYTES) finish();
      };
      stdin.on('readable', onReadable).on('end', finish).on('error', reject);
    });
    const head = Buffer.concat(chunks);
    const rest = stdin.readableEnded ? null : stdin;
    return {
      head,
      stream: () =>
        Readable.from(
          (async function* () {
            yield head;
            if (rest) for await (const chunk of rest as AsyncIterable<Buffer>) yield chunk;
          })(),
        ),
    };
  }
  const handle = await fs.promises.open(source.path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return { head: buffer.subarray(0, bytesRead), stream: () => fs.createReadStream(source.path) };
  } finally {
    await handle.close();
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** One cable from the text of a single-cable file, in the given format. */
export function readCableText(text: string, format: Exclude<SourceFormat, 'csv'>, file: string): RawCable {
  const raw: RawCable = { source: { file, line: 1 }, format, metadata: {}, body: '', diagnostics: [] };
  if (format === 'html' || (format === 'annotated' && /<pre[\s>]/i.test(text))) {
    const page = readCableViewerPage(text);
    raw.metadata = page.metadata;
    if (page.truncation) raw.diagnostics.push({ severity: 'warning', rule: 'ingest:truncated-page', message: `truncated page: ${page.truncation}; kept what is there`, file });
    const blocks = page.preBlocks;
    if (blocks.length === 0) {
      raw.diagnostics.push({ severity: 'warning', rule: 'ingest:no-cable-text', message: 'no cable text (<pre> block) in this page', file });
    }
    // Full pages: header block then text block. Partial extracts: the text block only.
    if (blocks.length >= 2) raw.header = blocks[0];
    const body = blocks.length >= 2 ? blocks.slice(1).join('\n') : (blocks[0] ?? '');
    if (format === 'annotated') {
      const { text: clean, annotations } = readAnnotatedText(body);
      raw.body = clean;
      raw.annotations = annotations;
    } else raw.body = body;
    return raw;
  }
  if (format === 'annotated') {
    const { text: clean, annotations } = readAnnotatedText(text);
    raw.body = clean;
    raw.annotations = annotations;
  } else raw.body = format === 'markdown' ? renderMarkdownCable(text) : renderPlainCable(text);
  return raw;
}

/** Files whose first bytes are read while earlier ones are parsed (hides disk latency). */
const READ_AHEAD = 16;

/** Starts reading the next few sources early; yields them in input order. stdin is never read ahead. */
async function* readAhead(sources: AsyncIterable<Source>): AsyncGenerator<{ source: Source; opened: Promise<Awaited<ReturnType<typeof readHead>>> }> {
  const queue: Array<{ source: Source; opened: Promise<Awaited<ReturnType<typeof readHead>>> }> = [];
  for await (const source of sources) {
    if (source.kind === 'problem') {
      queue.push({ source, opened: Promise.reject(new Error(source.diagnostic.message)) });
      queue[queue.length - 1]!.opened.catch(() => undefined);
      if (queue.length >= READ_AHEAD) yield queue.shift()!;
      continue;
    }
    if (source.kind === 'stdin') {
      while (queue.length > 0) yield queue.shift()!;
      yield { source, opened: readHead(source) };
      continue;
    }
    const opened = readHead(source);
    opened.catch(() => undefined); // handled when its turn comes
    queue.push({ source, opened });
    if (queue.length >= READ_AHEAD) yield queue.shift()!;
  }
  while (queue.length > 0) yield queue.shift()!;
}

/**
 * Every cable in the inputs (files, directories, globs, `-` for stdin), as an async stream,
 * format detected per file from content. Problems never stop the run: they are reported
 * through `onDiagnostic` (skipped files and rows) or attached to the cable (kept with a problem).
 */
export async function* readCables(inputs: string[], options: ReadOptions = {}): AsyncGenerator<RawCable> {
  const report = options.onDiagnostic ?? (() => undefined);
  for await (const { source, opened: pending } of readAhead(expandInputs(inputs))) {
    const file = source.display;
    if (source.kind === 'problem') {
      report(source.diagnostic);
      continue;
    }
    let opened: Awaited<ReturnType<typeof readHead>>;
    try {
      opened = await pending;
    } catch (error) {
      report({ severity: 'error', rule: 'ingest:unreadable', message: `cannot read: ${(error as Error).message}`, file });
      continue;
    }
    const sniffed = decodeCableBytes(opened.head, file);
    const headFormat = options.format ?? (sniffed.text !== undefined ? detectFormat(sniffed.text, file) : undefined);
    if (headFormat === 'csv') {
      yield* readCablesCsv(opened.stream(), file, report);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = opened.head.length < HEAD_BYTES ? opened.head : await readAll(opened.stream());
    } catch (error) {
      report({ severity: 'error', rule: 'ingest:unreadable', message: `cannot read: ${(error as Error).message}`, file });
      continue;
    }
    const decoded = bytes === opened.head ? sniffed : decodeCableBytes(bytes, file);
    if (decoded.text === undefined) {
      decoded.diagnostics.forEach(report);
      continue;
    }
    const format = options.format ?? detectFormat(decoded.text, file);
    if (format === 'csv') {
      yield* readCablesCsv(Readable.from([bytes]), file, report);
      continue;
    }
    const raw = readCableText(decoded.text, format, file);
    raw.diagnostics.unshift(...decoded.diagnostics);
    yield raw;
  }
}
