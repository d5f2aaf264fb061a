#!/usr/bin/env node
/**
 * Checks the annotated set against the three boundary conventions decided in the sixth session
 * (README "Conventions"), and writes the mechanical fixes as a `lines.js` batch of `#C` blocks:
 *
 *   node scripts/ner/conventions.js [--cache /tmp/texts.json] [--examples 3] [--batch OUT.txt] [--class gov|adj|routing]
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

function main(docs) {
  const report = { gov: [], adj: [], routing: [] };
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
      for (const o of list.slice(0, cov === 'exact' || cov === 'taken in' ? 0 : EXAMPLES))
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
  const out = [];
  for (const [id, list] of fixes) {
    const { ann } = byId.get(id);
    const ents = ann.entities.map((e) => ({ ...e, mentions: [...e.mentions] }));
    const owner = (form) => ents.find((e) => e.mentions.includes(form));
    const notes = [];
    const seen = new Set();
    for (const f of list) {
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
      } else if (f.cls === 'adj') {
        target = ents.find((e) => e.type === 'ORGANIZATION' && e.name === f.name);
        notes.push(`'${form}' (adjective taken into the name) -> ${target.name}`);
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
    out.push(`#C conventions.js (sixth session): ${notes.join('; ')}.`);
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
