// Louvain community detection over a weighted view in typed arrays, seeded.
import type { WeightedView } from './weighted-view';

/** One level of the Louvain hierarchy: a weighted graph in compressed rows, with self-loops apart. */
interface Level {
  n: number;
  start: Int32Array;
  neighbour: Int32Array;
  /** The view's own weights at the first level (float32 when exact), sums from then on. */
  weight: Float32Array | Float64Array;
  /** Weight inside each (aggregated) node: edges between its members, each counted once. */
  loop: Float64Array;
}

/** Local moving stops after this many passes over the nodes in one level (they rarely need more). */
const MAX_PASSES = 32;
/** Gains smaller than this are ties (floating-point noise must not move a node back and forth). */
const EPSILON = 1e-12;

/**
 * Louvain community detection (Blondel et al. 2008) on typed arrays: move each node to the
 * neighbouring community of best modularity gain until none moves, collapse communities into
 * nodes, repeat while anything moved. Nodes are visited in a seeded random order, so the same
 * graph and seed give the same communities. Communities are numbered 0, 1, … in order of their
 * first node. graphology-communities-louvain does the same on a graphology graph — which costs
 * ~290 bytes an edge to build; this runs on the view the other metrics use.
 */
export function louvain(view: WeightedView, random: () => number, resolution = 1): Int32Array {
  const membership = Int32Array.from({ length: view.order }, (_, i) => i);
  let level: Level = {
    n: view.order,
    start: view.start,
    neighbour: view.neighbour,
    weight: view.neighbourWeight,
    loop: new Float64Array(view.order),
  };
  for (;;) {
    const community = moveNodes(level, random, resolution);
    if (!community) break;
    const { count, aggregated } = aggregate(level, community);
    for (let i = 0; i < membership.length; i += 1) membership[i] = community[membership[i]]!;
    if (count === level.n) break;
    level = aggregated;
  }
  return renumber(membership);
}

/** Local moving on one level: each node's community (numbered 0 … n-1), or undefined when no node moved. */
function moveNodes(level: Level, random: () => number, resolution: number): Int32Array | undefined {
  const { n, start, neighbour, weight, loop } = level;
  const degree = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    let k = 2 * loop[i];
    for (let e = start[i]; e < start[i + 1]; e += 1) k += weight[e];
    degree[i] = k;
    total += k;
  }
  if (total === 0) return undefined;
  const community = Int32Array.from({ length: n }, (_, i) => i);
  const communityTotal = degree.slice();
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  // Weight from the current node to each neighbouring community; `touched` lists which are set.
  const toCommunity = new Float64Array(n);
  const touched = new Int32Array(n);
  let movedAny = false;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    let moved = 0;
    for (let o = 0; o < n; o += 1) {
      const i = order[o];
      const ki = degree[i];
      if (ki === 0) continue;
      const own = community[i];
      let touchedCount = 0;
      for (let e = start[i]; e < start[i + 1]; e += 1) {
        const c = community[neighbour[e]];
        if (toCommunity[c] === 0) touched[touchedCount++] = c;
        toCommunity[c] += weight[e];
      }
      communityTotal[own] -= ki;
      const scale = (resolution * ki) / total;
      let best = own;
      let bestGain = toCommunity[own] - communityTotal[own] * scale;
      for (let t = 0; t < touchedCount; t += 1) {
        const c = touched[t];
        const gain = toCommunity[c] - communityTotal[c] * scale;
        if (gain > bestGain + EPSILON) {
          best = c;
          bestGain = gain;
        }
      }
      communityTotal[best] += ki;
      community[i] = best;
      for (let t = 0; t < touchedCount; t += 1) toCommunity[touched[t]] = 0;
      if (best !== own) moved += 1;
    }
    if (moved === 0) break;
    movedAny = true;
  }
  return movedAny ? community : undefined;
}

/** Communities become the nodes of the next level; `community` is renumbered 0 … count-1 in place. */
function aggregate(level: Level, community: Int32Array): { count: number; aggregated: Level } {
  const { n, start, neighbour, weight, loop } = level;
  const number = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i += 1) {
    const c = community[i];
    if (number[c] === -1) number[c] = count++;
    community[i] = number[c]!;
  }
  // Members of each community, grouped.
  const memberStart = new Int32Array(count + 1);
  for (let i = 0; i < n; i += 1) memberStart[community[i] + 1] += 1;
  for (let c = 0; c < count; c += 1) memberStart[c + 1] += memberStart[c];
  const members = new Int32Array(n);
  const fill = memberStart.slice(0, count);
  for (let i = 0; i < n; i += 1) members[fill[community[i]]++] = i;

  const newLoop = new Float64Array(count);
  const newStart = new Int32Array(count + 1);
  const toCommunity = new Float64Array(count);
  const touched = new Int32Array(count);
  /** Community c's neighbour communities into `touched` (first-seen order), their summed weights in toCommunity: how many. */
  const gather = (c: number, loops: boolean): number => {
    let touchedCount = 0;
    for (let m = memberStart[c]; m < memberStart[c + 1]; m += 1) {
      const i = members[m];
      if (loops) newLoop[c] += loop[i];
      for (let e = start[i]; e < start[i + 1]; e += 1) {
        const d = community[neighbour[e]];
        // An edge inside the community is seen from both ends: half each time.
        if (d === c) {
          if (loops) newLoop[c] += weight[e] / 2;
        } else {
          if (toCommunity[d] === 0) touched[touchedCount++] = d;
          toCommunity[d] += weight[e];
        }
      }
    }
    return touchedCount;
  };
  // Two passes: the first sizes each community's row, the second writes the rows into arrays made
  // once at their size. (One array per row, then a copy of them all, was hundreds of thousands of
  // small buffers and the level held twice at full-corpus scale.)
  for (let c = 0; c < count; c += 1) {
    const touchedCount = gather(c, true);
    for (let t = 0; t < touchedCount; t += 1) toCommunity[touched[t]] = 0;
    newStart[c + 1] = newStart[c] + touchedCount;
  }
  const newNeighbour = new Int32Array(newStart[count]);
  const newWeight = new Float64Array(newStart[count]);
  for (let c = 0; c < count; c += 1) {
    const touchedCount = gather(c, false);
    for (let t = 0, at = newStart[c]; t < touchedCount; t += 1, at += 1) {
      const d = touched[t];
      newNeighbour[at] = d;
      newWeight[at] = toCommunity[d];
      toCommunity[d] = 0;
    }
  }
  return {
    count,
    aggregated: { n: count, start: newStart, neighbour: newNeighbour, weight: newWeight, loop: newLoop },
  };
}

function renumber(membership: Int32Array): Int32Array {
  const number = new Map<number, number>();
  return membership.map((c) => {
    let k = number.get(c);
    if (k === undefined) number.set(c, (k = number.size));
    return k;
  });
}
