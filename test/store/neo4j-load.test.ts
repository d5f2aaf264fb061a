import Graph from 'graphology';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadGraph, openDriver, resolveConnection } from '../../src/store/neo4j';
import { CablegraphError } from '../../src/common/diagnostics';

/**
 * The loader against the real server of `npm run neo4j:start` (CI starts it; locally skipped with a
 * note when none answers). These tests empty the database they talk to.
 */
const connection = resolveConnection();

function smallGraph(): Graph {
  const g = new Graph({ multi: false, type: 'mixed' });
  g.addNode('07PARIS3534', { kind: 'Cable', date: '2007-08-27', subject: 'FRENCH MFA "REFLECTING"', inCorpus: true, paragraphs: [1, 2, 3] });
  g.addNode('05PARIS77', { kind: 'Cable', date: '2005-01-05', subject: "GOF WON'T BE JOINING", inCorpus: true });
  g.addNode('04STATE274965', { kind: 'Cable', inCorpus: false });
  g.addNode('p-kouchner', { kind: 'Person', name: 'Bernard Kouchner', aliases: [{ text: 'Kouchner', count: 41 }, { text: 'KOUCHNER', count: 1 }] });
  g.addNode('p-talabani', { kind: 'Person', name: 'Jalal Talabani', aliases: [{ text: 'Talabani', count: 3 }] });
  g.addNode('l-irbil', { kind: 'Place', name: 'Irbil', aliases: [{ text: 'Irbil', count: 4 }] });
  g.addNode('post:AMEMBASSY PARIS', { kind: 'Post', name: 'AMEMBASSY PARIS' });
  g.addNode('tag:PREL', { kind: 'Tag', code: 'PREL', label: 'External Political Relations' });
  g.addDirectedEdge('07PARIS3534', 'p-kouchner', { type: 'MENTIONS', count: 41, paragraphs: [1, 2, 3] });
  g.addDirectedEdge('07PARIS3534', 'p-talabani', { type: 'MENTIONS', count: 3, paragraphs: [2] });
  g.addDirectedEdge('07PARIS3534', 'post:AMEMBASSY PARIS', { type: 'FROM' });
  g.addDirectedEdge('07PARIS3534', 'tag:PREL', { type: 'TAGGED' });
  g.addDirectedEdge('05PARIS77', '04STATE274965', { type: 'REFERENCES' });
  g.addUndirectedEdge('p-talabani', 'p-kouchner', { type: 'CO_MENTIONED', weight: 3, cables: ['07PARIS3534'], evidence: [{ cable: '07PARIS3534', paragraphs: [2] }], firstDate: '2007-08-27', lastDate: '2007-08-27' });
  return g;
}

async function counts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery('CALL { MATCH (n) WHERE NOT n:CablegraphLoad RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships');
  return { nodes: records[0]!.get('nodes'), relationships: records[0]!.get('relationships') };
}

describe('cablegraph load → Neo4j', () => {
  let driver: Driver | undefined;
  beforeAll(async () => {
    try {
      driver = await openDriver(connection);
    } catch (error) {
      if (process.env.CI) throw error;
      console.warn(`Neo4j not running at ${connection.uri}: skipped (npm run neo4j:start)`);
    }
  });
  beforeEach(async () => {
    await driver?.executeQuery('MATCH (n) DETACH DELETE n');
  });
  afterAll(async () => driver?.close());

  test('loads every node and relationship with labels, keys and properties', async () => {
    if (!driver) return;
    const result = await loadGraph(smallGraph(), driver, { batchSize: 2 });
    expect(result).toMatchObject({ nodes: 8, relationships: 6, alreadyLoaded: false, resumedBatches: 0 });
    expect(await counts(driver)).toEqual({ nodes: 8, relationships: 6 });
    const { records } = await driver.executeQuery(
      'MATCH (a:Person:Entity {id: "p-kouchner"})-[r:CO_MENTIONED]-(b:Person {id: "p-talabani"}) RETURN a.name AS name, a.aliases AS aliases, a.aliasCounts AS aliasCounts, r.weight AS weight, r.cables AS cables, r.evidence AS evidence',
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { name: 'Bernard Kouchner', aliases: ['Kouchner', 'KOUCHNER'], aliasCounts: [41, 1], weight: 3, cables: ['07PARIS3534'], evidence: '[{"cable":"07PARIS3534","paragraphs":[2]}]' },
    ]);
    const search = await driver.executeQuery('CALL db.index.fulltext.queryNodes("entity_search", "kouchner") YIELD node RETURN node.id AS id');
    expect(search.records.map((r) => r.get('id'))).toEqual(['p-kouchner']);
  });

  test('loading twice, or forced again, leaves identical counts and weights', async () => {
    if (!driver) return;
    await loadGraph(smallGraph(), driver);
    const again = await loadGraph(smallGraph(), driver);
    expect(again.alreadyLoaded).toBe(true);
    await loadGraph(smallGraph(), driver, { force: true });
    expect(await counts(driver)).toEqual({ nodes: 8, relationships: 6 });
    const { records } = await driver.executeQuery('MATCH ()-[r:CO_MENTIONED]-() RETURN count(r) AS n, sum(r.weight) AS w');
    expect(records[0]!.toObject()).toEqual({ n: 2, w: 6 }); // one relationship, seen from both ends
  });

  test('a rebuilt graph with more cables updates weights to the new totals, never adds them up', async () => {
    if (!driver) return;
    await loadGraph(smallGraph(), driver);
    const grown = smallGraph();
    grown.addNode('08PARIS1600', { kind: 'Cable', date: '2008-08-30', inCorpus: true });
    grown.addDirectedEdge('08PARIS1600', 'p-kouchner', { type: 'MENTIONS', count: 2, paragraphs: [4] });
    grown.addDirectedEdge('08PARIS1600', 'p-talabani', { type: 'MENTIONS', count: 1, paragraphs: [4] });
    grown.mergeUndirectedEdge('p-talabani', 'p-kouchner', { weight: 5, cables: ['07PARIS3534', '08PARIS1600'], lastDate: '2008-08-30' });
    await loadGraph(grown, driver);
    expect(await counts(driver)).toEqual({ nodes: 9, relationships: 8 });
    const { records } = await driver.executeQuery('MATCH (:Person {id: "p-kouchner"})-[r:CO_MENTIONED]-() RETURN r.weight AS weight, r.cables AS cables, r.lastDate AS lastDate');
    expect(records.map((r) => r.toObject())).toEqual([{ weight: 5, cables: ['07PARIS3534', '08PARIS1600'], lastDate: '2008-08-30' }]);
  });

  test('a load killed mid-way resumes from its checkpoint and equals a clean load', async () => {
    if (!driver) return;
    const crash = new Error('simulated crash');
    await expect(loadGraph(smallGraph(), driver, { batchSize: 1, concurrency: 1, afterWave: (n) => { if (n === 5) throw crash; } })).rejects.toBe(crash);
    expect((await counts(driver)).nodes).toBe(5);
    const resumed = await loadGraph(smallGraph(), driver, { batchSize: 1, concurrency: 1 });
    expect(resumed.resumedBatches).toBe(5);
    expect(await counts(driver)).toEqual({ nodes: 8, relationships: 6 });
  });

  test('a wrong password or an unreachable server: a clear error before anything is written', async () => {
    if (!driver) return;
    await expect(openDriver({ ...connection, password: 'not-the-password' })).rejects.toMatchObject({ code: 'NEO4J_AUTH' });
    await expect(openDriver({ ...connection, uri: 'bolt://127.0.0.1:1' })).rejects.toBeInstanceOf(CablegraphError);
    await expect(openDriver({ ...connection, uri: 'bolt://127.0.0.1:1' })).rejects.toMatchObject({ code: 'NEO4J_UNREACHABLE' });
    expect(await counts(driver)).toEqual({ nodes: 0, relationships: 0 });
    void neo4j;
  });
});
