import type { NodeView, Subgraph } from '../../src/model';
import { Explorer } from '../../src/server';
import type { EdgeFilter } from '../../src/server/store';
import { SqliteStore } from '../../src/server/sqlite-store';
import { builtGraph } from './helpers';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The neighbourhood as the viewer defines it, from every incident link (the reference): each ring
 * keeps its strongest newcomers (heaviest edge reaching them, then name, then id) until `limit`.
 */
async function referenceNeighbourhood(
  store: SqliteStore,
  id: string,
  filter: EdgeFilter,
  hops: number,
  limit: number,
): Promise<Subgraph> {
  const [centre] = await store.entities([id]);
  const shown = new Map<string, NodeView>([[id, centre]]);
  let frontier = [id];
  let truncated = false;
  for (let hop = 1; hop <= hops && frontier.length > 0 && !truncated; hop += 1) {
    const strongest = new Map<string, number>();
    for (const edge of await store.incident(frontier, filter))
      for (const end of [edge.source, edge.target])
        if (!shown.has(end)) strongest.set(end, Math.max(strongest.get(end) ?? 0, edge.weight));
    const room = limit - shown.size;
    truncated = strongest.size > room;
    const ranked = (await store.entities([...strongest.keys()])).sort(
      (a, b) => strongest.get(b.id)! - strongest.get(a.id)! || compare(a.name, b.name) || compare(a.id, b.id),
    );
    frontier = [];
    for (const node of ranked.slice(0, Math.max(0, room))) {
      shown.set(node.id, node);
      frontier.push(node.id);
    }
  }
  return { nodes: [...shown.values()], edges: await store.among([...shown.keys()], filter), truncated };
}

describe("the Explorer's neighbourhood reads a hub's heaviest links only, with the same answer", () => {
  let store: SqliteStore;
  let ids: string[] = [];

  beforeAll(async () => {
    store = SqliteStore.open(await builtGraph());
    // Hubs first, then every 25th entity down to the fringe.
    ids = (
      store.db
        .prepare(
          'SELECT e.id FROM entities e WHERE EXISTS (SELECT 1 FROM co_mentions WHERE a = e.node OR b = e.node) ORDER BY e.degree DESC, e.id',
        )
        .pluck()
        .all() as string[]
    ).filter((_, i) => i < 6 || i % 25 === 0);
  }, 120_000);

  afterAll(() => store.close());

  test('as the reference over every incident link, for hubs and fringe, every ring size and filter', async () => {
    const explorer = new Explorer(store);
    let truncated = 0;
    let complete = 0;
    for (const id of ids)
      for (const [hops, limit] of [
        [1, 5],
        [1, 100],
        [2, 20],
        [2, 300],
        [3, 60],
      ])
        for (const filter of [
          { minWeight: 1 },
          { minWeight: 3, since: '2008' },
          { minWeight: 1, types: ['Person'] as const },
        ]) {
          const got = await explorer.neighbourhood(id, filter, hops, limit);
          expect(got).toEqual(await referenceNeighbourhood(store, id, filter, hops, limit));
          if (got!.truncated) truncated += 1;
          else complete += 1;
        }
    expect(truncated).toBeGreaterThan(15);
    expect(complete).toBeGreaterThan(30);
  }, 300_000);
});

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
