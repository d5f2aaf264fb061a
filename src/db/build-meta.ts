// The meta rows that say what made a graph database and what it holds: written by a build and again by an in-place append.
import type { BuildOptions } from '../graph/types';
import type { BuildProvenance } from './build';

/** What the graph holds, as the `counts` and `stats` meta rows give it. */
export interface GraphTotals {
  cables: number;
  entities: number;
  nodes: number;
  edges: number;
  coMentions: number;
  communities: number;
  byKind: Map<string, number>;
  byType: Map<string, number>;
  firstDate?: string;
  lastDate?: string;
}

const sortedByKey = (m: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));

/** The provenance, counts and stats meta rows, in the order a build writes them. */
export function buildMetaRows(
  options: BuildOptions,
  provenance: BuildProvenance,
  totals: GraphTotals,
): Array<[key: string, value: unknown]> {
  const { cables, nodes, edges } = totals;
  return [
    ['extractor', provenance.extractor],
    ['extractor_options', provenance.extractorOptions ?? {}],
    ['build_options', { ...options, curation: undefined }],
    ['curation', options.curation ?? []],
    ['curation_hash', provenance.curationHash ?? null],
    ['inputs', provenance.inputs],
    ['counts', { cables, nodes, edges, byKind: sortedByKey(totals.byKind), byType: sortedByKey(totals.byType) }],
    [
      'stats',
      {
        cables,
        entities: totals.entities,
        coMentions: totals.coMentions,
        ...(totals.firstDate ? { firstDate: totals.firstDate } : {}),
        ...(totals.lastDate ? { lastDate: totals.lastDate } : {}),
        communities: totals.communities,
      },
    ],
  ];
}
