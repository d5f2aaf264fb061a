import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { loadGraph, openDriver } from '../../../src/store/neo4j';
import { TEST_NEO4J_DIR } from '../../setup/neo4j-test-server';
import { connection, counts, emptyDatabase, smallGraph } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const PID_FILE = path.join(TEST_NEO4J_DIR, 'neo4j.pid');

/** Everything in the database, as sorted text: two loads are equal when their dumps are. */
async function dump(driver: Driver): Promise<string[]> {
  const nodes = await driver.executeQuery(
    'MATCH (n) WHERE NOT n:CablegraphLoad RETURN labels(n) AS labels, properties(n) AS props',
  );
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props',
  );
  const sortKeys = (o: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y))));
  return [
    ...nodes.records.map((r) => `${[...r.get('labels')].sort().join(':')} ${sortKeys(r.get('props'))}`),
    ...rels.records.map((r) => `${r.get('a')} ${r.get('type')} ${r.get('b')} ${sortKeys(r.get('props'))}`),
  ].sort();
}

/**
 * The project's server (its pid file) is killed with SIGKILL in the middle of a load, restarted by
 * the project's script, and the load resumed: the database then equals a clean load. Runs only
 * against the tests' server of `npm run neo4j:test:start` (CI's), never one it did not start.
 */
describe('a load interrupted by the server dying', () => {
  const ours = fs.existsSync(PID_FILE);
  if (!ours && process.env.CI) throw new Error(`no ${PID_FILE}: CI must start Neo4j with npm run neo4j:test:start`);

  (ours ? test : test.skip)(
    'resumes after a restart and equals a clean load',
    async () => {
      let driver = await openDriver(connection);
      await emptyDatabase(driver);
      await loadGraph(smallGraph(), driver, { batchSize: 1, concurrency: 1 });
      const clean = await dump(driver);
      await emptyDatabase(driver);
      await driver.close();

      // Short retries: the load must fail soon after the server dies, not retry for 30 s.
      driver = await openDriver(connection, { maxTransactionRetryTime: 1000, connectionAcquisitionTimeout: 2000 });
      const killAfterWave = 5;
      try {
        await expect(
          loadGraph(smallGraph(), driver, {
            batchSize: 1,
            concurrency: 1,
            afterWave: (wave) => {
              if (wave === killAfterWave) process.kill(Number(fs.readFileSync(PID_FILE, 'utf8')), 'SIGKILL');
            },
          }),
        ).rejects.toThrow();
      } finally {
        await driver.close().catch(() => undefined);
        execFileSync('bash', [path.join(ROOT, 'scripts/neo4j-start.sh'), '--test'], { stdio: 'ignore' });
      }

      driver = await openDriver(connection);
      try {
        expect((await counts(driver)).nodes).toBe(killAfterWave);
        const resumed = await loadGraph(smallGraph(), driver, { batchSize: 1, concurrency: 1 });
        expect(resumed.resumedBatches).toBe(killAfterWave);
        expect(await dump(driver)).toEqual(clean);
      } finally {
        await driver.close();
      }
    },
    180_000,
  );
});
