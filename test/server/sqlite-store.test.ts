import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decideInDatabase } from '../../src/curate';
import { openGraphDb } from '../../src/db/open';
import { SqliteStore } from '../../src/server/sqlite-store';
import { builtGraph } from './helpers';

/** Every shortest path between two entities by plain breadth first over the whole co-mention table (the reference). */
function referencePaths(
  db: SqliteStore['db'],
  from: string,
  to: string,
  maxHops: number,
  minWeight: number,
): string[][] {
  const links = new Map<string, string[]>();
  for (const r of db
    .prepare(
      'SELECT ea.id AS a, eb.id AS b FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b WHERE c.weight >= ?',
    )
    .all(minWeight) as Array<{ a: string; b: string }>) {
    links.set(r.a, [...(links.get(r.a) ?? []), r.b]);
    links.set(r.b, [...(links.get(r.b) ?? []), r.a]);
  }
  const distance = new Map([[from, 0]]);
  let frontier = [from];
  while (frontier.length > 0 && !distance.has(to)) {
    const next: string[] = [];
    for (const u of frontier)
      for (const v of links.get(u) ?? [])
        if (!distance.has(v)) {
          distance.set(v, distance.get(u)! + 1);
          next.push(v);
        }
    frontier = next;
  }
  const hops = distance.get(to);
  if (hops === undefined || hops > maxHops) return [];
  // Back from `to`: every neighbour one step nearer `from`.
  const back = (node: string): string[][] =>
    node === from
      ? [[from]]
      : (links.get(node) ?? [])
          .filter((p) => distance.get(p) === distance.get(node)! - 1)
          .flatMap((p) => back(p).map((chain) => [...chain, node]));
  return back(to);
}

const sorted = (paths: string[][]): string[] => paths.map((p) => p.join(' ')).sort();

describe('SqliteStore: path search and links', () => {
  let store: SqliteStore;
  let ids: string[] = [];

  beforeAll(async () => {
    store = SqliteStore.open(await builtGraph());
    // The entities with co-mentions, most linked first: hubs and the entities at the edge of the graph.
    ids = store.db
      .prepare(
        'SELECT e.id FROM entities e WHERE EXISTS (SELECT 1 FROM co_mentions WHERE a = e.node OR b = e.node) ORDER BY e.degree DESC, e.id',
      )
      .pluck()
      .all() as string[];
  }, 120_000);

  afterAll(() => store.close());

  test('every shortest path, as plain breadth first over every link finds them, hubs looked up or read', async () => {
    expect(ids.length).toBeGreaterThan(20);
    let compared = 0;
    let found = 0;
    for (let i = 0; i < ids.length; i += 2) {
      for (let j = ids.length - 1; j > i; j -= 5) {
        for (const minWeight of [1, 3]) {
          const expected = sorted(referencePaths(store.db, ids[i], ids[j], 4, minWeight));
          // Links looked up when cheaper (the default), always looked up first, never.
          for (const cost of [SqliteStore.lookupCost, 0, Infinity]) {
            const saved = SqliteStore.lookupCost;
            SqliteStore.lookupCost = cost;
            try {
              expect(sorted(await store.shortestPaths(ids[i], ids[j], 4, minWeight, 100_000))).toEqual(expected);
            } finally {
              SqliteStore.lookupCost = saved;
            }
          }
          compared += 1;
          if (expected.length > 1) found += 1;
        }
      }
    }
    // Real work: many pairs, many of them joined by more than one shortest path.
    expect(compared).toBeGreaterThan(100);
    expect(found).toBeGreaterThan(20);
  });

  test('links and edges answer as edge() does, pair by pair, either way round', async () => {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < 12; i += 1) pairs.push([ids[i], ids[ids.length - 1 - i]], [ids[i + 1], ids[i]]);
    const one = (await Promise.all(pairs.map(([a, b]) => store.edge(a, b)))).filter((e) => e !== undefined);
    const byId = new Map(one.map((e) => [e.id, e]));
    const expected = [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(expected.length).toBeGreaterThan(5);
    expect(await store.edges(pairs)).toEqual(expected);
    expect(await store.links(pairs, 1)).toEqual(expected.map(({ cables: _cables, ...edge }) => edge));
    expect(await store.links(pairs, 4)).toEqual(
      expected.filter((e) => e.weight >= 4).map(({ cables: _cables, ...edge }) => edge),
    );
    expect(await store.links([], 1)).toEqual([]);
    expect(await store.links([['no-such-entity', ids[0]]], 1)).toEqual([]);
  });

  test('after a curation decision numbers an entity after every node, its links are still found', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-store-'));
    const copy = path.join(dir, 'graph.db');
    fs.copyFileSync(store.file, copy);
    const curation = path.join(dir, 'curation.jsonl');
    // A merge then its undo: the merged-away entity comes back with a new number, after the cables'.
    const [a, b] = store.db
      .prepare(
        `SELECT ea.id, eb.id FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
         WHERE ea.kind = eb.kind AND ea.degree > 3 AND eb.degree > 3 ORDER BY c.weight DESC, ea.id, eb.id LIMIT 1`,
      )
      .raw()
      .get() as [string, string];
    const far = ids[ids.length - 1];
    const before = {
      paths: sorted(await store.shortestPaths(b, far, 4, 1, 100_000)),
      back: sorted(await store.shortestPaths(far, b, 4, 1, 100_000)),
      edge: await store.edge(a, b),
    };
    const db = openGraphDb(copy, { write: true });
    try {
      decideInDatabase(db, curation, { op: 'merge', ids: [a, b], into: a, author: 'test' });
      decideInDatabase(db, curation, { op: 'undo', decision: 1, author: 'test' });
    } finally {
      db.close();
    }
    const curated = SqliteStore.open(copy);
    try {
      const node = (id: string): number =>
        curated.db.prepare('SELECT node FROM entities WHERE id = ?').pluck().get(id) as number;
      const lastCable = curated.db.prepare('SELECT max(node) FROM cables').pluck().get() as number;
      expect(node(b)).toBeGreaterThan(lastCable);
      expect(node(a)).toBeLessThan(node(b));
      expect(await curated.edges([[a, b]])).toEqual([before.edge]);
      expect(await curated.links([[b, a]], 1)).toEqual([expect.objectContaining({ id: before.edge!.id })]);
      const saved = SqliteStore.lookupCost;
      for (const cost of [saved, 0, Infinity]) {
        SqliteStore.lookupCost = cost;
        try {
          expect(sorted(await curated.shortestPaths(b, far, 4, 1, 100_000))).toEqual(before.paths);
          expect(sorted(await curated.shortestPaths(far, b, 4, 1, 100_000))).toEqual(before.back);
          expect(sorted(await curated.shortestPaths(a, b, 4, 1, 100_000))).toEqual([`${a} ${b}`]);
        } finally {
          SqliteStore.lookupCost = saved;
        }
      }
    } finally {
      await curated.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
