// gexf-download: the viewer's GEXF export, streamed to the client slice by slice (other requests are answered between slices) and stopped when the client goes away.
import { once } from 'events';
import type { Response } from 'express';
import type { Attributes } from 'graphology-types';
import { GexfWriter, runWriter, type ExportEdge, type ExportSource } from '../export';
import { GraphNodes } from '../graph/file';
import type { Subgraph } from './types';

/** A subgraph as an export source: the same nodes, attributes and edge keys as a graphology graph of it would give. */
export function subgraphSource(sub: Subgraph): ExportSource<Iterable<ExportEdge>> {
  const nodes = new GraphNodes();
  for (const n of sub.nodes) {
    const attributes: Attributes = { kind: n.type, label: n.name, name: n.name, cableCount: n.cableCount, weightedDegree: n.weightedDegree, pagerank: n.pagerank, community: n.community, x: n.x, y: n.y, ...(n.firstDate ? { firstDate: n.firstDate, lastDate: n.lastDate } : {}) };
    nodes.add(n.id, attributes);
  }
  return {
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    attributes: {},
    nodes,
    *edges() {
      for (const e of sub.edges) {
        yield { key: `CO_MENTIONED:${e.id}`, source: e.source, target: e.target, undirected: true, attributes: { type: 'CO_MENTIONED', weight: e.weight, cableCount: e.cableCount, ...(e.firstDate ? { firstDate: e.firstDate, lastDate: e.lastDate } : {}) } };
      }
    },
  };
}

/** Bounds how many exports run at once: each holds a subgraph and a writer. */
export class GexfExports {
  private running = 0;
  constructor(private readonly atOnce: number) {}

  /** A slot, or undefined when `atOnce` exports are running. */
  take(): { release(): void } | undefined {
    if (this.running >= this.atOnce) return undefined;
    this.running += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.running -= 1;
      },
    };
  }

  get active(): number {
    return this.running;
  }
}

/** Lets the event loop answer other requests (and notice a closed connection) between slices. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes the subgraph's GEXF to `res`: the writer's chunks as they come, waiting for the socket
 * to drain and for the event loop's other work between chunks. When `signal` aborts (the client
 * went away) the writer is stopped and the promise rejects with the signal's reason.
 */
export async function streamGexf(sub: Subgraph, res: Response, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  const source = subgraphSource(sub);
  const chunks = runWriter(new GexfWriter(source), source);
  res.attachment('cablegraph-view.gexf').type('application/gexf+xml');
  try {
    for (const chunk of chunks) {
      signal.throwIfAborted();
      if (!res.write(chunk)) await once(res, 'drain', { signal });
      else await turn();
    }
    signal.throwIfAborted();
    res.end();
  } finally {
    // Stops the writer (and its buffers) when the loop left early.
    chunks.return(undefined);
  }
}
