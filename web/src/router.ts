// Deep-linkable views as hash routes: #/entity/ID, #/pair/A/B, #/met/A/B (their meetings), #/cable/07PARIS3534, #/path/FROM/TO, #/curation, #/text/QUERY,
// #/cables?post=…&tag=…&since=… (and #/post/ID, #/tag/CODE, #/signer/ID as its short forms).
import { parseQuery, queryString, type CableQuery } from './browse-api';

export type Route =
  | { view: 'home' }
  | { view: 'entity'; id: string }
  | { view: 'pair'; a: string; b: string }
  | { view: 'meetings'; a: string; b: string }
  | { view: 'cable'; id: string }
  | { view: 'path'; from: string; to: string }
  | { view: 'curation' }
  | { view: 'text'; q: string }
  | { view: 'cables'; query: CableQuery };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  // A text query may hold slashes: everything after #/text/ is the query.
  if (raw.startsWith('text/') && raw.length > 5) return { view: 'text', q: decodeURIComponent(raw.slice(5)) };
  if (raw === 'cables' || raw.startsWith('cables?'))
    return { view: 'cables', query: parseQuery(raw.slice('cables'.length)) };
  const parts = raw.split('/').filter(Boolean).map(decodeURIComponent);
  const [view, first, second] = parts;
  if ((view === 'post' || view === 'tag' || view === 'signer') && first)
    return { view: 'cables', query: { [view]: first } };
  if (view === 'entity' && first) return { view, id: first };
  if (view === 'cable' && first) return { view, id: first };
  if (view === 'pair' && first && second) return { view, a: first, b: second };
  if (view === 'met' && first && second) return { view: 'meetings', a: first, b: second };
  if (view === 'path' && first && second) return { view, from: first, to: second };
  if (view === 'curation') return { view };
  return { view: 'home' };
}

export function formatRoute(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'home':
      return '#/';
    case 'entity':
      return `#/entity/${e(route.id)}`;
    case 'cable':
      return `#/cable/${e(route.id)}`;
    case 'pair':
      return `#/pair/${e(route.a)}/${e(route.b)}`;
    case 'meetings':
      return `#/met/${e(route.a)}/${e(route.b)}`;
    case 'path':
      return `#/path/${e(route.from)}/${e(route.to)}`;
    case 'curation':
      return '#/curation';
    case 'text':
      return `#/text/${e(route.q)}`;
    case 'cables':
      return `#/cables?${queryString(route.query)}`;
  }
}

/** Calls `onRoute` on every hash change, and again when navigating to the route already shown. */
export function createRouter(onRoute: (route: Route) => void): {
  navigate(route: Route): void;
  current(): Route;
  start(): void;
} {
  const fire = (): void => onRoute(parseRoute(window.location.hash));
  return {
    navigate(route) {
      const hash = formatRoute(route);
      if (window.location.hash === hash) fire();
      else window.location.hash = hash;
    },
    current: () => parseRoute(window.location.hash),
    start() {
      window.addEventListener('hashchange', fire);
      fire();
    },
  };
}
