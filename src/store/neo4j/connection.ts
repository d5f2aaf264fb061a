// Where and how to reach Neo4j: URI, user, password and database, from flags or the environment.
import neo4j, { type Config, type Driver } from 'neo4j-driver';
import { CablegraphError } from '../../common/diagnostics';
import { noDelayForDriverSockets } from './no-delay';

/** Where and how to reach Neo4j. `neo4j://` and `neo4j+s://` URIs route to clusters and Aura. */
export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  /** Database name; the server's default when omitted. */
  database?: string;
}

export const DEFAULT_NEO4J_CONNECTION: Neo4jConnection = {
  uri: 'bolt://127.0.0.1:7687',
  user: 'neo4j',
  password: 'cablegraph',
};

/** Flags win over NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, which win over defaults. */
export function resolveConnection(
  flags: Partial<Neo4jConnection> = {},
  env: NodeJS.ProcessEnv = process.env,
): Neo4jConnection {
  const pick = (flag: string | undefined, name: string, fallback?: string): string | undefined =>
    flag ?? (env[name] || undefined) ?? fallback;
  const connection: Neo4jConnection = {
    uri: pick(flags.uri, 'NEO4J_URI', DEFAULT_NEO4J_CONNECTION.uri)!,
    user: pick(flags.user, 'NEO4J_USER', DEFAULT_NEO4J_CONNECTION.user)!,
    password: pick(flags.password, 'NEO4J_PASSWORD', DEFAULT_NEO4J_CONNECTION.password)!,
  };
  const database = pick(flags.database, 'NEO4J_DATABASE');
  if (database) connection.database = database;
  return connection;
}

/**
 * Opens a driver and proves the server answers and accepts the credentials before anything is
 * written, so a bad URI or password fails cleanly with nothing half-loaded.
 */
export async function openDriver(connection: Neo4jConnection, config: Config = {}): Promise<Driver> {
  let driver: Driver;
  noDelayForDriverSockets();
  try {
    driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      disableLosslessIntegers: true,
      ...config,
    });
  } catch (cause) {
    throw new CablegraphError('NEO4J_BAD_URI', `not a Neo4j URI: ${connection.uri} (${(cause as Error).message})`, {
      cause,
    });
  }
  try {
    await driver.getServerInfo(connection.database ? { database: connection.database } : {});
    return driver;
  } catch (cause) {
    await driver.close();
    const code = (cause as { code?: string }).code ?? '';
    if (
      code === 'Neo.ClientError.Security.Unauthorized' ||
      code === 'Neo.ClientError.Security.AuthenticationRateLimit'
    ) {
      throw new CablegraphError(
        'NEO4J_AUTH',
        `Neo4j at ${connection.uri} refused user "${connection.user}": wrong password? (set NEO4J_PASSWORD or --neo4j-password)`,
        { cause },
      );
    }
    throw new CablegraphError(
      'NEO4J_UNREACHABLE',
      `no Neo4j answers at ${connection.uri} (${(cause as Error).message.split('\n')[0]}); start one with npm run neo4j:start`,
      { cause },
    );
  }
}
