/** Jest setup (every test file): the environment every test runs in. */
import { useTestServer } from './neo4j-test-server';

useTestServer();
