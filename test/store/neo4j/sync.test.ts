/** A curation decision's live Neo4j update (syncGraphDiff, through takeDecision) leaves Neo4j equal to a fresh load of the curated database — relation edges included. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { takeDecision } from '../../../src/build/decide';
import { openGraphDb } from '../../../src/db/open';
import type { DecisionRequest } from '../../../src/model';
import { loadGraphDb } from '../../../src/store/neo4j';
import { buildDbOf } from '../../db/helpers';
import { SEEDS, recordsOf } from '../../graph/helpers';
import { emptyDatabase, snapshot, testDriver } from './helpers';

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
});
