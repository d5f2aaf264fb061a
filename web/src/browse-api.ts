// The typed client of the browse routes (src/server/browse-routes.ts): cables by post, tag, signer, entity; lookups; a cable's links.
import type {
  CableFacets,
  CableFilter,
  CableLinks,
  CableList,
  FilterSubjects,
  LookupHit,
  PostView,
  SignerView,
  TagView,
} from '../../src/model';
import { request } from './api';

export type {
  CableFacets,
  CableFilter,
  CableLinks,
  CableList,
  CitedCable,
  FacetCount,
  FilterSubjects,
  LookupHit,
  PostView,
  SignerView,
  TagView,
} from '../../src/model';

export type CableOrder = 'oldest' | 'newest';

/** A cable filter with its order: what a cables view shows (and its address holds). */
export interface CableQuery extends CableFilter {
  order?: CableOrder;
}

const FILTER_KEYS = ['post', 'from', 'to', 'tag', 'signer', 'entity', 'since', 'until', 'order'] as const;

/** `post=post%3APARIS&tag=tag%3AIZ&since=2007`: the query's fields in a fixed order (addresses, API calls). */
export function queryString(query: CableQuery): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** The query of an address's `?…` part (unknown keys ignored). */
export function parseQuery(text: string): CableQuery {
  const params = new URLSearchParams(text);
  const query: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return query;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await request(path, signal ? { signal } : undefined);
  return (await response.json()) as T;
}

const id = encodeURIComponent;

export const browseApi = {
  /** Posts and tags by name, a cable by its id (any form the parser reads). */
  lookup: (q: string, limit = 8, signal?: AbortSignal): Promise<LookupHit[]> =>
    getJson(`lookup?q=${id(q)}&limit=${limit}`, signal),
  post: (postId: string): Promise<PostView> => getJson(`post/${id(postId)}`),
  tag: (tagId: string): Promise<TagView> => getJson(`tag/${id(tagId)}`),
  signer: (personId: string): Promise<SignerView> => getJson(`signer/${id(personId)}`),
  cables: (
    query: CableQuery,
    limit: number,
    offset = 0,
  ): Promise<CableList & { filter: CableFilter; subjects: FilterSubjects }> =>
    getJson(`cables?${queryString(query)}&limit=${limit}&offset=${offset}`),
  facets: (query: CableQuery, size = 10): Promise<CableFacets & { filter: CableFilter }> =>
    getJson(`cables/facets?${queryString({ ...query, order: undefined })}&size=${size}`),
  cableLinks: (cableId: string): Promise<CableLinks> => getJson(`cable/${id(cableId)}/links`),
};
