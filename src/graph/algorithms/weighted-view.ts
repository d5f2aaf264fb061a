// An undirected weighted graph of node indexes in compressed sparse rows: what the metrics run on.
import { PairIndex } from '../pair-index';
import { COLLECT_FROM_PAIRS, releaseArrayBuffers } from '../../common/collect';

/** Edges a WeightedView is made of (see its constructor). */
export type EdgeWalk = (callback: (source: number, target: number, weight: number) => void) => void;

/** What a WeightedView may be told beforehand: sizes its arrays once, and spares the pair index (and a copy) edges that need none. */
export interface WeightedViewEdges {
  /** At least the number of edges `forEachEdge` gives: the arrays are made this size at once, not doubled as they fill. */
  edges?: number;
  /**
   * Edges that come after `forEachEdge`'s, each one a pair of distinct nodes that no other edge
   * (of either walk) joins. Not copied: the view walks them whenever it needs them (counting,
   * the adjacency, forEachPair), so the walk must give the same edges in the same order each time.
   */
  forEachDistinctEdge?: EdgeWalk;
}

/**
 * An undirected, weighted graph of node indexes in compressed sparse rows: what the metrics run
 * on. Parallel edges (a MENTIONS and a SIGNED edge between the same cable and person) are one
 * edge with their weights summed. Pairs keep the order in which each first appeared, then the
 * distinct edges in their walk's order, so results do not depend on hashing.
 *
 * Memory (what decides whether a full-corpus build fits in 4 GiB): the first walk's pairs are
 * kept (16 bytes each); the distinct edges (a build's 28 M co-mentions) are read from their owner,
 * not copied; the adjacency costs 8 bytes an entry (two per pair) when every weight is a float32
 * exactly (integer weights below 2^24: a build's), else 12. The pairs and the adjacency can each
 * be let go once what needs them has run.
 */
export class WeightedView {
  /** The first walk's unique pairs in first-appearance order: endpoints and summed weight (empty after releasePairs). */
  private source: Int32Array;
  private target: Int32Array;
  private weight: Float64Array;
  private distinct: EdgeWalk | undefined;
  private released = false;
  /** How many pairs (the first walk's and the distinct ones). */
  readonly size: number;
  /** Adjacency: neighbours of node i are neighbour[start[i] … start[i+1]), with the pair's weight (empty after releaseAdjacency). */
  start: Int32Array;
  neighbour: Int32Array;
  /** Float32 when every weight is one exactly (the same values either way), else Float64. */
  neighbourWeight: Float32Array | Float64Array;

  /**
   * @param forEachEdge the edges, parallel ones and self-loops allowed (a pair index finds them)
   * @param known sizes and distinct edges, when the caller knows them (a build's co-mentions: tens
   *   of millions of pairs kept out of the pair index and out of this view's arrays)
   */
  constructor(
    readonly order: number,
    forEachEdge: EdgeWalk,
    known: WeightedViewEdges = {},
  ) {
    // Released before the adjacency is allocated.
    let pairs: PairIndex | undefined = new PairIndex(known.edges);
    const capacity = Math.max(1, known.edges ?? 1024);
    // Edges arrive as (source, target) in their own order; the pair keeps the first one's direction.
    let source = new Int32Array(capacity);
    let target = new Int32Array(capacity);
    let weights = new Float64Array(capacity);
    let own = 0;
    forEachEdge((s, t, w) => {
      if (s === t) return;
      const before = pairs!.length;
      const pair = pairs!.add(s, t);
      if (pairs!.length === before) {
        weights[pair] += w;
        return;
      }
      if (own === weights.length) {
        source = growInt(source);
        target = growInt(target);
        weights = growFloat(weights);
      }
      source[own] = s;
      target[own] = t;
      weights[own] = w;
      own += 1;
    });
    pairs = undefined;
    // Nearly full arrays are kept as they are (a trimming copy would double them for a moment).
    const keep = own >= 0.75 * source.length;
    this.source = keep ? source.subarray(0, own) : source.slice(0, own);
    this.target = keep ? target.subarray(0, own) : target.slice(0, own);
    this.weight = keep ? weights.subarray(0, own) : weights.slice(0, own);
    source = target = new Int32Array(0);
    weights = new Float64Array(0);
    this.distinct = known.forEachDistinctEdge;
    // The pair index (and any trimmed arrays) freed now, not beside the adjacency: at full-corpus
    // scale ~0.25 GB, which the collector would otherwise free only after the adjacency is made.
    if (own >= COLLECT_FROM_PAIRS) releaseArrayBuffers();

    // Degrees first (the distinct walk's edges are counted here), then each node's entries.
    const start = new Int32Array(order + 1);
    let exact = true;
    let size = 0;
    this.forEachPair((s, t, w) => {
      start[s + 1] += 1;
      start[t + 1] += 1;
      if (exact && Math.fround(w) !== w) exact = false;
      size += 1;
    });
    this.size = size;
    for (let i = 0; i < order; i += 1) start[i + 1] += start[i];
    this.start = start;
    this.neighbour = new Int32Array(2 * size);
    this.neighbourWeight = exact ? new Float32Array(2 * size) : new Float64Array(2 * size);
    const fill = start.slice(0, order);
    const { neighbour, neighbourWeight } = this;
    this.forEachPair((s, t, w) => {
      neighbour[fill[s]] = t;
      neighbourWeight[fill[s]++] = w;
      neighbour[fill[t]] = s;
      neighbourWeight[fill[t]++] = w;
    });
  }

  /** Every pair in order (the first walk's, then the distinct edges): endpoints, first direction kept, and weight. */
  forEachPair(callback: (source: number, target: number, weight: number) => void): void {
    if (this.released) throw new Error('WeightedView: the pairs were released');
    const { source, target, weight } = this;
    for (let p = 0; p < source.length; p += 1) callback(source[p], target[p], weight[p]);
    this.distinct?.(callback);
  }

  /**
   * Lets the pairs go (the first walk's lists, and the distinct walk): for a build, once the
   * layout's matrices are made from them. The adjacency stays, and the size.
   */
  releasePairs(): void {
    this.released = true;
    this.source = new Int32Array(0);
    this.target = new Int32Array(0);
    this.weight = new Float64Array(0);
    this.distinct = undefined;
  }

  /** Lets the adjacency go (what Louvain and PageRank read): for a build, once they have run — ~0.7 GB at full-corpus scale. */
  releaseAdjacency(): void {
    this.start = new Int32Array(0);
    this.neighbour = new Int32Array(0);
    this.neighbourWeight = new Float32Array(0);
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
