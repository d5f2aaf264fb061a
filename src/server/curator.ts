import { once } from 'events';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Driver } from 'neo4j-driver';
import { CablegraphError } from '../common/diagnostics';
import { entityChanges, readCuration, suggestDuplicates, takeDecision, type Decision, type DecisionRequest, type Suggestion } from '../curate';
import { readGraphFile, type GraphFile } from '../graph';
import type { DecisionJob, DecisionReply } from './decision-worker';
import { syncGraphDiff } from '../store/neo4j';
import { EmbeddedStore } from './embedded-store';
import type { GraphStore } from './store';
import type { DecisionSummary } from './types';


/**
 * The viewer's curation: decisions from the entity panel go to the curation file, the graph file
 * is rebuilt with them (as `cablegraph entities` does), and the store serving the viewer follows:
 * the embedded store is replaced by one over the new graph; Neo4j gets just the difference.
 * Decisions are taken one at a time, in the order they arrive. With the embedded store the
 * rebuild runs in a worker thread, so the viewer's reads go on meanwhile (they see the graph as
 * it was until the new one is read back).
 */
export class Curator {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    public store: GraphStore,
    private loaded: GraphFile,
    readonly graphFile: string,
    readonly curationFile: string,
    private readonly neo4j?: { driver: Driver; database?: string },
  ) {}

  decisions(): Decision[] {
    return readCuration(this.curationFile);
  }

  /** Names for the ids the decisions mention: the graph's now, else the one recorded with the decision. */
  names(decisions: readonly Decision[]): Record<string, string> {
    const names: Record<string, string> = {};
    for (const d of decisions) Object.assign(names, d.names ?? {});
    for (const id of Object.keys(names)) if (this.loaded.graph.hasNode(id)) names[id] = String(this.loaded.graph.getNodeAttribute(id, 'name'));
    return names;
  }

  suggest(limit: number): Suggestion[] {
    return suggestDuplicates(this.loaded.graph, limit);
  }

  decide(request: DecisionRequest): Promise<DecisionSummary> {
    const next = this.queue.then(() => this.apply(request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(request: DecisionRequest): Promise<DecisionSummary> {
    const script = decisionWorkerScript();
    if (!this.neo4j && this.store.kind === 'embedded' && script) return this.applyInWorker(request, script);
    const outcome = await takeDecision(this.graphFile, this.curationFile, request, { loaded: this.loaded });
    const { before, after, diff } = outcome;
    if (this.neo4j) await syncGraphDiff(this.neo4j.driver, before, after, diff, this.neo4j.database);
    this.loaded = { header: { ...this.loaded.header, nodes: after.order, edges: after.size, buildOptions: { ...this.loaded.header.buildOptions, curation: this.decisions() } }, records: this.loaded.records, graph: after };
    if (this.store.kind === 'embedded') this.store = EmbeddedStore.fromGraph(after, this.loaded.records);
    return {
      decision: outcome.decision,
      removed: diff.nodes.removed,
      added: diff.nodes.added,
      changed: entityChanges(diff, before, after),
      edges: { added: diff.edges.added.length, removed: diff.edges.removed.length, changed: diff.edges.changed.length },
    };
  }

  private async applyInWorker(request: DecisionRequest, script: string): Promise<DecisionSummary> {
    const worker = new Worker(script, { workerData: { graphFile: this.graphFile, curationFile: this.curationFile, request } satisfies DecisionJob });
    const [reply] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([error]) => Promise.reject(error as Error))])) as [DecisionReply];
    void worker.terminate();
    if (!reply.ok) throw new CablegraphError(reply.code ?? 'CURATION_FAILED', reply.message);
    // The graph file now holds the decision: read back in slices (reads go on), then swapped in.
    const loaded = await readGraphFile(this.graphFile);
    const store = EmbeddedStore.fromGraph(loaded.graph, loaded.records);
    await store.prepare();
    this.loaded = loaded;
    this.store = store;
    return reply.summary;
  }
}

/** The decision worker: beside this module when built, else the built one (tests run the sources). */
function decisionWorkerScript(): string | undefined {
  const beside = path.join(__dirname, 'decision-worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.resolve(__dirname, '../../dist/server/decision-worker.js');
  return fs.existsSync(built) ? built : undefined;
}
