// `cablegraph load`: a graph database (or cables, built first by src/build) into Neo4j.
import * as fs from 'fs';
import { DEFAULT_LOAD_OPTIONS, loadGraphDb, openDriver } from '../store/neo4j';
import { CablegraphError } from '../common/diagnostics';
import { connectionFromFlags, type Neo4jFlags } from './query-command';
import { progress } from './progress';
import { traceMemory } from '../common/trace-memory';
import { buildOptionsFromFlags, buildWithProgress, type BuildCommandOptions } from './build-command';
import * as os from 'os';
import * as path from 'path';

export interface LoadCommandOptions
  extends Neo4jFlags, Pick<BuildCommandOptions, 'ner' | 'workers' | 'curation' | 'maxFileSize' | 'maxFileSeconds'> {
  batchSize?: string;
  concurrency?: string;
  force?: boolean;
  replace?: boolean;
  /** `--no-texts`: cables without their text (smaller database; the viewer then shows no passages). */
  texts?: boolean;
  /** `--one-pass`: the co-mentions' lists with their relationships, not in a last phase. */
  onePass?: boolean;
  quiet?: boolean;
  /** `--import`: neo4j-admin's offline importer into the empty database of a local server the project's scripts run. */
  import?: boolean;
  /** `--neo4j-dir`: that server's folder (neo4j-start.sh --dir; default .neo4j or NEO4J_DIR). */
  neo4jDir?: string;
  /** `--max-heap`: the load's JS heap cap in MiB, auto (sized to the graph) or none. */
  maxHeap?: string;
}

/** The flags of `options` among `keys` that were given (an absent flag keeps the build's default). */
function pick<T extends object, K extends keyof T>(options: T, ...keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (options[key] !== undefined) picked[key] = options[key];
  return picked;
}

const positive = (value: string | undefined, flag: string, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CablegraphError('BAD_OPTION', `${flag} wants a positive whole number, got "${value}"`);
  return n;
};

/** A graph database is an SQLite file (its first 16 bytes say so); openGraphDb checks it is cablegraph's. */
function isGraphDb(input: string): boolean {
  try {
    const fd = fs.openSync(input, 'r');
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    fs.closeSync(fd);
    return head.toString('latin1') === 'SQLite format 3\u0000';
  } catch {
    return false;
  }
}

/**
 * `cablegraph load <graph database | inputs…>`: loads a built graph into Neo4j (or builds one from
 * cable inputs first). The connection is checked before anything is written; the load is
 * idempotent and resumes an interrupted load of the same graph.
 */
export async function runLoad(inputs: string[], options: LoadCommandOptions): Promise<number> {
  const connection = connectionFromFlags(options);
  if (options.import && options.replace)
    throw new CablegraphError(
      'BAD_OPTION',
      '--replace goes with the online load: --import writes only into an empty database (stop the server, remove its data folder, start it, then load --import)',
    );
  if (options.import) return runImport(inputs, connection, options);
  const batchSize = positive(options.batchSize, '--batch-size', DEFAULT_LOAD_OPTIONS.batchSize);
  const concurrency = positive(options.concurrency, '--concurrency', DEFAULT_LOAD_OPTIONS.concurrency);
  // A big graph database loads in a node whose heap is capped to it (src/cli/heap-cap).
  const graphDb = inputs.length === 1 && isGraphDb(inputs[0]) ? inputs[0] : undefined;
  const { relaunchLoadCapped } = await import('./heap-cap');
  const relaunched = await relaunchLoadCapped(graphDb, { maxHeap: options.maxHeap, quiet: options.quiet, concurrency });
  if (relaunched !== undefined) return relaunched;
  const driver = await openDriver(connection);
  try {
    // A graph database is streamed (nodes in memory, edges and texts read as batches go out);
    // cable inputs are built into a temporary graph database first, removed after the load.
    let file = graphDb ?? inputs[0];
    let temporary: string | undefined;
    if (graphDb === undefined) {
      temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-load-'));
      file = path.join(temporary, 'graph.db');
      const build = {
        output: file,
        quiet: options.quiet ?? false,
        ...pick(options, 'ner', 'workers', 'curation', 'maxFileSize', 'maxFileSeconds'),
      };
      const status = await buildWithProgress(buildOptionsFromFlags(inputs, build));
      if (status !== 0) {
        fs.rmSync(temporary, { recursive: true, force: true });
        return status;
      }
    }
    let bar: ReturnType<typeof progress> | undefined;
    let shown = 0;
    let result;
    try {
      result = await loadGraphDb(file, driver, {
        batchSize,
        concurrency,
        force: options.force ?? false,
        replace: options.replace ?? false,
        evidenceLast: !options.onePass,
        texts: options.texts !== false,
        ...(connection.database ? { database: connection.database } : {}),
        onProgress: (done, total) => {
          bar ??= progress('load', total, { quiet: options.quiet ?? false, every: 50, unit: 'batches' });
          for (; shown < done; shown += 1) bar.tick();
        },
      });
    } finally {
      if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
    }
    bar?.done();
    traceMemory('load');
    if (!options.quiet) {
      const what = result.alreadyLoaded
        ? 'already loaded (same graph); nothing to do (--force loads again)'
        : `${result.nodes} nodes, ${result.relationships} relationships in ${result.batches} batches (${result.mode})${result.resumedBatches ? ` (resumed after ${result.resumedBatches})` : ''}`;
      const phases = Object.entries(result.phases)
        .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
        .join(', ');
      const removed = result.removedNodes !== undefined ? `${result.removedNodes} nodes removed first; ` : '';
      process.stderr.write(
        `cablegraph load: ${connection.uri}: ${removed}${what}, ${result.seconds.toFixed(1)} s${phases ? ` (${phases})` : ''}\n`,
      );
    }
    // Said even with --quiet: the database does not hold this graph alone.
    if (result.leftovers) {
      const { nodes, relationships, statements } = result.leftovers;
      const what = [
        nodes ? `${nodes} node(s)` : '',
        relationships ? `${relationships} relationship(s)` : '',
        statements ? `${statements} statement node(s)` : '',
      ].filter(Boolean);
      process.stderr.write(
        `cablegraph load: warning: ${connection.uri} also holds ${what.join(', ')} this graph does not have (left by loads of other graphs: entities since merged, rejected or resolved otherwise); \`cablegraph load ${inputs.join(' ')} --replace\` loads this graph alone\n`,
      );
    }
    return 0;
  } finally {
    await driver.close();
  }
}

/** `load --import`: the offline importer (refuses a database that holds data; see importGraphDb). */
async function runImport(
  inputs: string[],
  connection: ReturnType<typeof connectionFromFlags>,
  options: LoadCommandOptions,
): Promise<number> {
  const { importGraphDb, localPort } = await import('../store/neo4j/import');
  localPort(connection.uri);
  let file = inputs[0];
  let temporary: string | undefined;
  if (!(inputs.length === 1 && isGraphDb(file))) {
    temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-load-'));
    file = path.join(temporary, 'graph.db');
    const build = {
      output: file,
      quiet: options.quiet ?? false,
      ...pick(options, 'ner', 'workers', 'curation', 'maxFileSize', 'maxFileSeconds'),
    };
    const status = await buildWithProgress(buildOptionsFromFlags(inputs, build));
    if (status !== 0) {
      fs.rmSync(temporary, { recursive: true, force: true });
      return status;
    }
  }
  try {
    const dir = options.neo4jDir ?? (process.env.NEO4J_DIR || undefined);
    const result = await importGraphDb(file, connection, {
      texts: options.texts !== false,
      ...(dir ? { dir } : {}),
      onStep: (step) => options.quiet || process.stderr.write(`cablegraph load --import: ${step}\n`),
    });
    if (!options.quiet) {
      const steps = Object.entries(result.steps)
        .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
        .join(', ');
      process.stderr.write(
        `cablegraph load --import: ${connection.uri}: ${result.nodes} nodes, ${result.relationships} relationships in ${result.seconds.toFixed(1)} s (${steps})\n`,
      );
    }
    return 0;
  } finally {
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
  }
}
