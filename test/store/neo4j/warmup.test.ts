import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadGraph, openDriver } from '../../../src/store/neo4j';
import { TEST_NEO4J_DIR } from '../../setup/neo4j-test-server';
import { connection, emptyDatabase, smallGraph, snapshot } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const PID_FILE = path.join(TEST_NEO4J_DIR, 'neo4j.pid');
const LOG = path.join(TEST_NEO4J_DIR, 'neo4j.log');

/** Stops the test server and starts it again with the project's scripts, under extra environment. */
function restart(env: Record<string, string>): void {
  const withEnv = { ...process.env, ...env };
  execFileSync('bash', [path.join(ROOT, 'scripts/neo4j-stop.sh'), '--test'], { stdio: 'ignore', env: withEnv });
  execFileSync('bash', [path.join(ROOT, 'scripts/neo4j-start.sh'), '--test'], { stdio: 'ignore', env: withEnv });
}

/** The warm-up's lines of the server's log once it has finished (or said it is off). */
async function warmupLog(): Promise<string[]> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const lines = fs
      .readFileSync(LOG, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('cablegraph-neo4j: warm-up '))
      .map((l) => l.slice('cablegraph-neo4j: warm-up '.length));
    if (lines.some((l) => /^(done|off|stopped)\b/.test(l))) return lines;
    if (Date.now() > deadline) throw new Error(`no end of the warm-up in ${LOG} after 120 s:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Where a store file's line comes in the log (-1: not read). */
const position = (lines: string[], file: string) => lines.findIndex((l) => l.startsWith(file));

/**
 * The page-cache warm-up of the project's server (scripts/neo4j/PageCacheWarmup.java), on the tests'
 * server of `npm run neo4j:test:start`: restarted three times, so it runs only when that server is
 * this checkout's (its pid file), never against one it did not start.
 */
describe('the Neo4j server warms its page cache after a start', () => {
  const ours = fs.existsSync(PID_FILE);
  if (!ours && process.env.CI) throw new Error(`no ${PID_FILE}: CI must start Neo4j with npm run neo4j:test:start`);

  (ours ? test : test.skip)(
    "reads the viewer's stores first, within its budget, says what it read, changes no answer; NEO4J_WARMUP=0 turns it off",
    async () => {
      let driver = await openDriver(connection);
      await emptyDatabase(driver);
      await loadGraph(smallGraph(), driver, {});
      const before = await snapshot(driver);
      await driver.close();
      try {
        restart({ NEO4J_WARMUP: '0' });
        expect(await warmupLog()).toEqual(['off (NEO4J_WARMUP=0)']);

        restart({ NEO4J_WARMUP: '1', NEO4J_WARMUP_MB: '0' });
        const none = await warmupLog();
        expect(none[none.length - 1]).toMatch(/^done: 0 pages, 0 MB in \d+ ms, stopped by the memory budget/);

        restart({ NEO4J_WARMUP: '1', NEO4J_WARMUP_MB: '' });
        const lines = await warmupLog();
        expect(lines[0]).toMatch(/^start: up to \d+ MB of \d+ store files, 300 s at most/);
        expect(lines[lines.length - 1]).toMatch(/^done: [1-9]\d* pages, \d+ MB in \d+ ms$/);
        // Most useful first: the node records and the viewer's indexes, then the relationship
        // records, then the property records, and the long strings (evidence) last.
        const nodes = position(lines, 'neostore.nodestore.db:');
        const pairIndex = position(lines, 'index co_mentioned_pair ');
        const entityIds = position(lines, 'index entity_id ');
        const relationships = position(lines, 'neostore.relationshipstore.db:');
        const properties = position(lines, 'neostore.propertystore.db:');
        const strings = position(lines, 'neostore.propertystore.db.strings:');
        for (const p of [nodes, pairIndex, entityIds, relationships, properties, strings]) expect(p).toBeGreaterThan(0);
        expect(Math.max(nodes, pairIndex, entityIds)).toBeLessThan(relationships);
        expect(relationships).toBeLessThan(properties);
        expect(properties).toBeLessThan(strings);
        expect(lines.some((l) => /\.id: /.test(l))).toBe(false); // free-id lists are not read

        driver = await openDriver(connection);
        expect(await snapshot(driver)).toEqual(before);
      } finally {
        await driver.close().catch(() => undefined);
        if (!fs.existsSync(PID_FILE))
          execFileSync('bash', [path.join(ROOT, 'scripts/neo4j-start.sh'), '--test'], { stdio: 'ignore' });
      }
    },
    300_000,
  );
});
