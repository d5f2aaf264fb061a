import type Graph from 'graphology';

/** graphology's JSON serialization (what `graph.import()` and sigma read). */
export function writeGraphologyJson(graph: Graph): string {
  return JSON.stringify(graph.export());
}
