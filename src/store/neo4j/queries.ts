// The named query library of cypher/queries: read, listed and run with parameters.
import * as fs from 'fs';
import * as path from 'path';
import neo4j, { type Driver } from 'neo4j-driver';
import { CablegraphError } from '../../common/diagnostics';
import { CYPHER_DIR } from './schema';

export type ParamType = 'string' | 'int' | 'float' | 'boolean' | 'list';

export interface QueryParam {
  name: string;
  type: ParamType;
  /** Raw default from the file; required when absent. */
  defaultValue?: string;
}

/** A named query of cypher/queries: one file each, its header comment saying what it answers. */
export interface NamedQuery {
  name: string;
  file: string;
  description: string;
  params: QueryParam[];
  cypher: string;
}

export const QUERIES_DIR = path.join(CYPHER_DIR, 'queries');

/** Reads a query file: `// text` lines are the description, `// @param name type [default]` its parameters. */
export function parseQueryFile(file: string, source = fs.readFileSync(file, 'utf8')): NamedQuery {
  const description: string[] = [];
  const params: QueryParam[] = [];
  const body: string[] = [];
  for (const line of source.split('\n')) {
    const comment = /^\s*\/\/\s?(.*)$/.exec(line);
    if (!comment) {
      body.push(line);
      continue;
    }
    const param = /^@param\s+(\w+)\s+(string|int|float|boolean|list)(?:\s+(.+))?$/.exec(comment[1].trim());
    if (param)
      params.push({
        name: param[1],
        type: param[2] as ParamType,
        ...(param[3] !== undefined ? { defaultValue: param[3].trim() } : {}),
      });
    else if (body.length === 0) description.push(comment[1].trim());
  }
  return {
    name: path.basename(file, '.cypher'),
    file,
    description: description.join(' '),
    params,
    cypher: body.join('\n').trim().replace(/;\s*$/, ''),
  };
}

/** Every query of the library, by name. */
export function queryLibrary(dir = QUERIES_DIR): Map<string, NamedQuery> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  return new Map(files.map((f) => parseQueryFile(path.join(dir, f))).map((q) => [q.name, q]));
}

/** A library name, a .cypher file, or inline Cypher (parameters then untyped: numbers stay numbers). */
export function resolveQuery(nameOrFileOrCypher: string, library = queryLibrary()): NamedQuery {
  const named = library.get(nameOrFileOrCypher);
  if (named) return named;
  if (/\.cypher$/.test(nameOrFileOrCypher)) {
    if (!fs.existsSync(nameOrFileOrCypher))
      throw new CablegraphError('QUERY_NOT_FOUND', `no such query file: ${nameOrFileOrCypher}`, {
        file: nameOrFileOrCypher,
      });
    return parseQueryFile(nameOrFileOrCypher);
  }
  if (/^\s*(MATCH|OPTIONAL|CALL|RETURN|WITH|UNWIND|SHOW)\b/i.test(nameOrFileOrCypher)) {
    return { name: 'inline', file: '', description: '', params: [], cypher: nameOrFileOrCypher };
  }
  throw new CablegraphError(
    'QUERY_NOT_FOUND',
    `no query named "${nameOrFileOrCypher}"; the library has: ${[...library.keys()].join(', ')}`,
  );
}

function convert(value: string, param: QueryParam | undefined, queryName: string): unknown {
  const type = param?.type;
  if (type === 'int' || (!type && /^-?\d+$/.test(value))) {
    if (!/^-?\d+$/.test(value))
      throw new CablegraphError(
        'BAD_PARAM',
        `${queryName}: parameter ${param?.name} must be an integer, got "${value}"`,
      );
    return neo4j.int(value);
  }
  if (type === 'float' || (!type && /^-?\d*\.\d+$/.test(value))) {
    const n = Number(value);
    if (!Number.isFinite(n))
      throw new CablegraphError('BAD_PARAM', `${queryName}: parameter ${param?.name} must be a number, got "${value}"`);
    return n;
  }
  if (type === 'list')
    return value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  if (type === 'boolean') {
    if (!/^(true|false)$/i.test(value))
      throw new CablegraphError(
        'BAD_PARAM',
        `${queryName}: parameter ${param?.name} must be true or false, got "${value}"`,
      );
    return /^true$/i.test(value);
  }
  return value;
}

/** `k=v` strings (or a record) → typed parameters, defaults filled, missing and unknown ones refused. */
export function queryParameters(query: NamedQuery, given: Record<string, string>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const declared = new Map(query.params.map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(given)) {
    if (query.params.length > 0 && !declared.has(name))
      throw new CablegraphError(
        'BAD_PARAM',
        `${query.name}: unknown parameter "${name}" (takes: ${query.params.map((p) => p.name).join(', ')})`,
      );
    params[name] = convert(value, declared.get(name), query.name);
  }
  for (const p of query.params) {
    if (params[p.name] !== undefined) continue;
    if (p.defaultValue === undefined)
      throw new CablegraphError('BAD_PARAM', `${query.name}: missing parameter "${p.name}" (--param ${p.name}=…)`);
    params[p.name] = convert(p.defaultValue, p, query.name);
  }
  return params;
}

export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
}

/** Runs a query in a read transaction; integers come back as JS numbers. */
export async function runQuery(
  driver: Driver,
  query: NamedQuery,
  params: Record<string, unknown>,
  database?: string,
): Promise<QueryResult> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...(database ? { database } : {}) });
  try {
    const result = await session.executeRead((tx) => tx.run(query.cypher, params));
    const columns = result.records[0]?.keys.map(String) ?? [];
    return { columns, rows: result.records.map((r) => plain(r.toObject()) as Record<string, unknown>) };
  } finally {
    await session.close();
  }
}

/** Driver values (Integer, Node, Path …) → plain JSON values. */
export function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('labels' in v && 'properties' in v) return { labels: v.labels, ...(plain(v.properties) as object) };
    if ('type' in v && 'properties' in v && 'start' in v) return { type: v.type, ...(plain(v.properties) as object) };
    // Neo4j's temporal and spatial values (Date, DateTime, Point) print themselves through their own toString.
    if (typeof (v as { toString?: unknown }).toString === 'function' && v.constructor && v.constructor !== Object)
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      return String(value);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return value;
}
