import { Readable } from 'stream';
import { BackslashQuoteNormalizer, readCablesCsv } from '../../src/ingest';
import type { Diagnostic } from '../../src/common/diagnostics';
import { fixture, readAll } from './helpers';

async function normalize(chunks: string[]): Promise<string> {
  let out = '';
  for await (const piece of Readable.from(chunks).pipe(new BackslashQuoteNormalizer())) out += String(piece);
  return out;
}

describe('cables.csv', () => {
  test('both quote escapes ("" and \\"), multi-line fields, references split on |', async () => {
    const { cables, diagnostics } = await readAll([fixture('escapes.csv')]);
    expect(diagnostics).toEqual([]);
    expect(cables.map((c) => c.metadata.referenceId)).toEqual(['66BUENOSAIRES2481', '05PARIS77', '05PARIS99']);
    const [first, second, third] = cables;
    expect(first.format).toBe('csv');
    expect(first.source).toEqual({ file: fixture('escapes.csv'), line: 1, row: 1 });
    expect(first.metadata).toEqual({
      referenceId: '66BUENOSAIRES2481',
      created: '12/28/1966 18:06',
      origin: 'Embassy Buenos Aires',
      classification: 'UNCLASSIFIED',
    });
    expect(first.header).toBe('P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY');
    expect(first.body).toBe('UNCLASSIFIED BUENOS AIRES 2481\n\n1. THE "NEW" LAW.\n\nMARTIN');
    expect(second.source).toEqual({ file: fixture('escapes.csv'), line: 8, row: 2 });
    expect(second.header).toBeUndefined();
    expect(third.body).toBe('SUBJECT: SAID "NO" TWICE\\\\');
    expect(third.metadata.references).toEqual(['04STATE1', '04PARIS2']);
  });

  test('rows with the wrong number of columns: one warning each with row and line, the rest read', async () => {
    const { cables, diagnostics } = await readAll([fixture('wrong-columns.csv')]);
    expect(cables.map((c) => c.metadata.referenceId)).toEqual(['05PARIS77', '05PARIS79', '05PARIS81']);
    expect(cables[1].body).toBe('text\nover two lines');
    expect(diagnostics.map((d) => [d.rule, d.row, d.line, d.message])).toEqual([
      ['ingest:csv-column-count', 2, 2, 'row has 4 columns, expected 8; skipped'],
      ['ingest:csv-column-count', 4, 5, 'row has 9 columns, expected 8; skipped'],
    ]);
  });

  test('a file cut inside a quoted field: earlier rows kept, one error naming the line', async () => {
    const diagnostics: Diagnostic[] = [];
    const text =
      '"1","01/05/2005 17:07","05PARIS77","Embassy Paris","CONFIDENTIAL","","","whole"\n"2","01/05/2005 17:08","05PARIS78","Embassy Paris","CONFIDENTIAL","","","cut in the mid';
    const ids: string[] = [];
    for await (const raw of readCablesCsv(Readable.from([text]), 'cut.csv', (d) => diagnostics.push(d)))
      ids.push(raw.metadata.referenceId ?? '');
    expect(ids).toEqual(['05PARIS77']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'warning',
      rule: 'ingest:csv-unreadable-row',
      file: 'cut.csv',
      row: 2,
    });
    expect(diagnostics[0].message).toMatch(/Quote Not Closed/i);
  });

  test('invalid UTF-8 inside a row is recorded on that cable', async () => {
    const bytes = Buffer.concat([
      Buffer.from('"1","01/05/2005 17:07","05PARIS77","Embassy Paris","CONFIDENTIAL","","","caf'),
      Buffer.from([0xe9]),
      Buffer.from('"\n'),
    ]);
    const cables = [];
    for await (const raw of readCablesCsv(Readable.from([bytes]), 'bad.csv', () => undefined)) cables.push(raw);
    expect(cables[0].body).toBe('caf\uFFFD');
    expect(cables[0].diagnostics).toEqual([
      expect.objectContaining({ rule: 'ingest:invalid-utf8', file: 'bad.csv', row: 1 }),
    ]);
  });

  test('backslash escapes are rewritten even when split across chunks', async () => {
    const source = '"a \\"b\\" c","d\\\\","e"';
    expect(await normalize([source])).toBe('"a ""b"" c","d\\\\","e"');
    expect(await normalize(source.split(''))).toBe('"a ""b"" c","d\\\\","e"');
  });
});
