import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type Graph from 'graphology';
import {
  dbSource,
  filterGraph,
  withoutDisconnected,
  gexfChunks,
  GexfWriter,
  graphmlChunks,
  graphologyJsonChunks,
  graphSource,
  runWriterAsync,
  writeChunksToFile,
  writeGexf,
  writeGraphml,
  writeGraphologyJson,
  writeNeo4jCsv,
  writeNeo4jCsvStream,
  type ExportEdge,
  type ExportFilter,
  type ExportSource,
} from '../../src/export';
import { buildGraph } from '../../src/graph';
import { GraphDbReader } from '../../src/db';
import { buildDbOf } from '../db/helpers';
import { SEEDS, recordsOf } from '../graph/helpers';
import { joined, validateGexf } from './helpers';

const filesOf = (dir: string): Record<string, string> =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );

describe('streamed exports of a graph database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-stream-'));
  const file = path.join(dir, 'seeds.db');
  let graph: Graph;
  let reader: GraphDbReader;
  beforeAll(async () => {
    const records = await recordsOf([SEEDS]);
    graph = buildGraph(records).graph;
    await buildDbOf(file, records);
    reader = GraphDbReader.open(file);
  });
  afterAll(() => {
    reader.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('are byte for byte the in-memory documents of the same graph', async () => {
    const source = dbSource(reader);
    const gexf = await joined(gexfChunks(source));
    expect(gexf).toBe(writeGexf(graph));
    expect(gexf.length).toBeGreaterThan(100_000);
    expect(await joined(graphmlChunks(source))).toBe(writeGraphml(graph));
    expect(await joined(graphologyJsonChunks(source))).toBe(JSON.stringify(graph.export()));
    expect(writeGraphologyJson(graph)).toBe(JSON.stringify(graph.export()));

    await writeNeo4jCsvStream(source, path.join(dir, 'streamed-csv'));
    writeNeo4jCsv(graph, path.join(dir, 'memory-csv'));
    const streamed = filesOf(path.join(dir, 'streamed-csv'));
    expect(Object.keys(streamed)).toContain('relationships-CO_MENTIONED.csv');
    expect(streamed).toEqual(filesOf(path.join(dir, 'memory-csv')));
  });

  test.each<[string, ExportFilter]>([
    ['types', { types: ['Person', 'Place'] }],
    ['minimum weight', { minWeight: 3 }],
    ['top by PageRank', { top: 25 }],
    [
      'top by PageRank of people and organizations, weight ≥ 2',
      { types: ['Person', 'Organization'], minWeight: 2, top: 40 },
    ],
    ['date window', { since: '2005', until: '2007-12' }],
    ['minimum weight, isolates kept', { minWeight: 3, keepIsolates: true }],
  ])('filtered (%s): the same graph as filterGraph, the same documents', async (_name, filter) => {
    const expected = filterGraph(graph, filter);
    // The export command's order: a pass over the database's edges narrows the filter, then the source.
    const source = dbSource(
      reader,
      (await withoutDisconnected(reader.nodes.keys, reader.nodes.attributes, reader.edges(), filter)).filter,
    );
    expect(source.nodes.keys).toEqual(expected.nodes());
    const edges: string[] = [];
    for await (const edge of source.edges()) edges.push(edge.key);
    expect(edges).toEqual(expected.edges());
    expect(await joined(gexfChunks(source))).toBe(writeGexf(expected));
    expect(await joined(graphologyJsonChunks(source))).toBe(writeGraphologyJson(expected));
    await writeNeo4jCsvStream(source, path.join(dir, 'f-streamed'));
    writeNeo4jCsv(expected, path.join(dir, 'f-memory'));
    expect(filesOf(path.join(dir, 'f-streamed'))).toEqual(filesOf(path.join(dir, 'f-memory')));
    fs.rmSync(path.join(dir, 'f-streamed'), { recursive: true });
    fs.rmSync(path.join(dir, 'f-memory'), { recursive: true });
  });

  test('a filtered streamed GEXF is valid against the GEXF 1.3 schema', async () => {
    const out = path.join(dir, 'top.gexf');
    await writeChunksToFile(out, gexfChunks(dbSource(reader, { top: 30, minWeight: 2 })));
    validateGexf(out);
  });
});

describe('GexfWriter', () => {
  /** A synthetic source: `n` people, each co-mentioned with the next ones; edges counted as they are read. */
  const synthetic = (n: number, perNode: number) => {
    const g = { read: 0 };
    const keys = Array.from({ length: n }, (_, i) => `p${i}`);
    const attributes = keys.map((k, i) => ({
      kind: 'Person',
      label: `Person ${k} <${i}> & "co"`,
      weightedDegree: i % 17,
      pagerank: 1 / (i + 1),
      firstDate: '1990-01-01',
    }));
    const index = new Map(keys.map((k, i) => [k, i]));
    const source: ExportSource<AsyncIterable<ExportEdge>> = {
      options: { type: 'mixed', multi: true, allowSelfLoops: false },
      attributes: {},
      nodes: { keys, attributes, length: n, get: (k) => attributes[index.get(k)!], has: (k) => index.has(k) },
      async *edges() {
        for (let i = 0; i < n; i += 1) {
          for (let j = 1; j <= perNode; j += 1) {
            g.read += 1;
            yield {
              key: `CO_MENTIONED:p${i}--p${(i + j) % n}`,
              source: `p${i}`,
              target: `p${(i + j) % n}`,
              undirected: true,
              attributes: {
                type: 'CO_MENTIONED',
                weight: j,
                cables: ['07PARIS3534', `c${i}`],
                firstDate: '2001-02-03',
                lastDate: '2002-03-04',
              },
            };
          }
        }
      },
    };
    return { source, g };
  };

  test('emits the document in chunks of about a megabyte while the edges are still being read, never as one string', async () => {
    const { source, g } = synthetic(2000, 50); // 100,000 edges, ~25 MB of GEXF
    const writer = new GexfWriter(source);
    const chunks: Array<{ length: number; edgesRead: number }> = [];
    let total = 0;
    let last = '';
    for await (const chunk of runWriterAsync(writer, source)) {
      chunks.push({ length: chunk.length, edgesRead: g.read });
      total += chunk.length;
      last = chunk;
    }
    expect(g.read).toBe(2 * 100_000); // a model pass, a writing pass
    expect(total).toBeGreaterThan(20_000_000);
    expect(chunks.length).toBeGreaterThan(20);
    // No chunk much over the 1 MB it gathers (one element past it at most).
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan((1 << 20) + 10_000);
    // Chunks of edges come out while the second pass is under way, not after it.
    const edgeChunks = chunks.filter((c) => c.edgesRead > 100_000);
    expect(edgeChunks[0].edgesRead).toBeLessThan(110_000);
    expect(last.endsWith('</gexf>')).toBe(true);
  });

  test('the in-memory adapter writes what the streamed writer writes', async () => {
    const { source } = synthetic(50, 3);
    const Graph = (await import('graphology')).default;
    const graph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
    source.nodes.keys.forEach((k, i) => graph.addNode(k, source.nodes.attributes[i]));
    for await (const e of source.edges()) graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
    expect(await joined(gexfChunks(source))).toBe(writeGexf(graph));
    expect(await joined(gexfChunks(graphSource(graph)))).toBe(writeGexf(graph));
  });
});

describe('writeChunksToFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-chunks-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a failure part way leaves neither the file nor a temporary one', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield '<gexf>'.repeat(100_000);
      throw new Error('disk on fire');
    }
    await expect(writeChunksToFile(path.join(dir, 'half.gexf'), failing())).rejects.toThrow(
      /cannot write .*half\.gexf: disk on fire/,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
