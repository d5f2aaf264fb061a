import type { Driver } from 'neo4j-driver';
import { loadGraph, queryLibrary, queryParameters, resolveQuery, runQuery } from '../../../src/store/neo4j';
import { emptyDatabase, smallGraph, testDriver } from './helpers';

/** Every query of cypher/queries, run on a small graph loaded into the real server, with expected answers. */
describe('the Cypher library (cypher/queries)', () => {
  let driver: Driver | undefined;
  const run = async (name: string, params: Record<string, string> = {}) => {
    const query = resolveQuery(name);
    return (await runQuery(driver!, query, queryParameters(query, params))).rows;
  };

  beforeAll(async () => {
    driver = await testDriver();
    if (!driver) return;
    await emptyDatabase(driver);
    const g = smallGraph();
    g.addNode('p-leach', { kind: 'Person', name: 'Leach', aliases: [{ text: 'Leach', count: 1 }] });
    g.addNode('p-rosenblatt', {
      kind: 'Person',
      name: 'Josiah Rosenblatt',
      aliases: [{ text: 'Josiah Rosenblatt', count: 2 }],
    });
    g.addDirectedEdge('p-leach', '05PARIS77', { type: 'SIGNED' });
    g.addDirectedEdge('p-rosenblatt', '05PARIS77', { type: 'CLASSIFIED' });
    g.addDirectedEdge('p-rosenblatt', '07PARIS3534', { type: 'CLASSIFIED' });
    g.addDirectedEdge('05PARIS77', 'post:AMEMBASSY PARIS', { type: 'FROM' });
    // A co-mention whose evidence list is capped (as the build caps it at 100 cables): 7 cables, 1 listed.
    g.addUndirectedEdge('p-kouchner', 'l-irbil', {
      type: 'CO_MENTIONED',
      weight: 9,
      cableCount: 7,
      paragraphCount: 2,
      cables: ['07PARIS3534'],
      evidenceTruncated: true,
      firstDate: '2007-08-27',
      lastDate: '2007-08-27',
    });
    g.addDirectedEdge('07PARIS3534', 'l-irbil', { type: 'MENTIONS', count: 4, paragraphs: [2, 8] });
    g.addNode('04STATE1', { kind: 'Cable', inCorpus: false });
    g.addDirectedEdge('04STATE274965', '04STATE1', { type: 'REFERENCES' });
    // Roles and a meeting (issue 17), as a build makes them: parallel lists in date order.
    g.addNode('l-france', { kind: 'Place', name: 'France', aliases: [{ text: 'France', count: 3 }] });
    g.addNode('l-iraq', { kind: 'Place', name: 'Iraq', aliases: [{ text: 'Iraq', count: 9 }] });
    const statement = (cable: string, date: string, evidence: string, titleText: string) => ({
      cables: [cable],
      dates: [date],
      paragraphs: [1],
      evidence: [evidence],
      starts: [10],
      ends: [90],
      titleTexts: [titleText],
    });
    g.addDirectedEdgeWithKey('HOLDS_ROLE:p-kouchner->l-france:Foreign Minister', 'p-kouchner', 'l-france', {
      type: 'HOLDS_ROLE',
      title: 'Foreign Minister',
      firstDate: '2007-08-27',
      lastDate: '2007-08-27',
      cableCount: 1,
      ...statement(
        '07PARIS3534',
        '2007-08-27',
        "French FM Kouchner's visit to Iraq allowed France to re-engage.",
        'French FM',
      ),
    });
    g.addDirectedEdgeWithKey('HOLDS_ROLE:p-talabani->l-iraq:President', 'p-talabani', 'l-iraq', {
      type: 'HOLDS_ROLE',
      title: 'President',
      firstDate: '2007-08-27',
      lastDate: '2007-08-27',
      cableCount: 1,
      ...statement(
        '07PARIS3534',
        '2007-08-27',
        'Kurdish leader and current President of Iraq Jalal Talabani.',
        'President of Iraq',
      ),
    });
    g.addDirectedEdgeWithKey('MET:post:AMEMBASSY PARIS->p-kouchner:07PARIS3534', 'post:AMEMBASSY PARIS', 'p-kouchner', {
      type: 'MET',
      cable: '07PARIS3534',
      date: '2007-08-24',
      dateSource: 'text',
      form: 'met',
      paragraph: 2,
      evidence: 'The Ambassador met Kouchner on August 24.',
      start: 5,
      end: 47,
      role: 'Ambassador',
    });
    await loadGraph(g, driver, { force: true });
  });

  test('title-holders, entity-roles, post-meetings: roles and meetings with their passages', async () => {
    if (!driver) return;
    expect(await run('title-holders', { title: 'foreign minister', owner: 'France', year: '2007' })).toEqual([
      {
        person: 'Bernard Kouchner',
        title: 'Foreign Minister',
        owner: 'France',
        first: '2007-08-27',
        last: '2007-08-27',
        cables: ['07PARIS3534'],
        evidence: "French FM Kouchner's visit to Iraq allowed France to re-engage.",
      },
    ]);
    expect(await run('title-holders', { title: 'Foreign Minister', owner: 'France', year: '2008' })).toEqual([]);
    expect(await run('entity-roles', { id: 'l-iraq' })).toEqual([
      {
        owner: 'Iraq',
        person: 'Jalal Talabani',
        title: 'President',
        first: '2007-08-27',
        last: '2007-08-27',
        cables: 1,
        cable: '07PARIS3534',
        evidence: 'Kurdish leader and current President of Iraq Jalal Talabani.',
      },
    ]);
    expect(await run('post-meetings', { post: 'PARIS', year: '2007' })).toEqual([
      {
        date: '2007-08-24',
        officer: 'Ambassador (AMEMBASSY PARIS)',
        met: 'Bernard Kouchner',
        cable: '07PARIS3534',
        paragraph: 2,
        evidence: 'The Ambassador met Kouchner on August 24.',
      },
    ]);
  });
  afterAll(async () => driver?.close());

  test('every file parses: a description and typed parameters', () => {
    const library = queryLibrary();
    expect([...library.keys()]).toEqual([
      'ego-network',
      'entity-roles',
      'entity-search',
      'entity-timeline',
      'pair-evidence',
      'post-authors',
      'post-meetings',
      'reference-chain',
      'shortest-path',
      'title-holders',
      'top-pairs',
    ]);
    for (const q of library.values()) {
      expect(q.description.length).toBeGreaterThan(20);
      expect(q.cypher).not.toMatch(/^\s*\/\//m);
    }
    expect(library.get('ego-network')!.params).toEqual([
      { name: 'entity', type: 'string' },
      { name: 'hops', type: 'int', defaultValue: '1' },
      { name: 'minWeight', type: 'int', defaultValue: '1' },
      { name: 'limit', type: 'int', defaultValue: '50' },
    ]);
  });

  test('parameters: typed, defaults filled, missing and unknown ones refused', () => {
    const q = resolveQuery('ego-network');
    expect(() => queryParameters(q, {})).toThrow('ego-network: missing parameter "entity" (--param entity=…)');
    expect(() => queryParameters(q, { entity: 'x', hop: '2' })).toThrow(/unknown parameter "hop"/);
    expect(() => queryParameters(q, { entity: 'x', hops: 'two' })).toThrow(/must be an integer/);
    expect(() => resolveQuery('no-such-query')).toThrow(/no query named "no-such-query"; the library has: ego-network/);
  });

  test('entity-search finds by alias, prefix and fuzzy spelling', async () => {
    if (!driver) return;
    expect((await run('entity-search', { q: 'kouchner' })).map((r) => r.id)).toEqual(['p-kouchner']);
    expect((await run('entity-search', { q: 'tala*' })).map((r) => r.name)).toEqual(['Jalal Talabani']);
    expect((await run('entity-search', { q: 'Talabeni~' })).map((r) => r.name)).toEqual(['Jalal Talabani']);
  });

  test('ego-network: neighbours by hops and minimum weight', async () => {
    if (!driver) return;
    expect(await run('ego-network', { entity: 'Kouchner' })).toEqual([
      { id: 'l-irbil', type: 'Place', name: 'Irbil', hops: 1, weight: 9 },
      { id: 'p-talabani', type: 'Person', name: 'Jalal Talabani', hops: 1, weight: 3 },
    ]);
    expect((await run('ego-network', { entity: 'Kouchner', minWeight: '4' })).map((r) => r.name)).toEqual(['Irbil']);
    // Two hops: the weight is the strongest shortest chain's sum (Irbil 9 + Talabani 3).
    expect(await run('ego-network', { entity: 'Irbil', hops: '2' })).toEqual([
      { id: 'p-kouchner', type: 'Person', name: 'Bernard Kouchner', hops: 1, weight: 9 },
      { id: 'p-talabani', type: 'Person', name: 'Jalal Talabani', hops: 2, weight: 12 },
    ]);
    expect((await run('ego-network', { entity: 'Irbil', hops: '3' })).map((r) => [r.name, r.hops])).toEqual([
      ['Bernard Kouchner', 1],
      ['Jalal Talabani', 2],
    ]);
    // Every hop at least minWeight: Talabani is reached only through the weight-3 link.
    expect((await run('ego-network', { entity: 'Irbil', hops: '2', minWeight: '4' })).map((r) => r.name)).toEqual([
      'Bernard Kouchner',
    ]);
  });

  test('shortest-path: Talabani to Irbil through Kouchner, with the cables behind each link', async () => {
    if (!driver) return;
    expect(await run('shortest-path', { from: 'Talabani', to: 'l-irbil' })).toEqual([
      {
        path: ['Jalal Talabani', 'Bernard Kouchner', 'Irbil'],
        hops: 2,
        cableCounts: [1, 7],
        cables: [['07PARIS3534'], ['07PARIS3534']],
      },
    ]);
  });

  test('top-pairs, entity-timeline, post-authors, reference-chain, pair-evidence', async () => {
    if (!driver) return;
    // Exact counts, not the length of the capped evidence list (Kouchner–Irbil lists 1 cable of 7).
    expect((await run('top-pairs')).map((r) => [r.a, r.b, r.weight, r.cables, r.paragraphs])).toEqual([
      ['Bernard Kouchner', 'Irbil', 9, 7, 2],
      ['Bernard Kouchner', 'Jalal Talabani', 3, 1, 1],
    ]);
    expect(await run('entity-timeline', { entity: 'p-kouchner' })).toEqual([{ month: '2007-08', cables: 1 }]);
    expect(await run('post-authors', { post: 'PARIS' })).toEqual([
      { person: 'Josiah Rosenblatt', role: 'CLASSIFIED', cables: 2, first: '2005-01-05', last: '2007-08-27' },
      { person: 'Leach', role: 'SIGNED', cables: 1, first: '2005-01-05', last: '2005-01-05' },
    ]);
    expect(await run('reference-chain', { cable: '05PARIS77' })).toEqual([
      { cable: '04STATE274965', depth: 1, date: null, subject: null, inCorpus: false },
      { cable: '04STATE1', depth: 2, date: null, subject: null, inCorpus: false },
    ]);
    expect(await run('pair-evidence', { a: 'Kouchner', b: 'Jalal Talabani' })).toEqual([
      { cable: '07PARIS3534', date: '2007-08-27', subject: 'FRENCH MFA "REFLECTING"', weight: 3, paragraphs: [2] },
    ]);
  });
});
