// build: the composition root — the stages run in order with options resolved once (build, parse, load, decisions).
import { buildGraph, type CableRecord } from '../graph';
import type { BuildOptions as GraphBuildOptions } from '../graph/types';
import type { Decision } from '../model';
import { curationHook } from './build-database';

export {
  buildGraphDatabase,
  buildDecisions,
  curationHook,
  type BuildReporter,
  type BuildResult,
} from './build-database';
export { takeDecision, type DecideOptions, type DecideResult } from './decide';
export { processInputs, type ProcessInputsOptions } from './process-inputs';
export { resolveCables, type ResolvedCable } from './resolve-cables';
export * from './options';

/** An in-memory graph of records with the analyst's decisions applied (what a build writes, for small inputs and tests). */
export function buildCuratedGraph(
  records: Iterable<CableRecord>,
  decisions: Decision[],
  partial: Partial<GraphBuildOptions> = {},
): ReturnType<typeof buildGraph> {
  return buildGraph(records, { ...partial, curation: decisions }, curationHook(decisions));
}
