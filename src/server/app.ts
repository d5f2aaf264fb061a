// The express app: the JSON API routes, their parameter checks, and the built viewer.
import * as fs from 'fs';
import * as path from 'path';
import express, { type NextFunction, type Request, type Response } from 'express';
import Graph from 'graphology';
import { CablegraphError } from '../common/diagnostics';
import { decisionProblem, defaultAuthor } from '../curate';
import { browseRoutes } from './browse-routes';
import type { ViewerCurator } from './curator';
import { Explorer, LIMITS } from './explore';
import { GexfExports, streamGexf } from './gexf-download';
import {
  accessPolicy,
  capUrl,
  checkApiAccess,
  checkHost,
  checkWrite,
  errorAnswer,
  securityHeaders,
  type AccessPolicy,
} from './security';
import { SqliteStore } from './sqlite-store';
import { StatementsNotStored, type GraphStore } from './store';
import { takeawayRoutes, type TakeawayOptions } from './takeaway-routes';
import { TextQueryError } from './text-query';
import {
  FILTER_DATE_EXAMPLES,
  isFilterDate,
  type CurationState,
  type DecisionRequest,
  ENTITY_KINDS,
  type EntityKind,
  type GraphFilter,
  type Subgraph,
  type CableGraph,
  type EdgeAttrs,
  type NodeAttrs,
  type StatementEdgeRef,
} from '../model';
import { text } from '../common/text';

/** The built viewer (vite build of web/). */
export const WEB_ROOT = path.resolve(__dirname, '..', '..', 'web', 'dist');

/** A request the API refuses: answered as JSON with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string): ApiError => new ApiError(400, 'BAD_REQUEST', message);
const notFound = (what: string): ApiError => new ApiError(404, 'NOT_FOUND', what);
/** The 404 of a request naming two entities: the ones that are missing ("no entity X", not "no entity A or B" when A is there). */
async function missingOf(explorer: Explorer, ...ids: string[]): Promise<ApiError> {
  const missing: string[] = [];
  for (const id of ids) if (!(await explorer.entity(id, 0))) missing.push(text(id));
  return notFound(`no entity ${(missing.length ? missing : ids.map(text)).join(' or ')}`);
}

type Query = Request['query'];

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw bad(`${name} must be given once`);
  return value;
}

/** An integer parameter: absent → fallback; outside [min, max] → a 400 (limits are capped, not refused). */
function integer(query: Query, name: string, fallback: number, min: number, max: number): number {
  const raw = single(query, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d{1,9}$/.test(raw)) throw bad(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min) throw bad(`${name} must be at least ${min}`);
  return Math.min(n, max);
}

function date(query: Query, name: string): string | undefined {
  const raw = single(query, name);
  if (raw === undefined) return undefined;
  if (!isFilterDate(raw)) throw bad(`${name} must be a date like ${FILTER_DATE_EXAMPLES}, got "${raw}"`);
  return raw;
}

function types(query: Query): EntityKind[] | undefined {
  const raw = single(query, 'types');
  if (raw === undefined) return undefined;
  const list = raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = list.filter((t) => !ENTITY_KINDS.includes(t as EntityKind));
  if (unknown.length > 0) throw bad(`unknown type ${unknown.join(', ')} (types: ${ENTITY_KINDS.join(', ')})`);
  return list as EntityKind[];
}

function id(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) throw bad(`${name} is required`);
  if (value.length > 300) throw bad(`${name} is too long`);
  return value;
}

function filter(query: Query): GraphFilter {
  const f: GraphFilter = { minWeight: integer(query, 'minWeight', 1, 1, 1e9) };
  const t = types(query);
  if (t) f.types = t;
  const since = date(query, 'since');
  const until = date(query, 'until');
  if (since) f.since = since;
  if (until) f.until = until;
  if (since && until && until < since.slice(0, until.length)) throw bad('until is before since');
  const community = single(query, 'community');
  if (community !== undefined) f.community = integer(query, 'community', -1, -1, 1e9);
  return f;
}

/** A subgraph as a graphology graph, for the GEXF writer. */
export function subgraphToGraph(sub: Subgraph): CableGraph {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'mixed', multi: true, allowSelfLoops: false });
  for (const n of sub.nodes) {
    graph.addNode(n.id, {
      kind: n.type,
      label: n.name,
      name: n.name,
      cableCount: n.cableCount,
      weightedDegree: n.weightedDegree,
      pagerank: n.pagerank,
      community: n.community,
      x: n.x,
      y: n.y,
      ...(n.firstDate ? { firstDate: n.firstDate, lastDate: n.lastDate } : {}),
    });
  }
  for (const e of sub.edges) {
    graph.addUndirectedEdgeWithKey(`CO_MENTIONED:${e.id}`, e.source, e.target, {
      type: 'CO_MENTIONED',
      weight: e.weight,
      cableCount: e.cableCount,
      ...(e.firstDate ? { firstDate: e.firstDate, lastDate: e.lastDate } : {}),
    });
  }
  return graph;
}

export interface AppOptions {
  /** Directory of the built viewer; defaults to web/dist. */
  webRoot?: string;
  /** Curation from the viewer (merge, reject, rename, undo …); read-only without one. */
  curator?: ViewerCurator;
  /** Who may talk to the server (Host names, token); default: this machine only, no token. */
  access?: AccessPolicy;
  /** Evidence exports and bookmarks (src/server/takeaway-routes.ts). */
  takeaway?: TakeawayOptions;
}

/** Longest a read may work before it is answered 503 (its work stops there). */
export const READ_DEADLINE_MS = 15_000;
/** GEXF exports written at once; more are answered 503 with Retry-After. */
export const GEXF_AT_ONCE = 2;
/** Body limits: a decision is a few ids; a GEXF request lists up to LIMITS.gexfNodes ids. */
const DECISION_BODY_LIMIT = '32kb';
const GEXF_BODY_LIMIT = '1mb';

/** Why a request's work stopped: its client went away (nothing to answer). */
class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/**
 * A request's signal: aborted when its client goes away before the answer is complete (the
 * connection closed), or when `deadline` ms have passed (a TimeoutError).
 */
export function requestSignal(res: Response, deadline: number): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort(new ClientGone('the client went away'));
  });
  return AbortSignal.any([gone.signal, AbortSignal.timeout(deadline)]);
}

const DECISION_FIELDS = [
  'op',
  'ids',
  'into',
  'name',
  'id',
  'type',
  'alias',
  'aliases',
  'cables',
  'decision',
  'author',
  'note',
];

/**
 * The express app: a JSON API over a GraphStore (every input validated, every limit capped,
 * errors as JSON) and the built viewer. Never builds Cypher from user strings: the stores take
 * values as parameters.
 */
export function createApp(initialStore: GraphStore, options: AppOptions = {}): express.Express {
  const curator = options.curator;
  const access = options.access ?? accessPolicy('127.0.0.1');
  // Curation replaces the embedded store with one over the rebuilt graph: always ask for the current one.
  const current = (): GraphStore => curator?.store ?? initialStore;
  const explorerFor = (res: Response): Explorer => new Explorer(current(), requestSignal(res, READ_DEADLINE_MS));
  const gexfExports = new GexfExports(GEXF_AT_ONCE);
  const app = express();
  // Production: express's own error pages never carry a stack (ours below answer JSON anyway).
  app.set('env', 'production');
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(securityHeaders, capUrl, checkHost(access));
  const api = express.Router();
  api.use(checkApiAccess(access));
  // Anything but a read is a write: JSON from this server's own viewer only.
  api.use((req: Request, res: Response, next: NextFunction) =>
    ['GET', 'HEAD', 'OPTIONS'].includes(req.method) ? next() : checkWrite(req, res, next),
  );
  const handle =
    (fn: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => {
      fn(req, res).then((body) => {
        if (!res.destroyed) res.json(body);
      }, next);
    };

  api.get(
    '/stats',
    handle(() => current().stats()),
  );

  api.get(
    '/curation',
    handle(async (): Promise<CurationState> => {
      if (!curator) return { enabled: false, decisions: [], names: {} };
      const decisions = curator.decisions();
      return { enabled: true, file: curator.curationFile, decisions, names: curator.names(decisions) };
    }),
  );
  api.get(
    '/curation/suggest',
    handle(async (req) => {
      if (!curator)
        throw new ApiError(
          403,
          'CURATION_DISABLED',
          'curation is off: serve a graph file (with --neo4j, give the graph file it was loaded from)',
        );
      return curator.suggest(integer(req.query, 'limit', 30, 1, 200));
    }),
  );
  api.post(
    '/curation',
    express.json({ limit: DECISION_BODY_LIMIT }),
    handle(async (req) => {
      if (!curator)
        throw new ApiError(
          403,
          'CURATION_DISABLED',
          'curation is off: serve a graph file (with --neo4j, give the graph file it was loaded from)',
        );
      const body = (req.body ?? {}) as Record<string, unknown>;
      const request = Object.fromEntries(Object.entries(body).filter(([k]) => DECISION_FIELDS.includes(k))) as Record<
        string,
        unknown
      >;
      if (request.author === undefined) request.author = defaultAuthor();
      const problem = decisionProblem({ ...request, seq: 1, at: new Date().toISOString() });
      if (problem) throw bad(problem);
      try {
        return await curator.decide(request as unknown as DecisionRequest);
      } catch (error) {
        if (error instanceof CablegraphError && error.code === 'CURATION_UNKNOWN_ENTITY')
          throw notFound(error.message.replace(/^[^:]*: /, ''));
        if (error instanceof CablegraphError && error.code.startsWith('CURATION')) throw bad(error.message);
        throw error;
      }
    }),
  );
  api.get(
    '/search',
    handle(async (req, res) => {
      const q = single(req.query, 'q');
      if (q === undefined) throw bad('q is required');
      if (q.length > 200) throw bad('q is too long');
      return explorerFor(res).search(q, types(req.query), integer(req.query, 'limit', 20, 1, LIMITS.search));
    }),
  );
  api.get(
    '/text-search',
    handle(async (req) => {
      const q = single(req.query, 'q');
      if (q === undefined) throw bad('q is required');
      if (q.length > 500) throw bad('q is too long');
      const store = current();
      if (!store.textSearch)
        throw new ApiError(
          501,
          'NOT_SUPPORTED',
          'full-text search over the cables needs the graph database (serve a graph built by cablegraph build, not --neo4j)',
        );
      const since = date(req.query, 'since');
      const until = date(req.query, 'until');
      try {
        return await store.textSearch({
          q,
          limit: integer(req.query, 'limit', 20, 1, LIMITS.textSearch),
          offset: integer(req.query, 'offset', 0, 0, 1e6),
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
        });
      } catch (error) {
        if (error instanceof TextQueryError) throw bad(error.message);
        throw error;
      }
    }),
  );
  api.get(
    '/entity/:id',
    handle(async (req, res) => {
      const entity = await explorerFor(res).entity(
        id(req.params.id, 'id'),
        integer(req.query, 'neighbours', 20, 0, LIMITS.neighbours),
      );
      if (!entity) throw notFound(`no entity ${text(req.params.id)}`);
      return entity;
    }),
  );
  api.get(
    '/relations/:id',
    handle(async (req, res) => {
      const relations = await explorerFor(res).relations(id(req.params.id, 'id'));
      if (!relations) throw notFound(`no entity or post ${String(req.params.id)}`);
      return relations;
    }),
  );
  // A HOLDS_ROLE or AFFILIATED_WITH edge's statements, a page at a time (an edge lists at most maxEvidence).
  api.get(
    '/statements',
    handle(async (req, res) => {
      const type = single(req.query, 'type');
      if (type !== 'HOLDS_ROLE' && type !== 'AFFILIATED_WITH') throw bad('type must be HOLDS_ROLE or AFFILIATED_WITH');
      const person = id(single(req.query, 'person'), 'person');
      const owner = id(single(req.query, 'owner'), 'owner');
      const edge: StatementEdgeRef =
        type === 'HOLDS_ROLE'
          ? { type, person, owner, title: id(single(req.query, 'title'), 'title') }
          : { type, person, owner };
      const offset = integer(req.query, 'offset', 0, 0, 1e9);
      const limit = integer(req.query, 'limit', 50, 1, LIMITS.statements);
      try {
        const page = await explorerFor(res).statements(edge, offset, limit);
        if (!page) throw notFound(`no ${type} edge from ${person} to ${owner}`);
        return page;
      } catch (error) {
        if (error instanceof StatementsNotStored) throw new ApiError(501, 'NOT_SUPPORTED', error.message);
        throw error;
      }
    }),
  );
  // The canvas's meetings: the links among shown entities (a list of ids, like a GEXF request), and a pair's passages.
  api.post(
    '/meetings',
    express.json({ limit: GEXF_BODY_LIMIT }),
    handle(async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const nodes = body.nodes;
      if (!Array.isArray(nodes) || !nodes.every((n) => typeof n === 'string' && n.length > 0 && n.length <= 300))
        throw bad('nodes must be a list of entity ids');
      if (nodes.length > LIMITS.overview) throw bad(`at most ${LIMITS.overview} nodes`);
      const query: Query = {};
      for (const key of ['since', 'until']) if (body[key] !== undefined) query[key] = text(body[key]);
      const range = filter(query);
      return explorerFor(res).meetingLinks(nodes as string[], range);
    }),
  );
  api.get(
    '/meetings/:a/:b',
    handle(async (req, res) => {
      const a = id(req.params.a, 'a');
      const b = id(req.params.b, 'b');
      if (a === b) throw bad('a and b must be two entities');
      const meetings = await explorerFor(res).pairMeetings(a, b);
      if (!meetings) throw await missingOf(explorerFor(res), a, b);
      return meetings;
    }),
  );
  api.get(
    '/neighbourhood/:id',
    handle(async (req, res) => {
      const sub = await explorerFor(res).neighbourhood(
        id(req.params.id, 'id'),
        filter(req.query),
        integer(req.query, 'hops', 1, 1, LIMITS.hops),
        integer(req.query, 'limit', 100, 1, LIMITS.neighbourhood),
      );
      if (!sub) throw notFound(`no entity ${text(req.params.id)}`);
      return sub;
    }),
  );
  api.get(
    '/overview',
    handle(async (req, res) =>
      explorerFor(res).overview(
        filter(req.query),
        integer(req.query, 'limit', 300, 1, LIMITS.overview),
        integer(req.query, 'maxEdges', LIMITS.overviewEdges, 1, LIMITS.overviewEdges),
      ),
    ),
  );
  api.get(
    '/paths',
    handle(async (req, res) => {
      const [from, to] = [id(req.query.from, 'from'), id(req.query.to, 'to')];
      const result = await explorerFor(res).paths(
        from,
        to,
        integer(req.query, 'maxHops', 4, 1, LIMITS.pathHops),
        integer(req.query, 'minWeight', 1, 1, 1e9),
        integer(req.query, 'limit', 5, 1, LIMITS.paths),
      );
      if (!result) throw await missingOf(explorerFor(res), from, to);
      return result;
    }),
  );
  api.get(
    '/evidence',
    handle(async (req, res) => {
      const [a, b] = [id(req.query.a, 'a'), id(req.query.b, 'b')];
      const result = await explorerFor(res).evidence(
        a,
        b,
        integer(req.query, 'limit', 20, 1, LIMITS.evidence),
        integer(req.query, 'offset', 0, 0, 1e9),
      );
      if (!result) throw await missingOf(explorerFor(res), a, b);
      return result;
    }),
  );
  api.get(
    '/cable/:id',
    handle(async (req, res) => {
      const cable = await explorerFor(res).cable(id(req.params.id, 'id'));
      if (!cable) throw notFound(`no cable ${text(req.params.id)}`);
      return cable;
    }),
  );
  api.post('/gexf', express.json({ limit: GEXF_BODY_LIMIT }), (req: Request, res: Response, next: NextFunction) => {
    (async () => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const nodes = body.nodes;
      if (!Array.isArray(nodes) || nodes.length === 0 || !nodes.every((n) => typeof n === 'string' && n.length <= 300))
        throw bad('nodes must be a non-empty list of entity ids');
      if (nodes.length > LIMITS.gexfNodes) throw bad(`at most ${LIMITS.gexfNodes} nodes`);
      const query: Query = {};
      for (const key of ['minWeight', 'since', 'until']) if (body[key] !== undefined) query[key] = text(body[key]);
      const edgeFilter = filter(query);
      const slot = gexfExports.take();
      if (!slot) {
        res.setHeader('Retry-After', '5');
        throw new ApiError(503, 'BUSY', `${GEXF_AT_ONCE} GEXF exports are being written: try again in a few seconds`);
      }
      try {
        // Gathered (over the graph database) and written in a worker thread, streamed as the socket drains; stops when the client leaves.
        const signal = requestSignal(res, 10 * 60_000);
        const store = current();
        const ids = nodes as string[];
        const job =
          store instanceof SqliteStore
            ? { database: store.file, ids, filter: edgeFilter }
            : await new Explorer(store, signal).subgraph(ids, edgeFilter);
        await streamGexf(job, res, signal);
      } finally {
        slot.release();
      }
    })().catch(next);
  });
  api.use(takeawayRoutes(explorerFor, options.takeaway));
  api.use(browseRoutes(current));
  api.use((_req: Request, _res: Response, next: NextFunction) => next(notFound('no such API route')));
  app.use('/api', api);

  const webRoot = options.webRoot ?? WEB_ROOT;
  if (fs.existsSync(path.join(webRoot, 'index.html'))) {
    app.use(express.static(webRoot, { index: 'index.html', maxAge: '1h' }));
    // The viewer routes in the browser (#/cable/…, ?q=…): every other GET gets the page.
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.method === 'GET' ? res.sendFile(path.join(webRoot, 'index.html')) : next(),
    );
  } else {
    app.get('/', (_req: Request, res: Response) => {
      res.type('text/plain').send('cablegraph API is running at /api; the viewer is not built (npm run build).\n');
    });
  }
  app.use(answerError);
  return app;
}

/**
 * Every error, from the API, the static files (Range → 416, If-Match → 412, a malformed path →
 * 400) or express itself (undecodable parameters, unknown charsets and encodings), answered as
 * JSON with a fixed message: never a stack or a file path. Unexpected ones are logged in full.
 */
function answerError(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const reason =
    error instanceof ClientGone
      ? error
      : (error as { name?: string }).name === 'AbortError'
        ? (error as { cause?: unknown }).cause
        : undefined;
  if (error instanceof ClientGone || reason instanceof ClientGone || res.destroyed) return;
  let answer: { status: number; code: string; message: string };
  if (error instanceof ApiError) answer = { status: error.status, code: error.code, message: error.message };
  else if ((error as { name?: string }).name === 'TimeoutError')
    answer = {
      status: 503,
      code: 'TOO_SLOW',
      message: `the question took longer than ${READ_DEADLINE_MS / 1000} s: ask for fewer hops, a smaller limit or a higher minimum weight`,
    };
  else {
    answer = errorAnswer(error);
    if (answer.status === 500) process.stderr.write(`cablegraph serve: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  if (res.headersSent) {
    // Half an answer is out (a streamed GEXF): the client must see it cut, not complete.
    res.destroy();
    return;
  }
  // Headers a failed static answer set (Content-Range, Content-Disposition …) do not describe this one.
  for (const name of res.getHeaderNames())
    if (
      !/^(content-security-policy|x-content-type-options|x-frame-options|referrer-policy|cross-origin-|retry-after)/.test(
        name,
      )
    )
      res.removeHeader(name);
  res.status(answer.status).json({ error: { code: answer.code, message: answer.message } });
}
