import Graph from 'graphology';
import type { Driver } from 'neo4j-driver';
import * as fs from 'fs';
import * as path from 'path';
import { openDriver, resolveConnection } from '../../../src/store/neo4j';
import { TEST_NEO4J_DIR } from '../../setup/neo4j-test-server';

/**
 * The loader against the test suite's own real server, `npm run neo4j:test:start` (.neo4j-test/, Bolt
 * on 7688; test/setup points NEO4J_URI at it), never the user's: these tests empty the database
 * they talk to. CI starts it; locally the tests are skipped with a note when none answers.
 */
export const connection = resolveConnection();

export function smallGraph(): Graph {
  const g = new Graph({ multi: false, type: 'mixed' });
  g.addNode('07PARIS3534', {
    kind: 'Cable',
    date: '2007-08-27',
    subject: 'FRENCH MFA "REFLECTING"',
    inCorpus: true,
    paragraphs: [1, 2, 3],
  });
  g.addNode('05PARIS77', { kind: 'Cable', date: '2005-01-05', subject: "GOF WON'T BE JOINING", inCorpus: true });
  g.addNode('04STATE274965', { kind: 'Cable', inCorpus: false });
  g.addNode('p-kouchner', {
    kind: 'Person',
    name: 'Bernard Kouchner',
    aliases: [
      { text: 'Kouchner', count: 41 },
      { text: 'KOUCHNER', count: 1 },
    ],
  });
  g.addNode('p-talabani', { kind: 'Person', name: 'Jalal Talabani', aliases: [{ text: 'Talabani', count: 3 }] });
  g.addNode('l-irbil', { kind: 'Place', name: 'Irbil', aliases: [{ text: 'Irbil', count: 4 }] });
  g.addNode('post:AMEMBASSY PARIS', { kind: 'Post', name: 'AMEMBASSY PARIS' });
  g.addNode('tag:PREL', { kind: 'Tag', code: 'PREL', label: 'External Political Relations' });
  g.addDirectedEdge('07PARIS3534', 'p-kouchner', { type: 'MENTIONS', count: 41, paragraphs: [1, 2, 3] });
  g.addDirectedEdge('07PARIS3534', 'p-talabani', { type: 'MENTIONS', count: 3, paragraphs: [2] });
  g.addDirectedEdge('07PARIS3534', 'post:AMEMBASSY PARIS', { type: 'FROM' });
  g.addDirectedEdge('07PARIS3534', 'tag:PREL', { type: 'TAGGED' });
  g.addDirectedEdge('05PARIS77', '04STATE274965', { type: 'REFERENCES' });
  g.addUndirectedEdge('p-talabani', 'p-kouchner', {
    type: 'CO_MENTIONED',
    weight: 3,
    cableCount: 1,
    paragraphCount: 1,
    cables: ['07PARIS3534'],
    evidence: [{ cable: '07PARIS3534', paragraphs: [2] }],
    firstDate: '2007-08-27',
    lastDate: '2007-08-27',
  });
  return g;
}

export async function counts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    'CALL { MATCH (n) WHERE NOT n:CablegraphLoad RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: records[0].get('nodes'), relationships: records[0].get('relationships') };
}

/** A driver to the test server, or undefined (with a note) when none runs outside CI. */
export async function testDriver(): Promise<Driver | undefined> {
  let driver: Driver;
  try {
    driver = await openDriver(connection);
  } catch (error) {
    if (process.env.CI) throw error;
    console.warn(`Neo4j not running at ${connection.uri}: skipped (npm run neo4j:test:start)`);
    return undefined;
  }
  const foreign = await foreignServer(driver);
  if (foreign === undefined) return driver;
  await driver.close();
  if (process.env.CI) throw new Error(foreign);
  console.warn(`${foreign}: skipped`);
  return undefined;
}

/**
 * Why the server at the test URI is not this checkout's test server, or undefined when it is:
 * its home must be NEO4J_TEST_DIR/data (what neo4j-start.sh --test gives it). These tests empty
 * the database they talk to, so another checkout's server on the same port (a second clone's CI,
 * a worktree's tests) or a user's own server there is refused, never emptied. A server named by
 * NEO4J_TEST_URI (a container, another machine) was chosen on purpose: not checked.
 */
export async function foreignServer(
  driver: Driver,
  own = path.join(TEST_NEO4J_DIR, 'data'),
): Promise<string | undefined> {
  if (process.env.NEO4J_TEST_URI) return undefined;
  const { records } = await driver.executeQuery(
    "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.neo4j_home' RETURN value",
  );
  const home = String(records[0]?.get('value') ?? '');
  const real = (dir: string): string => (fs.existsSync(dir) ? fs.realpathSync(dir) : path.resolve(dir));
  if (home !== '' && real(home) === real(own)) return undefined;
  return `the Neo4j server at ${connection.uri} is not this checkout's test server (its home is ${home || 'unknown'}, this checkout's is ${own}): these tests empty the database they talk to; start this checkout's own with NEO4J_TEST_PORT=<a free port> npm run neo4j:test:start`;
}

/**
 * Empties the test database in small auto-commit batches: relationships first (a DETACH DELETE of
 * a hub node deletes all its relationships in one transaction, past the server's memory pool).
 * Only a server whose home is `home` (this checkout's test server unless told): see foreignServer.
 */
export async function emptyDatabase(driver: Driver, home = path.join(TEST_NEO4J_DIR, 'data')): Promise<void> {
  const foreign = await foreignServer(driver, home);
  if (foreign !== undefined) throw new Error(foreign);
  const session = driver.session();
  try {
    await session.run('MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 5000 ROWS');
    await session.run('MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

/** Every node and relationship with its properties, in a fixed order: two loads compared whole. */
export async function snapshot(driver: Driver): Promise<string[]> {
  const nodes = await driver.executeQuery(
    'MATCH (n) WHERE NOT n:CablegraphLoad RETURN labels(n) AS labels, properties(n) AS props',
  );
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props',
  );
  const sorted = (o: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y))));
  return [
    ...nodes.records.map((r) => `${[...(r.get('labels') as string[])].sort().join(':')} ${sorted(r.get('props'))}`),
    ...rels.records.map((r) => `${r.get('a')} -${r.get('type')}-> ${r.get('b')} ${sorted(r.get('props'))}`),
  ].sort();
}
