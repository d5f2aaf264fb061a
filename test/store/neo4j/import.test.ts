import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { GraphDbReader } from '../../../src/db/read';
import { loadGraphDb, openDriver, type Neo4jConnection } from '../../../src/store/neo4j';
import { countsByLabelAndType, importGraphDb, localPort, SCRIPTS_DIR } from '../../../src/store/neo4j/import';
import { buildDbOf } from '../../db/helpers';
import { SHARED, recordsOf } from '../../graph/helpers';
import { emptyDatabase, foreignServer } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
/** Jars of a server started before (the test server's, or the user's), shared with the scratch server. */
const LIB = [
  process.env.NEO4J_LIB,
  path.join(process.env.NEO4J_TEST_DIR || path.join(ROOT, '.neo4j-test'), 'lib'),
  path.join(ROOT, '.neo4j', 'lib'),
].find((dir) => dir && fs.existsSync(path.join(dir, '.complete')));
/** `--import` stops and restarts its server: a scratch one of its own, never the test suite's shared server. */
const PORT = Number(process.env.NEO4J_IMPORT_TEST_PORT || 7689);
const connection: Neo4jConnection = { uri: `bolt://127.0.0.1:${PORT}`, user: 'neo4j', password: 'cablegraph' };

/** A node's labels and properties, and its outgoing relationships with theirs, as sorted JSON lines. */
async function describeNodes(driver: Driver, ids: string[]): Promise<string[]> {
  const sorted = (o: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y))));
  const nodes = await driver.executeQuery(
    'UNWIND $ids AS id MATCH (n {id: id}) WHERE NOT n:CablegraphLoad RETURN id, labels(n) AS labels, properties(n) AS props',
    { ids },
  );
  const rels = await driver.executeQuery(
    'UNWIND $ids AS id MATCH (n {id: id})-[r]->(b) RETURN id, type(r) AS type, b.id AS b, properties(r) AS props',
    { ids },
  );
  return [
    ...nodes.records.map(
      (r) => `${r.get('id')} ${[...(r.get('labels') as string[])].sort().join(':')} ${sorted(r.get('props'))}`,
    ),
    ...rels.records.map((r) => `${r.get('id')} -${r.get('type')}-> ${r.get('b')} ${sorted(r.get('props'))}`),
  ].sort();
}

/** Every (:Statement) node's properties, as sorted JSON lines. */
async function describeStatements(driver: Driver): Promise<string[]> {
  const sorted = (o: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y))));
  const { records } = await driver.executeQuery('MATCH (s:Statement) RETURN properties(s) AS props');
  return records.map((r) => sorted(r.get('props') as Record<string, unknown>)).sort();
}

describe('cablegraph load --import (neo4j-admin into an empty local database)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-import-test-'));
  const dir = path.join(work, 'neo4j');
  const file = path.join(work, 'corpus.db');
  const env = {
    ...process.env,
    NEO4J_LIB: LIB ?? '',
    NEO4J_PASSWORD: connection.password,
    NEO4J_HEAP: '1g',
    NEO4J_PAGECACHE: '512m',
  };
  const server = (what: string) =>
    spawnSync('bash', [path.join(SCRIPTS_DIR, `neo4j-${what}.sh`), '--dir', dir, '--port', String(PORT)], {
      env,
      encoding: 'utf8',
    });
  let driver: Driver | undefined;
  const saved = { ...process.env };

  beforeAll(async () => {
    if (!LIB) {
      if (process.env.CI) throw new Error('no Neo4j jars: npm run neo4j:test:start fetches them');
      console.warn('no Neo4j jars (npm run neo4j:test:start once): --import test skipped');
      return;
    }
    Object.assign(process.env, {
      NEO4J_LIB: LIB,
      NEO4J_HEAP: '1g',
      NEO4J_PAGECACHE: '512m',
      NEO4J_IMPORT_HEAP: '512m',
      NEO4J_IMPORT_MEMORY: '512M',
    });
    await buildDbOf(file, await recordsOf([path.join(SHARED, 'corpus/cablegate')]));
  }, 900_000);
  afterAll(async () => {
    await driver?.close();
    server('stop');
    process.env = saved;
    fs.rmSync(work, { recursive: true, force: true });
  }, 120_000);

  test('refuses what it cannot import into: a remote server, another database', async () => {
    expect(() => localPort('neo4j+s://example.databases.neo4j.io')).toThrow(/not bolt:\/\/127\.0\.0\.1:PORT/);
    expect(localPort('bolt://localhost')).toBe(7687);
    await expect(importGraphDb(file, { ...connection, database: 'other' }, { dir, texts: true })).rejects.toThrow(
      /database "neo4j"/,
    );
  });

  test('the same graph as the online load (counts per label and type, every property of a sample), and refuses a database with data', async () => {
    if (!LIB) return;
    // The server is not running yet: the import starts it to check that its database is empty.
    const result = await importGraphDb(file, connection, { dir, texts: true });
    const reader = GraphDbReader.open(file);
    const { counts } = reader.meta;
    // Every 40th node (by key), with its outgoing relationships: cables, entities of every kind, posts, tags.
    const sample = [...reader.nodes.keys].sort().filter((_k, i) => i % 40 === 0);
    // The middle statements of the roles cut at the default cap (100): Obama's presidency has 141
    const statements = reader.statementCount;
    reader.close();
    expect(statements).toBeGreaterThan(0);
    expect(result).toMatchObject({ nodes: counts.nodes, relationships: counts.edges });
    driver = await openDriver(connection);
    const imported = await countsByLabelAndType(driver);
    expect(
      Object.fromEntries(Object.entries(imported.labels).filter(([l]) => l !== 'Entity' && l !== 'Statement')),
    ).toEqual(counts.byKind);
    expect(imported.labels.Statement).toBe(statements);
    expect(imported.types).toEqual(counts.byType);
    const importedSample = await describeNodes(driver, sample);
    const importedStatements = await describeStatements(driver);
    expect(importedStatements).toHaveLength(statements);
    expect(importedSample.length).toBeGreaterThan(sample.length);
    // The texts were set after the import, and the load is recorded complete (a later `load` has nothing to do).
    const texts = await driver.executeQuery('MATCH (c:Cable) WHERE c.text IS NOT NULL RETURN count(c) AS n');
    expect(texts.records[0].get('n')).toBe(counts.cables);
    expect((await loadGraphDb(file, driver, {})).alreadyLoaded).toBe(true);

    // A server the scripts did not start from that folder (Docker, another folder) is refused.
    await expect(importGraphDb(file, connection, { dir: path.join(work, 'another'), texts: true })).rejects.toThrow(
      /not started by the project's scripts/,
    );
    // A database with data is refused before anything is stopped or written.
    await driver.close();
    driver = undefined;
    await expect(importGraphDb(file, connection, { dir, texts: true })).rejects.toThrow(/holds data/);
    driver = await openDriver(connection);
    expect(await countsByLabelAndType(driver)).toEqual(imported);

    // That server is not the test suite's own: the tests' emptying refuses it unless told its home.
    expect(await foreignServer(driver)).toMatch(/is not this checkout's test server/);
    expect(await foreignServer(driver, path.join(dir, 'data'))).toBeUndefined();
    await expect(emptyDatabase(driver)).rejects.toThrow(/is not this checkout's test server/);
    expect(await countsByLabelAndType(driver)).toEqual(imported);
    // The online load of the same graph database into the same (emptied) server.
    await emptyDatabase(driver, path.join(dir, 'data'));
    await loadGraphDb(file, driver, { force: true });
    expect(await countsByLabelAndType(driver)).toEqual(imported);
    expect(await describeNodes(driver, sample)).toEqual(importedSample);
    expect(await describeStatements(driver)).toEqual(importedStatements);
  }, 1_800_000);
});
