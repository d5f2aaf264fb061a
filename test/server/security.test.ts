import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { startServer, type RunningServer } from '../../src/cli/serve-command';
import { builtGraph, copyOfGraph } from './helpers';
import { type SearchHit } from '../../src/model';

/** A request as a hostile page or script would send it: every header ours to choose (Host too). */
function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers ?? {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** What no answer may carry: a stack frame, a source file, the server's folders. */
const LEAK = /\bat [\w.<>]+ \(|\.(?:js|ts):\d+|node_modules|\/work\/|\/tmp\/|\/home\/|\/usr\//;

function expectCleanJsonError(
  answer: { status: number; headers: http.IncomingHttpHeaders; body: string },
  status: number,
  code?: string,
): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe('string');
  if (code) expect(body.error.code).toBe(code);
  expect(answer.body).not.toMatch(LEAK);
}

describe('the server is safe by default (loopback, curation on)', () => {
  let server: RunningServer;
  let curationFile = '';
  let host = '';
  let kouchner = '';
  const curationLines = (): number =>
    fs.existsSync(curationFile) ? fs.readFileSync(curationFile, 'utf8').trim().split('\n').filter(Boolean).length : 0;
  const rename = (name: string): string => JSON.stringify({ op: 'rename', id: kouchner, name, author: 'test' });

  beforeAll(async () => {
    curationFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-security-')), 'curation.jsonl');
    server = await startServer(copyOfGraph(await builtGraph()), { port: '0', quiet: true, curation: curationFile });
    host = new URL(server.url).host;
    kouchner = ((await (await fetch(`${server.url}/api/search?q=Kouchner`)).json()) as SearchHit[])[0].id;
  }, 120_000);
  afterAll(async () => server?.close());

  test('security headers on every answer: API, page, static file, error', async () => {
    for (const route of ['/api/stats', '/', '/api/nothing', '/api/entity/%ZZ']) {
      const answer = await raw(server.url, { path: route, headers: { host } });
      const csp = String(answer.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['x-powered-by']).toBeUndefined();
    }
  });

  test("a foreign Host is refused on every request (DNS rebinding); this machine's names are answered", async () => {
    const port = new URL(server.url).port;
    for (const route of ['/api/stats', '/', '/api/search?q=Kouchner']) {
      expectCleanJsonError(
        await raw(server.url, { path: route, headers: { host: `evil.example:${port}` } }),
        403,
        'FORBIDDEN_HOST',
      );
    }
    expectCleanJsonError(
      await raw(server.url, { path: '/api/stats', headers: { host: `127.0.0.1.evil.example:${port}` } }),
      403,
      'FORBIDDEN_HOST',
    );
    const before = curationLines();
    const write = await raw(server.url, {
      method: 'POST',
      path: '/api/curation',
      headers: { host: `evil.example:${port}`, 'content-type': 'application/json' },
      body: rename('Rebound'),
    });
    expectCleanJsonError(write, 403, 'FORBIDDEN_HOST');
    expect(curationLines()).toBe(before);
    for (const name of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'localhost']) {
      expect((await raw(server.url, { path: '/api/stats', headers: { host: name } })).status).toBe(200);
    }
  });

  test("a write from another origin is refused and changes nothing; from the viewer's own origin it is taken", async () => {
    const before = curationLines();
    const post = (headers: Record<string, string>, body = rename('Evil')) =>
      raw(server.url, {
        method: 'POST',
        path: '/api/curation',
        headers: { host, 'content-type': 'application/json', ...headers },
        body,
      });
    expectCleanJsonError(await post({ origin: 'http://evil.example' }), 403, 'FORBIDDEN_ORIGIN');
    expectCleanJsonError(await post({ origin: 'null' }), 403, 'FORBIDDEN_ORIGIN');
    expectCleanJsonError(await post({ origin: `http://${host}.evil.example` }), 403, 'FORBIDDEN_ORIGIN');
    expectCleanJsonError(await post({ 'sec-fetch-site': 'cross-site' }), 403, 'FORBIDDEN_ORIGIN');
    expectCleanJsonError(await post({ 'sec-fetch-site': 'same-site' }), 403, 'FORBIDDEN_ORIGIN');
    expectCleanJsonError(
      await raw(server.url, {
        method: 'POST',
        path: '/api/gexf',
        headers: { host, 'content-type': 'application/json', origin: 'http://evil.example' },
        body: JSON.stringify({ nodes: [kouchner] }),
      }),
      403,
      'FORBIDDEN_ORIGIN',
    );
    expect(curationLines()).toBe(before);

    const own = await post({ origin: `http://${host}`, 'sec-fetch-site': 'same-origin' }, rename('Bernard Kouchner'));
    expect(own.status).toBe(200);
    expect(curationLines()).toBe(before + 1);
  }, 60_000);

  test('reads from another site are refused before any work', async () => {
    expectCleanJsonError(
      await raw(server.url, { path: '/api/search?q=Kouchner', headers: { host, 'sec-fetch-site': 'cross-site' } }),
      403,
      'FORBIDDEN_ORIGIN',
    );
    expect(
      (await raw(server.url, { path: '/api/search?q=Kouchner', headers: { host, 'sec-fetch-site': 'same-origin' } }))
        .status,
    ).toBe(200);
    expect((await raw(server.url, { path: '/api/stats', headers: { host, 'sec-fetch-site': 'none' } })).status).toBe(
      200,
    );
  });

  test('writes take JSON only: a simple cross-site request (text/plain, form, multipart) is refused with 415', async () => {
    const before = curationLines();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expectCleanJsonError(
        await raw(server.url, {
          method: 'POST',
          path: '/api/curation',
          headers: { host, 'content-type': type },
          body: rename('Plain'),
        }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
    expectCleanJsonError(
      await raw(server.url, { method: 'POST', path: '/api/curation', headers: { host }, body: rename('No type') }),
      415,
    );
    expect(curationLines()).toBe(before);
  });

  test('malformed requests get a clean JSON 4xx: no stack, no file path', async () => {
    const h = { host };
    expectCleanJsonError(await raw(server.url, { path: '/api/entity/%ZZ', headers: h }), 400, 'BAD_REQUEST');
    expectCleanJsonError(
      await raw(server.url, { path: `/api/cable/${'%'.repeat(40)}`, headers: h }),
      400,
      'BAD_REQUEST',
    );
    expectCleanJsonError(
      await raw(server.url, { path: '/api/neighbourhood/%E0%A4%A', headers: h }),
      400,
      'BAD_REQUEST',
    );
    // Static files: an unsatisfiable Range, a failed If-Match (express's dev pages carried stacks).
    expectCleanJsonError(
      await raw(server.url, { path: '/', headers: { ...h, range: 'bytes=999999999-' } }),
      416,
      'RANGE_NOT_SATISFIABLE',
    );
    expectCleanJsonError(
      await raw(server.url, { path: '/', headers: { ...h, 'if-match': '"nope"' } }),
      412,
      'PRECONDITION_FAILED',
    );
    const post = (headers: Record<string, string>, body: string | Buffer) =>
      raw(server.url, { method: 'POST', path: '/api/curation', headers: { ...h, ...headers }, body });
    expectCleanJsonError(
      await post({ 'content-type': 'application/json; charset=koi9-r' }, '{}'),
      415,
      'UNSUPPORTED_CHARSET',
    );
    expectCleanJsonError(
      await post({ 'content-type': 'application/json', 'content-encoding': 'bogus' }, '{}'),
      415,
      'UNSUPPORTED_ENCODING',
    );
    expectCleanJsonError(
      await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'not gzip at all'),
      400,
    );
    expectCleanJsonError(await post({ 'content-type': 'application/json' }, '{"op": '), 400, 'BAD_REQUEST');
    // Capped: bodies (a decision is a few ids) and the request target.
    expectCleanJsonError(
      await post(
        { 'content-type': 'application/json' },
        JSON.stringify({ op: 'rename', id: kouchner, name: 'x'.repeat(100_000) }),
      ),
      413,
      'TOO_LARGE',
    );
    expectCleanJsonError(
      await raw(server.url, { path: `/api/search?q=${'a'.repeat(5000)}`, headers: h }),
      414,
      'URI_TOO_LONG',
    );
    expectCleanJsonError(await raw(server.url, { path: '/api/nothing', headers: h }), 404, 'NOT_FOUND');
  });
});

describe('beyond loopback the API needs the token', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(await builtGraph(), {
      port: '0',
      quiet: true,
      host: '0.0.0.0',
      readOnly: true,
      allowHost: ['cables.example.org'],
    });
  }, 120_000);
  afterAll(async () => server?.close());

  test('a fresh token is made, and the printed URL names the machine', () => {
    expect(server.exposed).toBe(true);
    expect(server.token).toMatch(/^[\w-]{32}$/);
    expect(server.url).toBe(`http://${os.hostname()}:${new URL(server.url).port}`);
  });

  test('no token or a wrong one: 401 on every API route; the token in its header or as a bearer: answered', async () => {
    const port = new URL(server.url).port;
    const local = `http://127.0.0.1:${port}`;
    const host = `127.0.0.1:${port}`;
    expectCleanJsonError(await raw(local, { path: '/api/stats', headers: { host } }), 401, 'TOKEN_REQUIRED');
    expectCleanJsonError(
      await raw(local, {
        path: '/api/search?q=Kouchner',
        headers: { host, 'x-cablegraph-token': 'guess-guess-guess-guess' },
      }),
      401,
      'TOKEN_INVALID',
    );
    expectCleanJsonError(
      await raw(local, { path: `/api/stats?token=${server.token}`, headers: { host } }),
      401,
      'TOKEN_REQUIRED',
    );
    expect(
      (await raw(local, { path: '/api/stats', headers: { host, 'x-cablegraph-token': server.token! } })).status,
    ).toBe(200);
    expect(
      (await raw(local, { path: '/api/stats', headers: { host, authorization: `Bearer ${server.token}` } })).status,
    ).toBe(200);
    // The page itself holds no data: it loads, then sends the token it finds in its URL.
    expect((await raw(local, { path: `/?token=${server.token}`, headers: { host } })).status).toBe(200);
  });

  test("the Host check still holds: the machine's names and --allow-host ones are answered, others refused", async () => {
    const port = new URL(server.url).port;
    const local = `http://127.0.0.1:${port}`;
    const token = { 'x-cablegraph-token': server.token! };
    expectCleanJsonError(
      await raw(local, { path: '/api/stats', headers: { host: `evil.example:${port}`, ...token } }),
      403,
      'FORBIDDEN_HOST',
    );
    expect(
      (await raw(local, { path: '/api/stats', headers: { host: `cables.example.org:${port}`, ...token } })).status,
    ).toBe(200);
    expect(
      (await raw(local, { path: '/api/stats', headers: { host: `${os.hostname()}:${port}`, ...token } })).status,
    ).toBe(200);
  });
});

describe('token options', () => {
  test('--no-token needs --read-only; a --token must be long enough; a given token is required even on loopback', async () => {
    const graph = await builtGraph();
    await expect(startServer(graph, { port: '0', quiet: true, host: '0.0.0.0', token: false })).rejects.toThrow(
      '--no-token lets anyone who reaches the server change the curation: add --read-only',
    );
    await expect(startServer(graph, { port: '0', quiet: true, token: 'short' })).rejects.toThrow(
      '--token wants 16 to 200 printable characters',
    );
    const server = await startServer(graph, {
      port: '0',
      quiet: true,
      token: 'a-token-of-twenty-chars',
      readOnly: true,
    });
    try {
      expect(server.exposed).toBe(false);
      expect((await fetch(`${server.url}/api/stats`)).status).toBe(401);
      expect(
        (await fetch(`${server.url}/api/stats`, { headers: { 'x-cablegraph-token': 'a-token-of-twenty-chars' } }))
          .status,
      ).toBe(200);
    } finally {
      await server.close();
    }
    const open = await startServer(graph, { port: '0', quiet: true, host: '0.0.0.0', token: false, readOnly: true });
    try {
      expect(open.token).toBeUndefined();
      const port = new URL(open.url).port;
      expect((await fetch(`http://127.0.0.1:${port}/api/stats`)).status).toBe(200);
    } finally {
      await open.close();
    }
  }, 120_000);
});
