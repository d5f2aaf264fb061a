// Entity resolution: mentions of many cables → entities with stable ids, names and aliases.
import * as crypto from 'node:crypto';
import type { Cable } from '../parse/types';
import { IntList } from '../common/int-list';
import { BoundedMemo } from '../common/memo';
import { traceMemory } from '../common/trace-memory';
import { gazetteer, memo } from '../lexicon/lazy';
import { editDistance } from '../common/edit-distance';
import { COMPANY_FORMS, LEADING_NON_NAME } from '../lexicon/words';
import { canonicalOf, countryName, properCase, SUBJECT_VERBS, US_ADMINISTRATION } from './canonical';
import { AcronymIndex } from './acronyms';
import { PostChiefs } from './post-chiefs';
import { orgWordKey, orgWords } from './org-words';
import { SurnameIndex } from './surnames';
import { idPostCountry, originCountries } from './post-countries';
import { isoOfTagCountry } from './tag-countries';
import { ENTITY_TYPES, type EntityType, type Mention } from '../model';

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  /** Surface forms with their counts over the corpus. */
  aliases: Array<{ text: string; count: number }>;
  /** Cable ids that mention it. */
  cables: string[];
}
export interface CableEntity {
  type: EntityType;
  /** Canonical name across the corpus. */
  name: string;
  id: string;
  /** Distinct surface strings exactly as in the text. */
  mentions: string[];
  /** Occurrences of each surface (parallel to `mentions`) as resolution counted them for the aliases. */
  counts?: number[];
}
export interface ResolveOptions {
  /** Country context of a cable (ISO alpha-2 codes); default from origin/TAGS. */
  countryOf?: (cable: Cable) => string[];
}

/** Folds case, diacritics and punctuation: `KOUCHNER` = `Kouchner`, `Hervé` = `Herve`. */
export function normalizeName(s: string): string {
  for (let q = 0; q < s.length; q++) if (s.charCodeAt(q) > 127) return normalizeUnicode(s);
  return normalizeAscii(s);
}
function normalizeUnicode(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
const isAsciiWordChar = (ch: number) =>
  (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || ch === 95;
/**
 * normalizeUnicode for ASCII text in one pass (names are mostly ASCII, and this runs for every
 * mention): lower-case, drop a possessive 's, one space for each run of other characters, trimmed.
 */
function normalizeAscii(s: string): string {
  let out = '';
  let space = false;
  const n = s.length;
  for (let q = 0; q < n; q++) {
    let ch = s.charCodeAt(q);
    if (ch >= 65 && ch <= 90) ch += 32;
    if (
      ch === 39 &&
      q + 1 < n &&
      (s.charCodeAt(q + 1) | 32) === 115 &&
      (q + 2 === n || !isAsciiWordChar(s.charCodeAt(q + 2)))
    ) {
      q++;
      continue;
    }
    if ((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57)) {
      if (space && out) out += ' ';
      space = false;
      out += String.fromCharCode(ch);
    } else space = true;
  }
  return out;
}
/** Strips leading title words ("FM Kouchner" → "Kouchner"). */
export function stripTitles(s: string): string {
  const { TITLES } = gazetteer();
  const words = s.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TITLES.has(words[i].toLowerCase())) i++;
  return words.slice(i).join(' ');
}
/** Titles written as acronyms before a name ("COAS Kayani", "SECSTATE Rice"). */
const TITLE_ACRONYMS = new Set([
  'coas',
  'cjcs',
  'chod',
  'cds',
  'cns',
  'potus',
  'vpotus',
  'flotus',
  'secstate',
  'secdef',
  'dni',
  'srsg',
  'dsrsg',
  'sfm',
  'ffm',
  'mod',
  'moi',
  'mfa',
  'dpm',
  'pres',
  'gen',
  'ltg',
  'mg',
  'bg',
  'vadm',
  'radm',
  'adm',
  'hon',
  'honorable',
  'excellency',
  'hrh',
  'he',
]);
/** Title-like words a person's name is written after: "President-elect Obama", "Acting FM X", "then-Governor". */
const isTitleWord = (w: string) => {
  const { TITLES } = gazetteer();
  const l = w.toLowerCase().replace(/[.,:;]+$/, '');
  return (
    TITLES.has(l) ||
    TITLE_ACRONYMS.has(l) ||
    /^(?:acting|interim|caretaker|incoming|outgoing|designate|elect)$/.test(l) ||
    /^then-|-elect$|-designate$/.test(l) ||
    (l.includes('-') && l.split('-').every((p) => TITLES.has(p)))
  );
};
/**
 * A person's name as resolution keeps it: title words dropped from the front ("President-elect
 * Obama"), subject-line verbs from the end ("Williamson Discusses"), and ordinary words a sentence
 * or list put before the name ("Close Kirchner", "Reminding Karzai", "State Condoleezza Rice").
 * Empty when nothing of a name is left ("Acting", "Meets").
 */
export function personName(text: string): string {
  let name = PERSON_NAME_CACHE.get(text);
  if (name === undefined) {
    name = readPersonName(text);
    PERSON_NAME_CACHE.set(text, name);
  }
  return name;
}
const PERSON_NAME_CACHE = new BoundedMemo<string>(200_000);
function readPersonName(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  let a = 0;
  let b = words.length;
  while (b > a && SUBJECT_VERBS.has(words[b - 1].toLowerCase())) b--;
  while (a < b && isTitleWord(words[a])) a++;
  // "Post-Lula", "Policy Post-Lula": a prefix, not part of the name (nor what comes before it)
  for (let k = a; k < b; k++) {
    const hy = /^([A-Za-z]+)-(\S+)$/.exec(words[k]);
    if (hy && isOrdinaryWord(hy[1]) && /^[A-Z]/.test(hy[2])) {
      words[k] = hy[2]!;
      a = k;
      break;
    }
  }
  // ordinary words or places before a name ("London Karzai"): only with a name-like word left after them
  while (
    b - a >= 2 &&
    (isOrdinaryWord(words[a]) || isPlaceWord(words[a])) &&
    !isOrdinaryWord(words[a + 1]) &&
    !isPlaceWord(words[a + 1])
  )
    a++;
  // "Clinton unquote Clinton": a quotation mark word ends the name
  for (let k = a + 1; k < b; k++)
    if (/^(?:quote|unquote|end|begin)$/i.test(words[k])) {
      b = k;
      break;
    }
  if (a >= b) return '';
  if (b - a === 1 && (isTitleWord(words[a]) || SUBJECT_VERBS.has(words[a].toLowerCase()))) return '';
  return words.slice(a, b).join(' ');
}
/** A place that is not also a given name ("London"; not "Vladimir", "Stanley"). */
function isPlaceWord(w: string): boolean {
  const { PLACES, ANY_FIRST_NAMES, FIRST_NAMES } = gazetteer();
  const l = w.toLowerCase();
  return PLACES.has(l) && !ANY_FIRST_NAMES.has(l) && !FIRST_NAMES.has(l);
}
/** A word that leads into a name and is not a given name ("Close", "Reminding", "State"; not "Paddy", "Mark"). */
function isOrdinaryWord(w: string): boolean {
  const { ENGLISH, ANY_FIRST_NAMES, FIRST_NAMES } = gazetteer();
  const l = w.toLowerCase();
  return LEADING_NON_NAME.test(l) && ENGLISH.has(l) && !ANY_FIRST_NAMES.has(l) && !FIRST_NAMES.has(l);
}
/**
 * A person's name in title case: all upper case as `properCase`, and in a mixed name each word
 * written in capitals ("Condoleezza RICE", "Jean-Marie LE PEN": the surname capitalised as cables
 * do) too; roman numerals stay ("Abdullah II").
 */
function personCase(s: string): string {
  if (s === s.toUpperCase()) return properCase(s);
  if (!/[A-Z]{3}/.test(s)) return s;
  return s
    .split(' ')
    .map((w) => (w.length > 2 && w === w.toUpperCase() && !/^[IVX]+$/.test(w) && /[A-Z]/.test(w) ? properCase(w) : w))
    .join(' ');
}
/** The order of localeCompare without building a collator per comparison. */
const ID_ORDER = new Intl.Collator();
/**
 * Sorts by id in localeCompare order. Ids are ASCII, where code-unit order almost always agrees
 * with the collator: sort by code units (cheap), check each neighbour pair with the collator, and
 * sort with the collator only if a pair disagrees. Strictly increasing neighbours under the
 * collator mean this is the order (and the only one) the collator sort gives.
 */
function sortById<T extends { id: string }>(xs: T[]): T[] {
  const byUnits = [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < byUnits.length; i++)
    if (ID_ORDER.compare(byUnits[i - 1].id, byUnits[i].id) >= 0) return xs.sort((a, b) => ID_ORDER.compare(a.id, b.id));
  return byUnits;
}
/** SHA-1 in hex: one-shot `crypto.hash` where Node has it (20.12+), else a Hash object. */
const sha1Hex: (s: string) => string =
  typeof crypto.hash === 'function'
    ? (s) => crypto.hash('sha1', s, 'hex')
    : (s) => crypto.createHash('sha1').update(s).digest('hex');
/** Stable id from type + normalized canonical name. */
export function entityId(type: EntityType, name: string): string {
  const norm = normalizeName(name);
  const slug = norm.replace(/ /g, '-').slice(0, 40);
  const h = sha1Hex(`${type}:${norm}`).slice(0, 8);
  return `${type[0].toLowerCase()}-${slug}-${h}`;
}

/** Country context of a cable (ISO alpha-2): its post's country first, then its TAGS countries. */
export function cableCountries(cable: Cable): string[] {
  // the post's country first (src/resolve/post-countries): the TAGS list countries in no set order
  const origin = cable.origin ?? cable.routing?.from?.name ?? '';
  const out = new Set<string>(originCountries(origin));
  if (!out.size) {
    const cc = idPostCountry(cable.id, !origin.trim());
    if (cc) out.add(cc);
  }
  // TAGS countries are FIPS codes: their labels name the country (src/resolve/tag-countries)
  for (const t of cable.tags ?? []) {
    if (t.kind !== 'country' || t.code.length !== 2) continue;
    const cc = t.label ? isoOfTagCountry(t.label) : t.code;
    if (cc && cc !== 'US') out.add(cc);
  }
  return [...out];
}

const GOVERNMENTS = memo(() => new Map(Object.entries(gazetteer().GOV_ACRONYMS)));
const MINISTRIES = new Map([
  ['MFA', 'Ministry of Foreign Affairs'],
  ['MOD', 'Ministry of Defense'],
  ['MOI', 'Ministry of Interior'],
  ['MOJ', 'Ministry of Justice'],
  ['MOF', 'Ministry of Finance'],
]);
/** Canonical name of an acronym read with the posting country (MFA in Paris → French MFA). */
function acronymName(surface: string, ctry: string[]): string | undefined {
  const u = surface.toUpperCase().replace(/\./g, '');
  const home = ctry[0];
  const gov = GOVERNMENTS().get(u);
  if (gov) {
    const cc = gov.find((c) => ctry.includes(c)) ?? gov[0];
    return u === 'USG'
      ? 'United States Government'
      : u === 'HMG'
        ? 'Government of the United Kingdom'
        : `Government of ${countryName(cc) ?? cc}`;
  }
  if (!home) return undefined;
  const cn = countryName(home) ?? home;
  const ministry = MINISTRIES.get(u);
  if (ministry) return `${ministry} (${cn})`;
  if (
    /^(foreign ministry|quai|quai d'orsay|ministry of foreign affairs|ministry of external affairs|foreign affairs ministry)$/i.test(
      surface,
    )
  )
    return `Ministry of Foreign Affairs (${cn})`;
  // the host country's ministries by their names: "Interior Ministry" = "Ministry of Interior" = MOI
  const named =
    /^(?:(interior|defen[cs]e|finance|justice) ministry|ministry of (?:the )?(interior|defen[cs]e|finance|justice))$/i.exec(
      surface.replace(/\s+/g, ' '),
    );
  if (named) {
    return `${FIELD_MINISTRIES.get((named[1] ?? named[2]).toLowerCase())![0]} (${cn})`;
  }
  return undefined;
}

/** A ministry named by its field alone, and the United States department of that field. */
const FIELD_MINISTRIES = new Map<string, [ministry: string, department: string]>([
  ['defense', ['Ministry of Defense', 'US Department of Defense']],
  ['defence', ['Ministry of Defense', 'US Department of Defense']],
  ['interior', ['Ministry of Interior', 'US Department of the Interior']],
  ['justice', ['Ministry of Justice', 'US Department of Justice']],
  ['finance', ['Ministry of Finance', 'US Department of the Treasury']],
  ['agriculture', ['Ministry of Agriculture', 'US Department of Agriculture']],
  ['energy', ['Ministry of Energy', 'US Department of Energy']],
  ['health', ['Ministry of Health', 'US Department of Health and Human Services']],
  ['labor', ['Ministry of Labor', 'US Department of Labor']],
  ['education', ['Ministry of Education', 'US Department of Education']],
]);
/** "Secretary of Defense", "Defense Secretary", "Department of Justice", "U.S. Defense": the American department. */
const US_DEPARTMENT_BEFORE =
  /\b(?:secretary|secretaries|department|dept\.?|u\.\s?s\.?|us|american|usg|attorney general)\s+(?:of\s+(?:the\s+)?)?$/i;
const US_DEPARTMENT_AFTER = /^\s*(?:secretary|secretaries|department|dept\b|undersecretary|under secretary|attach)/i;
const MINISTRY_BEFORE = /\bminist(?:er|ers|ry|ries)\s+(?:of\s+(?:the\s+)?)?$/i;
const MINISTRY_AFTER = /^\s*minist(?:er|ers|ry|ries)\b/i;

/**
 * An organization named by its field alone, read in its sentence: "Minister of Defense Bono" in a
 * Madrid cable is Spain's Ministry of Defense, "Secretary of Defense Gates" the U.S. Department of
 * Defense, "Interior Minister Sarkozy" (Paris) France's Ministry of Interior; without a title word
 * beside it, an embassy's cable means its host's ministry and a Washington cable its department.
 * Kept as is, "Defense" would be one node joining every country's ministry. Null: a "minister" of
 * no known country; undefined: not a field word.
 */
function fieldMinistryName(text: string, m: Mention, ctry: string[]): string | null | undefined {
  const field = FIELD_MINISTRIES.get(m.text.toLowerCase());
  if (!field) return undefined;
  const before = text.slice(Math.max(0, m.start - 40), m.start).replace(/\s+/g, ' ');
  const after = text.slice(m.end, m.end + 20);
  if (US_DEPARTMENT_BEFORE.test(before) || US_DEPARTMENT_AFTER.test(after)) return field[1];
  const home = ctry[0];
  if (home === undefined || home === 'US')
    return MINISTRY_BEFORE.test(before) || MINISTRY_AFTER.test(after) ? null : field[1];
  return `${field[0]} (${countryName(home) ?? home})`;
}

/** Words around "the White House" that make it the building: "at the White House", "a White House meeting", "the White House lawn". */
const PLACE_BEFORE = /\b(?:at|to|outside|inside|visits?|visited|visiting)\s+the\s+$/i;
const PLACE_AFTER = /^(?:\s+(?:lawn|meetings?|summit|visits?|grounds|dinner|lunch|ceremony)\b|-invited)/i;
/**
 * "The White House" is the president's office where it acts ("the White House said", "White House
 * statement", routing "WHITE HOUSE FOR") and the building where one goes, meets or stands ("at the
 * White House", "an invitation to the White House", "his White House meeting", "the White House
 * lawn"), as the annotations read it; resolution otherwise names every seat of government an office.
 */
function whiteHouseAsPlace(text: string, m: Mention): boolean {
  if (!/^(?:the\s+)?white\s+house$/i.test(m.text)) return false;
  return (
    PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)) || PLACE_AFTER.test(text.slice(m.end, m.end + 12))
  );
}

/**
 * "The White House" of a cable from Russia that names the Kremlin is Moscow's ("the Kremlin and the
 * White House", "Putin's move to the White House"): the seat of the Russian government, as those
 * cables write it, unless "U.S." or "American" comes before it.
 */
function russianWhiteHouse(cable: Cable, m: Mention, ctry: string[]): boolean {
  if (ctry[0] !== 'RU' || !/^(?:the\s+)?white\s+house$/i.test(m.text)) return false;
  if (
    /\b(?:u\.\s?s\.?|us|american|washington)\s+(?:the\s+)?$/i.test(cable.text.slice(Math.max(0, m.start - 16), m.start))
  )
    return false;
  return /\bKremlin\b/.test(cable.text);
}

/**
 * "The U.S. Embassy" names one embassy, not every one: the one the text names after it ("in Kabul"),
 * else the embassy the cable comes from. Undefined for other names, or a cable from no embassy.
 */
function usEmbassyName(cable: Cable, m: Mention): string | undefined {
  // (every organization mention passes here: a string made only for the few ending in "embassy")
  if (!/embassy$/i.test(m.text) || !/^(?:the )?u\.?s\.? embassy$/i.test(m.text.replace(/\s+/g, ' '))) return undefined;
  const place = /^\s+(?:in|to)\s+([A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+)?)/.exec(cable.text.slice(m.end, m.end + 40));
  if (place) return `US Embassy ${properCase(place[1])}`;
  const origin = /^Embassy (.+)$/.exec(cable.origin ?? '');
  return origin ? `US Embassy ${properCase(origin[1])}` : undefined;
}

/** What a title says of a person: 1 a woman ("Mrs.", "Madame"), 2 a man ("Mr.", "Monsieur"). */
type Sex = 1 | 2;
const FEMALE_TITLE =
  /^(?:mrs|ms|miss|madame|mme|madam|mlle|mademoiselle|lady|dame|senora|señora|sra|frau|signora)\.?$/i;
const MALE_TITLE = /^(?:mr|monsieur|messrs|herr|senor|señor|signor|sir|lord)\.?$/i;
/** The sex the title word opening a person mention, or written right before it, gives ("Mrs. Borrel", "Mr Clinton"). */
function titleSex(text: string, m: Mention): Sex | undefined {
  const first = /^\S+/.exec(m.text)?.[0] ?? '';
  const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, m.start - 16), m.start))?.[1] ?? '';
  for (const w of [first, before]) {
    if (FEMALE_TITLE.test(w)) return 1;
    if (MALE_TITLE.test(w)) return 2;
  }
  return undefined;
}
/** Military ranks before a name ("General Jones", "Adm. Mullen"); not "Attorney General", "Secretary General". */
const MILITARY_TITLE = /^(?:general|gen\.?|admiral|adm\.?|colonel|col\.?|brigadier)$/i;
const CIVIL_GENERAL =
  /^(?:attorney|secretary|director|consul|governor|inspector|solicitor|surgeon|auditor|prosecutor)$/i;
/** A diplomat's titles before a name ("DAS Jones", "Ambassador Jones", "A/S Fried"). */
const DIPLOMATIC_TITLE = /^(?:das|pdas|a\/s|ambassador|amb\.?|charg[eé]|dcm)$/i;
/**
 * The service a title before a person names: 1 military ("General Jones"), 2 diplomatic ("DAS
 * Jones"), 0 for any other or none. A lone surname after one title does not join a full name that
 * cables write only after titles of the other service: DAS Jones is not General James L. Jones.
 */
function titleService(text: string, m: Mention): number {
  const [last, prior] = wordsBefore(text, m.start);
  const space = m.text.search(/\s/);
  if (space > 0) {
    const service = serviceOf(m.text.slice(0, space), last);
    if (service) return service;
  }
  return last ? serviceOf(last, prior) : 0;
}
/** The word right before offset `at` and the one before it (a scan back, no copy of the text). */
function wordsBefore(text: string, at: number): [string | undefined, string | undefined] {
  const blank = (k: number) => text.charCodeAt(k) <= 32 || text.charCodeAt(k) === 160;
  let end = at;
  while (end > 0 && blank(end - 1)) end--;
  let start = end;
  while (start > 0 && !blank(start - 1) && end - start < 24) start--;
  if (start === end) return [undefined, undefined];
  let end2 = start;
  while (end2 > 0 && blank(end2 - 1)) end2--;
  let start2 = end2;
  while (start2 > 0 && !blank(start2 - 1) && end2 - start2 < 24) start2--;
  return [text.slice(start, end), start2 < end2 ? text.slice(start2, end2) : undefined];
}
/** The service a title word names (`prior`, the word before it: "Attorney General"). */
function serviceOf(title: string, prior: string | undefined): number {
  if (MILITARY_TITLE.test(title)) return /^gen/i.test(title) && prior && CIVIL_GENERAL.test(prior) ? 0 : 1;
  return DIPLOMATIC_TITLE.test(title) ? 2 : 0;
}
/** Whether a lone surname's services (`titleService`) and a full name's are both known and none shared. */
function serviceContradicts(lone: number, full: number | undefined): boolean {
  return lone !== 0 && full !== undefined && full !== 0 && (lone & full) === 0;
}
/** Whether a full name's given name (its first word) is of the other sex than `sex` says. */
function sexContradicts(sex: Sex | undefined, fullKey: string): boolean {
  if (sex === undefined) return false;
  const given = fullKey.slice(0, fullKey.indexOf(' ') >>> 0);
  const { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } = gazetteer();
  return sex === 1 ? MALE_GIVEN_NAMES.has(given) : FEMALE_GIVEN_NAMES.has(given);
}

/**
 * Titles a monarch or a sheikh is named with by the given name ("King Abdullah", "Crown Prince
 * Nayif", "Sheikh Hamdan"): the lone word after one is no surname.
 */
const ROYAL_TITLE =
  /(?:^|\s)(king|queen|emperor|empress|sultan|emir|amir|crown\s+prince|prince|princess|sheikh|sheikha|shaykh|shaikh|sheik)\s*$/i;
/** The royal title opening a person mention or written right before it, in title case ("Crown Prince"), or undefined. */
function royalTitle(text: string, m: Mention): string | undefined {
  const written = m.text.replace(/\s+/g, ' ');
  const lead = written.slice(0, Math.max(0, written.indexOf(personName(m.text))));
  const t = ROYAL_TITLE.exec(lead.trim() ? lead : text.slice(Math.max(0, m.start - 20), m.start));
  return t ? properCase(t[1].replace(/\s+/g, ' ')) : undefined;
}
/** Sheikhs: the title is also a cleric's, written before a surname ("Sheikh Nasrallah"). */
const SHEIKH = /^(?:sheikh|sheikha|shaykh|shaikh|sheik)$/i;
/**
 * A royal title's rank as a bit: 1 a monarch, 2 a prince, 4 a sheikh. A given name joins only a full
 * name written after a title of its rank ("King Abdullah" is not Sheikh Abdullah bin Zayed).
 */
function royalRank(title: string): number {
  if (SHEIKH.test(title)) return 4;
  return /prince/i.test(title) ? 2 : 1;
}

interface Local {
  type: EntityType;
  key: string;
  display: string;
  surfaces: Map<string, number>;
  surnameOnly: boolean;
  acronym: boolean;
  /** A lone surname's sex as the title before it says ("Mrs. Borrel"): no full name of the other sex joins it. */
  sex?: Sex;
  /** A lone given name after a royal title ("King Abdullah"): its key is title and name; it joins only a royal full name opening with it. */
  given?: boolean;
  /** A full name written after a royal title, or that a given name after one joined ("King Abdullah bin Abdulaziz"): the titles' ranks (`royalRank`). */
  royal?: number;
  /** A full name written as someone's relative (`writtenAsKin`). */
  kin?: boolean;
  /** The services the titles before its mentions name (`titleService`): 1 military, 2 diplomatic. */
  service?: number;
  /**
   * The full name of the cable a lone surname joins if the corpus's context joins it to none: of several
   * full names it ends ("Castro" beside "Fidel Castro" and "Raul Castro"), the one named last before its
   * first use; else the one whose surname it misspells by a letter ("Medevedev").
   */
  fallback?: string;
}

/** The local entity `from` (under `key`) joins `into`: its surfaces and their counts are added, and it goes. */
function joinLocal(locals: Map<string, Local>, key: string, from: Local, into: Local): void {
  for (const [surface, count] of from.surfaces) into.surfaces.set(surface, (into.surfaces.get(surface) ?? 0) + count);
  locals.delete(key);
}

/** An organization's acronym as cables write it: capitals, digits, "&" or "-" ("AKP", "ZANU-PF", "P5"). */
const ORG_ACRONYM = /^[A-Z][A-Z0-9&-]{1,7}$/;

/**
 * "Sheikh Abdullah bin Zayed Al Nahyan (AbZ)", "International Organization for Migration (IOM)": a short form in
 * parentheses right after a name is an alias of that name (same entity, same type), here and later in the cable.
 * Returns alias text → the mention of the name.
 */
function aliasTargets(text: string, mentions: Mention[], namedByAcronym?: Set<string>): Map<string, Mention> {
  const aliasTarget = new Map<string, Mention>();
  if (!text) return aliasTarget;
  const sorted = [...mentions].sort((x, y) => x.start - y.start);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const m = sorted[i];
    const n = sorted[i + 1];
    if (m.type === 'PLACE' || text[n.end] !== ')' || !/^\s*\(\s*$/.test(text.slice(m.end, n.start))) continue;
    if (n.text.length > 8 || /\s/.test(n.text) || !/[A-Z].*[A-Z]/.test(n.text)) continue;
    // an organization's acronym in parentheses is its alias even when it spells the name in another
    // language: "Justice and Development Party (AKP)", "Federal Office of Criminal Investigation (BKA)"
    if (m.type === 'ORGANIZATION' && n.type === 'ORGANIZATION' && ORG_ACRONYM.test(n.text)) {
      aliasTarget.set(n.text, m);
      if (!initialsFit(m.text, n.text)) namedByAcronym?.add(n.text);
      continue;
    }
    // "Christian Wulff (CDU)": an organization's acronym after a person is the party or body the
    // person belongs to, not another name of the person, unless it spells the name ("MBZ")
    if (m.type === 'PERSON' && n.type === 'ORGANIZATION' && ORG_ACRONYM.test(n.text) && !spellsName(m.text, n.text))
      continue;
    if (!initialsFit(m.text, n.text)) continue;
    aliasTarget.set(n.text, m);
  }
  return aliasTarget;
}

/** Whether the letters of a short form are, in order, initials of the name's words ("MBZ" of "Mohammed bin Zayed"). */
function spellsName(name: string, short: string): boolean {
  const initials = stripTitles(name)
    .split(/[\s-]+/)
    .filter((w) => w)
    .map((w) => w[0].toLowerCase());
  let at = 0;
  for (const ch of short.toLowerCase().replace(/[^a-z]/g, '')) {
    at = initials.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** Whether a short form's first letter is the first or another initial of the name's capitalized words ("AbZ" of "Abdullah bin Zayed"). */
function initialsFit(name: string, short: string): boolean {
  const initials = stripTitles(name)
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
  const first = short[0].toUpperCase();
  return first === initials[0] || initials.includes(first);
}

/** A normalized surname with its Arabic article, written apart ("al maliki", "el baradei"). */
const PARTICLE_SURNAME = /^(?:al|el) [^ ]+$/;

/** Kinship words: "the PM's brother Mustafa Erdogan", "Mustafa Erdogan (PM's brother)". */
const KIN =
  'brother|sister|son|daughter|wife|husband|father|mother|cousin|nephew|niece|uncle|aunt|grandson|granddaughter';
/** (lower case only: "Father Jose", "Sister Maria" are titles) */
const KIN_BEFORE = new RegExp(`\\b(?:${KIN})(?:-in-law)?,?\\s+$`);
const KIN_AFTER = new RegExp(`^\\s*\\([^()]{0,30}?\\b(?:${KIN})s?(?:-in-law)?\\b`, 'i');
/**
 * A person written as someone's relative ("Mustafa Erdogan (PM's brother)"): the family's surname
 * alone is the famous relative's, not this one's, within the cable and across cables.
 */
function writtenAsKin(text: string, m: Mention): boolean {
  return (
    KIN_AFTER.test(text.slice(m.end, m.end + 48)) || KIN_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start))
  );
}

/** The cable's full person names (two words or more, titles stripped): normalized → as first written. */
function fullPersonNames(mentions: Mention[], aliasOf: Map<Mention, Mention>, ctry: string[]): Map<string, string> {
  const full = new Map<string, string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || aliasOf.has(m)) continue;
    // a "person" its form names otherwise ("Obama Administration") is no full name to join
    if (canonicalOf('PERSON', m.text, ctry) !== undefined) continue;
    const name = personName(m.text);
    const k = normalizeName(name);
    if (k.includes(' ') && /\s/.test(name) && !PARTICLE_SURNAME.test(k) && !full.has(k)) full.set(k, name);
  }
  return full;
}

/** Per-cable step: groups the mentions of one cable into local entities (titles stripped, case folded, surname → full name). */
export function resolveCable(cable: Cable, mentions: Mention[], ctry = cableCountries(cable)): Local[] {
  const locals = new Map<string, Local>();
  const add = (type: EntityType, key: string, shown: string, surface: string, flags: Partial<Local> = {}) => {
    // A name broken over lines in the cable is still one line of a name ("United \nStates").
    const display = shown.includes('\n') || shown.includes('  ') ? shown.replace(/\s+/g, ' ') : shown;
    const k = `${type}|${key}`;
    let l = locals.get(k);
    if (!l) {
      l = { type, key, display, surfaces: new Map(), surnameOnly: false, acronym: false, ...flags };
      locals.set(k, l);
    } else if (
      display.length > l.display.length ||
      (l.display === l.display.toUpperCase() && display !== display.toUpperCase())
    )
      l.display = display;
    l.surfaces.set(surface, (l.surfaces.get(surface) ?? 0) + 1);
    if (flags.sex) l.sex = flags.sex;
    if (flags.royal) l.royal = (l.royal ?? 0) | flags.royal;
    if (flags.kin) l.kin = true;
    if (flags.service) l.service = (l.service ?? 0) | flags.service;
    return k;
  };
  // An alias mention → the mention of the name it abbreviates (kept apart: alias mentions keep the shape of the others).
  const aliasOf = new Map<Mention, Mention>();
  // acronyms whose initials spell the name in another language ("AKP"): the cables name the body by them
  const namedByAcronym = new Set<string>();
  const aliasTarget = aliasTargets(cable.text, mentions, namedByAcronym);
  if (aliasTarget.size)
    for (const n of mentions) {
      const m = aliasTarget.get(n.text);
      if (m && n !== m) aliasOf.set(n, m);
    }
  const fullByNorm = fullPersonNames(mentions, aliasOf, ctry);
  const fullNorms = [...fullByNorm.keys()];
  // the full names of the cable written after a royal title (made when a given name after one asks)
  let royal: Set<string> | undefined;
  // one-word names written after a royal title, with none of the cable's full names opening with them: name → "Title Name"
  let royalWords: Map<string, string> | undefined;
  const royalGiven = () => {
    if (royalWords) return royalWords;
    royalWords = new Map();
    for (const x of mentions) {
      if (x.type !== 'PERSON' || aliasOf.has(x)) continue;
      const name = personName(x.text);
      const title = name && !/\s/.test(name) ? royalTitle(cable.text, x) : undefined;
      const w = title ? normalizeName(name) : '';
      if (w && !w.includes(' ') && !fullNorms.some((f) => f.startsWith(w + ' ')))
        royalWords.set(w, `${title} ${personCase(name)}`);
    }
    return royalWords;
  };
  let kin: Set<string> | undefined;
  const kinNames = () =>
    (kin ??= new Set(
      mentions
        .filter((x) => x.type === 'PERSON' && !aliasOf.has(x) && writtenAsKin(cable.text, x))
        .map((x) => fullNameOf(normalizeName(personName(x.text)))),
    ));
  const royalNames = () =>
    (royal ??= new Set(
      mentions
        .filter((x) => x.type === 'PERSON' && !aliasOf.has(x) && (royalTitle(cable.text, x) ?? 'Sultan') !== 'Sultan')
        .map((x) => fullNameOf(normalizeName(personName(x.text)))),
    ));
  const keyOf = new Map<Mention, string>();
  /** A lone surname's fallback full name ('' for none), by its key: `resolveOne` finds it at its first use. */
  const fallbackOf = new Map<string, string>();
  const aliases: Mention[] = [];
  for (const m of mentions) {
    if (aliasOf.has(m)) {
      aliases.push(m);
      continue;
    }
    const k = resolveOne(m);
    if (k !== undefined) keyOf.set(m, k);
  }
  const movedTo = new Map<string, string>();
  for (const n of aliases) {
    const target = aliasOf.get(n)!;
    let k = keyOf.get(target);
    if (k !== undefined) k = movedTo.get(k) ?? k;
    const l = k ? locals.get(k) : undefined;
    if (l && k && namedByAcronym.has(n.text) && !movedTo.has(k)) {
      // the spelled-out name joins the acronym's entity, which the other cables know by the acronym
      const ka = resolveOne({ ...n, type: target.type });
      const la = ka === undefined ? undefined : locals.get(ka);
      if (ka !== undefined && la && ka !== k) {
        joinLocal(locals, k, l, la);
        movedTo.set(k, ka);
      }
    } else if (l) l.surfaces.set(n.text, (l.surfaces.get(n.text) ?? 0) + 1);
    else resolveOne({ ...n, type: target.type });
  }
  joinGovernmentAcronyms(locals, ctry);
  joinShortOrganizations(locals);
  joinOrganizationsOfSameWords(locals);
  joinPluralsAndPortfolios(locals);
  joinPartyNicknames(locals);
  nameUsAdministration(locals, cable, ctry);
  joinSurnamesReadAsPlaces(locals);
  return [...locals.values()];
  /** The local entity of one mention (its key), or undefined for a mention that names no entity. */
  function resolveOne(m: Mention): string | undefined {
    if (m.type !== 'PERSON' && russianWhiteHouse(cable, m, ctry))
      return add('ORGANIZATION', 'russian white house', 'Russian White House', m.text);
    if (m.type !== 'PERSON' && whiteHouseAsPlace(cable.text, m))
      return add('PLACE', 'white house', 'White House', m.text);
    const canon = canonicalOf(m.type, m.text, ctry);
    if (canon === null) return undefined;
    const when = canon?.name === US_ADMINISTRATION ? administrationWhen(cable.text, m) : undefined;
    const beside = when && presidentBeside(cable.created, when);
    if (beside)
      return add('ORGANIZATION', normalizeName(`${beside} Administration`), `${beside} Administration`, m.text);
    if (canon)
      return add(canon.type, normalizeName(canon.name), canon.name, m.text, {
        acronym: canon.type === 'ORGANIZATION' && /^[A-Z]{2,6}$/.test(m.text),
      });
    if (m.type !== 'PERSON') {
      const embassy = m.type === 'ORGANIZATION' ? usEmbassyName(cable, m) : undefined;
      if (embassy) return add(m.type, normalizeName(embassy), embassy, m.text);
      const acr = m.type === 'ORGANIZATION' ? acronymName(m.text, ctry) : undefined;
      if (acr) return add(m.type, normalizeName(acr), acr, m.text, { acronym: true });
      const field = m.type === 'ORGANIZATION' ? fieldMinistryName(cable.text, m, ctry) : undefined;
      if (field === null) return undefined;
      if (field) return add(m.type, normalizeName(field), field, m.text);
      // dotted initials that lost their last full stop to the next word ("U.S-Iraq") are the same name,
      // and dotted initials are the letters the country table lists undotted ("U.K." as "UK", "U.A.E.")
      // (a name a line break cut, "Russian\nFederation", is the name on one line)
      const lower = m.text.replace(/\s+/g, ' ').toLowerCase();
      const cc =
        m.type === 'PLACE'
          ? (gazetteer().COUNTRY_CODE.get(lower) ??
            (/^(?:[a-z]\.)+[a-z]\.?$/.test(lower)
              ? (gazetteer().COUNTRY_CODE.get(`${lower.replace(/\.$/, '')}.`) ??
                gazetteer().COUNTRY_CODE.get(lower.replace(/\./g, '')))
              : undefined))
          : undefined;
      const cn = cc === undefined ? undefined : countryName(cc);
      if (cn) return add(m.type, normalizeName(cn), cn, m.text);
      // A short all-capitals organization is an acronym (NATO, UNSC, IRGC), not a shouted name.
      const acronym = m.type === 'ORGANIZATION' && /^[A-Z]{2,6}$/.test(m.text);
      return add(m.type, normalizeName(m.text), acronym ? m.text : properCase(m.text), m.text);
    }
    const name = personName(m.text);
    if (!name) return undefined;
    const n = normalizeName(name);
    if (!n) return undefined;
    // a full name has words apart ("Kim Jong-il"); one hyphenated word ("RC-Central") does not, nor
    // a surname with its article ("al Maliki": the surname of Nuri al-Maliki, as "al-Maliki" is)
    if (n.includes(' ') && /\s/.test(name) && !PARTICLE_SURNAME.test(n)) {
      const full = fullNameOf(n);
      // ("Engineer Sultan Hussein Hasari": Sultan is also a given name, the one a name may have lost)
      const t = royalTitle(cable.text, m);
      const service = titleService(cable.text, m);
      const flags = {
        ...(t && t !== 'Sultan' ? { royal: royalRank(t) } : {}),
        ...(writtenAsKin(cable.text, m) ? { kin: true } : {}),
        ...(service ? { service } : {}),
      };
      return full === n
        ? add('PERSON', n, personCase(name), m.text, flags)
        : add('PERSON', full, personCase(fullByNorm.get(full)!), m.text, flags);
    }
    // (not a name written as someone's relative beside one that is not: "Erdogan" beside "Mustafa
    // Erdogan (PM's brother)" and "Recep Tayyip Erdogan"; the relative when the only one, "Timur Kulibayev")
    let ending = new Set(fullNorms.filter((f) => f.endsWith(' ' + n)).map(fullNameOf));
    if (ending.size > 1) {
      const notKin = new Set([...ending].filter((f) => !kinNames().has(f)));
      if (notKin.size) ending = notKin;
    }
    // "King Abdullah", "Sheikh Hamdan": a monarch or sheikh is called by the given name, so the word
    // joins the one full name of the cable it opens, never a full name it ends ("Abdullah Abdullah");
    // a sheikh may be a cleric called by the surname ("Sheikh Nasrallah"), the one full name ending so
    // (of several names it opens, the one the cable writes after a royal title too: "Sheikh Mohammad bin Rashid")
    const title = royalTitle(cable.text, m);
    if (title) {
      let opening = new Set(fullNorms.filter((f) => f.startsWith(n + ' ')).map(fullNameOf));
      if (opening.size > 1) opening = new Set([...opening].filter((f) => royalNames().has(f)));
      const cands = opening.size === 0 && SHEIKH.test(title) ? ending : opening;
      if (cands.size === 1) {
        const f = [...cands][0];
        return add('PERSON', f, personCase(fullByNorm.get(f)!), m.text);
      }
      const display = `${title} ${personCase(name)}`;
      return add('PERSON', normalizeName(display), display, m.text, { surnameOnly: true, given: true });
    }
    // the given name alone of a monarch or sheikh the cable names with the title ("Sheikh Sharif ... Sharif said")
    const royal = ending.size === 0 ? royalGiven().get(n) : undefined;
    if (royal) return add('PERSON', normalizeName(royal), royal, m.text, { surnameOnly: true, given: true });
    // one word: join the one full name of this cable ending with it ("Morales"), else the one full name
    // holding it as a word of its own: a paternal surname ("Ramirez" of "Santos Ramirez Valverde"), a
    // given name used alone ("Evo", "Baitullah")
    // Within one cable a lone surname joins the full name of that surname even after a title of the
    // other sex: the cable's mentions map one surface to one entity, and "Borrel" there is Bernard
    // Borrel's. The title's sex is kept for the join across cables ("Mme Borrel" elsewhere joins no
    // man's full name).
    const sex = titleSex(cable.text, m);
    const service = titleService(cable.text, m);
    const holding =
      ending.size === 0 && n.length > 1 && !CONNECTOR_WORDS.has(n)
        ? new Set(fullNorms.filter((f) => holdsName(f.split(' '), n)).map(fullNameOf))
        : ending;
    const cands = ending.size ? ending : holding;
    if (cands.size === 1) {
      const f = [...cands][0];
      return add('PERSON', f, personCase(fullByNorm.get(f)!), m.text, service ? { service } : {});
    }
    // The first use decides (the local entity keeps what its first mention gave it). A given name two full
    // names share, "Hugo" of Hugo Chavez and Hugo Moldiz, says less: it gets none.
    let fallback = fallbackOf.get(n);
    if (fallback === undefined) {
      fallback = ending.size > 1 ? (lastNamedBefore(ending, m.start) ?? '') : cands.size === 0 ? misspelled(n) : '';
      fallbackOf.set(n, fallback);
    }
    return add('PERSON', n, personCase(name), m.text, {
      surnameOnly: true,
      ...(sex ? { sex } : {}),
      ...(service ? { service } : {}),
      ...(fallback ? { fallback } : {}),
    });
  }
  /**
   * The one full name of the cable whose surname `n` misspells by a letter ("Medevedev", "Mitterand", "Berluscon" for
   * Medvedev, Mitterrand, Berlusconi), '' for none or several: long words only, and not a feminine form
   * ("Karimova" beside "Islam Karimov").
   */
  function misspelled(n: string): string {
    const found = new Set<string>();
    const { FIRST_NAMES, ANY_FIRST_NAMES } = gazetteer();
    // (a word that is also a given name, "Abdullah" beside "Abdullahi", is another person's as likely)
    if (n.length < 6 || n.includes(' ') || FIRST_NAMES.has(n) || ANY_FIRST_NAMES.has(n)) return '';
    for (const f of fullNorms) {
      const surname = f.slice(f.lastIndexOf(' ') + 1);
      if (surname.length < 6 || FEMININE_PAIR(n, surname) || editDistance(n, surname, 1) !== 1) continue;
      found.add(fullNameOf(f));
    }
    return found.size === 1 ? [...found][0] : '';
  }
  /** Of `names` (full names of the cable), the one whose mention comes last before `at`, if any. */
  function lastNamedBefore(names: ReadonlySet<string>, at: number): string | undefined {
    let last: string | undefined;
    let lastAt = -1;
    for (const x of mentions) {
      if (x.type !== 'PERSON' || x.start >= at || x.start <= lastAt || aliasOf.has(x)) continue;
      const k = normalizeName(personName(x.text));
      const f = k.includes(' ') ? fullNameOf(k) : undefined;
      if (f !== undefined && names.has(f)) {
        last = f;
        lastAt = x.start;
      }
    }
    return last;
  }
  /**
   * The longest full name of the cable a full name stands for: "Ivan Iporre" → "Ivan Iporre Salguero",
   * "Sultan Qaboos" and "Mohammed bin Zayed" → "Sultan Qaboos bin Sa'id", "Mohammed bin Zayed al-Nahyan" (each when unique).
   */
  function fullNameOf(n: string): string {
    for (let hops = 0; hops < 4; hops++) {
      const longer = fullNorms.filter((f) => f.endsWith(' ' + n));
      const extended = longer.length === 0 ? fullNorms.filter((f) => f.startsWith(n + ' ')) : [];
      const next = longer.length === 1 ? longer[0] : extended.length === 1 ? extended[0] : undefined;
      if (next === undefined) break;
      n = next;
    }
    return n;
  }
}

/** Whether two surnames are one family's male and female forms ("Karimov", "Karimova"; "Aliyev", "Aliyeva"). */
const FEMININE_PAIR = (a: string, b: string): boolean => a === `${b}a` || b === `${a}a`;

/** Small words left out of an organization's initials ("National Bank of Ukraine" → NBU). */
const INITIALS_SKIP = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'de',
  'du',
  'des',
  'la',
  'le',
  'el',
  'del',
  'di',
  'da',
  'y',
  'et',
  '&',
]);
/** Last words of a body that is part of the one its first word names ("Hamas government", "Politburo Standing Committee"). */
const PART_HEADS = new Set(
  'government administration regime cabinet committee secretariat council commission office bureau department ministry board caucus faction wing branch delegation'.split(
    ' ',
  ),
);
/** Words that end a company's or a centre's full name and that the cables leave out ("Cargill plc", "TBEA International"). */
const COMPANY_SUFFIXES = new Set([...COMPANY_FORMS, ...'llc worldwide services center centre'.split(' ')]);
/** An acronym written in mixed case: a capital first, two capitals or more, lower-case letters among them ("AfDB", "LeT", "JuD"). */
const MIXED_ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,6}$/;
/** Lower-case particles inside hyphenated or transliterated names that an acronym may skip ("Tehrik-i-Taliban", "Jamaat ud-Dawa", "Lashkar-e-Taiba"). */
const NAME_PARTICLES = new Set(['i', 'e', 'ul', 'ud', 'al', 'el', 'dos', 'do', 'da', 'das', 'a']);
/**
 * Whether the capitals `acronym` spell the name's words in order: each word gives its initial, or all of
 * its letters when it is an acronym itself ("ANC Women's League": ANCWL); small words and particles
 * may give their initial or nothing. Every other word must give something.
 */
function acronymSpells(acronym: string, name: string): boolean {
  // (most names spell no acronym of the cable: their letters do not even hold it in order)
  const upper = name.toUpperCase();
  for (let a = 0, at = 0; a < acronym.length; a++) {
    at = upper.indexOf(acronym[a], at) + 1;
    if (at === 0) return false;
  }
  const words = name.split(/[\s/-]+/).filter((w) => w);
  if (words.length < 2) return false;
  const go = (w: number, a: number): boolean => {
    if (w === words.length) return a === acronym.length;
    if (a > acronym.length) return false;
    const word = words[w];
    const lower = word.toLowerCase();
    const skippable = INITIALS_SKIP.has(lower) || NAME_PARTICLES.has(lower);
    if (skippable && go(w + 1, a)) return true;
    if (/^[A-Z]{2,5}$/.test(word) && acronym.startsWith(word, a) && go(w + 1, a + word.length)) return true;
    return a < acronym.length && word[0].toUpperCase() === acronym[a] && go(w + 1, a + 1);
  };
  return go(0, 0);
}
/** Whether initials of two words or more are the acronym's but one inner letter ("FO" of "FCO"; not "FC", not "CO"). */
function oneWordShort(acronym: string, initials: string): boolean {
  if (initials.length < 2 || initials.length !== acronym.length - 1) return false;
  for (let i = 1; i < acronym.length - 1; i++) if (acronym.slice(0, i) + acronym.slice(i + 1) === initials) return true;
  return false;
}
function initialsOf(name: string): string {
  // a slash joins two words, not one ("Christian Democrat/Social Union" is no "CDU")
  return name
    .split(/[\s/-]+/)
    .filter((w) => w && !INITIALS_SKIP.has(w.toLowerCase()))
    .map((w) => w[0].toUpperCase())
    .join('');
}
/**
 * Within one cable, an organization named short joins the one organization of the cable it stands for:
 * an acronym the initials of exactly one spelled-out name ("WWF" and "World Wildlife Fund", "NBU" and
 * "National Bank of Ukraine"), a name the end of exactly one longer name ("Assembly" of "National
 * Assembly", "Central Bank" of "UAE Central Bank"). The surfaces move; the short local goes.
 */
function joinShortOrganizations(locals: Map<string, Local>): void {
  const orgs = [...locals.entries()].filter(([, l]) => l.type === 'ORGANIZATION');
  if (orgs.length < 2) return;
  const spelled = orgs.filter(([, l]) => l.key.includes(' '));
  if (spelled.length === 0) return;
  // (a country qualifier aside: "Assembly" of "National Assembly (Ukraine)")
  const bareOf = new Map<Local, string>();
  const bare = (x: Local) => {
    let b = bareOf.get(x);
    if (b === undefined) {
      b = normalizeName(x.display.replace(/\s*\([^()]*\)$/, ''));
      bareOf.set(x, b);
    }
    return b;
  };
  // the display without its qualifier ("Ministry of Health (Venezuela)"), read once per local
  const plainOf = new Map<Local, string>();
  const plain = (x: Local) => {
    let b = plainOf.get(x);
    if (b === undefined) {
      b = withoutQualifier(x.display);
      plainOf.set(x, b);
    }
    return b;
  };
  const initialsOfLocal = new Map<Local, string>();
  const initials = (x: Local) => {
    let b = initialsOfLocal.get(x);
    if (b === undefined) {
      b = initialsOf(plain(x));
      initialsOfLocal.set(x, b);
    }
    return b;
  };
  for (const [k, l] of orgs) {
    let targets: Array<[string, Local]> = [];
    if (!l.key.includes(' ') && /^[A-Z]{2,6}$/.test(l.display)) {
      targets = spelled.filter(([k2, l2]) => k2 !== k && initials(l2) === l.display);
      // then looser: an acronym word spelled whole, a particle skipped or spelled ("USLO": "US Liaison Office", "TTP": "Tehrik-i-Taliban Pakistan")
      if (targets.length === 0) targets = spelled.filter(([k2, l2]) => k2 !== k && acronymSpells(l.display, plain(l2)));
    } else if (!l.key.includes(' ') && MIXED_ACRONYM.test(l.display)) {
      // a mixed-case acronym by its capitals ("AfDB": African Development Bank, "LeT": Lashkar-e-Taiba)
      const caps = l.display.replace(/[^A-Z]/g, '');
      targets = spelled.filter(([k2, l2]) => k2 !== k && acronymSpells(caps, plain(l2)));
    } else {
      const short = bare(l);
      targets = spelled.filter(([k2, l2]) => k2 !== k && bare(l2).endsWith(' ' + short));
      // a chain ("Bank" → "Central Bank" → "UAE Central Bank") goes to the longest
      if (targets.length > 1)
        targets = targets.filter(([, a]) => !targets.some(([, b]) => b !== a && !bare(b).endsWith(' ' + bare(a))));
    }
    // a company named without its legal or corporate suffix ("Highrock" of "Highrock Holding Ltd", "Levada" of "Levada Center")
    if (targets.length === 0) {
      const short = bare(l);
      targets = spelled.filter(
        ([k2, l2]) =>
          k2 !== k &&
          bare(l2).startsWith(short + ' ') &&
          bare(l2)
            .slice(short.length + 1)
            .split(' ')
            .every((w) => COMPANY_SUFFIXES.has(w)),
      );
    }
    // a name by its first word ("Wassenaar" of "Wassenaar Arrangement", "Junbesh" of "Junbesh Party"), unless the
    // longer name is a part of the body the word names ("Hamas government"); never an acronym ("UN Security Council")
    if (targets.length === 0 && !l.key.includes(' ') && /^[A-Z][a-z]/.test(l.display)) {
      const short = bare(l);
      targets = spelled.filter(
        ([k2, l2]) =>
          k2 !== k &&
          bare(l2).startsWith(short + ' ') &&
          !PART_HEADS.has(bare(l2).slice(bare(l2).lastIndexOf(' ') + 1)),
      );
    }
    if (targets.length !== 1) continue;
    const target = targets[0][1];
    joinLocal(locals, k, l, target);
  }
}

/**
 * Within one cable, the organizations whose names are made of the same words in another order,
 * spelling or with the nationality as an adjective (`orgWordKey`: "Defense Department" and
 * "Department of Defence", "Ministry of the Interior" and "Ministry of Interior", "Spanish Navy" and
 * "Navy (Spain)") are one: the cable names one body several ways.
 */
function joinOrganizationsOfSameWords(locals: Map<string, Local>): void {
  const byWords = new Map<string, Array<[string, Local]>>();
  for (const [k, l] of locals) {
    if (l.type !== 'ORGANIZATION') continue;
    const w = orgWordKey(l.display);
    if (w === undefined) continue;
    const group = byWords.get(w);
    if (group) group.push([k, l]);
    else byWords.set(w, [[k, l]]);
  }
  for (const group of byWords.values()) {
    if (group.length < 2) continue;
    // a name resolution gave (an institution named after the country, "Ministry of Interior (France)")
    // wins, so that the other cables' entity of that name keeps this cable; then the longest
    const rank = (l: Local) => (l.display.endsWith(')') ? 1000 : 0) + l.display.length;
    const [, keep] = group.reduce((a, b) => (rank(b[1]) > rank(a[1]) ? b : a));
    for (const [k, l] of group) {
      if (l === keep) continue;
      joinLocal(locals, k, l, keep);
    }
  }
  // a name written without the qualifier resolution gave the same name ("Ministry of Social Affairs and
  // Labor" beside "Ministry of Social Affairs and Labor (Kuwait)") joins the one qualified name of its words
  const qualified = new Map<string, Array<[string, Local]>>();
  for (const [k, l] of locals) {
    if (l.type !== 'ORGANIZATION' || !l.display.endsWith(')') || !QUALIFIED.test(l.display)) continue;
    const w = orgWordKey(l.display.replace(QUALIFIED, ''));
    if (w === undefined) continue;
    const group = qualified.get(w);
    if (group) group.push([k, l]);
    else qualified.set(w, [[k, l]]);
  }
  if (qualified.size === 0) return;
  for (const [k, l] of [...locals]) {
    if (l.type !== 'ORGANIZATION' || (l.display.endsWith(')') && QUALIFIED.test(l.display))) continue;
    const w = orgWordKey(l.display);
    const group = w === undefined ? undefined : qualified.get(w);
    if (group?.length === 1) joinLocal(locals, k, l, group[0][1]);
  }
}
/** An organization's display without the qualifier in parentheses resolution gave it ("Ministry of Health (Venezuela)"). */
const withoutQualifier = (display: string): string =>
  display.endsWith(')') ? display.replace(/\s*\(.*\)$/, '') : display;
/** A name's trailing qualifier in parentheses naming a country or body in words ("(Kuwait)"), not an office symbol ("(ISN/CPI)"). */
const QUALIFIED = /\s*\([^()/]*[a-z][^()/]*\)$/;

/** Head words a ministry's portfolio is named with ("Environment Ministry", "Ministry of Mines and Energy", "Department of Agriculture"). */
const PORTFOLIO_HEADS = ['ministry', 'department'];

/**
 * Within one cable, an organization of one word joins the one organization of the same word in the
 * plural ("Houthi" and "Houthis", "Tory" and "Tories"), and a portfolio named without its head word
 * ("Environment", "Mines & Energy") joins the one ministry or department of the cable named by it
 * ("Environment Ministry", "Ministry of Mines and Energy"): the cable names one body both ways.
 */
function joinPluralsAndPortfolios(locals: Map<string, Local>): void {
  const orgs = [...locals.entries()].filter(([, l]) => l.type === 'ORGANIZATION');
  if (orgs.length < 2) return;
  const wordsOf = new Map<Local, string>();
  const byWords = new Map<string, Array<[string, Local]>>();
  for (const [k, l] of orgs) {
    const w = orgWords(withoutQualifier(l.display));
    wordsOf.set(l, w);
    const group = byWords.get(w);
    if (group) group.push([k, l]);
    else byWords.set(w, [[k, l]]);
  }
  const weight = (l: Local) => [...l.surfaces.values()].reduce((a, b) => a + b, 0);
  const live = (group: Array<[string, Local]> | undefined, k: string) =>
    (group ?? []).filter(([k2]) => k2 !== k && locals.has(k2));
  for (const [k, l] of orgs) {
    if (!locals.has(k)) continue;
    const w = wordsOf.get(l)!;
    if (!w) continue;
    const count = w.split(' ').length;
    if (count > 3) continue;
    const same = count === 1 ? live(byWords.get(w), k) : [];
    if (same.length === 1) {
      const [k2, l2] = same[0];
      if (weight(l2) >= weight(l)) joinLocal(locals, k, l, l2);
      else joinLocal(locals, k2, l2, l);
      continue;
    }
    if (same.length > 1) continue;
    const headed = PORTFOLIO_HEADS.flatMap((h) => live(byWords.get([...w.split(' '), h].sort().join(' ')), k));
    if (headed.length === 1) joinLocal(locals, k, l, headed[0][1]);
  }
}

/** US presidents since 1993 and the day each took office (an administration is named by its president, "Obama Administration"). */
const PRESIDENCIES: ReadonlyArray<[since: string, president: string]> = [
  ['2009-01-20', 'Obama'],
  ['2001-01-20', 'Bush'],
  ['1993-01-20', 'Clinton'],
];

/** Words right before "U.S. administration" that name the one after or before that of the day ("the incoming U.S. administration"). */
const NEXT_BEFORE = /\b(?:new|incoming|next|future|upcoming|coming)\s+$/i;
const PREVIOUS_BEFORE = /\b(?:previous|former|prior|preceding|past|last)\s+$/i;

/** "next" or "previous" when the words before a mention of the U.S. administration point away from the one of the day. */
function administrationWhen(text: string, m: Mention): 'next' | 'previous' | undefined {
  const before = text.slice(Math.max(0, m.start - 20), m.start);
  return NEXT_BEFORE.test(before) ? 'next' : PREVIOUS_BEFORE.test(before) ? 'previous' : undefined;
}

/** Days from date `a` to date `b` (ISO strings). */
function daysBetween(a: string, b: string): number {
  return (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;
}

/**
 * The president of the administration after (`next`) or before (`previous`) the one in office on
 * `created`. "The new administration" is the next one only within a year of its inauguration (a
 * cable of the campaign or the transition); later, or with none known, undefined (the one of the day).
 */
function presidentBeside(created: string | undefined, when: 'next' | 'previous'): string | undefined {
  if (!created) return undefined;
  const i = PRESIDENCIES.findIndex(([since]) => created >= since);
  if (when === 'previous') return i >= 0 ? PRESIDENCIES[i + 1]?.[1] : undefined;
  const next = PRESIDENCIES[(i < 0 ? PRESIDENCIES.length : i) - 1];
  return next && daysBetween(created, next[0]) <= 366 ? next[1] : undefined;
}

/** The local `l` (under `k`) takes the name `name`: it joins the local of that name when the cable has one. */
function nameOrganization(locals: Map<string, Local>, k: string, l: Local, name: string): void {
  const key = normalizeName(name);
  const there = locals.get(`ORGANIZATION|${key}`);
  if (there) {
    joinLocal(locals, k, l, there);
    return;
  }
  locals.delete(k);
  l.display = name;
  l.key = key;
  locals.set(`ORGANIZATION|${key}`, l);
}

/**
 * "The U.S. administration" (`US_ADMINISTRATION`) is the administration of the president of the day, as
 * the annotations name it (35 of 36 times): the one a cable names by its president ("Obama
 * Administration") when there is exactly one, else the president the cable names ("Obama", "Bush"),
 * else the one in office on the cable's date. Kept apart from the United States Government. ("The
 * new / incoming / next" and "the previous / former" one are named as they are read, `presidentBeside`,
 * and name no administration for the others: "the incoming U.S. Administration" of December 2008 is
 * Obama's, not the cable's name for Bush's.)
 */
function nameUsAdministration(locals: Map<string, Local>, cable: Cable, ctry: string[]): void {
  const k = `ORGANIZATION|${normalizeName(US_ADMINISTRATION)}`;
  const l = locals.get(k);
  if (!l) return;
  const isUsAdministration = (surface: string) =>
    canonicalOf('ORGANIZATION', surface, ctry)?.name === US_ADMINISTRATION;
  const named = [...locals.values()].filter(
    (x) =>
      x.type === 'ORGANIZATION' &&
      PRESIDENCIES.some(([, p]) => x.display === `${p} Administration`) &&
      [...x.surfaces.keys()].some((s) => !isUsAdministration(s)),
  );
  if (named.length === 1) {
    joinLocal(locals, k, l, named[0]);
    return;
  }
  const said = PRESIDENCIES.filter(([, p]) => new RegExp(`\\b${p}\\b`).test(cable.text));
  const president =
    said.length === 1 ? said[0][1] : PRESIDENCIES.find(([since]) => (cable.created ?? '') >= since)?.[1];
  if (president) nameOrganization(locals, k, l, `${president} Administration`);
}

/** Parties' nicknames and their names (general usage, any cable): each group is one party within a cable. */
const PARTY_NICKNAMES: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['tory', 'tories', 'tory party', 'conservative', 'conservatives', 'conservative party']),
  new Set(['lib dem', 'lib dems', 'libdems', 'liberal democrat', 'liberal democrats']),
];

const NICKNAME = /^(?:tory|tories|lib ?dems?)\b/i;
/**
 * Within one cable, a party named by its nickname joins the party named by its name ("the Tories"
 * and "the Conservatives", "Lib Dems" and "Liberal Democrats"): one organization whose surfaces have
 * different words, so no other join finds it. Only where each side is one organization of the cable.
 */
function joinPartyNicknames(locals: Map<string, Local>): void {
  for (const group of PARTY_NICKNAMES) {
    let found: Array<[string, Local]> | undefined;
    for (const [k, l] of locals) {
      if (l.type !== 'ORGANIZATION') continue;
      for (const surface of l.surfaces.keys())
        if (group.has(surface.toLowerCase().replace(/\s+/g, ' '))) {
          (found ??= []).push([k, l]);
          break;
        }
    }
    if (!found || found.length !== 2) continue;
    // the party keeps its name ("Conservative Party"), not its nickname
    const [[ka, a], [kb, b]] = found;
    if (NICKNAME.test(a.display)) joinLocal(locals, ka, a, b);
    else joinLocal(locals, kb, b, a);
  }
}

/**
 * A government's acronym several countries share ("GON": Nicaragua, Nigeria, the Netherlands; "GOS",
 * "GOE") is read with the cable's country (`acronymName`), else as the first country of its list;
 * when it is none of the cable's countries and the cable names another of those governments in
 * words ("the Nigerian government" in a London cable), the acronym is that one.
 */
function joinGovernmentAcronyms(locals: Map<string, Local>, ctry: string[]): void {
  for (const [k, l] of locals) {
    if (l.type !== 'ORGANIZATION' || !l.display.startsWith('Government of ')) continue;
    let codes: string[] | undefined;
    for (const surface of l.surfaces.keys()) {
      const c = GOVERNMENTS().get(surface.toUpperCase().replace(/\./g, ''));
      if (!c || c.length < 2) {
        codes = undefined;
        break;
      }
      codes = c;
    }
    // read with one of the cable's own countries ("GOI" in a Rome cable): that reading stands
    if (!codes || codes.some((c) => ctry.includes(c))) continue;
    const named = new Set(codes.map((c) => `Government of ${countryName(c) ?? c}`));
    named.delete(l.display);
    const targets = [...locals.values()].filter((x) => x !== l && x.type === 'ORGANIZATION' && named.has(x.display));
    if (targets.length !== 1) continue;
    joinLocal(locals, k, l, targets[0]);
  }
}

/**
 * Whether a lone word may stand for the full name `words`: a middle word of three or more (the
 * paternal surname of "Santos Ramirez Valverde"; not of "Putin-Yushchenko Bilateral"), or the first when it is a given name ("Evo" of
 * "Evo Morales"; not "Obama" of a stray "Obama Factor").
 */
function holdsName(words: readonly string[], w: string): boolean {
  const { ENGLISH, FIRST_NAMES, ANY_FIRST_NAMES } = gazetteer();
  const at = words.indexOf(w);
  if (at < 0 || at === words.length - 1) return false;
  // a family name written first, before a given name ("Wen" and "Hu" of "Wen Jiabao", "Hu Jintao"), even one
  // of two letters or an English word
  const familyFirst = at === 0 && words.length === 2 && (FIRST_NAMES.has(words[1]) || ANY_FIRST_NAMES.has(words[1]));
  if (w.length < 3) return familyFirst && !FIRST_NAMES.has(w) && !ANY_FIRST_NAMES.has(w);
  if (at > 0) return words.length >= 3 && !ENGLISH.has(words[words.length - 1]);
  if (FIRST_NAMES.has(w) || ANY_FIRST_NAMES.has(w) || familyFirst) return true;
  // the first word of a two-word name used alone ("Hagos" of "Hagos Ghebrehiwet"; family names written first) when the
  // second word is no English word ("Obama Factor")
  return words.length === 2 && !ENGLISH.has(w) && !ENGLISH.has(words[1]);
}

/**
 * A one-word "place" no gazetteer knows whose text is also a person's surface in the same cable
 * ("in Chavez's Venezuela" beside "Hugo Chavez", "Chavez") is that person: the corpus pass would
 * otherwise read it as a surname on its own and could join another full name than the cable's.
 */
function joinSurnamesReadAsPlaces(locals: Map<string, Local>): void {
  const { PLACES, COUNTRY_CODE } = gazetteer();
  let people: Map<string, Local> | undefined;
  for (const [k, l] of locals) {
    if (l.type !== 'PLACE' || l.key.includes(' ') || PLACES.has(l.key) || COUNTRY_CODE.has(l.key)) continue;
    if (!people) {
      people = new Map();
      for (const p of locals.values())
        if (p.type === 'PERSON' && !p.surnameOnly) for (const surface of p.surfaces.keys()) people.set(surface, p);
    }
    const person = [...l.surfaces.keys()].map((surface) => people!.get(surface)).find((p) => p !== undefined);
    if (!person) continue;
    joinLocal(locals, k, l, person);
  }
}

/** Particles of names that never stand for a person alone. */
const CONNECTOR_WORDS = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'abu',
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'di',
  'du',
  'y',
  'e',
  'mc',
  'st',
  'jr',
  'sr',
  'ii',
  'iii',
]);

/**
 * Corpus step: merges the local entities of all cables. Full names merge by normalized name;
 * surname-only persons join a full name with that surname seen in a cable of the same country
 * context, only when exactly one such full name exists. Linear in the number of local entities.
 */
export function resolveEntities(
  cables: Cable[],
  mentions: Mention[][],
  options: ResolveOptions = {},
): { entities: Entity[]; perCable: CableEntity[][] } {
  return resolveEntitiesOf(cables.length, (i) => ({ cable: cables[i], mentions: mentions[i] ?? [] }), options);
}

/**
 * resolveEntities over cables fetched one at a time (`cableAt(i)`, i in order): only the per-cable
 * local entities are kept, not the cables, so the cables can live on disk (graph builds).
 */
export function resolveEntitiesOf(
  count: number,
  cableAt: (i: number) => { cable: Cable; mentions: Mention[] },
  options: ResolveOptions = {},
): { entities: Entity[]; perCable: CableEntity[][] } {
  const resolution = resolveCorpus(count, cableAt, options);
  return {
    entities: resolution.entities,
    perCable: Array.from({ length: count }, (_, i) => resolution.cableEntities(i)),
  };
}

/** The corpus step's result: the entities, and each cable's resolved entities on demand. */
export interface CorpusResolution {
  /** Sorted by id. */
  entities: Entity[];
  /** Cable i's entities (a new array each call), with the names and ids of `entities`. */
  cableEntities(i: number): CableEntity[];
}

/**
 * How a surface form is listed among its entity's aliases: its spacing collapsed, so that a name a
 * line break cut ("Bernard \nKouchner") is the same alias as the name on one line. (The mentions
 * keep the surface as written: it is what their offsets point at.)
 */
export function aliasText(surface: string): string {
  return surface.replace(/\s+/g, ' ');
}

/** Strings as small integers: the names and surface forms of a corpus repeat across its cables. */
class Interner {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }

  /** No more strings come: the lookup map goes (the strings stay, by number). */
  seal(): void {
    this.ids.clear();
  }
}

/**
 * Each entity's aliases by surface number (an interned string): where in `aliases` a surface is.
 * A short list is scanned (most entities have a few aliases); a long one becomes a Map, so a hub
 * named in every other cable under hundreds of spellings costs no scan of them all per cable.
 */
class AliasIndex {
  private readonly byEntity: Array<number[] | Map<number, number> | undefined> = [];

  /** The alias index of `surface` for `entity`, or -1. */
  find(entity: number, surface: number): number {
    const at = this.byEntity[entity];
    if (at === undefined) return -1;
    if (Array.isArray(at)) return at.indexOf(surface);
    return at.get(surface) ?? -1;
  }

  /** `surface` is alias `index` of `entity` (the next one: indexes come in order). */
  add(entity: number, surface: number, index: number): void {
    const at = this.byEntity[entity];
    if (at === undefined) this.byEntity[entity] = [surface];
    else if (!Array.isArray(at)) at.set(surface, index);
    else if (at.length < AliasIndex.LIST_MAX) at.push(surface);
    else {
      const map = new Map<number, number>(at.map((s, i) => [s, i]));
      map.set(surface, index);
      this.byEntity[entity] = map;
    }
  }

  private static readonly LIST_MAX = 24;
}

/** Flag bits of a local entity (after surname only and the sex): a royal title's given name, then a royal full name's ranks. */
const GIVEN = 8;
const ROYAL_SHIFT = 4;
const KIN_FLAG = 128;
/** Bits 8-9: the services of the titles before a person's mentions (`titleService`). */
const SERVICE_SHIFT = 8;

/** Types as small integers in the typed arrays below (their order in the model's list). */
const TYPES = ENTITY_TYPES;

/**
 * resolveEntities for a corpus that is read once, one cable at a time. Every cable's local
 * entities are kept as integers (type, interned key, display and surfaces, with counts) rather
 * than objects — a few dozen bytes per local entity instead of a few hundred, which is what lets a
 * full-corpus build hold them all — and each cable's resolved entities are made again on demand.
 * The result is the same as resolveEntities'.
 */
export function resolveCorpus(
  count: number,
  cableAt: (i: number) => { cable: Cable; mentions: Mention[] },
  options: ResolveOptions = {},
): CorpusResolution {
  const countryOf = options.countryOf ?? cableCountries;
  const { PLACES, COUNTRY_CODE } = gazetteer();
  const text = new Interner();
  const countryLists = new Interner();
  const ids: string[] = [];
  const cableCountry = new Int32Array(count);
  // Per cable: [local count, then per local: type, key, display, flags, fallback (-1 for none), surface count, (surface, count)…].
  // `let`: let go once the entities are made (the closures below keep this scope alive).
  let locals = new IntList();
  const localsAt = new Int32Array(count + 1);
  const displayOf = new Map<string, string>();
  const cableYear = new Int16Array(count);
  const surnames = new SurnameIndex();
  const acronyms = new AcronymIndex();
  const chiefs = new PostChiefs();
  /** Full-name key → the services of the titles cables write before it (`titleService`). */
  const fullService = new Map<string, number>();
  const cablePost = new Int32Array(count);
  const cableSigner = new Int32Array(count);
  const PERSON = TYPES.indexOf('PERSON');
  const PLACE = TYPES.indexOf('PLACE');
  /** A cable's local entities as the surname pass sees them: `type|key` as one number, the person key. */
  const entitiesAt = (
    i: number,
  ): Array<{
    id: number;
    personKey?: string;
    surnameOnly: boolean;
    type: number;
    keyId: number;
    given?: boolean;
    royal?: number;
    kin?: boolean;
  }> => {
    let at = localsAt[i];
    const n = locals.get(at++);
    const out = [];
    for (let k = 0; k < n; k++) {
      const type = locals.get(at++);
      const keyId = locals.get(at++);
      at++;
      const flags = locals.get(at++);
      const surnameOnly = (flags & 1) === 1;
      at++; // the fallback full name
      const surfaces = locals.get(at++);
      at += 2 * surfaces;
      const key = text.strings[keyId];
      // a one-word place no gazetteer knows may be a surname ("Chavez"): the pass sees it as one
      if (type === PLACE && !key.includes(' ') && !PLACES.has(key) && !COUNTRY_CODE.has(key))
        out.push({ id: keyId * 3 + type, type, keyId, surnameOnly: true, personKey: key });
      else if (type === PERSON && flags >= GIVEN)
        out.push({
          id: keyId * 3 + type,
          type,
          keyId,
          surnameOnly,
          personKey: key,
          given: (flags & GIVEN) !== 0,
          royal: (flags >> ROYAL_SHIFT) & 7,
          kin: (flags & KIN_FLAG) !== 0,
        });
      else out.push({ id: keyId * 3 + type, type, keyId, surnameOnly, ...(type === PERSON ? { personKey: key } : {}) });
    }
    return out;
  };
  const countriesOf = (i: number): string[] => {
    const c = countryLists.strings[cableCountry[i]];
    return c ? c.split(',') : [];
  };
  for (let i = 0; i < count; i++) {
    const { cable, mentions } = cableAt(i);
    ids.push(cable.id);
    const ctry = countryOf(cable);
    cableCountry[i] = countryLists.id(ctry.join(','));
    const year = cable.created ? Number(cable.created.slice(0, 4)) : 0;
    cableYear[i] = Number.isFinite(year) ? year : 0;
    // who classified the post's cables, and who signed this one (a lone surname may be the signer)
    const classifier = cable.classifiedBy?.name ? normalizeName(personName(cable.classifiedBy.name)) : '';
    chiefs.add(cable.origin, classifier);
    cablePost[i] = text.id(cable.origin ?? '');
    const signer = cable.signers?.length ? cable.signers[cable.signers.length - 1] : '';
    cableSigner[i] = text.id(signer ? normalizeName(signer) : '');
    const ls = resolveCable(cable, mentions, ctry);
    localsAt[i] = locals.length;
    locals.push(ls.length);
    for (const l of ls) {
      locals.push(TYPES.indexOf(l.type));
      locals.push(text.id(l.key));
      locals.push(text.id(l.display));
      // bit 0 surname only, bits 1-2 the sex a title gave it, then a royal title's given name or full name, a relative
      locals.push(
        (l.surnameOnly ? 1 : 0) |
          ((l.sex ?? 0) << 1) |
          (l.given ? GIVEN : 0) |
          ((l.royal ?? 0) << ROYAL_SHIFT) |
          (l.kin ? KIN_FLAG : 0) |
          ((l.service ?? 0) << SERVICE_SHIFT),
      );
      locals.push(l.fallback === undefined ? -1 : text.id(l.fallback));
      locals.push(l.surfaces.size);
      for (const [surface, n] of l.surfaces) {
        locals.push(text.id(surface));
        locals.push(n);
      }
      if (l.type === 'ORGANIZATION')
        acronyms.add(l.key, l.display, l.surfaces.keys(), initialsOf, normalizeName, cable.id, ctry[0] ?? '');
      if (l.type !== 'PERSON' || l.surnameOnly) continue;
      if (l.service) fullService.set(l.key, (fullService.get(l.key) ?? 0) | l.service);
      const prev = displayOf.get(l.key);
      if (!prev || (prev === prev.toUpperCase() && l.display !== l.display.toUpperCase()))
        displayOf.set(l.key, l.display);
    }
    localsAt[i + 1] = locals.length;
    // a name one word short of an acronym the cable writes ("Foreign Office" beside "FCO"): a claim the index weighs
    const shortAcronyms = ls.filter(
      (a) => a.type === 'ORGANIZATION' && !a.key.includes(' ') && /^[A-Z]{3,6}$/.test(a.display),
    );
    if (shortAcronyms.length)
      for (const l of ls) {
        if (l.type !== 'ORGANIZATION' || !l.key.includes(' ')) continue;
        const own = initialsOf(withoutQualifier(l.display));
        for (const a of shortAcronyms)
          if (oneWordShort(a.display, own))
            acronyms.add(l.key, l.display, [a.display], initialsOf, normalizeName, cable.id, ctry[0] ?? '');
      }
    // full names this cable also calls by their surname alone
    const calledBySurname = new Set<number>();
    for (const l of ls) {
      if (l.type !== 'PERSON' || l.surnameOnly || !l.key.includes(' ')) continue;
      const sur = l.key.slice(l.key.lastIndexOf(' ') + 1);
      for (const surface of l.surfaces.keys())
        if (normalizeName(personName(surface)) === sur) {
          calledBySurname.add(text.id(l.key));
          break;
        }
    }
    surnames.addCable(
      cableYear[i],
      ctry,
      entitiesAt(i).map((e) =>
        calledBySurname.has(e.keyId) && e.type === PERSON ? { ...e, calledBySurname: true } : e,
      ),
    );
  }
  localsAt[count] = locals.length;
  // The corpus-wide person pass: spellings of one full name, then each full name's context.
  surnames.settleNames();
  const ORGANIZATION = TYPES.indexOf('ORGANIZATION');
  for (let i = 0; i < count; i++) {
    const entities = entitiesAt(i);
    surnames.addContext(entities);
    for (const e of entities) if (e.type === ORGANIZATION) acronyms.countCable(text.strings[e.keyId]);
  }
  acronyms.settle();
  traceMemory('resolution: names and their context');

  // the services of each full name as the person pass keeps it (its spellings' titles together)
  let services: Map<string, number> | undefined;
  const servicesOf = (): Map<string, number> => {
    if (services) return services;
    services = new Map();
    for (const [k, v] of fullService) {
      const c = surnames.canonical(k);
      services.set(c, (services.get(c) ?? 0) | v);
    }
    return services;
  };
  /** The full name a lone surname stands for as the cable's signer (PostChiefs), if a cable writes that name. */
  const signedBy = (i: number, key: string): string | undefined => {
    const chief = chiefs.signer(text.strings[cablePost[i]], text.strings[cableSigner[i]], key);
    return chief !== undefined && displayOf.has(chief) ? surnames.canonical(chief) : undefined;
  };

  // Entities in creation order, and where each is by type|key.
  const entityList: Entity[] = [];
  // by type|key as one number (interned key × 3 + type): no string made per local entity
  const entityAt = new Map<number, number>();
  const aliasAt = new AliasIndex();
  // Each surface's alias: the surface with its spacing collapsed, interned (a surface is usually its own).
  const aliasOfSurface = new Map<number, number>();
  const aliasOf = (surface: number): number => {
    let alias = aliasOfSurface.get(surface);
    if (alias === undefined) {
      const written = text.strings[surface];
      const collapsed = aliasText(written);
      alias = collapsed === written ? surface : text.id(collapsed);
      aliasOfSurface.set(surface, alias);
    }
    return alias;
  };
  // Per cable: [entity count, then per entity: entity (creation order), surface count, (surface, occurrences)…].
  const resolved = new IntList();
  const resolvedAt = new Int32Array(count + 1);
  // Per entity of the cable: surface → its occurrences (what the aliases count).
  const merged = new Map<number, Map<number, number>>();
  const surfaceOwner = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const countries = countriesOf(i);
    let cableIds: number[] | undefined;
    merged.clear();
    surfaceOwner.clear();
    let at = localsAt[i];
    const n = locals.get(at++);
    for (let k = 0; k < n; k++) {
      let type = TYPES[locals.get(at++)];
      let keyId = locals.get(at++);
      let key = text.strings[keyId];
      // A possessive is never part of a name ("Iran's" → Iran), whatever surface was seen first.
      let display = text.strings[locals.get(at++)].replace(/['’]s$/i, '');
      const flags = locals.get(at++);
      const surnameOnly = (flags & 1) === 1;
      const sex = ((flags >> 1) & 3) as Sex | 0;
      const fallback = locals.get(at++);
      const surfaceCount = locals.get(at++);
      if (
        (type === 'PERSON' && surnameOnly) ||
        (type === 'PLACE' && !key.includes(' ') && !PLACES.has(key) && !COUNTRY_CODE.has(key))
      ) {
        // a surname alone (or a surname read as a place: "in Chavez's Venezuela") joins the full name the context points to;
        // a given name after a royal title ("King Abdullah") the royal full name it opens
        cableIds ??= entitiesAt(i).map((e) => e.id);
        const full =
          flags & GIVEN
            ? surnames.joinGiven(
                key.slice(key.lastIndexOf(' ') + 1),
                royalRank(key.slice(0, key.lastIndexOf(' '))),
                cableYear[i],
                countries,
                cableIds,
              )
            : (signedBy(i, key) ?? surnames.join(key, cableYear[i], countries, cableIds));
        if (
          full !== undefined &&
          !sexContradicts(sex || undefined, full) &&
          !serviceContradicts((flags >> SERVICE_SHIFT) & 3, servicesOf().get(full))
        ) {
          key = full;
          keyId = text.id(full);
          type = 'PERSON';
          display = displayOf.get(key) ?? display;
        } else if (fallback >= 0) {
          // the context names no one: the cable's own choice (`Local.fallback`)
          key = surnames.canonical(text.strings[fallback]);
          keyId = text.id(key);
          display = displayOf.get(key) ?? display;
        }
      } else if (type === 'ORGANIZATION') {
        // an acronym and the one name other cables spell it out as: one entity (AcronymIndex)
        const joined = acronyms.joins(key, countries[0] ?? '');
        if (joined) {
          key = joined.key;
          keyId = text.id(joined.key);
          display = joined.display;
        }
      } else if (type === 'PERSON') {
        const canonical = surnames.canonical(key);
        if (canonical !== key) keyId = text.id(canonical);
        key = canonical;
        display = displayOf.get(key) ?? display;
      }
      const typeIndex = TYPES.indexOf(type);
      const ek = keyId * 3 + typeIndex;
      let entity = entityAt.get(ek);
      if (entity === undefined) {
        entity = entityList.length;
        entityAt.set(ek, entity);
        entityList.push({ id: entityId(type, key), type, name: display, aliases: [], cables: [] });
      }
      const e = entityList[entity];
      if (display.length > e.name.length) e.name = display;
      let surfaces = merged.get(entity);
      if (!surfaces) merged.set(entity, (surfaces = new Map<number, number>()));
      for (let j = 0; j < surfaceCount; j++) {
        const surface = locals.get(at++);
        const c = locals.get(at++);
        // one surface of one type names one entity per cable (the graph database keys mentions so):
        // a surface two locals ended up sharing stays with the first
        const ownerKey = surface * 3 + typeIndex;
        const owner = surfaceOwner.get(ownerKey);
        if (owner !== undefined && owner !== entity) {
          const os = merged.get(owner)!;
          os.set(surface, (os.get(surface) ?? 0) + c);
          const oa = aliasAt.find(owner, aliasOf(surface));
          if (oa >= 0) entityList[owner].aliases[oa].count += c;
          continue;
        }
        surfaceOwner.set(ownerKey, entity);
        const alias = aliasOf(surface);
        const a = aliasAt.find(entity, alias);
        if (a >= 0) e.aliases[a].count += c;
        else {
          aliasAt.add(entity, alias, e.aliases.length);
          e.aliases.push({ text: text.strings[alias], count: c });
        }
        surfaces.set(surface, (surfaces.get(surface) ?? 0) + c);
      }
      if (surfaces.size === 0) merged.delete(entity);
      else if (e.cables[e.cables.length - 1] !== ids[i]) e.cables.push(ids[i]);
    }
    resolvedAt[i] = resolved.length;
    resolved.push(merged.size);
    for (const [entity, surfaces] of merged) {
      resolved.push(entity);
      resolved.push(surfaces.size);
      for (const [surface, n] of surfaces) {
        resolved.push(surface);
        resolved.push(n);
      }
    }
  }
  for (const e of entityList)
    e.aliases.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  // cableEntities reads only `resolved`, the entities and the strings by number: the rest goes.
  locals = new IntList(1);
  text.seal();
  return {
    entities: sortById(entityList.filter((e) => e.cables.length > 0)),
    cableEntities(i: number): CableEntity[] {
      let at = resolvedAt[i];
      const n = resolved.get(at++);
      const out: CableEntity[] = [];
      for (let k = 0; k < n; k++) {
        const e = entityList[resolved.get(at++)];
        const m = resolved.get(at++);
        const mentions: string[] = [];
        const counts: number[] = [];
        for (let j = 0; j < m; j++) {
          mentions.push(text.strings[resolved.get(at++)]);
          counts.push(resolved.get(at++));
        }
        out.push({ type: e.type, name: e.name, id: e.id, mentions, counts });
      }
      return out;
    },
  };
}
