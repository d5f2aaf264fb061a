import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { buildGraph, DEFAULT_BUILD_OPTIONS, GRAPH_FILE_VERSION, GraphFileReader, readGraphFile, writeGraphFile } from '../../src/graph';
import { SEEDS, recordsOf } from './helpers';

describe('the graph file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-file-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('round trip: the same records and the same graph, byte-identical when written again', async () => {
    const records = await recordsOf([SEEDS]);
    const { graph } = buildGraph(records);
    const file = path.join(dir, 'seeds.cgz');
    await writeGraphFile(file, records, graph, DEFAULT_BUILD_OPTIONS);
    const back = await readGraphFile(file);
    expect(back.header).toMatchObject({ format: 'cablegraph-graph', version: GRAPH_FILE_VERSION, cables: 2, nodes: graph.order, edges: graph.size });
    expect(back.records).toEqual(records);
    expect(JSON.stringify(back.graph.export())).toBe(JSON.stringify(graph.export()));
    const again = path.join(dir, 'again.cgz');
    await writeGraphFile(again, back.records, back.graph, DEFAULT_BUILD_OPTIONS);
    expect(fs.readFileSync(again).equals(fs.readFileSync(file))).toBe(true);
  });

  test('not a graph file, another version, or cut short: a clear error naming the file', async () => {
    const notGzip = path.join(dir, 'plain.cgz');
    fs.writeFileSync(notGzip, 'hello');
    await expect(readGraphFile(notGzip)).rejects.toThrow(`${notGzip}: not a gzip file`);
    const other = path.join(dir, 'other.cgz');
    fs.writeFileSync(other, zlib.gzipSync('{"format":"something-else"}\n'));
    await expect(readGraphFile(other)).rejects.toThrow(`${other}: not a cablegraph graph file`);
    const future = path.join(dir, 'future.cgz');
    fs.writeFileSync(future, zlib.gzipSync('{"format":"cablegraph-graph","version":99}\n'));
    await expect(readGraphFile(future)).rejects.toThrow(`graph file version 99; this cablegraph reads version ${GRAPH_FILE_VERSION}`);
    const cut = path.join(dir, 'cut.cgz');
    fs.writeFileSync(cut, zlib.gzipSync(`{"format":"cablegraph-graph","version":${GRAPH_FILE_VERSION},"cables":2}\n{"record":{}}\n`));
    await expect(readGraphFile(cut)).rejects.toThrow(`${cut}: truncated graph file (1 of 2 cables`);
    await expect(readGraphFile(path.join(dir, 'missing.cgz'))).rejects.toThrow('no such graph file');
  });

  test('the streaming reader: nodes in memory, edges and records again from the file, the same as the whole graph', async () => {
    const records = await recordsOf([SEEDS]);
    const { graph } = buildGraph(records);
    const file = path.join(dir, 'stream.cgz');
    await writeGraphFile(file, records, graph, DEFAULT_BUILD_OPTIONS);
    const reader = await GraphFileReader.open(file);
    expect(reader.header.nodes).toBe(graph.order);
    expect(reader.nodes.keys).toEqual(graph.nodes());
    expect(reader.nodes.get('07PARIS3534')).toEqual(graph.getNodeAttributes('07PARIS3534'));
    expect(reader.nodes.indexOf('no such node')).toBe(-1);
    const edges = [];
    for await (const e of reader.edges()) edges.push([e.key, e.source, e.target, e.undirected, e.attributes]);
    expect(edges).toEqual(graph.mapEdges((key, attributes, source, target, _s, _t, undirected) => [key, source, target, undirected, attributes]));
    const ids = [];
    for await (const r of reader.records()) ids.push(r.cable.id);
    expect(ids).toEqual(records.map((r) => r.cable.id));
    // A damaged file fails when opened, before any caller acts on part of it.
    const cut = path.join(dir, 'stream-cut.cgz');
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n');
    fs.writeFileSync(cut, zlib.gzipSync(lines.slice(0, -3).join('\n')));
    await expect(GraphFileReader.open(cut)).rejects.toThrow(`${cut}: truncated graph file`);
  });
});
