import type { Driver } from 'neo4j-driver';
import type Graph from 'graphology';
import * as path from 'path';
import { buildGraph } from '../../../src/graph';
import { loadGraph } from '../../../src/store/neo4j';
import { SHARED, census, recordsOf } from '../../graph/helpers';
import { emptyDatabase, testDriver } from './helpers';

/** The whole shared corpus (and the seeds) in the real server: the same counts as the embedded graph. */
describe('the shared corpus in Neo4j', () => {
  let driver: Driver | undefined;
  let graph: Graph;
  beforeAll(async () => {
    driver = await testDriver();
    if (!driver) return;
    graph = buildGraph(await recordsOf([path.join(SHARED, 'seeds'), path.join(SHARED, 'corpus/cablegate')])).graph;
    await emptyDatabase(driver);
  }, 300_000);
  afterAll(async () => driver?.close());

  const countsInNeo4j = async () => {
    const nodes = await driver!.executeQuery('MATCH (n) WHERE NOT n:CablegraphLoad UNWIND [l IN labels(n) WHERE l <> "Entity"] AS kind RETURN kind, count(*) AS n ORDER BY kind');
    const rels = await driver!.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
    return {
      nodes: Object.fromEntries(nodes.records.map((r) => [r.get('kind'), r.get('n')])),
      edges: Object.fromEntries(rels.records.map((r) => [r.get('type'), r.get('n')])),
    };
  };

  test('node and relationship counts by label and type equal the embedded graph; loading again changes nothing', async () => {
    if (!driver) return;
    const first = await loadGraph(graph, driver, { batchSize: 5000 });
    expect(first.alreadyLoaded).toBe(false);
    const expected = census(graph);
    expect(await countsInNeo4j()).toEqual({ nodes: expected.nodes, edges: expected.edges });
    await loadGraph(graph, driver, { batchSize: 5000, force: true });
    expect(await countsInNeo4j()).toEqual({ nodes: expected.nodes, edges: expected.edges });
    const { records } = await driver.executeQuery('MATCH ()-[r:CO_MENTIONED]->() RETURN sum(r.weight) AS total');
    let total = 0;
    graph.forEachEdge((_e, a) => a.type === 'CO_MENTIONED' && (total += a.weight as number));
    expect(records[0]!.get('total')).toBe(total);
  }, 600_000);
});
