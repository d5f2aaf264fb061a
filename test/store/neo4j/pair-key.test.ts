import Graph from 'graphology';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../../src/store/neo4j';
import { Neo4jStore } from '../../../src/server/neo4j-store';
import { pairKey, relationshipProperties } from '../../../src/model/neo4j-shape';
import type { EdgeFilter } from '../../../src/server/store';
import { emptyDatabase, testDriver } from './helpers';

/**
 * A hub co-mentioned with six people, and two of them with each other: the co-mentions' `pair`
 * keys as the loader writes them, and the viewer's edge questions (among, links, edges, edge)
 * answered through them — by pair seeks for the hub, by expansion for the small ends — equal to
 * the answers of the queries that match pairs from their ends (a database loaded before `pair`).
 */
function star(): Graph {
  const g = new Graph({ multi: false, type: 'mixed' });
  g.addNode('p-zz-hub', { kind: 'Person', name: 'Hub' });
  const spokes = ['p-a', 'p-b', 'p-c', 'p-d', 'p-e', 'p-f'];
  spokes.forEach((id, i) => {
    g.addNode(id, { kind: 'Person', name: id.toUpperCase() });
    g.addUndirectedEdge('p-zz-hub', id, {
      type: 'CO_MENTIONED',
      weight: i + 1,
      cableCount: i + 1,
      paragraphCount: 1,
      cables: [`0${i}PARIS1`],
      evidence: [],
      firstDate: `200${i}-01-01`,
      lastDate: `200${i}-06-30`,
    });
  });
  g.addUndirectedEdge('p-b', 'p-a', {
    type: 'CO_MENTIONED',
    weight: 9,
    cableCount: 4,
    paragraphCount: 2,
    cables: ['08PARIS2'],
    evidence: [],
    firstDate: '2008-02-01',
    lastDate: '2008-02-01',
  });
  return g;
}

describe('co-mentions by their pair key (Neo4j)', () => {
  let driver: Driver | undefined;
  beforeAll(async () => {
    driver = await testDriver();
    if (driver) {
      await emptyDatabase(driver);
      await loadGraph(star(), driver);
    }
  }, 600_000);
  afterAll(async () => {
    if (driver) await emptyDatabase(driver);
    await driver?.close();
  }, 600_000);

  test('the key: the two ids, the smaller first, whichever way round', () => {
    expect(pairKey('p-zz-hub', 'p-a')).toBe('p-a p-zz-hub');
    expect(pairKey('p-a', 'p-zz-hub')).toBe('p-a p-zz-hub');
    expect(relationshipProperties({ type: 'CO_MENTIONED', weight: 2 }, 'p-b', 'p-a')).toEqual({
      weight: 2,
      pair: 'p-a p-b',
    });
    expect(relationshipProperties({ type: 'MENTIONS', count: 2 }, 'c', 'p-a')).toEqual({ count: 2 });
  });

  test('the loader writes it on every co-mention, stored from the smaller id', async () => {
    if (!driver) return;
    const { records } = await driver.executeQuery(
      'MATCH (a)-[r:CO_MENTIONED]->(b) RETURN a.id AS a, b.id AS b, r.pair AS pair ORDER BY pair',
    );
    const rows = records.map((r) => r.toObject());
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row.pair).toBe(`${row.a} ${row.b}`);
  }, 600_000);

  const questions = async (store: Neo4jStore) => {
    const all = ['p-zz-hub', 'p-a', 'p-b', 'p-c', 'p-d', 'p-e', 'p-f'];
    const plain: EdgeFilter = { minWeight: 1 };
    return {
      // p-zz-hub after one smaller id, six in-coming co-mentions: sought by its one pair.
      hubAndOne: await store.among(['p-zz-hub', 'p-c'], plain),
      // after six smaller ids: expanded.
      everyone: await store.among(all, plain),
      heavy: await store.among(all, { minWeight: 4 }),
      dated: await store.among(all, { minWeight: 1, since: '2003', until: '2004-12' }),
      none: await store.among(['p-c', 'p-d'], plain),
      links: await store.links(
        [
          ['p-zz-hub', 'p-e'],
          ['p-a', 'p-b'],
          ['p-c', 'p-d'],
          ['p-f', 'p-zz-hub'],
        ],
        5,
      ),
      edges: await store.edges([
        ['p-b', 'p-a'],
        ['p-zz-hub', 'p-a'],
      ]),
      edge: await store.edge('p-zz-hub', 'p-d'),
      missing: await store.edge('p-c', 'p-d'),
    };
  };

  test('among, links, edges and edge give the answers of the end-to-end queries', async () => {
    if (!driver) return;
    const keyed = await questions(new Neo4jStore(driver, undefined, false));
    expect(keyed.hubAndOne.map((e) => [e.source, e.target, e.weight])).toEqual([['p-c', 'p-zz-hub', 3]]);
    expect(keyed.everyone).toHaveLength(7);
    expect(keyed.heavy.map((e) => e.weight).sort()).toEqual([4, 5, 6, 9]);
    expect(keyed.dated.map((e) => e.target)).toEqual(['p-zz-hub', 'p-zz-hub']);
    expect(keyed.none).toEqual([]);
    expect(keyed.links.map((e) => e.weight).sort()).toEqual([5, 6, 9]);
    expect(keyed.edges.map((e) => e.cables)).toEqual([['08PARIS2'], ['00PARIS1']]);
    expect(keyed.edge).toMatchObject({ source: 'p-d', target: 'p-zz-hub', weight: 4, cables: ['03PARIS1'] });
    expect(keyed.missing).toBeUndefined();

    // The same database without the keys: the store notices and matches pairs from their ends.
    await driver.executeQuery('MATCH ()-[r:CO_MENTIONED]->() REMOVE r.pair');
    try {
      expect(await questions(new Neo4jStore(driver, undefined, false))).toEqual(keyed);
    } finally {
      await driver.executeQuery('MATCH ()-[r:CO_MENTIONED]->() SET r.pair = startNode(r).id + " " + endNode(r).id');
    }
  }, 600_000);
});
