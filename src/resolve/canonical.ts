// Names resolution knows by their form: office symbols, routing words, departments, commands, governments.
/**
 * Names resolution knows by their form, whatever extractor found them: State Department office
 * symbols ("EUR/WE") and routing words ("STATE", "DEPT"), U.S. departments and combatant commands,
 * the spellings of a few international bodies, governments named by a demonym or a leader
 * ("Spanish government", "Zapatero Administration"), and what is no entity at all (titles written
 * as symbols, redactions, subject-line verbs). General cable conventions, not names of any cable.
 */
import { isSpace } from '../common/characters';
import { BoundedMemo } from '../common/memo';
import { gazetteer, memo, worldCountries } from '../lexicon/lazy';
import type { EntityType } from '../model';

/** ISO alpha-2 → common country name (world-countries), with the states of the older cables. */
const COUNTRY_NAME = memo(() => {
  const names = new Map<string, string>(worldCountries().map((c) => [c.cca2, c.name.common]));
  names.set('US', 'United States');
  names.set('GB', 'United Kingdom');
  names.set('SU', 'Soviet Union');
  names.set('TR', 'Turkey');
  names.set('YU', 'Yugoslavia');
  names.set('CS', 'Serbia and Montenegro');
  return names;
});
/** The common name of a country by its ISO alpha-2 code. */
export function countryName(cc: string): string | undefined {
  return COUNTRY_NAME().get(cc);
}
/** The ISO alpha-2 code of a country's demonym ("spanish" → ES), or undefined. */
export function demonymCountry(lower: string): string | undefined {
  return DEMONYM_COUNTRY().get(lower);
}
/**
 * Demonym ("spanish", "iraqi") → ISO alpha-2. A demonym several territories share goes to the
 * independent country ("French": France, not the French Southern and Antarctic Lands, which the
 * data lists first; "Norwegian": Norway, not Svalbard).
 */
const DEMONYM_COUNTRY = memo(() => {
  const codes = new Map<string, string>();
  const rows = worldCountries();
  for (const c of [...rows.filter((r) => r.independent), ...rows.filter((r) => !r.independent)])
    if (c.demonyms?.eng)
      for (const d of [c.demonyms.eng.m, c.demonyms.eng.f])
        if (!codes.has(d.toLowerCase())) codes.set(d.toLowerCase(), c.cca2);
  for (const [d, cc] of [
    ['american', 'US'],
    ['british', 'GB'],
    ['soviet', 'SU'],
    ['russian', 'RU'],
    ['chinese', 'CN'],
    ['iranian', 'IR'],
    ['afghan', 'AF'],
    ['saudi', 'SA'],
    ['emirati', 'AE'],
    ['dutch', 'NL'],
    ['turkish', 'TR'],
    ['south korean', 'KR'],
    ['north korean', 'KP'],
    ['palestinian', 'PS'],
    ['congolese', 'CD'],
    ['dominican', 'DO'],
    ['yugoslav', 'YU'],
  ] as const)
    codes.set(d, cc);
  return codes;
});

/** What a mention is: an entity of this type and canonical name, or `null` for no entity. */
export type Canonical = { type: EntityType; name: string } | null;

export const STATE_DEPARTMENT = 'US Department of State';

/** Bureaus of the Department of State and their symbols (the first part of an office symbol). */
const BUREAUS: Record<string, string> = {
  EUR: 'Bureau of European and Eurasian Affairs',
  NEA: 'Bureau of Near Eastern Affairs',
  WHA: 'Bureau of Western Hemisphere Affairs',
  EAP: 'Bureau of East Asian and Pacific Affairs',
  SCA: 'Bureau of South and Central Asian Affairs',
  SA: 'Bureau of South Asian Affairs',
  AF: 'Bureau of African Affairs',
  IO: 'Bureau of International Organization Affairs',
  INR: 'Bureau of Intelligence and Research',
  DRL: 'Bureau of Democracy, Human Rights, and Labor',
  ISN: 'Bureau of International Security and Nonproliferation',
  PRM: 'Bureau of Population, Refugees, and Migration',
  CA: 'Bureau of Consular Affairs',
  PM: 'Bureau of Political-Military Affairs',
  EEB: 'Bureau of Economic, Energy, and Business Affairs',
  EB: 'Bureau of Economic and Business Affairs',
  INL: 'Bureau of International Narcotics and Law Enforcement Affairs',
  OES: 'Bureau of Oceans and International Environmental and Scientific Affairs',
  ECA: 'Bureau of Educational and Cultural Affairs',
  DS: 'Bureau of Diplomatic Security',
  VCI: 'Bureau of Verification, Compliance, and Implementation',
  AVC: 'Bureau of Arms Control, Verification, and Compliance',
  PA: 'Bureau of Public Affairs',
  H: 'Bureau of Legislative Affairs',
  L: 'Office of the Legal Adviser',
  IIP: 'Bureau of International Information Programs',
  CT: 'Office of the Coordinator for Counterterrorism',
  S: 'Office of the Secretary of State',
  D: 'Office of the Deputy Secretary of State',
  P: 'Office of the Under Secretary for Political Affairs',
  E: 'Office of the Under Secretary for Economic Affairs',
  T: 'Office of the Under Secretary for Arms Control and International Security',
  G: 'Office of the Under Secretary for Democracy and Global Affairs',
  M: 'Office of the Under Secretary for Management',
  R: 'Office of the Under Secretary for Public Diplomacy and Public Affairs',
  F: 'Office of the Director of US Foreign Assistance',
  OIG: 'Office of Inspector General',
  FSI: 'Foreign Service Institute',
  OBO: 'Bureau of Overseas Buildings Operations',
  HR: 'Bureau of Human Resources',
  RM: 'Bureau of Resource Management',
  IRM: 'Bureau of Information Resource Management',
  OPS: 'Operations Center',
};
/** Offices by full symbol, where their names are standard. */
const OFFICES: Record<string, string> = {
  'EUR/WE': 'Office of Western European Affairs',
  'EUR/ERA': 'Office of European Union and Regional Affairs',
  'EUR/CE': 'Office of Central European Affairs',
  'EUR/NB': 'Office of Nordic and Baltic Affairs',
  'EUR/RUS': 'Office of Russian Affairs',
  'EUR/UMB': 'Office of Ukraine, Moldova and Belarus Affairs',
  'EUR/CARC': 'Office of Caucasus Affairs and Regional Conflicts',
  'EUR/SE': 'Office of Southern European Affairs',
  'EUR/SCE': 'Office of South Central European Affairs',
  'EUR/RPM': 'Office of European Security and Political Affairs',
  'EUR/PGI': 'Office of Policy and Global Issues',
  'EUR/UBI': 'Office of UK, Benelux and Ireland Affairs',
  'EUR/AGS': 'Office of Austria, Germany and Switzerland Affairs',
  'EUR/PPD': 'Office of Press and Public Diplomacy (EUR)',
  'EUR/FO': 'Front Office of the Bureau of European and Eurasian Affairs',
  'NEA/ARP': 'Office of Arabian Peninsula Affairs',
  'NEA/MAG': 'Office of Maghreb Affairs',
  'NEA/IR': 'Office of Iranian Affairs',
  'NEA/I': 'Office of Iraq Affairs',
  'NEA/ELA': 'Office of Egypt and Levant Affairs',
  'NEA/IPA': 'Office of Israel and Palestinian Affairs',
  'NEA/FO': 'Front Office of the Bureau of Near Eastern Affairs',
  'NEA/RA': 'Office of Regional Affairs (NEA)',
  'NEA/PPD': 'Office of Press and Public Diplomacy (NEA)',
  'NEA/PI': 'Middle East Partnership Initiative',
  'SCA/A': 'Office of Afghanistan Affairs',
  'SCA/PB': 'Office of Pakistan and Bangladesh Affairs',
  'SCA/INS': 'Office of India, Nepal and Sri Lanka Affairs',
  'SCA/CEN': 'Office of Central Asian Affairs',
  'SCA/RA': 'Office of Regional Affairs (SCA)',
  'SCA/FO': 'Front Office of the Bureau of South and Central Asian Affairs',
  'WHA/AND': 'Office of Andean Affairs',
  'WHA/BSC': 'Office of Brazil and Southern Cone Affairs',
  'WHA/CEN': 'Office of Central American Affairs',
  'WHA/CAR': 'Office of Caribbean Affairs',
  'WHA/MEX': 'Office of Mexican Affairs',
  'WHA/CAN': 'Office of Canadian Affairs',
  'WHA/CCA': 'Office of Cuban Affairs',
  'WHA/EPSC': 'Office of Economic Policy and Summit Coordination',
  'WHA/PPC': 'Office of Policy Planning and Coordination (WHA)',
  'WHA/FO': 'Front Office of the Bureau of Western Hemisphere Affairs',
  'EAP/CM': 'Office of Chinese and Mongolian Affairs',
  'EAP/J': 'Office of Japanese Affairs',
  'EAP/K': 'Office of Korean Affairs',
  'EAP/MLS': 'Office of Maritime Southeast Asia Affairs',
  'EAP/MTS': 'Office of Mainland Southeast Asia Affairs',
  'EAP/ANP': 'Office of Australia, New Zealand and Pacific Island Affairs',
  'AF/E': 'Office of East African Affairs',
  'AF/W': 'Office of West African Affairs',
  'AF/S': 'Office of Southern African Affairs',
  'AF/C': 'Office of Central African Affairs',
  'AF/SPG': 'Sudan Programs Group',
  'S/CT': 'Office of the Coordinator for Counterterrorism',
  'S/WCI': 'Office of War Crimes Issues',
  'S/P': 'Policy Planning Staff',
  'S/CRS': 'Office of the Coordinator for Reconstruction and Stabilization',
  'S/GAC': 'Office of the US Global AIDS Coordinator',
  'S/ES': 'Executive Secretariat',
  'S/ES-O': 'Operations Center',
  'S/SEMEP': 'Office of the Special Envoy for Middle East Peace',
  'G/TIP': 'Office to Monitor and Combat Trafficking in Persons',
  'G/IWI': "Office of Global Women's Issues",
  'M/PRI': 'Office of Policy, Rightsizing and Innovation',
  'CA/OCS': 'Office of Overseas Citizens Services',
  'CA/VO': 'Visa Office',
  'CA/OCS/ACS': 'Office of American Citizens Services',
  'INR/B': 'Office of Biographic Information (INR)',
  'DS/IP': 'Office of Intelligence and Threat Analysis',
  'ISN/MNSA': 'Office of Missile, Biological, and Chemical Nonproliferation',
  'ISN/RA': 'Office of Regional Affairs (ISN)',
  'PM/RSAT': 'Office of Regional Security and Arms Transfers',
  'EEB/ESC': 'Office of International Energy and Commodity Policy',
  'EEB/TPP': 'Office of Trade Policy and Programs',
  'IO/UNP': 'Office of UN Political Affairs',
};
/** Symbols that are titles or roles (an Assistant Secretary, a Minister-Counselor): no entity. */
const TITLE_SYMBOLS = new Set([
  'A/S',
  'U/S',
  'DAS',
  'PDAS',
  'A/DCM',
  'DCM',
  'M/C',
  'P/E',
  'E/P',
  'POL/ECON',
  'ECON/POL',
  'POL/MIL',
  'POL/E',
  'PE',
  'A/DAS',
  'C/S',
  'D/S',
  'D/DCM',
  'A/CDA',
  'CDA',
  'CG',
  'A/CG',
  'DPO',
  'A/DPO',
  'P/D',
  'POL/C',
  'POL/EC',
  'ECON/C',
  'A/POLCOUNS',
  'A/ECONCOUNS',
  'S/E',
  'S/A',
  'SE',
  'SRSG',
  'DSRSG',
  'A/S-DESIGNATE',
]);

/** Washington agencies and the routing words that stand for them. */
const AGENCIES: Record<string, string> = {
  STATE: STATE_DEPARTMENT,
  // "the Department" of a cable is the Department of State ("DEPARTMENT FOR P", "the Department's view")
  DEPARTMENT: STATE_DEPARTMENT,
  SECSTATE: STATE_DEPARTMENT,
  DEPT: STATE_DEPARTMENT,
  DOS: STATE_DEPARTMENT,
  'STATE DEPARTMENT': STATE_DEPARTMENT,
  'DEPARTMENT OF STATE': STATE_DEPARTMENT,
  'STATE DEPT': STATE_DEPARTMENT,
  'US DEPARTMENT OF STATE': STATE_DEPARTMENT,
  'U.S. DEPARTMENT OF STATE': STATE_DEPARTMENT,
  'U S DEPARTMENT OF STATE': STATE_DEPARTMENT,
  USDOS: STATE_DEPARTMENT,
  TREASURY: 'US Department of the Treasury',
  USTREASURY: 'US Department of the Treasury',
  'TREASURY DEPARTMENT': 'US Department of the Treasury',
  COMMERCE: 'US Department of Commerce',
  USDOC: 'US Department of Commerce',
  DOC: 'US Department of Commerce',
  'COMMERCE DEPARTMENT': 'US Department of Commerce',
  DOD: 'US Department of Defense',
  'DEPARTMENT OF DEFENSE': 'US Department of Defense',
  PENTAGON: 'US Department of Defense',
  SECDEF: 'US Department of Defense',
  DOJ: 'US Department of Justice',
  'DEPARTMENT OF JUSTICE': 'US Department of Justice',
  'JUSTICE DEPARTMENT': 'US Department of Justice',
  DHS: 'US Department of Homeland Security',
  'DEPARTMENT OF HOMELAND SECURITY': 'US Department of Homeland Security',
  DOE: 'US Department of Energy',
  'DEPARTMENT OF ENERGY': 'US Department of Energy',
  'ENERGY DEPARTMENT': 'US Department of Energy',
  USDA: 'US Department of Agriculture',
  'DEPARTMENT OF AGRICULTURE': 'US Department of Agriculture',
  DOL: 'US Department of Labor',
  DOT: 'US Department of Transportation',
  HHS: 'US Department of Health and Human Services',
  USTR: 'Office of the US Trade Representative',
  OSD: 'Office of the Secretary of Defense',
  JCS: 'Joint Chiefs of Staff',
  USAID: 'US Agency for International Development',
  'WHITE HOUSE': 'White House',
  NSC: 'National Security Council',
  CENTCOM: 'US Central Command',
  USCENTCOM: 'US Central Command',
  HQCENTCOM: 'US Central Command',
  'HQ USCENTCOM': 'US Central Command',
  CENTRALCOM: 'US Central Command',
  SOUTHCOM: 'US Southern Command',
  USSOUTHCOM: 'US Southern Command',
  HQSOUTHCOM: 'US Southern Command',
  'HQ USSOUTHCOM': 'US Southern Command',
  'HQ SOUTHCOM': 'US Southern Command',
  EUCOM: 'US European Command',
  USEUCOM: 'US European Command',
  HQEUCOM: 'US European Command',
  'HQ USEUCOM': 'US European Command',
  USCINCEUR: 'US European Command',
  CINCEUR: 'US European Command',
  AFRICOM: 'US Africa Command',
  USAFRICOM: 'US Africa Command',
  HQAFRICOM: 'US Africa Command',
  'HQ USAFRICOM': 'US Africa Command',
  PACOM: 'US Pacific Command',
  USPACOM: 'US Pacific Command',
  HQPACOM: 'US Pacific Command',
  CINCPAC: 'US Pacific Command',
  'HQ USPACOM': 'US Pacific Command',
  NORTHCOM: 'US Northern Command',
  USNORTHCOM: 'US Northern Command',
  SOCOM: 'US Special Operations Command',
  USSOCOM: 'US Special Operations Command',
  TRANSCOM: 'US Transportation Command',
  USTRANSCOM: 'US Transportation Command',
  STRATCOM: 'US Strategic Command',
  USSTRATCOM: 'US Strategic Command',
  JFCOM: 'US Joint Forces Command',
  USJFCOM: 'US Joint Forces Command',
};
/** International bodies written several ways (folded: upper case, hyphens and dots as spaces). */
const BODIES: Record<string, string> = {
  UN: 'United Nations',
  'U N': 'United Nations',
  'UNITED NATIONS': 'United Nations',
  EU: 'European Union',
  'E U': 'European Union',
  'EUROPEAN UNION': 'European Union',
  UNSC: 'UN Security Council',
  'SECURITY COUNCIL': 'UN Security Council',
  'UN SECURITY COUNCIL': 'UN Security Council',
  'UNITED NATIONS SECURITY COUNCIL': 'UN Security Council',
  'U N SECURITY COUNCIL': 'UN Security Council',
  UNGA: 'UN General Assembly',
  'UN GENERAL ASSEMBLY': 'UN General Assembly',
  'UNITED NATIONS GENERAL ASSEMBLY': 'UN General Assembly',
  'AL QAIDA': 'al-Qaida',
  'AL QAEDA': 'al-Qaida',
  'AL QA IDA': 'al-Qaida',
  'AL QA EDA': 'al-Qaida',
  'AL QAIDAH': 'al-Qaida',
  'AL QA IDAH': 'al-Qaida',
  AQ: 'al-Qaida',
  QAIDA: 'al-Qaida',
  HIZBALLAH: 'Hizballah',
  HEZBOLLAH: 'Hizballah',
  HIZBOLLAH: 'Hizballah',
  HIZBULLAH: 'Hizballah',
  'HEZB ALLAH': 'Hizballah',
  AU: 'African Union',
  'AFRICAN UNION': 'African Union',
  'ARAB LEAGUE': 'Arab League',
  'LEAGUE OF ARAB STATES': 'Arab League',
  'G 8': 'G8',
  G8: 'G8',
  'G 20': 'G20',
  G20: 'G20',
  'G 7': 'G7',
  G7: 'G7',
  'P5 1': 'P5+1',
  'P 5 1': 'P5+1',
  // "the Alliance", said again
  ALLIANCE: 'NATO',
  'P5 PLUS': 'P5+1',
  'P5 PLUS 1': 'P5+1',
  'P5 PLUS ONE': 'P5+1',
  'P 5 PLUS 1': 'P5+1',
  P5: 'P5',
  'P 5': 'P5',
  KRG: 'Kurdistan Regional Government',
  'KURDISTAN REGIONAL GOVERNMENT': 'Kurdistan Regional Government',
  'KURDISH REGIONAL GOVERNMENT': 'Kurdistan Regional Government',
  'U S CONGRESS': 'Congress',
  'US CONGRESS': 'Congress',
  'UNITED STATES CONGRESS': 'Congress',
  FATF: 'Financial Action Task Force',
  'FINANCIAL ACTION TASK FORCE': 'Financial Action Task Force',
  'GENERAL ASSEMBLY': 'UN General Assembly',
  CSU: 'Christian Social Union',
  'SOCIAL UNION': 'Christian Social Union',
  'CHRISTIAN SOCIAL UNION': 'Christian Social Union',
  IRGC: 'Islamic Revolutionary Guard Corps',
  'ISLAMIC REVOLUTIONARY GUARD CORPS': 'Islamic Revolutionary Guard Corps',
  'REVOLUTIONARY GUARDS': 'Islamic Revolutionary Guard Corps',
};
/** Acronyms and words that name a kind of thing, a weapon or a role rather than an organization. */
const NOT_ORGANIZATIONS = new Set([
  'CEO',
  'CEOS',
  'WMD',
  'CHOD',
  'CHODS',
  'MOU',
  'MOA',
  'FTA',
  'GDP',
  'NGO',
  'NGOS',
  'IDP',
  'IDPS',
  'POTUS',
  'VPOTUS',
  'SECSTATE CHANGE',
  'ADMINISTRATION',
  'GOVERNMENT',
  'MINISTRY',
  'EMBASSY',
  'POST',
  'MISSION',
  'NPT',
  'CTBT',
  'FMCT',
  'START',
  'CFE',
  'INF',
  'TREATY',
  'CONVENTION',
  'PRT',
  'PRTS',
  'UAV',
  'UAVS',
  'DATT',
  'UNSCR',
  'UNSCRS',
  'TASK FORCE',
  'MANPADS',
  'IED',
  'IEDS',
  'VBIED',
  'UXO',
  'LNG',
  'HEU',
  'LEU',
  'CBM',
  'CBMS',
  'DPKO',
  'MOD-',
  'POC',
  'COM',
  'FYI',
]);
/** Government acronyms of single countries beyond GOx (Yemen's ROYG, Venezuela's GBRV, Syria's SARG). */
const GOVERNMENT_ACRONYMS: Record<string, string> = {
  ROYG: 'YE',
  GBRV: 'VE',
  SARG: 'SY',
  GORM: 'MA',
  GOSL: 'LK',
  GOUK: 'GB',
  RGOB: 'BT',
  GNU: 'ZW',
  TFG: 'SO',
  KSA: 'SA',
};
/** Regions known by acronym. */
const PLACE_ACRONYMS: Record<string, string> = {
  NWFP: 'North-West Frontier Province',
  FATA: 'Federally Administered Tribal Areas',
  // the cables' name for the naval base and its detention facility: the place the text also calls Guantanamo
  GTMO: 'Guantanamo',
};
/** Treaties, conventions and accords: documents, not organizations, persons or places. */
const DOCUMENT_HEADS =
  /\b(?:treaty|convention|accords?|agreement|protocol|resolution|charter|memorandum|declaration|initiative|act)$/i;
/** Peoples the country demonyms miss. */
const PEOPLES = new Set([
  'kyrgyz',
  'kazakh',
  'kazakhs',
  'uzbek',
  'uzbeks',
  'turkmen',
  'azeri',
  'azeris',
  'miskitos',
  'miskito',
  'sandinistas',
  'chavistas',
  'peronists',
  'islamists',
  'salafis',
  'houthis',
  'wahhabis',
]);
/** Peoples of several countries, and their adjectives ("Basque", "Kurdish"): never an organization or a person. */
const ETHNIC_GROUPS = new Set([
  'basque',
  'basques',
  'catalan',
  'catalans',
  'kurdish',
  'kurds',
  'pashtun',
  'pashtuns',
  'baluch',
  'baloch',
  'tajik',
  'tajiks',
  'hazara',
  'hazaras',
  'berber',
  'berbers',
  'tuareg',
  'tuaregs',
  'roma',
]);
/**
 * U.S. presidents since 1961: "the Obama Administration" is one organization of its own, "Obama
 * Administration", as the annotations keep it beside "USG" in the same cable (an administration is
 * the government of one president, not the state's government across them).
 */
/** The name `canonicalOf` gives "the U.S. administration" until resolution knows whose it is (`nameUsAdministration`). */
export const US_ADMINISTRATION = 'US Administration';
const US_PRESIDENTS = new Set(['kennedy', 'johnson', 'nixon', 'ford', 'carter', 'reagan', 'bush', 'clinton', 'obama']);
export { SUBJECT_VERBS } from '../lexicon/words';

/** Folds a name for the tables: upper case, dots, hyphens, apostrophes and spaces as one space. */
const fold = (s: string) =>
  s
    .toUpperCase()
    .replace(/[.'’‘`-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The American agencies by their names without "US" (folded): "CENTRAL COMMAND" → US Central Command. */
const US_AGENCY_NAMES = memo(() => {
  const names = new Map<string, string>();
  for (const name of Object.values(AGENCIES)) if (name.startsWith('US ')) names.set(fold(name.slice(3)), name);
  return names;
});
/**
 * An American agency written otherwise than its name: with "U.S."/"United States" before its name
 * ("U.S. Central Command"), "Dept of" for "Department of", the field before "Department" ("Homeland
 * Security Department"), or its field alone when that is two words or more ("Homeland Security"; a
 * one-word field, "Defense", is a ministry of the cable's country, `fieldMinistryName`).
 */
function usAgency(f: string): string | undefined {
  const bare = f.replace(/^(?:THE )?(?:U ?S ?A?|UNITED STATES|AMERICAN) /, '');
  // (without "U.S." a command or a "Defense Department" may be the host country's: "Central Command" in a Bogota cable)
  const us = bare !== f;
  const rest = (us ? bare.replace(/^(.+) (?:DEPARTMENT|DEPT)$/, 'DEPARTMENT OF $1') : bare).replace(
    /^DEPT OF /,
    'DEPARTMENT OF ',
  );
  const names = US_AGENCY_NAMES();
  const named = us || rest.startsWith('DEPARTMENT OF ') ? (names.get(rest) ?? AGENCIES[rest]) : undefined;
  if (named) return named;
  const field = names.get(`DEPARTMENT OF ${rest}`) ?? names.get(`DEPARTMENT OF THE ${rest}`);
  // ("the Treasury" of a London cable is Her Majesty's)
  return field && rest.includes(' ') && !rest.startsWith('THE ') ? field : undefined;
}

/** A State Department office symbol: its office, its bureau with the symbol, or null for a title. */
export function officeSymbol(symbol: string): Canonical | undefined {
  const s = symbol.toUpperCase().replace(/\s+/g, '');
  if (!/^[A-Z]{1,8}(?:[/-][A-Z]{1,8})*$/.test(s) || !s.includes('/')) return undefined;
  const parts = s.split('/');
  if (TITLE_SYMBOLS.has(s) || parts.some((p) => TITLE_SYMBOLS.has(p)) || parts.every((p) => p.length === 1)) {
    // "A/S", "M/C", "PDAS/EUR": a title; a single-letter pair with a known office ("S/P") stays an office
    if (!OFFICES[s]) return null;
  }
  if (OFFICES[s]) return { type: 'ORGANIZATION', name: OFFICES[s] };
  // "CA/OCS/ACS/EAP": the longest known prefix
  for (let k = parts.length - 1; k >= 2; k--) {
    const o = OFFICES[parts.slice(0, k).join('/')];
    if (o) return { type: 'ORGANIZATION', name: o };
  }
  const bureau = BUREAUS[parts[0]];
  if (bureau) return { type: 'ORGANIZATION', name: `${bureau} (${s})` };
  return undefined;
}

/**
 * The canonical entity of a mention known by its form, `null` for a mention that is no entity, or
 * undefined to let resolution decide. `countries`: the cable's country context (ISO codes, home first).
 */
export function canonicalOf(type: EntityType, text: string, countries: readonly string[]): Canonical | undefined {
  // surfaces repeat across cables: each (type, surface, home country) is read once
  const key = `${type}|${countries[0] ?? ''}|${text}`;
  const known = CANONICAL_CACHE.get(key);
  if (known !== undefined || CANONICAL_CACHE.has(key)) return known;
  const result = readCanonical(type, text, countries);
  CANONICAL_CACHE.set(key, result);
  return result;
}
const CANONICAL_CACHE = new BoundedMemo<Canonical | undefined>(200_000);

function readCanonical(type: EntityType, text: string, countries: readonly string[]): Canonical | undefined {
  const { COUNTRY_CODE, DEMONYMS, ORG_NAMES } = gazetteer();
  const t = text.replace(/\s+/g, ' ').trim();
  // Redactions ("XXXXXXXXXXXX") are placeholders, never names.
  if (/^(?:x{4,}\b\s*)+$/i.test(t) || /\bX{5,}\b/i.test(t)) return null;
  if (t.includes('/')) {
    const office = officeSymbol(t);
    if (office !== undefined) return office;
  }
  const f = fold(t);
  if (TITLE_SYMBOLS.has(f.replace(/ /g, '/')) && /\//.test(t)) return null;
  const agency = AGENCIES[f] ?? usAgency(f);
  // "STATE" and "DEPT" are the Department only in capitals (routing) or as organizations.
  if (agency && (type === 'ORGANIZATION' || (t === t.toUpperCase() && t.length > 3))) {
    if (!(f === 'STATE' && type !== 'ORGANIZATION')) return { type: 'ORGANIZATION', name: agency };
  }
  // All-caps military commands ("USCENTCOM", "HQSOUTHCOM") typed as anything.
  if (/^(?:HQ ?)?(?:US)?[A-Z]{2,9}COM$/.test(t) && agency) return { type: 'ORGANIZATION', name: agency };
  if (/^(?:HQ ?)?US[A-Z]{2,9}COM$/.test(t)) return { type: 'ORGANIZATION', name: t.replace(/^HQ ?/, '') };
  if (type === 'ORGANIZATION' && GOVERNMENT_ACRONYMS[f] && f !== 'KSA')
    return { type: 'ORGANIZATION', name: governmentName(GOVERNMENT_ACRONYMS[f]) };
  if (PLACE_ACRONYMS[f]) return { type: 'PLACE', name: PLACE_ACRONYMS[f] };
  // a bureau of the Department by its symbol alone ("NEA", "WHA"; two-letter ones are too ambiguous)
  if (type === 'ORGANIZATION' && (f.length >= 3 || f.length === 1) && BUREAUS[f] && t === t.toUpperCase())
    return { type: 'ORGANIZATION', name: BUREAUS[f] };
  // a routing address: the post ("AMEMBASSY BRASILIA" → U.S. Embassy Brasilia)
  const post = /^am(embassy|consul|congen)\s+(.+)$/i.exec(t);
  if (post && type !== 'PERSON') {
    const kind = { embassy: 'Embassy', consul: 'Consulate', congen: 'Consulate General' }[post[1].toLowerCase()];
    return { type: 'ORGANIZATION', name: `US ${kind} ${properCase(post[2])}` };
  }
  // a post by its name ("Embassy Tel Aviv", "U.S. Consulate Recife"): the same node as its routing address
  const named = NAMED_POST.exec(t);
  if (named && type !== 'PERSON') return { type: 'ORGANIZATION', name: `US ${named[1]} ${named[2]}` };
  // "the Kingdom": the host country, when it is one
  if (type === 'PLACE' && /^kingdom$/i.test(t))
    return countries[0] && KINGDOMS.has(countries[0])
      ? { type: 'PLACE', name: COUNTRY_NAME().get(countries[0]) ?? countries[0] }
      : null;
  const govOf = /^government of (?:the )?(.+)$/i.exec(t);
  if (govOf && type === 'ORGANIZATION') {
    const cc = COUNTRY_CODE.get(govOf[1].toLowerCase());
    if (cc) return { type: 'ORGANIZATION', name: governmentName(cc) };
  }
  const body = BODIES[f];
  // (read as a place, only the armed groups: "al-Qa'ida" in "al-Qa'ida in Iraq")
  if (body && (type !== 'PLACE' || body === 'al-Qaida' || body === 'Hizballah'))
    return { type: 'ORGANIZATION', name: body };
  if (NOT_ORGANIZATIONS.has(f) && type !== 'PLACE') return null;
  if (
    DOCUMENT_HEADS.test(t) &&
    type !== 'PLACE' &&
    !/\b(?:organi[sz]ation|council|commission|party|movement|front|group|committee)\b/i.test(t)
  )
    return null;
  const words = t.split(' ');
  const lastLower = words[words.length - 1].toLowerCase();
  // "Zapatero government", "Spanish Government": the government they name; "Obama Administration" its own.
  if ((lastLower === 'administration' || lastLower === 'government') && words.length >= 2 && words.length <= 3) {
    const head = words
      .slice(0, -1)
      .join(' ')
      .toLowerCase()
      .replace(/['’]s$/, '');
    const president = head.split(' ').pop()!;
    if (lastLower === 'administration' && US_PRESIDENTS.has(president))
      return { type: 'ORGANIZATION', name: `${president[0].toUpperCase()}${president.slice(1)} Administration` };
    const cc = DEMONYM_COUNTRY().get(head) ?? COUNTRY_CODE.get(head);
    // "the U.S. administration" is the president's of the day (resolution names it by the cable's date), not the USG
    if (cc === 'US' && lastLower === 'administration') return { type: 'ORGANIZATION', name: US_ADMINISTRATION };
    if (cc) return { type: 'ORGANIZATION', name: governmentName(cc) };
    if (
      /^[A-Z]/.test(words[0]) &&
      countries[0] &&
      !ORG_NAMES.has(head) &&
      !/^(?:states|the|new|previous|current|former|interim|transitional|federal|central|local|provincial|regional|national|military|civilian|coalition|unity|caretaker)$/i.test(
        head,
      )
    ) {
      // a leader's administration keeps its name, as the annotations do ("Saca Administration" beside "GOES")
      if (lastLower === 'administration')
        return { type: 'ORGANIZATION', name: `${properCase(words.slice(0, -1).join(' '))} Administration` };
      return { type: 'ORGANIZATION', name: governmentName(countries[0]) };
    }
    return lastLower === 'administration' && words.length === 1 ? null : undefined;
  }
  if (type === 'PERSON' && /^(?:administration|government)$/i.test(t)) return null;
  // "the White House", "the Kremlin" said: the seat stands for the office, whatever the tagger read
  if (type === 'PLACE' && SEATS_OF_GOVERNMENT.has(t.replace(/^the /i, '').toLowerCase()))
    return { type: 'ORGANIZATION', name: t === t.toUpperCase() ? properCase(t) : t.replace(/^the /i, '') };
  // "North", "the South": a direction, not one place (the North of Korea, of Sudan, of Italy)
  if (type !== 'PERSON' && COMPASS_POINTS.test(t)) return null;
  // "Supreme Court", "Senate", "Central Bank": every country has one — the one of the cable's country
  if (type === 'ORGANIZATION' && countries[0] && countries[0] !== 'US') {
    const g = t.replace(/^the /i, '');
    const gl = g.toLowerCase();
    // "the Socialists", "Socialist", "Labour": every country has such a party — the one of the cable's country
    const party = PARTY_WORDS.get(gl.replace(/ party$/, ''));
    if (party) return { type: 'ORGANIZATION', name: `${party} (${COUNTRY_NAME().get(countries[0]) ?? countries[0]})` };
    if (
      GENERIC_INSTITUTIONS.has(gl) ||
      (/^ministry of (?:the )?[a-z]/i.test(g) &&
        g.split(' ').length <= 6 &&
        !/\b(?:affairs of|of the [A-Z][a-z]+ (?:republic|kingdom))\b/i.test(g))
    ) {
      const name =
        g === g.toUpperCase() || g === gl
          ? g
              .toLowerCase()
              .replace(/\b[a-z]/g, (c) => c.toUpperCase())
              .replace(/\b(Of|The|And|For)\b/g, (w) => w.toLowerCase())
          : g;
      return { type: 'ORGANIZATION', name: `${name} (${COUNTRY_NAME().get(countries[0]) ?? countries[0]})` };
    }
  }
  // a people or nationality is no person ("Kyrgyz", "Kazakh") nor organization ("the Basque region")
  if (type === 'ORGANIZATION' && words.length === 1 && (DEMONYMS.has(lastLower) || ETHNIC_GROUPS.has(lastLower)))
    return null;
  if (
    type === 'PERSON' &&
    words.length === 1 &&
    (DEMONYMS.has(lastLower) || PEOPLES.has(lastLower) || ETHNIC_GROUPS.has(lastLower))
  )
    return null;
  return undefined;
}

/** Monarchies called "the Kingdom" in their cables (ISO and FIPS codes, where they do not collide). */
const KINGDOMS = new Set([
  'SA',
  'JO',
  'MA',
  'BH',
  'GB',
  'UK',
  'ES',
  'SP',
  'NL',
  'BE',
  'SE',
  'SW',
  'NO',
  'DK',
  'DA',
  'TH',
  'KH',
  'CB',
  'BT',
]);
/** An all-upper-case name in title case ("JEAN-DAVID LEVITTE" → "Jean-David Levitte"); other names as they are. */
export function properCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  const lower = s.toLowerCase();
  let out = '';
  for (let q = 0; q < lower.length; q++) {
    const ch = lower.charCodeAt(q);
    const p = q === 0 ? -1 : lower.charCodeAt(q - 1);
    // a letter at the start or after white space, an apostrophe or a hyphen
    out +=
      ch >= 97 && ch <= 122 && (p === -1 || p === 39 || p === 45 || isSpace(p))
        ? String.fromCharCode(ch - 32)
        : lower[q];
  }
  return out;
}

/** Institutions every country has, named alike: without a country they name the cable's country's own. */
const NAMED_POST =
  /^(?:U\.?S\.? )?(Embassy|Consulate General|Consulate) ((?!(?:Of|In|To|And|Officials?|Staff|Officers?|Personnel|Team|Country|Security|Contacts?|Employees?|Section|Community)\b)[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,2})$/;
/** Buildings named for the office they house, one node whether read as the place or the office. */
const SEATS_OF_GOVERNMENT = new Set([
  'white house',
  'kremlin',
  'elysee',
  'élysée',
  'matignon',
  'blue house',
  'downing street',
]);
const COMPASS_POINTS = /^(?:the )?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)$/i;
/** Party names every country has, by the word they go by ("Socialists", "Labour"): the party's name. */
const PARTY_WORDS = new Map<string, string>(
  (
    [
      ['Socialist Party', ['socialist', 'socialists']],
      ['Communist Party', ['communist', 'communists']],
      ['Conservative Party', ['conservative', 'conservatives']],
      ['Liberal Party', ['liberal', 'liberals']],
      ['Labour Party', ['labour', 'labor']],
      ['Green Party', ['green', 'greens']],
      ['Social Democratic Party', ['social democrat', 'social democrats', 'social democratic']],
      ['Christian Democratic Party', ['christian democrat', 'christian democrats', 'christian democratic']],
    ] as const
  ).flatMap(([name, words]) => words.map((w) => [w, name] as const)),
);
const GENERIC_INSTITUTIONS = new Set([
  // the head of state's office by its building: Kabul's, Rabat's, Sanaa's and Bangkok's "Palace" were one node
  'palace',
  'presidential palace',
  'royal palace',
  'royal court',
  'supreme court',
  'constitutional court',
  'high court',
  'court of appeal',
  'court of appeals',
  'national assembly',
  'parliament',
  'senate',
  'chamber of deputies',
  'lower house',
  'upper house',
  'central bank',
  'air force',
  'navy',
  'army',
  'armed forces',
  'national police',
  'police',
  'federal police',
  'cabinet',
  'council of ministers',
  'constitutional council',
  'electoral commission',
  'election commission',
  'national electoral commission',
  'independent electoral commission',
  'electoral tribunal',
  'supreme electoral tribunal',
  'prosecutor general',
  "prosecutor general's office",
  'public prosecutor',
  "public prosecutor's office",
  'customs',
  'coast guard',
  'border guard',
  'border police',
  'presidency',
  "prime minister's office",
  'intelligence service',
  'state security',
]);

/** "Government of Spain"; the United States and United Kingdom as resolution names them from USG/HMG. */
export function governmentName(cc: string): string {
  if (cc === 'US') return 'United States Government';
  if (cc === 'GB') return 'Government of the United Kingdom';
  return `Government of ${COUNTRY_NAME().get(cc) ?? cc}`;
}
