// Property-based tests of the readers (fast-check): random and mutated pages, CSV and text never
// throw, every offset stays inside the text, and good cables read among bad files come out as alone.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import fc from 'fast-check';
import {
  decodeCableBytes,
  detectFormat,
  readAnnotatedText,
  readCables,
  readCablesCsv,
  readCableText,
  readCableViewerPage,
  renderMarkdownCable,
  type RawCable,
} from '../../src/ingest';
import { SHARED } from './helpers';

const PAGE = fs.readFileSync(path.join(SHARED, 'corpus/cablegate/cable/2008/01/08BAGHDAD293.html'), 'utf8');
const CSV = fs.readFileSync(path.join(SHARED, 'corpus/cables-sample.csv'), 'utf8').slice(0, 20_000);
const TEXT = fs.readFileSync(path.join(SHARED, 'seeds', fs.readdirSync(path.join(SHARED, 'seeds')).sort()[0]), 'utf8');

/** Strings made of the pieces that matter to a reader, plus arbitrary text. */
const piecesOf = (pieces: string[]): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
      { maxLength: 80 },
    )
    .map((parts) => parts.join(''));

const HTML_PIECES = [
  '<pre>',
  '</pre>',
  '<PRE>',
  "<table class='cable'>",
  '</table>',
  '<tr>',
  '</tr>',
  '<th>',
  '</th>',
  '<td>',
  '</td>',
  "<a id='par1' href='#par1'>",
  '<a>',
  '</a>',
  '¶',
  '<br>',
  '</br>',
  '<br/>',
  '<div>',
  '</div>',
  '<!--',
  '-->',
  '<script>',
  '</script>',
  '&amp;',
  '&#',
  '&lt;',
  '<',
  '>',
  '"',
  "'",
  '\n',
  ' ',
  'Reference ID',
  'Created',
  '05PARIS77',
  '<html>',
  '</html>',
  '<![CDATA[',
  ']]>',
];
const TEXT_PIECES = [
  '[PER ',
  '[ORG ',
  '[LOC ',
  '[MISC ',
  ' ]',
  ']',
  '[',
  '(#)',
  '](#',
  '(',
  ')',
  '"',
  "'s",
  "n't",
  '\n',
  '\n\n',
  ' ',
  '\t',
  '\r\n',
  '1. ',
  '(C) ',
  'TAGS: PREL FR',
  'SUBJECT: ',
  'REF: A. 04STATE1',
  'Kouchner',
  'PARIS',
];
const CSV_PIECES = [
  '"',
  '""',
  '\\"',
  '\\\\',
  ',',
  '\n',
  '\r\n',
  '"1","01/05/2005 17:07","05PARIS77","Embassy Paris","CONFIDENTIAL","","","text"\n',
  'x',
  ' ',
  '|',
];

/** A real page, text or CSV with random edits: a range deleted, duplicated or replaced by junk. */
const mutated = (base: string, junk: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.nat({ max: base.length }),
        fc.nat({ max: 2000 }),
        fc.constantFrom('delete', 'duplicate', 'insert', 'truncate'),
        junk,
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((edits) => {
      let text = base;
      for (const [at, length, kind, insert] of edits) {
        const start = Math.min(at, text.length);
        const end = Math.min(text.length, start + length);
        if (kind === 'delete') text = text.slice(0, start) + text.slice(end);
        else if (kind === 'duplicate') text = text.slice(0, end) + text.slice(start, end) + text.slice(end);
        else if (kind === 'insert') text = text.slice(0, start) + insert + text.slice(start);
        else text = text.slice(0, start);
      }
      return text;
    });

/** Every annotation's offsets lie inside the text and point at its surface form. */
function expectAnnotationsInside(raw: { body: string; annotations?: RawCable['annotations'] }): void {
  for (const a of raw.annotations ?? []) {
    expect(a.start).toBeGreaterThanOrEqual(0);
    expect(a.end).toBeGreaterThanOrEqual(a.start);
    expect(a.end).toBeLessThanOrEqual(raw.body.length);
    expect(raw.body.slice(a.start, a.end)).toBe(a.text);
  }
}

async function csvCables(text: string): Promise<RawCable[]> {
  const out: RawCable[] = [];
  for await (const raw of readCablesCsv(Readable.from([text]), 'p.csv', () => undefined, 64 * 1024)) out.push(raw);
  return out;
}

describe('readers never throw, offsets stay inside the text (property-based)', () => {
  test('HTML: random pages from tag fragments, and mutated real pages', () => {
    fc.assert(
      fc.property(fc.oneof(piecesOf(HTML_PIECES), mutated(PAGE, piecesOf(HTML_PIECES))), (html) => {
        const page = readCableViewerPage(html);
        expect(Array.isArray(page.preBlocks)).toBe(true);
        for (const block of page.preBlocks) expect(block).not.toMatch(/\r/);
        const raw = readCableText(html, 'html', 'p.html');
        expect(typeof raw.body).toBe('string');
        const annotated = readCableText(html, 'annotated', 'p.html');
        expectAnnotationsInside(annotated);
      }),
      { numRuns: 300 },
    );
  });

  test('annotated and markdown text: random and mutated; annotations point at their words', () => {
    fc.assert(
      fc.property(fc.oneof(piecesOf(TEXT_PIECES), mutated(TEXT, piecesOf(TEXT_PIECES))), (text) => {
        const { text: clean, annotations } = readAnnotatedText(text);
        expectAnnotationsInside({ body: clean, annotations });
        for (const a of annotations) expect(['PER', 'ORG', 'LOC', 'MISC']).toContain(a.type);
        expect(typeof renderMarkdownCable(text)).toBe('string');
        expect(['html', 'text', 'markdown', 'annotated', 'csv']).toContain(detectFormat(text, 'p.txt'));
      }),
      { numRuns: 400 },
    );
  });

  test('bytes: random bytes decode or are refused with a diagnostic, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), fc.nat({ max: 20_000 }), (bytes, nulAt) => {
        const copy = new Uint8Array(bytes);
        if (nulAt < copy.length) copy[nulAt] = 0;
        const decoded = decodeCableBytes(copy, 'p.bin');
        if (decoded.text === undefined) expect(decoded.diagnostics.length).toBeGreaterThan(0);
        else expect(decoded.text).not.toContain('\u0000');
      }),
      { numRuns: 200 },
    );
  });

  test('CSV: random and mutated dumps never throw; every row read names its row and line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(piecesOf(CSV_PIECES), mutated(CSV, piecesOf(CSV_PIECES))), async (text) => {
        const cables = await csvCables(text);
        for (const raw of cables) {
          expect(raw.format).toBe('csv');
          expect(raw.source.row).toBeGreaterThanOrEqual(1);
          expect(raw.source.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a mixed run: good cables among bad files come out exactly as alone (property-based)', () => {
  const GOOD = ['2008/01/08BAGHDAD293.html', '2009/01/09BRASILIA28.html'].map((f) =>
    path.join(SHARED, 'corpus/cablegate/cable', f),
  );
  const withoutFile = (raw: RawCable): unknown => ({
    ...raw,
    source: { ...raw.source, file: path.basename(raw.source.file) },
  });

  test('random junk files (and a file over the size budget) beside two good pages', async () => {
    const alone: unknown[] = [];
    for (const file of GOOD) for await (const raw of readCables([file])) alone.push(withoutFile(raw));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            piecesOf(HTML_PIECES),
            piecesOf(TEXT_PIECES),
            piecesOf(CSV_PIECES),
            mutated(PAGE, piecesOf(HTML_PIECES)),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 1, max: 6 }),
        async (junk, concurrency) => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-mixed-'));
          try {
            junk.forEach((content, i) => fs.writeFileSync(path.join(dir, `a-junk-${i}.txt`), content));
            fs.writeFileSync(path.join(dir, 'a-junk-huge.html'), `<pre>${'x'.repeat(70_000)}</pre>`);
            for (const file of GOOD) fs.copyFileSync(file, path.join(dir, path.basename(file)));
            const seen = new Map<string, unknown>();
            const diagnostics: string[] = [];
            for await (const raw of readCables([dir], {
              concurrency,
              budget: { maxBytes: 65_536 },
              onDiagnostic: (d) => diagnostics.push(`${d.file}: ${d.rule}`),
            })) {
              if (GOOD.some((f) => path.basename(f) === path.basename(raw.source.file)))
                seen.set(path.basename(raw.source.file), withoutFile(raw));
            }
            expect([...seen.keys()].sort()).toEqual(GOOD.map((f) => path.basename(f)).sort());
            expect(GOOD.map((f) => seen.get(path.basename(f)))).toEqual(alone);
            expect(diagnostics).toContain(`${path.join(dir, 'a-junk-huge.html')}: ingest:budget`);
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
