// An undirected weighted graph of node indexes in compressed sparse rows: what the metrics run on.
import { PairIndex } from '../pair-index';

/**
 * An undirected, weighted graph of node indexes in compressed sparse rows: what the metrics run
 * on. Parallel edges (a MENTIONS and a SIGNED edge between the same cable and person) are one
 * edge with their weights summed. `pairs` keep the order in which each pair first appeared, so
 * results do not depend on hashing.
 */
/** Edges a WeightedView is made of (see its constructor). */
export type EdgeWalk = (callback: (source: number, target: number, weight: number) => void) => void;

/** What a WeightedView may be told beforehand: sizes its arrays once, and spares the pair index edges that need none. */
export interface WeightedViewEdges {
  /** At least the number of edges `forEachEdge` gives: the arrays are made this size at once, not doubled as they fill. */
  edges?: number;
  /**
   * Edges walked after `forEachEdge`, each one a pair of distinct nodes that no other edge (of
   * either walk) joins: taken as they come, without the pair index.
   */
  forEachDistinctEdge?: EdgeWalk;
  /** How many edges `forEachDistinctEdge` gives (exactly). */
  distinctEdges?: number;
}

/**
 * An undirected, weighted graph of node indexes in compressed sparse rows: what the metrics run
 * on. Parallel edges (a MENTIONS and a SIGNED edge between the same cable and person) are one
 * edge with their weights summed. `pairs` keep the order in which each pair first appeared, so
 * results do not depend on hashing.
 */
export class WeightedView {
  /** Unique pairs in first-appearance order: endpoints and summed weight (empty after releasePairs). */
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  /** How many pairs. */
  readonly size: number;
  /** Adjacency: neighbours of node i are neighbour[start[i] … start[i+1]), with the pair's weight. */
  readonly start: Int32Array;
  readonly neighbour: Int32Array;
  readonly neighbourWeight: Float64Array;

  /**
   * @param forEachEdge the edges, parallel ones and self-loops allowed (a pair index finds them)
   * @param known sizes and distinct edges, when the caller knows them (a build's co-mentions: tens
   *   of millions of pairs kept out of the pair index, ~20 bytes each at its load factor)
   */
  constructor(
    readonly order: number,
    forEachEdge: EdgeWalk,
    known: WeightedViewEdges = {},
  ) {
    // Released before the adjacency is allocated.
    let pairs: PairIndex | undefined = new PairIndex(known.edges);
    const capacity = known.edges !== undefined ? known.edges + (known.distinctEdges ?? 0) : 1024;
    // Edges arrive as (source, target) in their own order; the pair keeps the first one's direction.
    let source = new Int32Array(capacity);
    let target = new Int32Array(capacity);
    let weights = new Float64Array(capacity);
    let size = 0;
    const append = (s: number, t: number, w: number): void => {
      if (size === weights.length) {
        source = growInt(source);
        target = growInt(target);
        weights = growFloat(weights);
      }
      source[size] = s;
      target[size] = t;
      weights[size] = w;
      size += 1;
    };
    forEachEdge((s, t, w) => {
      if (s === t) return;
      const before = pairs!.length;
      const pair = pairs!.add(s, t);
      if (pairs!.length > before) append(s, t, w);
      else weights[pair] += w;
    });
    pairs = undefined;
    known.forEachDistinctEdge?.(append);
    // Trimmed without a copy when the arrays were sized right (a copy would double them for a moment).
    const trim = size === source.length;
    this.source = trim ? source : source.slice(0, size);
    this.target = trim ? target : target.slice(0, size);
    this.weight = trim ? weights : weights.slice(0, size);
    this.size = size;
    source = target = new Int32Array(0);
    weights = new Float64Array(0);
    this.start = new Int32Array(order + 1);
    for (let p = 0; p < size; p += 1) {
      this.start[this.source[p] + 1] += 1;
      this.start[this.target[p] + 1] += 1;
    }
    for (let i = 0; i < order; i += 1) this.start[i + 1] += this.start[i];
    this.neighbour = new Int32Array(2 * size);
    this.neighbourWeight = new Float64Array(2 * size);
    const fill = this.start.slice(0, order);
    for (let p = 0; p < size; p += 1) {
      const s = this.source[p];
      const t = this.target[p];
      this.neighbour[fill[s]] = t;
      this.neighbourWeight[fill[s]++] = this.weight[p]!;
      this.neighbour[fill[t]] = s;
      this.neighbourWeight[fill[t]++] = this.weight[p]!;
    }
  }

  /**
   * Lets the pair lists go (the adjacency stays, and with it everything Louvain and PageRank
   * read): for a build, once the layout's matrices are made from them — 16 bytes a pair, ~0.7 GB
   * at full-corpus scale.
   */
  releasePairs(): void {
    this.source = new Int32Array(0);
    this.target = new Int32Array(0);
    this.weight = new Float64Array(0);
  }

  /** Sum of the weights of node i's edges. */
  weightedDegree(i: number): number {
    let sum = 0;
    for (let k = this.start[i]; k < this.start[i + 1]; k += 1) sum += this.neighbourWeight[k];
    return sum;
  }
}

function growInt(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

function growFloat(array: Float64Array): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(array.length * 2);
  grown.set(array);
  return grown;
}
