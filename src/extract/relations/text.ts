// Sentence spans, dates in a sentence and country names: the text helpers the relation readers share.
/** Sentence spans, dates in a sentence and country names: the text helpers the relation readers share. */
import type { Cable } from '../../parse/types';
import { memo, worldCities } from '../../lexicon/lazy';

export interface Sentence {
  start: number;
  end: number;
  paragraph?: number;
}

/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'adm',
  'sgt',
  'amb',
  'sen',
  'rep',
  'gov',
  'prof',
  'st',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.n',
  'u.k',
  'e.g',
  'i.e',
  'vs',
  'mme',
  'rev',
  'messrs',
  'jr',
  'sr',
  'ret',
  'approx',
  'ca',
]);

/** Splits the cable into sentences: at `.`, `?`, `!` before a capital/quote/paragraph number, and at blank lines. */
export function sentencesOf(cable: Cable): Sentence[] {
  const text = cable.text;
  const out: Sentence[] = [];
  const blocks = cable.paragraphs.length > 0 ? cable.paragraphs : [{ start: 0, end: text.length, number: undefined }];
  for (const p of blocks) {
    let from = p.start;
    const re = /[.?!]["'”)]*(?=\s+["'“(]?[A-Z0-9-])|\n[ \t]*\n/g;
    const block = text.slice(p.start, p.end);
    let found: RegExpExecArray | null;
    while ((found = re.exec(block))) {
      const m = { index: p.start + found.index, 0: found[0] };
      if (text.charCodeAt(m.index) === 46) {
        // the letters and periods right before the period (at most 12, none before the sentence)
        let k = m.index;
        const lowest = Math.max(from, m.index - 12);
        while (k > lowest && isLetterOrPeriod(text.charCodeAt(k - 1))) k -= 1;
        const word = text.slice(k, m.index).toLowerCase();
        // "U.S." "Mr." "Jan."; a single capital letter is an initial ("George W. Bush")
        if (
          ABBREVIATIONS.has(word) ||
          ABBREVIATIONS.has(word.replace(/\.$/, '')) ||
          /^[a-z]$/.test(word) ||
          /^(?:[a-z]\.)+[a-z]$/.test(word)
        )
          continue;
      }
      const end = m.index + m[0].length;
      if (end - from > 1) out.push({ start: from, end, paragraph: p.number });
      from = end;
    }
    if (p.end - from > 1) out.push({ start: from, end: p.end, paragraph: p.number });
  }
  return out.map((s) => trimSpan(text, s)).filter((s) => s.end > s.start);
}

function trimSpan(text: string, s: Sentence): Sentence {
  let { start, end } = s;
  while (start < end && isRegexSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isRegexSpace(text.charCodeAt(end - 1))) end -= 1;
  return { start, end, paragraph: s.paragraph };
}
const isLetterOrPeriod = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
/** The characters a regex's \s matches (a character code at a time, without making a one-character string). */
export function isRegexSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Collapsed whitespace, for evidence and matching across the cables' hard line breaks. */
export const collapse = (s: string): string => (isCollapsed(s) ? s : s.replace(/\s+/g, ' ').trim());
/**
 * Whether collapse would return `s` itself: its only whitespace is single spaces between other characters (most
 * words and phrases it is given; checked by character codes, sparing the regex replace and the copy).
 */
function isCollapsed(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i += 1) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || s.charCodeAt(i + 1) === 32) return false;
    } else if (c < 33 ? c >= 9 && c <= 13 : c >= 0xa0 && isRegexSpace(c)) return false;
  }
  return true;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const MONTH_DAY = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?(?:,?\\s+((?:19|20)\\d{2}))?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:\\s+((?:19|20)\\d{2}))?\\b`,
  'gi',
);

/**
 * The first day-precise date written in `s`, as ISO, read with the cable's date: a date without a
 * year takes the cable's year, or the year before when it would fall after the cable was written.
 */
export function dateIn(s: string, cableDate: string | undefined): string | undefined {
  MONTH_DAY.lastIndex = 0;
  const m = MONTH_DAY.exec(s);
  if (!m) return undefined;
  const monthWord = (m[1] ?? m[5]).slice(0, 3).toLowerCase();
  const month = MONTHS[monthWord];
  const day = Number(m[2] ?? m[4]);
  if (!month || day < 1 || day > 31) return undefined;
  let year = Number(m[3] ?? m[6] ?? NaN);
  if (Number.isNaN(year)) {
    const cy = cableDate ? Number(cableDate.slice(0, 4)) : NaN;
    if (Number.isNaN(cy)) return undefined;
    const cm = Number(cableDate!.slice(5, 7));
    const cd = Number(cableDate!.slice(8, 10));
    year = month > cm || (month === cm && day > cd + 1) ? cy - 1 : cy;
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const countries = require('world-countries') as Array<{
  name: { common: string; official: string };
  altSpellings: string[];
  cca2: string;
  demonyms?: { eng?: { m: string; f: string } };
}>;
const NAME_OF_CODE = new Map<string, string>(countries.map((c) => [c.cca2, c.name.common]));
NAME_OF_CODE.set('US', 'United States');
NAME_OF_CODE.set('GB', 'United Kingdom');
/** Other languages' spellings that are English words or given names in cables ("Island" is Iceland's, "Mann" the Isle of Man's, "Dominique" Dominica's). */
const COMMON_WORDS = new Set(['island', 'mann', 'dominique', 'holland']);
/** `s` without its accents ("Bogotá" → "Bogota"). */
const foldAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
/** Lower-cased country name or demonym → common country name. */
const COUNTRY_BY_WORD = new Map<string, string>();
type CountryRow = (typeof countries)[number] & { capital?: string[]; independent?: boolean };
/**
 * Lower-cased capital (accents folded) → common country name; then the forms posts write ("Embassy Sanaa", "Port Au
 * Prince", "Kuwait"): without apostrophes, hyphens and a last " city". A name two capitals share is the independent
 * country's (Kingston: Jamaica, not Norfolk Island).
 */
const COUNTRY_BY_CAPITAL = new Map<string, string>();
{
  const rows = countries as CountryRow[];
  const ordered = [...rows.filter((c) => c.independent !== false), ...rows.filter((c) => c.independent === false)];
  const exact = (cap: string): string => foldAccents(cap.toLowerCase());
  const asPosts = (cap: string): string =>
    exact(cap)
      .replace(/['’]/g, '')
      .replace(/-/g, ' ')
      .replace(/ city$/, '');
  for (const form of [exact, asPosts])
    for (const c of ordered)
      for (const cap of c.capital ?? []) {
        const key = form(cap);
        if (!COUNTRY_BY_CAPITAL.has(key)) COUNTRY_BY_CAPITAL.set(key, NAME_OF_CODE.get(c.cca2)!);
      }
}
for (const c of countries as CountryRow[]) {
  const name = NAME_OF_CODE.get(c.cca2)!;
  for (const n of [
    c.name.common,
    c.name.official,
    ...c.altSpellings.filter((s) => s.length > 3 && /^[A-Za-z .'-]+$/.test(s) && !COMMON_WORDS.has(s.toLowerCase())),
  ])
    COUNTRY_BY_WORD.set(n.toLowerCase(), name);
  // a demonym names the independent country that uses it ("Indian" is India's, not the Indian Ocean Territory's); the first wins
  if (c.demonyms?.eng && c.independent !== false)
    for (const d of [c.demonyms.eng.m, c.demonyms.eng.f])
      if (!COUNTRY_BY_WORD.has(d.toLowerCase())) COUNTRY_BY_WORD.set(d.toLowerCase(), name);
}
for (const [w, cc] of Object.entries({
  'u.s.': 'US',
  us: 'US',
  usg: 'US',
  american: 'US',
  'united states': 'US',
  britain: 'GB',
  uk: 'GB',
  'u.k.': 'GB',
  british: 'GB',
  russia: 'RU',
  iran: 'IR',
  syria: 'SY',
  'north korea': 'KP',
  'south korea': 'KR',
  burma: 'MM',
  burmese: 'MM',
  vatican: 'VA',
  taiwan: 'TW',
  kosovo: 'XK',
  kosovar: 'XK',
  macedonia: 'MK',
  'czech republic': 'CZ',
  uae: 'AE',
  emirati: 'AE',
  prc: 'CN',
  drc: 'CD',
  laos: 'LA',
  venezuela: 'VE',
  bolivia: 'BO',
  tanzania: 'TZ',
  moldova: 'MD',
  'the netherlands': 'NL',
  dutch: 'NL',
  palestinian: 'PS',
  soviet: 'SU',
  saudi: 'SA',
  'saudi arabia': 'SA',
  kuwaiti: 'KW',
  yemeni: 'YE',
  turkish: 'TR',
  turkey: 'TR',
  // demonyms the cables write that world-countries spells otherwise ("Ecuadorean", "Argentine", "Slovene"); not the
  // Central Asian ones ("Tajik", "Uzbek": also Afghanistan's peoples) nor "Korean" (North or South)
  ecuadorian: 'EC',
  ecuadoran: 'EC',
  argentinian: 'AR',
  djiboutian: 'DJ',
  philippine: 'PH',
  slovenian: 'SI',
  icelandic: 'IS',
  bosnian: 'BA',
})) {
  COUNTRY_BY_WORD.set(w, cc === 'SU' ? 'Soviet Union' : (NAME_OF_CODE.get(cc) ?? cc));
}
/** Country named by a country name or demonym (`French`, `Iraq`, `Iraq's`), if any. */
export function countryOf(word: string): string | undefined {
  const low = word.toLowerCase();
  // most words are plain: one map look-up, no string rewriting (this is called for every capitalized word read)
  const direct = COUNTRY_BY_WORD.get(low);
  if (direct !== undefined || !/['’\s]/.test(low)) return direct;
  return COUNTRY_BY_WORD.get(low.replace(/['’]s$/, '').replace(/\s+/g, ' '));
}
/** The first words (lower case) of the country names and demonyms of more than one word. */
const PAIR_FIRST_WORDS = new Set(
  [...COUNTRY_BY_WORD.keys()].filter((k) => k.includes(' ')).map((k) => k.slice(0, k.indexOf(' '))),
);
/**
 * Whether `word` (no whitespace in it) followed by a space and another word can be a country name or demonym for
 * countryOf: spares the look-up of most word pairs.
 */
export const mayStartCountryPair = (word: string): boolean => PAIR_FIRST_WORDS.has(word.toLowerCase());
/** Common name of an ISO alpha-2 code. */
export const countryName = (code: string): string | undefined => NAME_OF_CODE.get(code);
/**
 * Lower-cased place name (accents folded) → the common names of the countries with a city so named (most populous
 * first), then of those with a province so named ("Santa Cruz": Bolivia's city, Argentina's province).
 */
const PLACE_COUNTRIES = memo(() => {
  const cities = new Map<string, Array<{ country: string; pop: number }>>();
  const provinces = new Map<string, Set<string>>();
  for (const row of worldCities()) {
    const country = NAME_OF_CODE.get(row.iso2);
    if (!country) continue;
    for (const name of new Set([row.city_ascii.toLowerCase(), foldAccents(row.city.toLowerCase())]))
      (cities.get(name) ?? cities.set(name, []).get(name)!).push({ country, pop: row.pop });
    if (row.province) {
      const name = foldAccents(row.province.toLowerCase());
      (provinces.get(name) ?? provinces.set(name, new Set()).get(name)!).add(country);
    }
  }
  const out = new Map<string, string[]>();
  for (const [name, rows] of cities)
    out.set(
      name,
      rows.sort((x, y) => y.pop - x.pop).map((r) => r.country),
    );
  for (const [name, countries] of provinces) out.set(name, [...new Set([...(out.get(name) ?? []), ...countries])]);
  return out;
});
/**
 * The country of a city or province named `name` when `home` has none so named: the most populous city's country,
 * else the province's ("New York" → United States from a Cairo post; "Santa Cruz" from a Buenos Aires post stays
 * home's). Undefined for unknown names and home's places.
 */
export function countryOfPlaceAbroad(name: string, home: string | undefined): string | undefined {
  const countries = PLACE_COUNTRIES().get(foldAccents(name.toLowerCase()));
  if (!countries || (home !== undefined && countries.includes(home))) return undefined;
  return countries[0];
}
/** Longest country name or demonym, in words (bounds the look-behind). */
export const COUNTRY_WORDS = Math.max(...[...COUNTRY_BY_WORD.keys()].map((k) => k.split(' ').length));
/** The word that stands for the `i`-th country of a masked phrase: a capitalized word of letters (so it is read as one where a
 * country could be, "Taiwan Affairs"), which no cable writes. */
const countryPlaceholder = (i: number): string => `Zzcountry${String.fromCharCode(97 + i)}`;
/** Regex source matching a placeholder of maskCountries, for title phrases. */
export const COUNTRY_PLACEHOLDER_SRC = 'zzcountry[a-z]';
/**
 * The country names and demonyms of a phrase (words separated by single spaces), found by word look-up, the
 * longest run of up to three words first: the phrase with each replaced by a placeholder word (a possessive
 * "'s" kept after it), and the names as written. The title regex matches the placeholder: an alternation of
 * every country name in it was the costliest part of reading relations.
 */
export function maskCountries(phrase: string): { masked: string; written: string[] } {
  const words = phrase.split(' ');
  const written: string[] = [];
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let taken = 0;
    // a qualifier's hyphen does not end the word: "then-U.S. Ambassador"
    const prefix = /^(?:then|ex)-/i.exec(words[i])?.[0] ?? '';
    for (let n = Math.min(3, words.length - i); n >= 1 && taken === 0 && written.length < 26; n -= 1) {
      const last = words[i + n - 1];
      const possessive = /['’]s$/.exec(last);
      const run = [...words.slice(i, i + n - 1), possessive ? last.slice(0, -2) : last].join(' ').slice(prefix.length);
      if (run.length <= 24 && COUNTRY_BY_WORD.has(run.toLowerCase())) {
        out.push(prefix + countryPlaceholder(written.length) + (possessive ? possessive[0] : ''));
        written.push(run);
        taken = n;
      }
    }
    if (taken === 0) {
      out.push(words[i]);
      taken = 1;
    }
    i += taken;
  }
  return { masked: written.length ? out.join(' ') : phrase, written };
}
/** A masked phrase's part with its placeholders written back. */
export function unmaskCountries(part: string, written: string[]): string {
  return written.length
    ? part.replace(/Zzcountry([a-z])/gi, (_, i: string) => written[i.toLowerCase().charCodeAt(0) - 97])
    : part;
}
/** Country whose capital is `city` (lower case), if any. */
export const countryOfCapital = (city: string): string | undefined =>
  COUNTRY_BY_CAPITAL.get(isAscii(city) ? city : city.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
/** An ASCII string is its own NFD form, without accents to strip (most words looked up: no normalization call). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) if (s.charCodeAt(i) > 127) return false;
  return true;
}
