import * as path from 'path';
import { readCables, type RawCable } from '../../src/ingest';
import { skipRepeatedCopies, type SkippedCopy } from '../../src/pipeline';

const SHARED = path.resolve(__dirname, '../../../shared');
const CORPUS = path.join(SHARED, 'corpus');

async function run(inputs: string[]): Promise<{ kept: RawCable[]; skipped: SkippedCopy[] }> {
  const kept: RawCable[] = [];
  const skipped: SkippedCopy[] = [];
  for await (const raw of skipRepeatedCopies(readCables(inputs), (s) => skipped.push(s))) kept.push(raw);
  return { kept, skipped };
}

async function* from(raws: RawCable[]): AsyncGenerator<RawCable> {
  yield* raws;
}

const raw = (file: string, referenceId: string | undefined, released?: string): RawCable => ({
  source: { file },
  format: 'html',
  metadata: { ...(referenceId ? { referenceId } : {}), ...(released ? { released } : {}) },
  body: 'text',
  diagnostics: [],
});

describe('a cable read twice in one run is parsed once', () => {
  test('a copy with the same id and release but other text is read (which one the build keeps must not depend on arrival order)', async () => {
    const skipped: SkippedCopy[] = [];
    const kept: string[] = [];
    const corrected = { ...raw('b.html', '05PARIS77', '2011-08-30 01:44'), body: 'text, corrected' };
    for await (const r of skipRepeatedCopies(from([raw('a.html', '05PARIS77', '2011-08-30 01:44'), corrected]), (s) =>
      skipped.push(s),
    ))
      kept.push(r.source.file);
    expect(kept).toEqual(['a.html', 'b.html']);
    expect(skipped).toEqual([]);
  });

  test('the shared corpus folder: each of the 1,055 cables once (its page), the cables.csv row of the same id skipped', async () => {
    const { kept, skipped } = await run([CORPUS]);
    // Two rows of the sample CSV lost their text after a literal '<' (a converter bug): not copies.
    expect(kept).toHaveLength(1057);
    expect(skipped).toHaveLength(1053);
    expect(kept.filter((r) => r.format === 'html')).toHaveLength(1055);
    expect(
      kept
        .filter((r) => r.format === 'csv')
        .map((r) => r.metadata.referenceId)
        .sort(),
    ).toHaveLength(2);
    expect(skipped.every((s) => s.raw.format === 'csv' && s.firstFile.endsWith(`${s.id}.html`))).toBe(true);
  }, 120_000);

  test('the rule: same id (canonical) with the same release or none is a copy; a new release date is read', async () => {
    const skipped: SkippedCopy[] = [];
    const kept: string[] = [];
    const input = [
      raw('a.html', '05PARIS77', '2011-08-30 01:44'),
      raw('dump.csv', '05PARIS000077'), // the dump's row: no release date
      raw('a-again.html', '05PARIS77', '2011-08-30 01:44'), // the same page given twice
      raw('corrected.html', '05PARIS77', '2011-09-01 10:00'), // a later release: parsed, the build keeps the later
      raw('notes.txt', undefined), // no container id: always read
      raw('notes.txt', undefined),
    ];
    for await (const r of skipRepeatedCopies(from(input), (s) => skipped.push(s))) kept.push(r.source.file);
    expect(kept).toEqual(['a.html', 'corrected.html', 'notes.txt', 'notes.txt']);
    expect(skipped.map((s) => [s.id, s.raw.source.file, s.firstFile])).toEqual([
      ['05PARIS77', 'dump.csv', 'a.html'],
      ['05PARIS77', 'a-again.html', 'a.html'],
    ]);
  });

  test('a dump read before the pages keeps both (a dated page may be a newer release)', async () => {
    const kept: string[] = [];
    const input = [raw('a-dump.csv', '00HARARE6677'), raw('b-page.html', '00HARARE6677', '2010-12-08 21:09')];
    for await (const r of skipRepeatedCopies(from(input), () => undefined)) kept.push(r.source.file);
    expect(kept).toEqual(['a-dump.csv', 'b-page.html']);
  });
});
