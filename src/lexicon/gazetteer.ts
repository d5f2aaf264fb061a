// Gazetteers, the heavy part (English words, cities, given names): loaded only with the builtin extractor.
import { DEMONYMS, ORG_NAMES, PLACES, STOP, TITLES } from './gazetteer-core';

export * from './gazetteer-core';

// Cities and provinces from the `city-timezones` data package (7,300 cities from Natural Earth with
// population and province). Names that are also common English words ("Nice", "Mobile", "Reading")
// are kept only for large cities, so ordinary words are not read as places.
type CityRow = { city: string; city_ascii: string; pop: number; province?: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cityTimezones = require('city-timezones') as { cityMapping: CityRow[] };
const cityMapping = cityTimezones.cityMapping;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ENGLISH: Set<string> = new Set(require('an-array-of-english-words') as string[]);
for (const c of cityMapping) {
  for (const n of new Set([c.city, c.city_ascii, c.pop >= 150_000 ? (c.province ?? '') : ''])) {
    const l = n
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if ((n === c.city || n === c.city_ascii) && c.pop < 150_000) continue;
    if (l.length < 3 || STOP.has(l) || ORG_NAMES.has(l) || TITLES.has(l)) continue;
    if (ENGLISH.has(l) && !(n === c.city || n === c.city_ascii ? c.pop >= 1_000_000 : false)) continue;
    PLACES.add(l);
  }
}

// Major political parties known by short names in cables (general knowledge, any year/post).
for (const o of [
  'conservatives',
  'tory',
  'tories',
  'lib dems',
  'lib dem',
  'liberal democrats',
  'cdu/csu',
  'ndp',
  'ldp',
  'kmt',
  'dpp',
  'pri',
  'pan',
  'prd',
  'apra',
  'fsln',
  'fmln',
  'arena',
  'psoe',
  'pp',
  'pcf',
  'pds',
  'pci',
  'dc',
  'psd',
  'ppp',
  'pml-n',
  'pml',
  'mqm',
  'awami league',
  'congress party',
  'likud',
  'kadima',
  'shas',
  'baath',
  "ba'ath",
  'wafd',
  'ndp',
])
  ORG_NAMES.add(o);
for (const o of ['pan', 'pp', 'dc', 'arena', 'pri']) ORG_NAMES.delete(o); // also ordinary words / ambiguous in all caps

/**
 * State Department bureaus and offices, and Washington agencies, as they appear in routing lines
 * ("STATE FOR EUR/WE", "TREASURY FOR ...", "PASS TO USAID") — general cable conventions.
 */
export const OFFICES = new Set<string>(
  `STATE SECSTATE DEPT DEPARTMENT TREASURY COMMERCE USDOC USDA DOD OSD JCS JOINT STAFF SECDEF NSC WHITE HOUSE WHSR OVP USTR USAID AID
CIA DIA NSA FBI DHS DOJ DOE DOL DOT DOS HHS EXIM OPIC USUN USNATO USEU USOSCE UNVIE USMISSION AMEMBASSY AMCONSUL EMBASSY CONSULATE
EUR NEA WHA EAP SCA SA AF IO INR DRL ISN PRM CA DS PM EB EEB INL OES ECA PA H L S P E T G M R F D J A CT IIP VCI AVC EAP ACS OCS VO
MAG ARP IPA ELA WE ERA CE NB RUS UMB CARC SEA RSA CEN AND BSC BRZ ECON EX OMA INS PD PPD OPS IRF TIP GTIP OIG SCT ENR ESC CBP ICE CIS
USCIS TSA NCTC ODNI DNI OSAC TIA SOUTHCOM EUCOM CENTCOM AFRICOM PACOM NORTHCOM SOCOM CINCPAC CINCEUR USCINCEUR JSC`.split(
    /\s+/,
  ),
);

/** Plural titles: "RABBIS SHAYEVICH AND GOLDSCHMIDT", "Presidents Bush and Putin". */
export const PLURAL_TITLES = new Set<string>([
  'presidents',
  'ministers',
  'rabbis',
  'ambassadors',
  'senators',
  'generals',
  'governors',
  'mayors',
  'congressmen',
  'congresswomen',
  'representatives',
  'secretaries',
  'chairmen',
  'judges',
  'sheikhs',
  'ayatollahs',
  'imams',
  'bishops',
  'colonels',
  'commanders',
  'deputies',
  'leaders',
  'messrs',
  'messrs.',
  'drs',
  'drs.',
  'professors',
  'prime ministers',
  'fms',
]);

/**
 * Given names from the `@faker-js/faker` locale data (Latin-script locales: English, French, German,
 * Spanish, Italian, Turkish, Indonesian, Vietnamese, Slavic, African …; ~15,000 names). Used only as
 * a cue: a capitalized run that starts with a given name is a person. Names that are also English
 * words ("Will", "Grant"), stop words, titles, demonyms or organizations are dropped.
 */
export const FIRST_NAMES = new Set<string>();
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { allLocales } = require('@faker-js/faker') as {
    allLocales: Record<string, { person?: { first_name?: Record<string, string[]> } }>;
  };
  for (const loc of Object.values(allLocales)) {
    for (const list of Object.values(loc.person?.first_name ?? {})) {
      for (const n of list) {
        if (!/^[A-Za-z\u00C0-\u017F'-]{2,}$/.test(n)) continue;
        const l = n
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase();
        if (ENGLISH.has(l) || STOP.has(l) || TITLES.has(l) || DEMONYMS.has(l) || ORG_NAMES.has(l) || l.length < 3)
          continue;
        FIRST_NAMES.add(l);
      }
    }
  }
  // common transliterated Arabic/Persian/Korean/Chinese given names absent from the locales above
  for (const n of [
    'mohamed',
    'mohammad',
    'mohammed',
    'muhammad',
    'mohamad',
    'ahmad',
    'ahmed',
    'abdul',
    'abdel',
    'abdallah',
    'abdullah',
    'jalal',
    'hosni',
    'nouri',
    'nuri',
    'ghazi',
    'saddam',
    'hamid',
    'hassan',
    'hussein',
    'husayn',
    'mahmoud',
    'mahmud',
    'mustafa',
    'mostafa',
    'yousef',
    'yusuf',
    'youssef',
    'khalid',
    'khaled',
    'saad',
    'saud',
    'faisal',
    'fahd',
    'tariq',
    'tarik',
    'walid',
    'rafiq',
    'rafik',
    'bashar',
    'hafez',
    'muammar',
    'moammar',
    'ayman',
    'osama',
    'usama',
    'nasser',
    'nasir',
    'jamal',
    'kamal',
    'akbar',
    'ali',
    'reza',
    'mahmoud',
    'hashemi',
    'mir',
    'sayed',
    'seyed',
    'sayyid',
    'ibrahim',
    'ismail',
    'ismael',
    'sadiq',
    'sadeq',
    'nabil',
    'adel',
    'adil',
    'salim',
    'selim',
    'karim',
    'rashid',
    'rached',
    'zine',
    'habib',
    'hamad',
    'hamdan',
    'zayed',
    'sultan',
    'jaber',
    'sabah',
    'nawaf',
    'tayyip',
    'recep',
    'abdulla',
    'abdulaziz',
    'abdelaziz',
    'benazir',
    'nawaz',
    'pervez',
    'asif',
    'shaukat',
    'yousaf',
    'jung',
    'myung',
    'moon',
    'hyun',
    'xi',
    'hu',
    'wen',
    'jiabao',
    'jintao',
    'junichiro',
    'shinzo',
    'taro',
    'yukio',
    'naoto',
    'vladimir',
    'dmitry',
    'dmitri',
    'sergei',
    'sergey',
    'igor',
    'mikhail',
    'yuri',
    'yury',
    'viktor',
    'yulia',
    'nursultan',
    'islam',
    'ilham',
    'heydar',
    'eduard',
    'mikheil',
    'nino',
    'levan',
    'zurab',
  ]) {
    if (!STOP.has(n)) FIRST_NAMES.add(n);
  }
  for (const n of ['islam', 'sultan', 'moon', 'hu', 'wen', 'mir']) FIRST_NAMES.delete(n);
}

/**
 * Given names the faker locales list for one sex only ("Bernard", "Elisabeth"; not "Jean", "Andrea",
 * "Kim", listed for both): what a title before a lone surname can contradict ("Mrs. Borrel" is not
 * "Bernard Borrel"). Diacritics folded, lower case.
 */
export const FEMALE_GIVEN_NAMES = new Set<string>();
export const MALE_GIVEN_NAMES = new Set<string>();
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { allLocales } = require('@faker-js/faker') as {
    allLocales: Record<string, { person?: { first_name?: { female?: string[]; male?: string[] } } }>;
  };
  const fold = (n: string) =>
    n
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  for (const loc of Object.values(allLocales)) {
    for (const n of loc.person?.first_name?.female ?? []) FEMALE_GIVEN_NAMES.add(fold(n));
    for (const n of loc.person?.first_name?.male ?? []) MALE_GIVEN_NAMES.add(fold(n));
  }
  for (const n of FEMALE_GIVEN_NAMES) if (MALE_GIVEN_NAMES.delete(n)) FEMALE_GIVEN_NAMES.delete(n);
}

/** Every Latin-script given name of the faker locales, English-word ones included ("William", "Henry"): for routing lines. */
export const ANY_FIRST_NAMES = new Set<string>(FIRST_NAMES);
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { allLocales } = require('@faker-js/faker') as {
    allLocales: Record<string, { person?: { first_name?: Record<string, string[]> } }>;
  };
  for (const loc of Object.values(allLocales))
    for (const list of Object.values(loc.person?.first_name ?? {}))
      for (const n of list) {
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
    const l = n
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if (
      l.length < 4 ||
      ENGLISH.has(l) ||
      STOP.has(l) ||
      ORG_NAMES.has(l) ||
      TITLES.has(l) ||
      PLACES.has(l) ||
      FIRST_NAMES.has(l)
    )
      continue;
    SMALL_PLACES.add(l);
  }
}

// Continental and regional adjectives are demonyms too ("African", "Asian"), never names.
for (const d of [
  'african',
  'africans',
  'asian',
  'asians',
  'european',
  'europeans',
  'american',
  'americans',
  'latin',
  'arab',
  'arabs',
  'pashtun',
  'pashtuns',
  'tajik',
  'tajiks',
  'hazara',
  'hazaras',
  'baluch',
  'kurd',
  'kurds',
  'shia',
  'sunni',
  'sunnis',
  'shiite',
  'shiites',
  'alawite',
  'alawites',
  'druze',
  'maronite',
  'maronites',
  'bedouin',
  'berber',
  'berbers',
  'uighur',
  'uighurs',
  'uyghur',
  'uyghurs',
  'tamil',
  'tamils',
  'sinhalese',
  'roma',
  'gypsy',
])
  DEMONYMS.add(d);
