import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  dbSource,
  filterGraph,
  gexfChunks,
  graphologyJsonChunks,
  withoutDisconnected,
  writeGexf,
  writeGraphologyJson,
} from '../../src/export';
import Graph_ from 'graphology';
import { buildGraph, type CableRecord } from '../../src/graph';
import { GraphDbReader } from '../../src/db';
import { buildDbOf } from '../db/helpers';
import { SHARED, census, recordsOf } from '../graph/helpers';
import { expectSameAsGexf, joined, occurrences, reimportCounts } from './helpers';
import type { NodeKind } from '../../src/model';
import type { CableGraph } from '../../src/model';

/**
 * The 1,055 shared cables: the same node and edge counts after build and reload, a streamed GEXF of
 * the whole graph, and every format re-read on a Gephi-sized part of it. Kept light for CI (this
 * file took 1,002 s on a loaded machine when it re-read every format of the whole graph): the
 * whole-graph re-read of every format, with schema validation, is `npm run check:exports`.
 */
describe('the shared corpus through build, reload and every export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-corpus-'));
  let records: CableRecord[];
  let graph: CableGraph;
  beforeAll(async () => {
    records = await recordsOf([path.join(SHARED, 'corpus/cablegate')]);
    graph = buildGraph(records).graph;
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('identical counts everywhere', async () => {
    const built = census(graph);
    expect(built.nodes.Cable).toBeGreaterThanOrEqual(1055);
    expect(graph.filterNodes((_n, a) => a.kind === 'Cable' && a.inCorpus).length).toBe(1055);
    for (const type of [
      'MENTIONS',
      'CO_MENTIONED',
      'SIGNED',
      'CLASSIFIED',
      'FROM',
      'TO',
      'INFO',
      'TAGGED',
      'REFERENCES',
    ])
      expect(built.edges[type]).toBeGreaterThan(0);
    expect(built.edges.FROM).toBe(1055);

    const file = path.join(dir, 'corpus.db');
    await buildDbOf(file, records);
    const reader = GraphDbReader.open(file);
    const reloaded = { graph: new Graph_({ type: 'mixed', multi: true, allowSelfLoops: false }) };
    reader.nodes.keys.forEach((key, i) => reloaded.graph.addNode(key, reader.nodes.attributes[i]));
    for await (const e of reader.edges()) {
      if (e.undirected) reloaded.graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
      else reloaded.graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
    }
    expect(census(reloaded.graph)).toEqual(built);
    expect([...reader.records()]).toHaveLength(1055);
    reader.close();

    // The whole graph's GEXF streamed from the file, its elements counted chunk by chunk (no 180 MB string).
    const counts = { nodes: 0, edges: 0 };
    let tail = '';
    const streamed = GraphDbReader.open(file);
    for await (const chunk of gexfChunks(dbSource(streamed))) {
      const text = tail + chunk;
      const cut = text.lastIndexOf('<');
      counts.nodes += occurrences(text.slice(0, cut), '<node id=');
      counts.edges += occurrences(text.slice(0, cut), '<edge id=');
      tail = text.slice(cut);
    }
    streamed.close();
    expect(counts).toEqual({ nodes: graph.order, edges: graph.size });
  }, 300_000);

  test('a Gephi-sized export (top 300 by PageRank, 2000–2010): valid GEXF, read back with every node, edge and attribute', () => {
    const small = filterGraph(graph, { top: 300, since: '2000', until: '2010' });
    expect(small.order).toBeLessThanOrEqual(300);
    expect(small.order).toBeGreaterThan(250);
    expect(small.size).toBeGreaterThan(10_000);
    expect(small.filterNodes((n) => small.degree(n) === 0)).toEqual([]);
    const counts = reimportCounts(small, dir, true);
    const expected = { nodes: small.order, edges: small.size };
    expect(counts.gexf).toEqual(expected);
    expect(counts.json).toEqual(expected);
    expect(counts.graphml).toEqual(expected);
    expect(counts.neo4jCsv).toEqual(expected);
    expectSameAsGexf(small, counts.fromGexf!);
  }, 300_000);

  test('streamed from the graph database with a filter: the in-memory documents of filterGraph, byte for byte', async () => {
    const reader = GraphDbReader.open(path.join(dir, 'corpus.db'));
    const filter = { types: ['Person', 'Place'] as NodeKind[], minWeight: 4, since: '2006-03', until: '2008' };
    const expected = filterGraph(graph, filter);
    expect(expected.size).toBeGreaterThan(1000);
    const narrowed = await withoutDisconnected(reader.nodes.keys, reader.nodes.attributes, reader.edges(), filter);
    expect(narrowed.dropped).toBeGreaterThan(0);
    const source = dbSource(reader, narrowed.filter);
    expect(source.nodes.keys).toEqual(expected.nodes());
    expect(expected.filterNodes((n) => expected.degree(n) === 0)).toEqual([]);
    expect(await joined(gexfChunks(source))).toBe(writeGexf(expected));
    expect(await joined(graphologyJsonChunks(source))).toBe(writeGraphologyJson(expected));
    reader.close();
  }, 300_000);
});
