import { startTestServer } from './helpers';

/**
 * Browsing cables by post, tag, signer and entity, and a cable's references both ways, over the
 * graph database of the two seed cables (05PARIS77 and 07PARIS3534, both sent by Embassy Paris,
 * undated; 05PARIS77 cites two cables outside the corpus). Both stores give the same bytes
 * (test/server/contract.test.ts); this suite checks the values.
 */
describe('browse routes (seeds, embedded store)', () => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await startTestServer('embedded');
  }, 300_000);
  afterAll(async () => server?.close());

  const get = async (route: string): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${server.url}/api/${route}`);
    return { status: response.status, body: await response.json() };
  };

  test('lookup: posts by name or canonical id, tags by code or meaning, a cable by its id in any form', async () => {
    expect((await get('lookup?q=paris')).body).toEqual([{ kind: 'post', id: 'post:PARIS', name: 'Paris', cables: 2 }]);
    const iz = (await get('lookup?q=iz')).body;
    expect(iz[0]).toEqual({ kind: 'tag', id: 'tag:IZ', name: 'IZ', detail: 'Iraq', cables: 2 });
    expect((await get('lookup?q=iraq')).body.map((h: { id: string }) => h.id)).toEqual(['tag:IZ']);
    // A prefix of a tag's meaning: "External Political Relations"
    expect((await get('lookup?q=political%20rel')).body.map((h: { id: string }) => h.id)).toEqual(['tag:PREL']);
    expect((await get('lookup?q=05%20PARIS%2077')).body[0]).toMatchObject({
      kind: 'cable',
      id: '05PARIS77',
      name: '05PARIS77',
    });
    expect((await get('lookup?q=2004STATE274965')).body[0]).toEqual({
      kind: 'cable',
      id: '04STATE274965',
      name: '04STATE274965',
      detail: 'not in the corpus: cited by other cables',
    });
    expect((await get('lookup?q=zzzz')).body).toEqual([]);
  });

  test('a post, a tag and a signer with their counts (a post by id, canonical name or name as written)', async () => {
    const paris = { id: 'post:PARIS', name: 'Paris', cables: 2, sent: 2, to: 0, info: 0 };
    for (const ref of ['post:PARIS', 'PARIS', 'AMEMBASSY%20PARIS', 'Embassy%20Paris'])
      expect((await get(`post/${ref}`)).body).toEqual(paris);
    expect((await get('tag/iz')).body).toEqual({
      id: 'tag:IZ',
      code: 'IZ',
      tagKind: 'country',
      label: 'Iraq',
      cables: 2,
    });
    expect((await get('signer/p-leach-229718bd')).body).toEqual({
      id: 'p-leach-229718bd',
      name: 'Leach',
      type: 'Person',
      signed: 1,
      classified: 0,
    });
    expect((await get('post/LONDON')).status).toBe(404);
    expect((await get('tag/ZZ')).status).toBe(404);
  });

  test('cables of a filter: every condition holds; what the filter names comes with them; undated cables drop out of a date range', async () => {
    const fromParis = (await get('cables?from=PARIS')).body;
    expect(fromParis.filter).toEqual({ from: 'post:PARIS' });
    expect(fromParis.subjects.from).toMatchObject({ id: 'post:PARIS', sent: 2 });
    expect(fromParis.total).toBe(2);
    expect(fromParis.cables.map((c: { id: string }) => c.id)).toEqual(['05PARIS77', '07PARIS3534']);
    expect((await get('cables?from=PARIS&order=newest')).body.cables.map((c: { id: string }) => c.id)).toEqual([
      '05PARIS77',
      '07PARIS3534',
    ]);
    const iz = (await get('cables?tag=IZ&signer=p-pekala-17e761f7')).body;
    expect({ total: iz.total, ids: iz.cables.map((c: { id: string }) => c.id) }).toEqual({
      total: 1,
      ids: ['07PARIS3534'],
    });
    expect((await get('cables?tag=PROP&signer=p-pekala-17e761f7')).body.total).toBe(0);
    expect((await get('cables?to=PARIS')).body.total).toBe(0);
    expect((await get('cables?post=PARIS&since=2005')).body.total).toBe(0);
    const page = (await get('cables?post=PARIS&limit=1&offset=1')).body;
    expect({ total: page.total, offset: page.offset, ids: page.cables.map((c: { id: string }) => c.id) }).toEqual({
      total: 2,
      offset: 1,
      ids: ['07PARIS3534'],
    });
  });

  test('facets count over every matching cable; the entities exclude the cable’s own signer', async () => {
    const facets = (await get('cables/facets?post=PARIS&size=3')).body;
    expect(facets.total).toBe(2);
    expect(facets.months).toEqual([]);
    expect(facets.origins).toEqual([{ id: 'post:PARIS', name: 'Paris', cables: 2 }]);
    expect(facets.recipients).toEqual([]);
    expect(facets.tags).toEqual([
      { id: 'tag:FR', code: 'FR', name: 'France', cables: 2 },
      { id: 'tag:IZ', code: 'IZ', name: 'Iraq', cables: 2 },
      { id: 'tag:PREL', code: 'PREL', name: 'External Political Relations', cables: 2 },
    ]);
    expect(facets.signers).toEqual([
      { id: 'p-leach-229718bd', name: 'Leach', cables: 1 },
      { id: 'p-pekala-17e761f7', name: 'Pekala', cables: 1 },
    ]);
    expect(facets.entities.length).toBe(3);
    expect(facets.entities.map((e: { id: string }) => e.id)).not.toContain('p-leach-229718bd');
    for (const e of facets.entities) {
      const named = (await get(`cables?post=PARIS&entity=${e.id}`)).body.total;
      expect({ id: e.id, cables: e.cables }).toEqual({ id: e.id, cables: named });
    }
  });

  test('a cable’s links: posts, tags and authors as nodes; references both ways, those outside the corpus marked', async () => {
    const links = (await get('cable/05PARIS77/links')).body;
    expect(links).toMatchObject({
      id: '05PARIS77',
      inCorpus: true,
      from: { id: 'post:PARIS', name: 'Paris' },
      to: [],
      info: [],
      signers: [{ id: 'p-leach-229718bd', name: 'Leach' }],
      citedBy: [],
    });
    expect(links.tags.map((t: { code: string }) => t.code)).toEqual(['FR', 'IZ', 'PHUM', 'PREL', 'PROP']);
    expect(links.cites).toEqual([
      { id: '04PARIS9098', inCorpus: false },
      { id: '04STATE274965', inCorpus: false },
    ]);
    expect((await get('cable/04STATE274965/links')).body).toEqual({
      id: '04STATE274965',
      inCorpus: false,
      to: [],
      info: [],
      tags: [],
      signers: [],
      classifiedBy: [],
      cites: [],
      citedBy: [
        {
          id: '05PARIS77',
          subject: "GOF WON'T BE JOINING INTERNATIONAL MISSION FOR IRAQ ELECTIONS, STRESSES SUPPORT VIA OTHER MEANS",
          origin: 'Paris',
          classification: 'CONFIDENTIAL',
        },
      ],
    });
    expect((await get('cable/2005%20PARIS%20000077/links')).body.id).toBe('05PARIS77');
    expect((await get('cable/05PARIS99/links')).status).toBe(404);
  });

  test('GET /api/cable/:id takes the id in any form the parser reads', async () => {
    for (const typed of ['05PARIS77', '05%20PARIS%2077', '2005PARIS000077', '05paris77'])
      expect((await get(`cable/${typed}`)).body.id).toBe('05PARIS77');
  });

  test('a list taken away as CSV and Markdown, with links to the viewer and the public copy', async () => {
    const csv = await fetch(`${server.url}/api/cables/export?from=PARIS&tag=IZ&format=csv`);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename=cablegraph-cables-sent-by-paris-tagged-iz-iraq.csv',
    );
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('cable,date,origin,classification,subject,viewer_url,public_url');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['05PARIS77', '07PARIS3534']);
    expect(lines[1]).toContain(`${server.url}/#/cable/05PARIS77,https://wikileaks.org/plusd/cables/05PARIS77_a.html`);
    const markdown = await (await fetch(`${server.url}/api/cables/export?signer=p-leach-229718bd`)).text();
    expect(markdown.split('\n').slice(0, 2)).toEqual(['# Cables signed by Leach', '']);
    expect(markdown).toMatch(/^1 cable; taken from cablegraph on \d{4}-\d{2}-\d{2}\.$/m);
    expect(markdown).toContain(
      `- **[05PARIS77](${server.url}/#/cable/05PARIS77)** Paris · CONFIDENTIAL — GOF WON'T BE JOINING`,
    );
    expect((await fetch(`${server.url}/api/cables/export?tag=IZ&format=pdf`)).status).toBe(400);
  });

  test('bad requests are refused with a message', async () => {
    expect(await get('cables')).toEqual({
      status: 400,
      body: {
        error: {
          code: 'BAD_REQUEST',
          message: 'name the cables: post, from, to, tag, signer or entity (and since, until to narrow them)',
        },
      },
    });
    expect((await get('cables?post=PARIS&since=2008&until=2007')).body.error.message).toBe('until is before since');
    expect((await get('cables?post=PARIS&since=May')).status).toBe(400);
    expect((await get('cables?post=PARIS&order=random')).status).toBe(400);
    expect((await get('cables?post=PARIS&limit=0')).status).toBe(400);
    expect(await get('cables?post=LONDON')).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'no post LONDON' } },
    });
    expect((await get('cables/facets?signer=nobody')).body.error.message).toBe('no person nobody');
    expect((await get('lookup')).status).toBe(400);
  });
});
