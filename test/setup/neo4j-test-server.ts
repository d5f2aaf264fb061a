/** The test suite's own Neo4j server (`npm run neo4j:test:start`): tests never talk to the user's database. */
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/** Bolt port of the test server: NEO4J_TEST_PORT, default 7688 (the user's server keeps 7687). */
export const TEST_NEO4J_PORT = process.env.NEO4J_TEST_PORT || '7688';
/** Its URI: NEO4J_TEST_URI, default bolt://127.0.0.1:<NEO4J_TEST_PORT>. */
export const TEST_NEO4J_URI = process.env.NEO4J_TEST_URI || `bolt://127.0.0.1:${TEST_NEO4J_PORT}`;
/** Its data directory (and pid file): NEO4J_TEST_DIR, default .neo4j-test/ (the user's is .neo4j/). */
export const TEST_NEO4J_DIR = process.env.NEO4J_TEST_DIR || path.join(ROOT, '.neo4j-test');
export const TEST_NEO4J_PASSWORD = process.env.NEO4J_TEST_PASSWORD || 'cablegraph';

/**
 * Points everything a test runs — the library's `resolveConnection()`, the CLI in child processes,
 * the project's scripts — at the test server, whatever NEO4J_* the user exported for their own.
 */
export function useTestServer(): void {
  process.env.NEO4J_URI = TEST_NEO4J_URI;
  process.env.NEO4J_USER = 'neo4j';
  process.env.NEO4J_PASSWORD = TEST_NEO4J_PASSWORD;
  delete process.env.NEO4J_DATABASE;
  process.env.NEO4J_TEST_DIR = TEST_NEO4J_DIR;
  process.env.NEO4J_TEST_PORT = TEST_NEO4J_PORT;
  // The scripts' default mode is the user's server: a test that starts one gets the test's.
  process.env.NEO4J_DIR = TEST_NEO4J_DIR;
  process.env.NEO4J_BOLT_PORT = TEST_NEO4J_PORT;
}
