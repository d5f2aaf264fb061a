import type { Driver } from 'neo4j-driver';
import { entityChanges, readCuration, suggestDuplicates, takeDecision, type Decision, type DecisionRequest, type Suggestion } from '../curate';
import type { GraphFile } from '../graph';
import { syncGraphDiff } from '../store/neo4j';
import { EmbeddedStore } from './embedded-store';
import type { GraphStore } from './store';
import type { DecisionSummary } from './types';


/**
 * The viewer's curation: decisions from the entity panel go to the curation file, the graph file
 * is rebuilt with them (as `cablegraph entities` does), and the store serving the viewer follows:
 * the embedded store is replaced by one over the new graph; Neo4j gets just the difference.
 * Decisions are taken one at a time, in the order they arrive.
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
}
