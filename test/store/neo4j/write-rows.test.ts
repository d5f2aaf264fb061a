import type { Session } from 'neo4j-driver';
import { checkpointMark, writeRows } from '../../../src/store/neo4j/load';

/**
 * A session over a fake database: a write of more than 2 rows is refused as too big for the
 * server's memory, and the commit numbered `lose` commits but its answer is lost (the connection
 * drops), so writeRows retries it through executeWrite.
 */
function fakeSession(lose: number) {
  const state = { written: [] as unknown[], done: new Set<number>(), parts: new Set<string>(), commits: 0 };
  const run = (pending: Array<() => void>, cypher: string, params: Record<string, unknown>) => {
    const record = (value: boolean) => ({ records: [{ get: () => value }] });
    if (cypher === 'WRITE') {
      const rows = params.rows as unknown[];
      if (rows.length > 2) throw Object.assign(new Error('memory pool limit'), { code: 'MemoryPoolOutOfMemoryError' });
      pending.push(() => state.written.push(...rows));
    } else if (cypher.includes('SET c.done')) pending.push(() => state.done.add(params.index as number));
    else if (cypher.includes('SET c.partial')) pending.push(() => state.parts.add(params.part as string));
    else if (cypher.includes('$index IN')) return record(state.done.has(params.index as number));
    else if (cypher.includes('$part IN')) return record(state.parts.has(params.part as string));
    return { records: [] };
  };
  const session = {
    beginTransaction() {
      const pending: Array<() => void> = [];
      return {
        run: async (cypher: string, params: Record<string, unknown>) => run(pending, cypher, params),
        commit: async () => {
          for (const apply of pending) apply();
          if (++state.commits === lose) throw new Error('connection lost after the commit');
        },
        rollback: async () => undefined,
      };
    },
    async executeWrite<T>(work: (tx: unknown) => Promise<T>): Promise<T> {
      const pending: Array<() => void> = [];
      const result = await work({
        run: async (cypher: string, params: Record<string, unknown>) => run(pending, cypher, params),
      });
      for (const apply of pending) apply();
      return result;
    },
  };
  return { session: session as unknown as Session, state };
}

describe('writeRows: halves of a batch too big for the server, with a commit whose answer is lost', () => {
  // 5 rows: halved into 3 (halved again: 2 + 1) and 2; the commits are [0, 1], [2], [3, 4].
  test.each([1, 2, 3])('commit %i answered lost: every row written once, the batch done', async (lose) => {
    const { session, state } = fakeSession(lose);
    await writeRows(session, 'WRITE', [0, 1, 2, 3, 4], checkpointMark('load', 7));
    expect(state.written).toEqual([0, 1, 2, 3, 4]);
    expect([...state.done]).toEqual([7]);
    // the first half of the batch ('0') and the first half of that ('00'), each a part of its own
    expect([...state.parts].sort()).toEqual(['7:0', '7:00']);
  });
});
