import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runBuild } from '../../src/cli/build-command';
import { startServer } from '../../src/cli/serve-command';
import { loadGraphDb, openDriver } from '../../src/store/neo4j';
import { connection, emptyDatabase, testDriver } from '../store/neo4j/helpers';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const SEEDS = path.join(SHARED, 'seeds');
export const CORPUS = path.join(SHARED, 'corpus', 'cablegate');
/**
 * The seeds and two corpus cables whose people met (MET edges): Foreign Minister Kouchner met President Kagame (08PARIS1568);
 * Ambassador Shannon presented his credentials to Lula, and Lula told him of his plans (10BRASILIA43).
 * Read in place from the shared corpus.
 */
export const MEETINGS_FIXTURE = [
  SEEDS,
  path.join(CORPUS, 'cable', '2008', '08', '08PARIS1568.html'),
  path.join(CORPUS, 'cable', '2010', '02', '10BRASILIA43.html'),
];

export type StoreKind = 'embedded' | 'neo4j';
export const STORE_KINDS: StoreKind[] = ['embedded', 'neo4j'];

const built = new Map<string, string>();

/** Whether a store can be tested here: the Neo4j one needs the project's server (outside CI it is skipped with a note). */
export async function storeAvailable(kind: StoreKind): Promise<boolean> {
  if (kind !== 'neo4j') return true;
  const driver = await testDriver();
  await driver?.close();
  return driver !== undefined;
}

/**
 * A graph database built from cable inputs (once per test process, inputs and cap), in a temporary
 * directory; `maxEvidence`: the build's --max-evidence (a small one cuts the corpus's roles).
 */
export async function builtGraph(inputs: string[] = [SEEDS], options: { maxEvidence?: number } = {}): Promise<string> {
  const key = [...inputs, options.maxEvidence ?? ''].join('\u0000');
  if (built.has(key) && fs.existsSync(built.get(key)!)) return built.get(key)!;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-server-')), 'graph.db');
  const status = await runBuild(inputs, {
    output: file,
    ner: 'builtin',
    quiet: true,
    workers: '0',
    ...(options.maxEvidence !== undefined ? { maxEvidence: String(options.maxEvidence) } : {}),
  });
  if (status !== 0) throw new Error(`build of ${inputs.join(', ')} failed (${status})`);
  built.set(key, file);
  return file;
}

/** Which graph file the Neo4j test server holds now (so suites loading the same graph skip the load). */
let loadedInNeo4j: string | undefined;

/**
 * The real server (express + the viewer) on a free port, over the embedded store of a graph file
 * or over the project's Neo4j with that graph loaded (emptied first: these tests own the database).
 */
export async function startTestServer(
  store: StoreKind,
  graphFile?: string,
  options: { curation?: string } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const file = graphFile ?? (await builtGraph());
  // Curation from the viewer writes the curation file and rewrites the graph file: tests that
  // curate pass their own copy of the graph and a curation file of their own.
  const curation =
    options.curation ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-curation-')), 'curation.jsonl');
  if (store === 'embedded') return startServer(file, { port: '0', quiet: true, curation });
  if (loadedInNeo4j !== file) {
    const driver = await openDriver(connection);
    try {
      await emptyDatabase(driver);
      // The CLI's load: the graph, the cables' texts, and the middle statements of cut edges.
      await loadGraphDb(file, driver, { force: true });
      loadedInNeo4j = file;
    } finally {
      await driver.close();
    }
  }
  return startServer(file, {
    port: '0',
    quiet: true,
    curation,
    neo4j: connection.uri,
    neo4jUser: connection.user,
    neo4jPassword: connection.password,
  });
}

/** Other suites that empty or reload the database call this so the next server test reloads. */
export function forgetNeo4jGraph(): void {
  loadedInNeo4j = undefined;
}

/** A private copy of a graph file (for tests whose curation rewrites it). */
export function copyOfGraph(file: string): string {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-graph-')), 'graph.db');
  fs.copyFileSync(file, copy);
  return copy;
}
