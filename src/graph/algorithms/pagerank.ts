// PageRank over a weighted view in typed arrays, with graphology-metrics' defaults.
import type { WeightedView } from './weighted-view';

export interface PagerankOptions {
  alpha: number;
  maxIterations: number;
  /** Stop when the L1 change per node falls below this. */
  tolerance: number;
}

/** graphology-metrics' defaults, so scores read the same as before this ran on typed arrays. */
export const DEFAULT_PAGERANK: PagerankOptions = { alpha: 0.85, maxIterations: 100, tolerance: 1e-6 };

/**
 * Weighted PageRank by power iteration over the view (each undirected edge both ways, a node's
 * rank spread in proportion to its edge weights; isolated nodes spread theirs evenly). The same
 * computation as graphology-metrics' pagerank, on arrays — and it keeps the last iterate rather
 * than throwing when it has not converged within maxIterations.
 *
 * `shares` receives each adjacency entry's share of its node's rank (8 bytes an edge); passing
 * the view's own `neighbourWeight` overwrites it in place — what a build does once nothing else
 * needs the adjacency weights, rather than allocating another ~400 MB at full-corpus scale.
 */
export function pagerank(
  view: WeightedView,
  options: PagerankOptions = DEFAULT_PAGERANK,
  shares?: Float64Array,
): Float64Array {
  const n = view.order;
  const { start, neighbour, neighbourWeight } = view;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = shares ?? new Float64Array(neighbourWeight.length);
  if (share.length !== neighbourWeight.length)
    throw new Error('pagerank: shares must have one entry per adjacency entry');
  const dangling: number[] = [];
  for (let i = 0; i < n; i += 1) {
    // Node i's degree is read before its own entries are overwritten (when shares are the weights).
    const degree = view.weightedDegree(i);
    if (degree === 0) dangling.push(i);
    for (let k = start[i]; k < start[i + 1]; k += 1) share[k] = neighbourWeight[k] / degree;
  }
  const { alpha } = options;
  for (let iteration = 0; iteration < options.maxIterations; iteration += 1) {
    let dangleSum = 0;
    for (const i of dangling) dangleSum += x[i];
    const base = (alpha * dangleSum) / n + (1 - alpha) / n;
    next.fill(0);
    for (let i = 0; i < n; i += 1) {
      const xi = alpha * x[i];
      for (let k = start[i]; k < start[i + 1]; k += 1) next[neighbour[k]] += xi * share[k];
      next[i] += base;
    }
    let error = 0;
    for (let i = 0; i < n; i += 1) error += Math.abs(next[i] - x[i]);
    [x, next] = [next, x];
    if (error < n * options.tolerance) break;
  }
  return x;
}
