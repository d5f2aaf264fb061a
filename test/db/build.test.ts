import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import type Graph from 'graphology';
import { buildCuratedGraph, curationHook } from '../../src/build';
import { buildGraph, RecordStore, sortedInMemory, type CableRecord } from '../../src/graph';
import { buildGraphDb, cableRecords, openGraphDb, readMeta } from '../../src/db';
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph';
import { SEEDS, SHARED, recordsOf } from '../graph/helpers';
import { buildDbOf, dumpTables, graphOfDb } from './helpers';
import type { Decision } from '../../src/model';
import { createGraphDb } from '../../src/db/open';
import { GraphDbWriter } from '../../src/db/write';
import { directRows } from '../../src/db/write-thread';
import { CableRowsBuilder, writeCable } from '../../src/db/build';
import { compileGraph } from '../../src/graph/build';

/** A graphology graph as the plain data graphOfDb gives. */
function graphData(graph: Graph): Awaited<ReturnType<typeof graphOfDb>> {
  return {
    nodes: graph.mapNodes((key, attributes): [string, unknown] => [key, attributes]),
    edges: graph.mapEdges(
      (key, attributes, source, target, _sa, _ta, undirected): [string, string, string, boolean, unknown] => [
        key,
        source,
        target,
        undirected,
        attributes,
      ],
    ),
  };
}

describe('building a graph database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-db-build-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let records: CableRecord[];
  beforeAll(async () => {
    records = await recordsOf([SEEDS]);
  });

  test('the database holds the graph buildGraph makes in memory: every node and edge, attributes and order', async () => {
    // A non-ASCII copy and an undated one.
    const { created: _created, ...undated } = records[0].cable;
    const all: CableRecord[] = [
      ...records,
      {
        ...records[0],
        cable: { ...records[0].cable, id: '05PARIS99', subject: 'Hervé — ¶ “quotes” 🙂' },
        versions: [{ ...records[0].versions[0], hash: 'x' }],
      },
      { ...records[0], cable: { ...undated, id: '06PARIS1' }, versions: [{ ...records[0].versions[0], hash: 'y' }] },
    ];
    const file = path.join(dir, 'seeds.db');
    const store = new RecordStore(path.join(dir, 'records.tmp'));
    for (const r of [...all].reverse()) store.add(r);
    for (const r of all) store.add(r); // identical re-reads change nothing
    const summary = await buildGraphDb(file, store.sorted(), DEFAULT_BUILD_OPTIONS, {
      extractor: 'builtin',
      inputs: [SEEDS],
    });
    store.remove();
    const { graph } = buildGraph(all);
    expect(await graphOfDb(file)).toEqual(graphData(graph));
    expect(summary.nodes).toBe(graph.order);
    expect(summary.edges).toBe(graph.size);
    expect(summary.byType.get('CO_MENTIONED')).toBe(graph.filterEdges((_e, a) => a.type === 'CO_MENTIONED').length);
    // No temporary files left beside the output.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // The records come back as they went in (what --append rebuilds from).
    const db = openGraphDb(file);
    const back = [...cableRecords(db)];
    const memory = sortedInMemory(all);
    expect(back.map((r) => r.cable.id)).toEqual(['05PARIS99', ...records.map((r) => r.cable.id), '06PARIS1'].sort());
    back.forEach((r, i) => expect(r).toEqual(memory.get(i)));
    const meta = readMeta(db);
    expect(meta).toMatchObject({
      extractor: 'builtin',
      inputs: [SEEDS],
      curation: [],
      curationHash: null,
      buildOptions: DEFAULT_BUILD_OPTIONS,
    });
    expect(meta.counts).toMatchObject({ cables: 4, nodes: graph.order, edges: graph.size });
    db.close();
  });

  test('capped evidence in the graph (evidenceTruncated), every cable in co_mention_evidence', async () => {
    const copy: CableRecord = {
      ...records[0],
      cable: { ...records[0].cable, id: '06PARIS1' },
      versions: [{ ...records[0].versions[0], hash: 'y' }],
    };
    const all = [...records, copy];
    const options = { ...DEFAULT_BUILD_OPTIONS, maxEvidence: 1 };
    const { graph } = buildGraph(all, options);
    expect(graph.filterEdges((_e, a) => a.evidenceTruncated === true).length).toBeGreaterThan(0);
    const file = path.join(dir, 'capped.db');
    await buildDbOf(file, all, options);
    expect(await graphOfDb(file)).toEqual(graphData(graph));
    const db = new Database(file, { readonly: true });
    // Every pair has one evidence row per cable where both appear; its paragraphs add up to paragraph_count.
    const mismatched = db
      .prepare(
        `SELECT count(*) FROM co_mentions c WHERE cable_count != (SELECT count(*) FROM co_mention_evidence v WHERE v.a = c.a AND v.b = c.b)
      OR paragraph_count != (SELECT coalesce(sum(json_array_length(paragraphs)), 0) FROM co_mention_evidence v WHERE v.a = c.a AND v.b = c.b)`,
      )
      .pluck()
      .get();
    expect(mismatched).toBe(0);
    expect(db.prepare('SELECT max(cable_count) FROM co_mentions').pluck().get()).toBe(3);
    db.close();
  });

  test('a failed build leaves the previous file as it was and no temporary file', async () => {
    const file = path.join(dir, 'kept.db');
    await buildDbOf(file, records);
    const before = dumpTables(file);
    const broken = sortedInMemory(records);
    const failing = {
      ...broken,
      get: (i: number) =>
        i === broken.length - 1
          ? (() => {
              throw new Error('disk on fire');
            })()
          : broken.get(i),
    };
    await expect(
      buildGraphDb(file, failing, DEFAULT_BUILD_OPTIONS, { extractor: 'builtin', inputs: [] }),
    ).rejects.toThrow(`cannot write ${file}: disk on fire`);
    expect(dumpTables(file)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  test('with curation decisions: the curated graph, the decisions, and assignments that keep automatic resolution beside the current entity', async () => {
    const { entities } = buildGraph(records);
    const kouchner = entities.find((e) => e.name === 'Kouchner' || e.name === 'Bernard Kouchner')!;
    const rejected = entities.find((e) => e.type === 'PLACE' && e.id !== kouchner.id)!;
    const curation: Decision[] = [
      {
        seq: 1,
        author: 'test',
        at: '2026-01-01T00:00:00Z',
        op: 'rename',
        id: kouchner.id,
        name: 'Bernard Kouchner (FM)',
      },
      { seq: 2, author: 'test', at: '2026-01-01T00:00:00Z', op: 'reject', id: rejected.id },
    ];
    const file = path.join(dir, 'curated.db');
    await buildGraphDb(
      file,
      sortedInMemory(records),
      { ...DEFAULT_BUILD_OPTIONS, curation },
      { extractor: 'builtin', curationHash: 'abc', inputs: [SEEDS] },
      curationHook(curation),
    );
    const { graph } = buildCuratedGraph(records, curation);
    expect(await graphOfDb(file)).toEqual(graphData(graph));
    const db = openGraphDb(file);
    expect(db.prepare(`SELECT name FROM entities WHERE id = ?`).pluck().get(kouchner.id)).toBe('Bernard Kouchner (FM)');
    expect(db.prepare(`SELECT count(*) FROM entities WHERE id = ?`).pluck().get(rejected.id)).toBe(0);
    // The rejected entity's surface forms keep their automatic entity and belong to none now.
    const orphans = db
      .prepare('SELECT count(*) FROM assignments WHERE auto = ? AND entity IS NULL')
      .pluck()
      .get(rejected.id) as number;
    expect(orphans).toBeGreaterThan(0);
    expect(
      db.prepare('SELECT count(*) FROM assignments WHERE auto != ? AND entity IS NULL').pluck().get(rejected.id),
    ).toBe(0);
    expect(db.prepare('SELECT name FROM resolved WHERE id = ?').pluck().get(kouchner.id)).toBe(kouchner.name);
    expect(
      (db.prepare('SELECT decision FROM decisions ORDER BY seq').pluck().all() as string[]).map((d) => JSON.parse(d)),
    ).toEqual(curation);
    expect(readMeta(db)).toMatchObject({ curation, curationHash: 'abc' });
    db.close();
  });

  test('a file open in another connection (a viewer) is not replaced; stale WAL files of a crashed one are no obstacle', async () => {
    const file = path.join(dir, 'served.db');
    await buildDbOf(file, records);
    const viewer = openGraphDb(file);
    viewer.prepare('SELECT count(*) FROM entities').get();
    expect(fs.existsSync(`${file}-shm`)).toBe(true);
    const before = dumpTables(file);
    await expect(buildDbOf(file, records.slice(0, 1))).rejects.toThrow(
      `${file} is open in another process (cablegraph serve or a curation?): stop it before rebuilding this file, or build to another file`,
    );
    expect(dumpTables(file)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    // A writer's WAL files copied while open, put back after it closed: what a killed process leaves.
    const writer = openGraphDb(file, { write: true });
    writer.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('note', '"x"')`).run();
    const stale = [`${file}-wal`, `${file}-shm`].map((f) => [f, fs.readFileSync(f)] as const);
    writer.close();
    viewer.close();
    for (const [f, bytes] of stale) fs.writeFileSync(f, bytes);
    await buildDbOf(file, records.slice(0, 1));
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const rebuilt = openGraphDb(file);
    expect(readMeta(rebuilt).counts.cables).toBe(1);
    expect(rebuilt.pragma('integrity_check', { simple: true })).toBe('ok');
    rebuilt.close();
  });

  describe('the shared corpus', () => {
    const file = path.join(dir, 'corpus.db');
    let corpus: CableRecord[];
    beforeAll(async () => {
      corpus = await recordsOf([path.join(SHARED, 'corpus')]);
      await buildDbOf(file, corpus);
    }, 300_000);

    test('the graph of the database is the graph in memory', async () => {
      const { graph } = buildGraph(corpus);
      const fromDb = await graphOfDb(file);
      const expected = graphData(graph);
      expect(fromDb.nodes.length).toBe(graph.order);
      expect(fromDb.edges.length).toBe(graph.size);
      // As JSON: a deep comparison of ~300,000 edges with their evidence takes minutes.
      expect(JSON.stringify(fromDb.nodes) === JSON.stringify(expected.nodes)).toBe(true);
      expect(JSON.stringify(fromDb.edges) === JSON.stringify(expected.edges)).toBe(true);
    }, 300_000);

    test('the rows: Kouchner and Talabani share paragraphs 2 and 3 of 07PARIS3534 and 18 of 07PARIS4357; mentions, MENTIONS edges, aliases, words and full-text search agree', async () => {
      const db = openGraphDb(file);
      const evidence = db
        .prepare(
          `SELECT cable_id, paragraphs FROM co_mention_evidence_by_id WHERE a_name = 'Bernard Kouchner' AND b_name = 'Jalal Talabani' OR a_name = 'Jalal Talabani' AND b_name = 'Bernard Kouchner'`,
        )
        .all();
      // (07PARIS4357 writes "President Talibani": a lone surname one vowel off Talabani's joins him)
      expect(evidence).toEqual([
        { cable_id: '07PARIS3534', paragraphs: '[2,3]' },
        { cable_id: '07PARIS4357', paragraphs: '[18]' },
      ]);
      // MENTIONS edges are the groups of the mention rows.
      const groups = db
        .prepare(
          `SELECT cable, entity, count(*) AS count, json_group_array(start) AS starts FROM (SELECT * FROM mentions ORDER BY cable, start) GROUP BY cable, entity ORDER BY cable, entity`,
        )
        .all() as Array<{ cable: number; entity: number; count: number; starts: string }>;
      const edges = db
        .prepare('SELECT cable, entity, count, offsets FROM cable_entities ORDER BY cable, entity')
        .all() as Array<{ cable: number; entity: number; count: number; offsets: string }>;
      expect(groups.map((g) => [g.cable, g.entity, g.count, JSON.parse(g.starts)])).toEqual(
        edges.map((e) => [
          e.cable,
          e.entity,
          e.count,
          (JSON.parse(e.offsets) as number[]).filter((_x, i) => i % 2 === 0),
        ]),
      );
      // Authorship mentions exist and never co-mention.
      expect(db.prepare('SELECT count(*) FROM mentions WHERE authorship = 1').pluck().get()).toBeGreaterThan(0);
      const kouchner = db.prepare(`SELECT node FROM entities WHERE name = 'Bernard Kouchner'`).pluck().get() as number;
      expect(
        db.prepare('SELECT alias FROM aliases WHERE entity = ? ORDER BY position').pluck().all(kouchner),
      ).toContain('Kouchner');
      expect(db.prepare(`SELECT entity FROM entity_words WHERE word = 'kouchner'`).pluck().all()).toContain(kouchner);
      expect(db.prepare(`SELECT rowid FROM entity_fts WHERE entity_fts MATCH 'kouchner'`).pluck().all()).toContain(
        kouchner,
      );
      const hits = db
        .prepare(
          `SELECT c.id, snippet(cable_fts, 1, '[', ']', '…', 8) AS snippet FROM cable_fts JOIN cables c ON c.node = cable_fts.rowid WHERE cable_fts MATCH '"Talabani"' ORDER BY c.id`,
        )
        .all() as Array<{ id: string; snippet: string }>;
      expect(hits.map((h) => h.id)).toContain('07PARIS3534');
      expect(hits[0].snippet).toMatch(/\[Talabani\]/i);
      // Paragraph bounds point into the text.
      const paragraphs = db
        .prepare(
          `SELECT p.number, substr(c.text, p.start + 1, p.end - p.start) AS text FROM paragraphs p JOIN cables c ON c.node = p.cable WHERE c.id = '07PARIS3534' ORDER BY p.position`,
        )
        .all() as Array<{ number: number; text: string }>;
      expect(paragraphs[1].number).toBe(2);
      expect(paragraphs[1].text).toMatch(/^2\. /);
      // Assignments without curation: each surface form belongs to the entity resolution gave it.
      expect(
        db
          .prepare('SELECT count(*) FROM assignments a JOIN entities e ON e.node = a.entity WHERE a.auto != e.id')
          .pluck()
          .get(),
      ).toBe(0);
      expect(db.prepare('SELECT count(*) FROM assignments WHERE entity IS NULL').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM resolved').pluck().get()).toBeGreaterThan(0);
      db.close();
    });
  });
});

describe("a cable's rows sent to the writer as one block", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-db-rows-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('are the rows writeCable and the edge rows write one by one, in the same order', async () => {
    const records = await recordsOf([SEEDS]);
    const write = (file: string, blocks: boolean): void => {
      const db = createGraphDb(file);
      const writer = new GraphDbWriter(db);
      const builder = new CableRowsBuilder();
      compileGraph(
        sortedInMemory(records),
        DEFAULT_BUILD_OPTIONS,
        (_key, _source, _target, attributes, s, t) => {
          if (blocks && attributes.type === 'MENTIONS') builder.edge(t, attributes, 0);
          else writer.edge(s, t, attributes, 0);
        },
        {
          cable: (visit) => {
            if (!blocks) return writeCable(directRows(writer), visit);
            const json = { cable: JSON.stringify(visit.record.cable), mentions: JSON.stringify(visit.record.mentions) };
            writer.cableRows(builder.take(visit, json).block);
          },
        },
      );
      writer.close();
      db.close();
    };
    const [one, block] = [path.join(dir, 'one.db'), path.join(dir, 'block.db')];
    write(one, false);
    write(block, true);
    expect(dumpTables(block)).toEqual(dumpTables(one));
    // Tables with a rowid keep the build's order (mentions by cable, then start).
    const inOrder = (file: string): unknown[][] => {
      const db = new Database(file, { readonly: true });
      const rows = db.prepare('SELECT rowid, * FROM mentions ORDER BY rowid').raw().all() as unknown[][];
      db.close();
      return rows;
    };
    expect(inOrder(block)).toEqual(inOrder(one));
    expect(inOrder(one).length).toBeGreaterThan(50);
    expect(dumpTables(one).assignments.length).toBeGreaterThan(20);
    expect(dumpTables(one).cable_entities.length).toBeGreaterThan(20);
  });
});
