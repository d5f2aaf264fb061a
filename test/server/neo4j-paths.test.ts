import Graph from 'graphology';
import type { Driver } from 'neo4j-driver';
import { loadGraph, queryLibrary, runQuery } from '../../src/store/neo4j';
import { SERVER_QUERIES_DIR } from '../../src/server/neo4j-store';
import { shortestPaths, type RunQuery } from '../../src/server/neo4j-paths';
import { emptyDatabase, testDriver } from '../store/neo4j/helpers';

/**
 * Two hubs linked to each other between s and t (s – hub-a – hub-b – t), and a chain of small
 * entities beside them (s – c – d – t, its middle link of weight 2): the third step grows s's side,
 * where hub-a is looked up against t's side by pair key while c is expanded.
 */
function hubs(): Graph {
  const g = new Graph({ multi: false, type: 'mixed' });
  const link = (a: string, b: string, weight = 5): void => {
    for (const id of [a, b]) if (!g.hasNode(id)) g.addNode(id, { kind: 'Person', name: id.toUpperCase() });
    g.addUndirectedEdge(a, b, {
      type: 'CO_MENTIONED',
      weight,
      cableCount: weight - 1,
      paragraphCount: 1,
      cables: ['08PARIS1'],
      evidence: [],
    });
  };
  link('p-s', 'p-hub-a');
  link('p-hub-a', 'p-hub-b');
  link('p-hub-b', 'p-t');
  link('p-s', 'p-c');
  link('p-c', 'p-d', 2);
  link('p-d', 'p-t');
  for (let i = 0; i < 58; i += 1) link('p-hub-a', `p-la-${i}`);
  for (let i = 0; i < 68; i += 1) link('p-hub-b', `p-lb-${i}`);
  return g;
}

describe('shortest paths over Neo4j (neo4j-paths)', () => {
  let driver: Driver | undefined;
  const asked: string[] = [];
  const queries = queryLibrary(SERVER_QUERIES_DIR);
  const run: RunQuery = async (name, params) => {
    asked.push(name);
    return (await runQuery(driver!, queries.get(name)!, params)).rows;
  };
  const search = (from: string, to: string, maxHops: number, minWeight: number, cap: number, probe: boolean) =>
    shortestPaths(run, from, to, maxHops, minWeight, cap, { probe });

  beforeAll(async () => {
    driver = await testDriver();
    if (driver) {
      await emptyDatabase(driver);
      await loadGraph(hubs(), driver);
    }
  }, 600_000);
  afterAll(async () => {
    if (driver) await emptyDatabase(driver);
    await driver?.close();
  }, 600_000);

  test('every shortest path, by meeting node then predecessors, with the hub looked up by pair key', async () => {
    if (!driver) return;
    asked.length = 0;
    const paths = await search('p-s', 'p-t', 4, 1, 5000, true);
    expect(paths).toEqual([
      ['p-s', 'p-c', 'p-d', 'p-t'],
      ['p-s', 'p-hub-a', 'p-hub-b', 'p-t'],
    ]);
    expect(asked).toContain('path-probe');
  });

  test('the same paths when every frontier is expanded (no pair keys)', async () => {
    if (!driver) return;
    asked.length = 0;
    expect(await search('p-s', 'p-t', 4, 1, 5000, false)).toEqual([
      ['p-s', 'p-c', 'p-d', 'p-t'],
      ['p-s', 'p-hub-a', 'p-hub-b', 'p-t'],
    ]);
    expect(asked).not.toContain('path-probe');
  });

  test('a minimum weight, a hop limit, a cap, an unknown entity', async () => {
    if (!driver) return;
    for (const probe of [true, false]) {
      expect(await search('p-s', 'p-t', 4, 3, 5000, probe)).toEqual([['p-s', 'p-hub-a', 'p-hub-b', 'p-t']]);
      expect(await search('p-s', 'p-t', 2, 1, 5000, probe)).toEqual([]);
      expect(await search('p-s', 'p-t', 4, 1, 1, probe)).toEqual([['p-s', 'p-c', 'p-d', 'p-t']]);
      expect(await search('p-s', 'p-nobody', 4, 1, 5000, probe)).toEqual([]);
      expect(await search('p-la-0', 'p-lb-0', 4, 1, 5000, probe)).toEqual([['p-la-0', 'p-hub-a', 'p-hub-b', 'p-lb-0']]);
    }
  });
});
