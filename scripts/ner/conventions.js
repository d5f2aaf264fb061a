#!/usr/bin/env node
/**
 * Checks the annotated set against the boundary and naming conventions decided in the sixth and
 * seventh sessions (README "Conventions"), and writes the mechanical fixes as a `lines.js` batch of
 * `#C` blocks:
 *
 *   node scripts/ner/conventions.js [--cache /tmp/texts.json] [--examples 3] [--batch OUT.txt]
 *                                   [--class gov|adj|routing|ministry|namedgov|govname|embassy]
 *
 *   gov      "the Iraqi government", "U.S. government", "Pakistan government": a nationality
 *            adjective or a country name before "government" (one government, singular) is one
 *            ORGANIZATION span, the country's government ("Government of Iraq"), like "Syrian
 *            Government" and "Maliki government".
 *   adj      a nationality adjective right before an ORGANIZATION span of a body with a capitalized
 *            generic name ("Turkish [Parliament]", "Honduran [Congress]") belongs to the span.
 *            Not inside a title ("Afghan [Interior] Minister": the ministry named inside a title
 *            stays the one word the set tags).
 *   routing  routing addresses "AMEMBASSY X", "AMCONSUL X", "USMISSION X" are one ORGANIZATION, the
 *            US post ("US Embassy Paris"), like "Embassy Nairobi"; the city alone is not tagged there.
 *   ministry (seventh session) a nationality adjective or attributive country name right before a
 *            ministry's name belongs to the span in every form of the name: "Yemeni Ministry of
 *            Defense", "Algerian Defense Ministry", as "Argentine Foreign Ministry" (adj above).
 *   namedgov (seventh session) a government named after its leader, its ruling party or coalition,
 *            or a place ("the Ortega government", "the AKP government", "the Kano State government")
 *            is one ORGANIZATION span, not the person, party or place plus a word.
 *   govname  (seventh session) a country's government is named "Government of X" (X as the set names
 *            the country; "United States Government"): no acronym in brackets, no long official form.
 *   embassy  (seventh session, a check: no fixes) "Embassy X" with the post's city is one ORGANIZATION;
 *            in "the German Embassy in Skopje" the embassy is "German Embassy" and the city a PLACE.
 *
 * Prints per class: occurrences that follow the convention, occurrences that break it, with contexts.
 * --batch writes, for every file with a break, the file's lines (`lines.js --dump`) with the fix
 * applied (a form added to the entity the file already has, or a new entity) and a `#C` note, to
 * be read over and applied with `node scripts/ner/lines.js OUT.txt`. Needs `npm run build`.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ANNOTATION_DIR, parsedCable, sha1 } = require('./lib');
const { skipRegions } = require('./spans');
const { opt } = require('../lib/cli-args');

const CACHE = opt('--cache', null);
const EXAMPLES = Number(opt('--examples', '3'));
const BATCH = opt('--batch', null);
const ONLY = opt('--class', null);

/** Nationality adjectives (and attributive country names) of the set's texts → the country. */
const COUNTRY = {
  Afghan: 'Afghanistan',
  Afghanistan: 'Afghanistan',
  Albanian: 'Albania',
  Algerian: 'Algeria',
  Argentine: 'Argentina',
  Argentinian: 'Argentina',
  Armenian: 'Armenia',
  Australian: 'Australia',
  Austrian: 'Austria',
  Azerbaijani: 'Azerbaijan',
  Azeri: 'Azerbaijan',
  Bahraini: 'Bahrain',
  Bangladeshi: 'Bangladesh',
  Belarusian: 'Belarus',
  Belgian: 'Belgium',
  Bolivian: 'Bolivia',
  Bosnian: 'Bosnia and Herzegovina',
  Brazilian: 'Brazil',
  British: 'United Kingdom',
  UK: 'United Kingdom',
  Bulgarian: 'Bulgaria',
  Burmese: 'Burma',
  Cameroonian: 'Cameroon',
  Canadian: 'Canada',
  Chadian: 'Chad',
  Chechen: 'Chechnya',
  Chilean: 'Chile',
  Chinese: 'China',
  PRC: 'China',
  Colombian: 'Colombia',
  Congolese: 'Democratic Republic of the Congo',
  Croatian: 'Croatia',
  Cuban: 'Cuba',
  Cypriot: 'Cyprus',
  Czech: 'Czech Republic',
  Danish: 'Denmark',
  Djiboutian: 'Djibouti',
  Dutch: 'Netherlands',
  Ecuadorian: 'Ecuador',
  Egyptian: 'Egypt',
  Emirati: 'United Arab Emirates',
  Eritrean: 'Eritrea',
  Estonian: 'Estonia',
  Ethiopian: 'Ethiopia',
  Finnish: 'Finland',
  French: 'France',
  Georgian: 'Georgia',
  German: 'Germany',
  GERMAN: 'Germany',
  Ghanaian: 'Ghana',
  Greek: 'Greece',
  Guatemalan: 'Guatemala',
  Guinean: 'Guinea',
  Haitian: 'Haiti',
  Honduran: 'Honduras',
  Hungarian: 'Hungary',
  Icelandic: 'Iceland',
  Indian: 'India',
  Indonesian: 'Indonesia',
  Iranian: 'Iran',
  Iraqi: 'Iraq',
  Irish: 'Ireland',
  Israeli: 'Israel',
  Italian: 'Italy',
  Ivorian: "Cote d'Ivoire",
  Jamaican: 'Jamaica',
  Japanese: 'Japan',
  Jordanian: 'Jordan',
  Kazakh: 'Kazakhstan',
  Kazakhstani: 'Kazakhstan',
  Kenyan: 'Kenya',
  Kosovo: 'Kosovo',
  Kosovar: 'Kosovo',
  Kuwaiti: 'Kuwait',
  Kyrgyz: 'Kyrgyzstan',
  Latvian: 'Latvia',
  Lebanese: 'Lebanon',
  Liberian: 'Liberia',
  Libyan: 'Libya',
  Lithuanian: 'Lithuania',
  Macedonian: 'Macedonia',
  Malaysian: 'Malaysia',
  Malian: 'Mali',
  Maltese: 'Malta',
  Mauritanian: 'Mauritania',
  Mexican: 'Mexico',
  Moldovan: 'Moldova',
  Mongolian: 'Mongolia',
  Montenegrin: 'Montenegro',
  Moroccan: 'Morocco',
  Mozambican: 'Mozambique',
  Namibian: 'Namibia',
  Nepalese: 'Nepal',
  Nicaraguan: 'Nicaragua',
  Nigerian: 'Nigeria',
  Nigerien: 'Niger',
  Norwegian: 'Norway',
  Omani: 'Oman',
  Pakistani: 'Pakistan',
  Pakistan: 'Pakistan',
  Palestinian: 'Palestine',
  Panamanian: 'Panama',
  Paraguayan: 'Paraguay',
  Peruvian: 'Peru',
  Philippine: 'Philippines',
  Polish: 'Poland',
  Portuguese: 'Portugal',
  Qatari: 'Qatar',
  Qatar: 'Qatar',
  Romanian: 'Romania',
  Russian: 'Russia',
  Rwandan: 'Rwanda',
  Salvadoran: 'El Salvador',
  Saudi: 'Saudi Arabia',
  Senegalese: 'Senegal',
  Serbian: 'Serbia',
  SERBIAN: 'Serbia',
  Singaporean: 'Singapore',
  Slovak: 'Slovakia',
  Slovenian: 'Slovenia',
  Somali: 'Somalia',
  Spanish: 'Spain',
  Lankan: 'Sri Lanka',
  Sudanese: 'Sudan',
  Swedish: 'Sweden',
  Swiss: 'Switzerland',
  Syrian: 'Syria',
  Taiwanese: 'Taiwan',
  Tajik: 'Tajikistan',
  Tanzanian: 'Tanzania',
  Thai: 'Thailand',
  Tunisian: 'Tunisia',
  Turkish: 'Turkey',
  Turkmen: 'Turkmenistan',
  Ugandan: 'Uganda',
  Uganda: 'Uganda',
  Ukrainian: 'Ukraine',
  Uruguayan: 'Uruguay',
  'U.S.': 'United States',
  US: 'United States',
  American: 'United States',
  Uzbek: 'Uzbekistan',
  Venezuelan: 'Venezuela',
  Vietnamese: 'Vietnam',
  Yemeni: 'Yemen',
  Zambian: 'Zambia',
  Zimbabwean: 'Zimbabwe',
};
/** Canonical names the set already uses for some governments (others are "Government of X"). */
const GOV_NAME = {
  'United States': 'United States Government',
  'United Kingdom': 'Government of the United Kingdom',
  'United Arab Emirates': 'Government of the United Arab Emirates',
};
/**
 * Governments named after a leader, party, coalition or place (namedgov): the span's entity name → the
 * government it names, decided by reading each case. A country's government in office is "Government
 * of X"; a past or hypothetical one that the cable sets against the one in office keeps its own name.
 */
const NAMED_GOV = {
  "Workers' Party (PT, Brazil)": 'Government of Brazil',
  'Justice and Development Party (AKP)': 'Government of Turkey',
  Hamas: 'Government of Palestine',
  'Gonzalo Sanchez de Lozada': 'Sanchez de Lozada government', // 2003, in a 2007 cable
  'Alliance for Sweden': 'Government of Sweden',
  'Alliance (Sweden)': 'Government of Sweden',
  'Cristina Fernandez de Kirchner': 'Government of Argentina',
  'Paul Kagame': 'Government of Rwanda',
  'Enrique Bolanos': 'Bolanos government', // the predecessor, set against the Ortega government
  'Daniel Ortega': 'Government of Nicaragua',
  'Conservative Party of Canada': 'Government of Canada',
  'Benjamin Netanyahu': 'Government of Israel',
  'Saad Hariri': 'Saad Hariri government', // a government still to be formed (09CAIRO1349)
  'Jacob Zuma': 'Government of South Africa',
  'Scottish National Party': 'Scottish Government',
  'Mauricio Funes': 'Government of El Salvador',
  'Manmohan Singh': 'Government of India',
  'Kano State': 'Government of Kano State',
  Dubai: 'Government of Dubai',
  Baghdad: 'Government of Iraq',
  'Rio de Janeiro': 'Government of Rio de Janeiro State',
  'South Korea': 'Government of South Korea',
};
/** Spans before "government" that name no one government: a group of states, a government acronym. */
const NOT_NAMED_GOV = /^(European Union|Gulf Cooperation Council|Government of .*|.* Government)$/;
/**
 * The set's long or official names of national governments → "Government of X" (govname). Leader-named
 * governments of the country in office join it too; those the cable sets against it keep their name.
 */
const GOV_RENAME = {
  'Syrian Arab Republic Government': 'Government of Syria',
  'Saudi Arabian Government': 'Government of Saudi Arabia',
  'South African Government': 'Government of South Africa',
  'UAE Government': 'Government of the United Arab Emirates',
  'Republic of Yemen Government': 'Government of Yemen',
  'Royal Thai Government': 'Government of Thailand',
  "Her Majesty's Government": 'Government of the United Kingdom',
  "Her Majesty's Government (United Kingdom)": 'Government of the United Kingdom',
  'Government of the Bolivarian Republic of Venezuela': 'Government of Venezuela',
  'Government of the Islamic Republic of Afghanistan': 'Government of Afghanistan',
  "Government of the People's Republic of China": 'Government of China',
  'Government of the Republic of Korea': 'Government of South Korea',
  'Government of the Republic of Mozambique': 'Government of Mozambique',
  'Government of the Republic of Yemen': 'Government of Yemen',
  'Government of the State of Eritrea': 'Government of Eritrea',
  'Government of Netherlands': 'Government of the Netherlands',
  'Berlusconi Government': 'Government of Italy',
  'Morales government': 'Government of Bolivia',
  'Zapatero government': 'Government of Spain',
  'Tusk Government': 'Government of Poland',
  'Tusk government': 'Government of Poland',
  'Maliki government': 'Government of Iraq',
  'Ahmadinejad government': 'Government of Iran',
  'Funes government': 'Government of El Salvador',
  'Zardari/Gilani government': 'Government of Pakistan',
};
/** Governments that keep a name of their own: sub-national, transitional, past or hypothetical ones. */
const OWN_GOV_NAME =
  /^(Kurdistan Regional Government|Scottish Government|Transitional Federal Government.*|Government of National Unity.*|Provisional Government of Iran|Government of Southern Sudan|Government of (Chechnya|Maharashtra|Rio de Janeiro State|Kano State|Dubai)|Kremlin \(Government of Russia\)|(Kohl|Maskhadov|Mousavi|Raffarin|Villepin|Sarkozy|Bolanos|Sanchez de Lozada|Saad Hariri) [Gg]overnment)$/;
/** The name a government entity should have, or null when it follows the rule (govname). */
function govRename(name) {
  if (GOV_RENAME[name]) return GOV_RENAME[name];
  const bracket =
    /^(Government of .+?|United States Government|Republic of Yemen Government|Royal Thai Government|Her Majesty's Government) \([A-Za-z]+\)$/.exec(
      name,
    );
  if (bracket) return GOV_RENAME[bracket[1]] || bracket[1];
  return null;
}
// Country names used attributively ("the Germany government") count as their adjective does.
for (const country of Object.values(COUNTRY)) COUNTRY[country] ??= country;
const ADJ = Object.keys(COUNTRY)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/[.]/g, '\\.'))
  .join('|');
const GOV_RE = new RegExp(`(?<![\\p{L}\\p{N}.])(${ADJ})\\s+(government|Government|GOVERNMENT)(?![\\p{L}\\p{N}])`, 'gu');
/** Generic capitalized body names that a nationality adjective may precede. */
const BODY =
  /^(Parliament|Congress|Senate|Cabinet|Army|Navy|Air Force|Armed Forces|Police|National Police|Coast Guard|Embassy|Foreign Ministry|Ministry|Supreme Court|Constitutional Court|Presidency|Central Bank|Government|Assembly|National Assembly|Military|Consulate|Red Crescent|Red Cross|Intelligence|Border Guard|Customs|Gendarmerie)$/;
const TITLE_AFTER =
  /^\s*(Minister|Ministers|Secretary|Deputy|Vice|Chief|Commander|Director|Spokesman|Spokesperson|Attache|Counselor|Officer)/;
/** Two-word post names of routing lines; any other post is one word ("AMEMBASSY ANKARA PASS TO ..."). */
const TWO_WORD_POSTS =
  'ST PETERSBURG|ADDIS ABABA|ABU DHABI|KUALA LUMPUR|BUENOS AIRES|SAO PAULO|TEL AVIV|NEW DELHI|THE HAGUE|SAN SALVADOR|SAN JOSE|PORT MORESBY|GUATEMALA CITY|MEXICO CITY|HONG KONG|CAPE TOWN|SANTO DOMINGO|PANAMA CITY|KUWAIT CITY|DAR ES SALAAM|RIO DE JANEIRO|PORT OF SPAIN|PORT AU PRINCE';
const ROUTING_RE = new RegExp(
  `(?<![\\p{L}])(AMEMBASSY|AMCONSUL|USMISSION)\\s+(${TWO_WORD_POSTS}|[A-Z]+)(?![\\p{L}])`,
  'gu',
);
const POST_NAME = { WASHDC: 'Washington', USUN: 'UN' };

const titleCase = (s) =>
  s
    .toLowerCase()
    .split(' ')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');

async function load() {
  const cache = CACHE && fs.existsSync(CACHE) ? JSON.parse(fs.readFileSync(CACHE, 'utf8')) : {};
  const out = [];
  for (const f of fs
    .readdirSync(ANNOTATION_DIR)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const ann = JSON.parse(fs.readFileSync(path.join(ANNOTATION_DIR, f), 'utf8'));
    const cached = cache[ann.id];
    const text = cached && sha1(cached) === ann.textSha1 ? cached : (await parsedCable(ann.id)).text;
    cache[ann.id] = text;
    out.push({ ann, text });
  }
  if (CACHE) fs.writeFileSync(CACHE, JSON.stringify(cache));
  return out;
}

const inSkip = (skips, s, e) => skips.some(([a, b]) => s < b && e > a);
const ctx = (text, s, e) => text.slice(Math.max(0, s - 50), Math.min(text.length, e + 50)).replace(/\s+/g, ' ');

/** How one phrase [s, e) is covered by the file's spans. */
function coverage(spans, s, e) {
  const over = spans.filter((x) => x.start < e && x.end > s);
  if (over.length === 1 && over[0].start === s && over[0].end === e && over[0].type === 'ORGANIZATION') return 'exact';
  if (over.length === 1 && over[0].start <= s && over[0].end >= e && over[0].type === 'ORGANIZATION') return 'inside';
  if (!over.length) return 'none';
  return 'split';
}

const MINISTRY_NAME = /^(?:Ministry\b.*|(?:[A-Z][a-z]+ ){1,3}Ministry)$/;
const isCountryWord = (w) => COUNTRY[w] && !/^(U\.S\.|US|UK|American)$/.test(w);

/** ministry: a nationality adjective (or attributive country name) before a ministry's name. */
function ministryClass(ann, text, spans) {
  const out = [];
  for (const sp of spans) {
    if (sp.type !== 'ORGANIZATION') continue;
    const surface = text.slice(sp.start, sp.end).replace(/\s+/g, ' ');
    const first = surface.split(' ')[0];
    if (
      isCountryWord(first) &&
      MINISTRY_NAME.test(surface.slice(first.length + 1)) &&
      !BODY.test(surface.slice(first.length + 1))
    ) {
      out.push({ id: ann.id, s: sp.start, e: sp.end, form: surface, name: sp.name, cov: 'taken in', ctx: '' });
      continue;
    }
    if (!MINISTRY_NAME.test(surface) || BODY.test(surface)) continue; // "Ministry", "Foreign Ministry": adj class
    const before = /(?:^|[^\p{L}.])([A-Z][a-z]+)[ \t]+$/u.exec(text.slice(Math.max(0, sp.start - 30), sp.start));
    if (!before || !isCountryWord(before[1])) continue;
    const s = sp.start - before[0].length + before[0].indexOf(before[1]);
    const cover = spans.find((x) => x.start < sp.start && x.end > s);
    // An attributive country name tagged as the PLACE ("Pakistan [Defense Ministry]") is left out too.
    if (cover && !(cover.type === 'PLACE' && cover.start === s)) continue;
    out.push({
      id: ann.id,
      s,
      e: sp.end,
      form: text.slice(s, sp.end),
      name: sp.name,
      cov: 'left out',
      ctx: ctx(text, s, sp.end),
    });
  }
  return out;
}

/** namedgov: a span of a leader, party or place followed by a singular "government". */
function namedGovClass(ann, text, spans, skips) {
  const out = [];
  // A "government" word inside a blocked phrase ("NPC Government Work Report", a document) names no government.
  const blocks = [];
  for (const n of ann.nonEntities || [])
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) blocks.push([i, i + n.length]);
  for (const sp of spans) {
    const m = /^\s+(government|Government|GOVERNMENT)(?![\p{L}\p{N}])/u.exec(text.slice(sp.end, sp.end + 14));
    if (m) {
      const word = sp.end + m[0].length - m[1].length;
      if (blocks.some(([s, e]) => s <= word && e >= sp.end + m[0].length)) continue;
      if (NOT_NAMED_GOV.test(sp.name) || inSkip(skips, sp.start, sp.end + m[0].length)) continue;
      const surface = text.slice(sp.start, sp.end);
      if (sp.type === 'PLACE' && isCountryWord(surface.replace(/\s+/g, ' '))) continue; // the gov class
      const e = sp.end + m[0].length;
      out.push({
        id: ann.id,
        s: sp.start,
        e,
        form: text.slice(sp.start, e),
        name: sp.name,
        type: sp.type,
        target: NAMED_GOV[sp.name] || null,
        cov: 'split',
        ctx: ctx(text, sp.start, e),
      });
      continue;
    }
    if (sp.type !== 'ORGANIZATION') continue;
    const surface = text.slice(sp.start, sp.end).replace(/\s+/g, ' ');
    const w = /^(.+) (government|Government|GOVERNMENT)$/.exec(surface);
    if (w && !isCountryWord(w[1]) && !COUNTRY[w[1]])
      out.push({ id: ann.id, s: sp.start, e: sp.end, form: surface, name: sp.name, cov: 'exact', ctx: '' });
  }
  return out;
}

/** embassy: "Embassy X" (X a PLACE name) one ORG span; "[Adj] Embassy in X": the city a PLACE span. */
function embassyClass(ann, text, spans, skips) {
  const out = [];
  for (const m of text.matchAll(/(?<![\p{L}])Embassy(?:[ \t]+in)?[ \t]+(?=[A-Z])/gu)) {
    const s = m.index;
    const cityStart = s + m[0].length;
    const city = spans.find((x) => x.start === cityStart && x.type === 'PLACE');
    const whole = spans.find((x) => x.start <= s && x.end > cityStart && x.type === 'ORGANIZATION');
    const e = city ? city.end : whole ? whole.end : cityStart;
    if (inSkip(skips, s, e) || (!city && !whole)) continue; // "Embassy Compound", "Embassy in November": no post
    const cov = /in[ \t]+$/.test(m[0])
      ? city
        ? 'in X: city a PLACE'
        : 'in X: one ORG span (breaks)'
      : whole
        ? 'Embassy X: one ORG span'
        : 'Embassy X: split (breaks)';
    out.push({ id: ann.id, s, e, form: text.slice(s, e), cov, ctx: ctx(text, s, e) });
  }
  return out;
}

function main(docs) {
  const report = { gov: [], adj: [], routing: [], ministry: [], namedgov: [], govname: [], embassy: [] };
  for (const { ann, text } of docs) {
    const skips = skipRegions(text).map((r) => (Array.isArray(r) ? r : [r.start, r.end]));
    const spans = ann.spans || [];
    if (!ONLY || ONLY === 'gov')
      for (const m of text.matchAll(GOV_RE)) {
        const s = m.index;
        const e = s + m[0].length;
        if (inSkip(skips, s, e)) continue;
        const inBlock = (ann.nonEntities || []).some((n) => {
          const i = text.indexOf(n);
          return i >= 0 && i <= s && i + n.length >= e;
        });
        if (inBlock) continue;
        report.gov.push({
          id: ann.id,
          s,
          e,
          form: m[0],
          country: COUNTRY[m[1]],
          cov: coverage(spans, s, e),
          ctx: ctx(text, s, e),
        });
      }
    // "the government of Libya": lower-case "government of" before a place span, one name as "Government of X".
    if (!ONLY || ONLY === 'gov')
      for (const m of text.matchAll(/(?<![\p{L}])(?:government|Government) of (?:the )?/gu)) {
        const s = m.index;
        const place = spans.find((x) => x.start === s + m[0].length && x.type === 'PLACE');
        const org = spans.find((x) => x.start <= s && x.end > s);
        if (!place && !org) continue;
        const e = place && !org ? place.end : org.end;
        if (inSkip(skips, s, e)) continue;
        const cov = org ? coverage(spans, s, e) : 'split';
        report.gov.push({
          id: ann.id,
          s,
          e,
          form: text.slice(s, e),
          country: place ? place.name : null,
          cov,
          ctx: ctx(text, s, e),
        });
      }
    if (!ONLY || ONLY === 'adj')
      for (const sp of spans) {
        if (sp.type !== 'ORGANIZATION') continue;
        const surface = text.slice(sp.start, sp.end).replace(/\s+/g, ' ');
        const before = /(?:^|[^\p{L}.])([A-Z][a-z]+|U\.S\.|US|UK)\s+$/u.exec(
          text.slice(Math.max(0, sp.start - 30), sp.start),
        );
        const adjFirst = /^([A-Z][a-z]+|U\.S\.|US|UK)\s+(.*)$/.exec(surface);
        const after = text.slice(sp.end, sp.end + 20);
        if (before && COUNTRY[before[1]] && BODY.test(surface) && !/^(U\.S\.|US|UK)$/.test(before[1])) {
          const s = sp.start - before[0].length + before[0].indexOf(before[1]);
          const inSpan = spans.some((x) => x.start < sp.start && x.end > s);
          if (inSpan) continue;
          report.adj.push({
            id: ann.id,
            s,
            e: sp.end,
            form: text.slice(s, sp.end),
            name: sp.name,
            title: TITLE_AFTER.test(after),
            cov: 'left out',
            ctx: ctx(text, s, sp.end),
          });
        } else if (adjFirst && COUNTRY[adjFirst[1]] && BODY.test(adjFirst[2]) && !/^(U\.S\.|US|UK)$/.test(adjFirst[1]))
          report.adj.push({
            id: ann.id,
            s: sp.start,
            e: sp.end,
            form: surface,
            name: sp.name,
            cov: 'taken in',
            ctx: '',
          });
      }
    if (!ONLY || ONLY === 'routing')
      for (const m of text.matchAll(ROUTING_RE)) {
        const s = m.index;
        const e = s + m[0].length;
        report.routing.push({
          id: ann.id,
          s,
          e,
          form: m[0],
          post: m[2],
          cov: coverage(spans, s, e),
          ctx: ctx(text, s, e),
        });
      }
    if (!ONLY || ONLY === 'ministry') report.ministry.push(...ministryClass(ann, text, spans));
    if (!ONLY || ONLY === 'namedgov') report.namedgov.push(...namedGovClass(ann, text, spans, skips));
    if (!ONLY || ONLY === 'govname')
      for (const e of ann.entities) {
        if (e.type !== 'ORGANIZATION' || !/[Gg]overnment/.test(e.name) || OWN_GOV_NAME.test(e.name)) continue;
        if (!/^(Government of |United States Government$)/.test(e.name) && !GOV_RENAME[e.name]) continue;
        const want = govRename(e.name);
        report.govname.push({
          id: ann.id,
          form: e.name,
          name: want || e.name,
          cov: want ? 'renamed' : 'exact',
          ctx: '',
        });
      }
    if (!ONLY || ONLY === 'embassy') report.embassy.push(...embassyClass(ann, text, spans, skips));
  }
  for (const [cls, occ] of Object.entries(report)) {
    if (ONLY && ONLY !== cls) continue;
    const by = {};
    for (const o of occ) (by[o.cov] ||= []).push(o);
    console.log(`\n## ${cls}: ${occ.length} occurrences in ${new Set(occ.map((o) => o.id)).size} files`);
    for (const [cov, list] of Object.entries(by)) {
      console.log(
        `  ${cov}: ${list.length}${cls === 'adj' ? ` (in a title: ${list.filter((o) => o.title).length})` : ''}`,
      );
      for (const o of list.slice(
        0,
        /^(exact|taken in|Embassy X: one ORG span|in X: city a PLACE)$/.test(cov) ? 0 : EXAMPLES,
      ))
        console.log(`    ${o.id} "${o.form}"${o.title ? ' [title]' : ''}: …${o.ctx}…`);
    }
  }
  if (BATCH) writeBatch(docs, report);
}

/** The mechanical fixes as `lines.js` #C blocks. */
function writeBatch(docs, report) {
  const letter = { PERSON: 'P', ORGANIZATION: 'O', PLACE: 'L' };
  const byId = new Map(docs.map((d) => [d.ann.id, d]));
  const fixes = new Map();
  const add = (id, fix) => (fixes.get(id) || fixes.set(id, []).get(id)).push(fix);
  for (const o of report.gov) if (o.cov !== 'exact' && o.cov !== 'inside') add(o.id, { cls: 'gov', ...o });
  for (const o of report.adj) if (o.cov === 'left out') add(o.id, { cls: 'adj', ...o });
  for (const o of report.routing) if (o.cov !== 'exact' && o.cov !== 'inside') add(o.id, { cls: 'routing', ...o });
  for (const o of report.ministry) if (o.cov === 'left out') add(o.id, { cls: 'ministry', ...o });
  for (const o of report.govname) if (o.cov === 'renamed') add(o.id, { cls: 'govname', ...o });
  for (const o of report.namedgov)
    if (o.cov === 'split' && o.target) add(o.id, { cls: 'namedgov', ...o });
    else if (o.cov === 'split')
      console.log(`namedgov: no government decided for ${o.name} (${o.id} "${o.form}"): add it to NAMED_GOV`);
  const out = [];
  for (const [id, list] of fixes) {
    const { ann } = byId.get(id);
    let ents = ann.entities.map((e) => ({ ...e, mentions: [...e.mentions] }));
    const owner = (form) => ents.find((e) => e.mentions.includes(form));
    const notes = [];
    const seen = new Set();
    // Renames first, so that the forms added below go to the entity under its new name.
    for (const f of list.filter((x) => x.cls === 'govname')) {
      const from = ents.find((e) => e.name === f.form);
      const into = ents.find((e) => e !== from && e.type === 'ORGANIZATION' && e.name === f.name);
      if (into) {
        into.mentions.push(...from.mentions.filter((m) => !into.mentions.includes(m)));
        if (from.occurrences) into.occurrences = { ...into.occurrences, ...from.occurrences };
        ents = ents.filter((e) => e !== from);
        notes.push(`entity '${f.form}' merged into '${f.name}' (government names)`);
      } else {
        from.name = f.name;
        notes.push(`entity '${f.form}' renamed '${f.name}' (government names)`);
      }
    }
    for (const f of list) {
      if (f.cls === 'govname') continue;
      const form = f.form.replace(/\s+/g, ' ');
      if (seen.has(form) || owner(form)) continue;
      seen.add(form);
      let target;
      if (f.cls === 'gov') {
        const country = f.country;
        const want = GOV_NAME[country] || `Government of ${country}`;
        target =
          ents.find((e) => e.type === 'ORGANIZATION' && e.name === want) ||
          ents.find(
            (e) =>
              e.type === 'ORGANIZATION' &&
              /[Gg]overnment|Kremlin/.test(e.name) &&
              !/Administration|Regional|Transitional|Federal|Provincial|State Government|Local/.test(e.name) &&
              (e.name.includes(country) || e.name.includes(form.split(' ')[0])),
          );
        if (!target) {
          target = { type: 'ORGANIZATION', name: want, mentions: [] };
          ents.push(target);
        }
        notes.push(`'${form}' -> ${target.name}`);
      } else if (f.cls === 'adj' || f.cls === 'ministry') {
        target = ents.find((e) => e.type === 'ORGANIZATION' && e.name === f.name);
        notes.push(
          `'${form}' (adjective taken into the ${f.cls === 'ministry' ? "ministry's " : ''}name) -> ${target.name}`,
        );
      } else if (f.cls === 'namedgov') {
        target = ents.find((e) => e.type === 'ORGANIZATION' && e.name === f.target);
        if (!target) {
          target = { type: 'ORGANIZATION', name: f.target, mentions: [] };
          ents.push(target);
        }
        notes.push(
          `'${form}' (a government named after ${f.type === 'PLACE' ? 'a place' : 'its leader or party'}: one span) -> ${target.name}`,
        );
      } else {
        const city = POST_NAME[f.post] || titleCase(f.post);
        const kind = f.form.startsWith('AMCONSUL')
          ? 'Consulate'
          : f.form.startsWith('USMISSION')
            ? 'Mission'
            : 'Embassy';
        const want = `US ${kind} ${city}`;
        target = ents.find((e) => e.type === 'ORGANIZATION' && (e.name === want || e.name === `U.S. ${kind} ${city}`));
        if (!target) {
          target = { type: 'ORGANIZATION', name: want, mentions: [] };
          ents.push(target);
        }
        notes.push(`routing '${form}' -> ${target.name}`);
      }
      target.mentions.push(form);
    }
    if (!notes.length) continue;
    out.push(`@ ${id}`);
    for (const e of ents) {
      out.push(`${letter[e.type]} ${[e.name, ...e.mentions].join(' | ')}`);
      for (const [form, occ] of Object.entries(e.occurrences || {}))
        out.push(`C ${e.name} | ${form} | ${occ.join(',')}`);
    }
    for (const n of ann.nonEntities || []) out.push(`N ${n}`);
    out.push(`#C conventions.js: ${notes.join('; ')}.`);
    out.push('');
  }
  fs.writeFileSync(BATCH, out.join('\n'));
  console.log(`\n${fixes.size} files with a break; batch written to ${BATCH}`);
}

load()
  .then(main)
  .catch((e) => {
    console.error(`error: ${e.message}`);
    process.exit(1);
  });
