// The typed client of the JSON API (src/server): one function per endpoint, errors as ApiRequestError.
import type {
  CableDetail,
  CurationState,
  DecisionRequest,
  DecisionSummary,
  EntityDetail,
  EntityKind,
  GraphFilter,
  GraphStats,
  PairEvidence,
  PathsResult,
  SearchHit,
  Subgraph,
  Suggestion,
  TextSearchResult,
} from '../../src/model';
import type { EntityRelations, MeetingLinks, PairMeetings, StatementEdgeRef, StatementPage } from '../../src/model';

/** An API answer with an error status (or no answer at all: `status` 0, code `NETWORK`). */
export class ApiRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type Params = Record<string, string | number | undefined | null | readonly string[]>;

function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function filterParams(filter: GraphFilter): Params {
  return {
    types: filter.types,
    minWeight: filter.minWeight && filter.minWeight > 1 ? filter.minWeight : undefined,
    since: filter.since,
    until: filter.until,
    community: filter.community,
  };
}

const TOKEN_KEY = 'cablegraph-token';

/**
 * The server's token, when it needs one (`cablegraph serve --host 0.0.0.0` prints the viewer's URL
 * with `?token=…`, as Jupyter does): taken from the URL once, kept for this tab, and removed from
 * the address bar so it is not bookmarked, shared or screenshotted by accident.
 */
const token = ((): string | undefined => {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  const store = (): Storage | undefined => {
    try {
      return window.sessionStorage;
    } catch {
      return undefined; // storage disabled: the token lives as long as the page
    }
  };
  if (fromUrl) {
    store()?.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return store()?.getItem(TOKEN_KEY) ?? undefined;
})();

/** A request to the API with the viewer's token; a non-2xx answer throws an ApiRequestError. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  const headers = new Headers(init.headers);
  if (token) headers.set('X-Cablegraph-Token', token);
  try {
    response = await fetch(`api/${path}`, { ...init, headers });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError('NETWORK', `The server did not answer (${(error as Error).message})`, 0, path);
  }
  if (response.ok) return response;
  let code = `HTTP_${response.status}`;
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): the status line says enough.
  }
  throw new ApiRequestError(code, message, response.status, path);
}

async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const response = await request(path + query(params), signal ? { signal } : undefined);
  return (await response.json()) as T;
}

const id = encodeURIComponent;

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

// Curation: the decision types are the model's (src/model/curation.ts), as the server reads them.

export interface NeighbourhoodOptions extends GraphFilter {
  hops?: number;
  limit?: number;
}

export const api = {
  stats: (): Promise<GraphStats> => getJson('stats'),

  search: (
    q: string,
    options: { types?: EntityKind[]; limit?: number } = {},
    signal?: AbortSignal,
  ): Promise<SearchHit[]> => getJson('search', { q, types: options.types, limit: options.limit }, signal),

  entity: (entityId: string): Promise<EntityDetail> => getJson(`entity/${id(entityId)}`, { neighbours: 30 }),

  neighbourhood: (entityId: string, options: NeighbourhoodOptions = {}): Promise<Subgraph> =>
    getJson(`neighbourhood/${id(entityId)}`, {
      ...filterParams({ ...options, community: undefined }),
      hops: options.hops,
      limit: options.limit,
    }),

  overview: (options: GraphFilter & { limit?: number } = {}): Promise<Subgraph> =>
    getJson('overview', { ...filterParams(options), limit: options.limit }),

  paths: (
    from: string,
    to: string,
    options: { maxHops?: number; minWeight?: number; limit?: number } = {},
  ): Promise<PathsResult> =>
    getJson('paths', {
      from,
      to,
      maxHops: options.maxHops,
      minWeight: options.minWeight && options.minWeight > 1 ? options.minWeight : undefined,
      limit: options.limit,
    }),

  evidence: (a: string, b: string, options: { limit?: number; offset?: number } = {}): Promise<PairEvidence> =>
    getJson('evidence', { a, b, limit: options.limit, offset: options.offset }),

  cable: (cableId: string): Promise<CableDetail> => getJson(`cable/${id(cableId)}`),

  /** Full-text search over the cables (words, "phrases", prefix*, OR, -exclude). */
  textSearch: (q: string, options: { limit?: number; offset?: number } = {}): Promise<TextSearchResult> =>
    getJson('text-search', { q, limit: options.limit, offset: options.offset }),

  /** The meeting links among shown entities (people), in a date range (POST: a view holds up to 5,000 ids). */
  meetingLinks: (body: { nodes: string[]; since?: string; until?: string }): Promise<MeetingLinks> =>
    postJson('meetings', body),

  /** Every meeting of two entities, either way, with its passage. */
  pairMeetings: (a: string, b: string): Promise<PairMeetings> => getJson(`meetings/${id(a)}/${id(b)}`),

  curation: (): Promise<CurationState> => getJson('curation'),

  suggestions: (limit = 30): Promise<Suggestion[]> => getJson('curation/suggest', { limit }),

  /** Takes a decision: one transaction on the graph database (well under a second for most entities). */
  decide: (decision: DecisionRequest): Promise<DecisionSummary> => postJson('curation', decision),

  /** GEXF 1.3 of the given entities and the co-mention edges among them. */
  gexf: async (body: { nodes: string[]; minWeight?: number; since?: string; until?: string }): Promise<Blob> => {
    const response = await request('gexf', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.blob();
  },
};

// ── Relations (issue 17) ───────────────────────────────────────────────────────────────────────

/** A page of a role's (or an affiliation's) statements: an edge lists at most the build's maxEvidence, this reaches them all. */
export async function fetchStatements(
  edge: StatementEdgeRef,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<StatementPage> {
  return getJson<StatementPage>('statements', { ...edge, offset, limit }, signal);
}

/** An entity's or a post's roles (as the person, or as the owner), affiliations and meetings, with their passages. */
export async function fetchRelations(entityId: string, signal?: AbortSignal): Promise<EntityRelations> {
  return getJson<EntityRelations>(`relations/${id(entityId)}`, {}, signal);
}
