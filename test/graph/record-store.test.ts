import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RecordStore, type CableRecord } from '../../src/graph';
import { SEEDS, recordsOf } from './helpers';

describe('RecordStore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-record-store-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('records come back in id order, parsed and as the JSON they were stored as, whatever the order of the calls', async () => {
    const seeds = await recordsOf([SEEDS]);
    // One record far bigger than the store's first read buffer (64 KiB), between small ones.
    const big: CableRecord = {
      ...seeds[0],
      cable: { ...seeds[0].cable, id: '09PARIS2', text: `${seeds[0].cable.text}\n${'Hervé ¶ '.repeat(40_000)}` },
      versions: [{ ...seeds[0].versions[0], hash: 'big' }],
    };
    const all = [...seeds, big];
    const store = new RecordStore(path.join(dir, 'records.tmp'));
    for (const r of [...all].reverse()) store.add(r);
    const sorted = store.sorted();
    const byId = [...all].sort((a, b) => (a.cable.id < b.cable.id ? -1 : 1));
    expect(sorted.length).toBe(all.length);
    // get, json and line of one record, of another, and back (json answers for any record, not only the last read).
    const order = [...byId.keys(), ...[...byId.keys()].reverse()];
    for (const i of order) {
      const json = sorted.json!(i);
      expect(json).toEqual({ cable: JSON.stringify(byId[i].cable), mentions: JSON.stringify(byId[i].mentions) });
      expect(sorted.get(i)).toEqual(byId[i]);
      expect(sorted.json!(i)).toEqual(json);
      expect(JSON.parse(sorted.line(i))).toEqual({ record: byId[i] });
    }
    expect(Buffer.byteLength(sorted.json!(byId.indexOf(big)).cable)).toBeGreaterThan(1 << 16);
    store.remove();
  });
});
