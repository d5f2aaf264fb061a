import { Explorer } from '../../src/server';
import { SqliteStore } from '../../src/server/sqlite-store';
import { builtGraph } from './helpers';

describe('the Explorer with a request signal', () => {
  let store: SqliteStore;
  let ids: string[] = [];

  beforeAll(async () => {
    store = SqliteStore.open(await builtGraph());
    ids = store.db
      .prepare("SELECT id FROM entities WHERE kind IN ('Person', 'Place') AND cable_count > 0 ORDER BY node LIMIT 2")
      .pluck()
      .all() as string[];
  }, 120_000);

  afterAll(() => store.close());

  test('answers as without one while the signal holds', async () => {
    const live = new Explorer(store, new AbortController().signal);
    const plain = new Explorer(store);
    expect(await live.neighbourhood(ids[0], { minWeight: 1 }, 2, 50)).toEqual(
      await plain.neighbourhood(ids[0], { minWeight: 1 }, 2, 50),
    );
    expect(await live.paths(ids[0], ids[1], 4, 1, 5)).toEqual(await plain.paths(ids[0], ids[1], 4, 1, 5));
    expect(await live.subgraph(ids, { minWeight: 1 })).toEqual(await plain.subgraph(ids, { minWeight: 1 }));
  });

  test('stops with the signal: a client gone or a deadline passed', async () => {
    const gone = new AbortController();
    gone.abort(new Error('client gone'));
    const stopped = new Explorer(store, gone.signal);
    await expect(stopped.neighbourhood(ids[0], { minWeight: 1 }, 3, 1000)).rejects.toThrow('client gone');
    await expect(stopped.paths(ids[0], ids[1], 6, 1, 10)).rejects.toThrow('client gone');
    await expect(stopped.subgraph(ids, { minWeight: 1 })).rejects.toThrow('client gone');
    await expect(
      new Explorer(store, AbortSignal.timeout(0)).neighbourhood(ids[0], { minWeight: 1 }, 3, 1000),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
