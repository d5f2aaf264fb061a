// The embedded store's answers about posts, tags, signers and references: indexed SQL over the graph database.
import type BetterSqlite3 from 'better-sqlite3';
import {
  FILTER_NODES,
  type CableFacets,
  type CableFilter,
  type CableLinks,
  type CableList,
  type FacetCount,
  type LinkedNode,
  type PostView,
  type SignerView,
  type TagView,
} from '../model';
import { compare } from './search';
import type { CableOrder, CatalogEntry } from './store';
import type { EntityKind } from '../model';
import { byDateThenId, byNameThenId, dates, optional, type Row } from './browse-rows';
import { cableRef } from './views';

const CABLE_COLUMNS =
  'c.id AS id, c.date AS date, c.subject AS subject, c.origin AS origin, c.classification AS classification';
const json = (list: readonly unknown[]): string => JSON.stringify(list);

/**
 * The cables a filter matches, as SQL: the intersection of the cable sets its conditions name
 * (each read from an index: cable_posts_by_post, tagged_by_tag, signed_by_person,
 * cable_entities_by_entity), then the date range on those rows only — never a scan of the
 * cables table, which holds the texts.
 */
function matching(filter: CableFilter): { where: string; params: Row } {
  const sets: string[] = [];
  if (filter.post)
    sets.push('SELECT x.cable FROM cable_posts x WHERE x.post = (SELECT node FROM posts WHERE id = :post)');
  if (filter.from)
    sets.push(
      "SELECT x.cable FROM cable_posts x WHERE x.post = (SELECT node FROM posts WHERE id = :from) AND x.role = 'FROM'",
    );
  if (filter.to)
    sets.push(
      "SELECT x.cable FROM cable_posts x WHERE x.post = (SELECT node FROM posts WHERE id = :to) AND x.role IN ('TO', 'INFO')",
    );
  if (filter.tag) sets.push('SELECT x.cable FROM tagged x WHERE x.tag = (SELECT node FROM tags WHERE id = :tag)');
  if (filter.signer)
    sets.push('SELECT s.cable FROM signed s WHERE s.person = (SELECT node FROM entities WHERE id = :signer)');
  if (filter.entity)
    sets.push('SELECT m.cable FROM cable_entities m WHERE m.entity = (SELECT node FROM entities WHERE id = :entity)');
  if (sets.length === 0) throw new Error('a cable filter names a post, a tag, a signer or an entity');
  const where = `c.node IN (${sets.join(' INTERSECT ')}) AND c.in_corpus = 1
    AND (:since IS NULL OR c.date >= :since) AND (:until IS NULL OR substr(c.date, 1, length(:until)) <= :until)`;
  const params: Row = { since: filter.since ?? null, until: filter.until ?? null };
  for (const key of FILTER_NODES) if (filter[key]) params[key] = filter[key];
  return { where, params };
}

/** Browsing by metadata over one connection (the store's): statements prepared once. */
export class SqliteBrowse {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {}

  private all(sql: string, params: Row | unknown[] = {}): Row[] {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s.all(params) as Row[];
  }

  catalog(): CatalogEntry[] {
    const rows = this.all(
      `SELECT 'post' AS kind, id, name, NULL AS label FROM posts UNION ALL SELECT 'tag' AS kind, id, code AS name, name AS label FROM tags`,
    );
    return rows
      .map((r) => ({
        kind: r.kind as CatalogEntry['kind'],
        id: String(r.id),
        name: String(r.name),
        ...(optional(r.label) ? { label: String(r.label) } : {}),
      }))
      .sort((x, y) => compare(x.id, y.id));
  }

  posts(ids: readonly string[]): PostView[] {
    if (ids.length === 0) return [];
    const rows = this.all(
      `SELECT p.id AS id, p.name AS name,
         (SELECT count(DISTINCT x.cable) FROM cable_posts x WHERE x.post = p.node) AS cables,
         (SELECT count(*) FROM cable_posts x WHERE x.post = p.node AND x.role = 'FROM') AS sent,
         (SELECT count(*) FROM cable_posts x WHERE x.post = p.node AND x.role = 'TO') AS "to",
         (SELECT count(*) FROM cable_posts x WHERE x.post = p.node AND x.role = 'INFO') AS info,
         (SELECT min(c.date) FROM cable_posts x JOIN cables c ON c.node = x.cable WHERE x.post = p.node) AS firstDate,
         (SELECT max(c.date) FROM cable_posts x JOIN cables c ON c.node = x.cable WHERE x.post = p.node) AS lastDate
       FROM posts p WHERE p.id IN (SELECT value FROM json_each(?))`,
      [json(ids)],
    );
    const found = new Map(
      rows.map((r) => [
        String(r.id),
        {
          id: String(r.id),
          name: String(r.name),
          cables: Number(r.cables),
          sent: Number(r.sent),
          to: Number(r.to),
          info: Number(r.info),
          ...dates(r),
        },
      ]),
    );
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  tags(ids: readonly string[]): TagView[] {
    if (ids.length === 0) return [];
    const rows = this.all(
      `SELECT t.id AS id, t.code AS code, t.tag_kind AS tagKind, t.name AS label,
         (SELECT count(*) FROM tagged x WHERE x.tag = t.node) AS cables,
         (SELECT min(c.date) FROM tagged x JOIN cables c ON c.node = x.cable WHERE x.tag = t.node) AS firstDate,
         (SELECT max(c.date) FROM tagged x JOIN cables c ON c.node = x.cable WHERE x.tag = t.node) AS lastDate
       FROM tags t WHERE t.id IN (SELECT value FROM json_each(?))`,
      [json(ids)],
    );
    const found = new Map(
      rows.map((r) => [
        String(r.id),
        {
          id: String(r.id),
          code: String(r.code),
          tagKind: String(r.tagKind),
          ...(optional(r.label) ? { label: String(r.label) } : {}),
          cables: Number(r.cables),
          ...dates(r),
        },
      ]),
    );
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  signers(ids: readonly string[]): SignerView[] {
    if (ids.length === 0) return [];
    const rows = this.all(
      `SELECT e.id AS id, e.name AS name, e.kind AS type,
         (SELECT count(*) FROM signed s WHERE s.person = e.node) AS signed,
         (SELECT count(*) FROM classified s WHERE s.person = e.node) AS classified,
         (SELECT min(c.date) FROM (SELECT cable FROM signed WHERE person = e.node UNION SELECT cable FROM classified WHERE person = e.node) a JOIN cables c ON c.node = a.cable) AS firstDate,
         (SELECT max(c.date) FROM (SELECT cable FROM signed WHERE person = e.node UNION SELECT cable FROM classified WHERE person = e.node) a JOIN cables c ON c.node = a.cable) AS lastDate
       FROM entities e WHERE e.id IN (SELECT value FROM json_each(?))`,
      [json(ids)],
    );
    const found = new Map(
      rows.map((r) => [
        String(r.id),
        {
          id: String(r.id),
          name: String(r.name),
          type: r.type as EntityKind,
          signed: Number(r.signed),
          classified: Number(r.classified),
          ...dates(r),
        },
      ]),
    );
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  cableList(filter: CableFilter, order: CableOrder, limit: number, offset: number): CableList {
    const { where, params } = matching(filter);
    const total = Number(this.all(`SELECT count(*) AS n FROM cables c WHERE ${where}`, params)[0].n);
    const direction = order === 'newest' ? 'DESC' : 'ASC';
    const rows = this.all(
      `SELECT ${CABLE_COLUMNS} FROM cables c WHERE ${where} ORDER BY c.date IS NULL, c.date ${direction}, c.id LIMIT :limit OFFSET :offset`,
      { ...params, limit, offset },
    );
    return { total, offset, cables: rows.map((r) => cableRef(String(r.id), r)) };
  }

  cableFacets(filter: CableFilter, size: number): CableFacets {
    const { where, params } = matching(filter);
    const nodes = json(this.all(`SELECT c.node AS n FROM cables c WHERE ${where}`, params).map((r) => r.n));
    const facet = (sql: string): FacetCount[] =>
      this.all(sql, { nodes, size }).map((r) => ({ id: String(r.id), name: String(r.name), cables: Number(r.cables) }));
    const IN = 'IN (SELECT value FROM json_each(:nodes))';
    const posts = (roles: string): FacetCount[] =>
      facet(`SELECT p.id AS id, p.name AS name, count(DISTINCT x.cable) AS cables FROM cable_posts x JOIN posts p ON p.node = x.post
             WHERE x.cable ${IN} AND x.role IN (${roles}) GROUP BY p.node ORDER BY cables DESC, p.id LIMIT :size`);
    return {
      total: (JSON.parse(nodes) as unknown[]).length,
      months: this.all(
        `SELECT substr(c.date, 1, 7) AS month, count(*) AS cables FROM cables c WHERE c.node ${IN} AND c.date IS NOT NULL AND c.date <> '' GROUP BY month ORDER BY month`,
        { nodes },
      ).map((r) => ({ month: String(r.month), cables: Number(r.cables) })),
      origins: posts("'FROM'"),
      recipients: posts("'TO', 'INFO'"),
      tags: this.all(
        `SELECT t.id AS id, t.code AS code, coalesce(t.name, t.code) AS name, count(*) AS cables FROM tagged x JOIN tags t ON t.node = x.tag
         WHERE x.cable ${IN} GROUP BY t.node ORDER BY cables DESC, t.id LIMIT :size`,
        { nodes, size },
      ).map((r) => ({ id: String(r.id), code: String(r.code), name: String(r.name), cables: Number(r.cables) })),
      signers: facet(
        `SELECT e.id AS id, e.name AS name, count(*) AS cables FROM signed s JOIN entities e ON e.node = s.person WHERE s.cable ${IN} GROUP BY e.node ORDER BY cables DESC, e.id LIMIT :size`,
      ),
      // Named in the cables, not as their own signer or classifier (the signature would rank the ambassador first at every post).
      entities: this.all(
        `SELECT e.id AS id, e.kind AS type, e.name AS name, count(*) AS cables FROM cable_entities m JOIN entities e ON e.node = m.entity
         WHERE m.cable ${IN}
           AND NOT EXISTS (SELECT 1 FROM signed s WHERE s.cable = m.cable AND s.person = m.entity)
           AND NOT EXISTS (SELECT 1 FROM classified s WHERE s.cable = m.cable AND s.person = m.entity)
         GROUP BY e.node ORDER BY cables DESC, e.id LIMIT :size`,
        { nodes, size },
      ).map((r) => ({ id: String(r.id), type: r.type as EntityKind, name: String(r.name), cables: Number(r.cables) })),
    };
  }

  cableLinks(id: string): CableLinks | undefined {
    const [cable] = this.all('SELECT node, in_corpus FROM cables WHERE id = ?', [id]);
    if (!cable) return undefined;
    const n = cable.node as number;
    const linked = (sql: string): LinkedNode[] =>
      this.all(sql, [n])
        .map((r) => ({ id: String(r.id), name: String(r.name) }))
        .sort(byNameThenId);
    const post = (role: string): LinkedNode[] =>
      linked(
        `SELECT p.id AS id, p.name AS name FROM cable_posts x JOIN posts p ON p.node = x.post WHERE x.cable = ? AND x.role = '${role}'`,
      );
    const [from] = post('FROM');
    return {
      id,
      inCorpus: !!cable.in_corpus,
      ...(from ? { from } : {}),
      to: post('TO'),
      info: post('INFO'),
      tags: this.all(
        'SELECT t.id AS id, t.code AS code, coalesce(t.name, t.code) AS name FROM tagged x JOIN tags t ON t.node = x.tag WHERE x.cable = ?',
        [n],
      )
        .map((r) => ({ id: String(r.id), code: String(r.code), name: String(r.name) }))
        .sort((x, y) => compare(x.code, y.code) || compare(x.id, y.id)),
      signers: linked(
        'SELECT e.id AS id, e.name AS name FROM signed s JOIN entities e ON e.node = s.person WHERE s.cable = ?',
      ),
      classifiedBy: linked(
        'SELECT e.id AS id, e.name AS name FROM classified s JOIN entities e ON e.node = s.person WHERE s.cable = ?',
      ),
      cites: this.all(
        `SELECT ${CABLE_COLUMNS}, c.in_corpus AS inCorpus FROM cable_references x JOIN cables c ON c.node = x.cited WHERE x.cable = ?`,
        [n],
      )
        .map((r) => ({ ...cableRef(String(r.id), r), inCorpus: !!r.inCorpus }))
        .sort((x, y) => compare(x.id, y.id)),
      citedBy: this.all(
        `SELECT ${CABLE_COLUMNS} FROM cable_references x JOIN cables c ON c.node = x.cable WHERE x.cited = ?`,
        [n],
      )
        .map((r) => cableRef(String(r.id), r))
        .sort(byDateThenId),
    };
  }
}
