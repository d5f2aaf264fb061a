import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { CablegraphError } from '../common/diagnostics';
import { DEFAULT_CURATION_FILE } from '../curate';
import { createApp, Neo4jStore, type GraphStore } from '../server';
import { DatabaseCurator, type ViewerCurator } from '../server/curator';
import { SqliteStore } from '../server/sqlite-store';
import { openDriver } from '../store/neo4j';
import { connectionFromFlags, type Neo4jFlags } from './query-command';

export interface ServeCommandOptions extends Neo4jFlags {
  port?: string;
  host?: string;
  /** Curation file the viewer writes decisions to (default ./curation.jsonl). */
  curation?: string;
  /** `--read-only`: no curation from the viewer. */
  readOnly?: boolean;
  quiet?: boolean;
}

export const DEFAULT_GRAPH_FILE = 'out/graph.db';

/** Whether a file is an SQLite database (the graph database) rather than a gzip'd graph file. */
export function isDatabaseFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    fs.closeSync(fd);
  }
}

export interface RunningServer {
  url: string;
  store: GraphStore;
  close(): Promise<void>;
}

/** Opens the store (a graph file, or Neo4j when --neo4j is given) and listens. */
export async function startServer(graphFile: string | undefined, options: ServeCommandOptions): Promise<RunningServer> {
  const port = options.port === undefined ? 8080 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CablegraphError('BAD_OPTION', `--port wants a port number, got "${options.port}"`);
  const host = options.host ?? '127.0.0.1';
  let store: GraphStore;
  let curator: ViewerCurator | undefined;
  let closeCurator = (): void => undefined;
  const curationFile = options.curation ?? DEFAULT_CURATION_FILE;
  if (options.neo4j) {
    const connection = connectionFromFlags(options);
    const driver = await openDriver(connection);
    store = new Neo4jStore(driver, connection.database);
    // With the graph database Neo4j was loaded from, decisions go to both.
    if (graphFile && !options.readOnly) {
      const databaseCurator = new DatabaseCurator(store, graphFile, curationFile, { driver, ...(connection.database ? { database: connection.database } : {}) });
      curator = databaseCurator;
      closeCurator = () => databaseCurator.close();
    }
  } else {
    const file = graphFile ?? DEFAULT_GRAPH_FILE;
    if (!fs.existsSync(file)) throw new CablegraphError('GRAPH_NOT_FOUND', `no graph database ${file}: build one (cablegraph build <cables> -o ${file}) or give --neo4j`, { file });
    // The graph database: opened, not loaded (a missing, foreign or damaged file is a clear error).
    const sqlite = SqliteStore.open(file);
    store = sqlite;
    if (!options.readOnly) {
      const databaseCurator = new DatabaseCurator(sqlite, file, curationFile);
      curator = databaseCurator;
      closeCurator = () => databaseCurator.close();
    }
  }
  const app = createApp(store, curator ? { curator } : {});
  // http.createServer, not app.listen: express 5 hands listen errors to the callback as if listening.
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      void store.close();
      reject(new CablegraphError('LISTEN_FAILED', `cannot listen on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use (--port)' : error.message}`));
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    get store() {
      return curator?.store ?? store;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      closeCurator();
      await store.close();
    },
  };
}

/** `cablegraph serve [graph file] [--neo4j URI]`: the viewer and its API until interrupted. */
export async function runServe(graphFile: string | undefined, options: ServeCommandOptions): Promise<number> {
  const running = await startServer(graphFile, options);
  if (!options.quiet) {
    const stats = await running.store.stats();
    process.stderr.write(`cablegraph serve: ${stats.cables} cables, ${stats.entities} entities, ${stats.coMentions} co-mentions (${running.store.kind} store)\n`);
    process.stdout.write(`viewer: ${running.url}/\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
