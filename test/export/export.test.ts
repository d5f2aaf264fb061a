import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Graph from 'graphology';
import { filterGraph, writeGexf } from '../../src/export';
import { buildGraph } from '../../src/graph';
import { SEEDS, census, nodeNamed, recordsOf } from '../graph/helpers';
import { expectSameAsGexf, previousGexf, reimportCounts, validateGexf } from './helpers';

describe('exports', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-export-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('seeds: every format holds every node and edge; GEXF valid, typed, dynamic, with viz', async () => {
    const { graph } = buildGraph(await recordsOf([SEEDS]));
    const counts = reimportCounts(graph, dir);
    const expected = { nodes: graph.order, edges: graph.size };
    expect(counts.gexf).toEqual(expected);
    expect(counts.json).toEqual(expected);
    expect(counts.graphml).toEqual(expected);
    expect(counts.neo4jCsv).toEqual(expected);

    const gexf = fs.readFileSync(path.join(dir, 'g.gexf'), 'utf8');
    expect(gexf).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    expect(gexf).toContain('mode="dynamic" timeformat="date"');
    expect(gexf).toMatch(/<attribute id="pagerank" title="pagerank" type="double"\/>/);
    expect(gexf).toMatch(/<attribute id="cableCount" title="cableCount" type="integer"\/>/);
    // Byte for byte the document graphology-gexf gave before the writer streamed.
    expect(gexf).toBe(previousGexf(graph));
    const g = counts.fromGexf!;
    expectSameAsGexf(graph, g);
    // The comparison does catch a difference.
    const changed = g.copy();
    changed.setNodeAttribute(nodeNamed(changed, 'Jalal Talabani'), 'pagerank', -1);
    expect(() => expectSameAsGexf(graph, changed)).toThrow();
    const talabani = nodeNamed(g, 'Jalal Talabani');
    expect(g.getNodeAttributes(talabani)).toMatchObject({ kind: 'Person', label: 'Jalal Talabani', color: '#e6550d' });
    expect(typeof g.getNodeAttribute(talabani, 'x')).toBe('number');
    expect(g.getNodeAttribute(talabani, 'size')).toBeGreaterThan(0);
    const edge = g.edges(nodeNamed(g, 'Kouchner'), talabani)[0];
    expect(g.getEdgeAttributes(edge)).toMatchObject({ type: 'CO_MENTIONED', cables: '07PARIS3534', cableCount: 1 });
  });

  test('GEXF time: cables and co-mentions start at their dates', () => {
    const g = new Graph({ multi: true, type: 'mixed' });
    g.addNode('07PARIS3534', { kind: 'Cable', label: '07PARIS3534', date: '2007-08-27', weightedDegree: 1 });
    g.addNode('p-a', { kind: 'Person', label: 'A & B "Co"', name: 'A', firstDate: '1966-12-28', weightedDegree: 2 });
    g.addNode('p-b', { kind: 'Person', label: 'B', name: 'B', firstDate: '2007-08-27', weightedDegree: 2 });
    g.addDirectedEdgeWithKey('MENTIONS:07PARIS3534->p-a', '07PARIS3534', 'p-a', { type: 'MENTIONS', count: 1 });
    g.addUndirectedEdgeWithKey('CO_MENTIONED:p-a--p-b', 'p-a', 'p-b', {
      type: 'CO_MENTIONED',
      weight: 2,
      firstDate: '1975-01-02',
      lastDate: '2010-02-03',
    });
    const file = path.join(dir, 'time.gexf');
    const xml = writeGexf(g);
    fs.writeFileSync(file, xml);
    validateGexf(file);
    expect(xml).toContain('<node id="07PARIS3534" start="2007-08-27"');
    expect(xml).toContain('<node id="p-a" start="1966-12-28" label="A &amp; B &quot;Co&quot;"');
    expect(xml).toMatch(/<edge id="CO_MENTIONED:p-a--p-b" start="1975-01-02" type="undirected"/);
    expect(xml).toContain('<edge id="MENTIONS:07PARIS3534->p-a" start="2007-08-27"');
    expect(xml).toBe(previousGexf(g));
    // Graph attributes become <meta> elements, as graphology-gexf wrote them.
    g.setAttribute('creator', 'cablegraph & co');
    g.setAttribute('lastModifiedDate', '2024-01-02');
    expect(writeGexf(g)).toBe(previousGexf(g));
    expect(writeGexf(g)).toContain('<meta lastmodifieddate="2024-01-02">\n    <creator>cablegraph &amp; co</creator>');
  });

  test('filters: types, minimum weight, dates, top N by PageRank', async () => {
    const { graph } = buildGraph(await recordsOf([SEEDS]));
    const people = filterGraph(graph, { types: ['Person'] });
    const withPeople = graph.filterNodes(
      (n, a) => a.kind === 'Person' && graph.someNeighbor(n, (_m, b) => b.kind === 'Person'),
    );
    expect(census(people).nodes).toEqual({ Person: withPeople.length });
    expect(census(filterGraph(graph, { types: ['Person'], keepIsolates: true })).nodes).toEqual({
      Person: census(graph).nodes.Person,
    });
    expect(Object.keys(census(people).edges)).toEqual(['CO_MENTIONED']);
    const heavy = filterGraph(graph, { minWeight: 3 });
    heavy.forEachEdge((_e, a) => a.type === 'CO_MENTIONED' && expect(a.weight).toBeGreaterThanOrEqual(3));
    // Every cable keeps its MENTIONS edges: a weight filter disconnects nothing here …
    expect(heavy.order).toBe(graph.order);
    // … but among people, the ones whose every co-mention is lighter go (and only those).
    const heavyPeople = filterGraph(graph, { types: ['Person'], minWeight: 3 });
    const keptPeople = filterGraph(graph, { types: ['Person'], minWeight: 3, keepIsolates: true });
    expect(keptPeople.order).toBe(census(graph).nodes.Person);
    const connected = keptPeople.filterNodes((n) => keptPeople.degree(n) > 0);
    expect(connected.length).toBeGreaterThan(0);
    expect(connected.length).toBeLessThan(keptPeople.order);
    expect(heavyPeople.nodes()).toEqual(connected);
    expect(heavyPeople.size).toBe(keptPeople.size);
    const top = filterGraph(graph, { top: 5 });
    expect(top.order).toBe(5);
    const best = graph
      .nodes()
      .sort((a, b) => (graph.getNodeAttribute(b, 'pagerank') ?? 0) - (graph.getNodeAttribute(a, 'pagerank') ?? 0))[0];
    expect(top.hasNode(best)).toBe(true);
    // The seeds carry no dates: a date filter keeps no cable.
    expect(census(filterGraph(graph, { since: '2005' })).nodes.Cable).toBeUndefined();
  });
});
