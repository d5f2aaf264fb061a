/** A curation decision's live Neo4j update (syncGraphDiff, through takeDecision) leaves Neo4j equal to a fresh load of the curated database — relation edges included. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { takeDecision } from '../../../src/build/decide';
import { runBuild } from '../../../src/cli/build-command';
import { openGraphDb } from '../../../src/db/open';
import type { DecisionRequest } from '../../../src/model';
import { loadGraph, loadGraphDb, syncGraphDiff } from '../../../src/store/neo4j';
import { diffGraphs } from '../../../src/curate/diff';
import type { CableGraph } from '../../../src/model';
import { buildDbOf } from '../../db/helpers';
import { SEEDS, SHARED, recordsOf } from '../../graph/helpers';
import { emptyDatabase, smallGraph, snapshot, testDriver } from './helpers';

describe('a decision sent to Neo4j', () => {
  let driver: Driver | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-sync-'));
  beforeAll(async () => {
    driver = await testDriver();
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await driver?.close();
  });

  test('rewrites the relation edges of the entities it touches: Neo4j equals a fresh load after each decision', async () => {
    if (!driver) return;
    await emptyDatabase(driver);
    const file = path.join(dir, 'seeds.db');
    await buildDbOf(file, await recordsOf([SEEDS]));
    await loadGraphDb(file, driver, { batchSize: 50 });
    const curation = path.join(dir, 'curation.jsonl');
    const db = openGraphDb(file, { write: true });
    const idOf = (name: string): string =>
      db.prepare("SELECT id FROM entities WHERE name = ? AND kind = 'Person'").pluck().get(name) as string;
    const roles = async (): Promise<string[]> =>
      (
        await driver!.executeQuery(
          'MATCH (p:Person)-[r:HOLDS_ROLE]->(o) RETURN p.name AS p, r.title AS t, o.name AS o ORDER BY p, t, o',
        )
      ).records.map((r) => `${r.get('p')} | ${r.get('t')} | ${r.get('o')}`);
    expect(await roles()).toContain('Chirac | President | France');
    const decisions: DecisionRequest[] = [
      // the merged-away person's role moves to the person kept: a new HOLDS_ROLE edge, the old one gone
      { op: 'merge', ids: [idOf('Chirac'), idOf('Sarkozy')], into: idOf('Sarkozy'), author: 'test' },
      // a renamed person keeps his role (the edge's end changes its name)
      { op: 'rename', id: idOf('Kouchner'), name: 'Bernard Kouchner', author: 'test' },
      // a rejected person's role goes with him
      { op: 'reject', id: idOf('Jalal Talabani'), author: 'test' },
      // and undoing the merge brings Chirac's role back
      { op: 'undo', decision: 1, author: 'test' },
    ] as DecisionRequest[];
    const seen: string[][] = [];
    try {
      for (const request of decisions) {
        const result = await takeDecision(db, curation, request, { neo4j: { driver } });
        expect(result.neo4j).toBeDefined();
        const synced = await snapshot(driver);
        seen.push(await roles());
        // what a fresh load of the curated database gives
        await emptyDatabase(driver);
        await loadGraphDb(file, driver, { batchSize: 50, force: true });
        expect(synced).toEqual(await snapshot(driver));
      }
    } finally {
      db.close();
    }
    expect(seen[0]).toContain('Sarkozy | President | France');
    expect(seen[0]).not.toContain('Chirac | President | France');
    expect(seen[1]).toContain('Bernard Kouchner | Foreign Minister | France');
    expect(seen[2].some((r) => r.startsWith('Jalal Talabani'))).toBe(false);
    expect(seen[3]).toContain('Chirac | President | France');
  }, 300_000);

  test('is one transaction: a decision that fails half-way leaves the graph before it, a retyped entity never missing', async () => {
    if (!driver) return;
    await emptyDatabase(driver);
    const before = smallGraph() as CableGraph;
    await loadGraph(before, driver, { batchSize: 50 });
    const loaded = await snapshot(driver);
    // Irbil retyped to an organization (deleted, then written again with its new label), and an
    // edge the planner refuses, met only after the delete has run.
    const after = before.copy();
    after.setNodeAttribute('l-irbil', 'kind', 'Organization');
    after.addDirectedEdge('07PARIS3534', 'l-irbil', { type: 'not a type' } as never);
    await expect(syncGraphDiff(driver, before, after, diffGraphs(before, after))).rejects.toThrow(/not a type/);
    expect(await snapshot(driver)).toEqual(loaded);
    const irbil = await driver.executeQuery("MATCH (n {id: 'l-irbil'}) RETURN labels(n) AS labels");
    expect(irbil.records.map((r) => (r.get('labels') as string[]).sort())).toEqual([['Entity', 'Place']]);
  }, 60_000);

  test("moves, drops and brings back the middle statements of cut roles (--max-evidence 2): a merged person's role statements follow him", async () => {
    if (!driver) return;
    await emptyDatabase(driver);
    const corpus = path.join(SHARED, 'corpus', 'cablegate', 'cable');
    const madrid = fs
      .readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('MADRID'))
      .map((f) => path.join(corpus, f));
    // Built as `cablegraph build --max-evidence 2` builds it
    const file = path.join(dir, 'madrid.db');
    expect(await runBuild(madrid, { output: file, ner: 'builtin', quiet: true, workers: '0', maxEvidence: '2' })).toBe(
      0,
    );
    await loadGraphDb(file, driver, { batchSize: 50 });
    const curation = path.join(dir, 'madrid-curation.jsonl');
    const db = openGraphDb(file, { write: true });
    const idOf = (name: string): string =>
      db.prepare("SELECT id FROM entities WHERE name = ? AND kind = 'Person'").pluck().get(name) as string;
    const bono = idOf('Jose Bono');
    const chacon = idOf('Carme Chacon');
    const king = idOf('Juan Carlos');
    const spain = db.prepare("SELECT id FROM entities WHERE name = 'Spain' AND kind = 'Place'").pluck().get() as string;
    /** The cables of a role's (:Statement) nodes, in position order. */
    const middle = async (person: string, title: string): Promise<string[]> =>
      (
        await driver!.executeQuery(
          'MATCH (s:Statement) WHERE s.edge = $edge AND s.seq >= 0 RETURN s.cable AS cable ORDER BY s.seq',
          { edge: `HOLDS_ROLE:${person}->${spain}:${title}` },
        )
      ).records.map((r) => r.get('cable') as string);
    const defense = { bono: await middle(bono, 'Defense Minister'), chacon: await middle(chacon, 'Defense Minister') };
    /** A person's statements with a title of Spain, in the graph database. */
    const statements = (person: string, title = 'Defense Minister'): number =>
      db
        .prepare(
          'SELECT count(*) FROM roles r JOIN entities p ON p.node = r.person JOIN entities o ON o.node = r.owner WHERE p.id = ? AND o.id = ? AND r.title = ?',
        )
        .pluck()
        .get(person, spain, title) as number;
    const counts = { bono: statements(bono), chacon: statements(chacon), king: statements(king, 'King') };
    expect(counts.bono).toBeGreaterThan(4);
    expect(counts.chacon).toBeGreaterThan(2);
    // all but the first and the last are nodes
    expect([defense.bono.length, defense.chacon.length]).toEqual([counts.bono - 2, counts.chacon - 2]);
    expect(counts.king).toBeGreaterThan(2);
    expect(await middle(king, 'King')).toHaveLength(counts.king - 2);
    const decisions: DecisionRequest[] = [
      // Chacon's statements as Defense Minister become Bono's, interleaved by date
      { op: 'merge', ids: [bono, chacon], into: bono, author: 'test' },
      // and the split brings both back as they were
      { op: 'split', id: bono, author: 'test' },
      // a rejected person's statements go with his edge
      { op: 'reject', id: king, author: 'test' },
      { op: 'undo', decision: 3, author: 'test' },
    ] as DecisionRequest[];
    const seen: Array<{ bono: string[]; chacon: string[]; king: string[] }> = [];
    try {
      for (const request of decisions) {
        const result = await takeDecision(db, curation, request, { neo4j: { driver } });
        expect(result.neo4j!.statementEdges).toBeGreaterThan(0);
        const synced = await snapshot(driver);
        seen.push({
          bono: await middle(bono, 'Defense Minister'),
          chacon: await middle(chacon, 'Defense Minister'),
          king: await middle(king, 'King'),
        });
        // what a fresh load of the curated database gives
        await emptyDatabase(driver);
        await loadGraphDb(file, driver, { batchSize: 50, force: true });
        expect(synced).toEqual(await snapshot(driver));
      }
    } finally {
      db.close();
    }
    // merged: all their statements but the first and the last, Chacon's among them, her own edge gone
    expect(seen[0].bono).toHaveLength(counts.bono + counts.chacon - 2);
    expect(seen[0].chacon).toEqual([]);
    const chaconsCables = defense.chacon.filter((c) => !defense.bono.includes(c));
    expect(chaconsCables.length).toBeGreaterThan(0);
    expect(chaconsCables.every((c) => seen[0].bono.includes(c))).toBe(true);
    // split: exactly as before
    expect({ bono: seen[1].bono, chacon: seen[1].chacon }).toEqual(defense);
    expect(seen[2].king).toEqual([]);
    expect(seen[3].king).toHaveLength(counts.king - 2);
  }, 600_000);
});
