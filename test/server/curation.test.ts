import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STORE_KINDS, builtGraph, copyOfGraph, startTestServer, type StoreKind, storeAvailable } from './helpers';
import { type DecisionSummary, type EntityDetail, type SearchHit, type Subgraph } from '../../src/model';

const BAGDHAD = 'p-bagdhad-218ea3d4';
const BAGHDAD = 'p-baghdad-c02fc0c6';

/**
 * Curation through the API, on both stores: a decision is appended to the curation file and taken in the graph
 * database (one transaction), and what the viewer is served changes with it — and back on undo. For Neo4j the
 * database gets only the difference; afterwards it answers exactly as the graph database does.
 */
describe.each(STORE_KINDS)('curation through the API (%s store)', (kind: StoreKind) => {
  let server: { url: string; close(): Promise<void> } | undefined;
  let graphFile = '';
  let curationFile = '';
  const call = async <T>(route: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(
      `${server!.url}/api/${route}`,
      body === undefined
        ? {}
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    if (!(await storeAvailable(kind))) return;
    graphFile = copyOfGraph(await builtGraph());
    curationFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-curation-')), 'curation.jsonl');
    server = await startTestServer(kind, graphFile, { curation: curationFile });
  }, 120_000);
  afterAll(async () => server?.close());

  test('merge, see one node with both aliases and the summed weight; undo; the same graph as before', async () => {
    if (!server) return;
    const before = (await call<Subgraph>(`neighbourhood/${BAGHDAD}?limit=200`)).body;
    const merged = await call<DecisionSummary>('curation', {
      op: 'merge',
      ids: [BAGDHAD, BAGHDAD],
      into: BAGHDAD,
      author: 'test',
      note: 'typo',
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      decision: { seq: 1, op: 'merge', author: 'test', note: 'typo' },
      removed: [BAGDHAD],
    });
    expect(merged.body.changed).toContain(BAGHDAD);
    expect(fs.readFileSync(curationFile, 'utf8')).toMatch(
      /^\{"seq":1,"op":"merge","ids":\["p-bagdhad-218ea3d4","p-baghdad-c02fc0c6"\],"into":"p-baghdad-c02fc0c6"/,
    );

    expect((await call('entity/' + BAGDHAD)).status).toBe(404);
    const entity = (await call<EntityDetail>(`entity/${BAGHDAD}`)).body;
    expect(entity.aliases.map((a) => a.text).sort()).toEqual(['Bagdhad', 'Baghdad']);
    const hits = (await call<SearchHit[]>('search?q=Bagdhad')).body;
    expect(hits.map((h) => h.id)).toEqual([BAGHDAD]);
    expect((await call<{ decisions: unknown[] }>('curation')).body.decisions).toHaveLength(1);

    const undone = await call<DecisionSummary>('curation', { op: 'undo', decision: 1, author: 'test' });
    expect(undone.body).toMatchObject({ decision: { seq: 2, op: 'undo', decision: 1 }, added: [BAGDHAD] });
    expect((await call<Subgraph>(`neighbourhood/${BAGHDAD}?limit=200`)).body).toEqual(before);
  });

  test('reject and rename show at once; bad decisions are refused with a reason', async () => {
    if (!server) return;
    const neither = (await call<SearchHit[]>('search?q=Neither%20Saddam')).body[0].id;
    expect((await call('curation', { op: 'reject', id: neither, author: 'test' })).status).toBe(200);
    expect((await call('entity/' + neither)).status).toBe(404);
    const kouchner = (await call<SearchHit[]>('search?q=Kouchner')).body[0].id;
    expect(
      (await call('curation', { op: 'rename', id: kouchner, name: 'Bernard Kouchner', author: 'test' })).status,
    ).toBe(200);
    expect((await call<EntityDetail>(`entity/${kouchner}`)).body.name).toBe('Bernard Kouchner');
    expect((await call<SearchHit[]>('search?q=Bernard%20Kouchner')).body[0]).toMatchObject({
      id: kouchner,
      match: 'exact',
    });

    expect(await call('curation', { op: 'merge', ids: [kouchner], into: kouchner })).toEqual({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', message: 'merge needs "ids": at least two entity ids' } },
    });
    expect((await call('curation', { op: 'rename', id: 'p-nobody', name: 'X' })).status).toBe(404);
    expect((await call('curation', { op: 'launch' })).status).toBe(400);
    expect((await call('curation', { op: 'undo', decision: 99 })).status).toBe(400);
    expect(fs.readFileSync(curationFile, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  test('the decisions are kept: a server over the curated graph database shows them', async () => {
    if (!server) return;
    const again = await startTestServer('embedded', graphFile, { curation: curationFile });
    try {
      const mine = await call<Subgraph>('overview?limit=100');
      const response = await fetch(`${again.url}/api/overview?limit=100`);
      expect(await response.json()).toEqual(mine.body);
      expect(mine.body.nodes.some((n) => n.name === 'Bernard Kouchner')).toBe(true);
      expect(mine.body.nodes.some((n) => n.name === 'Neither Saddam')).toBe(false);
    } finally {
      await again.close();
    }
  });

  test('suggestions for review list the Bagdhad/Baghdad spelling', async () => {
    if (!server) return;
    const suggestions = (
      await call<Array<{ keep: { id: string }; merge: { id: string }; reason: string }>>('curation/suggest')
    ).body;
    expect(suggestions[0]).toMatchObject({ keep: { id: BAGHDAD }, merge: { id: BAGDHAD }, reason: 'spelling' });
  });
});
