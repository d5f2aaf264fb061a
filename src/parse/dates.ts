// Cable dates as written (HTML or CSV) → ISO 8601.
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const p2 = (n: number | string) => String(n).padStart(2, '0');

export function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n >= 66 ? 1900 + n : 2000 + n;
}

/** `2008-10-23 09:09` (HTML) or `10/23/2008 09:09` (CSV) → `2008-10-23T09:09:00Z`. */
export function normalizeMetadataDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(t);
  if (m) return iso(+m[1], +m[2], +m[3], m[4], m[5], m[6]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(t);
  if (m) return iso(+m[3], +m[1], +m[2], m[4], m[5], m[6]);
  return undefined;
}

function iso(y: number, mo: number, d: number, h?: string, mi?: string, s?: string): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const day = `${y}-${p2(mo)}-${p2(d)}`;
  if (h === undefined) return day;
  return `${day}T${p2(h)}:${mi}:${p2(s ?? '00')}Z`;
}

export interface DateTimeGroup {
  precedence?: string;
  group: string;
  iso?: string;
  index: number;
}

/** Finds a routing date-time group `O 161533Z JAN 07` (precedence optional). */
export function findDateTimeGroup(text: string): DateTimeGroup | undefined {
  const re =
    /(?:^|\n|\s)(?:([OPRZ]{1,2})\s+)?((\d{2})(\d{2})(\d{2})Z\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+(\d{2}|\d{4}))\b/;
  const m = re.exec(text);
  if (!m) return undefined;
  const mo = MONTHS.indexOf(m[6]) + 1;
  const out: DateTimeGroup = { group: m[2], index: m.index, iso: iso(fullYear(m[7]), mo, +m[3], m[4], m[5]) };
  if (m[1]) out.precedence = m[1];
  return out;
}
