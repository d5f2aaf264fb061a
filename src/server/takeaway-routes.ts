// API routes to take evidence away (CSV / Markdown of an edge, a path, an entity's links) and to
// bookmark entities and cables.
import express, { type NextFunction, type Request, type Response } from 'express';
import { defaultAuthor } from '../curate';
import { BOOKMARK_KINDS, BookmarksFile, type BookmarkKind } from './bookmarks';
import {
  evidenceCsv,
  evidenceDocument,
  evidenceFileName,
  evidenceMarkdown,
  type EvidenceTarget,
} from './evidence-document';
import type { Explorer } from './explore';

export interface TakeawayOptions {
  /** Where bookmarks go (beside the curation file); without one, bookmarks are off. */
  bookmarks?: string;
  /** No bookmark changes (serve --read-only). */
  readOnly?: boolean;
}

/** Links an entity export covers at most (its strongest co-mentions). */
export const MAX_ENTITY_LINKS = 100;
/** Entities a path export takes at most (a path of the viewer has at most 7). */
const MAX_PATH_IDS = 10;

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

function param(value: unknown, name: string, max = 300): string {
  if (typeof value !== 'string' || value.length === 0) throw bad(`${name} is required`);
  if (value.length > max) throw bad(`${name} is too long`);
  return value;
}

function formatOf(req: Request): 'csv' | 'md' {
  const format = req.query.format ?? 'md';
  if (format !== 'csv' && format !== 'md') throw bad('format must be csv or md');
  return format;
}

/**
 * The routes, mounted on the API router: `GET /takeaway/evidence?a=&b=`, `GET /takeaway/path?ids=`,
 * `GET /takeaway/entity/:id?links=` (each `&format=csv|md`, as a download), and `GET|POST
 * /bookmarks`, `DELETE /bookmarks/:kind/:id`.
 */
export function takeawayRoutes(explorer: (res: Response) => Explorer, options: TakeawayOptions = {}): express.Router {
  const router = express.Router();
  const bookmarks = options.bookmarks ? new BookmarksFile(options.bookmarks) : undefined;
  const viewerBase = (req: Request): string => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;

  const send = async (req: Request, res: Response, target: EvidenceTarget): Promise<void> => {
    const format = formatOf(req);
    const result = await evidenceDocument(explorer(res), target, viewerBase(req));
    if ('missing' in result) throw notFound(`no entity ${result.missing}`);
    const body =
      format === 'csv' ? evidenceCsv(result.doc) : evidenceMarkdown(result.doc, new Date().toISOString().slice(0, 10));
    res
      .attachment(evidenceFileName(result.name, format))
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8')
      .send(body);
  };
  const route =
    (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
      fn(req, res).catch(next);
    };

  router.get(
    '/takeaway/evidence',
    route(async (req, res) => {
      formatOf(req);
      await send(req, res, { kind: 'evidence', a: param(req.query.a, 'a'), b: param(req.query.b, 'b') });
    }),
  );

  router.get(
    '/takeaway/path',
    route(async (req, res) => {
      formatOf(req);
      const ids = param(req.query.ids, 'ids', 3000)
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (ids.length < 2) throw bad('ids must name at least two entities, in path order');
      if (ids.length > MAX_PATH_IDS) throw bad(`at most ${MAX_PATH_IDS} entities`);
      await send(req, res, { kind: 'path', ids });
    }),
  );

  router.get(
    '/takeaway/entity/:id',
    route(async (req, res) => {
      formatOf(req);
      const raw = req.query.links ?? '20';
      if (typeof raw !== 'string' || !/^\d{1,4}$/.test(raw) || Number(raw) < 1)
        throw bad('links must be a whole number ≥ 1');
      await send(req, res, {
        kind: 'entity',
        id: param(req.params.id, 'id'),
        links: Math.min(Number(raw), MAX_ENTITY_LINKS),
      });
    }),
  );

  const bookmarksOn = (): BookmarksFile => {
    if (!bookmarks) throw new RouteError(403, 'BOOKMARKS_DISABLED', 'bookmarks are off on this server');
    return bookmarks;
  };
  router.get(
    '/bookmarks',
    route(async (_req, res) => {
      res.json({
        enabled: !!bookmarks,
        readOnly: !!options.readOnly,
        ...(bookmarks ? { file: bookmarks.file, bookmarks: bookmarks.list() } : { bookmarks: [] }),
      });
    }),
  );
  const writable = (): BookmarksFile => {
    const file = bookmarksOn();
    if (options.readOnly) throw new RouteError(403, 'READ_ONLY', 'this server is read-only: bookmarks cannot change');
    return file;
  };
  const kindOf = (value: unknown): BookmarkKind => {
    if (!BOOKMARK_KINDS.includes(value as BookmarkKind)) throw bad('kind must be entity or cable');
    return value as BookmarkKind;
  };
  /** The label of what is bookmarked: its name or subject; a 404 when it is not in the graph. */
  const labelOf = async (res: Response, kind: BookmarkKind, id: string): Promise<string> => {
    if (kind === 'entity') {
      const [entity] = await explorer(res).store.entities([id]);
      if (!entity) throw notFound(`no entity ${id}`);
      return entity.name;
    }
    const cable = await explorer(res).store.cable(id);
    if (!cable) throw notFound(`no cable ${id}`);
    return cable.subject ?? id;
  };
  router.post(
    '/bookmarks',
    express.json({ limit: '16kb' }),
    route(async (req, res) => {
      const file = writable();
      const body = (req.body ?? {}) as Record<string, unknown>;
      const kind = kindOf(body.kind);
      const id = param(body.id, 'id');
      if (body.note !== undefined && (typeof body.note !== 'string' || body.note.length > 5000))
        throw bad('note must be text (at most 5,000 characters)');
      if (body.author !== undefined && (typeof body.author !== 'string' || body.author.length > 100))
        throw bad('author must be a short text');
      const label = await labelOf(res, kind, id);
      const list = file.append({
        op: 'set',
        kind,
        id,
        label,
        author: body.author ?? defaultAuthor(),
        ...(typeof body.note === 'string' ? { note: body.note } : {}),
      });
      res.json({ enabled: true, readOnly: false, file: file.file, bookmarks: list });
    }),
  );
  router.delete(
    '/bookmarks/:kind/:id',
    express.json({ limit: '1kb' }),
    route(async (req, res) => {
      const file = writable();
      const kind = kindOf(req.params.kind);
      const id = param(req.params.id, 'id');
      if (!file.list().some((b) => b.kind === kind && b.id === id)) throw notFound(`no bookmark on ${kind} ${id}`);
      const list = file.append({ op: 'remove', kind, id, author: defaultAuthor() });
      res.json({ enabled: true, readOnly: false, file: file.file, bookmarks: list });
    }),
  );

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof RouteError)
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
    else next(error);
  });
  return router;
}
