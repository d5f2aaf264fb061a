import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GraphDbReader, openGraphDb } from '../../src/db';
import type { NodeAttrs } from '../../src/model';
import { SEEDS, recordsOf } from '../graph/helpers';
import { buildDbOf, graphOfDb } from './helpers';

describe('reading a graph database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablegraph-db-read-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('node numbers with a hole and an entity numbered after every other node (as curation leaves them): the same graph, in the same order', async () => {
    const file = path.join(dir, 'seeds.db');
    await buildDbOf(file, await recordsOf([SEEDS]));
    const before = await graphOfDb(file);

    // Move the entity with the most co-mentions to a new number after all nodes, as a decision would.
    const db = openGraphDb(file, { write: true });
    const moved = db
      .prepare(
        'SELECT e.node FROM entities e ORDER BY (SELECT count(*) FROM co_mentions c WHERE c.a = e.node OR c.b = e.node) DESC, e.id LIMIT 1',
      )
      .pluck()
      .get() as number;
    const last = db
      .prepare(
        'SELECT max(node) FROM (SELECT node FROM entities UNION ALL SELECT node FROM cables UNION ALL SELECT node FROM posts UNION ALL SELECT node FROM tags)',
      )
      .pluck()
      .get() as number;
    const to = last + 1;
    db.transaction(() => {
      db.prepare('UPDATE entities SET node = ? WHERE node = ?').run(to, moved);
      for (const [table, column] of [
        ['aliases', 'entity'],
        ['entity_words', 'entity'],
        ['mentions', 'entity'],
        ['cable_entities', 'entity'],
        ['assignments', 'entity'],
        ['signed', 'person'],
        ['classified', 'person'],
        ['co_mentions', 'a'],
        ['co_mentions', 'b'],
        ['co_mention_evidence', 'a'],
        ['co_mention_evidence', 'b'],
      ] as const) {
        db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(to, moved);
      }
    })();
    expect(db.prepare('SELECT count(*) FROM co_mentions WHERE a > b').pluck().get()).toBeGreaterThan(0);
    db.close();

    expect(await graphOfDb(file)).toEqual(before);
    const reader = GraphDbReader.open(file);
    expect(reader.nodes.length).toBe(before.nodes.length);
    reader.close();
  });
  test('a reader without the nodes attributes: the same nodes and attributes, kind by kind, each kind in graph order', async () => {
    const file = path.join(dir, 'kinds.db');
    await buildDbOf(file, await recordsOf([SEEDS]));
    // An entity no cable mentions (a signer only, say) comes after those mentioned in graph order.
    const db = openGraphDb(file, { write: true });
    db.prepare(
      "UPDATE entities SET cable_count = 0 WHERE node = (SELECT node FROM entities WHERE kind = 'Person' ORDER BY id LIMIT 1)",
    ).run();
    db.close();
    const full = GraphDbReader.open(file);
    const lean = GraphDbReader.open(file, { nodeAttributes: false });
    try {
      const kinds = [...new Set(full.nodes.attributes.map((a) => a.kind))].sort((a, b) => a.localeCompare(b));
      expect(kinds).toEqual(['Cable', 'Organization', 'Person', 'Place', 'Post', 'Tag']);
      const { keys, attributes } = full.nodes;
      const expected = kinds.flatMap((kind) =>
        keys.flatMap((key, i): Array<[string, NodeAttrs]> =>
          attributes[i].kind === kind ? [[key, attributes[i]]] : [],
        ),
      );
      const persons = expected.filter(([, a]) => a.kind === 'Person');
      expect(persons[persons.length - 1][1].cableCount).toBe(0);
      expect([...lean.nodesByKind()]).toEqual(expected);
      expect([...full.nodesByKind()]).toEqual(expected);
      expect(lean.nodeCount).toBe(full.nodes.length);
      expect(lean.kinds()).toEqual(kinds);
      for (const [key, attributes] of expected) expect(lean.kindOf(key)).toBe(attributes.kind);
      expect(lean.kindOf('no such node')).toBeUndefined();
      expect(() => lean.nodes).toThrow(/without its nodes' attributes/);
    } finally {
      full.close();
      lean.close();
    }
  });
});
