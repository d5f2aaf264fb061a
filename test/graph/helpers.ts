import * as path from 'path';
import type Graph from 'graphology';
import { readCables } from '../../src/ingest';
import { processCables } from '../../src/pipeline';
import { toCableRecord, type CableRecord } from '../../src/graph';

export const SHARED = path.resolve(__dirname, '../../../shared');
export const SEEDS = path.join(SHARED, 'seeds');

export async function recordsOf(inputs: string[]): Promise<CableRecord[]> {
  const records: CableRecord[] = [];
  for await (const processed of processCables(readCables(inputs), { ner: 'builtin', workers: 0 }))
    records.push(toCableRecord(processed));
  return records;
}

export const nodeNamed = (graph: Graph, name: string): string => {
  const found = graph.filterNodes((_n, a) => a.name === name);
  if (found.length !== 1) throw new Error(`${found.length} nodes named ${name}`);
  return found[0];
};

/** Edge type → count, and node kind → count. */
export function census(graph: Graph): { nodes: Record<string, number>; edges: Record<string, number> } {
  const nodes: Record<string, number> = {};
  const edges: Record<string, number> = {};
  graph.forEachNode((_n, a) => (nodes[a.kind as string] = (nodes[a.kind as string] ?? 0) + 1));
  graph.forEachEdge((_e, a) => (edges[a.type as string] = (edges[a.type as string] ?? 0) + 1));
  return { nodes, edges };
}
