// An undirected weighted graph of node indexes in compressed sparse rows: what the metrics run on.
import { PairIndex } from '../pair-index';

/**
 * An undirected, weighted graph of node indexes in compressed sparse rows: what the metrics run
 * on. Parallel edges (a MENTIONS and a SIGNED edge between the same cable and person) are one
 * edge with their weights summed. `pairs` keep the order in which each pair first appeared, so
 * results do not depend on hashing.
 */
export class WeightedView {
  /** Unique pairs in first-appearance order: endpoints and summed weight. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly weight: Float64Array;
  /** Adjacency: neighbours of node i are neighbour[start[i] … start[i+1]), with the pair's weight. */
  readonly start: Int32Array;
  readonly neighbour: Int32Array;
  readonly neighbourWeight: Float64Array;

  constructor(
    readonly order: number,
    forEachEdge: (callback: (source: number, target: number, weight: number) => void) => void,
  ) {
    // Released before the adjacency is allocated: at full-corpus scale the index is ~0.5 GB.
    let pairs: PairIndex | undefined = new PairIndex();
    // Edges arrive as (source, target) in their own order; the pair keeps the first one's direction.
    let first = new Int32Array(1024);
    let weights = new Float64Array(1024);
    forEachEdge((s, t, w) => {
      if (s === t) return;
      const before = pairs!.length;
      const pair = pairs!.add(s, t);
      if (pairs!.length > before) {
        if (pair === weights.length) {
          first = growInt(first);
          weights = growFloat(weights);
        }
        first[pair] = s;
        weights[pair] = 0;
      }
      weights[pair] += w;
    });
    const size = pairs.length;
    this.source = new Int32Array(size);
    this.target = new Int32Array(size);
    this.weight = weights.slice(0, size);
    for (let p = 0; p < size; p += 1) {
      const s = first[p];
      this.source[p] = s;
      this.target[p] = s === pairs.low(p) ? pairs.high(p) : pairs.low(p);
    }
    pairs = undefined;
    first = new Int32Array(0);
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

  get size(): number {
    return this.source.length;
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
