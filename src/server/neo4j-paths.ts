// The Neo4j store's shortest-path search: the embedded store's bidirectional breadth first, a few Cypher round trips per step.
import { pairKey } from '../model/neo4j-shape';
import { bidirectionalPaths, type PathReader } from './bidirectional-paths';

type Row = Record<string, unknown>;
/** Runs one of cypher/server's queries by name (the store's `rows`). */
export type RunQuery = (name: string, params: Row) => Promise<Row[]>;

/**
 * What one `pair` index seek costs against reading one link of a node's adjacency (the store's
 * SEEK_COST for `among`): a hub is looked up against the other side's nodes only while that takes
 * fewer than its degree / PROBE_COST seeks.
 */
export const PROBE_COST = 4;
/** Frontier entities expanded by one query (the search checks its signal between them). */
const EXPAND_SLICE = 2000;

/**
 * Every shortest co-mention path between two entities of at most `maxHops`, up to `cap` paths, as
 * id lists — the search of bidirectional-paths.ts, which the SQLite store runs too, so the two
 * stores give the same paths, in the same order. Its reads here are Cypher round trips: degrees
 * (path-degrees.cypher), a frontier's links (path-expand.cypher), hubs looked up against the other
 * side's nodes by pair key (path-probe.cypher). allShortestPaths, which this replaces, expanded
 * every hub it reached (nearly all the paths requests' db hits at 50,000 cables). Without `probe`
 * (co-mentions without their pair keys) every frontier is read: the same paths, more links read.
 * Stops (rejects) when `signal` aborts.
 */
export async function shortestPaths(
  run: RunQuery,
  from: string,
  to: string,
  maxHops: number,
  minWeight: number,
  cap: number,
  options: { probe: boolean; signal?: AbortSignal } = { probe: true },
): Promise<string[][]> {
  const { probe, signal } = options;
  const degree = new Map<string, number>();
  const askDegrees = async (ids: readonly string[]): Promise<void> => {
    const missing = [...new Set(ids.filter((id) => !degree.has(id)))];
    if (missing.length === 0) return;
    signal?.throwIfAborted();
    for (const r of await run('path-degrees', { ids: missing })) degree.set(String(r.id), Number(r.degree));
    for (const id of missing) if (!degree.has(id)) degree.set(id, 0); // gone since it was reached
  };
  const ends = [...new Set([from, to])];
  for (const r of await run('path-degrees', { ids: ends })) degree.set(String(r.id), Number(r.degree));
  if (!degree.has(from) || !degree.has(to)) return [];
  if (from === to) return [[from]];
  const reader: PathReader<string> = {
    lookupCost: probe ? PROBE_COST : Infinity,
    async degrees(ids) {
      await askDegrees(ids);
      return ids.map((n) => degree.get(n) ?? 0);
    },
    async expand(nodes, reach) {
      for (let i = 0; i < nodes.length; i += EXPAND_SLICE) {
        signal?.throwIfAborted();
        const rows = await run('path-expand', { ids: nodes.slice(i, i + EXPAND_SLICE), minWeight });
        for (const r of rows) {
          const u = String(r.u);
          for (const v of (r.vs as unknown[] | null) ?? []) reach(u, String(v));
        }
      }
    },
    async linksBetween(hubs, nodes) {
      const probes = hubs.flatMap((u) => nodes.filter((v) => v !== u).map((v) => [pairKey(u, v), u, v]));
      if (probes.length === 0) return [];
      signal?.throwIfAborted();
      const rows = await run('path-probe', { probes, minWeight });
      // A pair key names one pair as long as no id has a space: a row is kept only when its ends are the pair asked.
      return rows
        .filter((r) => {
          const [u, v, s, t] = [r.u, r.v, r.source, r.target].map(String);
          return (s === u && t === v) || (s === v && t === u);
        })
        .map((r) => [String(r.u), String(r.v)]);
    },
    ids: (nodes) => Promise.resolve(new Map(nodes.map((n) => [n, n]))),
  };
  return bidirectionalPaths(reader, from, to, maxHops, cap);
}
