// `cablegraph query`: named, file or inline Cypher against Neo4j, and the Neo4j connection flags.
import {
  openDriver,
  queryLibrary,
  queryParameters,
  resolveConnection,
  resolveQuery,
  runQuery,
  type QueryResult,
} from '../store/neo4j';
import { CablegraphError } from '../common/diagnostics';
import { writeLine } from './output';

export interface Neo4jFlags {
  neo4j?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  database?: string;
}

export interface QueryCommandOptions extends Neo4jFlags {
  param?: string[];
  json?: boolean;
  list?: boolean;
}

export function connectionFromFlags(flags: Neo4jFlags) {
  return resolveConnection({
    ...(flags.neo4j ? { uri: flags.neo4j } : {}),
    ...(flags.neo4jUser ? { user: flags.neo4jUser } : {}),
    ...(flags.neo4jPassword ? { password: flags.neo4jPassword } : {}),
    ...(flags.database ? { database: flags.database } : {}),
  });
}

/** `--param k=v` (repeatable) → a record; the value may itself contain `=`. */
export function parseParamFlags(flags: string[] = []): Record<string, string> {
  const params: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new CablegraphError('BAD_PARAM', `--param wants name=value, got "${flag}"`);
    params[flag.slice(0, eq)] = flag.slice(eq + 1);
  }
  return params;
}

const cell = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** A plain text table: header, rule, rows; columns as wide as their widest cell (capped). */
export function formatTable(result: QueryResult): string {
  if (result.rows.length === 0) return '(no rows)';
  const cells = result.rows.map((row) => result.columns.map((c) => cell(row[c]).replace(/\s+/g, ' ')));
  const widths = result.columns.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((r) => r[i].length))));
  const line = (values: string[]): string =>
    values
      .map((v, i) => (v.length > widths[i] ? `${v.slice(0, widths[i] - 1)}…` : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(result.columns),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map(line),
    `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`,
  ].join('\n');
}

/** `cablegraph query <name | file.cypher | 'MATCH …'>`: runs a query of the library against Neo4j. */
export async function runQueryCommand(target: string | undefined, options: QueryCommandOptions): Promise<number> {
  if (options.list || !target) {
    for (const q of queryLibrary().values()) {
      const params = q.params
        .map((p) => (p.defaultValue === undefined ? `${p.name}=<${p.type}>` : `[${p.name}=${p.defaultValue}]`))
        .join(' ');
      await writeLine(`${q.name.padEnd(16)} ${params}\n${' '.repeat(17)}${q.description}`);
    }
    return target || options.list ? 0 : 1;
  }
  const query = resolveQuery(target);
  const params = queryParameters(query, parseParamFlags(options.param));
  const connection = connectionFromFlags(options);
  const driver = await openDriver(connection);
  try {
    const result = await runQuery(driver, query, params, connection.database);
    await writeLine(options.json ? JSON.stringify(result.rows, null, 2) : formatTable(result));
  } catch (error) {
    const e = error as { code?: string; message: string };
    if (e.code?.startsWith('Neo.ClientError'))
      throw new CablegraphError('QUERY_FAILED', `${query.name}: ${e.message.split('\n')[0]}`, { cause: error });
    throw error;
  } finally {
    await driver.close();
  }
  return 0;
}
