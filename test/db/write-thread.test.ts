import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GRAPH_DB_FORMAT, openGraphDb } from '../../src/db/open';
import { GraphDbWriteThread } from '../../src/db/write-thread';

describe('the graph database written on its own thread', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-db-thread-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('rows arrive in the order sent, across many batches; answers come after every row sent before', async () => {
    const file = path.join(dir, 'rows.db');
    const rows = new GraphDbWriteThread(file);
    // More rows than one batch holds, and more batches than may be in flight: the build waits, nothing is lost.
    const count = 300_000;
    for (let i = 0; i < count; i += 1) rows.row('resolved', `p-${String(i).padStart(6, '0')}`, 'PERSON', `Person ${i}`);
    rows.row('meta', 'format', GRAPH_DB_FORMAT);
    expect(await rows.ask(['relationCounts'])).toEqual({ HOLDS_ROLE: 0, AFFILIATED_WITH: 0, MET: 0 });
    rows.row('close');
    rows.send(['indexEdges']);
    rows.send(['finish']);
    await rows.close();

    const db = openGraphDb(file);
    expect(db.prepare('SELECT count(*) FROM resolved').pluck().get()).toBe(count);
    expect(db.prepare(`SELECT name FROM resolved WHERE id = 'p-123456'`).pluck().get()).toBe('Person 123456');
    const made = db.prepare('SELECT count(*) FROM sqlite_schema WHERE name = ?').pluck();
    expect([made.get('cable_fts'), made.get('mentions_by_cable'), made.get('entity_fts')]).toEqual([1, 1, 1]);
    db.close();
  });

  test("a row SQLite refuses fails the build with SQLite's message, and every call after it fails too", async () => {
    const file = path.join(dir, 'refused.db');
    const rows = new GraphDbWriteThread(file);
    rows.row('resolved', 'p-a', 'PERSON', 'A');
    rows.row('resolved', 'p-a', 'PERSON', 'A again');
    rows.row('resolved', 'p-b', 'PERSON', 'B');
    await expect(rows.ask(['relationCounts'])).rejects.toThrow('UNIQUE constraint failed: resolved.id');
    // Later calls fail at once, naming the same cause.
    expect(() => rows.row('resolved', 'p-c', 'PERSON', 'C')).toThrow('UNIQUE constraint failed: resolved.id');
    await rows.abandon();
  });
});
