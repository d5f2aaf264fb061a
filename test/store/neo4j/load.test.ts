import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type Graph from 'graphology';
import type { Driver } from 'neo4j-driver';
import { buildGraph, type CableRecord } from '../../../src/graph';
import { buildDbOf } from '../../db/helpers';
import { graphSource, loadGraph, loadGraphDb, openDriver, planBatches } from '../../../src/store/neo4j';
import { everyRowSet, writeRows } from '../../../src/store/neo4j/load';
import { LATE_BATCH_BYTES } from '../../../src/store/neo4j/plan';
import { CablegraphError } from '../../../src/common/diagnostics';
import { GraphDbReader } from '../../../src/db/read';
import { HEAP_CAPPED_ENV } from '../../../src/cli/heap-cap';
import { SEEDS, SHARED, recordsOf } from '../../graph/helpers';
import { connection, counts, emptyDatabase, smallGraph, snapshot, testDriver } from './helpers';

/** The built CLI (npm run build), as users run it. */
const CLI = path.resolve(__dirname, '../../../dist/cli/index.js');

/** Runs `load` with a hook that throws after batch wave `wave`, as a killed load stops, and checks that it failed so. */
async function stoppedAfterWave(
  load: (afterWave: (n: number) => void) => Promise<unknown>,
  wave: number,
): Promise<void> {
  const crash = new Error('simulated crash');
  await expect(
    load((n) => {
      if (n === wave) throw crash;
    }),
  ).rejects.toBe(crash);
}

describe('cablegraph load → Neo4j', () => {
  let driver: Driver | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-load-'));
  let seedsFile: Promise<{ records: CableRecord[]; graph: Graph; file: string }> | undefined;
  /** The two seed cables, built into a graph database once for the tests that stream one. */
  const seeds = () =>
    (seedsFile ??= (async () => {
      const records = await recordsOf([SEEDS]);
      const { graph } = buildGraph(records);
      const file = path.join(dir, 'seeds.db');
      await buildDbOf(file, records);
      return { records, graph, file };
    })());
  beforeAll(async () => {
    driver = await testDriver();
  });
  beforeEach(async () => {
    if (driver) await emptyDatabase(driver);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await driver?.close();
  });

  test('loads every node and relationship with labels, keys and properties', async () => {
    if (!driver) return;
    const result = await loadGraph(smallGraph(), driver, { batchSize: 2 });
    expect(result).toMatchObject({ nodes: 8, relationships: 6, alreadyLoaded: false, resumedBatches: 0 });
    expect(await counts(driver)).toEqual({ nodes: 8, relationships: 6 });
    const { records } = await driver.executeQuery(
      'MATCH (a:Person:Entity {id: "p-kouchner"})-[r:CO_MENTIONED]-(b:Person {id: "p-talabani"}) RETURN a.name AS name, a.aliases AS aliases, a.aliasCounts AS aliasCounts, r.weight AS weight, r.cables AS cables, r.evidence AS evidence',
    );
    expect(records.map((r) => r.toObject())).toEqual([
      {
        name: 'Bernard Kouchner',
        aliases: ['Kouchner', 'KOUCHNER'],
        aliasCounts: [41, 1],
        weight: 3,
        cables: ['07PARIS3534'],
        evidence: '[{"cable":"07PARIS3534","paragraphs":[2]}]',
      },
    ]);
    const search = await driver.executeQuery(
      'CALL db.index.fulltext.queryNodes("entity_search", "kouchner") YIELD node RETURN node.id AS id',
    );
    expect(search.records.map((r) => r.get('id'))).toEqual(['p-kouchner']);
  });

  test('loading twice, or forced again, leaves identical counts and weights', async () => {
    if (!driver) return;
    await loadGraph(smallGraph(), driver);
    const again = await loadGraph(smallGraph(), driver);
    expect(again.alreadyLoaded).toBe(true);
    await loadGraph(smallGraph(), driver, { force: true });
    expect(await counts(driver)).toEqual({ nodes: 8, relationships: 6 });
    const { records } = await driver.executeQuery(
      'MATCH ()-[r:CO_MENTIONED]-() RETURN count(r) AS n, sum(r.weight) AS w',
    );
    expect(records[0].toObject()).toEqual({ n: 2, w: 6 }); // one relationship, seen from both ends
  });

  test('a rebuilt graph with more cables updates weights to the new totals, never adds them up', async () => {
    if (!driver) return;
    await loadGraph(smallGraph(), driver);
    const grown = smallGraph();
    grown.addNode('08PARIS1600', { kind: 'Cable', date: '2008-08-30', inCorpus: true });
    grown.addDirectedEdge('08PARIS1600', 'p-kouchner', { type: 'MENTIONS', count: 2, paragraphs: [4] });
    grown.addDirectedEdge('08PARIS1600', 'p-talabani', { type: 'MENTIONS', count: 1, paragraphs: [4] });
    grown.mergeUndirectedEdge('p-talabani', 'p-kouchner', {
      weight: 5,
      cables: ['07PARIS3534', '08PARIS1600'],
      lastDate: '2008-08-30',
    });
    await loadGraph(grown, driver);
    expect(await counts(driver)).toEqual({ nodes: 9, relationships: 8 });
    const { records } = await driver.executeQuery(
      'MATCH (:Person {id: "p-kouchner"})-[r:CO_MENTIONED]-() RETURN r.weight AS weight, r.cables AS cables, r.lastDate AS lastDate',
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { weight: 5, cables: ['07PARIS3534', '08PARIS1600'], lastDate: '2008-08-30' },
    ]);
  });

  test("a graph that lost an entity: a load keeps the old node and says so; --replace loads the graph alone, leaving others' data as it was", async () => {
    if (!driver) return;
    const others = 'CREATE (:Other {id: "mine"})-[:KNOWS]->(:Other {id: "yours"})';
    await driver.executeQuery(others);
    await loadGraph(smallGraph(), driver);
    // Rebuilt without Talabani (merged away, say): his node, mentions and co-mentions are gone.
    const shrunk = smallGraph();
    shrunk.dropNode('p-talabani');
    const merged = await loadGraph(shrunk, driver);
    // Talabani's node and relationships stay (the graph's counts are checked against the count store).
    const gone = smallGraph().size - shrunk.size;
    expect(gone).toBeGreaterThan(0);
    expect(merged).toMatchObject({ mode: 'merge', leftovers: { nodes: 1, relationships: gone, statements: 0 } });
    expect(await counts(driver)).toEqual({ nodes: 8 + 2, relationships: 6 + 1 });
    const replaced = await loadGraph(shrunk, driver, { replace: true });
    // The two graphs' 8 nodes and the two loads' checkpoints removed; created afresh, nothing extra.
    expect(replaced).toMatchObject({ mode: 'create', removedNodes: 8 + 2, alreadyLoaded: false });
    expect(replaced.leftovers).toBeUndefined();
    const actual = await snapshot(driver);
    // The same as this graph loaded into a database holding only the other data.
    await emptyDatabase(driver);
    await driver.executeQuery(others);
    await loadGraph(shrunk, driver);
    expect(actual).toEqual(await snapshot(driver));
    expect(actual.filter((line) => line.includes('Talabani'))).toEqual([]);
    expect(actual.filter((line) => line.includes('Other')).length).toBe(2);
  });

  test('cablegraph load: a graph with fewer nodes than the database warns (even with --quiet); --replace removes the rest', async () => {
    if (!driver) return;
    const both = (await seeds()).file;
    const one = path.join(dir, 'one-seed.db');
    await buildDbOf(one, await recordsOf([path.join(SEEDS, '000_95b061aa67c0afb6.txt')]));
    const nodesOf = (file: string): number => {
      const reader = GraphDbReader.open(file);
      try {
        return reader.nodes.keys.length;
      } finally {
        reader.close();
      }
    };
    const load = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, 'load', ...args], { encoding: 'utf8', env: process.env });
    expect(load(both, '--quiet').status).toBe(0);
    const merged = load(one, '--quiet');
    expect(merged.status).toBe(0);
    const extra = nodesOf(both) - nodesOf(one);
    expect(extra).toBeGreaterThan(0);
    expect(merged.stderr).toContain(`also holds ${extra} node(s), `);
    expect(merged.stderr).toContain('relationship(s) this graph does not have');
    expect(merged.stderr).toContain(`cablegraph load ${one} --replace`);
    const replaced = load(one, '--replace');
    expect(replaced.status).toBe(0);
    expect(replaced.stderr).toContain(`${nodesOf(both) + 2} nodes removed first;`);
    expect(replaced.stderr).not.toContain('warning');
    expect((await counts(driver)).nodes).toBe(nodesOf(one));
  }, 120_000);

  test('cablegraph load --max-heap N loads in a node with that heap limit, the same graph as uncapped', async () => {
    if (!driver) return;
    const { file } = await seeds();
    const load = (maxHeap: string) =>
      spawnSync(process.execPath, [CLI, 'load', file, '--force', '--max-heap', maxHeap], {
        encoding: 'utf8',
        env: { ...process.env, CABLEGRAPH_TRACE_MEMORY: '1', [HEAP_CAPPED_ENV]: '' },
      });
    const limitOf = (stderr: string): number =>
      Number(/memory: load .* of ([\d.]+) GiB, array buffers/.exec(stderr)![1]);
    const capped = load('300');
    expect(capped.status).toBe(0);
    // the limit V8 reports is the old generation's cap plus the young generation (a few dozen MiB)
    expect(limitOf(capped.stderr)).toBeGreaterThanOrEqual(0.29);
    expect(limitOf(capped.stderr)).toBeLessThan(0.4);
    const cappedGraph = await snapshot(driver);
    const plain = load('none');
    expect(plain.status).toBe(0);
    expect(limitOf(plain.stderr)).toBeGreaterThan(0.5);
    expect(await snapshot(driver)).toEqual(cappedGraph);
    const summary = (stderr: string) => /: (\d+ nodes, \d+ relationships)/.exec(stderr)![1];
    expect(summary(capped.stderr)).toBe(summary(plain.stderr));
    const bad = load('3G');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--max-heap wants a number of MiB (256 or more), auto or none, got "3G"');
  }, 120_000);

  test('an interrupted --replace load resumes where it stopped, removing nothing again', async () => {
    if (!driver) return;
    await driver.executeQuery('CREATE (:Person {id: "p-other", name: "Other"})');
    await stoppedAfterWave(
      (afterWave) => loadGraph(smallGraph(), driver!, { replace: true, batchSize: 1, concurrency: 1, afterWave }),
      5,
    );
    expect((await counts(driver)).nodes).toBe(5);
    const resumed = await loadGraph(smallGraph(), driver, { replace: true, batchSize: 1, concurrency: 1 });
    expect(resumed).toMatchObject({ mode: 'create', resumedBatches: 5 });
    expect(resumed.removedNodes).toBeUndefined();
    expect(await counts(driver)).toEqual({ nodes: 8, relationships: 6 });
  });

  test("--replace after an interrupted load that another graph's load followed removes both: the graph alone, not a resume", async () => {
    if (!driver) return;
    await stoppedAfterWave(
      (afterWave) => loadGraph(smallGraph(), driver!, { batchSize: 1, concurrency: 1, afterWave }),
      5,
    );
    // Another graph (one more person) loaded since, completely: merged over the interrupted one's nodes.
    const other = smallGraph();
    other.addNode('p-other', { kind: 'Person', name: 'Other Person', aliases: [{ text: 'Other', count: 1 }] });
    expect(await loadGraph(other, driver)).toMatchObject({ mode: 'merge' });
    const replaced = await loadGraph(smallGraph(), driver, { replace: true, batchSize: 1, concurrency: 1 });
    // The other graph's 9 nodes and the two checkpoints removed, then the graph created alone.
    expect(replaced).toMatchObject({ mode: 'create', removedNodes: 9 + 2, resumedBatches: 0 });
    const actual = await snapshot(driver);
    expect(actual.filter((line) => line.includes('Other Person'))).toEqual([]);
    await emptyDatabase(driver);
    await loadGraph(smallGraph(), driver);
    expect(actual).toEqual(await snapshot(driver));
  });

  test('--replace --force after an interrupted load starts afresh: removes, then creates', async () => {
    if (!driver) return;
    await stoppedAfterWave(
      (afterWave) => loadGraph(smallGraph(), driver!, { batchSize: 1, concurrency: 1, afterWave }),
      5,
    );
    const replaced = await loadGraph(smallGraph(), driver, { replace: true, force: true });
    expect(replaced).toMatchObject({ mode: 'create', removedNodes: 5 + 1, resumedBatches: 0 });
    expect(await counts(driver)).toEqual({ nodes: 8, relationships: 6 });
  });

  test('a load killed mid-way resumes from its checkpoint and equals a clean load', async () => {
    if (!driver) return;
    await stoppedAfterWave(
      (afterWave) => loadGraph(smallGraph(), driver!, { batchSize: 1, concurrency: 1, afterWave }),
      5,
    );
    expect((await counts(driver)).nodes).toBe(5);
    const resumed = await loadGraph(smallGraph(), driver, { batchSize: 1, concurrency: 1 });
    expect(resumed.resumedBatches).toBe(5);
    expect(await counts(driver)).toEqual({ nodes: 8, relationships: 6 });
  });

  test('a graph database streamed in (texts from its cables) equals the in-memory load; CREATE into an empty database, MERGE into one with data', async () => {
    if (!driver) return;
    const { records, graph, file } = await seeds();
    const inMemory = await loadGraph(graph, driver, { batchSize: 7, records });
    expect(inMemory.mode).toBe('create');
    const expected = await snapshot(driver);
    expect(expected.length).toBe(graph.order + graph.size);
    expect(expected.filter((line) => line.startsWith('Cable ') && line.includes('"text":')).length).toBe(2);

    await emptyDatabase(driver);
    // (every co-mention's lists last: lateAbove 0)
    const streamed = await loadGraphDb(file, driver, { batchSize: 7, lateAbove: 0 });
    expect(streamed).toMatchObject({
      mode: 'create',
      nodes: graph.order,
      relationships: graph.size,
      resumedBatches: 0,
    });
    expect(await snapshot(driver)).toEqual(expected);
    // Every co-mention's lists found again by the id its CREATE returned, none by its two ends.
    const coMentions = graph.filterEdges((_e, a) => a.type === 'CO_MENTIONED').length;
    expect(coMentions).toBeGreaterThan(7);
    expect(streamed.lateRows).toEqual({ byRelationshipId: coMentions, byEnds: 0 });

    // The same graph into a database that has it already (forced): MERGEd, nothing doubled.
    const again = await loadGraphDb(file, driver, { batchSize: 7, force: true, lateAbove: 0 });
    expect(again.mode).toBe('merge');
    expect(again.lateRows).toEqual({ byRelationshipId: coMentions, byEnds: 0 });
    expect(await snapshot(driver)).toEqual(expected);
  }, 120_000);

  test('the lists of pairs of more than lateAbove cables come last, the others with their relationships: the same graph, resumed after a kill too', async () => {
    if (!driver) return;
    const { graph, file } = await seeds();
    await loadGraphDb(file, driver, { batchSize: 5, lateAbove: 0 });
    const expected = await snapshot(driver);
    await emptyDatabase(driver);

    const pairs = graph.filterEdges((_e, a) => a.type === 'CO_MENTIONED');
    const many = pairs.filter((e) => (graph.getEdgeAttribute(e, 'cableCount') as number) > 1).length;
    expect(many).toBeGreaterThan(0);
    expect(many).toBeLessThan(pairs.length);
    const hybrid = await loadGraphDb(file, driver, { batchSize: 5, lateAbove: 1 });
    expect(hybrid.lateRows).toEqual({ byRelationshipId: many, byEnds: 0 });
    expect(await snapshot(driver)).toEqual(expected);

    await emptyDatabase(driver);
    await stoppedAfterWave(
      (afterWave) => loadGraphDb(file, driver!, { batchSize: 5, concurrency: 1, afterWave, lateAbove: 1 }),
      40,
    );
    const resumed = await loadGraphDb(file, driver, { batchSize: 5, lateAbove: 1 });
    expect(resumed.resumedBatches).toBe(40);
    expect(resumed.lateRows.byRelationshipId + resumed.lateRows.byEnds).toBe(many);
    expect(await snapshot(driver)).toEqual(expected);
  }, 120_000);

  test('a lateAbove that is no cable count is refused before anything is written', async () => {
    if (!driver) return;
    await expect(loadGraph(smallGraph(), driver, { lateAbove: -1 })).rejects.toThrow(/lateAbove/);
    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS n');
    expect(Number(records[0].get('n'))).toBe(0);
  });

  test('a streamed load killed mid-way resumes in the mode it started with and equals a clean load', async () => {
    if (!driver) return;
    const { file } = await seeds();
    await loadGraphDb(file, driver, { batchSize: 5 });
    const expected = await snapshot(driver);
    await emptyDatabase(driver);

    await stoppedAfterWave((afterWave) => loadGraphDb(file, driver!, { batchSize: 5, concurrency: 1, afterWave }), 6);
    const resumed = await loadGraphDb(file, driver, { batchSize: 5 });
    expect(resumed.mode).toBe('create'); // the database held the crashed load's nodes, but CREATE goes on: no batch is redone
    expect(resumed.resumedBatches).toBe(6);
    expect(await snapshot(driver)).toEqual(expected);
  }, 120_000);

  test('killed in the relationships phase: the co-mentions written before the kill find their lists by their ends, the rest by their ids; equal to a clean load', async () => {
    if (!driver) return;
    const { file } = await seeds();
    await loadGraphDb(file, driver, { batchSize: 5 });
    const expected = await snapshot(driver);
    await emptyDatabase(driver);

    // Batch 40 of 5 rows is among the co-mentions' relationships (they are most of the seeds' edges),
    // every one's lists last (lateAbove 0).
    await stoppedAfterWave(
      (afterWave) => loadGraphDb(file, driver!, { batchSize: 5, concurrency: 1, afterWave, lateAbove: 0 }),
      40,
    );
    const resumed = await loadGraphDb(file, driver, { batchSize: 5, lateAbove: 0 });
    expect(resumed.resumedBatches).toBe(40);
    expect(resumed.lateRows.byEnds).toBeGreaterThan(0);
    expect(resumed.lateRows.byRelationshipId).toBeGreaterThan(0);
    expect(await snapshot(driver)).toEqual(expected);
  }, 120_000);

  test("a relationship id that is not the row's pair any more is an error: no list lands on another pair", async () => {
    if (!driver) return;
    const graph = smallGraph();
    await loadGraph(graph, driver, { force: true, concurrency: 1 });
    const batches = [];
    for await (const batch of planBatches(graphSource(graph), 100, { lateAbove: 0 })) batches.push(batch);
    const late = batches.find((b) => b.phase === 'evidence' && b.cypherByRelationshipId);
    expect(late?.rows.length).toBe(1); // Kouchner–Talabani
    const { records } = await driver.executeQuery(
      `MATCH (a {id: 'p-kouchner'})-[r:CO_MENTIONED]-(b {id: 'p-talabani'}) MATCH (c:Cable {id: '07PARIS3534'})-[m:MENTIONS]->(a)
       RETURN id(r) AS r, id(startNode(r)) AS s, id(endNode(r)) AS t, id(m) AS other`,
    );
    const [r, s, t, other] = ['r', 's', 't', 'other'].map((k) => records[0].get(k) as unknown);
    const values = late!.rows[0].slice(2);
    const session = driver.session();
    try {
      // The MENTIONS relationship's id in the co-mention's place: refused, nothing written.
      await expect(
        writeRows(session, late!.cypherByRelationshipId!, [[other, s, t, ...values]], undefined, everyRowSet),
      ).rejects.toThrow('found 0 of 1 relationships by their ids');
      // Its own id: set (the statement checks both ends, then sets).
      const set = await writeRows(
        session,
        late!.cypherByRelationshipId!,
        [[r, s, t, ...values]],
        undefined,
        everyRowSet,
      );
      expect(Number(set![0].get('set'))).toBe(1);
    } finally {
      await session.close();
    }
  }, 60_000);

  test('co-mentions whose lists are big go out in smaller late batches, each within one relationship batch, found by their ids', async () => {
    if (!driver) return;
    // Six pairs of one shape (Person–Person), each evidence list ~3 MB: the relationship batches
    // hold 4 rows and 2 (batchSize 4); the late batches are cut at LATE_BATCH_BYTES, never across 4.
    const graph = smallGraph();
    const people = ['p-a', 'p-b', 'p-c', 'p-d'];
    // (mentioned too: more relationships than nodes, so the loader seeks ends and relationships by id)
    for (const p of people) {
      graph.addNode(p, { kind: 'Person', name: p, aliases: [] });
      graph.addDirectedEdge('07PARIS3534', p, { type: 'MENTIONS', count: 1, paragraphs: [1] });
    }
    const big = 'x'.repeat(3_000_000);
    const pairs = [
      ['p-a', 'p-b'],
      ['p-a', 'p-c'],
      ['p-a', 'p-d'],
      ['p-b', 'p-c'],
      ['p-b', 'p-d'],
      ['p-c', 'p-d'],
    ];
    pairs.forEach(([a, b], i) =>
      graph.addUndirectedEdge(a, b, {
        type: 'CO_MENTIONED',
        weight: i + 1,
        cableCount: 1,
        paragraphCount: 1,
        cables: ['07PARIS3534'],
        evidence: [{ cable: '07PARIS3534', paragraphs: [i + 1], note: big }],
      }),
    );
    const late = [];
    for await (const batch of planBatches(graphSource(graph), 4, { lateAbove: 0 }))
      if (batch.phase === 'evidence' && batch.late!.shape === 'CO_MENTIONED|Person|Person') late.push(batch);
    // [the relationship batch's first row, how many of its late rows went before, rows]
    const places = late.map((b) => [b.late!.first, b.late!.from, b.rows.length]);
    expect(places).toEqual([
      [0, 0, 3],
      [0, 3, 1],
      [4, 0, 2],
      [4, 2, 1],
    ]);
    expect(places.reduce((n, [, , rows]) => n + rows, 0)).toBe(pairs.length + 1); // + Kouchner–Talabani
    for (const [first, from, rows] of places) expect(from + rows).toBeLessThanOrEqual(4 - (first % 4));
    for (const b of late) expect(JSON.stringify(b.rows).length).toBeLessThan(LATE_BATCH_BYTES + 3_100_000);

    await emptyDatabase(driver);
    const result = await loadGraph(graph, driver, { batchSize: 4, concurrency: 2, lateAbove: 0 });
    const coMentions = graph.filterEdges((_e, a) => a.type === 'CO_MENTIONED').length;
    expect(result.lateRows).toEqual({ byRelationshipId: coMentions, byEnds: 0 });
    const { records } = await driver.executeQuery(
      'MATCH (:Person)-[r:CO_MENTIONED]->(:Person) WHERE r.weight <= 6 AND size(r.evidence) > 3000000 RETURN r.weight AS w ORDER BY w',
    );
    expect(records.map((r) => Number(r.get('w')))).toEqual([1, 2, 3, 4, 5, 6]);
  }, 120_000);

  test('the middle statements of cut roles and affiliations (--max-evidence 2) as (:Statement) nodes: as many as the database leaves out, loaded again without doubling, resumed after a crash', async () => {
    if (!driver) return;
    const corpus = path.join(SHARED, 'corpus', 'cablegate', 'cable');
    const berlin = fs
      .readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('BERLIN'))
      .map((f) => path.join(corpus, f));
    const file = path.join(dir, 'berlin.db');
    await buildDbOf(file, await recordsOf(berlin), { maxEvidence: 2 });
    const reader = GraphDbReader.open(file);
    const expected = [...reader.statements()];
    const count = reader.statementCount;
    // every statement beyond the first and the last of each cut edge, counted in SQL
    const beyond = reader.db
      .prepare(
        `SELECT (SELECT coalesce(sum(n - 2), 0) FROM (SELECT count(*) AS n FROM roles WHERE owner IS NOT NULL GROUP BY person, title, owner HAVING n > 2))
              + (SELECT coalesce(sum(n - 2), 0) FROM (SELECT count(*) AS n FROM affiliations WHERE owner IS NOT NULL GROUP BY person, owner HAVING n > 2))`,
      )
      .pluck()
      .get() as number;
    reader.close();
    expect(count).toBe(beyond);
    expect(expected).toHaveLength(count);
    expect(count).toBeGreaterThan(20);
    expect(expected.some((s) => s.edge.startsWith('AFFILIATED_WITH:'))).toBe(true);

    const stored = async () =>
      (
        await driver!.executeQuery(
          'MATCH (s:Statement) RETURN s.edge AS edge, s.seq AS seq, s.cable AS cable, s.evidence AS evidence',
        )
      ).records
        .map((r) => `${r.get('edge')}#${r.get('seq')} ${r.get('cable')} ${r.get('evidence')}`)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const want = expected
      .map((s) => `${s.edge}#${s.seq} ${s.statement.cable} ${s.statement.evidence}`)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const first = await loadGraphDb(file, driver, { batchSize: 10 });
    expect(first.phases.statements).toBeGreaterThan(0);
    expect(await stored()).toEqual(want);
    const loaded = await snapshot(driver);
    expect(loaded.filter((line) => line.startsWith('Statement ')).length).toBe(count);

    // MERGEd into the database that has them: nothing doubled
    expect((await loadGraphDb(file, driver, { batchSize: 10, force: true })).mode).toBe('merge');
    expect(await snapshot(driver)).toEqual(loaded);

    // killed in the statements phase (the last one), resumed: the same database
    await emptyDatabase(driver);
    await stoppedAfterWave(
      (afterWave) => loadGraphDb(file, driver!, { batchSize: 10, concurrency: 1, afterWave }),
      first.batches - 2,
    );
    // statement batches of 10: the first two are in, the others not
    expect((await stored()).length).toBe(20);
    const resumed = await loadGraphDb(file, driver, { batchSize: 10 });
    expect(resumed.resumedBatches).toBeGreaterThan(0);
    expect(await snapshot(driver)).toEqual(loaded);
  }, 300_000);

  test('a wrong password or an unreachable server: a clear error before anything is written', async () => {
    if (!driver) return;
    await expect(openDriver({ ...connection, password: 'not-the-password' })).rejects.toMatchObject({
      code: 'NEO4J_AUTH',
    });
    await expect(openDriver({ ...connection, uri: 'bolt://127.0.0.1:1' })).rejects.toBeInstanceOf(CablegraphError);
    await expect(openDriver({ ...connection, uri: 'bolt://127.0.0.1:1' })).rejects.toMatchObject({
      code: 'NEO4J_UNREACHABLE',
    });
    expect(await counts(driver)).toEqual({ nodes: 0, relationships: 0 });
  });
});
