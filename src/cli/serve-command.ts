// `cablegraph serve`: the viewer and its API over a graph database or Neo4j.
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import type { AddressInfo } from 'net';
import { CablegraphError } from '../common/diagnostics';
import { DEFAULT_CURATION_FILE } from '../curate/file';
import { createApp } from '../server/app';
import type { GraphStore } from '../server/store';
import { bookmarksFileBeside } from '../server/bookmarks';
import { DatabaseCurator, type ViewerCurator } from '../server/curator';
import { accessPolicy, isLoopback, newToken } from '../server/security';
import { SqliteStore } from '../server/sqlite-store';
import type { Neo4jFlags } from './query-command';

export interface ServeCommandOptions extends Neo4jFlags {
  port?: string;
  host?: string;
  /** Curation file the viewer writes decisions to (default ./curation.jsonl). */
  curation?: string;
  /** `--read-only`: no curation from the viewer. */
  readOnly?: boolean;
  /**
   * `--token T`: the API needs it (default: a fresh one when listening beyond loopback, none on
   * loopback); `--no-token` (false) serves a read-only graph to anyone who reaches it.
   */
  token?: string | boolean;
  /** `--allow-host NAME…`: more names the server answers to (a proxy's, a DNS name). */
  allowHost?: string[];
  quiet?: boolean;
}

export { DEFAULT_GRAPH_FILE } from '../build/options';
import { DEFAULT_GRAPH_FILE } from '../build/options';

export interface RunningServer {
  url: string;
  /** The token the API needs (undefined: none). */
  token?: string;
  /** Whether the server listens beyond this machine. */
  exposed: boolean;
  store: GraphStore;
  close(): Promise<void>;
}

/** Opens the store (a graph file, or Neo4j when --neo4j is given) and listens. */
export async function startServer(graphFile: string | undefined, options: ServeCommandOptions): Promise<RunningServer> {
  const port = options.port === undefined ? 8080 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CablegraphError('BAD_OPTION', `--port wants a port number, got "${options.port}"`);
  const host = options.host ?? '127.0.0.1';
  const exposed = !isLoopback(host);
  if (options.token === false && !options.readOnly)
    throw new CablegraphError(
      'BAD_OPTION',
      '--no-token lets anyone who reaches the server change the curation: add --read-only',
    );
  if (typeof options.token === 'string' && !/^[\x21-\x7e]{16,200}$/.test(options.token))
    throw new CablegraphError('BAD_OPTION', '--token wants 16 to 200 printable characters, no spaces');
  // Beyond loopback anyone on the network can connect: the API needs a token unless --no-token.
  const token =
    typeof options.token === 'string' ? options.token : options.token === false || !exposed ? undefined : newToken();
  let store: GraphStore;
  let curator: ViewerCurator | undefined;
  let closeCurator = (): void => undefined;
  /** Run once listening, not awaited: what makes the first requests as fast as the next (Neo4jStore.warm, SqliteStore.warm). */
  let warm: () => Promise<void>;
  const curationFile = options.curation ?? DEFAULT_CURATION_FILE;
  if (options.neo4j) {
    // The driver (and its rxjs) is loaded only to serve Neo4j: ~1 s of start-up the graph database does not need.
    const [{ connectionFromFlags }, { openDriver }, { Neo4jStore }] = await Promise.all([
      import('./query-command'),
      import('../store/neo4j'),
      import('../server/neo4j-store'),
    ]);
    const connection = connectionFromFlags(options);
    const driver = await openDriver(connection);
    const neo4jStore = new Neo4jStore(driver, connection.database);
    store = neo4jStore;
    warm = () => neo4jStore.warm();
    // With the graph database Neo4j was loaded from, decisions go to both.
    if (graphFile && !options.readOnly) {
      const databaseCurator = new DatabaseCurator(store, graphFile, curationFile, {
        driver,
        ...(connection.database ? { database: connection.database } : {}),
      });
      curator = databaseCurator;
      closeCurator = () => databaseCurator.close();
    }
  } else {
    const file = graphFile ?? DEFAULT_GRAPH_FILE;
    if (!fs.existsSync(file))
      throw new CablegraphError(
        'GRAPH_NOT_FOUND',
        `no graph database ${file}: build one (npx cablegraph build <cables> -o ${file}) or give --neo4j`,
        { file },
      );
    // The graph database: opened, not loaded (a missing, foreign or damaged file is a clear error).
    const sqlite = SqliteStore.open(file);
    store = sqlite;
    warm = () => sqlite.warm();
    if (!options.readOnly) {
      const databaseCurator = new DatabaseCurator(sqlite, file, curationFile);
      curator = databaseCurator;
      closeCurator = () => databaseCurator.close();
    }
  }
  const access = accessPolicy(host, { ...(token ? { token } : {}), extraHosts: options.allowHost ?? [] });
  // Bookmarks go beside the curation file (bookmarks.jsonl); --read-only shows them, changes none.
  const takeaway = { bookmarks: bookmarksFileBeside(curationFile), readOnly: !!options.readOnly };
  const app = createApp(store, { access, takeaway, ...(curator ? { curator } : {}) });
  // http.createServer, not app.listen: express 5 hands listen errors to the callback as if listening.
  const server = http.createServer({ maxHeaderSize: 16 * 1024 }, app);
  // A client must send its headers within 20 s and its body within 60 s (slow senders hold no slot for long).
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      void store.close();
      reject(
        new CablegraphError(
          'LISTEN_FAILED',
          `cannot listen on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use (--port)' : error.message}`,
        ),
      );
    });
    server.listen(port, host, () => resolve());
  });
  void warm();
  const address = server.address() as AddressInfo;
  // Bound to every interface: the URL names the machine (what another machine would use).
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const shownHost = wildcard ? os.hostname() : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    exposed,
    ...(token ? { token } : {}),
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
    process.stderr.write(
      `cablegraph serve: ${stats.cables} cables, ${stats.entities} entities, ${stats.coMentions} co-mentions (${running.store.kind} store)\n`,
    );
    if (running.exposed) {
      process.stderr.write(
        `cablegraph serve: listening beyond this machine (--host ${options.host}): ${running.token ? 'the API needs the token in the URL below — share it only with those who may ' + (options.readOnly ? 'read the graph' : 'read and curate the graph') : 'anyone who reaches it can read the graph (--no-token)'}\n`,
      );
    }
  }
  // The viewer takes the token from its URL (as Jupyter's does) and sends it with every API request.
  if (!options.quiet || running.token)
    process.stdout.write(`viewer: ${running.url}/${running.token ? `?token=${running.token}` : ''}\n`);
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
