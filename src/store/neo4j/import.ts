// store/neo4j: `cablegraph load --import` — a graph database into an empty local Neo4j by neo4j-admin's offline importer.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { CablegraphError } from '../../common/diagnostics';
import { GraphDbReader } from '../../db/read';
import { dbSource as exportSource, writeNeo4jCsvStream } from '../../export';
import { openDriver, type Neo4jConnection } from './connection';
import { loadSource } from './load';
import { dbSource, type LoadSource } from './plan';
import { STATEMENT_LABEL } from '../../model/neo4j-shape';

/** The repository's scripts/ folder: the project's own Neo4j scripts (start, stop, import). */
export const SCRIPTS_DIR = path.resolve(__dirname, '../../../scripts');

export interface ImportOptions {
  /** The server's folder (neo4j-start.sh --dir); its default (.neo4j, or NEO4J_DIR) when omitted. */
  dir?: string;
  /** Set the cables' texts (after the import, over Bolt: the CSVs carry no texts). */
  texts: boolean;
  /** Where the CSVs are written (removed after): a temporary folder by default. */
  workDir?: string;
  onStep?: (step: string) => void;
}

export interface ImportResult {
  nodes: number;
  relationships: number;
  /** Seconds per step: check, csv, stop, import, start, schema, texts, verify. */
  steps: Record<string, number>;
  seconds: number;
}

/** The Bolt port of a URI that names this machine (`--import` writes files the server reads). */
export function localPort(uri: string): number {
  const m = /^(?:bolt|neo4j):\/\/(127\.0\.0\.1|localhost|\[::1\])(?::(\d+))?\/?$/.exec(uri);
  if (!m) {
    throw new CablegraphError(
      'BAD_OPTION',
      `--import fills a database on this machine through the project's Neo4j scripts; ${uri} is not bolt://127.0.0.1:PORT (load without --import writes to any server)`,
    );
  }
  return m[2] ? Number(m[2]) : 7687;
}

/** Runs one of scripts/neo4j-*.sh on the server of `dir`/`port`; its output goes to stderr. */
function script(
  name: string,
  dir: string | undefined,
  port: number,
  password: string,
  extra: string[] = [],
  quiet = false,
): number {
  const args = [
    path.join(SCRIPTS_DIR, `neo4j-${name}.sh`),
    ...(dir ? ['--dir', dir] : []),
    '--port',
    String(port),
    ...extra,
  ];
  const run = spawnSync('bash', args, {
    stdio: ['ignore', quiet ? 'ignore' : process.stderr, quiet ? 'pipe' : process.stderr],
    env: { ...process.env, NEO4J_PASSWORD: password },
  });
  if (run.error)
    throw new CablegraphError('NEO4J_SCRIPT', `scripts/neo4j-${name}.sh could not run: ${run.error.message}`);
  return run.status ?? 1;
}

function mustRun(name: string, dir: string | undefined, port: number, password: string, extra: string[] = []): void {
  const status = script(name, dir, port, password, extra);
  if (status !== 0)
    throw new CablegraphError('NEO4J_IMPORT', `scripts/neo4j-${name}.sh failed (exit ${status}); see its output above`);
}

/** Node counts per label and relationship counts per type, as the database holds them. */
export async function countsByLabelAndType(
  driver: Driver,
  database?: string,
): Promise<{ labels: Record<string, number>; types: Record<string, number> }> {
  const config = database ? { database } : {};
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  // Counts from the count store: one lookup per label and type, whatever the size.
  const names = await driver.executeQuery('CALL db.labels() YIELD label RETURN collect(label) AS labels', {}, config);
  for (const label of names.records[0].get('labels') as string[]) {
    if (label === 'CablegraphLoad') continue;
    const { records } = await driver.executeQuery(
      `MATCH (n:\`${label.replace(/`/g, '``')}\`) RETURN count(n) AS n`,
      {},
      config,
    );
    const n = Number(records[0].get('n'));
    if (n > 0) labels[label] = n;
  }
  const rels = await driver.executeQuery(
    'CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types',
    {},
    config,
  );
  for (const type of rels.records[0].get('types') as string[]) {
    const { records } = await driver.executeQuery(
      `MATCH ()-[r:\`${type.replace(/`/g, '``')}\`]->() RETURN count(r) AS n`,
      {},
      config,
    );
    const n = Number(records[0].get('n'));
    if (n > 0) types[type] = n;
  }
  return { labels, types };
}

/** Whether the database holds any node but load checkpoints. */
async function holdsData(driver: Driver): Promise<boolean> {
  const { records } = await driver.executeQuery(
    'CALL { MATCH (n) WHERE NOT n:CablegraphLoad RETURN n LIMIT 1 } RETURN count(n) AS n',
  );
  return Number(records[0].get('n')) > 0;
}

/**
 * Imports a graph database into the empty `neo4j` database of a local server run by the project's
 * scripts: checks that the database is empty (starting the server if needed), writes the
 * neo4j-admin CSVs (the server still answering meanwhile), stops the server, runs
 * scripts/neo4j-import.sh, starts it again, applies the schema, sets the cables' texts over Bolt,
 * marks the load complete in the same checkpoint node an online load writes (so `load` without
 * `--import` then finds the graph loaded), and checks the node and relationship counts per label
 * and type against the graph database's. A database holding data is refused before anything changes.
 */
export async function importGraphDb(
  file: string,
  connection: Neo4jConnection,
  options: ImportOptions,
): Promise<ImportResult> {
  if (connection.database && connection.database !== 'neo4j')
    throw new CablegraphError(
      'BAD_OPTION',
      `--import fills the database "neo4j" (Community has one); --database ${connection.database} is not it`,
    );
  const port = localPort(connection.uri);
  const started = process.hrtime.bigint();
  const steps: Record<string, number> = {};
  let last = process.hrtime.bigint();
  const step = (name: string): void => {
    const now = process.hrtime.bigint();
    steps[name] = Number(now - last) / 1e9;
    last = now;
  };
  const reader = GraphDbReader.open(file);
  const work = fs.mkdtempSync(path.join(options.workDir ?? os.tmpdir(), 'cablegraph-import-'));
  try {
    // 1. The database must be empty: ask the server (started if it is not running).
    options.onStep?.('checking that the database is empty');
    if (script('status', options.dir, port, connection.password, [], true) !== 0) {
      // Something else answers on the port (Docker, a packaged Neo4j): the scripts cannot stop it.
      const other = await openDriver(connection).then(
        (d) => d.close().then(() => true),
        () => false,
      );
      if (other) {
        throw new CablegraphError(
          'BAD_OPTION',
          `the Neo4j at ${connection.uri} was not started by the project's scripts${options.dir ? ` with --dir ${options.dir}` : ''} (npm run neo4j:start): --import stops and restarts its server, so it only fills one of those (--neo4j-dir names its folder)`,
        );
      }
      mustRun('start', options.dir, port, connection.password);
    }
    let driver = await openDriver(connection);
    try {
      if (await holdsData(driver)) {
        throw new CablegraphError(
          'NEO4J_NOT_EMPTY',
          `the database at ${connection.uri} holds data: --import only fills an empty database (load without --import merges into it)`,
        );
      }
    } finally {
      await driver.close();
    }
    step('check');

    // 2. The CSVs, written while the server still runs.
    options.onStep?.('writing the neo4j-admin CSVs');
    await writeNeo4jCsvStream(exportSource(reader), path.join(work, 'csv'));
    step('csv');

    // 3. Stop, import, start.
    options.onStep?.('stopping the server for the offline import');
    mustRun('stop', options.dir, port, connection.password);
    step('stop');
    options.onStep?.('importing');
    mustRun('import', options.dir, port, connection.password, [path.join(work, 'csv')]);
    step('import');
    fs.rmSync(path.join(work, 'csv'), { recursive: true, force: true });
    options.onStep?.('starting the server');
    mustRun('start', options.dir, port, connection.password);
    step('start');

    // 4. Schema, texts and the checkpoint, over Bolt: what the online load writes besides the graph.
    driver = await openDriver(connection);
    try {
      options.onStep?.('schema, texts');
      const full = dbSource(reader, { texts: options.texts });
      const rest: LoadSource = { ...full, nodes: () => [], edges: () => [], statements: () => [], statementCount: 0 };
      const loaded = await loadSource(rest, driver, { force: true, concurrency: 2 });
      steps.schemaAndTexts = loaded.seconds;
      last = process.hrtime.bigint();

      // 5. The same counts as the graph database, per label and per type.
      options.onStep?.('checking the counts');
      const { byKind, byType } = reader.meta.counts;
      const found = await countsByLabelAndType(driver);
      const problems: string[] = [];
      for (const [kind, n] of Object.entries(byKind))
        if ((found.labels[kind] ?? 0) !== n)
          problems.push(`${kind}: ${found.labels[kind] ?? 0} nodes, the graph has ${n}`);
      for (const [type, n] of Object.entries(byType))
        if ((found.types[type] ?? 0) !== n)
          problems.push(`${type}: ${found.types[type] ?? 0} relationships, the graph has ${n}`);
      const statements = reader.statementCount;
      if ((found.labels[STATEMENT_LABEL] ?? 0) !== statements)
        problems.push(
          `${STATEMENT_LABEL}: ${found.labels[STATEMENT_LABEL] ?? 0} nodes, the graph's cut edges leave out ${statements} statements`,
        );
      if (problems.length > 0)
        throw new CablegraphError('NEO4J_IMPORT', `the imported database differs from ${file}: ${problems.join('; ')}`);
      step('verify');
    } finally {
      await driver.close();
    }
    return {
      nodes: reader.meta.counts.nodes,
      relationships: reader.meta.counts.edges,
      steps,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  } finally {
    reader.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
