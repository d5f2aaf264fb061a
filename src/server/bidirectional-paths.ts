// The shortest-path search both stores run: breadth first from both ends, the cheaper side first, hubs looked up.
import { compare } from './search';

/** One end's breadth first: each reached node's distance and every predecessor at that distance. */
export interface PathSide<N> {
  distance: Map<N, number>;
  predecessors: Map<N, N[]>;
  frontier: N[];
  depth: number;
}

/** What a store answers for the search, over its own node handles `N` (SQLite: entity numbers; Neo4j: ids). */
export interface PathReader<N> {
  /** The degrees of these nodes (what reading each one's links costs), in their order. */
  degrees(nodes: readonly N[]): Promise<number[]>;
  /** Every link of these nodes of at least the search's weight, as (node, neighbour) calls of `reach`. */
  expand(nodes: readonly N[], reach: (u: N, v: N) => void): Promise<void>;
  /** The links of at least the search's weight between hubs and nodes, as [hub, node] pairs (key lookups). */
  linksBetween(hubs: readonly N[], nodes: readonly N[]): Promise<Array<[N, N]>>;
  /** What one lookup costs against reading one link; Infinity: never look hubs up. */
  lookupCost: number;
  /** The ids of these nodes (the order of the paths and their output). */
  ids(nodes: readonly N[]): Promise<Map<N, string>>;
}

/** The larger frontier's degrees are asked in slices, stopping once they pass the smaller one's. */
const DEGREE_SLICE = 1000;

/**
 * Every shortest co-mention path between two nodes of at most `maxHops`, up to `cap` paths, as id
 * lists, in one order whatever the store: breadth first from both ends, each step growing the side
 * whose frontier has fewer links to read (their summed degrees, not their sizes: one hub is a
 * frontier of one node with hundreds of thousands of links at full-corpus scale), keeping every
 * predecessor at the shortest distance. A frontier's hubs — links costing more to read than
 * looking each node the other side has reached up against them — are looked up first while the
 * rest of the frontier is read; only when neither meets the other side are the hubs read too. The
 * links found to the other side are the same either way, so are the paths: every shortest prefix
 * to a meeting node joined to every shortest suffix from it, ordered by ids.
 */
export async function bidirectionalPaths<N>(
  reader: PathReader<N>,
  from: N,
  to: N,
  maxHops: number,
  cap: number,
): Promise<string[][]> {
  const sides = [from, to].map((start) => ({
    distance: new Map([[start, 0]]),
    predecessors: new Map<N, N[]>(),
    frontier: [start],
    depth: 0,
  })) as [PathSide<N>, PathSide<N>];
  let meeting: N[] = [];
  while (
    meeting.length === 0 &&
    sides[0].frontier.length > 0 &&
    sides[1].frontier.length > 0 &&
    sides[0].depth + sides[1].depth < maxHops
  ) {
    const { grow, other, degrees } = await cheaperFirst(reader, sides);
    const depth = grow.depth + 1;
    const next: N[] = [];
    const reach = (u: N, v: N): void => {
      const d = grow.distance.get(v);
      if (d === undefined) {
        grow.distance.set(v, depth);
        grow.predecessors.set(v, [u]);
        next.push(v);
      } else if (d === depth) grow.predecessors.get(v)!.push(u);
    };
    const lookups = other.distance.size * reader.lookupCost;
    const hubs = grow.frontier.filter((_, i) => degrees[i] > lookups);
    if (hubs.length === 0) await reader.expand(grow.frontier, reach);
    else {
      // the other nodes read and the hubs looked up at once; applied in that order
      const [, links] = await Promise.all([
        reader.expand(
          grow.frontier.filter((_, i) => degrees[i] <= lookups),
          reach,
        ),
        reader.linksBetween(hubs, [...other.distance.keys()]),
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
      await reader.expand(hubs, reach);
    }
    grow.frontier = next;
    grow.depth = depth;
    meeting = next.filter((v) => other.distance.has(v));
  }
  if (meeting.length === 0) return [];
  return joinedPaths(reader, sides, meeting, cap);
}

/** The side whose next step reads fewer links, with its frontier's degrees (the other's asked only while they could be fewer). */
async function cheaperFirst<N>(
  reader: PathReader<N>,
  sides: [PathSide<N>, PathSide<N>],
): Promise<{ grow: PathSide<N>; other: PathSide<N>; degrees: number[] }> {
  const [small, large] = sides[0].frontier.length <= sides[1].frontier.length ? sides : [sides[1], sides[0]];
  const smallDegrees = await reader.degrees(small.frontier);
  const smallTotal = smallDegrees.reduce((s, d) => s + d, 0);
  const largeDegrees: number[] = [];
  let largeTotal = 0;
  for (let i = 0; i < large.frontier.length && largeTotal <= smallTotal; i += DEGREE_SLICE) {
    for (const d of await reader.degrees(large.frontier.slice(i, i + DEGREE_SLICE))) {
      largeDegrees.push(d);
      largeTotal += d;
      if (largeTotal > smallTotal) break;
    }
  }
  return largeTotal < smallTotal
    ? { grow: large, other: small, degrees: largeDegrees }
    : { grow: small, other: large, degrees: smallDegrees };
}

/** Every shortest prefix to each meeting node at the shortest length joined to every suffix from it, up to `cap`, by ids. */
async function joinedPaths<N>(
  reader: PathReader<N>,
  sides: [PathSide<N>, PathSide<N>],
  met: N[],
  cap: number,
): Promise<string[][]> {
  const dist = (m: N): number => sides[0].distance.get(m)! + sides[1].distance.get(m)!;
  const length = Math.min(...met.map(dist));
  const meeting = met.filter((m) => dist(m) === length);
  // the nodes the paths can pass through: the predecessor trees back from the meeting nodes, each
  // node once per side (the trees share their upper parts)
  const involved = new Set<N>();
  for (const side of sides) {
    const visited = new Set<N>();
    const collect = (node: N): void => {
      if (visited.has(node)) return;
      visited.add(node);
      involved.add(node);
      for (const p of side.predecessors.get(node) ?? []) collect(p);
    };
    for (const m of meeting) collect(m);
  }
  const ids = await reader.ids([...involved]);
  const idOf = (n: N): string => ids.get(n)!;
  const byId = (x: N, y: N): number => compare(idOf(x), idOf(y));
  meeting.sort(byId);
  const chains = (side: PathSide<N>, node: N): N[][] => {
    const predecessors = side.predecessors.get(node);
    if (!predecessors) return [[node]];
    return [...new Set(predecessors)].sort(byId).flatMap((p) => chains(side, p).map((chain) => [...chain, node]));
  };
  const paths: string[][] = [];
  for (const m of meeting) {
    const suffixes = chains(sides[1], m).map((chain) => chain.reverse().slice(1));
    for (const prefix of chains(sides[0], m)) {
      for (const suffix of suffixes) {
        if (paths.length >= cap) return paths;
        paths.push([...prefix, ...suffix].map(idOf));
      }
    }
  }
  return paths;
}
