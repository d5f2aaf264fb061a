import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { detectFormat } from '../../src/ingest';
import { SHARED, fixture, readAll } from './helpers';

describe('inputs: files, directories, globs', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-ingest-'));
    fs.mkdirSync(path.join(dir, 'nested/deeper'), { recursive: true });
    fs.copyFileSync(
      path.join(SHARED, 'corpus/cablegate/cable/2008/01/08BAGHDAD293.html'),
      path.join(dir, 'nested/deeper/page.txt'),
    );
    fs.writeFileSync(path.join(dir, 'a.txt'), 'UNCLAS PARIS 000001\n\nSUBJECT: FIRST\n');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'blank.txt'), '  \n\n');
    fs.writeFileSync(
      path.join(dir, 'image.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    fs.writeFileSync(
      path.join(dir, 'latin1.txt'),
      Buffer.concat([
        Buffer.from('UNCLAS PARIS 000002\nSUBJECT: MEETING WITH M. H'),
        Buffer.from([0xe9]),
        Buffer.from('BERT\n'),
      ]),
    );
    fs.writeFileSync(path.join(dir, '.hidden.txt'), 'UNCLAS PARIS 000009');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a directory is walked recursively in sorted order, formats detected from content', async () => {
    const { cables, diagnostics } = await readAll([dir]);
    expect(cables.map((c) => [path.relative(dir, c.source.file), c.format])).toEqual([
      ['a.txt', 'text'],
      ['latin1.txt', 'text'],
      ['nested/deeper/page.txt', 'html'],
    ]);
    expect(cables[2].metadata.referenceId).toBe('08BAGHDAD293');
    expect(diagnostics.map((d) => [path.relative(dir, d.file ?? ''), d.rule])).toEqual([
      ['blank.txt', 'ingest:empty'],
      ['empty.txt', 'ingest:empty'],
      ['image.png', 'ingest:binary'],
    ]);
  });

  test('invalid UTF-8: the cable is kept, the bad line named', async () => {
    const { cables } = await readAll([path.join(dir, 'latin1.txt')]);
    expect(cables[0].body).toBe('UNCLAS PARIS 000002\nSUBJECT: MEETING WITH M. H\uFFFDBERT\n');
    expect(cables[0].diagnostics).toEqual([
      {
        severity: 'warning',
        rule: 'ingest:invalid-utf8',
        message: 'invalid UTF-8 at byte 46; bad bytes replaced with U+FFFD',
        file: path.join(dir, 'latin1.txt'),
        line: 2,
      },
    ]);
  });

  test('globs, missing paths and patterns that match nothing: reported, the run goes on', async () => {
    const { cables, diagnostics } = await readAll([
      path.join(dir, 'missing.html'),
      `${dir}/nested/**/*.txt`,
      `${dir}/*.nothing`,
      fixture('escapes.csv'),
    ]);
    expect(cables.map((c) => c.metadata.referenceId)).toEqual([
      '08BAGHDAD293',
      '66BUENOSAIRES2481',
      '05PARIS77',
      '05PARIS99',
    ]);
    expect(diagnostics.map((d) => [d.rule, d.message])).toEqual([
      ['ingest:not-found', 'no such file or directory'],
      ['ingest:no-match', 'pattern matches no file'],
    ]);
  });
});

describe('format detection', () => {
  test('content decides, the file name only breaks ties', () => {
    expect(detectFormat('"1","12/28/1966 18:06","66BUENOSAIRES2481"', 'x.txt')).toBe('csv');
    expect(detectFormat('<code><pre>C O N F I D E N T I A L</pre></code>', 'x.txt')).toBe('html');
    expect(detectFormat('<code><pre>[PER Kouchner  ] met [LOC Irbil  ]</pre></code>', 'x.html')).toBe('annotated');
    expect(detectFormat('TAGS: [PREL](#) [FR](#)', 'x.txt')).toBe('markdown');
    expect(detectFormat('UNCLAS PARIS 000001', 'x.html')).toBe('text');
    expect(detectFormat('row,data', 'dump.csv')).toBe('csv');
  });
});
