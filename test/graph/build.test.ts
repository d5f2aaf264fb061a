import { buildGraph, mergeRecords, type CableRecord } from '../../src/graph';
import { SEEDS, nodeNamed, recordsOf } from './helpers';

describe('the graph of the two seeds', () => {
  let records: CableRecord[];
  beforeAll(async () => {
    records = await recordsOf([SEEDS]);
  });

  test('Kouchner and Talabani are co-mentioned, with 07PARIS3534 and its paragraphs as evidence', () => {
    const { graph } = buildGraph(records);
    const kouchner = nodeNamed(graph, 'Kouchner');
    const talabani = nodeNamed(graph, 'Jalal Talabani');
    const edges = graph.edges(kouchner, talabani).map((e) => graph.getEdgeAttributes(e));
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ type: 'CO_MENTIONED', cableCount: 1, cables: ['07PARIS3534'] });
    const evidence = edges[0].evidence as Array<{ cable: string; paragraphs: number[] }>;
    expect(evidence).toHaveLength(1);
    expect(evidence[0].cable).toBe('07PARIS3534');
    // ¶2 (Masseret's readout: "ties to Kurdish leader … Jalal Talabani") and ¶3 ("President
    // Talabani's rejection"): exactly the paragraphs whose text names both.
    const cable = records.find((r) => r.cable.id === '07PARIS3534')!;
    const both = cable.mentions
      .filter((m) => /Talabani/.test(m.text))
      .map((m) => cable.cable.paragraphs.find((p) => m.start >= p.start && m.start < p.end)!.number);
    expect(evidence[0].paragraphs).toEqual([2, 3]);
    expect([...new Set(both)]).toEqual([2, 3]);
    // weight = 1 cable + 2 paragraphs.
    expect(edges[0]).toMatchObject({ weight: 3, paragraphCount: 2 });
    expect(graph.getNodeAttribute(kouchner, 'kind')).toBe('Person');
  });

  test('authorship: Leach signed 05PARIS77, PEKALA 07PARIS3534, Josiah Rosenblatt classified both', () => {
    const { graph } = buildGraph(records);
    const into = (cable: string, type: string) =>
      graph
        .inEdges(cable)
        .filter((e) => graph.getEdgeAttribute(e, 'type') === type)
        .map((e) => graph.getNodeAttribute(graph.source(e), 'name'));
    expect(into('05PARIS77', 'SIGNED')).toEqual(['Leach']);
    expect(into('07PARIS3534', 'SIGNED')).toEqual(['Pekala']);
    expect(into('05PARIS77', 'CLASSIFIED')).toEqual(['Josiah Rosenblatt']);
    expect(into('07PARIS3534', 'CLASSIFIED')).toEqual(['Josiah Rosenblatt']);
    expect(graph.getNodeAttribute(nodeNamed(graph, 'Josiah Rosenblatt'), 'kind')).toBe('Person');
  });

  test('authorship lines give SIGNED/CLASSIFIED and MENTIONS edges, never co-mentions', () => {
    const { graph } = buildGraph(records);
    for (const name of ['Josiah Rosenblatt', 'Leach']) {
      const person = nodeNamed(graph, name);
      expect(graph.edges(person).filter((e) => graph.getEdgeAttribute(e, 'type') === 'CO_MENTIONED')).toEqual([]);
    }
    expect(graph.getEdgeAttributes(`MENTIONS:05PARIS77->${nodeNamed(graph, 'Josiah Rosenblatt')}`)).toMatchObject({
      count: 1,
      paragraphs: [0],
    });
  });

  test('05PARIS77 references two cables outside the corpus; tags and origin post', () => {
    const { graph } = buildGraph(records);
    const out = (type: string) =>
      graph
        .outEdges('05PARIS77')
        .filter((e) => graph.getEdgeAttribute(e, 'type') === type)
        .map((e) => graph.target(e));
    expect(out('REFERENCES').sort()).toEqual(['04PARIS9098', '04STATE274965']);
    expect(graph.getNodeAttributes('04STATE274965')).toMatchObject({ kind: 'Cable', inCorpus: false });
    expect(graph.getNodeAttribute('05PARIS77', 'inCorpus')).toBe(true);
    expect(out('TAGGED')).toEqual(['tag:PREL', 'tag:PROP', 'tag:PHUM', 'tag:IZ', 'tag:FR']);
    expect(graph.getNodeAttributes('tag:IZ')).toMatchObject({
      kind: 'Tag',
      code: 'IZ',
      name: 'Iraq',
      tagKind: 'country',
    });
    expect(out('FROM')).toEqual(['post:PARIS']);
    expect(graph.getNodeAttribute('post:PARIS', 'name')).toBe('Paris');
  });

  test('every node has its metrics and a position', () => {
    const { graph } = buildGraph(records);
    graph.forEachNode((_n, a) => {
      expect(typeof a.degree).toBe('number');
      expect(typeof a.weightedDegree).toBe('number');
      expect(a.pagerank).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(a.community)).toBe(true);
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
    });
  });

  test('deterministic: the same cables in any order give the same graph', () => {
    const a = buildGraph(records).graph.export();
    const b = buildGraph([...records].reverse()).graph.export();
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  test('versions are recorded in the same order whichever copy was read first', () => {
    const original = records.find((r) => r.cable.id === '05PARIS77')!;
    const html: CableRecord = {
      ...original,
      cable: { ...original.cable, released: '2011-08-30T01:44:00Z' },
      versions: [{ file: 'b.html', released: '2011-08-30T01:44:00Z', hash: 'html' }],
    };
    const csv: CableRecord = { ...original, versions: [{ file: 'a.csv', row: 7, hash: 'csv' }] };
    const one = mergeRecords([html], [csv]).get('05PARIS77')!;
    const other = mergeRecords([csv], [html]).get('05PARIS77')!;
    expect(other).toEqual(one);
    expect(one.cable.released).toBe('2011-08-30T01:44:00Z');
    expect(one.versions.map((v) => v.hash)).toEqual(['csv', 'html']);
  });

  test('a cable read twice is kept once, the later release, with both versions recorded', () => {
    const original = records.find((r) => r.cable.id === '05PARIS77')!;
    const corrected: CableRecord = {
      ...original,
      cable: { ...original.cable, released: '2011-08-30T01:44:00Z', subject: 'CORRECTED SUBJECT' },
      versions: [{ file: 'corrected.txt', released: '2011-08-30T01:44:00Z', hash: 'corrected' }],
    };
    const merged = mergeRecords(records, [corrected]);
    expect(merged.size).toBe(2);
    expect(merged.get('05PARIS77')!.cable.subject).toBe('CORRECTED SUBJECT');
    expect(merged.get('05PARIS77')!.versions.map((v) => v.hash)).toEqual([original.versions[0].hash, 'corrected']);
    // Reading the older copy again changes nothing.
    const again = mergeRecords(merged.values(), [original]);
    expect(again.get('05PARIS77')!.cable.subject).toBe('CORRECTED SUBJECT');
    expect(again.get('05PARIS77')!.versions).toHaveLength(2);
    const { graph } = buildGraph(again.values());
    expect(graph.getNodeAttributes('05PARIS77')).toMatchObject({ subject: 'CORRECTED SUBJECT', versions: 2 });
  });
});
