/** Tests run from TypeScript sources through swc (fast); `npm run typecheck` is the type gate. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/?(*.)test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/_[^/]*$'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Every test talks to the test suite's own Neo4j server (.neo4j-test/, port 7688), never the user's.
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  testTimeout: 60000,
  // One worker: the Neo4j tests share one real server and empty it between tests.
  maxWorkers: 1,
};
