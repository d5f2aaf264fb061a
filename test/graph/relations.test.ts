/** Relations in the graph: HOLDS_ROLE, AFFILIATED_WITH and MET edges, in memory and in the graph database, with their passages. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type Graph from 'graphology';
import { buildGraph, type CableRecord } from '../../src/graph';
import { cutStatements, relationEdges } from '../../src/graph/relation-edges';
import type { CableRelationRows } from '../../src/graph/relation-types';
import { SqliteStore } from '../../src/server/sqlite-store';
import { Explorer } from '../../src/server/explore';
import { buildDbOf, graphOfDb } from '../db/helpers';
import { forgetNeo4jGraph, startTestServer, storeAvailable } from '../server/helpers';
import { testDriver } from '../store/neo4j/helpers';
import type { StatementPage } from '../../src/model';
import { SEEDS, recordsOf } from './helpers';

const edgesOfType = (
  graph: Graph,
  type: string,
): Array<{ key: string; source: string; target: string; attributes: Record<string, unknown> }> =>
  graph
    .filterEdges((_e, a) => a.type === type)
    .map((key) => ({
      key,
      source: graph.source(key),
      target: graph.target(key),
      attributes: graph.getEdgeAttributes(key),
    }));

describe('relation edges of the seeds', () => {
  let records: CableRecord[];
  let graph: Graph;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-relations-'));
  const file = path.join(dir, 'seeds.db');
  beforeAll(async () => {
    records = await recordsOf([SEEDS]);
    graph = buildGraph(records).graph;
    await buildDbOf(file, records);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('Kouchner holds Foreign Minister of France (07PARIS3534), with the passage', () => {
    const role = edgesOfType(graph, 'HOLDS_ROLE').find(
      (e) =>
        /Kouchner/.test(graph.getNodeAttribute(e.source, 'name') as string) &&
        e.attributes.title === 'Foreign Minister',
    );
    expect(role).toBeDefined();
    expect(graph.getNodeAttributes(role!.target)).toMatchObject({ kind: 'Place', name: 'France' });
    expect(role!.attributes.cables).toContain('07PARIS3534');
    const i = (role!.attributes.cables as string[]).indexOf('07PARIS3534');
    expect((role!.attributes.evidence as string[])[i]).toMatch(/French FM Kouchner\s?'s visit to Iraq/);
    expect((role!.attributes.titleTexts as string[])[i]).toBe('French FM');
    expect(role!.attributes.firstDate).toBeUndefined(); // the seed's text carries no date
  });

  test('Talabani holds President of Iraq, with the passage', () => {
    const role = edgesOfType(graph, 'HOLDS_ROLE').find(
      (e) => /Talabani/.test(graph.getNodeAttribute(e.source, 'name') as string) && e.attributes.title === 'President',
    );
    expect(role).toBeDefined();
    expect(graph.getNodeAttributes(role!.target)).toMatchObject({ kind: 'Place', name: 'Iraq' });
    expect((role!.attributes.evidence as string[]).some((t) => /President of Iraq Jalal Talabani/.test(t))).toBe(true);
    expect(role!.attributes.former).toBeUndefined();
  });

  test('one HOLDS_ROLE edge per person, title and owner, its lists parallel and in date order', () => {
    const roles = edgesOfType(graph, 'HOLDS_ROLE');
    expect(new Set(roles.map((e) => e.key)).size).toBe(roles.length);
    for (const e of roles) {
      const n = (e.attributes.cables as string[]).length;
      for (const list of ['dates', 'paragraphs', 'evidence', 'starts', 'ends', 'titleTexts'])
        expect((e.attributes[list] as unknown[]).length).toBe(n);
      const dates = (e.attributes.dates as string[]).filter(Boolean);
      expect(dates).toEqual([...dates].sort());
      expect(e.attributes.cableCount).toBe(new Set(e.attributes.cables as string[]).size);
    }
  });

  test('the graph database gives the same relation edges as the graph built in memory', async () => {
    const fromDb = (await graphOfDb(file)).edges.filter(([, , , , a]) =>
      ['HOLDS_ROLE', 'AFFILIATED_WITH', 'MET'].includes((a as { type: string }).type),
    );
    const inMemory = graph
      .filterEdges((_e, a) => ['HOLDS_ROLE', 'AFFILIATED_WITH', 'MET'].includes(a.type as string))
      .map((k) => [k, graph.source(k), graph.target(k), false, graph.getEdgeAttributes(k)]);
    expect(fromDb.length).toBeGreaterThan(3);
    expect(JSON.stringify(fromDb)).toBe(JSON.stringify(inMemory));
  });

  test("GET /api/relations: Kouchner's roles from the SQLite store, each statement with its cable and passage", async () => {
    const store = SqliteStore.open(file);
    try {
      const explorer = new Explorer(store);
      const [hit] = await explorer.search('Kouchner', ['Person'], 1);
      const relations = await explorer.relations(hit.id);
      const fm = relations!.roles.find((r) => r.title === 'Foreign Minister');
      expect(fm).toMatchObject({ person: { id: hit.id, kind: 'Person' }, owner: { name: 'France', kind: 'Place' } });
      const statement = fm!.statements.find((s) => s.cable === '07PARIS3534');
      expect(statement).toMatchObject({ paragraph: 1, titleText: 'French FM' });
      expect(statement!.evidence).toMatch(/French FM Kouchner/);
      expect(await explorer.relations('no-such-entity')).toBeUndefined();
      // France's side: the roles held over it include Kouchner's
      const france = (await explorer.relations(fm!.owner.id))!;
      expect(france.roles.some((r) => r.id === fm!.id)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('relationEdges', () => {
  const key = (n: number): string => ['p-a', 'p-b', 'l-france', 'post:Embassy Paris', '07PARIS1', '07PARIS2'][n];
  const role = (cable: number, date: string, evidence: string) => ({
    cable,
    person: 0,
    title: 'Foreign Minister',
    titleText: 'FM',
    owner: 2,
    ownerName: 'France',
    country: 'France',
    basis: 'explicit' as const,
    former: false,
    date,
    paragraph: 2,
    evidence,
    start: 10,
    end: 40,
  });

  test('aggregates a role over cables (dates spanning them, statements by date) and keeps one MET per pair and cable', () => {
    const rows: CableRelationRows = {
      roles: [
        role(5, '2007-09-01', 'later'),
        role(4, '2007-08-01', 'earlier'),
        { ...role(4, '2007-08-01', 'no node'), owner: undefined, ownerName: 'Atlantis', title: 'King' },
      ],
      affiliations: [],
      meetings: [
        {
          cable: 4,
          a: 3,
          aRole: 'Ambassador',
          b: 1,
          date: '2007-07-30',
          dateSource: 'text',
          form: 'met',
          paragraph: 3,
          evidence: 'The Ambassador met B on July 30.',
          start: 0,
          end: 33,
        },
        { cable: 5, a: 0, b: 1, dateSource: 'cable', form: 'told', evidence: 'A told B.', start: 5, end: 14 },
      ],
    };
    const edges = relationEdges(rows, key, 100);
    expect(edges.map((e) => e.key)).toEqual([
      'HOLDS_ROLE:p-a->l-france:Foreign Minister',
      'MET:p-a->p-b:07PARIS2',
      'MET:post:Embassy Paris->p-b:07PARIS1',
    ]);
    expect(edges[0].attributes).toEqual({
      type: 'HOLDS_ROLE',
      title: 'Foreign Minister',
      firstDate: '2007-08-01',
      lastDate: '2007-09-01',
      cableCount: 2,
      cables: ['07PARIS1', '07PARIS2'],
      dates: ['2007-08-01', '2007-09-01'],
      paragraphs: [2, 2],
      evidence: ['earlier', 'later'],
      starts: [10, 10],
      ends: [40, 40],
      titleTexts: ['FM', 'FM'],
    });
    expect(edges[1].attributes).toEqual({
      type: 'MET',
      cable: '07PARIS2',
      dateSource: 'cable',
      form: 'told',
      paragraph: 0,
      evidence: 'A told B.',
      start: 5,
      end: 14,
    });
    expect(edges[2].attributes).toMatchObject({ cable: '07PARIS1', date: '2007-07-30', role: 'Ambassador' });
  });
});

describe('capped relation edges (maxEvidence)', () => {
  const key = (n: number): string =>
    ['p-a', 'l-france', 'o-mfa', ...Array.from({ length: 12 }, (_, i) => `07PARIS${i + 10}`)][n];
  const statement = (i: number, date: string | undefined) => ({
    cable: 3 + i,
    person: 0,
    title: 'Foreign Minister',
    titleText: `FM ${i}`,
    owner: 1,
    ownerName: 'France',
    basis: 'explicit' as const,
    former: false,
    ...(date ? { date } : {}),
    paragraph: i,
    evidence: `statement ${i}`,
    start: i,
    end: i + 10,
  });

  test('a role with 7 statements under a cap of 4 keeps the first 2 and the last 2; dates and counts stay exact', () => {
    // cables 07PARIS10…16, dates out of order, one undated (last in the edge's order)
    const dates = ['2007-05-01', '2007-01-01', undefined, '2007-03-01', '2007-02-01', '2007-07-01', '2007-06-01'];
    const rows: CableRelationRows = { roles: dates.map((d, i) => statement(i, d)), affiliations: [], meetings: [] };
    const full = relationEdges(rows, key, 100)[0].attributes;
    expect(full.evidence).toEqual([
      'statement 1',
      'statement 4',
      'statement 3',
      'statement 0',
      'statement 6',
      'statement 5',
      'statement 2',
    ]);
    expect(full.evidenceTruncated).toBeUndefined();
    expect(full.statementCount).toBeUndefined();
    const capped = relationEdges(rows, key, 4)[0].attributes;
    expect(capped).toEqual({
      type: 'HOLDS_ROLE',
      title: 'Foreign Minister',
      firstDate: '2007-01-01',
      lastDate: '2007-07-01',
      cableCount: 7,
      statementCount: 7,
      cables: ['07PARIS11', '07PARIS14', '07PARIS15', '07PARIS12'],
      dates: ['2007-01-01', '2007-02-01', '2007-07-01', ''],
      paragraphs: [1, 4, 5, 2],
      evidence: ['statement 1', 'statement 4', 'statement 5', 'statement 2'],
      starts: [1, 4, 5, 2],
      ends: [11, 14, 15, 12],
      titleTexts: ['FM 1', 'FM 4', 'FM 5', 'FM 2'],
      evidenceTruncated: true,
    });
    // an odd cap: one more at the head
    expect(relationEdges(rows, key, 3)[0].attributes.evidence).toEqual(['statement 1', 'statement 4', 'statement 2']);
  });

  test('cutStatements: the middle ones the lists leave out, numbered by their positions in the edge (what Neo4j stores)', () => {
    const dates = ['2007-05-01', '2007-01-01', undefined, '2007-03-01', '2007-02-01', '2007-07-01', '2007-06-01'];
    const rows: CableRelationRows = { roles: dates.map((d, i) => statement(i, d)), affiliations: [], meetings: [] };
    // positions 0, 1 and 5, 6 are kept (statements 1, 4 and 5, 2); 2–4 are statements 3, 0, 6
    const edge = 'HOLDS_ROLE:p-a->l-france:Foreign Minister';
    expect([...cutStatements(rows, key, 4)]).toEqual([
      {
        edge,
        seq: 2,
        statement: {
          cable: '07PARIS13',
          date: '2007-03-01',
          paragraph: 3,
          evidence: 'statement 3',
          start: 3,
          end: 13,
          titleText: 'FM 3',
        },
      },
      {
        edge,
        seq: 3,
        statement: {
          cable: '07PARIS10',
          date: '2007-05-01',
          paragraph: 0,
          evidence: 'statement 0',
          start: 0,
          end: 10,
          titleText: 'FM 0',
        },
      },
      {
        edge,
        seq: 4,
        statement: {
          cable: '07PARIS16',
          date: '2007-06-01',
          paragraph: 6,
          evidence: 'statement 6',
          start: 6,
          end: 16,
          titleText: 'FM 6',
        },
      },
    ]);
    // an edge within the cap has none; an odd cap keeps one more at the head
    expect([...cutStatements(rows, key, 7)]).toEqual([]);
    expect([...cutStatements(rows, key, 3)].map((s) => s.seq)).toEqual([2, 3, 4, 5]);
    // the undated statement is last: at a cap of 2 it is kept, never a node
    expect([...cutStatements(rows, key, 2)].map((s) => s.statement.evidence)).toEqual([
      'statement 4',
      'statement 3',
      'statement 0',
      'statement 6',
      'statement 5',
    ]);
  });

  test('affiliations are capped the same way', () => {
    const rows: CableRelationRows = {
      roles: [],
      affiliations: Array.from({ length: 5 }, (_, i) => ({
        cable: 3 + i,
        person: 0,
        organization: 'MFA',
        owner: 2,
        date: `2008-0${i + 1}-01`,
        evidence: `member ${i}`,
        start: 0,
        end: 5,
      })),
      meetings: [],
    };
    const [edge] = relationEdges(rows, key, 2);
    expect(edge.attributes).toMatchObject({
      type: 'AFFILIATED_WITH',
      firstDate: '2008-01-01',
      lastDate: '2008-05-01',
      cableCount: 5,
      statementCount: 5,
      evidence: ['member 0', 'member 4'],
      evidenceTruncated: true,
    });
    expect(edge.attributes.titleTexts).toBeUndefined();
  });

  describe('the seeds three times (copies under other cable ids) built with maxEvidence 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-relations-cap-'));
    const file = path.join(dir, 'seeds.db');
    let full: Graph;
    let capped: Graph;
    beforeAll(async () => {
      const seeds = await recordsOf([SEEDS]);
      // every role of the seeds stated again in two more cables (ids 07PARIS3534B, …C)
      const records = [
        ...seeds,
        ...['B', 'C'].flatMap((suffix) => seeds.map((r) => ({ ...r, cable: { ...r.cable, id: r.cable.id + suffix } }))),
      ];
      full = buildGraph(records).graph;
      capped = buildGraph(records, { maxEvidence: 2 }).graph;
      await buildDbOf(file, records, { maxEvidence: 2 });
    }, 120_000);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const relationEdgesOf = (graph: Graph) =>
      graph
        .filterEdges((_e, a) => ['HOLDS_ROLE', 'AFFILIATED_WITH', 'MET'].includes(a.type as string))
        .map((k) => [k, graph.source(k), graph.target(k), false, graph.getEdgeAttributes(k)]);

    test('the database reader gives the capped edges of the graph built in memory', async () => {
      const fromDb = (await graphOfDb(file)).edges.filter(([, , , , a]) =>
        ['HOLDS_ROLE', 'AFFILIATED_WITH', 'MET'].includes((a as { type: string }).type),
      );
      expect(JSON.stringify(fromDb)).toBe(JSON.stringify(relationEdgesOf(capped)));
      expect(fromDb.some(([, , , , a]) => (a as { evidenceTruncated?: boolean }).evidenceTruncated)).toBe(true);
    });

    test('each cut edge keeps dates and counts over all its statements, and the SQLite store pages them all', async () => {
      const store = SqliteStore.open(file);
      try {
        const cut = edgesOfType(capped, 'HOLDS_ROLE').filter((e) => e.attributes.evidenceTruncated === true);
        expect(cut.length).toBeGreaterThan(0);
        for (const e of cut) {
          const whole = full.getEdgeAttributes(e.key);
          const n = (whole.cables as string[]).length;
          expect(n).toBeGreaterThan(2);
          expect(e.attributes).toMatchObject({
            statementCount: n,
            cableCount: whole.cableCount,
            ...(whole.firstDate ? { firstDate: whole.firstDate, lastDate: whole.lastDate } : {}),
          });
          expect(e.attributes.evidence).toEqual([(whole.evidence as string[])[0], (whole.evidence as string[])[n - 1]]);
          // page through every statement, one at a time
          const paged: string[] = [];
          for (let offset = 0; offset < n; offset += 1) {
            const page = await store.relationStatements(
              { type: 'HOLDS_ROLE', person: e.source, owner: e.target, title: String(e.attributes.title) },
              offset,
              1,
            );
            expect(page).toMatchObject({ id: e.key, total: n, offset });
            expect(page!.statements).toHaveLength(1);
            paged.push(page!.statements[0].evidence);
            expect(page!.statements[0].cable).toBe((whole.cables as string[])[offset]);
            expect(page!.statements[0].titleText).toBe((whole.titleTexts as string[])[offset]);
          }
          expect(paged).toEqual(whole.evidence);
        }
        const missing = await store.relationStatements(
          { type: 'HOLDS_ROLE', person: cut[0].source, owner: cut[0].target, title: 'No Such Title' },
          0,
          10,
        );
        expect(missing).toBeUndefined();
      } finally {
        await store.close();
      }
    });

    test('GET /api/statements over HTTP: pages with total, validated bounds, 404 for no such edge', async () => {
      const server = await startTestServer('embedded', file);
      try {
        const e = edgesOfType(capped, 'HOLDS_ROLE').find((x) => x.attributes.evidenceTruncated === true)!;
        const whole = full.getEdgeAttributes(e.key);
        const n = (whole.cables as string[]).length;
        const url = (params: Record<string, string | number>): string =>
          `${server.url}/api/statements?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
        const edge = { type: 'HOLDS_ROLE', person: e.source, owner: e.target, title: String(e.attributes.title) };
        const middle = (await (await fetch(url({ ...edge, offset: 1, limit: n - 2 }))).json()) as StatementPage;
        expect(middle).toMatchObject({ id: e.key, total: n, offset: 1 });
        expect(middle.statements.map((s) => s.evidence)).toEqual((whole.evidence as string[]).slice(1, n - 1));
        // the panel's view says how many there are
        const relations = (await (
          await fetch(`${server.url}/api/relations/${encodeURIComponent(e.source)}`)
        ).json()) as {
          roles: Array<{ id: string; statementCount: number; evidenceTruncated?: boolean; statements: unknown[] }>;
        };
        const view = relations.roles.find((r) => r.id === e.key)!;
        expect(view).toMatchObject({ statementCount: n, evidenceTruncated: true });
        expect(view.statements).toHaveLength(2);
        expect((await fetch(url({ ...edge, limit: 0 }))).status).toBe(400);
        expect((await fetch(url({ ...edge, offset: -1 }))).status).toBe(400);
        expect((await fetch(url({ ...edge, type: 'MET' }))).status).toBe(400);
        expect((await fetch(url({ type: 'HOLDS_ROLE', person: e.source, owner: e.target }))).status).toBe(400);
        expect((await fetch(url({ ...edge, title: 'No Such Title' }))).status).toBe(404);
        const past = (await (await fetch(url({ ...edge, offset: n + 5 }))).json()) as StatementPage;
        expect(past).toMatchObject({ total: n, statements: [] });
      } finally {
        await server.close();
      }
    });

    test('GET /api/statements over Neo4j: every statement of a cut edge as the graph database gives it; a database loaded without its (:Statement) nodes says to load it again', async () => {
      if (!(await storeAvailable('neo4j'))) return console.warn('Neo4j test server not running: skipped');
      const [embedded, neo4j] = [await startTestServer('embedded', file), await startTestServer('neo4j', file)];
      try {
        const e = edgesOfType(capped, 'HOLDS_ROLE').find((x) => x.attributes.evidenceTruncated === true)!;
        const n = (full.getEdgeAttributes(e.key).cables as string[]).length;
        expect(n).toBeGreaterThan(2);
        const query = (offset: number, limit: number): string =>
          `/api/statements?${new URLSearchParams({ type: 'HOLDS_ROLE', person: e.source, owner: e.target, title: String(e.attributes.title), offset: String(offset), limit: String(limit) }).toString()}`;
        const pages = [[0, n], ...Array.from({ length: n }, (_, offset) => [offset, 1]), [1, n - 2]];
        for (const [offset, limit] of pages) {
          const [a, b] = await Promise.all(
            [embedded, neo4j].map(async (s) => {
              const response = await fetch(s.url + query(offset, limit));
              return { status: response.status, body: await response.text() };
            }),
          );
          expect(b).toEqual(a);
          expect(b.status).toBe(200);
        }
        // A database an older cablegraph loaded: the relationships without the middle statements.
        const driver = (await testDriver())!;
        try {
          await driver.executeQuery('MATCH (s:Statement) DELETE s');
        } finally {
          await driver.close();
          forgetNeo4jGraph();
        }
        const older = await fetch(neo4j.url + query(1, 1));
        expect(older.status).toBe(501);
        expect(((await older.json()) as { error: { message: string } }).error.message).toMatch(/load the graph again/);
        expect((await fetch(neo4j.url + query(0, 1))).status).toBe(200);
      } finally {
        await Promise.all([embedded.close(), neo4j.close()]);
      }
    }, 120_000);
  });
});
