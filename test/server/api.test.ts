import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { validateGexf } from '../export/helpers';
import { startServer } from '../../src/cli/serve-command';
import { STORE_KINDS, builtGraph, startTestServer, type StoreKind, storeAvailable } from './helpers';
import {
  type CableDetail,
  type EntityDetail,
  type PairEvidence,
  type PathsResult,
  type SearchHit,
  type Subgraph,
  type TextSearchResult,
} from '../../src/model';

/**
 * The API contract on the seed cables, the same tests for both stores: the embedded graph file
 * and the project's real Neo4j (loaded from the same file).
 */
describe.each(STORE_KINDS)('the API over the %s store (seeds)', (kind: StoreKind) => {
  let server: { url: string; close(): Promise<void> } | undefined;
  const get = async <T>(route: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${server!.url}/api/${route}`);
    return { status: response.status, body: (await response.json()) as T };
  };
  const ok = async <T>(route: string): Promise<T> => {
    const { status, body } = await get<T>(route);
    expect(status).toBe(200);
    return body;
  };
  let kouchner = '';
  let talabani = '';

  beforeAll(async () => {
    if (!(await storeAvailable(kind))) return;
    server = await startTestServer(kind);
    kouchner = (await ok<SearchHit[]>('search?q=Kouchner'))[0].id;
    talabani = (await ok<SearchHit[]>('search?q=Talabani'))[0].id;
  }, 120_000);
  afterAll(async () => server?.close());
  const it = (name: string, fn: () => Promise<void>) => test(name, async () => (server ? fn() : undefined));

  it('stats count the seed graph', async () => {
    const stats = await ok<{ store: string; cables: number; entities: number; coMentions: number }>('stats');
    expect(stats).toMatchObject({ store: kind, cables: 2 });
    expect(stats.entities).toBeGreaterThan(30);
    expect(stats.coMentions).toBeGreaterThan(200);
  });

  it('search: exact, prefix, fuzzy, by type', async () => {
    expect((await ok<SearchHit[]>('search?q=Kouchner'))[0]).toMatchObject({
      type: 'Person',
      name: 'Kouchner',
      match: 'exact',
    });
    expect((await ok<SearchHit[]>('search?q=talab'))[0]).toMatchObject({ name: 'Jalal Talabani', match: 'prefix' });
    expect((await ok<SearchHit[]>('search?q=Talabny'))[0]).toMatchObject({ name: 'Jalal Talabani', match: 'fuzzy' });
    const places = await ok<SearchHit[]>('search?q=ira&types=Place');
    expect(places.map((h) => h.name)).toContain('Iraq');
    expect(places.every((h) => h.type === 'Place')).toBe(true);
    expect(await ok<SearchHit[]>('search?q=zzzzqqq')).toEqual([]);
  });

  it('entity: aliases with counts, top neighbours, degree', async () => {
    const entity = await ok<EntityDetail>(`entity/${kouchner}`);
    expect(entity.aliases).toEqual([{ text: 'Kouchner', count: 42 }]);
    expect(entity.neighbours.map((n) => n.name)).toContain('Jalal Talabani');
    expect(entity.neighbours[0].edgeWeight).toBeGreaterThanOrEqual(entity.neighbours[1].edgeWeight);
    expect(entity.degree).toBeGreaterThanOrEqual(entity.neighbours.length);
  });

  it("neighbourhood: Kouchner's shows Talabani, with filters and limits", async () => {
    const sub = await ok<Subgraph>(`neighbourhood/${kouchner}?limit=100`);
    expect(sub.nodes[0].id).toBe(kouchner);
    expect(sub.nodes.map((n) => n.name)).toContain('Jalal Talabani');
    const ids = new Set(sub.nodes.map((n) => n.id));
    expect(sub.edges.every((e) => ids.has(e.source) && ids.has(e.target) && e.source < e.target)).toBe(true);
    const small = await ok<Subgraph>(`neighbourhood/${kouchner}?limit=5`);
    expect(small.nodes).toHaveLength(5);
    expect(small.truncated).toBe(true);
    const people = await ok<Subgraph>(`neighbourhood/${kouchner}?types=Person`);
    expect(people.nodes.slice(1).every((n) => n.type === 'Person')).toBe(true);
    const heavy = await ok<Subgraph>(`neighbourhood/${kouchner}?minWeight=5`);
    expect(heavy.edges.every((e) => e.weight >= 5)).toBe(true);
    expect(heavy.nodes.length).toBeLessThan(sub.nodes.length);
  });

  it('paths: Kouchner → Talabani is one link, backed by 07PARIS3534', async () => {
    const result = await ok<PathsResult>(`paths?from=${kouchner}&to=${talabani}`);
    expect(result.hops).toBe(1);
    expect(result.paths[0].nodes.map((n) => n.name)).toEqual(['Kouchner', 'Jalal Talabani']);
    expect(result.paths[0].edges[0].cables.map((c) => c.id)).toEqual(['07PARIS3534']);
  });

  it('evidence: the passages of 07PARIS3534 naming both, highlighted', async () => {
    const evidence = await ok<PairEvidence>(`evidence?a=${kouchner}&b=${talabani}`);
    expect(evidence.total).toBe(1);
    const cable = evidence.cables[0];
    expect(cable.id).toBe('07PARIS3534');
    expect(cable.subject).toMatch(/KOUCHNER'S VISIT TO IRAQ/);
    expect(cable.passages.length).toBeGreaterThan(0);
    for (const passage of cable.passages) {
      const marked = passage.highlights.map((h) => passage.text.slice(h.start, h.end).replace(/\s+/g, ' '));
      expect(marked).toContain('Kouchner');
      expect(marked.some((m) => /Talabani$/.test(m))).toBe(true);
    }
  });

  it('cable: metadata, text, and entities with offsets into the text', async () => {
    const cable = await ok<CableDetail>('cable/07PARIS3534');
    expect(cable).toMatchObject({
      id: '07PARIS3534',
      classification: 'CONFIDENTIAL',
      classifiedBy: 'Josiah Rosenblatt',
      signers: ['Pekala'],
    });
    expect(cable.tags.map((t) => t.code)).toEqual(['FR', 'IZ', 'PGOV', 'PREL', 'US']);
    expect(cable.text).toMatch(/Kouchner/);
    expect(cable.paragraphs.length).toBeGreaterThan(3);
    const talabaniMentions = cable.entities.find((e) => e.id === talabani)!.mentions;
    expect(talabaniMentions.map((m) => cable.text.slice(m.start, m.end))).toEqual(talabaniMentions.map((m) => m.text));
  });

  it('overview: top entities by PageRank with the edges among them', async () => {
    const sub = await ok<Subgraph>('overview?limit=10');
    expect(sub.nodes).toHaveLength(10);
    expect(sub.truncated).toBe(true);
    const ranks = sub.nodes.map((n) => n.pagerank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(sub.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['Kouchner', 'Iraq', 'France']));
    // Only the heaviest edges when asked for fewer than there are.
    const capped = await ok<Subgraph>('overview?limit=10&maxEdges=5');
    expect(capped.edges).toHaveLength(5);
    expect(capped.edgesTruncated).toBe(true);
    const lightest = Math.min(...capped.edges.map((e) => e.weight));
    expect(sub.edges.filter((e) => e.weight > lightest).length).toBeLessThanOrEqual(5);
  });

  it('a second server on the same port: a clear error', async () => {
    const port = new URL(server!.url).port;
    await expect(startServer(await builtGraph(), { port, quiet: true })).rejects.toThrow(
      `cannot listen on 127.0.0.1:${port}: the port is in use (--port)`,
    );
  });

  it('GEXF of a view: valid GEXF 1.3 with those nodes and their edges', async () => {
    const response = await fetch(`${server!.url}/api/gexf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nodes: [kouchner, talabani] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/gexf/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-view-')), 'view.gexf');
    fs.writeFileSync(file, await response.text());
    validateGexf(file);
    const graph = parseGexf(Graph, fs.readFileSync(file, 'utf8'));
    expect(graph.mapNodes((_n, a) => a.label).sort()).toEqual(['Jalal Talabani', 'Kouchner']);
    expect(graph.size).toBe(1);
  });

  it('text search: words and phrases find cables, with the passage marked and their entities', async () => {
    if (kind === 'neo4j') {
      // The cables' full-text index belongs to the graph database.
      const refused = await get<{ error: { code: string } }>('text-search?q=Kouchner');
      expect(refused).toMatchObject({ status: 501, body: { error: { code: 'NOT_SUPPORTED' } } });
      return;
    }
    const found = await get<TextSearchResult>('text-search?q=Kouchner%20Talabani');
    expect(found.status).toBe(200);
    expect(found.body.total).toBeGreaterThanOrEqual(1);
    const hit = found.body.cables.find((c) => c.id === '07PARIS3534')!;
    expect(hit.subject).toContain('KOUCHNER');
    const marked = hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end).toLowerCase());
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((m) => m === 'kouchner' || m === 'talabani')).toBe(true);
    expect(hit.entities[0]).toMatchObject({ name: 'Kouchner', type: 'Person' });
    expect(found.body.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Jalal Talabani']));
    // A phrase in the wrong order finds nothing; a prefix finds the same cable; dates narrow.
    expect((await get<TextSearchResult>('text-search?q=%22Talabani%20Jalal%22')).body.total).toBe(0);
    expect((await get<TextSearchResult>('text-search?q=kouch*')).body.cables.map((c) => c.id)).toContain('07PARIS3534');
    expect((await get<TextSearchResult>('text-search?q=Kouchner&until=1999')).body.total).toBe(0);
    // Paging: offset past the end is an empty page with the same total.
    const page = await get<TextSearchResult>(`text-search?q=Kouchner&offset=${found.body.total + 5}`);
    expect(page.body).toMatchObject({
      total: (await get<TextSearchResult>('text-search?q=Kouchner')).body.total,
      cables: [],
    });
    // Nothing to search for, or operators only: a 400 with the reason, never an SQLite error.
    expect(await get('text-search?q=-kouchner')).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST' } },
    });
    expect((await get('text-search?q=%22%20NEAR(%20AND')).status).toBe(200);
    expect((await get('text-search')).status).toBe(400);
  });

  it('bad requests: JSON errors with 400 and 404, limits capped', async () => {
    expect(await get('entity/nobody')).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'no entity nobody' } },
    });
    expect((await get('cable/99NOWHERE1')).status).toBe(404);
    // of two entities, the one that is missing (Kouchner is there)
    for (const route of [
      `paths?from=${kouchner}&to=nobody`,
      `evidence?a=nobody&b=${kouchner}`,
      `meetings/${kouchner}/nobody`,
    ])
      expect(await get(route)).toEqual({
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'no entity nobody' } },
      });
    expect((await get('search')).status).toBe(400);
    expect((await get<{ error: { message: string } }>('search?q=x&limit=ten')).body.error.message).toBe(
      'limit must be a whole number, got "ten"',
    );
    expect((await get('search?q=x&types=Spy')).status).toBe(400);
    expect((await get(`neighbourhood/${kouchner}?since=2007-13`)).status).toBe(400);
    expect((await get(`neighbourhood/${kouchner}?since=2008&until=2007`)).status).toBe(400);
    expect((await get(`neighbourhood/${kouchner}?hops=0`)).status).toBe(400);
    expect((await get('paths?from=a')).status).toBe(400);
    expect((await get('nothing-here')).status).toBe(404);
    // Limits above the caps are capped, not refused.
    expect((await ok<SearchHit[]>('search?q=a&limit=100000')).length).toBeLessThanOrEqual(50);
    const bad = await fetch(`${server!.url}/api/gexf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"nodes": "all"}',
    });
    expect(bad.status).toBe(400);
    const broken = await fetch(`${server!.url}/api/gexf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nodes',
    });
    expect(await broken.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'the body is not valid JSON' } });
  });

  it('user text never reaches Cypher as code: quotes and Lucene syntax are just words', async () => {
    for (const q of ["Kouchner' OR 1=1 //", 'Kouchner~ AND *:*', '") MATCH (n) DETACH DELETE n //']) {
      const { status, body } = await get<SearchHit[]>(`search?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(Array.isArray(body)).toBe(true);
    }
    expect((await ok<{ entities: number }>('stats')).entities).toBeGreaterThan(30);
  });
});
