import type { Driver } from 'neo4j-driver';
import type Graph from 'graphology';
import * as path from 'path';
import { buildGraph } from '../../../src/graph';
import { loadGraph, queryParameters, resolveQuery, runQuery } from '../../../src/store/neo4j';
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
  }, 900_000);
  afterAll(async () => driver?.close());

  const countsInNeo4j = async () => {
    const nodes = await driver!.executeQuery(
      'MATCH (n) WHERE NOT n:CablegraphLoad UNWIND [l IN labels(n) WHERE l <> "Entity"] AS kind RETURN kind, count(*) AS n ORDER BY kind',
    );
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
    expect(records[0].get('total')).toBe(total);
  }, 600_000);

  /**
   * Cables naming both entities of a co-mention (names can be shared: the pair with a co-mention of
   * that weight), counted from the graph's cable → entity MENTIONS edges.
   */
  const cablesNaming = (a: string, b: string, weight: number): number => {
    const named = (name: string) => graph.filterNodes((_n, attrs) => attrs.name === name && attrs.kind !== 'Cable');
    const mentioning = (entity: string) =>
      new Set(graph.filterInNeighbors(entity, (_n, attrs) => attrs.kind === 'Cable'));
    for (const x of named(a)) {
      for (const y of named(b)) {
        if (
          !graph.someEdge(x, y, (_e, attrs) => attrs.type === 'CO_MENTIONED' && attrs.weight === weight) &&
          !graph.someEdge(y, x, (_e, attrs) => attrs.type === 'CO_MENTIONED' && attrs.weight === weight)
        )
          continue;
        const cables = mentioning(x);
        return [...mentioning(y)].filter((c) => cables.has(c)).length;
      }
    }
    throw new Error(`no co-mention ${a} – ${b} of weight ${weight}`);
  };

  test('the query library gives exact counts: top-pairs counts every cable, not the capped evidence list', async () => {
    if (!driver) return;
    const run = async (name: string, params: Record<string, string> = {}) => {
      const query = resolveQuery(name);
      return (await runQuery(driver!, query, queryParameters(query, params))).rows;
    };
    const top = await run('top-pairs', { limit: '20' });
    const iranUs = top.find((r) => [r.a, r.b].sort().join('|') === 'Iran|United States');
    // The figure: 316 cables name both (the evidence list keeps 100).
    expect(iranUs?.cables).toBe(cablesNaming('Iran', 'United States', Number(iranUs!.weight)));
    expect(iranUs?.cables).toBeGreaterThan(100);
    for (const row of top)
      expect([row.a, row.b, row.cables]).toEqual([
        row.a,
        row.b,
        cablesNaming(String(row.a), String(row.b), Number(row.weight)),
      ]);
    const path = await run('shortest-path', { from: 'Iran', to: 'United States' });
    expect(path[0].cableCounts).toEqual([iranUs!.cables]);
    // ego-network rings: the first ring is exactly the co-mentioned neighbours, with their edge weights.
    const ego = await run('ego-network', { entity: 'Kouchner', limit: '1000' });
    const kouchner = graph.findNode((_n, a) => a.kind === 'Person' && a.name === 'Bernard Kouchner')!;
    const expected = new Map<string, number>();
    graph.forEachEdge(kouchner, (_e, a, source, target) => {
      if (a.type === 'CO_MENTIONED') expected.set(source === kouchner ? target : source, a.weight as number);
    });
    expect(ego.length).toBe(Math.min(1000, expected.size));
    for (const row of ego) expect([row.id, row.hops, row.weight]).toEqual([row.id, 1, expected.get(String(row.id))]);
  }, 120_000);
});
