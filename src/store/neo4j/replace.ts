// What a load leaves of other graphs: counted after a merge-mode load, removed by `load --replace`.
import type { Driver } from 'neo4j-driver';
import { EDGE_TYPES, NODE_KINDS, STATEMENT_LABEL } from '../../model';

/** Every label cablegraph writes: its node kinds, the cut edges' statements, the load checkpoints. */
export const CABLEGRAPH_LABELS: readonly string[] = [...NODE_KINDS, STATEMENT_LABEL, 'CablegraphLoad'];

/** Rows per inner transaction of the removal (a cable's node has a few hundred relationships). */
const REMOVE_BATCH = 20_000;

/**
 * Removes every node with a cablegraph label and its relationships, label by label, in
 * transactions of REMOVE_BATCH rows (relationships first, so that no transaction holds a dense
 * node's whole neighbourhood); nodes of other labels, and their relationships to each other, are
 * left alone. Returns the nodes removed. Run before a `--replace` load, which then CREATEs.
 */
export async function removeCablegraphData(driver: Driver, database?: string): Promise<number> {
  const session = driver.session(database ? { database } : {});
  let removed = 0;
  try {
    for (const label of CABLEGRAPH_LABELS) {
      // CALL { … } IN TRANSACTIONS runs only in an auto-commit transaction (session.run).
      await session.run(`MATCH (:${label})-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF ${REMOVE_BATCH} ROWS`);
      const result = await session.run(
        `MATCH (n:${label}) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF ${REMOVE_BATCH} ROWS`,
      );
      removed += result.summary.counters.updates().nodesDeleted;
    }
  } finally {
    await session.close();
  }
  return removed;
}

/** What the database holds of cablegraph's kinds beyond what a graph has: nodes, relationships, statements. */
export interface Leftovers {
  nodes: number;
  relationships: number;
  statements: number;
}

/**
 * What the database holds beyond the `expected` counts a load of a graph just wrote: nodes of the
 * graph's kinds, relationships of its types and (:Statement) nodes that earlier loads of other
 * graphs left (entities since merged, rejected or resolved otherwise, co-mentions since gone, cut
 * edges with fewer statements). Counts come from the count store, label by label and type by
 * type (no scan).
 */
export async function leftovers(driver: Driver, expected: Leftovers, database?: string): Promise<Leftovers> {
  const session = driver.session(database ? { database } : {});
  const count = async (pattern: string): Promise<number> => {
    const { records } = await session.executeRead((tx) => tx.run(`MATCH ${pattern} RETURN count(*) AS n`));
    return Number(records[0].get('n'));
  };
  try {
    let nodes = 0;
    for (const kind of NODE_KINDS) nodes += await count(`(:${kind})`);
    let relationships = 0;
    for (const type of EDGE_TYPES) relationships += await count(`()-[:${type}]->()`);
    const statements = await count(`(:${STATEMENT_LABEL})`);
    return {
      nodes: Math.max(0, nodes - expected.nodes),
      relationships: Math.max(0, relationships - expected.relationships),
      statements: Math.max(0, statements - expected.statements),
    };
  } finally {
    await session.close();
  }
}
