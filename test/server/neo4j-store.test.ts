import neo4j, { type Driver } from 'neo4j-driver';
import { loadGraphDb, queryLibrary } from '../../src/store/neo4j';
import { Neo4jStore, SERVER_QUERIES_DIR } from '../../src/server/neo4j-store';
import { SqliteStore } from '../../src/server/sqlite-store';
import { emptyDatabase, testDriver } from '../store/neo4j/helpers';
import { builtGraph, forgetNeo4jGraph } from './helpers';

/** The operators of a profiled plan, flattened. */
function operators(plan: neo4j.ProfiledPlan): neo4j.ProfiledPlan[] {
  return [plan, ...plan.children.flatMap(operators)];
}

/** The store's incident-heaviest on the test graph: the same links as its definition, read from each entity's own. */
describe("Neo4jStore: an entity's heaviest links", () => {
  let driver: Driver | undefined;
  /** Entities by co-mention degree, highest first, with it (the hubs, the middle, the fringe). */
  let byDegree: Array<{ id: string; degree: number }> = [];

  beforeAll(async () => {
    driver = await testDriver();
    if (!driver) return;
    const file = await builtGraph();
    const sqlite = SqliteStore.open(file);
    byDegree = sqlite.db
      .prepare(
        `SELECT id, links AS degree FROM (SELECT e.id, (SELECT count(*) FROM co_mentions WHERE a = e.node) +
           (SELECT count(*) FROM co_mentions WHERE b = e.node) AS links FROM entities e) WHERE links > 0 ORDER BY links DESC, id`,
      )
      .all() as Array<{ id: string; degree: number }>;
    await sqlite.close();
    await emptyDatabase(driver);
    forgetNeo4jGraph();
    await loadGraphDb(file, driver, { force: true });
  }, 600_000);
  afterAll(async () => {
    if (driver) await emptyDatabase(driver);
    await driver?.close();
  }, 600_000);

  test('incident with heaviest: the links of at least the k-th greatest weight, ties included', async () => {
    if (!driver) return;
    const store = new Neo4jStore(driver);
    let cut = 0;
    const hub = byDegree[0].id;
    for (const filter of [
      { minWeight: 1 },
      { minWeight: 3, since: '2008' },
      { minWeight: 1, types: ['Organization'] as const },
    ])
      for (const k of [0, 1, 2, 3, 5, 8, 100]) {
        const all = await store.incident([hub], filter);
        const weights = all.map((e) => e.weight).sort((x, y) => y - x);
        const floor = weights.length < k ? filter.minWeight : weights[k - 1];
        const expected = k === 0 ? [] : all.filter((e) => e.weight >= floor);
        expect(await store.incident([hub], filter, k)).toEqual(expected);
        if (expected.length > 0 && expected.length < all.length) cut += 1;
      }
    expect(cut).toBeGreaterThan(4);
  });

  test("incident-heaviest reads each entity's own links, not the graph's", async () => {
    if (!driver) return;
    const query = queryLibrary(SERVER_QUERIES_DIR).get('incident-heaviest')!;
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      for (const { id, degree } of [byDegree[0], byDegree[byDegree.length >> 1], byDegree[byDegree.length - 1]]) {
        const result = await session.run(`PROFILE ${query.cypher}`, {
          ids: [id],
          heaviest: neo4j.int(5),
          minWeight: 1,
          since: null,
          until: null,
          types: null,
        });
        const plan = operators(result.summary.profile as neo4j.ProfiledPlan);
        // (a scan of the graph's co-mentions, by their weight index, would pass them all through some operator)
        expect(Math.max(...plan.map((p) => p.rows))).toBeLessThanOrEqual(degree);
        expect(plan.some((p) => p.operatorType.startsWith('Expand') && p.rows === degree)).toBe(true);
        expect(plan.filter((p) => /RelationshipIndex/.test(p.operatorType))).toEqual([]);
      }
    } finally {
      await session.close();
    }
  });
});
