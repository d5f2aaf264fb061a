import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseCsv } from 'csv-parse/sync';
import { startServer } from '../../src/cli/serve-command';
import { STORE_KINDS, builtGraph, startTestServer, type StoreKind, storeAvailable } from './helpers';
import type { Bookmark } from '../../src/model';
import { type EntityDetail, type PairEvidence, type PathsResult, type SearchHit } from '../../src/model';

/** Taking evidence away (CSV, Markdown) and bookmarks, over both stores, on the seed cables. */
describe.each(STORE_KINDS)('evidence exports and bookmarks over the %s store (seeds)', (kind: StoreKind) => {
  let server: { url: string; close(): Promise<void> } | undefined;
  const curation = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-takeaway-')), 'curation.jsonl');
  const bookmarksFile = path.join(path.dirname(curation), 'bookmarks.jsonl');
  const json = async <T>(route: string, init?: RequestInit): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${server!.url}/api/${route}`, init);
    return { status: response.status, body: (await response.json()) as T };
  };
  const text = async (route: string): Promise<{ status: number; type: string; disposition: string; body: string }> => {
    const response = await fetch(`${server!.url}/api/${route}`);
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      disposition: response.headers.get('content-disposition') ?? '',
      body: await response.text(),
    };
  };
  let kouchner = '';
  let talabani = '';

  beforeAll(async () => {
    if (!(await storeAvailable(kind))) return;
    server = await startTestServer(kind, undefined, { curation });
    kouchner = (await json<SearchHit[]>('search?q=Kouchner')).body[0].id;
    talabani = (await json<SearchHit[]>('search?q=Talabani')).body[0].id;
  }, 120_000);
  afterAll(async () => server?.close());
  const it = (name: string, fn: () => Promise<void>) => test(name, async () => (server ? fn() : undefined), 120_000);

  it('an edge as CSV: one row per passage of every cable naming both, readable text, links', async () => {
    const evidence = (await json<PairEvidence>(`evidence?a=${kouchner}&b=${talabani}&limit=100`)).body;
    const csv = await text(`takeaway/evidence?a=${kouchner}&b=${talabani}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe('attachment; filename=cablegraph-evidence-kouchner-jalal-talabani.csv');
    const rows = parseCsv(csv.body, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0])).toEqual([
      'entity_a',
      'entity_b',
      'link_cables',
      'link_weight',
      'cable',
      'date',
      'subject',
      'origin',
      'classification',
      'paragraph',
      'shared_paragraph',
      'passage',
      'viewer_url',
      'public_url',
    ]);
    expect(rows.length).toBe(evidence.cables.reduce((n, c) => n + Math.max(1, c.passages.length), 0));
    expect([...new Set(rows.map((r) => r.cable))]).toEqual(evidence.cables.map((c) => c.id));
    const row = rows.find((r) => r.cable === '07PARIS3534')!;
    expect(row).toMatchObject({
      entity_a: 'Kouchner',
      entity_b: 'Jalal Talabani',
      link_cables: String(evidence.edge!.cableCount),
      shared_paragraph: 'yes',
      public_url: 'https://wikileaks.org/plusd/cables/07PARIS3534_a.html',
    });
    expect(row.viewer_url).toBe(`${server!.url}/#/cable/07PARIS3534`);
    expect(row.passage).toContain('Talabani');
    for (const r of rows) expect(r.passage).not.toMatch(/\n|SIPDIS/);
  });

  it('an edge as Markdown: heading with entity links and exact counts, cables linked, names in bold', async () => {
    const md = await text(`takeaway/evidence?a=${kouchner}&b=${talabani}`);
    expect(md.status).toBe(200);
    expect(md.type).toBe('text/markdown; charset=utf-8');
    expect(md.body).toMatch(/^# Kouchner ↔ Jalal Talabani\n\nExported from cablegraph on \d{4}-\d{2}-\d{2}\./);
    expect(md.body).toContain(
      `## [Kouchner](${server!.url}/#/entity/${encodeURIComponent(kouchner)}) ↔ [Jalal Talabani](${server!.url}/#/entity/${encodeURIComponent(talabani)})`,
    );
    expect(md.body).toMatch(/\n1 cable names both \(co-mentioned in 1, weight \d+/);
    expect(md.body).toContain(`- **[07PARIS3534](${server!.url}/#/cable/07PARIS3534)**`);
    expect(md.body).toContain('([public copy](https://wikileaks.org/plusd/cables/07PARIS3534_a.html))');
    expect(md.body).toMatch(/\*\*Jalal Talabani\*\*|\*\*Talabani\*\*/);
  });

  it('a path and an entity: one section per link, in order', async () => {
    const paths = (await json<PathsResult>(`paths?from=${talabani}&to=${kouchner}&maxHops=3`)).body;
    const ids = paths.paths[0].nodes.map((n) => n.id);
    const csv = await text(`takeaway/path?ids=${ids.join(',')}&format=csv`);
    expect(csv.status).toBe(200);
    const links = [
      ...new Set(
        (parseCsv(csv.body, { columns: true }) as Array<Record<string, string>>).map(
          (r) => `${r.entity_a}|${r.entity_b}`,
        ),
      ),
    ];
    expect(links).toHaveLength(ids.length - 1);
    const detail = (await json<EntityDetail>(`entity/${kouchner}?neighbours=5`)).body;
    const md = await text(`takeaway/entity/${kouchner}?links=5`);
    expect(md.status).toBe(200);
    expect(md.body.match(/^## /gm)).toHaveLength(detail.neighbours.length);
    expect(md.body).toContain(`# Kouchner: the evidence behind its ${detail.neighbours.length} strongest links`);
  });

  it('bad requests: a 400 or 404 as JSON', async () => {
    expect((await json(`takeaway/evidence?a=${kouchner}&b=${talabani}&format=pdf`)).status).toBe(400);
    expect((await json(`takeaway/evidence?a=${kouchner}&b=nobody`)).status).toBe(404);
    expect((await json(`takeaway/path?ids=${kouchner}`)).status).toBe(400);
    expect((await json('takeaway/entity/nobody')).status).toBe(404);
    expect((await json(`takeaway/entity/${kouchner}?links=lots`)).status).toBe(400);
  });

  it('bookmarks: set with a note, change it, remove; one appended line each, beside the curation file', async () => {
    const post = (body: unknown) =>
      json<{ bookmarks: Bookmark[]; file: string }>('bookmarks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await json<{ enabled: boolean; bookmarks: Bookmark[] }>('bookmarks')).body).toMatchObject({
      enabled: true,
      bookmarks: [],
    });
    const first = await post({ kind: 'entity', id: talabani, note: 'met Kouchner in Irbil', author: 'analyst' });
    expect(first.status).toBe(200);
    expect(first.body.file).toBe(bookmarksFile);
    expect(first.body.bookmarks).toEqual([
      expect.objectContaining({
        kind: 'entity',
        id: talabani,
        label: 'Jalal Talabani',
        note: 'met Kouchner in Irbil',
        author: 'analyst',
      }),
    ]);
    await post({ kind: 'cable', id: '07PARIS3534', author: 'analyst' });
    const changed = await post({ kind: 'entity', id: talabani, note: 'check the date', author: 'analyst' });
    expect(changed.body.bookmarks.map((b) => [b.kind, b.id, b.note])).toEqual([
      ['entity', talabani, 'check the date'],
      ['cable', '07PARIS3534', undefined],
    ]);
    expect(changed.body.bookmarks[1].label).toMatch(/KOUCHNER/);
    const removed = await json<{ bookmarks: Bookmark[] }>(`bookmarks/cable/07PARIS3534`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(removed.body.bookmarks.map((b) => b.id)).toEqual([talabani]);
    const lines = fs
      .readFileSync(bookmarksFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.seq, l.op, l.kind, l.id])).toEqual([
      [1, 'set', 'entity', talabani],
      [2, 'set', 'cable', '07PARIS3534'],
      [3, 'set', 'entity', talabani],
      [4, 'remove', 'cable', '07PARIS3534'],
    ]);
    expect((await post({ kind: 'entity', id: 'nobody' })).status).toBe(404);
    expect((await post({ kind: 'post', id: talabani })).status).toBe(400);
    expect(
      (
        await json('bookmarks/cable/07PARIS3534', {
          method: 'DELETE',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(404);
    // Clean for the other store's run.
    await json(`bookmarks/entity/${talabani}`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  });
});

test('a read-only server shows bookmarks and changes none', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-takeaway-ro-'));
  fs.writeFileSync(
    path.join(dir, 'bookmarks.jsonl'),
    `${JSON.stringify({ seq: 1, at: '2026-01-01T00:00:00.000Z', author: 'a', op: 'set', kind: 'cable', id: '07PARIS3534', label: 'X' })}\n`,
  );
  const server = await startServer(await builtGraph(), {
    port: '0',
    quiet: true,
    curation: path.join(dir, 'curation.jsonl'),
    readOnly: true,
  });
  try {
    const list = (await (await fetch(`${server.url}/api/bookmarks`)).json()) as {
      readOnly: boolean;
      bookmarks: Bookmark[];
    };
    expect(list.readOnly).toBe(true);
    expect(list.bookmarks.map((b) => b.id)).toEqual(['07PARIS3534']);
    const post = await fetch(`${server.url}/api/bookmarks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'cable', id: '05PARIS77' }),
    });
    expect(post.status).toBe(403);
  } finally {
    await server.close();
  }
});
