// The title lexicon: a title phrase as cables write it → a normalized title and its owner.
/** The title lexicon: a title phrase as cables write it ("French FM", "MFA Iraq desk officer") → a normalized title and its owner. */
import { BoundedMemo, ownCopy } from '../../common/memo';
import { COUNTRY_PLACEHOLDER_SRC, countryOf, countryOfCapital, maskCountries, unmaskCountries } from './text';

/** What a title phrase says: the normalized title and whom it belongs to. */
export interface TitleReading {
  title: string;
  country?: string;
  organization?: string;
  unit?: string;
  former?: boolean;
  /** Held in an acting capacity ("Acting Director"): the annotations keep the word in the title. */
  acting?: boolean;
  /** The kind of office, for deciding when the posting country may be implied. */
  kind: TitleKind;
}
/** `domestic`: a government office of a country (ministers, presidents); `org`: an office inside an organization (directors, desk officers);
 * `us`: titles only the US government uses (A/S, DAS); `embassy`: an embassy officer (DCM, Poloff); `envoy`: ambassadors. */
export type TitleKind = 'domestic' | 'org' | 'us' | 'embassy' | 'envoy';

const AREAS: Record<string, string> = {
  foreign: 'Foreign',
  'foreign affairs': 'Foreign',
  defense: 'Defense',
  defence: 'Defense',
  interior: 'Interior',
  'internal affairs': 'Interior',
  finance: 'Finance',
  justice: 'Justice',
  economy: 'Economy',
  'economic affairs': 'Economy',
  trade: 'Trade',
  energy: 'Energy',
  oil: 'Oil',
  petroleum: 'Petroleum',
  law: 'Law',
  health: 'Health',
  education: 'Education',
  agriculture: 'Agriculture',
  labor: 'Labor',
  labour: 'Labor',
  transport: 'Transport',
  transportation: 'Transport',
  culture: 'Culture',
  information: 'Information',
  environment: 'Environment',
  industry: 'Industry',
  development: 'Development',
  planning: 'Planning',
  tourism: 'Tourism',
  communications: 'Communications',
  water: 'Water',
  electricity: 'Electricity',
  commerce: 'Commerce',
  home: 'Home',
  security: 'Security',
  'european affairs': 'European Affairs',
  'human rights': 'Human Rights',
  mines: 'Mines',
  mining: 'Mines',
  housing: 'Housing',
  youth: 'Youth',
  'public works': 'Public Works',
  telecommunications: 'Telecommunications',
  'religious affairs': 'Religious Affairs',
  'social affairs': 'Social Affairs',
};
/** Whether a word names a ministry's portfolio ("Defense", "Interior"): before "Minister" it is part of the title, whatever the extractor tagged it. */
export const isPortfolio = (word: string): boolean => Object.hasOwn(AREAS, word.toLowerCase().replace(/\s+/g, ' '));
const AREA = Object.keys(AREAS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Title alternatives, longest forms first; each maps a match to a normalized title and kind. */
const TITLE_FORMS: Array<[string, (m: string) => string, TitleKind]> = [
  [
    '(?:DFM|deputy\\s+FM|deputy\\s+foreign\\s+minister|vice\\s+foreign\\s+minister|VFM|deputy\\s+minister\\s+(?:of|for)\\s+foreign\\s+affairs)',
    () => 'Deputy Foreign Minister',
    'domestic',
  ],
  [
    '(?:FM|FonMin|ForMin|foreign\\s+minister|minister\\s+(?:of|for)\\s+foreign\\s+affairs|foreign\\s+affairs\\s+minister)',
    () => 'Foreign Minister',
    'domestic',
  ],
  ['(?:DPM|deputy\\s+PM|deputy\\s+prime\\s+minister|vice\\s+premier)', () => 'Deputy Prime Minister', 'domestic'],
  ['(?:PM|prime\\s+minister|premier)', () => 'Prime Minister', 'domestic'],
  ['(?:MinDef|DefMin)', () => 'Defense Minister', 'domestic'],
  [
    `(?:deputy|vice)\\s+(?:${AREA})\\s+minister`,
    (m) =>
      `Deputy ${
        AREAS[
          m
            .toLowerCase()
            .replace(/^(?:deputy|vice)\s+/, '')
            .replace(/\s+minister$/, '')
            .replace(/\s+/g, ' ')
        ]
      } Minister`,
    'domestic',
  ],
  [
    `(?:deputy|vice)\\s+minister\\s+(?:of|for)\\s+(?:the\\s+)?(?:${AREA})`,
    (m) =>
      `Deputy ${
        AREAS[
          m
            .toLowerCase()
            .replace(/^.*?\s+(?:of|for)\s+(?:the\s+)?/, '')
            .replace(/\s+/g, ' ')
        ]
      } Minister`,
    'domestic',
  ],
  [
    `(?:${AREA})\\s+minister`,
    (m) =>
      `${
        AREAS[
          m
            .toLowerCase()
            .replace(/\s+minister$/, '')
            .replace(/\s+/g, ' ')
        ]
      } Minister`,
    'domestic',
  ],
  [
    `minister\\s+(?:of|for)\\s+(?:the\\s+)?(?:${AREA})`,
    (m) =>
      `${
        AREAS[
          m
            .toLowerCase()
            .replace(/^minister\s+(?:of|for)\s+(?:the\s+)?/, '')
            .replace(/\s+/g, ' ')
        ]
      } Minister`,
    'domestic',
  ],
  ['(?:deputy\\s+minister|vice[\\s-]+minister)', () => 'Deputy Minister', 'domestic'],
  [
    // a government's Secretary of State for an area (Spain's "Secretario de Estado"), not the US one
    'secretary\\s+of\\s+state\\s+for\\s+[A-Z][a-z]+(?:\\s+(?:[A-Z][a-z]+|affairs))?',
    () => 'Secretary of State',
    'domestic',
  ],
  ['minister\\s+of\\s+state', () => 'Minister of State', 'domestic'],
  ['state\\s+secretary', () => 'State Secretary', 'domestic'],
  ['permanent\\s+secretary', () => 'Permanent Secretary', 'domestic'],
  // the US cabinet's Treasury head ("Treasury Secretary Geithner", "Secretary of the Treasury")
  ['(?:treasury\\s+secretary|secretary\\s+of\\s+the\\s+treasury)', () => 'Treasury Secretary', 'us'],
  ['minister', () => 'Minister', 'domestic'],
  ['vice[\\s-]+president[\\s-]+elect', () => 'Vice President-elect', 'domestic'],
  ['(?:vice[\\s-]+president|VP)', () => 'Vice President', 'domestic'],
  ['president[\\s-]+elect', () => 'President-elect', 'domestic'],
  ['president', () => 'President', 'domestic'],
  ['(?:deputy\\s+speaker)', () => 'Deputy Speaker', 'domestic'],
  ['speaker(?:\\s+of\\s+(?:the\\s+)?(?:parliament|national\\s+assembly|house))?', () => 'Speaker', 'domestic'],
  ['(?:crown\\s+prince)', () => 'Crown Prince', 'domestic'],
  // a supreme court's head ("former Chief Justice Iftikhar Chaudhry"): the state's
  ['chief\\s+justice', () => 'Chief Justice', 'domestic'],
  // Iran's head of state (the leaders table gives the country: no post has the office)
  ['supreme\\s+leader', () => 'Supreme Leader', 'domestic'],
  ['chancellor\\s+of\\s+the\\s+exchequer', () => 'Chancellor of the Exchequer', 'domestic'],
  // the opposition's spokesman for the Treasury (UK): not the Chancellor
  ['shadow\\s+chancellor(?:\\s+of\\s+the\\s+exchequer)?', () => 'Shadow Chancellor', 'domestic'],
  // a member of a lower house called by its deputies' name (Brazil's "Federal Deputy", Russia's "Duma deputy")
  ['(?:federal|duma|state\\s+duma)\\s+deputy', () => 'Deputy', 'domestic'],
  ['(?:king|queen|emir|amir|sultan|chancellor)', (m) => cap(m), 'domestic'],
  ['(?:member\\s+of\\s+parliament|MP|parliamentarian)', () => 'Member of Parliament', 'domestic'],
  ['(?:principal\\s+deputy\\s+assistant\\s+secretary|PDAS)', () => 'Principal Deputy Assistant Secretary', 'us'],
  ['(?:deputy\\s+assistant\\s+secretary|DAS)', () => 'Deputy Assistant Secretary', 'us'],
  ['(?:assistant\\s+secretary|A/S)', () => 'Assistant Secretary', 'us'],
  ['(?:under\\s*secretary|U/S)', () => 'Under Secretary', 'us'],
  ['(?:congressman|congresswoman|rep\\.?)', () => 'Member of Congress', 'us'],
  // the President's envoy to the region (2009–10), by its acronym: the sets' name for the office (the words of a form
  // are read as a title's, so the spelled-out name, with its "and", is left to the generic grammar)
  ['SRAP', () => 'Special Representative for Afghanistan and Pakistan', 'us'],
  // the US's senior military officer by acronym ("CJCS Mullen" in an Islamabad scenesetter is no Pakistani office)
  ['CJCS', () => 'Chairman of the Joint Chiefs of Staff', 'us'],
  ['(?:deputy\\s+secretary[\\s-]+general|deputy\\s+SYG|DSG)', () => 'Deputy Secretary General', 'org'],
  ['(?:secretary[\\s-]+general|SYG|SecGen)', () => 'Secretary General', 'org'],
  ['(?:deputy\\s+director[\\s-]+general|deputy\\s+DG)', () => 'Deputy Director General', 'org'],
  ['(?:director[\\s-]+general|DG)', () => 'Director General', 'org'],
  ['(?:deputy\\s+director)', () => 'Deputy Director', 'org'],
  ['(?:assistant\\s+director)', () => 'Assistant Director', 'org'],
  ['director', () => 'Director', 'org'],
  ['desk\\s+(?:officer|chief|head)', (m) => (/officer/i.test(m) ? 'Desk Officer' : 'Desk Chief'), 'org'],
  ['(?:spokesman|spokeswoman|spokesperson)', () => 'Spokesperson', 'org'],
  [
    '(?:chief\\s+of\\s+(?:the\\s+)?(?:army|general|defen[cs]e|naval|air|joint)\\s+staff|COAS|CJCS)',
    (m) => (/^coas$/i.test(m) ? 'Chief of Army Staff' : cap(m.replace(/\s+the\s+/i, ' ')).replace(/ Of /, ' of ')),
    'domestic',
  ],
  ['chief\\s+of\\s+staff', () => 'Chief of Staff', 'org'],
  [
    'deputy\\s+(?:national\\s+security\\s+(?:advisor|adviser)|NSA)',
    () => 'Deputy National Security Advisor',
    'domestic',
  ],
  ['(?:national\\s+security\\s+(?:advisor|adviser)|NSA)', () => 'National Security Advisor', 'domestic'],
  [
    '(?:diplomatic|foreign\\s+policy|senior|political|economic|legal|special)\\s+(?:advisor|adviser)',
    (m) => `${cap(m.replace(/\s+adviser$/i, ' advisor'))}`,
    'org',
  ],
  // the affairs advised on name the office: "strategic affairs advisor", "Foreign Affairs Adviser"
  [
    '(?:strategic|foreign|international|political|economic|security|military|legal|media)\\s+affairs\\s+(?:advisor|adviser)',
    (m) => cap(m.replace(/\s+adviser$/i, ' advisor')),
    'org',
  ],
  ['(?:advisor|adviser)', () => 'Advisor', 'org'],
  ['(?:deputy\\s+chairman|vice[\\s-]+chairman)', () => 'Deputy Chairman', 'org'],
  ['co[\\s-]?chair(?:man|woman|person)?', () => 'Co-Chairman', 'org'],
  ['(?:chairman|chairwoman|chairperson)', () => 'Chairman', 'org'],
  ['(?:governor|mayor)', (m) => cap(m), 'org'],
  ['(?:secretary\\s+of\\s+state)', () => 'Secretary of State', 'us'],
  ['(?:director\\s+of\\s+national\\s+intelligence|DNI)', () => 'Director of National Intelligence', 'us'],
  ['(?:ambassador|amb\\.)', () => 'Ambassador', 'envoy'],
  // a Commonwealth country's ambassador: never the posting country's own office
  ['high\\s+commissioner', () => 'High Commissioner', 'envoy'],
  ['(?:deputy\\s+chief\\s+of\\s+mission|DCM)', () => 'DCM', 'embassy'],
  // the second of a large mission (Kabul's, the UN mission's): the post's own officer unless a country is written
  ['deputy\\s+ambassador', () => 'Deputy Ambassador', 'embassy'],
  ["(?:charge\\s+d['’]affaires(?:\\s+a\\.?i\\.?)?|CDA)", () => "Charge d'Affaires", 'embassy'],
  ['(?:political\\s+counselor|PolCouns)', () => 'Political Counselor', 'embassy'],
  ['(?:economic\\s+counselor|EconCouns)', () => 'Economic Counselor', 'embassy'],
  // an embassy's political or economic officer named after the abbreviation ("Poloff Kirsten Schulz")
  ['(?:poloff|econoff)', (m) => (/^pol/i.test(m) ? 'Poloff' : 'Econoff'), 'embassy'],
  ['(?:consul\\s+general|CG)', () => 'Consul General', 'envoy'],
];
function cap(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

/** Organizations written before a title, with the name they stand for (and whether a country is implied by their being a ministry). */
const ORGS: Array<[string, string, boolean]> = [
  [
    "MFA|MOFA|foreign\\s+ministry|ministry\\s+of\\s+foreign\\s+affairs|ministry\\s+of\\s+external\\s+(?:relations|affairs)|quai(?:\\s+d['’]orsay)?|foreign\\s+office|FCO",
    'Ministry of Foreign Affairs',
    true,
  ],
  ['MOD|MinDef|defen[cs]e\\s+ministry|ministry\\s+of\\s+defen[cs]e', 'Ministry of Defense', true],
  ['MOI|interior\\s+ministry|ministry\\s+of\\s+(?:the\\s+)?interior', 'Ministry of Interior', true],
  ['MOJ|justice\\s+ministry|ministry\\s+of\\s+justice', 'Ministry of Justice', true],
  ['MOF|finance\\s+ministry|ministry\\s+of\\s+finance', 'Ministry of Finance', true],
  ['elysee|presidency|presidential\\s+palace', 'Presidency', true],
  ['UN|United\\s+Nations', 'United Nations', false],
  ['EU|European\\s+Union', 'European Union', false],
  ['NATO', 'NATO', false],
  ['IAEA', 'IAEA', false],
  ['OSCE', 'OSCE', false],
  ['AU|African\\s+Union', 'African Union', false],
  ['OAS', 'OAS', false],
  ['IMF', 'IMF', false],
  ['World\\s+Bank', 'World Bank', false],
];
const ORG_RE = new RegExp(`^(?:${ORGS.map(([re]) => `(${re})`).join('|')})$`, 'i');
/** The organization an acronym or ministry name stands for, and whether it is a country's ministry. */
export function organizationOf(s: string): { name: string; national: boolean } | undefined {
  const m = ORG_RE.exec(s.replace(/\s+/g, ' ').trim());
  if (!m) return undefined;
  const i = m.slice(1).findIndex((g) => g !== undefined);
  const org = ORGS[i];
  return { name: org[1], national: org[2] };
}

const TITLE_RE = new RegExp(`^(?:${TITLE_FORMS.map(([re]) => `(${re})`).join('|')})$`, 'i');
const ORG_ALT = ORGS.map(([re]) => re).join('|');
const QUALIFIER =
  '(?:former|ex-|then[- ]|current|acting|outgoing|incoming|new|newly[- ]appointed|interim|late|recently[- ]appointed)';
/** [qualifiers] [owner: demonym | Country's | the ORG's] [ORG] [unit] TITLE [of|for|to …]: the groups of a title phrase. */
/** The phrase regex; a country or demonym is a placeholder word here (maskCountries): the words are looked up, not matched by an alternation of every country. */
const PHRASE = ((countries: string): RegExp =>
  new RegExp(
    `^(?:the\\s+)?((?:${QUALIFIER}\\s*)*)` +
      `(?:(${countries}|${ORG_ALT})['’]s\\s+|the\\s+(${ORG_ALT})['’]s\\s+|(${countries})\\s+)?` +
      `(?:(${ORG_ALT})\\s+)?` +
      `(?:(${countries}|[A-Z]{2,5}|(?:Middle|Near|Far)\\s+East|[A-Z][a-z]+\\s+Affairs)\\s+(?=desk|director|advis|coordinator|officer|head|chief))?` +
      `(${TITLE_FORMS.map(([re]) => re).join('|')})` +
      `(?:\\s+(of|for|to)\\s+(?:the\\s+)?([A-Z][\\w.'’-]*(?:\\s+(?:of\\s+|for\\s+|and\\s+|the\\s+)?[A-Z][\\w.'’-]*){0,5}))?$`,
    'i',
  ))(COUNTRY_PLACEHOLDER_SRC);

/** Words a title phrase can start with: its qualifiers, "the", and the words of the title and organization lexicons (countries are checked apart). */
const START_WORDS = new Set<string>([
  'the',
  'former',
  'ex',
  'then',
  'current',
  'acting',
  'outgoing',
  'incoming',
  'new',
  'newly',
  'interim',
  'late',
  'recently',
  ...[...TITLE_FORMS.map(([re]) => re), ...ORGS.map(([re]) => re), AREA].flatMap(
    (src) => src.toLowerCase().match(/[a-z][a-z/]*/g) ?? [],
  ),
]);
/** Whether a word can be part of a title phrase (lexicon words, capitalized words, the prepositions that join them). */
export function mayBeTitleWord(word: string): boolean {
  const low = word.toLowerCase().replace(/['’]s$|[,.]$/g, '');
  return (
    /^[A-Z]/.test(word) ||
    GENERIC_WORDS.has(low) ||
    START_WORDS.has(low) ||
    START_WORDS.has(low.split('-')[0]) ||
    low === 'of' ||
    low === 'for' ||
    low === 'to' ||
    low === 'and'
  );
}
/** Whether `phrase` can be a title phrase at all, by its first word (cheap; spares the phrase regex most candidates). */
export function mayStartTitle(phrase: string): boolean {
  const words = phrase.split(' ');
  const first = words[0].replace(/['’]s$/, '');
  const low = first.toLowerCase().replace(/[-.]$/, '');
  return (
    START_WORDS.has(low) ||
    START_WORDS.has(low.split('-')[0]) ||
    countryOf(first) !== undefined ||
    (words.length > 1 && countryOf(`${first} ${words[1].replace(/['’]s$/, '')}`) !== undefined)
  );
}

/** Words a title form can end with besides the title words themselves ("Director General", "President elect", "Chief Justice"). */
const END_WORDS = new Set(['general', 'elect', 'justice']);
/**
 * Whether `phrase` can be a title phrase by its end (cheap; spares the phrase regex most candidates): a title
 * form ends it, so its last word is a title word, unless "of/for/to …" follows the title ("President of Iraq").
 */
export function mayEndTitle(phrase: string): boolean {
  const words = phrase.toLowerCase().split(' ');
  if (words.some((w) => w === 'of' || w === 'for' || w === 'to')) return true;
  const last = words[words.length - 1].replace(/['’]s$|[,.]$/g, '');
  const tail = last.slice(Math.max(last.lastIndexOf('-'), last.lastIndexOf("'"), last.lastIndexOf('’')) + 1); // vice-minister, d'affaires
  return isTitleWordForm(last) || isTitleWordForm(tail) || END_WORDS.has(tail) || isTitleWordForm(`${last}.`);
}

/** Readings by phrase; `null`: the phrase is no title. */
const readings = new BoundedMemo<TitleReading | null>(100_000);
/** Forgets the cached readings (benchmarks time a pass as a single build would see it). */
export function clearTitleReadings(): void {
  readings.clear();
}
/** "… for Legal and International Affairs", "… for South America": the portfolio an office holds, capitalized words. */
const PORTFOLIO_TAIL = /^(.+?)\s+for\s+[A-Z][\w'’&/-]*(?:\s+(?:[A-Z][\w'’&/-]*|and|&|affairs))*$/;
/**
 * Offices a ministry gives a portfolio, the same office whatever it is (not a bare "Minister"; not the US titles other
 * ministries share, "Under Secretary for Political Affairs X" in Brasilia is Itamaraty's, nor a National Security
 * Advisor, whom the post's country would be given: "Deputy NSA for International Economic Affairs Froman" in Madrid).
 */
const PORTFOLIO_HEAD = /^(?:Deputy Foreign Minister|Deputy Minister|Director General|Deputy Director General)$/;
/**
 * "Deputy Foreign Minister for Legal and International Affairs", "Director General for Iberoamerica": the office, without
 * the portfolio it holds ("Deputy Foreign Minister", "Director General"), as the sets annotate it.
 */
function withoutPortfolio(phrase: string): TitleReading | undefined {
  const m = PORTFOLIO_TAIL.exec(phrase);
  const head = m ? readTitlePhrase(m[1]) : undefined;
  return head && PORTFOLIO_HEAD.test(head.title) ? head : undefined;
}

/** Reads a whole title phrase (whitespace collapsed, no name); undefined when it is not one. Readings are cached (titles repeat across cables). */
export function readTitlePhrase(phrase: string): TitleReading | undefined {
  const cached = readings.get(phrase);
  if (cached !== undefined) return cached === null ? undefined : { ...cached };
  // (read from a copy: the reading's strings are cut from the phrase, and a phrase cut from a cable's
  // text would keep the whole text alive as long as the reading is kept)
  phrase = ownCopy(phrase);
  const reading =
    (mayStartTitle(phrase) && mayEndTitle(phrase) ? readUncached(phrase) : undefined) ??
    presidentialTitle(phrase) ??
    readGenericTitle(phrase) ??
    withoutPortfolio(phrase);
  readings.set(phrase, reading ?? null);
  return reading && { ...reading };
}

/** "Presidential Chief of Staff", "the president's chief of staff": a lexicon title of the presidency (the generic grammar would read "Presidential Chief" of a "Staff"). */
function presidentialTitle(phrase: string): TitleReading | undefined {
  const m = /^(?:the\s+)?(?:presidential|president['’]s)\s+(.+)$/i.exec(phrase);
  const r = m ? readLexicon(m[1]) : undefined;
  // (a title of several words only: the development sets show no one-word one, "Presidential Advisor" stays as read)
  if (!r || r.country || r.organization || r.unit || r.kind === 'us' || !r.title.includes(' ')) return undefined;
  return { ...r, organization: 'Presidency', kind: 'domestic' };
}

/** A phrase read by the lexicon alone (not the generic grammar), behind the same cheap gates. */
export function readLexicon(phrase: string): TitleReading | undefined {
  return mayStartTitle(phrase) && mayEndTitle(phrase) ? readUncached(phrase) : undefined;
}

function readUncached(phrase: string): TitleReading | undefined {
  const { masked, written } = maskCountries(phrase);
  const m = PHRASE.exec(masked);
  if (!m) return undefined;
  const [, quals = '', possessor, orgPossessor, attributive, orgWord, unitWord, titleWords = '', prep, targetWritten] =
    m.map((g) => g && unmaskCountries(g, written));
  const t = TITLE_RE.exec(titleWords.trim());
  if (!t) return undefined;
  const formIndex = t.slice(1).findIndex((g) => g !== undefined);
  const [, normalize, kind] = TITLE_FORMS[formIndex];
  const reading: TitleReading = { title: normalize(titleWords.trim()), kind };
  if (/former|ex-|late/i.test(quals) && !/current/i.test(quals)) reading.former = true;
  if (/acting/i.test(quals)) reading.acting = true;
  // the owner before the title
  if (possessor) {
    const c = countryOf(possessor);
    const o = organizationOf(possessor);
    if (c) reading.country = c;
    else if (o) reading.organization = o.name;
    else return undefined;
  }
  if (orgPossessor) reading.organization = organizationOf(orgPossessor)!.name;
  if (attributive) {
    const c = countryOf(attributive);
    // "Iraqi President": a demonym owns the title; a bare country name before a desk title is its subject ("Iraq desk officer")
    if (c && kind === 'org' && !orgWord && !/^[A-Z][a-z]+(?:an|ese|ish|i|ic|ch)$/.test(attributive)) reading.unit = c;
    else if (c) reading.country = c;
    else return undefined;
  }
  if (orgWord) reading.organization = organizationOf(orgWord)!.name;
  if (unitWord) reading.unit = countryOf(unitWord) ?? unitWord;
  // "strategic affairs advisor", "Foreign Affairs Adviser": the affairs advised on name the office (as the sets write it)
  if (unitWord && reading.title === 'Advisor' && /^[A-Za-z]+\s+Affairs$/i.test(unitWord) && !countryOf(unitWord)) {
    reading.title = `${cap(unitWord)} Advisor`;
    delete reading.unit;
  }
  // what follows the title: "President of Iraq", "Director of the MFA's Y Department", "Ambassador to the US"
  const target = targetWritten && withoutPartyStanding(targetWritten);
  if (prep && target) {
    // (a clause the phrase ran on into is no organization's name: "of the Federation of X also criticized the project")
    if (target.split(' ').some((w) => CLAUSE_WORD.test(w))) return undefined;
    if (!/^[A-Z]/.test(target)) return undefined;
    // "Mayor of Greater Caracas X", "Governor of Helmand X": the place's office, in the post's country
    if (/^(?:Mayor|Governor)$/.test(reading.title) && prep.toLowerCase() === 'of' && !countryOf(target)) {
      if (!PLACE_WORDS.test(target) || ORG_TARGET.test(target) || /\bBank\b/.test(target)) return undefined;
      return { ...reading, organization: target, kind: 'domestic' };
    }
    const portfolio = portfolioMinister(reading.title, prep, target);
    if (portfolio) {
      reading.title = portfolio;
      return reading;
    }
    const c = countryOf(target);
    const possessive = /^(.+?)['’]s\s+(.+)$/.exec(target);
    if (prep.toLowerCase() === 'to' || (kind === 'envoy' && prep.toLowerCase() !== 'of')) {
      // where an envoy is posted, not whom he serves: a country, or an organization ("Russian Ambassador to NATO")
      const body = c ? undefined : organizationOf(target)?.name;
      if (!c && !body) return undefined;
      reading.unit = c ?? body;
    } else if (c && !reading.country) reading.country = c;
    else if (possessive && (organizationOf(possessive[1]) || countryOf(possessive[1]))) {
      const o = organizationOf(possessive[1]);
      if (o) reading.organization = o.name;
      else reading.country = countryOf(possessive[1]);
      reading.unit = possessive[2];
    } else if (organizationOf(target)) reading.organization = organizationOf(target)!.name;
    else if (prep.toLowerCase() === 'for' && kind === 'org')
      reading.unit = target; // "MFA Director for Africa"
    else if (
      /\b(?:Department|Directorate|Division|Bureau|Office|Ministry|Council|Committee|Commission|Party|Bank|Agency|Authority|Assembly|Parliament|Court|Institute|University|Foundation|Federation|Union|Front|Movement|Association|Service|Company|Corporation|Chiefs|Duma|[Ll]egislature)\b/.test(
        target,
      )
    ) {
      reading.organization = target;
    } else if (prep.toLowerCase() === 'of' && /^[A-Z][A-Z&]{1,5}$/.test(target)) {
      // an organization's acronym ("Director General of ISI", "President of MCC"): its office, not a state's; never
      // after "for", which names a domain ("Minister President for NRW")
      reading.organization = target;
      reading.kind = 'org';
    } else return undefined;
  }
  return reading;
}

/** Words a portfolio outside the lexicon cannot hold: a rank or title (the name's), or a body (the minister's organization). */
const NOT_PORTFOLIO =
  /\b(?:Ministry|Department|Directorate|Division|Bureau|Office|Council|Committee|Commission|Party|Government's|Republic|Kingdom|State|General|Judge|Colonel|Captain|Major|Sheikh|Prince|Dr|Mr|Mrs|Ms)\b/;
/** A place's name: up to three capitalized words ("Greater Caracas", "Rio de Janeiro"). */
const PLACE_WORDS = /^[A-Z][\w'’-]*(?:\s+(?:de\s+|do\s+|da\s+)?[A-Z][\w'’-]*){0,2}$/;
const PORTFOLIO_WORDS = /^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?$/;
/**
 * "Minister of the Presidency", "Vice Minister of Government Coordination": a portfolio the lexicon does not list is
 * still the minister's title, written before it as the annotations normalize ("Presidency Minister").
 */
function portfolioMinister(title: string, prep: string, target: string): string | undefined {
  if (title !== 'Minister' && title !== 'Deputy Minister') return undefined;
  if (!/^(?:of|for)$/i.test(prep) || countryOf(target)) return undefined;
  // one or two words on each side of an "and": a longer run is a name the phrase ran on into ("of the Presidency Juan Ramon Quintana")
  if (!PORTFOLIO_WORDS.test(target) || NOT_PORTFOLIO.test(target)) return undefined;
  // "Minister of National Defense" is the lexicon's Defense Minister
  const area = AREAS[target.toLowerCase().replace(/^national\s+/, '')] ?? target;
  return title === 'Minister' ? `${area} Minister` : `Deputy ${area} Minister`;
}

/** Words that end or head a title: a phrase without one is not read (the phrase regex is costly, most names have no title). */
const TITLE_WORDS = new Set([
  'nsa',
  'rep',
  'rep.',
  'pdas',
  'srap',
  'dni',
  'coas',
  'cjcs',
  'minister',
  'ministers',
  'president',
  'president-elect',
  'premier',
  'fm',
  'dfm',
  'pm',
  'dpm',
  'vp',
  'vfm',
  'fonmin',
  'formin',
  'mindef',
  'defmin',
  'ambassador',
  'amb',
  'amb.',
  'director',
  'director-general',
  'dg',
  'officer',
  'chief',
  'head',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'secretary',
  'secretary-general',
  'deputy',
  'syg',
  'dsg',
  'secgen',
  'advisor',
  'adviser',
  'chairman',
  'chairwoman',
  'chairperson',
  'governor',
  'mayor',
  'king',
  'queen',
  'prince',
  'emir',
  'amir',
  'sultan',
  'chancellor',
  'speaker',
  'mp',
  'parliamentarian',
  'das',
  'a/s',
  'u/s',
  'undersecretary',
  'congressman',
  'congresswoman',
  'dcm',
  'charge',
  'chargé',
  'cda',
  'polcouns',
  'econcouns',
  'poloff',
  'econoff',
  'counselor',
  'cg',
  'mission',
  'parliament',
  'affaires',
  'a.i',
  'a.i.',
  'judge',
  'leader',
  'leaders',
  'commissioner',
  'attache',
  'attaché',
  'counsellor',
  'senator',
  'prosecutor',
  'general',
  'representative',
  'commander',
  'coordinator',
  'envoy',
  'strategist',
  'member',
]);
/** Whether a word (as written, any case) is one of the words that end or head a title: one set look-up. */
export const isTitleWordForm = (word: string): boolean => TITLE_WORDS.has(word.toLowerCase());

/**
 * Title grammar for offices outside the lexicon: [qualifiers] [owner] [modifiers] HEAD [of|for the X] —
 * "Police Chief", "Attorney General", "Human Rights Commissioner", "PACE President", "Bank Legal Director",
 * "party leader", "Chief of the Highway Police". The head is a word offices end with; the modifiers are
 * capitalized words (not places) or words of a small functional vocabulary; the title is the modifiers and
 * head as written, title-cased.
 */
const GENERIC_HEADS: Record<string, TitleKind> = {
  chief: 'org',
  head: 'org',
  leader: 'org',
  judge: 'domestic',
  commissioner: 'domestic',
  attache: 'org',
  attaché: 'org',
  counselor: 'org',
  counsellor: 'org',
  senator: 'domestic',
  prosecutor: 'domestic',
  'attorney general': 'domestic',
  'solicitor general': 'domestic',
  'inspector general': 'org',
  'auditor general': 'domestic',
  'prosecutor general': 'domestic',
  secretary: 'org',
  undersecretary: 'domestic',
  coordinator: 'org',
  envoy: 'org',
  representative: 'org',
  commander: 'org',
  governor: 'org',
  mayor: 'org',
  director: 'org',
  advisor: 'org',
  adviser: 'org',
  minister: 'domestic',
  president: 'org',
  chairman: 'org',
  spokesman: 'org',
  spokesperson: 'org',
  strategist: 'org',
  member: 'org',
  officer: 'org',
};
/** Lower-case words that may qualify a head ("party leader", "deputy governor", "presidential foreign policy advisor"). */
const MODIFIER_WORDS = new Set([
  'deputy',
  'vice',
  'assistant',
  'associate',
  'senior',
  'chief',
  'executive',
  'general',
  'national',
  'regional',
  'provincial',
  'state',
  'party',
  'junta',
  'opposition',
  'police',
  'army',
  'military',
  'legal',
  'political',
  'economic',
  'policy',
  'presidential',
  'campaign',
  'communications',
  'intelligence',
  'press',
  'public',
  'affairs',
  'human',
  'rights',
  'division',
  'unit',
  'department',
  'section',
  'desk',
  'secretariat',
  'peace',
  'permanent',
  'first',
  'second',
  ...Object.keys(AREAS).flatMap((a) => a.split(' ')),
]);
/** Lower-case words a generic title can hold (its heads, their plurals and the modifiers), for the scan of the words before a name. */
const GENERIC_WORDS = new Set<string>([
  ...Object.keys(GENERIC_HEADS).flatMap((h) => h.split(' ')),
  ...Object.keys(GENERIC_HEADS)
    .filter((h) => !h.includes(' '))
    .map((h) => `${h}s`),
  ...MODIFIER_WORDS,
]);
/** Heads whose office is a state's own whatever modifies them; others belong to a state when a modifier says so ("Police Chief"). */
const UNIT_NOUN = /^(?:Division|Department|Section|Unit|Office|Bureau|Directorate)$/;
const STATE_MODIFIERS =
  /^(?:police|army|military|national|state|presidential|junta|cabinet|government|peace|interior|defense|defence|justice|finance|foreign|party|opposition)$/i;
const GENERIC_QUALIFIER =
  /^(?:former|ex-|then|current|acting|outgoing|incoming|new|newly|interim|late|recently|appointed|then-)$/i;
/** A qualifier of the office ("former", "new"); not the "New" that begins a name before a capitalized word ("New York Mayor"). */
function isQualifier(words: readonly string[], k: number): boolean {
  if (!GENERIC_QUALIFIER.test(words[k])) return false;
  return !(words[k] === 'New' && /^[A-Z]/.test(words[k + 1] ?? '') && !isTitleWord(words[k + 1]));
}
const NOT_MODIFIER =
  /^(?:Embassy|Consulate|Mission|Post|The|A|An|Mr|Mrs|Ms|Dr|His|Her|Their|Our|Its|But|And|Or|In|On|At|When|While|After|Before|According|Also|As|For|From|To|By|Of|With|During|Then|Now|If|Although|Because|Since|Both|Meanwhile|However|That|This|These|Those|Separately|Later|Earlier|Former|Current|Though|Perhaps|Yet|So|Still|Even|Indeed|Instead|Thus|Nonetheless|Nevertheless|Moreover|Furthermore|Likewise|Similarly|Unlike|Like|Once|Until|Unless|Whether|Where|Only|Just|Again|Recently|Finally|Today|Yesterday|Each|Every|All|Some|Many|Most|Several|Such|Not|No|Despite|Given|Upon|Under|Over|Between|Among|Through|Without|Within|Against|Regarding|Following|Amid|Citing|Quoting|Noting|Asked|Asking|Urging|Praising|Calling)$/;
const ORG_TARGET =
  /\b(?:Department|Directorate|Division|Bureau|Office|Ministry|Council|Committee|Commission|Party|Bank|Agency|Authority|Assembly|Parliament|Court|Institute|University|Foundation|Federation|Union|Front|Movement|Association|Service|Company|Corporation|Police|Duma|[Ll]egislature|Customs|Forces|Staff|Army|Navy|Guard|Secretariat|Government|Cabinet|Senate|Congress|Tribunal|Unit|Section|Center|Centre|Administration|Intelligence|Exchequer)\b/;

function titleCase(words: string[]): string {
  return words
    .map((w) =>
      (/^[A-Z0-9/-]+$/.test(w) && w.length <= 5) || /.[A-Z]/.test(w)
        ? w
        : w[0].toUpperCase() + w.slice(1).toLowerCase(),
    )
    .join(' ')
    .replace(/\bAdviser\b/g, 'Advisor')
    .replace(/\bAttaché\b/g, 'Attache')
    .replace(/\bCounsellor\b/g, 'Counselor');
}

/** Words no organization's name after a title holds: a clause's ("to the DCM", "who said"). */
const CLAUSE_WORD =
  /^(?:to|said|says|told|who|whom|which|that|was|were|is|are|has|have|had|will|would|met|during|after|before|when|while|also)$/;

const ACRONYM = /^[A-Z][A-Z&]{1,5}$/;
/** A party's standing before its name is no part of it: "of the opposition Popular Party", "of the ruling ANC". */
function withoutPartyStanding(target: string): string {
  return target.replace(/^(?:(?:main|ruling|governing)\s+)?(?:opposition\s+)?(?=[A-Z])/, '');
}

/** Reads a title outside the lexicon; `owned`: an organization written right before the phrase owns it, so a bare head ("leader") is enough. */
export function readGenericTitle(phrase: string, owned = false): TitleReading | undefined {
  if (!/[a-z]/.test(phrase)) return undefined; // an all-capitals line cannot tell a title from a name
  let words = phrase.split(' ');
  // "… HEAD of|for the X"
  let target: string | undefined;
  let namedBody = false;
  const prep = words.findIndex((w) => /^(?:of|for)$/i.test(w));
  if (prep > 0) {
    target = words
      .slice(prep + 1)
      .join(' ')
      .replace(/^the\s+/i, '');
    target = withoutPartyStanding(target);
    // the kind of body written in lower case beside its name says the name is an organization's: "head of the company
    // Sistema", "leader of the Jamiat Ulema-e-Islam party" (the name alone is the organization)
    const kindBefore = /^(?:company|firm|think[- ]tank|party|group)\s+(?=[A-Z])/.exec(target);
    const kindAfter = /^([A-Z].*?)\s+(?:party|movement|company|group)$/.exec(target);
    if (kindBefore) target = target.slice(kindBefore[0].length);
    else if (kindAfter) target = kindAfter[1];
    namedBody = kindBefore !== null || kindAfter !== null;
    if (!/^[A-Z]/.test(target)) return undefined;
    // an organization's name: capitalized words and their connectors, not a clause the phrase ran on into ("of Staff
    // Juan Carlos Sanchez to the DCM")
    if (target.split(' ').some((w) => CLAUSE_WORD.test(w))) return undefined;
    words = words.slice(0, prep);
  }
  let i = 0;
  let former = false;
  let acting = false;
  if (/^the$/i.test(words[i] ?? '')) i += 1;
  while (i < words.length && isQualifier(words, i)) {
    if (/^(?:former|ex-|late)$/i.test(words[i])) former = true;
    if (/^acting$/i.test(words[i])) acting = true;
    i += 1;
  }
  const reading: TitleReading = { title: '', kind: 'org' };
  let acronym: string | undefined;
  let cityOffice = false;
  // the owner: Country's / demonym / known organization / an acronym
  const first = words[i] ?? '';
  const firstBare = first.replace(/['’]s$/, '');
  const two = words.length > i + 1 ? `${firstBare} ${words[i + 1].replace(/['’]s$/, '')}` : '';
  if (countryOf(firstBare) && words[i + 1] === 'City' && i + 2 < words.length) {
    // "Mexico City Mayor", "Guatemala City Governor": the city named after its country is the office's place
    reading.organization = `${firstBare} City`;
    cityOffice = true;
    i += 2;
  } else if (two && countryOf(two) && i + 2 < words.length) {
    reading.country = countryOf(two);
    i += 2;
  } else if (countryOf(firstBare) && i + 1 < words.length) {
    reading.country = countryOf(firstBare);
    i += 1;
  } else if (organizationOf(firstBare) && i + 1 < words.length) {
    const o = organizationOf(firstBare)!;
    reading.organization = o.name;
    i += 1;
  } else if (/^(?:Embassy|Consulate)$/.test(first) && /^[A-Z][a-z]/.test(words[i + 1] ?? '') && i + 2 < words.length) {
    // a US post's own staff: "Embassy Singapore Treasury Attache"
    reading.organization = `${first} ${words[i + 1]}`;
    reading.country = 'United States';
    i += 2;
  } else if (/^[A-Z][A-Z&-]{1,6}(?:['’]s)?$/.test(first) && i + 1 < words.length) {
    acronym = firstBare; // an acronym: its organization, or (before a US-only title) the bureau
    i += 1;
  }
  const rest = words.slice(i);
  if (rest.length === 0 || rest.length > 5) return undefined;
  // the head: the last word or two
  const low = rest.map((w) => w.toLowerCase().replace(/[,.]$/, ''));
  const last = low[low.length - 1];
  const lastTwo = low.length >= 2 ? `${low[low.length - 2]} ${last}` : '';
  let headLen = 1;
  let headKind: TitleKind | undefined;
  if (lastTwo && GENERIC_HEADS[lastTwo]) {
    headLen = 2;
    headKind = GENERIC_HEADS[lastTwo];
  } else {
    const single = GENERIC_HEADS[last] ?? (last.endsWith('s') ? GENERIC_HEADS[last.slice(0, -1)] : undefined);
    headKind = single;
  }
  if (!headKind) return undefined;
  // words that qualify the government, not the office ("Iraqi Interim Government President"), are no part of the title
  let modifiers = rest
    .slice(0, rest.length - headLen)
    .filter((w, k, ws) => !isQualifier(ws, k) && !/^(?:Government|Transitional|Provisional)$/i.test(w));
  // a mayor or governor after another title is a name's word ("Interior Minister Jaime Mayor| Oreja"), not an office
  // (a modifier such as "Deputy" is no other title: "Deputy Governor")
  if (
    /^(?:mayor|governor)$/.test(last) &&
    modifiers.some((w) => isTitleWord(w) && !MODIFIER_WORDS.has(w.toLowerCase()))
  )
    return undefined;
  // "presidential advisor": the office is the presidency's
  if (modifiers.length > 1 && /^presidential$/i.test(modifiers[0]) && !reading.organization) {
    reading.organization = 'Presidency';
    modifiers = modifiers.slice(1);
  }
  for (const w of modifiers) {
    const bare = w.replace(/['’]s$/, '');
    const capitalized = /^[A-Z][a-z]/.test(bare) && !NOT_MODIFIER.test(bare);
    if (!(capitalized || MODIFIER_WORDS.has(bare.toLowerCase()))) return undefined;
    if (countryOf(bare) !== undefined) return undefined;
    // a capital is its country's government ("Moscow officials"), but a city's own before its mayor or governor
    // ("Moscow Mayor Luzhkov": roles.ts stateOffice gives the city the office)
    if (
      countryOfCapital(bare.toLowerCase()) !== undefined &&
      !(modifiers.length === 1 && /^(?:mayor|governor)$/.test(last))
    )
      return undefined;
  }
  // a bare generic head says too little ("member", "head", "leader" alone): it needs a modifier, an owner or a target
  const bareHead = modifiers.length === 0 && headLen === 1;
  if (!owned) {
    if (bareHead && headKind !== 'domestic' && !reading.country && !reading.organization && !acronym && !target)
      return undefined;
    if (
      /^(?:member|representative|secretary|head|counselor|counsellor|officer)$/.test(last) &&
      modifiers.length === 0 &&
      !target &&
      headLen === 1 &&
      !reading.organization &&
      !acronym
    )
      return undefined;
  }
  let headWords = rest.slice(rest.length - headLen).map((w) => w.replace(/[,.]$/, ''));
  if (headLen === 1 && /s$/i.test(headWords[0]) && !GENERIC_HEADS[last]) {
    if (modifiers.length === 0 && !owned) return undefined; // "Presidents", "leaders": nobody's title in particular
    headWords = [headWords[0].slice(0, -1)];
  }
  reading.title = titleCase([...modifiers.map((w) => w.replace(/['’]s$/, '')), ...headWords]);
  // a judge's court or specialty is no part of the office's name ("investigating judge", "Anti-Terrorism Judge"): the
  // annotations write every judge and magistrate "Judge"
  if (/^judges?$/i.test(headWords.join(' '))) reading.title = 'Judge';
  // so they write every spokesman "Spokesperson", the domain spoken for dropped ("Defense Policy Spokesman"; a
  // president's is the Presidency's)
  if (/^(?:spokesman|spokeswoman|spokesperson)$/i.test(headWords.join(' '))) {
    if (/^presidential$/i.test(modifiers[0] ?? '') && !reading.organization) reading.organization = 'Presidency';
    reading.title = 'Spokesperson';
  }
  // a lexicon title after the name of a unit is that unit's: "Export Control Division Desk Officer", "Environment Division Director"
  let unitEnd = -1;
  modifiers.forEach((w, k) => {
    if (UNIT_NOUN.test(w)) unitEnd = k;
  });
  if (unitEnd >= 0) {
    const lexical = readLexicon(rest.slice(unitEnd + 1).join(' '));
    if (lexical && !lexical.country && !lexical.organization) {
      reading.title = lexical.title;
      reading.unit = modifiers.slice(0, unitEnd + 1).join(' ');
    }
  }
  // (a city's office is in the post's country, as "Maracaibo Mayor" is: src/extract/relations/roles.ts stateOffice)
  // (so is a portfolio's Secretary, as the UK names its ministers: "Home Secretary", "Education Secretary")
  const portfolioSecretary = last === 'secretary' && modifiers.length > 0 && isPortfolio(modifiers.join(' '));
  reading.kind =
    cityOffice || headKind === 'domestic' || portfolioSecretary || modifiers.some((w) => STATE_MODIFIERS.test(w))
      ? 'domestic'
      : 'org';
  if (former) reading.former = true;
  if (acting) reading.acting = true;
  // a lexicon title under an acronym: "NEA Assistant Secretary" is a US bureau's, "PACE President" the organization's
  const lexicon = readLexicon(rest.join(' '));
  if (lexicon && lexicon.kind === 'us' && !target) {
    reading.title = lexicon.title;
    reading.kind = 'us';
    reading.country ??= 'United States';
    if (acronym) reading.unit = acronym;
  } else if (acronym && STATE_OFFICE_ACRONYM.test(acronym) && PERSONAL_STAFF.test(rest.join(' '))) {
    // "PM Special Adviser", "FM spokesman": the head of government's or minister's own staff, the state's (not "PM
    // Counter-Piracy Coordinator": the State Department's Political-Military bureau)
    reading.kind = 'domestic';
  } else if (acronym) reading.organization = acronym;
  if (target) {
    // "Undersecretary for Multilateral Affairs at the Ministry of Foreign Affairs"
    const at = /^(.+?)\s+at\s+(?:the\s+)?(.+)$/.exec(target);
    const [unitPart, orgPart] = at ? [at[1], at[2]] : [undefined, target];
    const c = countryOf(orgPart);
    const o = organizationOf(orgPart);
    const unitNoun = /\b(Division|Department|Section|Unit|Directorate|Bureau|Office)$/.exec(orgPart);
    if (c && !reading.country) reading.country = c;
    else if (o) reading.organization = o.name;
    else if (unitNoun) {
      // "MFA Head of Northern Europe Division": the division's head, in the ministry
      reading.unit = orgPart;
      reading.title = titleCase([...modifiers.map((w) => w.replace(/['’]s$/, '')), unitNoun[1], ...headWords]);
    } else if (ORG_TARGET.test(orgPart) || namedBody) {
      if (reading.organization) reading.unit = orgPart;
      else reading.organization = orgPart;
    } else if (!at && prep >= 0 && /^of$/i.test(phrase.split(' ')[prep]) && ACRONYM.test(orgPart)) {
      // "leader of COJEP", "head of ISI": an organization's acronym after "of" (never "for": a domain)
      reading.organization = orgPart;
      reading.kind = 'org';
    } else return undefined;
    if (unitPart) reading.unit = unitPart;
  }
  return reading;
}

/** The singular of a plural title word written before coordinated names ("Senators A and B", "judges A and B"), if it is one. */
export function singularTitleWord(word: string): string | undefined {
  if (!/[a-z]s$/.test(word) || /(?:ss|['’]s)$/.test(word)) return undefined;
  const singular = /ies$/.test(word) ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  return readTitlePhrase(singular) ? singular : undefined;
}

/** A state officeholder's acronym before another title: the office is that officeholder's (no organization's). */
const STATE_OFFICE_ACRONYM = /^(?:PM|DPM|FM|DFM|VP)$/;
/** An officeholder's own staff: advisers, spokesmen, chiefs of staff, private secretaries. */
const PERSONAL_STAFF = /\b(?:advis[eo]r|spokes(?:man|woman|person)|chief\s+of\s+staff|private\s+secretary)$/i;

/** A title word; a short acronym only as cables write it, in capitals or capitalized ("FM", "Amb."), not a lower-case "fm" cut from a URL. */
export function isTitleWord(word: string): boolean {
  // "then-President", "ex-Minister": the qualifier is the phrase's, the word is still a title's
  const bare = withoutPossessiveOrStop(qualified(word) ? word.slice(word.indexOf('-') + 1) : word);
  if (isTitleWordForm(bare) && !(bare.length <= 3 && /^[a-z/]+$/.test(bare))) return true;
  // "Vice-President", "co-Chairman": the title word after a prefix joined by a hyphen (a character test first: this
  // runs for most words before a name)
  const dash = bare.indexOf('-');
  if (dash !== 2 && dash !== 4) return false;
  const prefixed = /^(?:vice|co)-(.+)$/i.exec(bare);
  return prefixed !== null && isTitleWordForm(prefixed[1]);
}

/** "then-…", "ex-…" (a character test first: it runs for most words before a name). */
function qualified(word: string): boolean {
  const c = word.charCodeAt(0) | 32;
  const dash = word.indexOf('-');
  return (
    (c === 116 && dash === 4 && word.slice(0, 4).toLowerCase() === 'then') ||
    (c === 101 && dash === 2 && (word.charCodeAt(1) | 32) === 120)
  );
}

/** The word without a trailing possessive `'s` or else a trailing comma or period (as `/['’]s$|[,.]$/` replaced): no regex, it runs for most words before a name. */
function withoutPossessiveOrStop(word: string): string {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  if (last === 115 && n >= 2) {
    const before = word.charCodeAt(n - 2);
    if (before === 39 || before === 0x2019) return word.slice(0, -2);
  }
  return last === 44 || last === 46 ? word.slice(0, -1) : word;
}
