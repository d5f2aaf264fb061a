import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decideInDatabase } from '../../src/curate';
import { openGraphDb } from '../../src/db/open';
import { refreshWordPostings } from '../../src/db/entity-words';
import { SqliteStore } from '../../src/server/sqlite-store';
import { compare, rankSearch, searchTokens, wordMatch } from '../../src/server/search';
import { ftsExpression } from '../../src/server/text-query';
import { seededRandom } from '../../src/common/random';
import type { EntityKind, SearchHit } from '../../src/model';
import type { SearchCandidate } from '../../src/server/store';
import { CORPUS, builtGraph } from './helpers';

/** Every shortest path between two entities by plain breadth first over the whole co-mention table (the reference). */
function referencePaths(
  db: SqliteStore['db'],
  from: string,
  to: string,
  maxHops: number,
  minWeight: number,
): string[][] {
  const links = new Map<string, string[]>();
  for (const r of db
    .prepare(
      'SELECT ea.id AS a, eb.id AS b FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b WHERE c.weight >= ?',
    )
    .all(minWeight) as Array<{ a: string; b: string }>) {
    links.set(r.a, [...(links.get(r.a) ?? []), r.b]);
    links.set(r.b, [...(links.get(r.b) ?? []), r.a]);
  }
  const distance = new Map([[from, 0]]);
  let frontier = [from];
  while (frontier.length > 0 && !distance.has(to)) {
    const next: string[] = [];
    for (const u of frontier)
      for (const v of links.get(u) ?? [])
        if (!distance.has(v)) {
          distance.set(v, distance.get(u)! + 1);
          next.push(v);
        }
    frontier = next;
  }
  const hops = distance.get(to);
  if (hops === undefined || hops > maxHops) return [];
  // Back from `to`: every neighbour one step nearer `from`.
  const back = (node: string): string[][] =>
    node === from
      ? [[from]]
      : (links.get(node) ?? [])
          .filter((p) => distance.get(p) === distance.get(node)! - 1)
          .flatMap((p) => back(p).map((chain) => [...chain, node]));
  return back(to);
}

const sorted = (paths: string[][]): string[] => paths.map((p) => p.join(' ')).sort();

/** The entities with co-mentions, most linked first: hubs and the entities at the edge of the graph. */
const linkedByDegree = (store: SqliteStore): string[] =>
  store.db
    .prepare(
      'SELECT e.id FROM entities e WHERE EXISTS (SELECT 1 FROM co_mentions WHERE a = e.node OR b = e.node) ORDER BY e.degree DESC, e.id',
    )
    .pluck()
    .all() as string[];

describe('SqliteStore: path search and links', () => {
  let store: SqliteStore;
  let ids: string[] = [];

  beforeAll(async () => {
    store = SqliteStore.open(await builtGraph());
    ids = linkedByDegree(store);
  }, 120_000);

  afterAll(() => store.close());

  test('every shortest path, as plain breadth first over every link finds them, hubs looked up or read', async () => {
    expect(ids.length).toBeGreaterThan(20);
    let compared = 0;
    let found = 0;
    for (let i = 0; i < ids.length; i += 2) {
      for (let j = ids.length - 1; j > i; j -= 5) {
        for (const minWeight of [1, 3]) {
          const expected = sorted(referencePaths(store.db, ids[i], ids[j], 4, minWeight));
          // Links looked up when cheaper (the default), always looked up first, never.
          for (const cost of [SqliteStore.lookupCost, 0, Infinity]) {
            const saved = SqliteStore.lookupCost;
            SqliteStore.lookupCost = cost;
            try {
              expect(sorted(await store.shortestPaths(ids[i], ids[j], 4, minWeight, 100_000))).toEqual(expected);
            } finally {
              SqliteStore.lookupCost = saved;
            }
          }
          compared += 1;
          if (expected.length > 1) found += 1;
        }
      }
    }
    // Real work: many pairs, many of them joined by more than one shortest path.
    expect(compared).toBeGreaterThan(100);
    expect(found).toBeGreaterThan(20);
  });

  test('links and edges answer as edge() does, pair by pair, either way round', async () => {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < 12; i += 1) pairs.push([ids[i], ids[ids.length - 1 - i]], [ids[i + 1], ids[i]]);
    const one = (await Promise.all(pairs.map(([a, b]) => store.edge(a, b)))).filter((e) => e !== undefined);
    const byId = new Map(one.map((e) => [e.id, e]));
    const expected = [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(expected.length).toBeGreaterThan(5);
    expect(await store.edges(pairs)).toEqual(expected);
    expect(await store.links(pairs, 1)).toEqual(expected.map(({ cables: _cables, ...edge }) => edge));
    expect(await store.links(pairs, 4)).toEqual(
      expected.filter((e) => e.weight >= 4).map(({ cables: _cables, ...edge }) => edge),
    );
    expect(await store.links([], 1)).toEqual([]);
    expect(await store.links([['no-such-entity', ids[0]]], 1)).toEqual([]);
  });

  test('after a curation decision numbers an entity after every node, its links are still found', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-store-'));
    const copy = path.join(dir, 'graph.db');
    fs.copyFileSync(store.file, copy);
    const curation = path.join(dir, 'curation.jsonl');
    // A merge then its undo: the merged-away entity comes back with a new number, after the cables'.
    const [a, b] = store.db
      .prepare(
        `SELECT ea.id, eb.id FROM co_mentions c JOIN entities ea ON ea.node = c.a JOIN entities eb ON eb.node = c.b
         WHERE ea.kind = eb.kind AND ea.degree > 3 AND eb.degree > 3 ORDER BY c.weight DESC, ea.id, eb.id LIMIT 1`,
      )
      .raw()
      .get() as [string, string];
    const far = ids[ids.length - 1];
    const before = {
      paths: sorted(await store.shortestPaths(b, far, 4, 1, 100_000)),
      back: sorted(await store.shortestPaths(far, b, 4, 1, 100_000)),
      edge: await store.edge(a, b),
    };
    const db = openGraphDb(copy, { write: true });
    try {
      decideInDatabase(db, curation, { op: 'merge', ids: [a, b], into: a, author: 'test' });
      decideInDatabase(db, curation, { op: 'undo', decision: 1, author: 'test' });
    } finally {
      db.close();
    }
    const curated = SqliteStore.open(copy);
    try {
      const node = (id: string): number =>
        curated.db.prepare('SELECT node FROM entities WHERE id = ?').pluck().get(id) as number;
      const lastCable = curated.db.prepare('SELECT max(node) FROM cables').pluck().get() as number;
      expect(node(b)).toBeGreaterThan(lastCable);
      expect(node(a)).toBeLessThan(node(b));
      expect(await curated.edges([[a, b]])).toEqual([before.edge]);
      expect(await curated.links([[b, a]], 1)).toEqual([expect.objectContaining({ id: before.edge!.id })]);
      const saved = SqliteStore.lookupCost;
      for (const cost of [saved, 0, Infinity]) {
        SqliteStore.lookupCost = cost;
        try {
          expect(sorted(await curated.shortestPaths(b, far, 4, 1, 100_000))).toEqual(before.paths);
          expect(sorted(await curated.shortestPaths(far, b, 4, 1, 100_000))).toEqual(before.back);
          expect(sorted(await curated.shortestPaths(a, b, 4, 1, 100_000))).toEqual([`${a} ${b}`]);
        } finally {
          SqliteStore.lookupCost = saved;
        }
      }
    } finally {
      await curated.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SqliteStore: a set's links and an entity's heaviest, without a hub's whole adjacency", () => {
  let store: SqliteStore;
  let ids: string[] = [];
  const filters = [
    { minWeight: 1 },
    { minWeight: 3 },
    { minWeight: 1, since: '2008', until: '2009-06' },
    { minWeight: 2, types: ['Person', 'Organization'] as const },
  ];

  beforeAll(async () => {
    store = SqliteStore.open(await builtGraph());
    ids = linkedByDegree(store);
  }, 120_000);

  afterAll(() => store.close());

  test('among: every link with both ends in the set, hubs looked up, small entities expanded, or either alone', async () => {
    // Sets of hubs and fringe entities together, from 2 to 150.
    const sets = [2, 10, 40, 150].map((size) => [
      ...ids.slice(0, size / 2),
      ...ids.filter((_, i) => i % 7 === 3).slice(0, size / 2),
    ]);
    let links = 0;
    for (const set of sets)
      for (const filter of filters) {
        const inSet = new Set(set);
        const expected = (await store.incident(set, { ...filter, types: undefined })).filter(
          (e) => inSet.has(e.source) && inSet.has(e.target),
        );
        links += expected.length;
        for (const cost of [SqliteStore.amongCost, 0, Infinity]) {
          const saved = SqliteStore.amongCost;
          SqliteStore.amongCost = cost;
          try {
            expect(await store.among(set, filter)).toEqual(expected);
          } finally {
            SqliteStore.amongCost = saved;
          }
        }
      }
    expect(links).toBeGreaterThan(500);
    expect(await store.among(['no-such-entity', ids[0]], { minWeight: 1 })).toEqual([]);
  });

  test("incident's heaviest: each entity's links of at least its k-th greatest weight, ties included", async () => {
    let cut = 0;
    for (const id of [ids[0], ids[1], ids[5], ids[40], ids[ids.length >> 1]])
      for (const filter of filters)
        for (const k of [1, 5, 20, 10_000]) {
          const all = await store.incident([id], filter);
          const weights = all.map((e) => e.weight).sort((x, y) => y - x);
          const floor = weights.length < k ? filter.minWeight : weights[k - 1];
          const expected = all.filter((e) => e.weight >= floor);
          expect(await store.incident([id], filter, k)).toEqual(expected);
          if (expected.length < all.length) cut += 1;
        }
    expect(cut).toBeGreaterThan(12);
    // k = 0 (the entity panel's ?neighbours=0): no link, as Neo4j's floor of nothing gives
    for (const id of [ids[0], ids[ids.length - 1]]) expect(await store.incident([id], { minWeight: 1 }, 0)).toEqual([]);
    // Several entities: the union of each one's heaviest (a link between two of them kept by either).
    const pair = [ids[0], ids[1]];
    const union = new Map(
      [
        ...(await store.incident([ids[0]], { minWeight: 1 }, 3)),
        ...(await store.incident([ids[1]], { minWeight: 1 }, 3)),
      ].map((e) => [e.id, e]),
    );
    expect(await store.incident(pair, { minWeight: 1 }, 3)).toEqual(
      [...union.values()].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
  });

  test('a database built before the weight index gives the same heaviest links (a plain read, filtered)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-store-'));
    const copy = path.join(dir, 'graph.db');
    fs.copyFileSync(store.file, copy);
    const db = openGraphDb(copy, { write: true });
    db.exec('DROP INDEX co_mentions_by_a_weight');
    db.close();
    const older = SqliteStore.open(copy);
    try {
      let cases = 0;
      for (const chosen of [[ids[0]], [ids[5]], [ids[0], ids[1], ids[40]], [ids[ids.length >> 1]]])
        for (const filter of filters)
          for (const k of [0, 1, 5, 20, 10_000]) {
            expect(await older.incident(chosen, filter, k)).toEqual(await store.incident(chosen, filter, k));
            cases += 1;
          }
      expect(cases).toBe(80);
    } finally {
      await older.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('coMentionCount counts every link of the entity, 0 for an unknown one', async () => {
    for (const id of [ids[0], ids[ids.length - 1]])
      expect(await store.coMentionCount(id)).toBe((await store.incident([id], { minWeight: 1 })).length);
    expect(await store.coMentionCount('no-such-entity')).toBe(0);
  });
});

/** One post's cables over three years (the seeds carry no dates). */
const DATED_CABLES = ['2008', '2009', '2010']
  .flatMap((year) =>
    fs
      .readdirSync(path.join(CORPUS, 'cable', year))
      .flatMap((month) =>
        fs.readdirSync(path.join(CORPUS, 'cable', year, month)).map((f) => path.join(year, month, f)),
      ),
  )
  .filter((f) => f.includes('PARIS'))
  .sort()
  .map((f) => path.join(CORPUS, 'cable', f));

describe("SqliteStore: an entity's timeline", () => {
  test("timeline: the entity's cables per month, as grouping its cables' dates gives", async () => {
    const dated = SqliteStore.open(await builtGraph(DATED_CABLES));
    const reference = dated.db.prepare(
      `SELECT substr(c.date, 1, 7) AS month, count(*) AS cables FROM cable_entities m JOIN cables c ON c.node = m.cable
       WHERE m.entity = (SELECT node FROM entities WHERE id = ?) AND c.date IS NOT NULL AND c.date <> '' GROUP BY month ORDER BY month`,
    );
    // The entities of most dated cables, and one of the fewest.
    const busiest = dated.db
      .prepare(
        `SELECT e.id FROM entities e JOIN cable_entities m ON m.entity = e.node JOIN cables c ON c.node = m.cable
         WHERE c.date <> '' GROUP BY e.id ORDER BY count(*) DESC, e.id`,
      )
      .pluck()
      .all() as string[];
    let months = 0;
    for (const id of [busiest[0], busiest[3], busiest[busiest.length - 1]]) {
      const expected = reference.all(id);
      months += expected.length;
      expect(await dated.timeline(id)).toEqual(expected);
    }
    expect(months).toBeGreaterThan(20);
    expect(await dated.timeline('no-such-entity')).toEqual([]);
    await dated.close();
  }, 120_000);

  test('warm: a store closed before the warm-up runs (serve started and stopped at once) is no failure', async () => {
    const store = SqliteStore.open(await builtGraph(DATED_CABLES));
    // serve does not await the warm-up: a rejection here would be an unhandled one, fatal to the process
    const warming = store.warm();
    await store.close();
    await expect(warming).resolves.toBeUndefined();
  }, 120_000);
});

describe('SqliteStore: entity search', () => {
  let store: SqliteStore;
  /** Every entity as a candidate with all its names and their words. */
  let everyone: Array<SearchCandidate & { words: string[] }> = [];

  beforeAll(async () => {
    store = SqliteStore.open(await builtGraph([CORPUS]));
    const aliases = store.db.prepare('SELECT alias FROM aliases WHERE entity = ? ORDER BY position').pluck();
    everyone = (
      store.db.prepare('SELECT node, id, kind, name, cable_count AS cableCount FROM entities').all() as Array<{
        node: number;
        id: string;
        kind: EntityKind;
        name: string;
        cableCount: number;
      }>
    ).map((r) => {
      const names = [r.name, ...(aliases.all(r.node) as string[]).filter((a) => a !== r.name)];
      const words = [...new Set(names.flatMap((n) => searchTokens(n)))];
      return { ...r, type: r.kind, weightedDegree: 0, pagerank: 0, community: 0, x: 0, y: 0, names, words };
    });
  }, 180_000);

  afterAll(() => store.close());

  /** The hits by reading every entity's names: those with a word for every query word, the `cap` most cited, ranked. */
  const reference = (
    query: string,
    matching: typeof everyone,
    types: EntityKind[] | undefined,
    cap: number,
    limit: number,
  ): SearchHit[] => {
    const candidates = matching
      .filter((c) => !types || types.includes(c.type))
      .slice(0, cap)
      .map(({ words: _words, ...c }) => c);
    return rankSearch(query, candidates, limit);
  };

  test('the same hits as reading every name, for prefixes, typos, two words, kinds, caps and limits', async () => {
    const random = seededRandom(3);
    const queries = new Set<string>(['a', 'ma', 'zzzq']);
    while (queries.size < 80) {
      const words = searchTokens(everyone[Math.floor(random() * everyone.length)].name);
      const word = words[Math.floor(random() * words.length)] ?? '';
      const kind = random();
      if (kind < 0.5) queries.add(word.slice(0, 1 + Math.floor(random() * 6)));
      else if (kind < 0.75 && word.length >= 5) queries.add(word.slice(0, 2) + word[3] + word[2] + word.slice(4));
      else if (words.length >= 2) queries.add(`${words[0]} ${words[1].slice(0, 3)}`);
    }
    let hits = 0;
    for (const query of queries) {
      const tokens = searchTokens(query);
      const matching = everyone
        .filter((c) => tokens.length > 0 && tokens.every((t) => c.words.some((w) => wordMatch(t, w) !== undefined)))
        .sort((x, y) => y.cableCount - x.cableCount || compare(x.id, y.id));
      for (const types of [undefined, ['Person'], ['Organization', 'Place']] as Array<EntityKind[] | undefined>)
        for (const [cap, limit] of [
          [1000, 20],
          [7, 5],
        ]) {
          const expected = reference(query, matching, types, cap, limit);
          expect(rankSearch(query, await store.searchCandidates(tokens, types, cap, limit), limit)).toEqual(expected);
          expect(rankSearch(query, await store.searchCandidates(tokens, types, cap), limit)).toEqual(expected);
          hits += expected.length;
        }
    }
    expect(hits).toBeGreaterThan(1500);
  }, 180_000);

  test('with a limit, only what can be among the first hits is read: fewer candidates, each with every name', async () => {
    const tokens = ['ma'];
    const all = await store.searchCandidates(tokens, undefined, 1000);
    const first = await store.searchCandidates(tokens, undefined, 1000, 5);
    expect(all.length).toBeGreaterThan(100);
    expect(first.length).toBe(5);
    const byId = new Map(all.map((c) => [c.id, c]));
    for (const c of first) expect(c).toEqual(byId.get(c.id));
  });

  test.each([
    ['read from word_postings, as the build writes it', 'postings'],
    ['read from entity_words with its flags (a database built before word_postings)', 'flags'],
    ['in a database built before the flags (its names scanned)', 'none'],
  ])(
    'a one-word name is exact however it is written, and a two-word one without a space is not: %s',
    async (_, layout) => {
      const flagged = layout !== 'none';
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-search-'));
      const copy = path.join(dir, 'graph.db');
      fs.copyFileSync(store.file, copy);
      const db = openGraphDb(copy, { write: true });
      if (layout !== 'postings') db.exec('DROP TABLE word_postings');
      if (!flagged) db.exec('ALTER TABLE entity_words DROP COLUMN alone');
      // Three entities get a made-up word: as an alias with a space and a stop ("Qzvrt .": the least
      // cited of the three, first only if known to be exact), as one with a hyphen ("Qzvrt-Lim", two
      // words), and as a name's second word (no alias of it alone).
      const [two, three, one] = db
        .prepare("SELECT node, id FROM entities WHERE kind = 'Person' ORDER BY cable_count DESC, id LIMIT 3")
        .all() as Array<{ node: number; id: string }>;
      const alias = db.prepare('INSERT INTO aliases (entity, alias, count, position) VALUES (?, ?, 1, 99)');
      const word = (w: string, node: number, alone = false) =>
        flagged
          ? db.prepare('INSERT INTO entity_words (word, entity, alone) VALUES (?, ?, ?)').run(w, node, alone ? 1 : 0)
          : db.prepare('INSERT INTO entity_words (word, entity) VALUES (?, ?)').run(w, node);
      alias.run(one.node, 'Qzvrt .');
      alias.run(two.node, 'Qzvrt-Lim');
      word('lim', two.node);
      alias.run(three.node, 'Anna Qzvrt');
      word('anna', three.node);
      for (const e of [one, two, three]) word('qzvrt', e.node, e === one);
      if (layout === 'postings') refreshWordPostings(db, ['qzvrt', 'lim', 'anna']);
      db.close();
      const served = SqliteStore.open(copy);
      try {
        const hits = rankSearch('qzvrt', await served.searchCandidates(['qzvrt'], undefined, 1000, 20), 20);
        expect(hits.map((h) => [h.id, h.match, h.matched])).toEqual([
          [one.id, 'exact', 'Qzvrt .'],
          [two.id, 'prefix', 'Qzvrt-Lim'],
          [three.id, 'prefix', 'Anna Qzvrt'],
        ]);
        // The first hit alone: what the bounds choose before any alias is read.
        const first = rankSearch('qzvrt', await served.searchCandidates(['qzvrt'], undefined, 1000, 1), 1);
        expect(first.map((h) => [h.id, h.match])).toEqual([[one.id, 'exact']]);
      } finally {
        await served.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test('a decision committed by another connection in the middle of a search: the search answers from one state', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-search-'));
    const copy = path.join(dir, 'graph.db');
    fs.copyFileSync(store.file, copy);
    const served = SqliteStore.open(copy);
    try {
      const before = rankSearch('ma', await served.searchCandidates(['ma'], undefined, 1000, 20), 20);
      // The most cited hit is merged away by another connection (the CLI's curate) between the search's statements.
      const gone = before[0].id;
      const into = served.db
        .prepare('SELECT id FROM entities WHERE kind = ? AND id <> ? ORDER BY cable_count DESC, id LIMIT 1')
        .pluck()
        .get(before[0].type, gone) as string;
      const all = (served as unknown as { all: (sql: string, params?: unknown) => unknown[] }).all.bind(served);
      let statements = 0;
      jest.spyOn(served as unknown as { all: typeof all }, 'all').mockImplementation((sql, params) => {
        const rows = all(sql, params);
        if ((statements += 1) === 1) {
          const db = openGraphDb(copy, { write: true });
          try {
            decideInDatabase(db, path.join(dir, 'curation.jsonl'), {
              op: 'merge',
              ids: [gone, into],
              into,
              author: 'test',
            });
          } finally {
            db.close();
          }
        }
        return rows;
      });
      expect(rankSearch('ma', await served.searchCandidates(['ma'], undefined, 1000, 20), 20)).toEqual(before);
      expect(statements).toBeGreaterThan(1);
      // the next search sees the merge
      const after = rankSearch('ma', await served.searchCandidates(['ma'], undefined, 1000, 20), 20);
      expect(after.map((h) => h.id)).not.toContain(gone);
    } finally {
      await served.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteStore: full-text search', () => {
  let store: SqliteStore;
  let dir = '';
  /** Every match of a query ranked as the store promises: bm25 over all of them, then the node (JS sort). */
  const reference = (q: string, since?: string, until?: string): Array<{ n: number; id: string; score: number }> =>
    (
      store.db
        .prepare(
          'SELECT f.rowid AS n, bm25(cable_fts) AS score, c.id AS id, c.date AS date FROM cable_fts f JOIN cables c ON c.node = f.rowid WHERE cable_fts MATCH ?',
        )
        .all(ftsExpression(q)) as Array<{ n: number; score: number; id: string; date: string | null }>
    )
      .filter((r) => since === undefined || (r.date !== null && r.date >= since))
      .filter((r) => until === undefined || (r.date !== null && r.date.slice(0, until.length) <= until))
      .sort((x, y) => x.score - y.score || x.n - y.n);

  beforeAll(async () => {
    // The seed graph and 400 more cables: texts of varied lengths where common words recur a
    // varied number of times (some texts alike, so that scores tie), dated over four years, each
    // naming some of the seed entities. (Building a real 1,000-cable corpus takes minutes.)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-fts-'));
    const copy = path.join(dir, 'graph.db');
    fs.copyFileSync(await builtGraph(), copy);
    const db = openGraphDb(copy, { write: true });
    try {
      const entities = db.prepare('SELECT node FROM entities ORDER BY node').pluck().all() as number[];
      let node = db
        .prepare('SELECT max(node) FROM (SELECT node FROM entities UNION ALL SELECT node FROM cables)')
        .pluck()
        .get() as number;
      const words = [
        'embassy',
        'government',
        'prime',
        'minister',
        'iraq',
        'iran',
        'oil',
        'talks',
        'the',
        'visit',
        'kouchner',
      ];
      const cable = db.prepare(
        `INSERT INTO cables (node, id, in_corpus, date, subject, text, degree, weighted_degree, pagerank, community, x, y)
         VALUES (?, ?, 1, ?, ?, ?, 0, 0, 0, 0, 0, 0)`,
      );
      const fts = db.prepare('INSERT INTO cable_fts (rowid, subject, text) VALUES (?, ?, ?)');
      const mention = db.prepare(
        "INSERT INTO cable_entities (cable, entity, count, paragraphs, offsets, position) VALUES (?, ?, ?, '[]', '[]', ?)",
      );
      db.transaction(() => {
        for (let i = 0; i < 400; i += 1) {
          node += 1;
          const text = Array.from(
            { length: 20 + ((i * 37) % 180) },
            (_, k) => words[(i * 7 + k * (1 + (i % 5))) % words.length],
          );
          if (i % 3 === 0) text.push('prime', 'minister');
          const subject = i % 4 === 0 ? 'EMBASSY VISIT' : `TALKS ${i % 10 === 0 ? 'IRAN' : 'IRAQ'}`;
          const date = `${2006 + (i % 4)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
          const id = `09TEST${String(i).padStart(4, '0')}`;
          cable.run(node, id, date, subject, text.join(' '));
          fts.run(node, subject, text.join(' '));
          for (let k = 0; k < 1 + (i % 6); k += 1)
            mention.run(node, entities[(i * 3 + k * 11) % entities.length], 1 + ((i + k) % 4), k);
        }
      })();
    } finally {
      db.close();
    }
    store = SqliteStore.open(copy);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the page is the top of the ranking over every match; the entities come from the best 100', async () => {
    const entitiesOf = store.db.prepare(
      'SELECT e.id, e.cable_count AS cableCount FROM cable_entities m JOIN entities e ON e.node = m.entity WHERE m.cable = ?',
    );
    let compared = 0;
    for (const q of ['embassy', 'government', '"prime minister"', 'iraq OR iran', 'minister -embassy', 'kouch*']) {
      for (const [since, until] of [[], ['2008'], [undefined, '2006-12'], ['2007-03', '2009']] as Array<
        [string?, string?]
      >) {
        const all = reference(q, since, until);
        for (const offset of [0, 20, 95]) {
          const found = await store.textSearch({ q, limit: 20, offset, since, until });
          expect(found.total).toBe(all.length);
          expect(found.cables.map((c) => c.id)).toEqual(all.slice(offset, offset + 20).map((r) => r.id));
          compared += found.cables.length;
        }
        // The entities named in the most of the best 100 matches, then the most cited overall, then by id.
        const counts = new Map<string, { cables: number; cableCount: number }>();
        for (const { n } of all.slice(0, 100))
          for (const e of entitiesOf.all(n) as Array<{ id: string; cableCount: number }>)
            counts.set(e.id, { cables: (counts.get(e.id)?.cables ?? 0) + 1, cableCount: e.cableCount });
        const expected = [...counts]
          .sort(([a, x], [b, y]) => y.cables - x.cables || y.cableCount - x.cableCount || (a < b ? -1 : 1))
          .slice(0, 20)
          .map(([id, { cables }]) => ({ id, cables }));
        const found = await store.textSearch({ q, limit: 20, offset: 0, since, until });
        expect(found.entities.map(({ id, cables }) => ({ id, cables }))).toEqual(expected);
      }
    }
    // Real rankings: common words with hundreds of matches, pages deep into them.
    const embassy = reference('embassy');
    expect(embassy.length).toBeGreaterThan(300);
    // Ties in the score, broken by the node, inside the pages compared.
    expect(embassy.slice(0, 115).filter((r, k) => k > 0 && r.score === embassy[k - 1].score).length).toBeGreaterThan(5);
    expect(compared).toBeGreaterThan(500);
  });
});
