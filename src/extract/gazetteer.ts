/**
 * Gazetteers: facts about the world and cable conventions. Countries and capitals come from the
 * `world-countries` data package (mledoze/countries: common + official names, alt spellings,
 * capitals, ISO codes; JSON, require()-able, well maintained). The short lists below are general
 * knowledge (regions, major cities, international bodies, State Department acronyms, titles).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const countries: Array<{ name: { common: string; official: string }; altSpellings: string[]; capital?: string[]; cca2: string; cca3: string; demonyms?: { eng?: { m: string; f: string } } }> = require('world-countries');

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

// Cities and provinces from the `city-timezones` data package (7,300 cities from Natural Earth with
// population and province). Names that are also common English words ("Nice", "Mobile", "Reading")
// are kept only for large cities, so ordinary words are not read as places.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cityMapping: Array<{ city: string; city_ascii: string; pop: number; province?: string }> = require('city-timezones').cityMapping;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ENGLISH: Set<string> = new Set(require('an-array-of-english-words') as string[]);
for (const c of cityMapping) {
  for (const n of new Set([c.city, c.city_ascii, c.pop >= 150_000 ? c.province ?? '' : ''])) {
    const l = n.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if ((n === c.city || n === c.city_ascii) && c.pop < 150_000) continue;
    if (l.length < 3 || STOP.has(l) || ORG_NAMES.has(l) || TITLES.has(l)) continue;
    if (ENGLISH.has(l) && !(n === c.city || n === c.city_ascii ? c.pop >= 1_000_000 : false)) continue;
    PLACES.add(l);
  }
}

// Major political parties known by short names in cables (general knowledge, any year/post).
for (const o of ['conservatives', 'tory', 'tories', 'lib dems', 'lib dem', 'liberal democrats', 'cdu/csu', 'ndp', 'ldp', 'kmt', 'dpp', 'pri', 'pan', 'prd', 'apra', 'fsln', 'fmln', 'arena', 'psoe', 'pp', 'pcf', 'pds', 'pci', 'dc', 'psd', 'ppp', 'pml-n', 'pml', 'mqm', 'awami league', 'congress party', 'likud', 'kadima', 'shas', 'baath', "ba'ath", 'wafd', 'ndp']) ORG_NAMES.add(o);
for (const o of ['pan', 'pp', 'dc', 'arena', 'pri']) ORG_NAMES.delete(o); // also ordinary words / ambiguous in all caps

/**
 * State Department bureaus and offices, and Washington agencies, as they appear in routing lines
 * ("STATE FOR EUR/WE", "TREASURY FOR ...", "PASS TO USAID") — general cable conventions.
 */
export const OFFICES = new Set<string>(`STATE SECSTATE DEPT DEPARTMENT TREASURY COMMERCE USDOC USDA DOD OSD JCS JOINT STAFF SECDEF NSC WHITE HOUSE WHSR OVP USTR USAID AID
CIA DIA NSA FBI DHS DOJ DOE DOL DOT DOS HHS EXIM OPIC USUN USNATO USEU USOSCE UNVIE USMISSION AMEMBASSY AMCONSUL EMBASSY CONSULATE
EUR NEA WHA EAP SCA SA AF IO INR DRL ISN PRM CA DS PM EB EEB INL OES ECA PA H L S P E T G M R F D J A CT IIP VCI AVC EAP ACS OCS VO
MAG ARP IPA ELA WE ERA CE NB RUS UMB CARC SEA RSA CEN AND BSC BRZ ECON EX OMA INS PD PPD OPS IRF TIP GTIP OIG SCT ENR ESC CBP ICE CIS
USCIS TSA NCTC ODNI DNI OSAC TIA SOUTHCOM EUCOM CENTCOM AFRICOM PACOM NORTHCOM SOCOM CINCPAC CINCEUR USCINCEUR JSC`.split(/\s+/));

/** Plural titles: "RABBIS SHAYEVICH AND GOLDSCHMIDT", "Presidents Bush and Putin". */
export const PLURAL_TITLES = new Set<string>(['presidents', 'ministers', 'rabbis', 'ambassadors', 'senators', 'generals', 'governors', 'mayors',
  'congressmen', 'congresswomen', 'representatives', 'secretaries', 'chairmen', 'judges', 'sheikhs', 'ayatollahs', 'imams', 'bishops',
  'colonels', 'commanders', 'deputies', 'leaders', 'messrs', 'messrs.', 'drs', 'drs.', 'professors', 'prime ministers', 'fms']);

/**
 * Given names from the `@faker-js/faker` locale data (Latin-script locales: English, French, German,
 * Spanish, Italian, Turkish, Indonesian, Vietnamese, Slavic, African …; ~15,000 names). Used only as
 * a cue: a capitalized run that starts with a given name is a person. Names that are also English
 * words ("Will", "Grant"), stop words, titles, demonyms or organizations are dropped.
 */
export const FIRST_NAMES = new Set<string>();
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { allLocales } = require('@faker-js/faker') as { allLocales: Record<string, { person?: { first_name?: Record<string, string[]> } }> };
  for (const loc of Object.values(allLocales)) {
    for (const list of Object.values(loc.person?.first_name ?? {})) {
      for (const n of list) {
        if (!/^[A-Za-z\u00C0-\u017F'-]{2,}$/.test(n)) continue;
        const l = n.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
        if (ENGLISH.has(l) || STOP.has(l) || TITLES.has(l) || DEMONYMS.has(l) || ORG_NAMES.has(l) || l.length < 3) continue;
        FIRST_NAMES.add(l);
      }
    }
  }
  // common transliterated Arabic/Persian/Korean/Chinese given names absent from the locales above
  for (const n of ['mohamed', 'mohammad', 'mohammed', 'muhammad', 'mohamad', 'ahmad', 'ahmed', 'abdul', 'abdel', 'abdallah', 'abdullah', 'jalal', 'hosni', 'nouri', 'nuri', 'ghazi', 'saddam', 'hamid', 'hassan', 'hussein', 'husayn', 'mahmoud', 'mahmud', 'mustafa', 'mostafa', 'yousef', 'yusuf', 'youssef', 'khalid', 'khaled', 'saad', 'saud', 'faisal', 'fahd', 'tariq', 'tarik', 'walid', 'rafiq', 'rafik', 'bashar', 'hafez', 'muammar', 'moammar', 'ayman', 'osama', 'usama', 'nasser', 'nasir', 'jamal', 'kamal', 'akbar', 'ali', 'reza', 'mahmoud', 'hashemi', 'mir', 'sayed', 'seyed', 'sayyid', 'ibrahim', 'ismail', 'ismael', 'sadiq', 'sadeq', 'nabil', 'adel', 'adil', 'salim', 'selim', 'karim', 'rashid', 'rached', 'zine', 'habib', 'hamad', 'hamdan', 'zayed', 'sultan', 'jaber', 'sabah', 'nawaf', 'tayyip', 'recep', 'abdulla', 'abdulaziz', 'abdelaziz', 'benazir', 'nawaz', 'pervez', 'asif', 'shaukat', 'yousaf', 'jung', 'myung', 'moon', 'hyun', 'xi', 'hu', 'wen', 'jiabao', 'jintao', 'junichiro', 'shinzo', 'taro', 'yukio', 'naoto', 'vladimir', 'dmitry', 'dmitri', 'sergei', 'sergey', 'igor', 'mikhail', 'yuri', 'yury', 'viktor', 'yulia', 'nursultan', 'islam', 'ilham', 'heydar', 'eduard', 'mikheil', 'nino', 'levan', 'zurab']) {
    if (!STOP.has(n)) FIRST_NAMES.add(n);
  }
  for (const n of ['islam', 'sultan', 'moon', 'hu', 'wen', 'mir']) FIRST_NAMES.delete(n);
}

/** Every Latin-script given name of the faker locales, English-word ones included ("William", "Henry"): for routing lines. */
export const ANY_FIRST_NAMES = new Set<string>(FIRST_NAMES);
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { allLocales } = require('@faker-js/faker') as { allLocales: Record<string, { person?: { first_name?: Record<string, string[]> } }> };
  for (const loc of Object.values(allLocales)) for (const list of Object.values(loc.person?.first_name ?? {})) for (const n of list) {
    const l = n.toLowerCase();
    if (/^[a-z]{3,}$/.test(l) && !STOP.has(l) && !TITLES.has(l)) ANY_FIRST_NAMES.add(l);
  }
}

/**
 * Smaller cities and towns (under 150,000 people) from `city-timezones`: too ambiguous with surnames
 * to be read as places on their own, but a place when a place preposition comes first ("in Tunceli").
 */
export const SMALL_PLACES = new Set<string>();
for (const c of cityMapping) {
  if (c.pop >= 150_000) continue;
  for (const n of new Set([c.city, c.city_ascii])) {
    const l = n.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (l.length < 4 || ENGLISH.has(l) || STOP.has(l) || ORG_NAMES.has(l) || TITLES.has(l) || PLACES.has(l) || FIRST_NAMES.has(l)) continue;
    SMALL_PLACES.add(l);
  }
}

// Continental and regional adjectives are demonyms too ("African", "Asian"), never names.
for (const d of ['african', 'africans', 'asian', 'asians', 'european', 'europeans', 'american', 'americans', 'latin', 'arab', 'arabs', 'pashtun', 'pashtuns', 'tajik', 'tajiks', 'hazara', 'hazaras', 'baluch', 'kurd', 'kurds', 'shia', 'sunni', 'sunnis', 'shiite', 'shiites', 'alawite', 'alawites', 'druze', 'maronite', 'maronites', 'bedouin', 'berber', 'berbers', 'uighur', 'uighurs', 'uyghur', 'uyghurs', 'tamil', 'tamils', 'sinhalese', 'roma', 'gypsy']) DEMONYMS.add(d);
