import * as http from 'http';
import type { AddressInfo } from 'net';
import express from 'express';
import { writeGexf } from '../../src/export';
import { requestSignal, subgraphToGraph } from '../../src/server/app';
import { streamGexf, type GexfJob } from '../../src/server/gexf-download';
import { Explorer, SqliteStore } from '../../src/server';
import { type Subgraph } from '../../src/model';
import { builtGraph } from './helpers';

/** A view of `n` entities, each co-mentioned with the next `degree` ones: big enough to take seconds to write. */
function bigView(n: number, degree: number): Subgraph {
  const id = (i: number): string => `p-entity-${String(i).padStart(6, '0')}`;
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: id(i),
    type: 'Person' as const,
    name: `Entity ${i} <&"'>`,
    cableCount: 1 + (i % 7),
    weightedDegree: degree * 2,
    pagerank: 1 / (i + 1),
    community: i % 5,
    x: i,
    y: -i,
    firstDate: '2001-01-01',
    lastDate: '2009-12-31',
  }));
  const edges = [];
  for (let i = 0; i < n; i += 1) {
    for (let d = 1; d <= degree && i + d < n; d += 1)
      edges.push({
        id: `${id(i)}--${id(i + d)}`,
        source: id(i),
        target: id(i + d),
        weight: 1 + ((i + d) % 9),
        cableCount: 1 + (d % 4),
        firstDate: '2003-05-01',
        lastDate: '2008-02-01',
      });
  }
  return { nodes, edges, truncated: false };
}

/** An express server answering POST / with the view's GEXF through streamGexf, recording how each stream ended and how much it wrote. */
async function gexfServer(sub: GexfJob) {
  const outcomes: Array<{ settled: 'complete' | 'stopped'; reason?: string; written: number }> = [];
  let writes = 0;
  const app = express();
  app.post('/', (_req, res) => {
    const outcome = {
      settled: 'complete' as 'complete' | 'stopped',
      written: 0,
      reason: undefined as string | undefined,
    };
    const write = res.write.bind(res) as (chunk: string) => boolean;
    (res as unknown as { write: (chunk: string) => boolean }).write = (chunk: string) => {
      outcome.written += chunk.length;
      writes += 1;
      return write(chunk);
    };
    streamGexf(sub, res, requestSignal(res, 60_000)).then(
      () => outcomes.push(outcome),
      (error: Error) => {
        outcomes.push({ ...outcome, settled: 'stopped', reason: error.name });
        res.destroy();
      },
    );
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    outcomes,
    writes: () => writes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const until = async (check: () => boolean, ms = 30_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the GEXF download', () => {
  test('streamed through the worker: the same document, byte for byte, as the writer gives in memory', async () => {
    const sub = bigView(300, 12);
    const server = await gexfServer(sub);
    try {
      const response = await fetch(server.url, { method: 'POST' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
      expect(response.headers.get('content-disposition')).toContain('cablegraph-view.gexf');
      const text = await response.text();
      expect(text).toBe(writeGexf(subgraphToGraph(sub)));
      await until(() => server.outcomes.length === 1);
      expect(server.outcomes[0]).toMatchObject({ settled: 'complete', written: text.length });
    } finally {
      await server.close();
    }
  }, 60_000);

  test('abandoned by its client after the first chunk: the writing stops, nothing more is written', async () => {
    // ~40 MB of GEXF: seconds of writing, if it went on.
    const sub = bigView(4000, 30);
    const server = await gexfServer(sub);
    try {
      const received = await new Promise<number>((resolve, reject) => {
        const request = http.request(server.url, { method: 'POST' }, (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            request.destroy();
            resolve(bytes);
          });
        });
        request.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
        request.end();
      });
      expect(received).toBeGreaterThan(0);
      await until(() => server.outcomes.length === 1);
      const outcome = server.outcomes[0];
      expect(outcome.settled).toBe('stopped');
      expect(outcome.reason).toMatch(/ClientGone|AbortError/);
      // Stopped within a few chunks of the megabyte-sized ones: far from the whole document.
      expect(outcome.written).toBeLessThan(8 << 20);
      const writes = server.writes();
      await new Promise((r) => setTimeout(r, 1000));
      expect(server.writes()).toBe(writes);
    } finally {
      await server.close();
    }
  }, 60_000);

  test('over the graph database the worker gathers the view itself: the same document as gathered in the server', async () => {
    const database = await builtGraph();
    const store = SqliteStore.open(database);
    let expected: string;
    let ids: string[];
    const filter = { minWeight: 2 };
    try {
      // Every entity of the seeds but the last, and an unknown id (skipped, as the API does).
      const top = await store.top({}, 1000);
      ids = [...top.slice(0, -1).map((n) => n.id), 'p-nobody-00000000'];
      const sub = await new Explorer(store).subgraph(ids, filter);
      expect(sub.nodes).toHaveLength(top.length - 1);
      expect(sub.edges.length).toBeGreaterThan(20);
      expected = writeGexf(subgraphToGraph(sub));
    } finally {
      await store.close();
    }
    const server = await gexfServer({ database, ids, filter });
    try {
      const response = await fetch(server.url, { method: 'POST' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(expected);
    } finally {
      await server.close();
    }
  }, 240_000);

  test('a database view the worker cannot gather: the stream fails before any byte is sent', async () => {
    const server = await gexfServer({ database: '/nonexistent/graph.db', ids: ['p-x'], filter: {} });
    try {
      await fetch(server.url, { method: 'POST' }).catch(() => undefined);
      await until(() => server.outcomes.length === 1);
      expect(server.outcomes[0]).toMatchObject({ settled: 'stopped', written: 0 });
    } finally {
      await server.close();
    }
  }, 60_000);
});
