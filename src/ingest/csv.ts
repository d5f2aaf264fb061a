// The cables.csv reader: streamed rows, one raw cable each, bounded per row.
import { Transform, type Readable, type TransformCallback } from 'stream';
import { parse, type Info } from 'csv-parse';
import type { Diagnostic } from '../common/diagnostics';
import { DEFAULT_READ_BUDGET } from './budget';
import type { RawCable } from './types';

/** cables.csv columns, unnamed in the file: row number, date, id, origin, classification, references, header, text. */
export const CABLES_CSV_COLUMNS = [
  'row',
  'date',
  'referenceId',
  'origin',
  'classification',
  'references',
  'header',
  'text',
] as const;

/**
 * Rewrites backslash-escaped quotes (`\"`, used by the circulating cables.csv dump) into
 * RFC 4180 doubled quotes (`""`), so one CSV parser reads both dialects. `\\` is passed through
 * as a pair, so an escaped backslash before a closing quote (`\\"`) is not taken for `\"`.
 */
export class BackslashQuoteNormalizer extends Transform {
  private carry = '';

  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer | string, _enc: BufferEncoding, done: TransformCallback): void {
    let text = this.carry + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    this.carry = '';
    // A backslash at the very end may pair with the next chunk's first character.
    let trailing = 0;
    while (trailing < text.length && text[text.length - 1 - trailing] === '\\') trailing += 1;
    if (trailing % 2 === 1) {
      this.carry = '\\';
      text = text.slice(0, -1);
    }
    done(
      null,
      text.indexOf('\\') < 0 ? text : text.replace(/\\([\\"])/g, (_m, c: string) => (c === '"' ? '""' : '\\\\')),
    );
  }

  override _flush(done: TransformCallback): void {
    done(null, this.carry);
  }
}

interface CsvRecord {
  record: string[];
  info: Info;
}

/**
 * Streams cables.csv row by row (csv-parse; never the whole file in memory). Rows with the
 * wrong number of columns, and rows the parser cannot read, are reported with their row and
 * line and skipped; the rows around them are still read.
 *
 * Linear in the input, whatever it holds: a stray quote inside a field is kept as text
 * (`relax_quotes`; csv-parse's error for it quoted the whole field so far, so a field of stray
 * quotes was quadratic and gave one error per quote), and a row longer than `maxRowChars` (an
 * unclosed quote swallowing the file) is skipped with an error instead of growing without end.
 */
export async function* readCablesCsv(
  input: Readable,
  file: string,
  report: (d: Diagnostic) => void,
  maxRowChars = DEFAULT_READ_BUDGET.maxBytes,
): AsyncGenerator<RawCable> {
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: Number.isFinite(maxRowChars) ? Math.floor(maxRowChars) : 0, // 0: no limit
    skip_records_with_error: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
  });
  parser.on('skip', (error: Error & { lines?: number; records?: number }) => {
    report({
      severity: 'warning',
      rule: 'ingest:csv-unreadable-row',
      message: `unreadable CSV row skipped: ${error.message.replace(/\s+/g, ' ')}`,
      file,
      line: error.lines,
      row: (error.records ?? 0) + 1,
    });
  });
  input.setEncoding('utf8');
  const records = input.pipe(new BackslashQuoteNormalizer()).pipe(parser);
  input.on('error', (error) => parser.destroy(error));

  let previousEndLine = 0;
  try {
    for await (const { record, info } of records as AsyncIterable<CsvRecord>) {
      const row = info.records;
      const line = previousEndLine + 1;
      previousEndLine = info.lines;
      if (record.length !== CABLES_CSV_COLUMNS.length) {
        report({
          severity: 'warning',
          rule: 'ingest:csv-column-count',
          message: `row has ${record.length} columns, expected ${CABLES_CSV_COLUMNS.length}; skipped`,
          file,
          line,
          row,
        });
        continue;
      }
      const [, date, referenceId, origin, classification, references, header, text] = record as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const raw: RawCable = {
        source: { file, line, row },
        format: 'csv',
        metadata: {},
        // The sample dump keeps the Cable Viewer's ¶ paragraph anchors; they are not cable text.
        body: text.replace(/\r\n?/g, '\n').replace(/¶(?=[0-9A-Za-z])/g, ''),
        diagnostics: [],
      };
      if (referenceId.trim()) raw.metadata.referenceId = referenceId.trim();
      if (date.trim()) raw.metadata.created = date.trim();
      if (origin.trim()) raw.metadata.origin = origin.trim();
      if (classification.trim()) raw.metadata.classification = classification.trim();
      const refs = references
        .split('|')
        .map((r) => r.trim())
        .filter(Boolean);
      if (refs.length > 0) raw.metadata.references = refs;
      if (header.trim()) raw.header = header.replace(/\r\n?/g, '\n');
      // The stream decoder replaces bad UTF-8 with U+FFFD; say so on the cable that has it.
      if (record.some((field) => field.includes('\uFFFD'))) {
        raw.diagnostics.push({
          severity: 'warning',
          rule: 'ingest:invalid-utf8',
          message: 'invalid UTF-8 in this row; bad bytes replaced with U+FFFD',
          file,
          line,
          row,
        });
      }
      yield raw;
    }
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    report({
      severity: 'error',
      rule: 'ingest:csv-broken',
      message: `CSV cannot be read past here: ${e.message.replace(/\s+/g, ' ')}`,
      file,
      line: e.lines ?? previousEndLine + 1,
    });
  }
}
