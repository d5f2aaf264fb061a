// Reading inputs: files, folders, globs and stdin → raw cables, files side by side, within budgets.
import * as fs from 'fs';
import { Readable } from 'stream';
import { DiagnosticLimiter, type Diagnostic } from '../common/diagnostics';
import { readAnnotatedText } from './annotated';
import { BudgetExceeded, Deadline, DEFAULT_READ_BUDGET, formatBytes, type ReadBudget } from './budget';
import { readCablesCsv } from './csv';
import { decodeCableBytes } from './decode';
import { detectFormat } from './detect';
import { readCableViewerPage } from './html';
import { expandInputs, reasonOf, type Source } from './sources';
import { renderMarkdownCable, renderPlainCable } from './text';
import type { RawCable, SourceFormat } from './types';

export interface ReadOptions {
  /** Called for every problem that is not attached to a cable (missing file, skipped file or row). */
  onDiagnostic?: (d: Diagnostic) => void;
  /** Force a format instead of detecting it from content. */
  format?: SourceFormat;
  /** Per-file limits (size, time); a file past them is skipped with one diagnostic. */
  budget?: Partial<ReadBudget>;
  /**
   * Files read at once. 1 (the default): cables come out in input order. More: files are started
   * smallest first and each file's cables come out as soon as it is read, so a big or slow file
   * holds back no good cable.
   */
  concurrency?: number;
}

/** Bytes read from the start of a file to decide whether it is a CSV dump (streamed) or one cable. */
const HEAD_BYTES = 64 * 1024;

interface OpenedSource {
  head: Buffer;
  /** Size in bytes, when known before reading (files; not stdin). */
  size?: number;
  stream: () => Readable;
}

async function readHead(source: Exclude<Source, { kind: 'problem' }>): Promise<OpenedSource> {
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
  // O_NONBLOCK: a file swapped for a FIFO after the walk looked at it must not block the open.
  const handle = await fs.promises.open(source.path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw Object.assign(new Error('not a regular file (a FIFO, socket or device?)'), { code: 'ENOTREG' });
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return { head: buffer.subarray(0, bytesRead), size: stat.size, stream: () => fs.createReadStream(source.path) };
  } finally {
    await handle.close();
  }
}

/** The whole stream, stopped (BudgetExceeded) past `maxBytes` or when the deadline passes, even if a read stalls. */
async function readAll(stream: Readable, budget: ReadBudget, deadline: Deadline): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new BudgetExceeded('time', `reading took longer than ${budget.maxMillis / 1000} s (--max-file-seconds)`),
        ),
      deadline.remaining(),
    );
  });
  timedOut.catch(() => undefined);
  const iterator = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), timedOut]);
      if (next.done) break;
      size += next.value.length;
      if (size > budget.maxBytes) throw tooLarge(size, budget, true);
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

function tooLarge(size: number, budget: ReadBudget, atLeast = false): BudgetExceeded {
  return new BudgetExceeded(
    'size',
    `${atLeast ? 'over ' : ''}${formatBytes(size)}, more than the ${formatBytes(budget.maxBytes)} allowed for one cable file (--max-file-size)`,
  );
}

/** One cable from the text of a single-cable file, in the given format. */
export function readCableText(
  text: string,
  format: Exclude<SourceFormat, 'csv'>,
  file: string,
  deadline: Deadline = Deadline.none(),
): RawCable {
  const raw: RawCable = { source: { file, line: 1 }, format, metadata: {}, body: '', diagnostics: [] };
  if (format === 'html' || (format === 'annotated' && /<pre[\s>]/i.test(text))) {
    const page = readCableViewerPage(text, deadline);
    raw.metadata = page.metadata;
    if (page.truncation)
      raw.diagnostics.push({
        severity: 'warning',
        rule: 'ingest:truncated-page',
        message: `truncated page: ${page.truncation}; kept what is there`,
        file,
      });
    const blocks = page.preBlocks;
    if (blocks.length === 0) {
      raw.diagnostics.push({
        severity: 'warning',
        rule: 'ingest:no-cable-text',
        message: 'no cable text (<pre> block) in this page',
        file,
      });
    }
    // Full pages: header block then text block. Partial extracts: the text block only.
    if (blocks.length >= 2) raw.header = blocks[0];
    const body = blocks.length >= 2 ? blocks.slice(1).join('\n') : (blocks[0] ?? '');
    if (format === 'annotated') {
      const { text: clean, annotations } = readAnnotatedText(body, deadline);
      raw.body = clean;
      raw.annotations = annotations;
    } else raw.body = body;
    return raw;
  }
  if (format === 'annotated') {
    const { text: clean, annotations } = readAnnotatedText(text, deadline);
    raw.body = clean;
    raw.annotations = annotations;
  } else raw.body = format === 'markdown' ? renderMarkdownCable(text) : renderPlainCable(text);
  return raw;
}

/**
 * Every cable in the inputs (files, directories, globs, `-` for stdin), as an async stream,
 * format detected per file from content. Problems never stop the run: they are reported
 * through `onDiagnostic` (skipped files and rows; a few per file and rule, then a count) or
 * attached to the cable (kept with a problem). A file past its budget (size, time) is skipped
 * with one diagnostic. With `concurrency` > 1, files are read side by side and each file's cables
 * come out when it is done.
 */
export async function* readCables(inputs: string[], options: ReadOptions = {}): AsyncGenerator<RawCable> {
  const report = options.onDiagnostic ?? (() => undefined);
  const budget: ReadBudget = { ...DEFAULT_READ_BUDGET, ...options.budget };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const sources = expandInputs(inputs);
  const read = (source: Source): AsyncGenerator<RawCable> =>
    readSource(source, { report, budget, ...(options.format ? { format: options.format } : {}) });
  if (concurrency === 1) {
    for await (const { source, opened } of readAhead(sources))
      yield* readSource(source, { report, budget, ...(options.format ? { format: options.format } : {}) }, opened);
    return;
  }
  yield* interleave(smallestFirst(sources), read, concurrency);
}

/**
 * The sources with files smallest first (stable; problems and stdin first): a cable is small, so
 * good cables are read before the big, slow files among them rather than after them.
 */
async function* smallestFirst(sources: AsyncIterable<Source>): AsyncGenerator<Source> {
  const files: Array<{ source: Source; size: number; index: number }> = [];
  for await (const source of sources) {
    if (source.kind === 'file') files.push({ source, size: 0, index: files.length });
    else yield source;
  }
  const STATS_AT_ONCE = 64;
  for (let i = 0; i < files.length; i += STATS_AT_ONCE) {
    await Promise.all(
      files.slice(i, i + STATS_AT_ONCE).map(async (entry) => {
        try {
          entry.size = (await fs.promises.stat((entry.source as { path: string }).path)).size;
        } catch {
          entry.size = 0; // reported when it is read
        }
      }),
    );
  }
  files.sort((a, b) => a.size - b.size || a.index - b.index);
  for (const { source } of files) yield source;
}

/**
 * The items of `expand(source)` for every source, up to `width` sources at a time, each item as
 * soon as it is ready (a source that stalls holds back only itself).
 */
async function* interleave<S, T>(
  sources: AsyncIterable<S>,
  expand: (source: S) => AsyncGenerator<T>,
  width: number,
): AsyncGenerator<T> {
  const pendingSources = sources[Symbol.asyncIterator]();
  let sourcesDone = false;
  type Step = { lane: AsyncGenerator<T>; result: IteratorResult<T> };
  const inFlight = new Map<AsyncGenerator<T>, Promise<Step>>();
  const advance = (lane: AsyncGenerator<T>): void => {
    inFlight.set(
      lane,
      lane.next().then((result) => ({ lane, result })),
    );
  };
  const fill = async (): Promise<void> => {
    while (!sourcesDone && inFlight.size < width) {
      const next = await pendingSources.next();
      if (next.done) sourcesDone = true;
      else advance(expand(next.value));
    }
  };
  try {
    await fill();
    while (inFlight.size > 0) {
      const { lane, result } = await Promise.race(inFlight.values());
      if (result.done) {
        inFlight.delete(lane);
        await fill();
        continue;
      }
      advance(lane);
      yield result.value;
    }
  } finally {
    await Promise.all([...inFlight.keys()].map((lane) => lane.return(undefined)));
  }
}

/** Files whose first bytes are read while earlier ones are parsed (hides disk latency in input-order reads). */
const READ_AHEAD = 16;

/** Starts reading the next few files' heads early; yields them in input order. stdin is never read ahead. */
async function* readAhead(
  sources: AsyncIterable<Source>,
): AsyncGenerator<{ source: Source; opened?: Promise<OpenedSource> }> {
  const queue: Array<{ source: Source; opened?: Promise<OpenedSource> }> = [];
  for await (const source of sources) {
    if (source.kind === 'file') {
      const opened = readHead(source);
      opened.catch(() => undefined); // handled when its turn comes
      queue.push({ source, opened });
    } else {
      while (queue.length > 0) yield queue.shift()!;
      queue.push({ source });
    }
    if (queue.length >= READ_AHEAD) yield queue.shift()!;
  }
  while (queue.length > 0) yield queue.shift()!;
}

interface SourceContext {
  report: (d: Diagnostic) => void;
  budget: ReadBudget;
  format?: SourceFormat;
}

/** The cables of one source; its diagnostics limited to a few per rule, then a count. */
async function* readSource(
  source: Source,
  context: SourceContext,
  opened?: Promise<OpenedSource>,
): AsyncGenerator<RawCable> {
  const limiter = new DiagnosticLimiter(context.report);
  const report = (d: Diagnostic): void => limiter.add(d);
  try {
    yield* readSourceCables(source, { ...context, report }, opened);
  } finally {
    limiter.flush();
  }
}

async function* readSourceCables(
  source: Source,
  { report, budget, format: forced }: SourceContext,
  early?: Promise<OpenedSource>,
): AsyncGenerator<RawCable> {
  const file = source.display;
  if (source.kind === 'problem') {
    report(source.diagnostic);
    return;
  }
  const deadline = new Deadline(budget.maxMillis);
  const skipped = (error: unknown): void => {
    if (error instanceof BudgetExceeded)
      report({ severity: 'error', rule: 'ingest:budget', message: `skipped: ${error.message}`, file });
    else report({ severity: 'error', rule: 'ingest:unreadable', message: `cannot read: ${reasonOf(error)}`, file });
  };
  let opened: OpenedSource;
  try {
    opened = await (early ?? readHead(source));
  } catch (error) {
    skipped(error);
    return;
  }
  const sniffed = decodeCableBytes(opened.head, file);
  const headFormat = forced ?? (sniffed.text !== undefined ? detectFormat(sniffed.text, file) : undefined);
  if (headFormat === 'csv') {
    yield* readCablesCsv(opened.stream(), file, report, budget.maxBytes);
    return;
  }
  let raw: RawCable | undefined;
  let csvBytes: Buffer | undefined;
  try {
    if (opened.size !== undefined && opened.size > budget.maxBytes) throw tooLarge(opened.size, budget);
    const bytes = opened.head.length < HEAD_BYTES ? opened.head : await readAll(opened.stream(), budget, deadline);
    const decoded = bytes === opened.head ? sniffed : decodeCableBytes(bytes, file);
    if (decoded.text === undefined) {
      decoded.diagnostics.forEach(report);
      return;
    }
    const format = forced ?? detectFormat(decoded.text, file);
    if (format === 'csv') csvBytes = bytes;
    else {
      raw = readCableText(decoded.text, format, file, deadline);
      raw.diagnostics.unshift(...decoded.diagnostics);
    }
  } catch (error) {
    skipped(error);
    return;
  }
  if (csvBytes) yield* readCablesCsv(Readable.from([csvBytes]), file, report, budget.maxBytes);
  else if (raw) yield raw;
}
