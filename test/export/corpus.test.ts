import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildGraph, DEFAULT_BUILD_OPTIONS, readGraphFile, writeGraphFile } from '../../src/graph';
import { SHARED, census, recordsOf } from '../graph/helpers';
import { reimportCounts } from './helpers';

/** The 1,055 shared cables: the same node and edge counts after build, reload, and every export re-read. */
describe('the shared corpus through build, reload and every export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-corpus-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('identical counts everywhere', async () => {
    const records = await recordsOf([path.join(SHARED, 'corpus/cablegate')]);
    const { graph } = buildGraph(records);
    const built = census(graph);
    expect(built.nodes.Cable).toBeGreaterThanOrEqual(1055);
    expect(graph.filterNodes((_n, a) => a.kind === 'Cable' && a.inCorpus).length).toBe(1055);
    for (const type of ['MENTIONS', 'CO_MENTIONED', 'SIGNED', 'CLASSIFIED', 'FROM', 'TO', 'INFO', 'TAGGED', 'REFERENCES']) expect(built.edges[type]).toBeGreaterThan(0);
    expect(built.edges.FROM).toBe(1055);

    const file = path.join(dir, 'corpus.cgz');
    await writeGraphFile(file, records, graph, DEFAULT_BUILD_OPTIONS);
    const reloaded = await readGraphFile(file);
    expect(census(reloaded.graph)).toEqual(built);

    const expected = { nodes: graph.order, edges: graph.size };
    const counts = reimportCounts(reloaded.graph, dir, false);
    expect(counts.gexf).toEqual(expected);
    expect(counts.json).toEqual(expected);
    expect(counts.graphml).toEqual(expected);
    expect(counts.neo4jCsv).toEqual(expected);
  }, 300_000);
});
