// What a load leaves of other graphs: counted after a merge-mode load, removed by `load --replace`.
import type { Driver } from 'neo4j-driver';
import { NODE_KINDS, STATEMENT_LABEL } from '../../model';

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

/**
 * Nodes of the graph's kinds in the database beyond the `expected` ones a load of the graph just
 * wrote: what earlier loads of other graphs left (entities since merged, rejected or resolved
 * otherwise, cables since removed). Counts come from the count store (no scan).
 */
export async function extraNodes(driver: Driver, expected: number, database?: string): Promise<number> {
  const session = driver.session(database ? { database } : {});
  try {
    let found = 0;
    for (const kind of NODE_KINDS) {
      const { records } = await session.executeRead((tx) => tx.run(`MATCH (n:${kind}) RETURN count(n) AS n`));
      found += Number(records[0].get('n'));
    }
    return Math.max(0, found - expected);
  } finally {
    await session.close();
  }
}
