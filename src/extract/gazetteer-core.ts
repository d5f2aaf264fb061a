// Gazetteers, the light part: country codes, demonyms, organizations — what resolution and curation need.
/**
 * Gazetteers, the light part: facts about the world and cable conventions, what resolution and
 * curation need (the word lists and city lists of gazetteer.ts take a second to load and are only
 * for the builtin extractor). Countries and capitals come from the
 * `world-countries` data package (mledoze/countries: common + official names, alt spellings,
 * capitals, ISO codes; JSON, require()-able, well maintained). The short lists below are general
 * knowledge (regions, major cities, international bodies, State Department acronyms, titles).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const countries = require('world-countries') as Array<{ name: { common: string; official: string }; altSpellings: string[]; capital?: string[]; cca2: string; cca3: string; demonyms?: { eng?: { m: string; f: string } } }>;

export const PLACES = new Set<string>();
/** Country name → ISO alpha-2, for country context. */
export const COUNTRY_CODE = new Map<string, string>();
export const DEMONYMS = new Set<string>();
for (const c of countries) {
  const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3 && /^[A-Za-z .'-]+$/.test(s))];
  for (const n of names) {
    PLACES.add(n.toLowerCase());
    COUNTRY_CODE.set(n.toLowerCase(), c.cca2);
  }
  for (const cap of c.capital ?? []) PLACES.add(cap.toLowerCase());
  if (c.demonyms?.eng) for (const d of [c.demonyms.eng.m, c.demonyms.eng.f]) { DEMONYMS.add(d.toLowerCase()); DEMONYMS.add(d.toLowerCase() + 's'); }
}
// Common short/alternate country names used in cables.
const EXTRA_COUNTRIES: Record<string, string> = {
  'united states': 'US', 'us': 'US', 'u.s.': 'US', 'america': 'US', 'united kingdom': 'GB', 'uk': 'GB', 'britain': 'GB', 'great britain': 'GB',
  'russia': 'RU', 'iran': 'IR', 'syria': 'SY', 'north korea': 'KP', 'south korea': 'KR', 'korea': 'KR', 'burma': 'MM', 'ivory coast': 'CI',
  'vatican': 'VA', 'holy see': 'VA', 'palestine': 'PS', 'west bank': 'PS', 'gaza': 'PS', 'taiwan': 'TW', 'kosovo': 'XK', 'macedonia': 'MK',
  'czech republic': 'CZ', 'uae': 'AE', 'ussr': 'SU', 'soviet union': 'SU', 'ksa': 'SA', 'dprk': 'KP', 'rok': 'KR', 'prc': 'CN', 'bosnia': 'BA', 'herzegovina': 'BA', 'bih': 'BA', 'timor-leste': 'TL', 'east timor': 'TL', 'the netherlands': 'NL', 'holland': 'NL', 'zaire': 'CD', 'yugoslavia': 'YU', 'serbia and montenegro': 'CS', 'congo': 'CG', 'drc': 'CD', 'laos': 'LA', 'venezuela': 'VE', 'bolivia': 'BO', 'tanzania': 'TZ', 'moldova': 'MD',
};
for (const [n, cc] of Object.entries(EXTRA_COUNTRIES)) { PLACES.add(n); COUNTRY_CODE.set(n, cc); }
// Regions, sub-national units and major non-capital cities often named in cables (general knowledge).
for (const p of [
  'europe', 'asia', 'africa', 'middle east', 'near east', 'latin america', 'south america', 'north america', 'central asia', 'east asia',
  'southeast asia', 'south asia', 'balkans', 'caucasus', 'gulf', 'persian gulf', 'horn of africa', 'sahel', 'maghreb', 'levant', 'darfur',
  'kurdistan', 'iraqi kurdistan', 'normandy', 'brittany', 'corsica', 'alsace', 'bavaria', 'scotland', 'wales', 'england', 'northern ireland',
  'new york', 'los angeles', 'chicago', 'san francisco', 'geneva', 'zurich', 'milan', 'naples', 'marseille', 'lyon', 'strasbourg', 'toulouse',
  'bordeaux', 'lille', 'nice', 'hamburg', 'munich', 'frankfurt', 'cologne', 'istanbul', 'izmir', 'basra', 'mosul', 'kirkuk', 'irbil', 'erbil',
  'najaf', 'karbala', 'fallujah', 'ramadi', 'sulaymaniyah', 'tikrit', 'kandahar', 'herat', 'helmand', 'mazar-e-sharif', 'karachi', 'lahore',
  'peshawar', 'mumbai', 'bombay', 'calcutta', 'kolkata', 'chennai', 'shanghai', 'hong kong', 'guangzhou', 'osaka', 'jeddah', 'dubai',
  'alexandria', 'casablanca', 'benghazi', 'tel aviv', 'haifa', 'aleppo', 'st. petersburg', 'saint petersburg', 'sao paulo', 'rio de janeiro',
  'johannesburg', 'cape town', 'lagos', 'mombasa', 'chechnya', 'ossetia', 'south ossetia', 'abkhazia', 'tibet', 'xinjiang', 'kashmir',
  'sinai', 'golan', 'golan heights', 'jerusalem', 'east jerusalem', 'northern iraq', 'southern lebanon', 'western sahara', 'transnistria',
  'washington', 'west africa', 'east africa', 'north africa', 'sub-saharan africa', 'western europe', 'eastern europe', 'mediterranean',
  'arctic', 'antarctic', 'antarctica', 'asia minor', 'north caucasus', 'northern caucasus', 'siberia', 'far east', 'pacific', 'atlantic', 'indian ocean', 'scandinavia', 'baltics', 'benelux', 'quebec', 'ontario', 'alberta', 'british columbia', 'texas', 'california', 'florida', 'black sea', 'caspian', 'caspian sea', 'red sea', 'arabian peninsula', 'anatolia', 'punjab', 'baluchistan', 'waziristan', 'fata',
]) PLACES.add(p);
PLACES.delete('us'); // handled as acronym below (U.S.)

/** Organizations known by acronym or fixed name: international bodies and cable conventions. */
export const ORG_NAMES = new Set<string>([
  'un', 'u.n.', 'eu', 'e.u.', 'nato', 'iaea', 'imf', 'osce', 'wto', 'iom', 'unhcr', 'icrc', 'opec', 'au', 'asean', 'g8', 'g-8', 'g7', 'g-7', 'g20', 'g-20',
  'unsc', 'unga', 'unicef', 'undp', 'wfp', 'who', 'oecd', 'ec', 'icc', 'icj', 'pkk', 'krg', 'unami', 'isaf', 'unifil', 'unesco', 'fao', 'ilo',
  'interpol', 'europol', 'world bank', 'red cross', 'hamas', 'hizballah', 'hezbollah', 'fatah', 'taliban', 'al-qaida', 'al-qaeda', 'al qaeda',
  'plo', 'pa', 'arab league', 'gcc', 'oas', 'oic', 'ecowas', 'sadc', 'apec', 'nsc', 'cia', 'fbi', 'dod', 'dhs', 'usaid', 'state department',
  'department of state', 'pentagon', 'congress', 'senate', 'white house', 'usg', 'hmg', 'mfa', 'mod', 'moi', 'mfa', 'quai', "quai d'orsay",
  'elysee', 'matignon', 'european commission', 'european council', 'european parliament', 'security council', 'general assembly',
  'un security council', 'united nations', 'european union', 'african union', 'council of europe', 'ump', 'ps', 'afp', 'reuters', 'bbc',
  'cnn', 'le monde', 'le figaro', 'liberation', 'new york times', 'washington post', 'al-jazeera', 'al jazeera', 'nsg', 'mtcr', 'npt', 'p5',
  'p5+1', 'e3', 'eu-3', 'eu3', 'gof', 'goi', 'gog', 'goj', 'got', 'gor', 'gos', 'goe', 'gon', 'gop', 'goa', 'gok', 'gol', 'gou', 'gom', 'goc',
  'gon', 'rg', 'hrw', 'amnesty international', 'msf', 'unodc', 'unrwa', 'ocha', 'iea', 'ebrd', 'eib', 'ecb', 'bnd', 'dgse', 'dst', 'mi6',
  'mossad', 'idf', 'pdk', 'kdp', 'puk', 'sciri', 'isci', 'akp', 'chp', 'mhp', 'cdu', 'csu', 'spd', 'fdp', 'sejm', 'bundestag', 'duma',
  'kremlin', 'knesset', 'majlis', 'inc', 'bjp', 'anc', 'embassy', 'usun', 'usnato', 'useu', 'ustr', 'treasury', 'commerce', 'doe', 'doj', 'dept', 'fonoff', 'chancellery', 'prime ministry', 'blue house', 'labour', 'labour party', 'tories', 'conservative party', 'nara', 'ice', 'cbp', 'tsa', 'uscis', 'dos', 'secstate', 'southcom', 'eucom', 'centcom', 'africom', 'pacom', 'northcom', 'socom', 'norad', 'raf', 'osac', 'nsa', 'dia', 'dea', 'fema', 'nasa', 'ustr', 'omb', 'usda', 'ofac', 'fatf', 'unfccc', 'unep', 'ipcc', 'osce', 'cis', 'csto', 'sco', 'brics', 'mercosur', 'unasur', 'alba', 'farc', 'eln', 'eta', 'ira', 'lashkar-e-taiba', 'jemaah islamiyah', 'muslim brotherhood', 'state department', 'foreign office', 'home office', 'doctors without borders', 'house of commons', 'house of lords', 'house of representatives',
]);
ORG_NAMES.delete('embassy'); ORG_NAMES.delete('commerce'); ORG_NAMES.delete('treasury'); ORG_NAMES.delete('pa'); ORG_NAMES.delete('ps');

/** Words that make a capitalized phrase an organization. */
export const ORG_HEADS = new Set<string>([
  'ministry', 'government', 'party', 'council', 'organization', 'organisation', 'agency', 'union', 'bank', 'commission', 'committee',
  'parliament', 'assembly', 'army', 'forces', 'force', 'police', 'university', 'institute', 'foundation', 'front', 'movement', 'court',
  'office', 'department', 'embassy', 'consulate', 'corporation', 'company', 'group', 'association', 'fund', 'program', 'programme',
  'service', 'services', 'directorate', 'secretariat', 'league', 'alliance', 'coalition', 'federation', 'center', 'centre', 'inc', 'ltd',
  'co', 'corp', 'sa', 'ag', 'gmbh', 'airlines', 'airways', 'network', 'brigade', 'brigades', 'guard', 'navy', 'senate', 'congress',
  'cabinet', 'presidency', 'tribunal', 'mission', 'authority', 'board', 'bureau', 'society', 'news', 'times', 'post', 'journal', 'radio',
  'television', 'tv', 'daily', 'herald', 'tribune', 'press', 'school', 'college', 'academy', 'church', 'mosque', 'hospital', 'club',
  'nations', 'community',
]);

/** Title words: a following capitalized run is a person ("FM Kouchner", "President Talabani"). */
export const TITLES = new Set<string>([
  'president', 'vice', 'prime', 'minister', 'pm', 'fm', 'dfm', 'ambassador', 'amb', 'amb.', 'ambassador-designate', 'senator', 'sen', 'sen.',
  'secretary', 'deputy', 'director', 'director-general', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'king', 'queen', 'prince',
  'princess', 'sheikh', 'shaykh', 'emir', 'amir', 'general', 'gen', 'gen.', 'colonel', 'col', 'col.', 'chancellor', 'advisor', 'adviser',
  'counselor', 'counsellor', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chair', 'leader', 'cda', 'charge',
  "charge d'affaires", 'governor', 'mayor', 'judge', 'justice', 'lt', 'lt.', 'maj', 'maj.', 'major', 'capt', 'capt.', 'captain', 'admiral',
  'adm', 'adm.', 'speaker', 'poloff', 'econoff', 'polcouns', 'econcouns', 'pol/econ', 'dcm', 'ayatollah', 'imam', 'rev', 'rev.', 'father',
  'sir', 'lord', 'mp', 'deputy', 'interlocutor', 'officer', 'official', 'contact', 'diplomat', 'envoy', 'representative', 'rep', 'rep.',
  'commander', 'chief', 'head', 'foreign', 'interior', 'defense', 'defence', 'finance', 'justice', 'assistant', 'under', 'undersecretary',
  'u/s', 'a/s', 'das', 'pdas', 'sg', 'secretary-general', 'dg', 'counselor', 'attache', 'sergeant', 'sgt', 'sgt.', 'brigadier', 'marshal',
  'then-interior', 'then-president', 'then-minister', 'former', 'late', 'new', 'senior', 'political', 'economic', 'economics', 'desk',
  'legal', 'adviser', 'aide', 'staffer', 'consul', 'consul-general', 'cg', 'pol', 'econ', 'mfa', 'national', 'security', 'affairs',
  'dr', 'professor', 'prof', 'prof.', 'journalist', 'editor', 'mme', 'mme.', 'm.', 'herr', 'frau', 'his', 'her', 'excellency', 'majesty',
  'highness', 'emb', 'codel', 'staffdel', 'econpolcouns', 'polmiloff', 'poloffs', 'econoffs', 'd\'affaires', 'affaires', 'staff', 'congressman', 'congresswoman', 'rabbi', 'inspector', 'polad', 'polmincouns', 'econmincouns', 'mincouns', 'lieutenant', 'commissioner', 'premier', 'mufti', 'mullah', 'archbishop', 'bishop', 'patriarch', 'cardinal', 'pope', 'prosecutor', 'u.s.', 'french', 'german', 'british', 'elysee', 'presidential', 'diplomatic', 'strategic', 'technical', 'military',
]);
/** Title words that on their own mark the next capitalized run as a person. */
export const STRONG_TITLES = new Set<string>(`president minister pm fm dfm ambassador amb amb. ambassador-designate senator sen sen. secretary director
director-general mr mr. mrs mrs. ms ms. dr dr. king queen prince princess sheikh shaykh emir amir general gen gen. colonel col col. chancellor
advisor adviser counselor counsellor spokesman spokeswoman spokesperson chairman chairwoman leader cda charge governor mayor judge lt lt. maj
maj. capt capt. captain admiral adm adm. speaker poloff econoff polcouns econcouns dcm ayatollah imam rev rev. sir lord mp envoy
representative rep rep. commander chief undersecretary u/s a/s das pdas sg secretary-general dg attache sergeant sgt sgt. brigadier marshal
then-interior then-president then-minister aide staffer consul consul-general cg professor prof prof. journalist editor mme mme. herr frau
congressman congresswoman congressmen rabbi inspector polad polmincouns econmincouns mincouns deputy-director vice-president vice-minister
archbishop bishop patriarch metropolitan cardinal pope mufti mullah lieutenant commissioner premier president-elect ombudsman
prosecutor officer official contact interlocutor codel staffdel`.split(/\s+/));
/** Bare roles that are never names themselves. */
export const ROLES = new Set<string>(['poloff', 'econoff', 'dcm', 'ambassador', 'charge', 'cda', 'polcouns', 'econcouns', 'pol/econ', 'conoff', 'rso', 'dao', 'pao', 'mgt', 'ds', 'dcm', 'pm']);

/** Common words that stop a name (especially in all-caps text) and sentence-initial function words. */
export const STOP = new Set<string>(`a an the and or but if of in on at to for from by with without about as into onto over under after before during since
until while than then that this these those there here he she it we they i you his her its our their them him us me my your who whom whose which
what when where why how all any both each few more most other some such no nor not only own same so too very can will just should now also
is are was were be been being have has had do does did said says say told tells asked noted stressed added explained stated according would could
may might must shall per via however although though because therefore thus meanwhile moreover furthermore indeed instead rather yet still
mr mrs ms dr comment end summary introduction background action request note reftel reftels para paras section subject tags ref refs
january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week month year day minister ministers president
government embassy post department mission meeting visit talks conference one two three four five six seven eight nine ten first second
third last next new former according both other many several most some such sipdis noforn confidential secret unclassified classified reasons
reason decl e.o. per cable cables see also following below above please following we our us usg islam muslim muslims christian christians
sbu poc pocs gdp gbp usd eur jpy tdy niv iv fso rso pso dao pao nsb ets gst mmt ngo ngos a-e acs crba legatt sbu fyi asap aka vip vips cop tbd est gmt edt pst hq rsvp among within across toward towards against between amid despite regarding concerning sunni shia shiite shiites kurds kurdish arab arabs european europeans soviet soviets western eastern northern southern jewish jews jewry catholic orthodox islamic`.split(/\s+/));

/** Government-of acronyms and the country context they take (`GOF` → France). */
export const GOV_ACRONYMS: Record<string, string[]> = {
  GOF: ['FR'], GOI: ['IQ', 'IN', 'IL', 'ID', 'IT', 'IR', 'IE'], GOG: ['DE', 'GE', 'GR', 'GH'], GOJ: ['JP', 'JO'], GOT: ['TR', 'TH', 'TN'],
  GOR: ['RU', 'RO', 'RW'], GOS: ['ES', 'SD', 'SN', 'SY'], GOE: ['EG', 'ET', 'EE'], GON: ['NL', 'NG', 'NP', 'NO'], GOP: ['PK', 'PL', 'PT', 'PH'],
  GOA: ['AF', 'AR', 'AU', 'AT', 'DZ', 'AM', 'AZ'], GOK: ['KE', 'KZ', 'KW'], GOL: ['LB', 'LY'], GOU: ['UG', 'UA', 'UZ'], GOM: ['MX', 'MA', 'MY'],
  GOC: ['CN', 'CA', 'CO', 'HR', 'CU'], HMG: ['GB'], USG: ['US'], RG: ['RU'],
};
