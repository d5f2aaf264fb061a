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

/** Columns holding node numbers (replaced by the nodes' ids: an append numbers its new nodes after the old ones). */
const NODE_COLUMNS = new Set(['node', 'entity', 'cable', 'person', 'post', 'tag', 'cited', 'a', 'b', 'owner']);
/** Metric columns: a full build's whole-graph computations (an append leaves them, see METRICS_STALE). */
const METRIC_COLUMNS = new Set(['degree', 'weighted_degree', 'pagerank', 'community', 'x', 'y']);
/** Meta keys of curation's own bookkeeping (the metrics of removed entities, kept for undo): not graph content. */
const BOOKKEEPING = new Set(['curation_shelved_metrics']);

/**
 * Every table as sorted rows with node numbers replaced by ids: what "the same graph" means when
 * two databases may number their nodes differently (a build, and a build plus an in-place append).
 * The full-text indexes compare by their content (their shadow tables depend on the order rows
 * came in); `metrics` false drops the metric columns, the stats' count of communities and the
 * meta key saying metrics are stale. Curation's bookkeeping in meta is always left out.
 */
export function dumpById(file: string, options: { metrics: boolean }): Record<string, string[]> {
  // (not read-only: the full-text integrity checks are run as INSERTs, which write nothing)
  const db = new Database(file);
  try {
    const ids = new Map<number, string>();
    for (const table of ['entities', 'cables', 'posts', 'tags'])
      for (const r of db.prepare(`SELECT node, id FROM ${table}`).all() as Array<{ node: number; id: string }>)
        ids.set(r.node, r.id);
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      const select =
        table === 'entity_fts'
          ? 'SELECT rowid AS entity, name, aliases FROM entity_fts'
          : table === 'cable_fts'
            ? 'SELECT rowid AS cable, subject, text FROM cable_fts'
            : `SELECT * FROM "${table}"`;
      out[table] = (db.prepare(select).all() as Array<Record<string, unknown>>)
        .map((row) => {
          const mapped: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(row)) {
            if (table === 'word_postings' && k === 'entries') {
              // packed entity * 2 + alone (node numbers differ between an append and a full build): as ids
              const packed = v as Buffer;
              const entries: string[] = [];
              for (let at = 0; at < packed.length; at += 4) {
                const entry = packed.readInt32LE(at);
                entries.push(`${ids.get(entry >>> 1) ?? `missing node ${entry >>> 1}`}${entry & 1 ? ' alone' : ''}`);
              }
              mapped[k] = entries.sort();
              continue;
            }
            if (k === 'node' || (!options.metrics && METRIC_COLUMNS.has(k))) continue;
            mapped[k] = NODE_COLUMNS.has(k) && typeof v === 'number' ? (ids.get(v) ?? `missing node ${v}`) : v;
          }
          if (table === 'meta') {
            if (BOOKKEEPING.has(String(mapped.key))) return '';
            if (options.metrics) return JSON.stringify(mapped);
            if (mapped.key === 'metrics_stale') return '';
            if (mapped.key === 'stats')
              mapped.value = JSON.stringify({ ...(JSON.parse(String(mapped.value)) as object), communities: '-' });
          }
          return JSON.stringify(mapped);
        })
        .filter(Boolean)
        .sort();
    }
    // the full-text indexes hold what their content says (every word of every row findable)
    for (const fts of ['entity_fts', 'cable_fts'])
      db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run();
    return out;
  } finally {
    db.close();
  }
}

/** Table by table, naming the table and the first rows that differ. */
export function tableDifferences(
  actual: Record<string, string[]>,
  expected: Record<string, string[]>,
): Array<{ table: string; missing: string[]; extra: string[] }> {
  const out: Array<{ table: string; missing: string[]; extra: string[] }> = [];
  for (const table of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
    const a = new Set(actual[table] ?? []);
    const e = new Set(expected[table] ?? []);
    const missing = (expected[table] ?? []).filter((r) => !a.has(r)).slice(0, 3);
    const extra = (actual[table] ?? []).filter((r) => !e.has(r)).slice(0, 3);
    if (missing.length > 0 || extra.length > 0 || a.size !== e.size) out.push({ table, missing, extra });
  }
  return out;
}
