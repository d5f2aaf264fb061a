import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildGraph, buildGraphFile, DEFAULT_BUILD_OPTIONS, forEachGraphRecord, RecordStore, sortedInMemory, writeGraphFile, type CableRecord } from '../../src/graph';
import { SEEDS, recordsOf } from './helpers';

describe('building straight into a graph file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-build-file-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('records on disk and the streamed build give the bytes of buildGraph + writeGraphFile', async () => {
    const records = await recordsOf([SEEDS]);
    // A non-ASCII copy: byte offsets in the store must not be character offsets.
    const accented: CableRecord = { ...records[0]!, cable: { ...records[0]!.cable, id: '05PARIS99', subject: 'Hervé — ¶ “quotes” 🙂' }, versions: [{ ...records[0]!.versions[0]!, hash: 'x' }] };
    const all = [...records, accented];
    const expected = path.join(dir, 'expected.cgz');
    await writeGraphFile(expected, [...sortedInMemoryRecords(all)], buildGraph(all).graph, DEFAULT_BUILD_OPTIONS);

    const store = new RecordStore(path.join(dir, 'records.tmp'));
    for (const r of [...all].reverse()) store.add(r);
    for (const r of all) store.add(r); // identical re-reads change nothing
    const sorted = store.sorted();
    const memory = sortedInMemory(all);
    expect(sorted.length).toBe(memory.length);
    for (let i = 0; i < sorted.length; i += 1) expect(sorted.line(i)).toBe(memory.line(i));
    const streamed = path.join(dir, 'streamed.cgz');
    const summary = await buildGraphFile(streamed, sorted, DEFAULT_BUILD_OPTIONS);
    store.remove();
    expect(fs.existsSync(path.join(dir, 'records.tmp'))).toBe(false);
    expect(fs.readFileSync(streamed).equals(fs.readFileSync(expected))).toBe(true);
    expect(summary.byType.get('CO_MENTIONED')).toBeGreaterThan(0);
    // No temporary files left beside the output.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const back: CableRecord[] = [];
    const header = await forEachGraphRecord(streamed, (r) => back.push(r));
    expect(header.cables).toBe(3);
    expect(back.map((r) => r.cable.id)).toEqual(all.map((r) => r.cable.id).sort());
  });

  test('capped evidence (evidenceTruncated) and undated cables: the same bytes too', async () => {
    const records = await recordsOf([SEEDS]);
    const { created: _created, ...undated } = records[0]!.cable;
    const copy: CableRecord = { ...records[0]!, cable: { ...undated, id: '06PARIS1' }, versions: [{ ...records[0]!.versions[0]!, hash: 'y' }] };
    const all = [...records, copy];
    const options = { ...DEFAULT_BUILD_OPTIONS, maxEvidence: 1 };
    const { graph } = buildGraph(all, options);
    expect(graph.filterEdges((_e, a) => a.evidenceTruncated === true).length).toBeGreaterThan(0);
    const expected = path.join(dir, 'capped-expected.cgz');
    await writeGraphFile(expected, [...sortedInMemoryRecords(all)], graph, options);
    const streamed = path.join(dir, 'capped-streamed.cgz');
    await buildGraphFile(streamed, sortedInMemory(all), options);
    expect(fs.readFileSync(streamed).equals(fs.readFileSync(expected))).toBe(true);
  });
});

function* sortedInMemoryRecords(records: CableRecord[]): Generator<CableRecord> {
  const sorted = sortedInMemory(records);
  for (let i = 0; i < sorted.length; i += 1) yield sorted.get(i);
}
