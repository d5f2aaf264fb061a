// The Neo4j store's answers about posts, tags, signers and references: one query of cypher/server each, in the embedded store's shapes and orders.
import neo4j from 'neo4j-driver';
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

/** Runs a query of cypher/server by name. */
export type RunQuery = (name: string, params?: Row) => Promise<Row[]>;

const list = (value: unknown): Row[] => (value as Row[] | null | undefined) ?? [];
const byCablesThenId = (x: { cables: number; id: string }, y: { cables: number; id: string }): number =>
  y.cables - x.cables || compare(x.id, y.id);

/** A filter as the queries' parameters: every condition, and the one the cables are found from (the others null). */
function filterParams(filter: CableFilter): Row {
  const anchor = (['signer', 'from', 'to', 'post', 'tag', 'entity'] as const).find((key) => filter[key]);
  if (!anchor) throw new Error('a cable filter names a post, a tag, a signer or an entity');
  const params: Row = { since: filter.since ?? null, until: filter.until ?? null };
  for (const key of FILTER_NODES) {
    params[key] = filter[key] ?? null;
    params[`anchor${key[0].toUpperCase()}${key.slice(1)}`] = key === anchor ? filter[key] : null;
  }
  return params;
}

const inOrder = <T extends { id: string }>(ids: readonly string[], items: T[]): T[] => {
  const found = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
};

export async function catalog(run: RunQuery): Promise<CatalogEntry[]> {
  const rows = await run('catalog');
  return rows
    .map((r) => ({
      kind: r.kind as CatalogEntry['kind'],
      id: String(r.id),
      name: String(r.name),
      ...(optional(r.label) ? { label: String(r.label) } : {}),
    }))
    .sort((x, y) => compare(x.id, y.id));
}

export async function posts(run: RunQuery, ids: readonly string[]): Promise<PostView[]> {
  if (ids.length === 0) return [];
  const rows = await run('posts', { ids: [...ids] });
  return inOrder(
    ids,
    rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      cables: Number(r.cables),
      sent: Number(r.sent),
      to: Number(r.to),
      info: Number(r.info),
      ...dates(r),
    })),
  );
}

export async function tags(run: RunQuery, ids: readonly string[]): Promise<TagView[]> {
  if (ids.length === 0) return [];
  const rows = await run('tags', { ids: [...ids] });
  return inOrder(
    ids,
    rows.map((r) => ({
      id: String(r.id),
      code: String(r.code),
      tagKind: String(r.tagKind),
      ...(optional(r.label) ? { label: String(r.label) } : {}),
      cables: Number(r.cables),
      ...dates(r),
    })),
  );
}

export async function signers(run: RunQuery, ids: readonly string[]): Promise<SignerView[]> {
  if (ids.length === 0) return [];
  const rows = await run('signers', { ids: [...ids] });
  return inOrder(
    ids,
    rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      type: r.type as EntityKind,
      signed: Number(r.signed),
      classified: Number(r.classified),
      ...dates(r),
    })),
  );
}

export async function cableList(
  run: RunQuery,
  filter: CableFilter,
  order: CableOrder,
  limit: number,
  offset: number,
): Promise<CableList> {
  const [row] = await run('cable-list', {
    ...filterParams(filter),
    newest: order === 'newest',
    offset: neo4j.int(offset),
    limit: neo4j.int(limit),
  });
  return { total: Number(row?.total ?? 0), offset, cables: list(row?.cables).map((c) => cableRef(String(c.id), c)) };
}

export async function cableFacets(run: RunQuery, filter: CableFilter, size: number): Promise<CableFacets> {
  const [row] = await run('cable-facets', { ...filterParams(filter), size: neo4j.int(size) });
  const facet = (value: unknown): FacetCount[] =>
    list(value)
      .map((r) => ({ id: String(r.id), name: String(r.name), cables: Number(r.cables) }))
      .sort(byCablesThenId);
  return {
    total: Number(row?.total ?? 0),
    months: list(row?.months)
      .map((r) => ({ month: String(r.month), cables: Number(r.cables) }))
      .sort((x, y) => compare(x.month, y.month)),
    origins: facet(row?.origins),
    recipients: facet(row?.recipients),
    tags: list(row?.tags)
      .map((r) => ({ id: String(r.id), code: String(r.code), name: String(r.name), cables: Number(r.cables) }))
      .sort(byCablesThenId),
    signers: facet(row?.signers),
    entities: list(row?.entities)
      .map((r) => ({ id: String(r.id), type: r.type as EntityKind, name: String(r.name), cables: Number(r.cables) }))
      .sort(byCablesThenId),
  };
}

export async function cableLinks(run: RunQuery, id: string): Promise<CableLinks | undefined> {
  const [row] = await run('cable-links', { id });
  if (!row) return undefined;
  const linked = (value: unknown): LinkedNode[] =>
    list(value)
      .map((r) => ({ id: String(r.id), name: String(r.name) }))
      .sort(byNameThenId);
  const [from] = linked(row.from);
  return {
    id,
    inCorpus: row.inCorpus === true,
    ...(from ? { from } : {}),
    to: linked(row.to),
    info: linked(row.info),
    tags: list(row.tags)
      .map((r) => ({ id: String(r.id), code: String(r.code), name: String(r.name) }))
      .sort((x, y) => compare(x.code, y.code) || compare(x.id, y.id)),
    signers: linked(row.signers),
    classifiedBy: linked(row.classifiedBy),
    cites: list(row.cites)
      .map((r) => ({ ...cableRef(String(r.id), r), inCorpus: r.inCorpus === true }))
      .sort((x, y) => compare(x.id, y.id)),
    citedBy: list(row.citedBy)
      .map((r) => cableRef(String(r.id), r))
      .sort(byDateThenId),
  };
}
