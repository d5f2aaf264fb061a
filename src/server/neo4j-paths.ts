// The Neo4j store's shortest-path search: the embedded store's bidirectional breadth first, a few Cypher round trips per step.
import { pairKey } from '../model/neo4j-shape';
import { compare } from './search';

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
/** Degrees of the larger frontier asked in slices, stopping once they pass the smaller one's. */
const DEGREE_SLICE = 1000;

interface Side {
  distance: Map<string, number>;
  predecessors: Map<string, string[]>;
  frontier: string[];
  depth: number;
}

/**
 * Every shortest co-mention path between two entities of at most `maxHops`, up to `cap` paths, as
 * id lists — the same search as SqliteStore.shortestPaths, in the same order, so the two stores
 * give the same paths: breadth first from both ends, each step growing the side whose frontier
 * has fewer links to read (their degrees, path-degrees.cypher), keeping every predecessor at the
 * shortest distance. A frontier's hubs — more links than PROBE_COST × the nodes the other side
 * has reached — are first looked up against those nodes by pair key (path-probe.cypher) while its
 * other nodes are expanded (path-expand.cypher); only when neither meets the other side are the
 * hubs expanded. allShortestPaths, which this replaces, expanded every hub it reached (nearly all
 * the paths requests' db hits at 50,000 cables). Without `probe` (co-mentions without their pair
 * keys) every frontier is expanded: the same paths, more links read. Stops (rejects) when `signal` aborts.
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

  const sides = [from, to].map((start) => ({
    distance: new Map([[start, 0]]),
    predecessors: new Map<string, string[]>(),
    frontier: [start],
    depth: 0,
  })) as [Side, Side];

  /** The side whose next step reads fewer links, with its frontier's degrees (the other's asked only while they could be fewer). */
  const cheaperFirst = async (): Promise<{ grow: Side; other: Side; degrees: number[] }> => {
    const [small, large] = sides[0].frontier.length <= sides[1].frontier.length ? sides : [sides[1], sides[0]];
    await askDegrees(small.frontier);
    const smallDegrees = small.frontier.map((n) => degree.get(n) ?? 0);
    const smallTotal = smallDegrees.reduce((s, d) => s + d, 0);
    const largeDegrees: number[] = [];
    let largeTotal = 0;
    for (let i = 0; i < large.frontier.length && largeTotal <= smallTotal; i += DEGREE_SLICE) {
      const slice = large.frontier.slice(i, i + DEGREE_SLICE);
      await askDegrees(slice);
      for (const n of slice) {
        const d = degree.get(n) ?? 0;
        largeDegrees.push(d);
        largeTotal += d;
        if (largeTotal > smallTotal) break;
      }
    }
    return largeTotal < smallTotal
      ? { grow: large, other: small, degrees: largeDegrees }
      : { grow: small, other: large, degrees: smallDegrees };
  };

  /** A step of a side over some of its frontier: neighbours not seen before join `next` at `depth`, each keeping all its predecessors there. */
  const expand = async (side: Side, nodes: readonly string[], depth: number, next: string[]): Promise<void> => {
    for (let i = 0; i < nodes.length; i += EXPAND_SLICE) {
      signal?.throwIfAborted();
      const rows = await run('path-expand', { ids: nodes.slice(i, i + EXPAND_SLICE), minWeight });
      for (const r of rows) {
        const u = String(r.u);
        for (const value of (r.vs as unknown[] | null) ?? []) {
          const v = String(value);
          const d = side.distance.get(v);
          if (d === undefined) {
            side.distance.set(v, depth);
            side.predecessors.set(v, [u]);
            next.push(v);
          } else if (d === depth) side.predecessors.get(v)!.push(u);
        }
      }
    }
  };

  /** The links of at least `minWeight` between hubs and nodes, as [hub, node] pairs: one pair-key seek each. */
  const linksBetween = async (hubs: readonly string[], nodes: readonly string[]): Promise<Array<[string, string]>> => {
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
  };

  let meeting: string[] = [];
  while (
    meeting.length === 0 &&
    sides[0].frontier.length > 0 &&
    sides[1].frontier.length > 0 &&
    sides[0].depth + sides[1].depth < maxHops
  ) {
    const { grow, other, degrees } = await cheaperFirst();
    const depth = grow.depth + 1;
    const lookups = probe ? other.distance.size * PROBE_COST : Infinity;
    const hubs = grow.frontier.filter((_, i) => degrees[i] > lookups);
    const next: string[] = [];
    if (hubs.length === 0) await expand(grow, grow.frontier, depth, next);
    else {
      // The other nodes' expansion and the hubs' lookups at once (two sessions); applied in that order.
      const [, links] = await Promise.all([
        expand(
          grow,
          grow.frontier.filter((_, i) => degrees[i] <= lookups),
          depth,
          next,
        ),
        linksBetween(hubs, [...other.distance.keys()]),
      ]);
      const met = next.filter((v) => other.distance.has(v));
      if (met.length > 0 || links.length > 0) {
        for (const [u, v] of links) {
          if (grow.distance.has(v)) grow.predecessors.get(v)!.push(u);
          else {
            grow.distance.set(v, depth);
            grow.predecessors.set(v, [u]);
            met.push(v);
          }
        }
        grow.frontier = met;
        grow.depth = depth;
        meeting = met;
        break;
      }
      await expand(grow, hubs, depth, next);
    }
    grow.frontier = next;
    grow.depth = depth;
    meeting = next.filter((v) => other.distance.has(v));
  }
  if (meeting.length === 0) return [];
  const dist = (m: string): number => sides[0].distance.get(m)! + sides[1].distance.get(m)!;
  const length = Math.min(...meeting.map(dist));
  meeting = meeting.filter((m) => dist(m) === length).sort(compare);
  const chains = (side: Side, node: string): string[][] => {
    const predecessors = side.predecessors.get(node);
    if (!predecessors) return [[node]];
    return [...new Set(predecessors)].sort(compare).flatMap((p) => chains(side, p).map((chain) => [...chain, node]));
  };
  const paths: string[][] = [];
  for (const m of meeting) {
    const suffixes = chains(sides[1], m).map((chain) => chain.reverse().slice(1));
    for (const prefix of chains(sides[0], m)) {
      for (const suffix of suffixes) {
        if (paths.length >= cap) return paths;
        paths.push([...prefix, ...suffix]);
      }
    }
  }
  return paths;
}
