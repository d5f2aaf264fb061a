// The viewer's curation: decisions over the graph database (and Neo4j, when served), through the build's decision root.
import type { Driver } from 'neo4j-driver';
import { takeDecision } from '../build/decide';
import { databaseSuggestSource, readCuration, suggestDuplicates } from '../curate';
import { openGraphDb, type GraphDb } from '../db/open';
import type { GraphStore } from './store';
import type { Decision, DecisionRequest, DecisionSummary, Suggestion } from '../model';


/** What the viewer's curation routes ask of a curator (over the graph database, or a graph file and Neo4j). */
export interface ViewerCurator {
  readonly store: GraphStore;
  readonly curationFile: string;
  decisions(): Decision[];
  names(decisions: readonly Decision[]): Record<string, string>;
  suggest(limit: number): Suggestion[];
  decide(request: DecisionRequest): Promise<DecisionSummary>;
}

/**
 * The viewer's curation over the graph database: each decision is one transaction on a write
 * connection of this process (the served store's read-only connection sees it once committed), so
 * a CLI decision at the same time waits its turn (BEGIN IMMEDIATE). Serving Neo4j (loaded from
 * this database), the decision's part of the graph — before and after — is diffed and Neo4j gets
 * just the difference.
 */
export class DatabaseCurator implements ViewerCurator {
  private connection: GraphDb | undefined;

  constructor(
    readonly store: GraphStore,
    readonly graphFile: string,
    readonly curationFile: string,
    private readonly neo4j?: { driver: Driver; database?: string },
  ) {}

  private db(): GraphDb {
    if (!this.connection) {
      this.connection = openGraphDb(this.graphFile, { write: true });
      this.connection.pragma('busy_timeout = 30000');
    }
    return this.connection;
  }

  decisions(): Decision[] {
    return readCuration(this.curationFile);
  }

  names(decisions: readonly Decision[]): Record<string, string> {
    const names: Record<string, string> = {};
    for (const d of decisions) Object.assign(names, d.names ?? {});
    const ids = Object.keys(names);
    if (ids.length === 0) return names;
    const current = this.db().prepare('SELECT id, name FROM entities WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: string; name: string }>;
    for (const r of current) names[r.id] = r.name;
    return names;
  }

  suggest(limit: number): Suggestion[] {
    return suggestDuplicates(databaseSuggestSource(this.db()), limit);
  }

  async decide(request: DecisionRequest): Promise<DecisionSummary> {
    const { outcome } = await takeDecision(this.db(), this.curationFile, request, this.neo4j ? { neo4j: this.neo4j } : {});
    return { decision: outcome.decision, removed: outcome.removed, added: outcome.added, changed: outcome.changed, edges: outcome.edges };
  }

  close(): void {
    this.connection?.close();
    this.connection = undefined;
  }
}
