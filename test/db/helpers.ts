import Database from 'better-sqlite3';
import { buildGraphDb, GraphDbReader } from '../../src/db';
import { DEFAULT_BUILD_OPTIONS, sortedInMemory, type BuildOptions, type CableRecord } from '../../src/graph';

/** Every table of a database (FTS shadow tables included), each as its rows in a fixed order: what "equal databases" means in the tests. */
export function dumpTables(file: string): Record<string, unknown[][]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    const dump: Record<string, unknown[][]> = {};
    for (const table of tables) {
      if (/_fts$/.test(table)) continue; // virtual tables: their shadow tables hold the index
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map(
        (c) => `"${c}"`,
      );
      dump[table] = db
        .prepare(`SELECT ${columns.join(', ')} FROM "${table}" ORDER BY ${columns.join(', ')}`)
        .raw()
        .all() as unknown[][];
    }
    return dump;
  } finally {
    db.close();
  }
}

/** Builds a graph database from records held in memory. */
export async function buildDbOf(
  file: string,
  records: CableRecord[],
  options: Partial<BuildOptions> = {},
): Promise<void> {
  await buildGraphDb(
    file,
    sortedInMemory(records),
    { ...DEFAULT_BUILD_OPTIONS, ...options },
    { extractor: 'builtin', inputs: ['test'] },
  );
}

/** A database's graph as plain data: nodes (key, attributes) and edges (key, ends, attributes), in graph order. */
export async function graphOfDb(
  file: string,
): Promise<{ nodes: Array<[string, unknown]>; edges: Array<[string, string, string, boolean, unknown]> }> {
  const reader = GraphDbReader.open(file);
  try {
    const nodes = reader.nodes.keys.map((key, i): [string, unknown] => [key, reader.nodes.attributes[i]]);
    const edges: Array<[string, string, string, boolean, unknown]> = [];
    for await (const e of reader.edges()) edges.push([e.key, e.source, e.target, e.undirected, e.attributes]);
    return { nodes, edges };
  } finally {
    reader.close();
  }
}
