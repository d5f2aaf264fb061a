import { spawnSync } from 'child_process';
import * as path from 'path';
import neo4j from 'neo4j-driver';
import { resolveConnection } from '../../../src/store/neo4j';
import { TEST_NEO4J_DIR, TEST_NEO4J_URI, useTestServer } from '../../setup/neo4j-test-server';

/**
 * The tests' server of `npm run neo4j:test:start`, over Bolt for real. CI starts it (.ci/run); locally
 * the test is skipped, with a note, when no server answers and CI is not set.
 */
const URI = process.env.NEO4J_URI!;
const USER = process.env.NEO4J_USER ?? 'neo4j';
const PASSWORD = process.env.NEO4J_PASSWORD ?? 'cablegraph';

async function serverAnswers(): Promise<boolean> {
  const driver = neo4j.driver(URI, neo4j.auth.basic(USER, PASSWORD));
  try {
    await driver.getServerInfo();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

describe('Neo4j server (scripts/neo4j-start.sh)', () => {
  let up = false;
  beforeAll(async () => {
    up = await serverAnswers();
    if (!up && process.env.CI)
      throw new Error(`no Neo4j at ${URI}: .ci/run must start it with npm run neo4j:test:start`);
    if (!up) console.warn(`Neo4j not running at ${URI}: skipped (npm run neo4j:test:start)`);
  });

  test('answers over Bolt as Neo4j 5.26 with authentication on', async () => {
    if (!up) return;
    const driver = neo4j.driver(URI, neo4j.auth.basic(USER, PASSWORD));
    try {
      const info = await driver.getServerInfo();
      expect(info.agent).toMatch(/^Neo4j\/5\.26\./);
      const { records } = await driver.executeQuery('RETURN 40 + 2 AS answer');
      expect(records[0].get('answer').toNumber()).toBe(42);
    } finally {
      await driver.close();
    }
  });

  test('refuses a wrong password', async () => {
    if (!up) return;
    const driver = neo4j.driver(URI, neo4j.auth.basic(USER, `${PASSWORD}-wrong`));
    try {
      await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
    } finally {
      await driver.close();
    }
  });
});

describe("the tests' own server, never the user's", () => {
  const ROOT = path.resolve(__dirname, '../../..');

  test("the library's connection inside tests is the test server's, whatever NEO4J_URI the user exported", () => {
    const saved = { ...process.env };
    try {
      process.env.NEO4J_URI = 'bolt://127.0.0.1:7687';
      process.env.NEO4J_DATABASE = 'users-db';
      useTestServer();
      const connection = resolveConnection();
      expect(connection.uri).toBe(TEST_NEO4J_URI);
      expect(connection.database).toBeUndefined();
      expect(TEST_NEO4J_URI).not.toBe('bolt://127.0.0.1:7687');
      expect(path.resolve(TEST_NEO4J_DIR)).not.toBe(path.join(ROOT, '.neo4j'));
    } finally {
      process.env = saved;
    }
  });

  test('the scripts in --test mode act on .neo4j-test/ and port 7688 by default, the default mode on .neo4j/ and 7687', () => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_')));
    const status = (args: string[]) =>
      spawnSync('bash', [path.join(ROOT, 'scripts/neo4j-status.sh'), ...args], {
        env: { ...clean, NEO4J_DIR: '/nonexistent-user', NEO4J_TEST_DIR: '/nonexistent-test' },
        encoding: 'utf8',
      });
    // Not running in either directory (they do not exist): the status names which server it checked.
    expect(status(['--test']).stdout).toBe('neo4j (test server): not running\n');
    expect(status([]).stdout).toBe('neo4j: not running\n');
    const ours = spawnSync(
      'bash',
      ['-c', `source ${path.join(ROOT, 'scripts/neo4j/env.sh')} --test; echo "$DIR $PORT"`],
      { env: clean, encoding: 'utf8' },
    );
    expect(ours.stdout).toBe(`${path.join(ROOT, '.neo4j-test')} 7688\n`);
    const users = spawnSync('bash', ['-c', `source ${path.join(ROOT, 'scripts/neo4j/env.sh')}; echo "$DIR $PORT"`], {
      env: clean,
      encoding: 'utf8',
    });
    expect(users.stdout).toBe(`${path.join(ROOT, '.neo4j')} 7687\n`);
  });
});
