// The part of the graph database a curation decision touches, as a small graphology graph (before and after the decision) — what Neo4j is brought up to date with.
import Graph from 'graphology';
import type { CableGraph, EdgeAttrs, EdgeStatement, NodeAttrs } from '../model';
import type BetterSqlite3 from 'better-sqlite3';
import {
  CABLE_COLUMNS,
  cableAttributes,
  entityAttributes,
  postAttributes,
  type CableRow,
  type EntityRow,
} from '../db/read';
import { affiliationRow, meetingRow, roleRow } from '../db/read-relations';
import { cutStatements, relationEdges } from '../graph/relation-edges';

type Database = BetterSqlite3.Database;
type Row = Record<string, unknown>;

/**
 * Reads nodes and edges of the graph database with the attributes the graph (and the Neo4j
 * loader) gives them — the same as GraphDbReader's (src/db/read.ts).
 */
export class LocalGraphReader {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  constructor(
    private readonly db: Database,
    private readonly maxEvidence: number,
  ) {}

  private st(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** An entity node's key and attributes (undefined when the row is gone). */
  entity(node: number): [string, NodeAttrs] | undefined {
    const r = this.st('SELECT * FROM entities WHERE node = ?').get(node) as EntityRow | undefined;
    if (!r) return undefined;
    const attributes = entityAttributes(r);
    attributes.aliases = (
      this.st('SELECT alias, count FROM aliases WHERE entity = ? ORDER BY position').all(node) as Array<{
        alias: string;
        count: number;
      }>
    ).map((a) => ({ text: a.alias, count: a.count }));
    return [String(r.id), attributes];
  }

  cable(node: number): [string, NodeAttrs] | undefined {
    const r = this.st(`SELECT ${CABLE_COLUMNS} FROM cables WHERE node = ?`).get(node) as CableRow | undefined;
    if (!r) return undefined;
    return [r.id, cableAttributes(r)];
  }

  /** Any node a relation edge can end at (person, place, organization, post) or name (a meeting's cable): its key and attributes. */
  node(node: number): [string, NodeAttrs] | undefined {
    const entry = this.entity(node) ?? this.cable(node);
    if (entry) return entry;
    const post = this.st('SELECT * FROM posts WHERE node = ?').get(node) as
      Parameters<typeof postAttributes>[0] | undefined;
    return post ? [post.id, postAttributes(post)] : undefined;
  }

  /**
   * The people whose HOLDS_ROLE, AFFILIATED_WITH and MET edges a decision can change: the parties of
   * the relation rows of `cables`, and of the rows naming `nodes` as person, owner or party.
   */
  relationPeople(cables: Iterable<number>, nodes: Iterable<number>): Set<number> {
    const c = JSON.stringify([...cables]);
    const n = JSON.stringify([...nodes]);
    const people = this.st(
      `SELECT person FROM roles WHERE cable IN (SELECT value FROM json_each(:c)) OR person IN (SELECT value FROM json_each(:n)) OR owner IN (SELECT value FROM json_each(:n))
       UNION SELECT person FROM affiliations WHERE cable IN (SELECT value FROM json_each(:c)) OR person IN (SELECT value FROM json_each(:n)) OR owner IN (SELECT value FROM json_each(:n))
       UNION SELECT a FROM meetings WHERE cable IN (SELECT value FROM json_each(:c)) OR a IN (SELECT value FROM json_each(:n)) OR b IN (SELECT value FROM json_each(:n))
       UNION SELECT b FROM meetings WHERE cable IN (SELECT value FROM json_each(:c)) OR a IN (SELECT value FROM json_each(:n)) OR b IN (SELECT value FROM json_each(:n))`,
    )
      .pluck()
      .all({ c, n }) as number[];
    return new Set([...people, ...(JSON.parse(n) as number[])]);
  }

  /**
   * Adds the relation edges of `people` (all their roles and affiliations, which aggregate across
   * cables, and their meetings), with the nodes at their ends — the edges a fresh load writes for them;
   * the middle statements of their cut edges go to `statements` (Neo4j's (:Statement) nodes).
   */
  addRelations(graph: CableGraph, people: Set<number>, statements: EdgeStatement[] = []): void {
    const p = JSON.stringify([...people]);
    const rows = {
      roles: (
        this.st('SELECT * FROM roles WHERE person IN (SELECT value FROM json_each(?)) ORDER BY rowid').all(p) as Row[]
      ).map(roleRow),
      affiliations: (
        this.st('SELECT * FROM affiliations WHERE person IN (SELECT value FROM json_each(?)) ORDER BY rowid').all(
          p,
        ) as Row[]
      ).map(affiliationRow),
      meetings: (
        this.st(
          'SELECT * FROM meetings WHERE a IN (SELECT value FROM json_each(:p)) OR b IN (SELECT value FROM json_each(:p)) ORDER BY rowid',
        ).all({ p }) as Row[]
      ).map(meetingRow),
    };
    const keys = new Map<number, [string, NodeAttrs] | undefined>();
    const entry = (node: number): [string, NodeAttrs] => {
      if (!keys.has(node)) keys.set(node, this.node(node));
      const found = keys.get(node);
      if (!found) throw new Error(`a relation row names node ${node}, which no node table has`);
      return found;
    };
    for (const edge of relationEdges(rows, (node) => entry(node)[0], this.maxEvidence)) {
      for (const end of [edge.source, edge.target])
        if (!graph.hasNode(end)) {
          const node = [...keys.values()].find((e) => e?.[0] === end)!;
          graph.addNode(end, node[1]);
        }
      if (!graph.hasEdge(edge.key)) graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
    }
    // every row of these people's roles and affiliations: their edges whole, numbered as a load numbers them
    const seen = new Set(statements.map((s) => `${s.edge}#${s.seq}`));
    for (const s of cutStatements(rows, (node) => entry(node)[0], this.maxEvidence))
      if (!seen.has(`${s.edge}#${s.seq}`)) statements.push(s);
  }

  private addEntity(graph: CableGraph, node: number): string | undefined {
    const entry = this.entity(node);
    if (entry && !graph.hasNode(entry[0])) graph.addNode(entry[0], entry[1]);
    return entry?.[0];
  }

  private addCable(graph: CableGraph, node: number): string | undefined {
    const entry = this.cable(node);
    if (entry && !graph.hasNode(entry[0])) graph.addNode(entry[0], entry[1]);
    return entry?.[0];
  }

  /** A co-mention pair's edge (both ends added), when the pair exists. */
  addPair(graph: CableGraph, a: number, b: number): void {
    const r = this.st(
      'SELECT weight, cable_count, paragraph_count, first_date, last_date FROM co_mentions WHERE a = ? AND b = ?',
    ).get(a, b) as
      | {
          weight: number;
          cable_count: number;
          paragraph_count: number;
          first_date: string | null;
          last_date: string | null;
        }
      | undefined;
    if (!r) return;
    const source = this.addEntity(graph, a);
    const target = this.addEntity(graph, b);
    if (!source || !target) return;
    const key = `CO_MENTIONED:${source}--${target}`;
    if (graph.hasEdge(key)) return;
    const list = (
      this.st(
        'SELECT c.id, v.paragraphs FROM co_mention_evidence v JOIN cables c ON c.node = v.cable WHERE v.a = ? AND v.b = ? ORDER BY v.cable LIMIT ?',
      ).all(a, b, this.maxEvidence) as Array<{ id: string; paragraphs: string }>
    ).map((e) => ({
      cable: e.id,
      paragraphs: JSON.parse(e.paragraphs) as number[],
    }));
    const attributes: EdgeAttrs = {
      type: 'CO_MENTIONED',
      weight: r.weight,
      cableCount: r.cable_count,
      paragraphCount: r.paragraph_count,
      cables: list.map((e) => e.cable),
      evidence: list,
    };
    if (Number(r.cable_count) > list.length) attributes.evidenceTruncated = true;
    if (r.first_date !== null)
      Object.assign(attributes, { firstDate: r.first_date, lastDate: r.last_date ?? r.first_date });
    graph.addUndirectedEdgeWithKey(key, source, target, attributes);
  }

  /**
   * The graph around a decision: the given entities with every co-mention they have, the given
   * cables with their MENTIONS, SIGNED and CLASSIFIED edges, and the given pairs — with the nodes
   * at their ends.
   */
  capture(entities: Iterable<number>, cables: Iterable<number>, pairs: Iterable<[number, number]> = []): CableGraph {
    const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'mixed', multi: true, allowSelfLoops: false });
    for (const node of entities) {
      if (!this.addEntity(graph, node)) continue;
      for (const p of this.st(
        'SELECT a, b FROM co_mentions WHERE a = :n UNION ALL SELECT a, b FROM co_mentions WHERE b = :n',
      ).all({ n: node }) as Array<{ a: number; b: number }>)
        this.addPair(graph, p.a, p.b);
    }
    for (const [a, b] of pairs) this.addPair(graph, a, b);
    for (const cable of cables) {
      const id = this.addCable(graph, cable);
      if (!id) continue;
      for (const m of this.st(
        'SELECT entity, count, paragraphs, offsets FROM cable_entities WHERE cable = ? ORDER BY position',
      ).all(cable) as Row[]) {
        const entity = this.addEntity(graph, Number(m.entity));
        if (entity)
          graph.addDirectedEdgeWithKey(`MENTIONS:${id}->${entity}`, id, entity, {
            type: 'MENTIONS',
            count: Number(m.count),
            paragraphs: JSON.parse(String(m.paragraphs)) as number[],
            offsets: JSON.parse(String(m.offsets)) as number[],
          });
      }
      for (const s of this.st('SELECT person FROM signed WHERE cable = ? ORDER BY rowid').all(cable) as Row[]) {
        const person = this.addEntity(graph, Number(s.person));
        if (person && !graph.hasEdge(`SIGNED:${person}->${id}`))
          graph.addDirectedEdgeWithKey(`SIGNED:${person}->${id}`, person, id, { type: 'SIGNED' });
      }
      for (const c of this.st('SELECT person, title FROM classified WHERE cable = ? ORDER BY rowid').all(
        cable,
      ) as Array<{ person: number; title: string | null }>) {
        const person = this.addEntity(graph, Number(c.person));
        if (person && !graph.hasEdge(`CLASSIFIED:${person}->${id}`))
          graph.addDirectedEdgeWithKey(`CLASSIFIED:${person}->${id}`, person, id, {
            type: 'CLASSIFIED',
            ...(c.title === null ? {} : { title: c.title }),
          });
      }
    }
    return graph;
  }
}
