// gexf-worker: writes a view's GEXF off the server's event loop (and out of its heap): the view arrives in JSON batches, then each chunk is written when the main thread asks for it (it stops asking when its client leaves).
import { parentPort } from 'worker_threads';
import { GexfWriter, runWriter } from '../export';
import { subgraphSource } from './gexf-source';
import type { EdgeView, NodeView } from '../model';

/** What the main thread sends: the nodes, the edges in batches, then `next` for each chunk. */
export type GexfWorkerMessage = { nodes: string } | { edges: string } | 'next';
export type GexfWorkerReply = { chunk: string } | { done: true };

let nodes: NodeView[] = [];
const edges: EdgeView[] = [];
let chunks: Generator<string> | undefined;

parentPort!.on('message', (message: GexfWorkerMessage) => {
  if (message === 'next') {
    if (!chunks) {
      const source = subgraphSource({ nodes, edges, truncated: false });
      chunks = runWriter(new GexfWriter(source), source);
    }
    const next = chunks.next();
    parentPort!.postMessage((next.done ? { done: true } : { chunk: next.value }) satisfies GexfWorkerReply);
  } else if ('nodes' in message) nodes = JSON.parse(message.nodes) as NodeView[];
  else for (const edge of JSON.parse(message.edges) as EdgeView[]) edges.push(edge);
});
