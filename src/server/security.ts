// security: who may talk to the server (Host, token, Origin, content type), the headers every answer carries, and clean error answers.
import * as crypto from 'crypto';
import * as os from 'os';
import type { NextFunction, Request, Response } from 'express';

/** The longest request target (path and query string) the server reads. */
export const MAX_URL_LENGTH = 4096;
/** The header the viewer sends its token in (also accepted: `Authorization: Bearer <token>`). */
export const TOKEN_HEADER = 'x-cablegraph-token';

/**
 * Who may talk to the server. On loopback: requests naming this machine in `Host` (the only
 * ones a DNS-rebinding page cannot send). Beyond loopback: those naming one of the machine's
 * addresses or names (or one allowed by `--allow-host`), and every API request must carry the token.
 */
export interface AccessPolicy {
  /** Host names (no port; IPv6 without brackets, lower case) a request may name in `Host`. */
  allowedHosts: ReadonlySet<string>;
  /** Required on every API request when set. */
  token?: string;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** Whether a bind address keeps the server to this machine. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** A fresh token: 192 random bits, URL-safe (it travels in the viewer's URL once). */
export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

const normalHost = (host: string): string =>
  host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

/** The host names of this machine: loopback names, every interface address, its host name. */
function machineHosts(): string[] {
  const addresses = Object.values(os.networkInterfaces()).flatMap((list) =>
    (list ?? []).map((i) => i.address.replace(/%.*$/, '')),
  );
  const name = os.hostname();
  return [...addresses, name, `${name}.local`];
}

/**
 * The policy for a server bound to `bindHost`: the names a request may use to reach it (the
 * bound address, loopback names, and — when bound to every interface — the machine's addresses
 * and name), plus `extraHosts`; `token` as given (the caller decides when one is required).
 */
export function accessPolicy(
  bindHost: string,
  options: { token?: string; extraHosts?: readonly string[] } = {},
): AccessPolicy {
  const hosts = new Set([...LOOPBACK_NAMES, bindHost, ...(options.extraHosts ?? [])].map(normalHost));
  const wildcard = ['0.0.0.0', '::', ''].includes(normalHost(bindHost));
  if (wildcard) for (const h of machineHosts()) hosts.add(normalHost(h));
  return { allowedHosts: hosts, ...(options.token ? { token: options.token } : {}) };
}

/** The host name of a `Host` header value (`[::1]:8080` → `::1`); undefined when it is not one. */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/\s@]+)(?::(\d{1,5}))?$/.exec(header.trim());
  return match ? normalHost(match[1]) : undefined;
}

/** Thrown by the checks below; answered as JSON with its status. */
export class AccessError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Every answer's headers: no sniffing, no framing, no referrer, and a CSP that allows the viewer's own bundle only. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader(
    'Content-Security-Policy',
    // The viewer: module scripts and styles from its own origin (vite emits no inline script),
    // data: icons, blob: for the PNG/GEXF downloads, fetch to its own API.
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  // The token may be in the page's URL: never send it anywhere.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  next();
}

/** Refuses request targets longer than MAX_URL_LENGTH (414) before anything parses them. */
export function capUrl(req: Request, _res: Response, next: NextFunction): void {
  if (req.url.length > MAX_URL_LENGTH)
    next(new AccessError(414, 'URI_TOO_LONG', `the request target is longer than ${MAX_URL_LENGTH} characters`));
  else next();
}

/** Refuses a `Host` that does not name this server: what a DNS-rebinding page sends. */
export function checkHost(policy: AccessPolicy) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const name = hostName(req.headers.host);
    if (name !== undefined && policy.allowedHosts.has(name)) return next();
    next(
      new AccessError(
        403,
        'FORBIDDEN_HOST',
        `this server does not answer to the host "${String(req.headers.host ?? '').slice(0, 100)}" (start it with --allow-host NAME to allow a name)`,
      ),
    );
  };
}

const sameSecret = (given: string, token: string): boolean => {
  // Equal-length digests: the comparison takes the same time whatever the guess.
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b);
};

function givenToken(req: Request): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  const auth = req.headers.authorization;
  const match = auth ? /^(?:Bearer|token)\s+(\S+)$/i.exec(auth) : null;
  return match?.[1];
}

/**
 * The API's gate: no request from another site (a page elsewhere cannot even start work here),
 * the token when the policy has one.
 */
export function checkApiAccess(policy: AccessPolicy) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.headers['sec-fetch-site'] === 'cross-site')
      return next(
        new AccessError(403, 'FORBIDDEN_ORIGIN', 'the API answers the viewer of this server only, not other sites'),
      );
    if (policy.token !== undefined) {
      const given = givenToken(req);
      if (given === undefined)
        return next(
          new AccessError(
            401,
            'TOKEN_REQUIRED',
            'this server needs its token: open the URL it printed (…/?token=…), or send the token in the X-Cablegraph-Token header',
          ),
        );
      if (!sameSecret(given, policy.token))
        return next(new AccessError(401, 'TOKEN_INVALID', "the token is not this server's: open the URL it printed"));
    }
    next();
  };
}

/**
 * The rule for requests that change or export something (POST): JSON only — so a form or any
 * other simple cross-site request is refused, and a browser must ask (preflight) before sending
 * it, which this server never grants — and, when a browser says where it comes from, only from
 * this server's own origin.
 */
export function checkWrite(req: Request, _res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let same: boolean;
    try {
      const url = new URL(origin);
      same =
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.host.toLowerCase() === String(req.headers.host ?? '').toLowerCase();
    } catch {
      same = false;
    }
    if (!same)
      return next(
        new AccessError(
          403,
          'FORBIDDEN_ORIGIN',
          `writes come from this server's own viewer only, not from ${origin.slice(0, 100)}`,
        ),
      );
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    return next(
      new AccessError(
        403,
        'FORBIDDEN_ORIGIN',
        `writes come from this server's own viewer only (Sec-Fetch-Site: ${String(site).slice(0, 30)})`,
      ),
    );
  if (!req.is('application/json'))
    return next(
      new AccessError(415, 'UNSUPPORTED_MEDIA_TYPE', 'the body must be JSON (Content-Type: application/json)'),
    );
  next();
}

/** Messages for the statuses express and its parsers raise: fixed text, never theirs (it can name files). */
const CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': { code: 'BAD_REQUEST', message: 'the body is not valid JSON' },
  'entity.too.large': { code: 'TOO_LARGE', message: 'the body is too large' },
  'charset.unsupported': { code: 'UNSUPPORTED_CHARSET', message: 'the body must be UTF-8' },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_ENCODING',
    message: 'the body encoding is not supported (identity, gzip, deflate or br)',
  },
  'request.aborted': { code: 'BAD_REQUEST', message: 'the request was aborted' },
  'request.size.invalid': { code: 'BAD_REQUEST', message: 'the body is shorter or longer than its Content-Length' },
  'parameters.too.many': { code: 'TOO_LARGE', message: 'too many parameters' },
};
const BY_STATUS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'the request is malformed (check the percent-encoding of the URL)' },
  403: { code: 'FORBIDDEN', message: 'forbidden' },
  404: { code: 'NOT_FOUND', message: 'not found' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'method not allowed' },
  406: { code: 'NOT_ACCEPTABLE', message: 'not acceptable' },
  412: { code: 'PRECONDITION_FAILED', message: 'a precondition (If-Match, If-Unmodified-Since) failed' },
  413: { code: 'TOO_LARGE', message: 'the body is too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported media type' },
  416: { code: 'RANGE_NOT_SATISFIABLE', message: 'the requested range is not satisfiable' },
};

/** The status, code and message to answer an error with: 4xx as the client's mistake (fixed text), anything else a 500. */
export function errorAnswer(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof AccessError) return { status: error.status, code: error.code, message: error.message };
  const e = (error ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    const known = (typeof e.type === 'string' ? CLIENT_ERRORS[e.type] : undefined) ??
      BY_STATUS[status] ?? { code: `HTTP_${status}`, message: 'the request was refused' };
    return { status, ...known };
  }
  return { status: 500, code: 'INTERNAL', message: 'the server failed to answer; see the server log' };
}
