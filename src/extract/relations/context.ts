// What the relation readers know about one cable: sentences, home country, post, officers and people.
/** What the relation readers know about one cable: its sentences, home country, post, officers and people. */
import type { Cable } from '../../parse/types';
import { personAliases, withAliases } from './aliases';
import { countryOf, countryOfCapital, countryOfPlaceAbroad, sentencesOf, type Sentence } from './text';
import type { PersonRef } from './types';
import type { Mention } from '../../model';

/** A resolved entity of the cable, as `cablegraph parse` lists them. */
export interface CableEntityRef {
  type: string;
  name: string;
  id: string;
  mentions: string[];
}

export interface RelationContext {
  cable: Cable;
  sentences: Sentence[];
  persons: Mention[];
  organizations: Mention[];
  /** Country of the post that sent the cable (`France` for Embassy Paris), when known. */
  home?: string;
  /** The cable's country TAGS name a country other than the home country and the US. */
  foreignTagged: boolean;
  /** The sending post, when it is an embassy, consulate or mission (its officers meet people). */
  post?: string;
  /** The cable's date, `YYYY-MM-DD`. */
  date?: string;
  personRef(m: Mention): PersonRef;
}

export function contextOf(cable: Cable, mentions: Mention[], entities: CableEntityRef[] = []): RelationContext {
  // the people's names by surface, made on the first look-up (many cables never look one up)
  let bySurface: Map<string, CableEntityRef> | undefined;
  const entityOf = (surface: string): CableEntityRef | undefined => {
    if (!bySurface) {
      bySurface = new Map();
      for (const e of entities) if (e.type === 'PERSON') for (const s of e.mentions) bySurface.set(s, e);
    }
    return bySurface.get(surface);
  };
  const personMentions = byStart(mentions.filter((m) => m.type === 'PERSON'));
  // "Ahmed Wali Karzai (AWK)": the later "AWK" is that person, whatever the tagger called it
  const aliases = personAliases(cable.text, personMentions);
  const { persons, organizations } = withAliases(
    cable.text,
    personMentions,
    byStart(mentions.filter((m) => m.type === 'ORGANIZATION')),
    aliases,
  );
  const aliasOf = new Map(aliases.map((a) => [a.alias, a.person]));
  const origin = cable.origin ?? cable.routing?.from?.name;
  const home = homeCountry(cable, origin);
  const tagged = cable.tags.filter((t) => t.kind === 'country' && t.label).map((t) => tagCountry(t.label!));
  return {
    cable,
    sentences: sentencesOf(cable),
    persons,
    organizations,
    home,
    foreignTagged: tagged.some((c) => c !== home && c !== 'United States'),
    post:
      origin &&
      /^(?:Embassy|Consulate|Mission|US Mission|USUN|US Office|American Embassy|U\.S\. Mission|USNATO|USEU|USOSCE)/i.test(
        origin,
      )
        ? origin
        : undefined,
    date: cable.created?.slice(0, 10),
    personRef(m: Mention): PersonRef {
      const full = aliasOf.get(m.text);
      if (full) {
        const f = entityOf(full.text);
        return {
          text: m.text,
          start: m.start,
          end: m.end,
          name: f?.name ?? full.text,
          ...(f ? { entityId: f.id } : {}),
        };
      }
      const e = entityOf(m.text);
      return e
        ? { text: m.text, start: m.start, end: m.end, name: e.name, entityId: e.id }
        : { text: m.text, start: m.start, end: m.end };
    },
  };
}

/** The mentions sorted by start (a stable sort), without sorting when they already are, as extractors give them. */
function byStart(mentions: Mention[]): Mention[] {
  for (let i = 1; i < mentions.length; i += 1)
    if (mentions[i].start < mentions[i - 1].start) return mentions.sort((a, b) => a.start - b.start);
  return mentions;
}

/** The sentence holding `offset` (binary search over sorted, disjoint sentences). */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Posts that are not in a capital, by the country they are in. */
const POST_CITIES: Record<string, string> = {
  'tel aviv': 'Israel',
  'hong kong': 'China',
  jeddah: 'Saudi Arabia',
  dhahran: 'Saudi Arabia',
  istanbul: 'Türkiye',
  adana: 'Türkiye',
  irbil: 'Iraq',
  basrah: 'Iraq',
  karachi: 'Pakistan',
  lahore: 'Pakistan',
  peshawar: 'Pakistan',
  mumbai: 'India',
  chennai: 'India',
  kolkata: 'India',
  'sao paulo': 'Brazil',
  'rio de janeiro': 'Brazil',
  shanghai: 'China',
  guangzhou: 'China',
  chengdu: 'China',
  shenyang: 'China',
  'ho chi minh city': 'Vietnam',
  munich: 'Germany',
  frankfurt: 'Germany',
  hamburg: 'Germany',
  dusseldorf: 'Germany',
  leipzig: 'Germany',
  milan: 'Italy',
  naples: 'Italy',
  florence: 'Italy',
  marseille: 'France',
  strasbourg: 'France',
  barcelona: 'Spain',
  toronto: 'Canada',
  montreal: 'Canada',
  vancouver: 'Canada',
  monterrey: 'Mexico',
  guadalajara: 'Mexico',
  tijuana: 'Mexico',
  'ciudad juarez': 'Mexico',
  casablanca: 'Morocco',
  lagos: 'Nigeria',
  johannesburg: 'South Africa',
  'cape town': 'South Africa',
  durban: 'South Africa',
  sydney: 'Australia',
  melbourne: 'Australia',
  auckland: 'New Zealand',
  osaka: 'Japan',
  'osaka kobe': 'Japan',
  naha: 'Japan',
  'st petersburg': 'Russia',
  yekaterinburg: 'Russia',
  vladivostok: 'Russia',
  almaty: 'Kazakhstan',
  krakow: 'Poland',
  dubai: 'United Arab Emirates',
  'abu dhabi': 'United Arab Emirates',
  'kuala lumpur': 'Malaysia',
  jerusalem: 'Israel',
};

/** The country a TAGS label names: "Russia (non-FIPS)" is Russia, RS and RU alike. */
function tagCountry(label: string): string {
  const name = label.replace(/\s*\(non-FIPS\)$/i, '');
  return countryOf(name) ?? name;
}

/**
 * The country an embassy or consulate sits in, from its city (a capital, a known consulate city, or
 * the largest city of that name), else from the cable's single country TAG. Missions to organizations (USEU, USNATO,
 * USUN) have none: a bare "President" there is nobody's in particular.
 */
function homeCountry(cable: Cable, origin: string | undefined): string | undefined {
  if (!origin || /^(?:US|U\.S\.)\s*(?:Mission|EU|NATO|UN|OSCE)|^(?:USEU|USNATO|USUN|UNVIE|Mission)/i.test(origin))
    return undefined;
  const post = /^(?:American\s+)?(?:Embassy|Consulate(?:\s+General)?|Office|AIT)\s+/i.exec(origin);
  const city = origin
    .slice(post ? post[0].length : 0)
    .trim()
    .toLowerCase();
  // (an embassy or consulate in a city that is no capital, "Embassy Rangoon": the country of the largest city so named)
  const byCity =
    POST_CITIES[city] ?? countryOfCapital(city) ?? (post ? countryOfPlaceAbroad(city, undefined) : undefined);
  if (byCity) return byCity;
  const tagged = cable.tags
    .filter((t) => t.kind === 'country' && t.code !== 'US' && t.label)
    .map((t) => tagCountry(t.label!));
  return new Set(tagged).size === 1 ? tagged[0] : undefined;
}
