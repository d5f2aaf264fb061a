import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type Graph from 'graphology';
import { appendDecision, readCuration } from '../../src/curate';
import { buildCuratedGraph } from '../../src/build';
import { buildGraph, type CableRecord } from '../../src/graph';
import { SEEDS, recordsOf } from '../graph/helpers';
import type { Decision } from '../../src/model';

const AT = '2026-11-23T10:00:00Z';
let seq = 0;
const decide = (d: Record<string, unknown>): Decision =>
  ({ seq: (seq += 1), author: 'test', at: AT, ...d }) as Decision;
const json = (g: Graph): string => JSON.stringify(g.export());
const weight = (g: Graph, a: string, b: string): number => {
  const key = a < b ? `CO_MENTIONED:${a}--${b}` : `CO_MENTIONED:${b}--${a}`;
  return g.hasEdge(key) ? (g.getEdgeAttribute(key, 'weight') as number) : 0;
};

describe('curation decisions applied after resolution (seeds)', () => {
  let records: CableRecord[];
  let original: Graph;
  const YAWER = 'p-ghazi-al-yawer-7babdf0f';
  const TALABANI = 'p-jalal-talabani-fde70f3c';
  const IRAQ = 'p-iraq-e3d5c7c6';
  const BAGDHAD = 'p-bagdhad-218ea3d4';
  const BAGHDAD = 'p-baghdad-c02fc0c6';
  beforeAll(async () => {
    records = await recordsOf([SEEDS]);
    original = buildGraph(records).graph;
  });
  beforeEach(() => (seq = 0));

  test('no decisions, or only taken-back ones: the very same graph', () => {
    expect(json(buildCuratedGraph(records, []).graph)).toBe(json(original));
    const merge = decide({ op: 'merge', ids: [BAGDHAD, BAGHDAD], into: BAGHDAD });
    expect(json(buildCuratedGraph(records, [merge, decide({ op: 'undo', decision: 1 })]).graph)).toBe(json(original));
  });

  test('merge: one node, its aliases and co-mention weights summed (entities of different cables)', () => {
    const merged = buildCuratedGraph(records, [
      decide({ op: 'merge', ids: [YAWER, TALABANI], into: TALABANI, name: 'Test Person' }),
    ]).graph;
    expect(merged.hasNode(YAWER)).toBe(false);
    expect(merged.getNodeAttributes(TALABANI)).toMatchObject({ kind: 'Person', name: 'Test Person', cableCount: 2 });
    expect((merged.getNodeAttribute(TALABANI, 'aliases') as Array<{ text: string }>).map((a) => a.text).sort()).toEqual(
      ['Ghazi al-Yawer', 'Jalal Talabani', 'Talabani'],
    );
    expect(weight(merged, TALABANI, IRAQ)).toBe(weight(original, TALABANI, IRAQ) + weight(original, YAWER, IRAQ));
    expect(merged.order).toBe(original.order - 1);
  });

  test('a merge then a split of it restores the original graph exactly (counts, weights, evidence)', () => {
    const curation = [
      decide({ op: 'merge', ids: [BAGDHAD, BAGHDAD], into: BAGHDAD }),
      decide({ op: 'split', id: BAGHDAD }),
    ];
    const merged = buildCuratedGraph(records, curation.slice(0, 1)).graph;
    expect(merged.hasNode(BAGDHAD)).toBe(false);
    expect(merged.getNodeAttribute(BAGHDAD, 'aliases')).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: 'Bagdhad' })]),
    );
    expect(json(buildCuratedGraph(records, curation).graph)).toBe(json(original));
  });

  test('split by cable and by alias: a new entity with its own edges', () => {
    const byCable = buildCuratedGraph(records, [
      decide({ op: 'split', id: IRAQ, cables: ['05PARIS77'], name: 'Iraq (2005)' }),
    ]).graph;
    const created = byCable.filterNodes((_n, a) => a.name === 'Iraq (2005)');
    expect(created).toHaveLength(1);
    expect(byCable.getNodeAttribute(created[0], 'cableCount')).toBe(1);
    expect(byCable.getNodeAttribute(IRAQ, 'cableCount')).toBe(1);
    expect(byCable.hasEdge(`MENTIONS:05PARIS77->${created[0]}`)).toBe(true);
    const byAlias = buildCuratedGraph(records, [
      decide({ op: 'split', id: 'p-kouchner-e5fec991', aliases: ['Kouchner'] }),
    ]).graph;
    expect(byAlias.hasNode('p-kouchner-e5fec991')).toBe(false);
    expect(byAlias.filterNodes((_n, a) => a.name === 'Kouchner')).toHaveLength(1);
  });

  test('rename, retype, reject (globally or one alias), alias', () => {
    const g = buildCuratedGraph(records, [
      decide({ op: 'rename', id: 'p-kouchner-e5fec991', name: 'Bernard  Kouchner' }),
      decide({ op: 'retype', id: 'p-maine-4ad461e4', type: 'PERSON' }),
      decide({ op: 'reject', id: 'p-neither-saddam-5528dce6' }),
      decide({ op: 'reject', id: 'p-olivier-masseret-610cd646', alias: 'MASSERET' }),
      decide({ op: 'alias', id: BAGHDAD, alias: 'bagdhad' }),
    ]).graph;
    expect(g.getNodeAttribute('p-kouchner-e5fec991', 'name')).toBe('Bernard Kouchner');
    expect(g.getNodeAttribute('p-maine-4ad461e4', 'kind')).toBe('Person');
    expect(g.hasNode('p-neither-saddam-5528dce6')).toBe(false);
    expect(g.someEdge((_e, _a, s, t) => s === 'p-neither-saddam-5528dce6' || t === 'p-neither-saddam-5528dce6')).toBe(
      false,
    );
    expect(g.getNodeAttribute('p-olivier-masseret-610cd646', 'aliases')).toEqual([
      { text: 'Olivier Masseret', count: 1 },
    ]);
    expect(g.getEdgeAttribute('MENTIONS:07PARIS3534->p-olivier-masseret-610cd646', 'count')).toBe(1);
    expect(g.hasNode(BAGDHAD)).toBe(false);
    expect((g.getNodeAttribute(BAGHDAD, 'aliases') as Array<{ text: string }>).map((a) => a.text)).toContain('Bagdhad');
  });
});

describe('the curation file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-curation-'));
  test('decisions are appended in order, one JSON line each, keys in a fixed order', () => {
    const file = path.join(dir, 'curation.jsonl');
    appendDecision(file, {
      op: 'merge',
      ids: ['a', 'b'],
      into: 'b',
      author: 'ana',
      at: AT,
      note: 'same city',
    } as Decision);
    appendDecision(file, { op: 'undo', decision: 1, author: 'ana', at: AT } as Decision);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      '{"seq":1,"op":"merge","ids":["a","b"],"into":"b","author":"ana","at":"2026-11-23T10:00:00Z","note":"same city"}\n{"seq":2,"op":"undo","decision":1,"author":"ana","at":"2026-11-23T10:00:00Z"}\n',
    );
    expect(readCuration(file).map((d) => d.op)).toEqual(['merge', 'undo']);
  });
  test('a bad line is an error naming the file and the line; nothing is appended to a broken file', () => {
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(
      file,
      '# decisions\n{"seq":1,"op":"merge","ids":["a"],"into":"a","author":"x","at":"2026-01-01"}\n',
    );
    expect(() => readCuration(file)).toThrow(`${file}:2: merge needs "ids": at least two entity ids`);
    expect(() => appendDecision(file, { op: 'rename', id: 'a', name: 'A', author: 'x', at: AT } as Decision)).toThrow(
      /bad\.jsonl:2/,
    );
    expect(fs.readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
    fs.writeFileSync(file, '{"seq":1,"op":"explode","author":"x","at":"2026-01-01"}\n');
    expect(() => readCuration(file)).toThrow(`${file}:1: unknown op "explode"`);
    fs.writeFileSync(file, '{"seq":1,"op":"undo","decision":1,"author":"x","at":"2026-01-01"}\n');
    expect(() => readCuration(file)).toThrow('undo of decision 1, which is not an earlier one');
  });
});
