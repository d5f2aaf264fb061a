// Facts: State Department TAGS subject codes and FIPS 10-4 country codes.
/** Facts: State Department TAGS subject codes and FIPS 10-4 country codes. */
export const SUBJECT_TAGS: Record<string, string> = {
  PREL: 'External Political Relations', PGOV: 'Internal Governmental Affairs', PHUM: 'Human Rights',
  PINR: 'Intelligence', PINS: 'National Security', PTER: 'Terrorists and Terrorism', PROP: 'Propaganda and Psychological Operations',
  PINT: 'Internal Political Affairs', POL: 'Political Affairs', PARM: 'Arms Controls and Disarmament', PBTS: 'Boundary and Territorial Sovereignty',
  PREF: 'Refugees', PMIL: 'Political-Military Affairs', PNAT: 'National Independence', PORG: 'Policy Relations with International Organizations',
  POLM: 'Political-Military', PEPR: 'Economic-Political Relations', PGIV: 'Internal Governmental Affairs (typo)', PHSA: 'High Seas Affairs',
  PDIP: 'Diplomatic Relations', PDEM: 'Democratization', PARTY: 'Political Parties', POLINT: 'Political Intelligence',
  ECON: 'Economic Conditions', ETRD: 'Foreign Trade', EFIN: 'Financial and Monetary Affairs', EAID: 'Foreign Economic Assistance',
  EINV: 'Foreign Investments', ENRG: 'Energy and Power', EPET: 'Petroleum and Natural Gas', EAGR: 'Agriculture and Forestry',
  ELAB: 'Labor Sites and Affairs', EIND: 'Industry and Manufacturing', EMIN: 'Minerals and Metals', EWWT: 'Waterborne Transportation',
  EAIR: 'Aviation', ECPS: 'Communications and Postal Systems', ETTC: 'Trade and Technology Controls', EUN: 'European Union',
  ELTN: 'Land Transportation', ECIN: 'Economic Integration', EFIS: 'Commercial Fishing', BEXP: 'Business Export Promotion',
  BTIO: 'Business and Trade Information', CASC: 'Assistance to Citizens', CVIS: 'Visas', CMGT: 'Consular Management',
  KPAO: 'Public Affairs Office', KDEM: 'Democratization', KJUS: 'Justice', KCRM: 'Criminal Activity', KTFN: 'Terrorism Financing',
  KNNP: 'Nuclear Nonproliferation', KISL: 'Islamic Affairs', KPAL: 'Palestinian Affairs', KWMN: 'Women', KTIP: 'Trafficking in Persons',
  KCOR: 'Corruption', KMDR: 'Media Reaction Reporting', KIRF: 'International Religious Freedom', KSUM: 'Summit Meetings',
  KPKO: 'Peacekeeping Operations', KOLY: 'Olympics', SNAR: 'Narcotics', SOCI: 'Social Conditions', SENV: 'Environmental Affairs',
  SMIG: 'Migration', SCUL: 'Cultural Affairs', SHUM: 'Human Rights (social)', TBIO: 'Biotechnology', TSPL: 'Science and Technology Policy',
  TSPA: 'Space Activities', TNGD: 'Technology and Nuclear', TRGY: 'Energy Technology', MARR: 'Military and Defense Arrangements',
  MOPS: 'Military Operations', MASS: 'Military Assistance and Sales', MCAP: 'Military Capabilities', MNUC: 'Military Nuclear Applications',
  AORC: 'International Organizations and Conferences', AMGT: 'Management', APER: 'Personnel', ASEC: 'Security', AFIN: 'Financial Management',
  ABUD: 'Budget', ADPM: 'Diplomatic Privileges', OVIP: 'Visits of Important Persons', OREP: 'Congressional Travel', OTRA: 'Travel',
  OEXC: 'Educational and Cultural Exchange', OIIP: 'International Information Programs', OPDC: 'Diplomatic Couriers', ODIP: 'Diplomatic Representation',
  KFRD: 'Fraud', KCFE: 'Conventional Forces in Europe', KSEP: 'Security and Environment Policy', KIPR: 'Intellectual Property Rights',
  KHIV: 'HIV/AIDS', KFLU: 'Avian and Pandemic Influenza', KHLS: 'Homeland Security', KWBG: 'West Bank and Gaza', KSCA: 'Science and Technology',
  KGIC: 'Global Issues', KPRP: 'Proliferation', KACT: 'Arms Control Treaties', KSTC: 'Strategic Trade Controls', KCIP: 'Critical Infrastructure Protection',
  KVPR: 'Visa Policy', KPOW: 'Prisoners of War', KOMC: 'Maritime', KMPI: 'Middle East Partnership Initiative', KIRC: 'International Religious Freedom',
  KBIO: 'Biological Weapons', KCHG: 'Chemical Weapons', KTEX: 'Textiles', KMCA: 'Millennium Challenge Account', KGHG: 'Greenhouse Gases',
  KCRS: 'Crisis Management', KLIG: 'Litigation', KAWC: 'Atrocities and War Crimes', KPLS: 'Polls', KNAR: 'Narcotics', KHDP: 'Humanitarian Demining',
  KSAF: 'Security Assistance', KAWK: 'Weapons', KFIN: 'Financial', KTDB: 'Trade Data', KUNR: 'UN Reform', KWAC: 'War Crimes', KPIR: 'Piracy',
  KPWR: 'Power', KMOC: 'Memorandum of Conversation', KSPR: 'Speeches', KZLS: 'Zero Line Statistics', KRVC: 'Revocation', KGCC: 'Gulf Cooperation Council',
  KIDE: 'Identity', KBTS: 'Border and Territorial', KREF: 'Refugees', KNEI: 'Near East Initiative', KMRS: 'Mission Reporting', KOCI: 'Children',
  KSCI: 'Science', KTIA: 'Trafficking', KGIT: 'Global Information Technology', KPIN: 'Political', KCOM: 'Commerce', KMSG: 'Messages',
  KDRG: 'Drugs', KERG: 'Energy', KIRP: 'Intellectual Property', KTBT: 'Comprehensive Test Ban Treaty',
  MTCRE: 'Missile Technology Control Regime', MTCR: 'Missile Technology Control Regime', UNO: 'United Nations Organization', KRAD: 'Radiological', OPRC: 'Public Relations and Correspondence',
  UNMIK: 'UN Interim Administration Mission in Kosovo', CJAN: 'Justice and Anti-Narcotics', INRB: 'INR Bureau', PSOE: 'Spanish Socialist Workers Party', USEU: 'US Mission to the EU',
  UNEP: 'UN Environment Programme', OFDP: 'Foreign Disaster Programs', NPT: 'Nuclear Non-Proliferation Treaty', IMO: 'International Maritime Organization', PSI: 'Proliferation Security Initiative',
  GTMO: 'Guantanamo', AEMR: 'Emergency Planning', MEPP: 'Middle East Peace Process', ECUN: 'Economic UN Affairs', PBIO: 'Biographic Information', ABLD: 'Buildings',
  ICAO: 'International Civil Aviation Organization', CIA: 'Central Intelligence Agency', MASC: 'Military Assistance', AEC: 'Atomic Energy Commission', WMO: 'World Meteorological Organization',
  OVP: 'Office of the Vice President', ENVR: 'Environment', KDEV: 'Development', AGMT: 'Agrement', KNUC: 'Nuclear', FMLN: 'Farabundo Marti National Liberation Front',
  MCC: 'Millennium Challenge Corporation', TFIN: 'Terrorism Finance', EINT: 'Economic Internet', ETRA: 'Trade (typo of ETRD)', EREL: 'Economic Relations', MAPP: 'Military Appropriations',
  MPOS: 'Military Posture', PINL: 'International Law', FINR: 'Finance',
  UNGA: 'UN General Assembly', UNSC: 'UN Security Council', IAEA: 'International Atomic Energy Agency',
  NATO: 'North Atlantic Treaty Organization', ASEAN: 'Association of Southeast Asian Nations', OSCE: 'Organization for Security and Co-operation in Europe',
  UN: 'United Nations', AU: 'African Union', OAS: 'Organization of American States', WTO: 'World Trade Organization', OPEC: 'OPEC',
  ECOWAS: 'Economic Community of West African States', SADC: 'Southern African Development Community', APEC: 'Asia-Pacific Economic Cooperation',
  IMF: 'International Monetary Fund', IBRD: 'World Bank', OECD: 'OECD', EU: 'European Union', CSCE: 'Conference on Security and Co-operation in Europe',
  UNHRC: 'UN Human Rights Council', UNESCO: 'UNESCO', ICJ: 'International Court of Justice', ICTY: 'International Criminal Tribunal for the former Yugoslavia',
  EEC: 'European Economic Community', SEATO: 'Southeast Asia Treaty Organization', CENTO: 'Central Treaty Organization', OAU: 'Organization of African Unity',
};

/** Organization codes among the tags (kind `organization`). */
export const ORG_TAGS = new Set(['MTCRE', 'MTCR', 'UNO', 'UNMIK', 'UNEP', 'IMO', 'ICAO', 'CIA', 'WMO', 'USEU', 'FMLN', 'PSOE', 'MCC', 'EUN', 'UNGA', 'UNSC', 'IAEA', 'NATO', 'ASEAN', 'OSCE', 'UN', 'AU', 'OAS', 'WTO', 'OPEC', 'ECOWAS', 'SADC', 'APEC',
  'IMF', 'IBRD', 'OECD', 'EU', 'CSCE', 'UNHRC', 'UNESCO', 'ICJ', 'ICTY', 'EEC', 'SEATO', 'CENTO', 'OAU']);

/** FIPS 10-4 country codes (as used in State Department TAGS), plus regional codes. */
export const COUNTRY_TAGS: Record<string, string> = {
  AF: 'Afghanistan', AL: 'Albania', AG: 'Algeria', AN: 'Andorra', AO: 'Angola', AC: 'Antigua and Barbuda', AR: 'Argentina', AM: 'Armenia',
  AS: 'Australia', AU: 'Austria', AJ: 'Azerbaijan', BF: 'Bahamas', BA: 'Bahrain', BG: 'Bangladesh', BB: 'Barbados', BO: 'Belarus', BE: 'Belgium',
  BH: 'Belize', BN: 'Benin', BT: 'Bhutan', BL: 'Bolivia', BK: 'Bosnia and Herzegovina', BC: 'Botswana', BR: 'Brazil', BX: 'Brunei', BU: 'Bulgaria',
  UV: 'Burkina Faso', BM: 'Burma', BY: 'Burundi', CB: 'Cambodia', CM: 'Cameroon', CA: 'Canada', CV: 'Cape Verde', CT: 'Central African Republic',
  CD: 'Chad', CI: 'Chile', CH: 'China', CO: 'Colombia', CN: 'Comoros', CF: 'Congo (Brazzaville)', CG: 'Congo (Kinshasa)', CS: 'Costa Rica',
  IV: "Cote d'Ivoire", HR: 'Croatia', CU: 'Cuba', CY: 'Cyprus', EZ: 'Czech Republic', DA: 'Denmark', DJ: 'Djibouti', DO: 'Dominica',
  DR: 'Dominican Republic', EC: 'Ecuador', EG: 'Egypt', ES: 'El Salvador', EK: 'Equatorial Guinea', ER: 'Eritrea', EN: 'Estonia', ET: 'Ethiopia',
  FJ: 'Fiji', FI: 'Finland', FR: 'France', GB: 'Gabon', GA: 'Gambia', GG: 'Georgia', GM: 'Germany', GH: 'Ghana', GR: 'Greece', GJ: 'Grenada',
  GT: 'Guatemala', GV: 'Guinea', PU: 'Guinea-Bissau', GY: 'Guyana', HA: 'Haiti', HO: 'Honduras', HK: 'Hong Kong', HU: 'Hungary', IC: 'Iceland',
  IN: 'India', ID: 'Indonesia', IR: 'Iran', IZ: 'Iraq', EI: 'Ireland', IS: 'Israel', IT: 'Italy', JM: 'Jamaica', JA: 'Japan', JO: 'Jordan',
  KZ: 'Kazakhstan', KE: 'Kenya', KR: 'Kiribati', KN: 'North Korea', KS: 'South Korea', KV: 'Kosovo', KU: 'Kuwait', KG: 'Kyrgyzstan', LA: 'Laos',
  LG: 'Latvia', LE: 'Lebanon', LT: 'Lesotho', LI: 'Liberia', LY: 'Libya', LS: 'Liechtenstein', LH: 'Lithuania', LU: 'Luxembourg', MC: 'Macau',
  MK: 'Macedonia', MA: 'Madagascar', MI: 'Malawi', MY: 'Malaysia', MV: 'Maldives', ML: 'Mali', MT: 'Malta', RM: 'Marshall Islands', MR: 'Mauritania',
  MP: 'Mauritius', MX: 'Mexico', FM: 'Micronesia', MD: 'Moldova', MN: 'Monaco', MG: 'Mongolia', MJ: 'Montenegro', MO: 'Morocco', MZ: 'Mozambique',
  WA: 'Namibia', NR: 'Nauru', NP: 'Nepal', NL: 'Netherlands', NZ: 'New Zealand', NU: 'Nicaragua', NG: 'Niger', NI: 'Nigeria', NO: 'Norway',
  MU: 'Oman', PK: 'Pakistan', PS: 'Palau', PM: 'Panama', PP: 'Papua New Guinea', PA: 'Paraguay', PE: 'Peru', RP: 'Philippines', PL: 'Poland',
  PO: 'Portugal', QA: 'Qatar', RO: 'Romania', RS: 'Russia', RW: 'Rwanda', SC: 'Saint Kitts and Nevis', ST: 'Saint Lucia', VC: 'Saint Vincent and the Grenadines',
  WS: 'Samoa', SM: 'San Marino', TP: 'Sao Tome and Principe', SA: 'Saudi Arabia', SG: 'Senegal', RI: 'Serbia', SR: 'Serbia', SE: 'Seychelles', SL: 'Sierra Leone',
  SN: 'Singapore', LO: 'Slovakia', SI: 'Slovenia', BP: 'Solomon Islands', SO: 'Somalia', SF: 'South Africa', SP: 'Spain', CE: 'Sri Lanka', SU: 'Sudan',
  NS: 'Suriname', WZ: 'Swaziland', SW: 'Sweden', SZ: 'Switzerland', SY: 'Syria', TW: 'Taiwan', TI: 'Tajikistan', TZ: 'Tanzania', TH: 'Thailand',
  TT: 'Timor-Leste', TO: 'Togo', TN: 'Tonga', TD: 'Trinidad and Tobago', TS: 'Tunisia', TU: 'Turkey', TX: 'Turkmenistan', TV: 'Tuvalu', UG: 'Uganda',
  UP: 'Ukraine', AE: 'United Arab Emirates', TC: 'United Arab Emirates', UK: 'United Kingdom', US: 'United States', UY: 'Uruguay', UZ: 'Uzbekistan',
  NH: 'Vanuatu', VT: 'Holy See', VE: 'Venezuela', VM: 'Vietnam', YM: 'Yemen', ZA: 'Zambia', ZI: 'Zimbabwe', WE: 'West Bank', GZ: 'Gaza Strip',
  WI: 'Western Sahara', PQ: 'Panama Canal Zone', YO: 'Yugoslavia', UR: 'Soviet Union', GE: 'East Germany', GC: 'East Germany', VS: 'South Vietnam',
  VN: 'North Vietnam', YS: 'South Yemen', RQ: 'Puerto Rico', GI: 'Gibraltar', GL: 'Greenland', CW: 'Cook Islands', NC: 'New Caledonia',
  FP: 'French Polynesia', BD: 'Bermuda', CJ: 'Cayman Islands', AV: 'Anguilla', NT: 'Netherlands Antilles', AA: 'Aruba', RE: 'Reunion',
  RU: 'Russia (non-FIPS)', YI: 'Serbia and Montenegro', VZ: 'Venezuela (non-FIPS)', IQ: 'Iraq (non-FIPS)', ZB: 'Regional (Balkans)', ZF: 'Regional', ZU: 'Regional', JP: 'Japan (non-FIPS)', YE: 'Yemen (non-FIPS)', IO: 'British Indian Ocean Territory',
  XA: 'Asia', XB: 'South Asia', XC: 'Southeast Asia', XD: 'Middle East', XE: 'Europe', XF: 'Middle East (Arab)', XG: 'Europe', XH: 'Eastern Europe',
  XI: 'Latin America', XJ: 'Africa', XK: 'Horn of Africa', XL: 'Caribbean', XM: 'Latin America', XN: 'Near East', XO: 'Indian Ocean',
  XP: 'Pacific', XQ: 'Caribbean', XR: 'Arctic', XS: 'South Asia', XT: 'Central Asia', XU: 'Atlantic', XV: 'Arab World', XW: 'Sub-Saharan Africa',
  XX: 'Unspecified', XY: 'Sahel', XZ: 'Worldwide', ZK: 'Caucasus', ZR: 'Zaire', ZP: 'Palestinian Territories',
};

/** Personal names that appear as TAGS (2009–2010 cables tag visitors by name). */
export const PERSON_TAGS = new Set(['BIDEN', 'CLINTON', 'OBAMA', 'STEINBERG', 'HOLBROOKE', 'MITCHELL', 'PETRAEUS', 'RICE', 'ZOELLICK', 'BUSH', 'CHENEY', 'GATES', 'NEGROPONTE', 'BURNS']);

/**
 * Given names, to read person tags written `SURNAME GIVEN` or `SURNAME, GIVEN` (2009–2010 cables tag
 * visitors by name: `OVIP (CLINTON, HILLARY)`, `BIDEN JOSEPH`).
 */
export const GIVEN_NAMES = new Set([
  'HILLARY', 'JOSEPH', 'JAMES', 'ROBERT', 'CONDOLEEZZA', 'GEORGE', 'JOHN', 'JOHNNIE', 'BARACK', 'RICHARD', 'WILLIAM', 'DAVID',
  'MICHAEL', 'THOMAS', 'CHARLES', 'DANIEL', 'PAUL', 'MARK', 'DONALD', 'STEVEN', 'STEPHEN', 'ANDREW', 'KENNETH', 'JOSHUA',
  'KEVIN', 'BRIAN', 'EDWARD', 'RONALD', 'TIMOTHY', 'JASON', 'JEFFREY', 'GARY', 'NICHOLAS', 'ERIC', 'JONATHAN', 'LARRY',
  'JUSTIN', 'SCOTT', 'FRANK', 'BRANDON', 'RAYMOND', 'GREGORY', 'SAMUEL', 'BENJAMIN', 'PATRICK', 'JACK', 'DENNIS', 'JERRY',
  'ALEXANDER', 'TYLER', 'DOUGLAS', 'HENRY', 'PETER', 'WALTER', 'KYLE', 'HAROLD', 'CARL', 'ARTHUR', 'GERALD', 'ROGER', 'KEITH',
  'JEREMY', 'LAWRENCE', 'SEAN', 'CHRISTIAN', 'ALBERT', 'JOE', 'ETHAN', 'AUSTIN', 'JESSE', 'WILLIE', 'BILLY', 'BRUCE', 'RALPH',
  'BRYAN', 'ROY', 'EUGENE', 'LOUIS', 'WAYNE', 'ALAN', 'PHILIP', 'RUSSELL', 'BOBBY', 'VICTOR', 'MARTIN', 'ERNEST', 'PHILLIP',
  'CRAIG', 'ALLEN', 'STANLEY', 'LEON', 'NANCY', 'MARY', 'PATRICIA', 'LINDA', 'BARBARA', 'ELIZABETH', 'JENNIFER', 'MARIA',
  'SUSAN', 'MARGARET', 'DOROTHY', 'LISA', 'KAREN', 'BETTY', 'HELEN', 'SANDRA', 'DONNA', 'CAROL', 'RUTH', 'SHARON', 'MICHELLE',
  'LAURA', 'SARAH', 'KIMBERLY', 'DEBORAH', 'JESSICA', 'SHIRLEY', 'CYNTHIA', 'ANGELA', 'MELISSA', 'BRENDA', 'AMY', 'ANNA',
  'REBECCA', 'VIRGINIA', 'KATHLEEN', 'PAMELA', 'MARTHA', 'DEBRA', 'AMANDA', 'STEPHANIE', 'CAROLYN', 'CHRISTINE', 'JANET',
  'CATHERINE', 'FRANCES', 'ANN', 'JOYCE', 'DIANE', 'ALICE', 'JULIE', 'HEATHER', 'TERESA', 'DORIS', 'GLORIA', 'EVELYN',
  'JEAN', 'CHERYL', 'MILDRED', 'KATHERINE', 'JOAN', 'ASHLEY', 'JUDITH', 'ROSE', 'JANICE', 'KELLY', 'NICOLE', 'JUDY',
  'MADELEINE', 'CONDOLEEZA', 'COLIN', 'DICK', 'HUGO', 'EVO', 'RAFAEL', 'NICOLAS', 'GERARD', 'GUILLERMO', 'PEDRO', 'GASPAR',
  'JUAN', 'JOSE', 'LUIS', 'CARLOS', 'JORGE', 'MANUEL', 'FRANCISCO', 'ANTONIO', 'MIGUEL', 'ALVARO', 'FELIPE', 'RICARDO',
  'FERNANDO', 'ALBERTO', 'ROBERTO', 'EDUARDO', 'SERGIO', 'RAUL', 'FIDEL', 'DANIELA', 'CRISTINA', 'MICHELLE', 'HAMID',
  'ASIF', 'NAWAZ', 'PERVEZ', 'MAHMOUD', 'NICOLAS', 'VLADIMIR', 'DMITRY', 'ANGELA', 'SILVIO', 'GORDON', 'TONY', 'KOFI', 'BAN',
  'XAVIER', 'NELSON', 'JACOB', 'THABO', 'ROBERT', 'MORGAN', 'ARIEL', 'EHUD', 'BINYAMIN', 'BENJAMIN', 'SHIMON', 'TZIPI',
  'JAVIER', 'JOSEP', 'MARIANO', 'KURT', 'CHUCK', 'NEWT', 'NANCY', 'HARRY', 'MITCH', 'TED', 'ARLEN', 'LINDSEY', 'JOHNNY',
  'STUART', 'WENDY', 'ROSEMARY', 'KRISTIE', 'DENNIS', 'HOWARD', 'ERIN', 'KAY', 'RAHM',
]);

/** Tags of more than one word (programs and themes), as the corpus writes them. */
export const PROGRAM_TAGS = new Set([
  'GAZA DISENGAGEMENT', 'ISRAELI PALESTINIAN AFFAIRS', 'COUNTERTERRORISM', 'GOI EXTERNAL', 'GOI INTERNAL', 'POLITICAL PARTIES',
  'MEDIA REACTION', 'USEU BRUSSELS', 'POLITICS FOREIGN POLICY', 'MILITARY RELATIONS', 'ISRAEL RELATIONS', 'COUNTRY CLEARANCE',
  'NEW ZEALAND', 'MEETINGS WITH AMBASSADOR', 'DOMESTIC POLITICS', 'ITALIAN POLITICS', 'ITALY NATIONAL ELECTIONS',
  'IRAQI FREEDOM', 'ECONOMY AND FINANCE', 'GLOBAL DEFENSE', 'CONSULAR AFFAIRS', 'ECONOMIC AFFAIRS', 'HUMAN RIGHTS',
  'ORGANIZED CRIME', 'INTERPOL', 'ENERGY SECURITY', 'AVIAN INFLUENZA', 'CLIMATE CHANGE', 'TRAFFICKING IN PERSONS',
  'NONPROLIFERATION', 'PEACE PROCESS', 'SIX PARTY TALKS', 'HUMAN RIGHTS WATCH', 'WAR ON TERROR',
]);

/** Known misspellings of tags and their corrections (several codes are separated by spaces). */
export const TAG_MISSPELLINGS: Record<string, string> = {
  POGOV: 'PGOV', PGOVE: 'PGOV', PGOC: 'PGOV', PGV: 'PGOV', PGIV: 'PGOV', PRELL: 'PREL', PERL: 'PREL', PRL: 'PREL', PRELS: 'PREL',
  MOPPS: 'MOPS', KWWMN: 'KWMN', UNDESCO: 'UNESCO', UNFCYP: 'UNFICYP', ETRA: 'ETRD', ECONN: 'ECON', EFINN: 'EFIN', PHUMM: 'PHUM',
  PTERR: 'PTER', PTERM: 'PTER', KTFIN: 'KTFN', KNPP: 'KNNP', KNNNP: 'KNNP', SNARR: 'SNAR', MARRR: 'MARR', PINRR: 'PINR',
  RU: 'RS', SYR: 'SY', 'COUNTER TERRORISM': 'COUNTERTERRORISM', POLMIL: 'POL MIL',
};
