// Canonical cable reference ids (`05PARIS77`): one canonicalisation for `--id`, page ids and references.
/** Canonical cable reference ids (`05PARIS77`): one canonicalisation for `--id`, page ids and references. */
import { BoundedMemo } from '../common/memo';
import { LEARNED_POSTS, LEARNED_ROUTING_NAMES } from './post-data';

/**
 * Posts of the Cablegate release that the sample corpus does not name (its page names and
 * routing lines give the rest, see post-data.ts). Missions keep their own forms.
 */
const MORE_POSTS = [
  'USEUBRUSSELS',
  'UNESCOPARISFR',
  'AITTAIPEI',
  'CDGENEVA',
  'BANDARSERIBEGAWAN',
  'HOCHIMINHCITY',
  'HONGKONG',
  'CIUDADJUAREZ',
  'MONTERREY',
  'TIJUANA',
  'GUADALAJARA',
  'HERMOSILLO',
  'MATAMOROS',
  'MERIDA',
  'NOGALES',
  'NUEVOLAREDO',
  'OSAKAKOBE',
  'NAHA',
  'SAPPORO',
  'FUKUOKA',
  'NAGOYA',
  'SURABAYA',
  'MELBOURNE',
  'SYDNEY',
  'PERTH',
  'AUCKLAND',
  'VANCOUVER',
  'CALGARY',
  'HALIFAX',
  'ALEXANDRIA',
  'KIRKUK',
  'MOSUL',
  'BASRAH',
  'HILLAH',
  'BANGUI',
  'BRAZZAVILLE',
  'MALABO',
  'MBABANE',
  'MASERU',
  'LILONGWE',
  'LUANDA',
  'ANTANANARIVO',
  'PORTMORESBY',
  'SUVA',
  'APIA',
  'KOLONIA',
  'KOROR',
  'MAJURO',
  'DILI',
  'VIENTIANE',
  'PODGORICA',
  'NASSAU',
  'KINGSTON',
  'HAMILTON',
  'THESSALONIKI',
  'IZMIR',
  'KRAKOW',
  'PONTADELGADA',
  'MOGADISHU',
  'CALCUTTA',
  'MADRAS',
  'BOMBAY',
  'GUANGZHOU',
  'SECDEF',
  'USDOC',
  'USDAFAS',
  'ASUNCION',
  'BELIZE',
  'CHARLESTON',
  'LENINGRAD',
  'KADUNA',
  'USUNROME',
  'WELLINGTON',
  'DUSSELDORF',
  'WHITEHOUSE',
];

/** Names a post is written under, as the corpus's canonical ids spell it (all letters, no spaces). */
const POST_ALIASES: Record<string, string> = {
  SECSTATE: 'STATE',
  SECSTATEWASHDC: 'STATE',
  STATEWASHDC: 'STATE',
  SECSTATEWASHINGTONDC: 'STATE',
  WASHDC: 'STATE',
  SECTSTATE: 'STATE',
  DEPTOFSTATE: 'STATE',
  DEPARTMENTOFSTATE: 'STATE',
  RIO: 'RIODEJANEIRO',
  RIODEJAN: 'RIODEJANEIRO',
  USUN: 'USUNNEWYORK',
  USUNNY: 'USUNNEWYORK',
  USUNNEWYORKNY: 'USUNNEWYORK',
  NEWYORK: 'USUNNEWYORK',
  UNVIE: 'UNVIEVIENNA',
  UNVIENNA: 'UNVIEVIENNA',
  USUNVIE: 'UNVIEVIENNA',
  USUNVIEVIENNA: 'UNVIEVIENNA',
  PARISFR: 'UNESCOPARISFR',
  USUNESCOPARISFR: 'UNESCOPARISFR',
  UNESCOPARIS: 'UNESCOPARISFR',
  UNESCO: 'UNESCOPARISFR',
  USUNESCO: 'UNESCOPARISFR',
  USEU: 'USEUBRUSSELS',
  USEUBRUSSELSBE: 'USEUBRUSSELS',
  USNATOBRUSSELS: 'USNATO',
  USNATOBRUSSELSBE: 'USNATO',
  USOSCEVIENNA: 'USOSCE',
  USAU: 'USAUADDISABABA',
  MISSIONGENEVA: 'GENEVA',
  GENEVASZ: 'GENEVA',
  HAGUE: 'THEHAGUE',
  TAIPEI: 'AITTAIPEI',
  DELHI: 'NEWDELHI',
  HK: 'HONGKONG',
  HCMC: 'HOCHIMINHCITY',
  HOCHIMINH: 'HOCHIMINHCITY',
  SAIGON: 'HOCHIMINHCITY',
  MEXICOCITY: 'MEXICO',
  PANAMACITY: 'PANAMA',
  GUATEMALACITY: 'GUATEMALA',
  KUWAITCITY: 'KUWAIT',
  PORTAUPRINCEHAITI: 'PORTAUPRINCE',
  PAP: 'PORTAUPRINCE',
  POS: 'PORTOFSPAIN',
  ADDIS: 'ADDISABABA',
  DAR: 'DARESSALAAM',
  PETERSBURG: 'STPETERSBURG',
  SAINTPETERSBURG: 'STPETERSBURG',
  VAT: 'VATICAN',
  HOLYSEE: 'VATICAN',
  IRANRPODUBAI: 'RPODUBAI',
  IRPODUBAI: 'RPODUBAI',
  DUBAIRPO: 'RPODUBAI',
  RPO: 'RPODUBAI',
  JOBURG: 'JOHANNESBURG',
};

/** Words before the post that are not part of its name (`AMEMBASSY PARIS`, `USMISSION GENEVA`). */
const POST_TYPE = /^(?:AMEMBASSY|EMBASSY|AMCONSULATE|AMCONSUL|CONSULATE|USMISSION|USINT|USLO|AMEMB)(?=[A-Z]{3})/;
/** Handling caveats and classification words that run into the post in some ids (`09EFTORIYADH1110`). */
const LEADING_CAVEAT =
  /^(?:EFTO|NOFORN|SIPDIS|SENSITIVE|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMDIS|EXDIS|NODIS|FOUO)(?=[A-Z]{3})/;
/** A section header run into the id, misspelt or not: `SECTION01OF03`, `SECTIN03OF03`, `SECTION0QF05`, `01OF02`. */
const SECTION_JUNK = /^[A-Z]{0,9}[0-9OQ][0-9OQ]?(?:[A-Z]?F|O)[0-9OQ][0-9OQ]?(?=[A-Z]{3})/;

const KNOWN = new Set<string>([...LEARNED_POSTS, ...MORE_POSTS, ...Object.values(POST_ALIASES)]);
const KNOWN_LIST = [...KNOWN].sort((a, b) => b.length - a.length);
for (const [name, post] of Object.entries(LEARNED_ROUTING_NAMES)) {
  const key = name.replace(/[^A-Z]/g, '');
  // USEU cables were filed under BRUSSELS early on; a USEU reference names the mission
  if (!(key in POST_ALIASES) && key !== 'USEUBRUSSELS') POST_ALIASES[key] = post;
}

/** Whether a post name is one the corpus uses in its ids. */
export function isKnownPost(post: string): boolean {
  return KNOWN.has(post);
}

/** Whether words run together are exactly a post's name or a known alias of it (no guessing). */
export function isPostName(words: string): boolean {
  const key = words.toUpperCase().replace(/[^A-Z]/g, '');
  return KNOWN.has(key) || key in POST_ALIASES;
}

const cache = new BoundedMemo<string>(10_000);

/** `SECSTATE` → `STATE`, `RIO DE JANEIRO` → `RIODEJANEIRO`, `AMEMBASSY PARIS` → `PARIS`, `BRUSSLS` → `BRUSSELS`. */
export function canonicalPost(post: string): string {
  const key = post.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = resolvePost(key);
  cache.set(key, value);
  return value;
}

function resolvePost(key: string): string {
  let p = key;
  for (let i = 0; i < 3; i++) {
    const before = p;
    if (KNOWN.has(p) || POST_ALIASES[p]) break;
    p = p.replace(POST_TYPE, '').replace(LEADING_CAVEAT, '');
    if (/[0-9]/.test(p)) p = p.replace(SECTION_JUNK, ''); // section junk always carries a digit
    if (p === before) break;
  }
  p = p.replace(/^[0-9]+(?=[A-Z])/, '');
  if (/[0-9]/.test(p)) p = p.replace(/0/g, 'O'); // `COTON0U`, `0TTAWA`
  if (KNOWN.has(p)) return p;
  if (POST_ALIASES[p]) return POST_ALIASES[p];
  // the post preceded by what is left of a word (`SIFIEDABUJA`, `FSCCHARLESTON`)
  const tail = KNOWN_LIST.find((k) => k.length >= 4 && p.length - k.length >= 2 && p.endsWith(k));
  if (tail) return tail;
  // the post cut short (`RIODEJAN`, `KUALALUMP`, `BANDARSERI`)
  if (p.length >= 5) {
    const heads = KNOWN_LIST.filter((k) => k.startsWith(p));
    if (heads.length === 1) return heads[0];
  }
  // one letter dropped, doubled, changed or two swapped (`BRUSSLS`, `THEHAGE`, `RIODEJANIERO`)
  if (p.length >= 4) {
    const near = closest(p, p.length >= 8 ? 2 : 1);
    if (near) return near;
  } else if (p.length === 3) {
    // three letters: only a four-letter post missing one of its letters (`BAU` → BAKU)
    const near = KNOWN_LIST.filter((k) => k.length === 4 && distance(p, k, 1) === 1);
    if (near.length === 1) return near[0];
  }
  return p;
}

/** The one known post within `max` edits (Damerau) of `p`, when exactly one is nearest. */
function closest(p: string, max: number): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  let tie = false;
  for (const k of KNOWN) {
    if (Math.abs(k.length - p.length) > max || k.length < 4) continue;
    const d = distance(p, k, max);
    if (d < bestD) {
      best = k;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best && !tie && bestD <= max ? best : undefined;
}

/** Optimal string alignment distance, stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0][j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (i > 0 && rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** Two-digit year string for a full or two-digit year. */
export function yy(year: number | string): string {
  return String(year).slice(-2).padStart(2, '0');
}

/**
 * Canonicalizes an id written as `05PARIS77`, `05 PARIS 000077`, `PARIS 000077` (+defaultYear),
 * `usun new york 12`, `2005 PARIS 77`, `09EFTORIYADH1110`, `08SECSTATE12345`, `O8 PARIS 1O23`.
 * Returns undefined when the text is not a cable id.
 */
export function canonicalCableId(text: string, defaultYear?: number | string): string | undefined {
  const t = text
    .trim()
    .toUpperCase()
    .replace(/[\s.'’_-]+/g, ' ')
    .replace(/^'/, '');
  const m =
    /^(?:((?:19|20)\d{2}|\d{2}|O\d|\dO)\s*)?([A-Z0-9][A-Z0-9 ]*?[A-Z])\s*([0-9][0-9O]{0,6})(?:\s*(?:ZFR|ZDK|TOSEC)[A-Z0-9 ]*)?$/.exec(
      t,
    );
  if (!m) return undefined;
  const written = m[1]?.replace(/O/g, '0');
  const year = written ?? (defaultYear !== undefined ? String(defaultYear) : undefined);
  if (year === undefined) return undefined;
  const num = m[3].replace(/O/g, '0').replace(/^0+(?=\d)/, '');
  if (num === '0') return undefined;
  const post = canonicalPost(m[2]);
  if (!post || /[0-9]/.test(post)) return undefined;
  return `${yy(year)}${post}${num}`;
}
