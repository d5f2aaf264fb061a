import { MEETINGS_FIXTURE, STORE_KINDS, builtGraph, startTestServer, storeAvailable, type StoreKind } from './helpers';
import type { MeetingLinks, PairMeetings, SearchHit } from '../../src/model';

/**
 * The canvas's meetings (POST /api/meetings: the links among shown people; GET
 * /api/meetings/A/B: a pair's passages) over both stores, on the seeds and three corpus cables
 * whose people met (test/server/helpers.ts, MEETINGS_FIXTURE); then the two stores' bytes side by side.
 */
type Server = { url: string; close(): Promise<void> };

const post = (server: Server, body: unknown): Promise<Response> =>
  fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function person(server: Server, q: string): Promise<string> {
  const hits = (await (
    await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&types=Person`)
  ).json()) as SearchHit[];
  const hit = hits.find((h) => h.name === q);
  if (!hit) throw new Error(`no person named ${q} in the fixture: ${hits.map((h) => h.name).join(', ')}`);
  return hit.id;
}

describe.each(STORE_KINDS)('meetings for the canvas over the %s store', (kind: StoreKind) => {
  let server: Server | undefined;
  let ids: Record<'kouchner' | 'kagame' | 'shannon' | 'lulaDaSilva', string>;

  beforeAll(async () => {
    if (!(await storeAvailable(kind))) return;
    server = await startTestServer(kind, await builtGraph(MEETINGS_FIXTURE));
    ids = {
      kouchner: await person(server, 'Kouchner'),
      kagame: await person(server, 'Kagame'),
      shannon: await person(server, 'Thomas A. Shannon'),
      lulaDaSilva: await person(server, 'Luiz Inacio Lula da Silva'),
    };
  }, 600_000);
  afterAll(async () => server?.close());

  const pair = (a: string, b: string) => (a < b ? { source: a, target: b } : { source: b, target: a });

  test('the links among the shown people: one per pair, whoever met whom, with their count and dates', async () => {
    if (!server) return;
    const shown = Object.values(ids);
    const response = await post(server, { nodes: shown });
    expect(response.status).toBe(200);
    const { links } = (await response.json()) as MeetingLinks;
    expect(links).toEqual(
      [
        { ...pair(ids.kouchner, ids.kagame), meetings: 1, firstDate: '2008-01-26', lastDate: '2008-01-26' },
        { ...pair(ids.shannon, ids.lulaDaSilva), meetings: 1, firstDate: '2010-02-04', lastDate: '2010-02-04' },
      ].sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1)),
    );
    // Only pairs with both ends shown; a date window keeps the meetings dated inside it.
    expect(((await (await post(server, { nodes: [ids.kouchner, ids.kagame] })).json()) as MeetingLinks).links).toEqual([
      { ...pair(ids.kouchner, ids.kagame), meetings: 1, firstDate: '2008-01-26', lastDate: '2008-01-26' },
    ]);
    expect(((await (await post(server, { nodes: [ids.kouchner, ids.shannon] })).json()) as MeetingLinks).links).toEqual(
      [],
    );
    const since2010 = (await (await post(server, { nodes: shown, since: '2010' })).json()) as MeetingLinks;
    // "Lula told the Ambassador" (¶5) is Lula da Silva, whom Shannon met in the same cable: one meeting per pair and cable
    expect(since2010.links.map((l) => l.firstDate)).toEqual(['2010-02-04']);
    const until = (await (await post(server, { nodes: shown, until: '2010-02-05' })).json()) as MeetingLinks;
    expect(until.links.map((l) => l.firstDate).sort()).toEqual(['2008-01-26', '2010-02-04']);
    expect(((await (await post(server, { nodes: [] })).json()) as MeetingLinks).links).toEqual([]);
  });

  test('a pair’s meetings: date, cable, paragraph, the form and the passage, whichever end comes first', async () => {
    if (!server) return;
    const response = await fetch(`${server.url}/api/meetings/${ids.shannon}/${ids.lulaDaSilva}`);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as PairMeetings;
    expect(answer.a).toEqual({ id: ids.shannon, name: 'Thomas A. Shannon', kind: 'Person' });
    expect(answer.b).toEqual({ id: ids.lulaDaSilva, name: 'Luiz Inacio Lula da Silva', kind: 'Person' });
    expect(answer.meetings).toHaveLength(1);
    const [m] = answer.meetings;
    expect(m).toMatchObject({
      a: { id: ids.shannon },
      b: { id: ids.lulaDaSilva },
      cable: '10BRASILIA43',
      date: '2010-02-04',
      dateSource: 'text',
      form: 'called-on',
    });
    expect(m.evidence).toMatch(
      /^\(C\) Summary: Ambassador Shannon presented his credentials to Brazilian President Luiz Inacio Lula da Silva on February 4\.$/,
    );
    expect(m.paragraph).toBe(1);
    const reversed = (await (
      await fetch(`${server.url}/api/meetings/${ids.lulaDaSilva}/${ids.shannon}`)
    ).json()) as PairMeetings;
    expect(reversed.a.id).toBe(ids.lulaDaSilva);
    expect(reversed.meetings).toEqual(answer.meetings);
    // Kouchner's visit to Kagame in 08PARIS1568 (¶25), asked for from Kagame's end: the meeting as the cable tells it.
    const met = (await (
      await fetch(`${server.url}/api/meetings/${ids.kagame}/${ids.kouchner}`)
    ).json()) as PairMeetings;
    expect(met.meetings.map((x) => [x.a.id, x.b.id, x.cable, x.form, x.date, x.paragraph])).toEqual([
      [ids.kouchner, ids.kagame, '08PARIS1568', 'met', '2008-01-26', 25],
    ]);
    expect(met.meetings[0].evidence).toContain(
      'Foreign Minister Kouchner met with President Kagame on January 26, 2008',
    );
    // Two entities that never met: an empty list, not an error.
    const none = (await (
      await fetch(`${server.url}/api/meetings/${ids.kagame}/${ids.shannon}`)
    ).json()) as PairMeetings;
    expect(none.meetings).toEqual([]);
  });

  test('bad requests name the problem; unknown entities are 404s', async () => {
    if (!server) return;
    const bad = async (response: Response): Promise<string> => {
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    expect(await bad(await post(server, {}))).toBe('nodes must be a list of entity ids');
    expect(await bad(await post(server, { nodes: 'p-x' }))).toBe('nodes must be a list of entity ids');
    expect(await bad(await post(server, { nodes: [ids.kouchner], since: '2007-13' }))).toMatch(/^since must be a date/);
    expect(await bad(await fetch(`${server.url}/api/meetings/${ids.kouchner}/${ids.kouchner}`))).toBe(
      'a and b must be two entities',
    );
    expect((await fetch(`${server.url}/api/meetings/${ids.kouchner}/nobody`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/meetings/nobody/${ids.kouchner}`)).status).toBe(404);
  });
});

describe('meetings: SQLite and Neo4j give the same bytes', () => {
  let embedded: Server | undefined;
  let neo4j: Server | undefined;
  beforeAll(async () => {
    if (!(await storeAvailable('neo4j'))) return;
    const file = await builtGraph(MEETINGS_FIXTURE);
    embedded = await startTestServer('embedded', file);
    neo4j = await startTestServer('neo4j', file);
  }, 600_000);
  afterAll(async () => {
    await embedded?.close();
    await neo4j?.close();
  });

  test('links and passages', async () => {
    if (!embedded || !neo4j) return;
    const people = await Promise.all(
      // ("Lula" alone is Luiz Inacio Lula da Silva since resolution joins a lone word to the full name it is a word of)
      ['Kouchner', 'Kagame', 'Thomas A. Shannon', 'Luiz Inacio Lula da Silva'].map((n) => person(embedded!, n)),
    );
    const bodies = [{ nodes: people }, { nodes: people, since: '2010-02-05' }, { nodes: people.slice(0, 3) }];
    for (const body of bodies) {
      const [a, b] = [await (await post(embedded, body)).text(), await (await post(neo4j, body)).text()];
      expect({ body, answer: b }).toEqual({ body, answer: a });
    }
    for (const [x, y] of [
      [people[2], people[3]],
      [people[1], people[0]],
      [people[3], people[2]],
    ]) {
      const route = `meetings/${x}/${y}`;
      const [a, b] = [
        await (await fetch(`${embedded.url}/api/${route}`)).text(),
        await (await fetch(`${neo4j.url}/api/${route}`)).text(),
      ];
      expect({ route, answer: b }).toEqual({ route, answer: a });
    }
  });
});
