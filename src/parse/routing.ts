// Routing: the FM/TO/INFO lines, their precedence and serials, and readable post names.
import type { RoutedPost, Routing } from './types';
import { findDateTimeGroup } from './dates';

/** Precedence after an addressee, then its message serial or serial range (`IMMEDIATE 2276-2279`). */
const PREC = /\s+(NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)(?:\s+\d+(?:-\d+)?)?\s*$/;

export function parsePost(line: string): RoutedPost | undefined {
  // `DIA WASHINGTON DC//DHI-1B/CLM//` — office symbols after `//` are not part of the post's name.
  let s = line
    .replace(/\s+/g, ' ')
    .replace(/\/\/.*$/, '')
    .trim();
  if (!s) return undefined;
  const post: RoutedPost = { name: '' };
  const pm = PREC.exec(s);
  if (pm) {
    post.precedence = pm[1];
    s = s.slice(0, pm.index);
  }
  s = s.replace(/\s+\d+(?:-\d+)?\s*$/, '');
  // Routing indicator: RUEHFR/…, or ZEN/… (an addressee served without transmission).
  const rm = /^([A-Z0-9]{3,8})\/(.*)$/.exec(s);
  if (rm) {
    post.routingIndicator = rm[1];
    s = rm[2];
  }
  post.name = s.trim();
  return post.name ? post : undefined;
}

/** Parses the `FM`/`TO`/`INFO` block of a routing header. */
export function parseRouting(header: string | undefined): Routing {
  const routing: Routing = { to: [], info: [] };
  if (!header) return routing;
  const dtg = findDateTimeGroup(header);
  if (dtg) {
    routing.dateTimeGroup = dtg.group;
    if (dtg.iso) routing.dateTime = dtg.iso;
    if (dtg.precedence) routing.precedence = dtg.precedence;
  }
  let mode: 'to' | 'info' | undefined;
  for (const rawLine of header.split('\n')) {
    // Teletype page breaks (`PAGE 02 STATE 015113 182333Z`) can land inside the address lists.
    const line = rawLine.replace(/^((?:TO|INFO)\s+)?PAGE\s+\d+\s+[A-Z]+\s+\d+\s+\d{6}Z\s*/, '$1').trim();
    if (!line) continue;
    let m;
    if ((m = /^FM\s+(.*)$/.exec(line))) {
      const p = parsePost(m[1]);
      if (p) routing.from = p;
      mode = undefined;
      continue;
    }
    if ((m = /^TO(?:\s+(.*))?$/.exec(line))) {
      mode = 'to';
      const p = parsePost(m[1] ?? '');
      if (p) routing.to.push(p);
      continue;
    }
    // `INFO LOG-00 ADS-00 …` is the Department's internal distribution list, not addressees.
    if (/^INFO\s+[A-Z]+-\d+\b/.test(line)) {
      mode = undefined;
      continue;
    }
    if ((m = /^INFO(?:\s+(.*))?$/.exec(line))) {
      mode = 'info';
      const p = parsePost(m[1] ?? '');
      if (p) routing.info.push(p);
      continue;
    }
    if (
      /^(?:BT|NNNN|ZFR|XMT|E\.?O\.?|TAGS|SUBJECT|UNCLAS|CONFIDENTIAL|SECRET|C O N|S E C|U N C)\b|^ZEN\b(?!\/)/.test(
        line,
      )
    ) {
      mode = undefined;
      continue;
    }
    if (mode && /^[A-Z0-9]{3,8}\/|^[A-Z][A-Z0-9 .,&()'/-]*$/.test(line) && !/^[A-Z]+-\d+\b/.test(line)) {
      const p = parsePost(line);
      if (p) routing[mode].push(p);
    }
  }
  return routing;
}

const TYPE_WORDS: Array<[RegExp, string]> = [
  [/^AMEMBASSY\s+/, 'Embassy '],
  [/^AMCONSUL\s+/, 'Consulate '],
  [/^USMISSION\s+/, 'Mission '],
  [/^USDEL\s+/, 'Delegation '],
  [/^USINT\s+/, 'Interests Section '],
  [/^AMCONSULATE\s+/, 'Consulate '],
];
const title = (s: string) => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());

/** `AMEMBASSY PARIS` → `Embassy Paris`; `SECSTATE WASHDC` → `Secretary of State`. */
export function readableOrigin(name: string): string {
  const n = name.toUpperCase().trim();
  if (/^SECSTATE\b/.test(n)) return 'Secretary of State';
  if (/^USUN\b/.test(n)) return 'USUN New York';
  for (const [re, w] of TYPE_WORDS) if (re.test(n)) return w + title(n.replace(re, ''));
  return title(n);
}
