import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { runExport } from '../../src/cli/export-command';
import { CablegraphError } from '../../src/common/diagnostics';
import { filterGraph, writeGexf, writeGraphologyJson } from '../../src/export';
import { buildGraph } from '../../src/graph';
import { buildDbOf } from '../db/helpers';
import { GraphDbReader } from '../../src/db/read';
import { SEEDS, census, recordsOf } from '../graph/helpers';
import { validateGexf } from './helpers';
import type { CableGraph } from '../../src/model';

describe('cablegraph export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-export-command-'));
  const file = (name: string) => path.join(dir, name);
  let graph: CableGraph;
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  beforeAll(async () => {
    const records = await recordsOf([SEEDS]);
    graph = buildGraph(records).graph;
    await buildDbOf(file('seeds.db'), records);
  });
  afterAll(() => {
    stderr.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(['gexf', 'graphml', 'json'] as const)('--format %s writes the whole graph and says so', async (format) => {
    stderr.mockClear();
    expect(await runExport(file('seeds.db'), { format, output: file(`seeds.${format}`) })).toBe(0);
    expect(fs.existsSync(file(`seeds.${format}`))).toBe(true);
    expect(stderr).toHaveBeenCalledWith(
      `cablegraph export: ${graph.order} nodes, ${graph.size} edges → ${file(`seeds.${format}`)} (${format})\n`,
    );
  });

  test('--format neo4j-csv writes node and relationship files with typed headers and an import script', async () => {
    expect(await runExport(file('seeds.db'), { format: 'neo4j-csv', output: file('csv'), quiet: true })).toBe(0);
    const names = fs.readdirSync(file('csv')).sort();
    expect(names).toContain('nodes-Person.csv');
    expect(names).toContain('relationships-CO_MENTIONED.csv');
    expect(names).toContain('import.sh');
    const header = fs.readFileSync(file('csv/relationships-CO_MENTIONED.csv'), 'utf8').split('\n')[0];
    expect(header).toMatch(/^":START_ID",":END_ID",":TYPE",/);
    expect(header).toContain('"weight:long"');
    expect(fs.readFileSync(file('csv/nodes-Person.csv'), 'utf8').split('\n')[0]).toMatch(/^"id:ID",":LABEL",/);
  });

  test('--format neo4j-csv of cut roles (--max-evidence 2): their middle statements in nodes-Statement.csv, those of exported edges only', async () => {
    const seeds = await recordsOf([SEEDS]);
    // every role of the seeds stated in three cables (copies under other ids): 3 statements, 1 in the middle
    const records = [
      ...seeds,
      ...['B', 'C'].flatMap((suffix) => seeds.map((r) => ({ ...r, cable: { ...r.cable, id: r.cable.id + suffix } }))),
    ];
    await buildDbOf(file('cut.db'), records, { maxEvidence: 2 });
    const reader = GraphDbReader.open(file('cut.db'));
    const statements = [...reader.statements()];
    reader.close();
    expect(statements.length).toBeGreaterThan(0);
    expect(await runExport(file('cut.db'), { format: 'neo4j-csv', output: file('cut-csv'), quiet: true })).toBe(0);
    const lines = fs.readFileSync(file('cut-csv/nodes-Statement.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^":ID\(Statement\)",":LABEL",/);
    expect(lines[0]).toContain('"seq:long"');
    expect(lines[0]).toContain('"edge:string"');
    expect(lines).toHaveLength(statements.length + 1);
    expect(lines[1]).toContain(`"${statements[0].edge}#${statements[0].seq}","Statement"`);
    expect(fs.readFileSync(file('cut-csv/import.sh'), 'utf8')).toContain('--nodes=nodes-Statement.csv');
    // without people there is no role, and no statement of one
    expect(
      await runExport(file('cut.db'), {
        format: 'neo4j-csv',
        output: file('cut-org'),
        quiet: true,
        types: 'Organization',
      }),
    ).toBe(0);
    expect(fs.existsSync(file('cut-org/nodes-Statement.csv'))).toBe(false);
  });

  test('filters: --types, --min-weight, --top, --since/--until (GEXF still valid)', async () => {
    const exported = async (options: Record<string, string | boolean>): Promise<Graph> => {
      const out = file('filtered.gexf');
      expect(await runExport(file('seeds.db'), { format: 'gexf', output: out, quiet: true, ...options })).toBe(0);
      validateGexf(out);
      return parseGexf(Graph, fs.readFileSync(out, 'utf8'));
    };
    const people = await exported({ types: 'person,Place' });
    expect(Object.keys(census(people).nodes).sort()).toEqual(['Person', 'Place']);
    // The people and places with a co-mention among them; the ones named only in authorship lines
    // (no co-mention) lose every edge with the cables and are dropped, unless --keep-isolates.
    const kinds = new Set(['Person', 'Place']);
    const linked = graph.filterNodes(
      (n, a) =>
        kinds.has(a.kind) &&
        graph.someEdge(
          n,
          (_e, e, s, t) =>
            ['CO_MENTIONED', 'HOLDS_ROLE', 'AFFILIATED_WITH', 'MET'].includes(e.type) &&
            kinds.has(graph.getNodeAttribute(s === n ? t : s, 'kind')),
        ),
    );
    expect(people.nodes().sort()).toEqual(linked.sort());
    expect(people.order).toBeLessThan((census(graph).nodes.Person ?? 0) + (census(graph).nodes.Place ?? 0));
    expect(people.filterNodes((n) => people.degree(n) === 0)).toEqual([]);
    const withIsolates = await exported({ types: 'person,Place', keepIsolates: true });
    expect(withIsolates.order).toBe((census(graph).nodes.Person ?? 0) + (census(graph).nodes.Place ?? 0));
    expect(withIsolates.size).toBe(people.size);
    const heavy = await exported({ minWeight: '3' });
    heavy.forEachEdge((_e, a) => {
      if (a.type === 'CO_MENTIONED') expect(a.weight).toBeGreaterThanOrEqual(3);
    });
    expect((await exported({ top: '10' })).order).toBe(10);
    // The seeds are text copies without dates: a date window keeps no cable.
    expect(census(await exported({ since: '2005', until: '2007-12' })).nodes.Cable).toBeUndefined();
  });

  test('user errors are CablegraphErrors with a code (printed as one line by the CLI)', async () => {
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => 'no error',
        (e: unknown) => (e instanceof CablegraphError ? e.code : String(e)),
      );
    expect(await code(runExport(file('seeds.db'), { format: 'gexf', types: 'Persons,Embassy' }))).toBe('BAD_OPTION');
    expect(await code(runExport(file('seeds.db'), { format: 'gexf', minWeight: 'heavy' }))).toBe('BAD_OPTION');
    expect(await code(runExport(file('seeds.db'), { format: 'gexf', since: 'last year' }))).toBe('BAD_OPTION');
    expect(await code(runExport(file('seeds.db'), { format: 'neo4j-csv' }))).toBe('BAD_OPTION');
    expect(await code(runExport(file('missing.db'), { format: 'gexf' }))).toBe('GRAPH_NOT_FOUND');
  });

  test('a damaged graph database fails naming it, before anything is written', async () => {
    const whole = fs.readFileSync(file('seeds.db'));
    fs.writeFileSync(file('cut.db'), whole.subarray(0, Math.floor(whole.length * 0.3)));
    const out = path.join(dir, 'damaged');
    fs.mkdirSync(out);
    for (const format of ['gexf', 'graphml', 'json'] as const) {
      const error = await runExport(file('cut.db'), {
        format,
        output: path.join(out, `g.${format}`),
        quiet: true,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CablegraphError);
      expect((error as CablegraphError).code).toBe('GRAPH_UNREADABLE');
      expect((error as Error).message).toContain(file('cut.db'));
    }
    const error = await runExport(file('cut.db'), {
      format: 'neo4j-csv',
      output: path.join(out, 'csv'),
      quiet: true,
    }).catch((e: unknown) => e);
    expect((error as CablegraphError).code).toBe('GRAPH_UNREADABLE');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('the streamed export equals the in-memory writer on the same filtered graph', async () => {
    const out = file('top.gexf');
    expect(
      await runExport(file('seeds.db'), { format: 'gexf', output: out, quiet: true, top: '20', minWeight: '2' }),
    ).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(writeGexf(filterGraph(graph, { top: 20, minWeight: 2 })));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('without -o, the document goes to stdout, ending with a newline', async () => {
    const chunks: string[] = [];
    const stdout = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true));
    try {
      expect(await runExport(file('seeds.db'), { format: 'json', types: 'Person' })).toBe(0);
    } finally {
      stdout.mockRestore();
    }
    expect(chunks.join('')).toBe(`${writeGraphologyJson(filterGraph(graph, { types: ['Person'] }))}\n`);
  });
});
