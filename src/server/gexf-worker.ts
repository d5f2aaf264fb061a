// gexf-worker: writes a view's GEXF off the server's event loop (and out of its heap): over the graph database it gathers the view itself (its own read-only connection), else the view arrives in JSON batches; then each chunk is written when the main thread asks for it (it stops asking when its client leaves).
import { parentPort } from 'worker_threads';
import { GexfWriter, runWriter } from '../export';
import { Explorer } from './explore';
import { subgraphSource } from './gexf-source';
import { SqliteStore } from './sqlite-store';
import type { EdgeView, GraphFilter, NodeView, Subgraph } from '../model';

/** A view to gather from the graph database: the entities asked for and the co-mentions among them that pass the filter. */
export interface DatabaseView {
  database: string;
  ids: readonly string[];
  filter: GraphFilter;
}

/** What the main thread sends: a view to gather, or the nodes and the edges in batches; then `next` for each chunk. */
export type GexfWorkerMessage = { gather: DatabaseView } | { nodes: string } | { edges: string } | 'next';
export type GexfWorkerReply = { chunk: string } | { done: true } | { error: string };

let nodes: NodeView[] = [];
const edges: EdgeView[] = [];
let gathering: Promise<Subgraph> | undefined;
let chunks: Generator<string> | undefined;

/** The view from the database, with a connection of this thread's own (the server's stays free for reads). */
async function gather(view: DatabaseView): Promise<Subgraph> {
  const store = SqliteStore.open(view.database);
  try {
    return await new Explorer(store).subgraph(view.ids, view.filter);
  } finally {
    await store.close();
  }
}

async function nextChunk(): Promise<GexfWorkerReply> {
  if (!chunks) {
    const sub = gathering ? await gathering : { nodes, edges, truncated: false };
    const source = subgraphSource(sub);
    chunks = runWriter(new GexfWriter(source), source);
  }
  const next = chunks.next();
  return next.done ? { done: true } : { chunk: next.value };
}

parentPort!.on('message', (message: GexfWorkerMessage) => {
  if (message === 'next') {
    nextChunk().then(
      (reply) => parentPort!.postMessage(reply),
      (error: unknown) =>
        parentPort!.postMessage({
          error: error instanceof Error ? error.message : String(error),
        } satisfies GexfWorkerReply),
    );
  } else if ('gather' in message) {
    gathering = gather(message.gather);
    // Its failure is answered to the next `next`, not left unhandled meanwhile.
    gathering.catch(() => undefined);
  } else if ('nodes' in message) nodes = JSON.parse(message.nodes) as NodeView[];
  else for (const edge of JSON.parse(message.edges) as EdgeView[]) edges.push(edge);
});
