// API routes to browse cables by post, tag, signer and entity, look posts and tags up, and follow a cable's references.
import express, { type NextFunction, type Request, type Response } from 'express';
import { Browse, BROWSE_LIMITS, cableIdOf } from './browse';
import { cableListCsv, cableListFileName, cableListMarkdown } from './cable-list-document';
import { FILTER_NODES, type CableFilter } from '../model';
import type { CableOrder, GraphStore } from './store';

class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const bad = (message: string): RouteError => new RouteError(400, 'BAD_REQUEST', message);
const notFound = (message: string): RouteError => new RouteError(404, 'NOT_FOUND', message);

type Query = Request['query'];

function single(query: Query, name: string, max = 300): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw bad(`${name} must be given once`);
  if (value.length > max) throw bad(`${name} is too long`);
  return value;
}

function integer(query: Query, name: string, fallback: number, min: number, max: number): number {
  const raw = single(query, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min) throw bad(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return Math.min(Number(raw), max);
}

function date(query: Query, name: string): string | undefined {
  const raw = single(query, name);
  if (raw === undefined) return undefined;
  if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(raw))
    throw bad(`${name} must be a date like 2007, 2007-08 or 2007-08-27, got "${raw}"`);
  return raw;
}

/** The filter of a request: at least one of post, from, to, tag, signer, entity. */
function cableFilter(query: Query): CableFilter {
  const filter: CableFilter = {};
  for (const key of FILTER_NODES) {
    const value = single(query, key);
    if (value !== undefined) filter[key] = value;
  }
  if (!FILTER_NODES.some((key) => filter[key]))
    throw bad('name the cables: post, from, to, tag, signer or entity (and since, until to narrow them)');
  const since = date(query, 'since');
  const until = date(query, 'until');
  if (since && until && until < since.slice(0, until.length)) throw bad('until is before since');
  if (since) filter.since = since;
  if (until) filter.until = until;
  return filter;
}

function order(query: Query): CableOrder {
  const value = single(query, 'order') ?? 'oldest';
  if (value !== 'oldest' && value !== 'newest') throw bad(`order must be oldest or newest, got "${value}"`);
  return value;
}

/**
 * The routes, mounted on the API router:
 * `GET /lookup?q=` posts and tags by name, a cable by its id;
 * `GET /post/:id`, `/tag/:id`, `/signer/:id` one node with its cable counts;
 * `GET /cables?post=&from=&to=&tag=&signer=&entity=&since=&until=&order=&limit=&offset=` the cables (and what the filter names);
 * `GET /cables/facets?…&size=` what they have in common;
 * `GET /cables/export?…&format=csv|md` the list as a download (links to the viewer and the public copy);
 * `GET /cable/:id/links` a cable's posts, tags, authors and references both ways.
 */
export function browseRoutes(store: () => GraphStore): express.Router {
  const router = express.Router();
  const browse = (): Browse => new Browse(store());
  const route = (fn: (req: Request) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => {
    fn(req).then((body) => {
      if (!res.destroyed) res.json(body);
    }, next);
  };
  const idParam = (req: Request): string => {
    const id = req.params.id;
    if (typeof id !== 'string' || id.length === 0) throw bad('id is required');
    if (id.length > 300) throw bad('id is too long');
    return id;
  };

  router.get(
    '/lookup',
    route(async (req) => {
      const q = single(req.query, 'q', 200);
      if (q === undefined) throw bad('q is required');
      return browse().lookup(q, integer(req.query, 'limit', 10, 1, BROWSE_LIMITS.lookup));
    }),
  );
  router.get(
    '/post/:id',
    route(
      async (req) =>
        (await browse().post(idParam(req))) ?? Promise.reject(notFound(`no post ${String(req.params.id)}`)),
    ),
  );
  router.get(
    '/tag/:id',
    route(
      async (req) => (await browse().tag(idParam(req))) ?? Promise.reject(notFound(`no tag ${String(req.params.id)}`)),
    ),
  );
  router.get(
    '/signer/:id',
    route(
      async (req) =>
        (await browse().signer(idParam(req))) ?? Promise.reject(notFound(`no person ${String(req.params.id)}`)),
    ),
  );

  router.get(
    '/cables',
    route(async (req) => {
      const b = browse();
      const { filter, subjects } = await b.subjects(cableFilter(req.query));
      if (subjects.missing) throw notFound(`no ${subjects.missing}`);
      const list = await b.cables(
        filter,
        order(req.query),
        integer(req.query, 'limit', 50, 1, BROWSE_LIMITS.cables),
        integer(req.query, 'offset', 0, 0, 1e9),
      );
      return { filter, subjects, ...list };
    }),
  );
  router.get(
    '/cables/facets',
    route(async (req) => {
      const b = browse();
      const { filter, subjects } = await b.subjects(cableFilter(req.query));
      if (subjects.missing) throw notFound(`no ${subjects.missing}`);
      return { filter, ...(await b.facets(filter, integer(req.query, 'size', 10, 1, BROWSE_LIMITS.facet))) };
    }),
  );
  // The whole list (up to BROWSE_LIMITS.export cables) as a download.
  router.get('/cables/export', (req: Request, res: Response, next: NextFunction) => {
    (async () => {
      const format = single(req.query, 'format') ?? 'md';
      if (format !== 'csv' && format !== 'md') throw bad('format must be csv or md');
      const b = browse();
      const { filter, subjects } = await b.subjects(cableFilter(req.query));
      if (subjects.missing) throw notFound(`no ${subjects.missing}`);
      const list = await b.cables(filter, order(req.query), BROWSE_LIMITS.export, 0);
      const doc = {
        filter,
        subjects,
        total: list.total,
        cables: list.cables,
        viewer: `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`,
      };
      const body = format === 'csv' ? cableListCsv(doc) : cableListMarkdown(doc, new Date().toISOString().slice(0, 10));
      res
        .attachment(cableListFileName(doc, format))
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8')
        .send(body);
    })().catch(next);
  });
  router.get(
    '/cable/:id/links',
    route(async (req) => {
      const id = idParam(req);
      return (await browse().links(id)) ?? Promise.reject(notFound(`no cable ${cableIdOf(id)}`));
    }),
  );

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof RouteError)
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
    else next(error);
  });
  return router;
}
