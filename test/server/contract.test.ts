import * as fs from 'fs';
import * as path from 'path';
import { CORPUS, builtGraph, startTestServer, storeAvailable } from './helpers';
import type { EntityRelations, SearchHit } from '../../src/model';

/**
 * One contract, two stores: on the 1,055-cable shared corpus, the graph database (SQLite store)
 * and Neo4j (loaded from it) give byte-identical answers to the same requests — search ranking,
 * neighbourhoods with every filter, overview, paths, evidence with passages, cable views, and
 * browsing by post, tag, signer and entity (lists, facets, references both ways), roles and
 * meetings (a pair's, and the meeting links among a view).
 */
describe('SQLite and Neo4j stores answer identically (shared corpus)', () => {
  let embedded: { url: string; close(): Promise<void> } | undefined;
  let neo4j: { url: string; close(): Promise<void> } | undefined;

  beforeAll(async () => {
    if (!(await storeAvailable('neo4j'))) return;
    const file = await builtGraph([CORPUS]);
    embedded = await startTestServer('embedded', file);
    neo4j = await startTestServer('neo4j', file);
    // Building the corpus and loading it into Neo4j took over 600 s at load average 35 on 2 cores.
  }, 1_500_000);
  afterAll(async () => {
    await embedded?.close();
    await neo4j?.close();
  });

  const both = async (route: string): Promise<[unknown, unknown]> => {
    // The bytes as sent (only the store's name in /api/stats differs).
    const read = async (url: string) => {
      const response = await fetch(`${url}/api/${route}`);
      return {
        status: response.status,
        body: (await response.text()).replace(/^\{"store":"(embedded|neo4j)"/, '{"store":"-"'),
      };
    };
    return [await read(embedded!.url), await read(neo4j!.url)];
  };

  test('the same answers to a battery of requests', async () => {
    if (!embedded) return;
    const id = async (q: string, type: string): Promise<string> => {
      const hits = (await (
        await fetch(`${embedded!.url}/api/search?q=${encodeURIComponent(q)}&types=${type}`)
      ).json()) as SearchHit[];
      return hits[0].id;
    };
    const kouchner = await id('Bernard Kouchner', 'Person');
    const talabani = await id('Jalal Talabani', 'Person');
    const sarkozy = await id('Sarkozy', 'Person');
    const iran = await id('Iran', 'Place');
    const stapleton = await id('Craig Stapleton', 'Person');
    const aguirre = await id('Eduardo Aguirre', 'Person');
    expect(new Set([kouchner, talabani, sarkozy, iran, stapleton, aguirre]).size).toBe(6);
    const routes = [
      'stats',
      'search?q=kouchner',
      'search?q=kouch',
      'search?q=Talabny&types=Person',
      'search?q=united%20sta',
      'search?q=ministry%20foreign&types=Organization&limit=50',
      `entity/${kouchner}`,
      `entity/${iran}?neighbours=100`,
      `entity/${kouchner}?neighbours=0`,
      `neighbourhood/${kouchner}?limit=1`,
      `neighbourhood/${iran}?hops=3&limit=40&types=Person`,
      `neighbourhood/${kouchner}`,
      `neighbourhood/${kouchner}?hops=2&limit=300&minWeight=3`,
      `neighbourhood/${kouchner}?since=2009&types=Person,Organization`,
      `neighbourhood/${talabani}?until=2008-06&limit=30`,
      'overview?limit=200',
      'overview?limit=100&types=Organization&since=2008',
      'overview?community=1&limit=50&minWeight=5',
      `paths?from=${kouchner}&to=${talabani}`,
      `paths?from=${talabani}&to=${sarkozy}&minWeight=2&limit=10`,
      `paths?from=${kouchner}&to=${iran}&maxHops=1`,
      `evidence?a=${kouchner}&b=${talabani}`,
      `evidence?a=${kouchner}&b=${sarkozy}&limit=5&offset=2`,
      'cable/07PARIS3534',
      'cable/10PARIS189',
      'entity/nobody',
      // roles, affiliations and meetings (issue 17): a person's, a country's (the roles held over it), a post's, an unknown id
      `relations/${kouchner}`,
      `relations/${sarkozy}`,
      `relations/${iran}`,
      `relations/${encodeURIComponent('post:Embassy Paris')}`,
      'relations/nobody',
      // the canvas's meetings (a pair's passages; the links among a view are POSTed, below)
      `meetings/${stapleton}/${kouchner}`,
      `meetings/${kouchner}/${sarkozy}`,
      `meetings/${talabani}/nobody`,
    ];
    // Browsing by metadata: posts, tags, signers, references (browse-routes.ts); each answers (the unknown post: 404).
    const browsing = [
      'lookup?q=paris',
      'lookup?q=iz',
      'lookup?q=stat&limit=30',
      'lookup?q=07%20PARIS%203534',
      'lookup?q=09BERLIN1167',
      'post/PARIS',
      'post/post:STATE',
      'tag/IZ',
      `signer/${stapleton}`,
      'cables?from=PARIS&tag=IZ&since=2007&until=2007',
      'cables/facets?from=PARIS&tag=IZ&since=2007&until=2007',
      'cables?tag=IZ&order=newest&limit=20&offset=5',
      'cables/facets?tag=PREL&size=20',
      `cables?signer=${stapleton}&limit=100`,
      `cables/facets?signer=${stapleton}`,
      `cables?entity=${kouchner}&since=2008`,
      `cables/facets?entity=${kouchner}&size=50`,
      'cables?to=post:STATE&limit=200&offset=100',
      'cables/facets?to=post:STATE',
      `cables?post=MADRID&signer=${aguirre}&entity=${iran}`,
      `cables?from=post:STATE&to=PARIS&since=2009-06`,
      'cables?post=nowhere',
      'cable/09PARIS1534/links',
      'cable/09BRASILIA34/links',
      'cable/09BERLIN1167/links',
      'cable/2007%20PARIS%203534/links',
      'cable/07PARIS03534',
    ];
    routes.push(...browsing);
    // Shortest paths between spread-out pairs: the bidirectional search against Neo4j's allShortestPaths.
    const top = (
      (await (await fetch(`${embedded.url}/api/overview?limit=400`)).json()) as { nodes: Array<{ id: string }> }
    ).nodes;
    for (let i = 0; i < 8; i += 1)
      routes.push(
        `paths?from=${top[i * 7].id}&to=${top[399 - i * 11].id}&limit=10`,
        `paths?from=${talabani}&to=${top[399 - i * 13].id}&minWeight=2`,
      );
    // The meeting links among a view: the overview's top 400, Kouchner's neighbourhood, and a date window.
    const neighbours = (
      (await (await fetch(`${embedded.url}/api/neighbourhood/${kouchner}?limit=300`)).json()) as {
        nodes: Array<{ id: string }>;
      }
    ).nodes.map((n) => n.id);
    for (const body of [
      { nodes: top.map((n) => n.id) },
      { nodes: neighbours },
      { nodes: top.map((n) => n.id), since: '2008', until: '2009-06' },
    ]) {
      const posted = async (url: string) => {
        const response = await fetch(`${url}/api/meetings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.text() };
      };
      const [a, b] = [await posted(embedded.url), await posted(neo4j!.url)];
      expect({ route: 'POST meetings', answer: b }).toEqual({ route: 'POST meetings', answer: a });
      expect(a.status).toBe(200);
    }
    for (const route of routes) {
      const [a, b] = await both(route);
      expect({ route, answer: b }).toEqual({ route, answer: a });
      if (browsing.includes(route))
        expect({ route, status: a.status }).toEqual({ route, status: route.includes('nowhere') ? 404 : 200 });
    }
  }, 300_000);
});

/**
 * Every statement of a cut role or affiliation, from both stores (issue 17's 501 over Neo4j is
 * gone): the Madrid and Berlin cables of the shared corpus built with --max-evidence 2, so that
 * Zapatero's presidency, Merkel's chancellorship, Schaeuble's CDU membership … are cut to their
 * first and last statements and Neo4j holds the rest as (:Statement) nodes. Pages at the start, in
 * the middle, across the kept and the middle ones, at the end and past it: the same bytes.
 */
describe('SQLite and Neo4j stores page every statement of a cut edge identically (--max-evidence 2)', () => {
  let embedded: { url: string; close(): Promise<void> } | undefined;
  let neo4j: { url: string; close(): Promise<void> } | undefined;

  beforeAll(async () => {
    if (!(await storeAvailable('neo4j'))) return;
    const cables = (post: string): string[] =>
      fs
        .readdirSync(path.join(CORPUS, 'cable'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.includes(post))
        .map((f) => path.join(CORPUS, 'cable', f));
    const file = await builtGraph([...cables('MADRID'), ...cables('BERLIN')], { maxEvidence: 2 });
    embedded = await startTestServer('embedded', file);
    neo4j = await startTestServer('neo4j', file);
  }, 900_000);
  afterAll(async () => {
    await embedded?.close();
    await neo4j?.close();
  });

  const read = async (url: string, route: string) => {
    const response = await fetch(`${url}/api/${route}`);
    return { status: response.status, body: await response.text() };
  };

  test('first, middle, last and straddling pages of each cut edge', async () => {
    if (!embedded) return;
    const people: string[] = [];
    for (const q of ['Zapatero', 'Angela Merkel', 'Schaeuble', 'Peer Steinbrueck', 'Moratinos']) {
      const hits = (await (
        await fetch(`${embedded.url}/api/search?q=${encodeURIComponent(q)}&types=Person`)
      ).json()) as SearchHit[];
      if (hits[0]) people.push(hits[0].id);
    }
    const edges: Array<{ query: string; total: number }> = [];
    for (const person of people) {
      const relations = (await (await fetch(`${embedded.url}/api/relations/${person}`)).json()) as EntityRelations;
      for (const r of relations.roles)
        if (r.evidenceTruncated && r.person.id === person)
          edges.push({
            query: `type=HOLDS_ROLE&person=${encodeURIComponent(person)}&owner=${encodeURIComponent(r.owner.id)}&title=${encodeURIComponent(r.title)}`,
            total: r.statementCount,
          });
      for (const a of relations.affiliations)
        if (a.evidenceTruncated && a.person.id === person)
          edges.push({
            query: `type=AFFILIATED_WITH&person=${encodeURIComponent(person)}&owner=${encodeURIComponent(a.organization.id)}`,
            total: a.statementCount,
          });
    }
    // Roles and affiliations cut, with a middle of more than one page of 2.
    expect(edges.filter((e) => e.query.startsWith('type=HOLDS_ROLE')).length).toBeGreaterThanOrEqual(3);
    expect(edges.some((e) => e.query.startsWith('type=AFFILIATED_WITH'))).toBe(true);
    expect(Math.max(...edges.map((e) => e.total))).toBeGreaterThan(10);
    let middle = 0;
    for (const { query, total } of edges) {
      const mid = Math.floor(total / 2);
      const pages = [
        'offset=0&limit=1', // the first kept statement
        `offset=1&limit=2`, // the first kept and the first middle one
        `offset=${mid}&limit=3`, // the middle
        `offset=${total - 2}&limit=5`, // the last middle one and the last kept
        'offset=0&limit=200', // all of them
        `offset=${total}&limit=10`, // past the end
      ];
      for (const page of pages) {
        const route = `statements?${query}&${page}`;
        const [a, b] = [await read(embedded.url, route), await read(neo4j!.url, route)];
        expect({ route, answer: b }).toEqual({ route, answer: a });
        expect({ route, status: a.status }).toEqual({ route, status: 200 });
      }
      // Every statement one at a time: the same one at each position.
      for (let offset = 0; offset < total; offset += 1) {
        const route = `statements?${query}&offset=${offset}&limit=1`;
        const [a, b] = [await read(embedded.url, route), await read(neo4j!.url, route)];
        expect({ route, answer: b }).toEqual({ route, answer: a });
        if (offset >= 1 && offset < total - 1) middle += 1;
      }
      // The whole list is every statement, in order, with its total.
      const all = JSON.parse((await read(neo4j!.url, `statements?${query}&offset=0&limit=200`)).body) as {
        total: number;
        statements: unknown[];
      };
      expect(all.total).toBe(total);
      expect(all.statements).toHaveLength(Math.min(total, 200));
    }
    expect(middle).toBeGreaterThan(20);
  }, 600_000);
});
