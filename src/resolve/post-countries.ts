// The country of a cable's post: its capital or city, read in the origin ("Embassy La Paz") or the cable id ("09LAPAZ96").
import { memo, worldCities, worldCountries } from '../lexicon/lazy';
import { fold } from './tag-countries';

/**
 * Why: a cable's first country is its host's, the one resolution reads "the MFA" or "the Senate"
 * of, and the TAGS list countries in no set order: a Tel Aviv cable tagged "PREL IR IS" is
 * Israel's, not Iran's. The country table writes capitals with their accents and punctuation
 * ("Bogotá", "Sana'a", "Port-au-Prince") where cables write plain words, and many posts are at no
 * capital (Tel Aviv, Rangoon, Abidjan, every consulate): names are compared folded, and an
 * embassy's or consulate's city that is no capital is looked up among the world's cities.
 */

/** The forms a capital is written in: as named, without " City" ("Kuwait", "Mexico"), run together as in a cable id ("lapaz"). */
const CAPITAL_FORMS: ReadonlyArray<(name: string) => string> = [
  (n) => n,
  (n) => n.replace(/ city$/, ''),
  (n) => n.replace(/ /g, ''),
  (n) => n.replace(/ city$/, '').replace(/ /g, ''),
];

/**
 * Folded capital → ISO alpha-2. A form two capitals share goes to the one written so (Guyana's
 * "Georgetown", not the Caymans' "George Town" run together), then to the independent country
 * (Jamaica's Kingston, not Norfolk Island's).
 */
const CAPITALS = memo(() => {
  const rows = worldCountries();
  const ordered = [...rows.filter((r) => r.independent), ...rows.filter((r) => !r.independent)];
  const codes = new Map<string, string>();
  for (const form of CAPITAL_FORMS)
    for (const c of ordered)
      for (const capital of c.capital ?? []) {
        const key = form(fold(capital));
        if (!codes.has(key)) codes.set(key, c.cca2);
      }
  return codes;
});
/** The longest capitals are three words ("Andorra la Vella", "Port au Prince"). */
const CAPITAL_WORDS = 3;

/** Folded city name (also run together) → ISO alpha-2 of the most populous city so named. */
const CITIES = memo(() => {
  const best = new Map<string, { cc: string; pop: number }>();
  for (const row of worldCities()) {
    // "Tel Aviv-Yafo" is written "Tel Aviv"
    const head = row.city_ascii.split('-')[0];
    const names = [fold(row.city), fold(row.city_ascii), ...(head.includes(' ') ? [fold(head)] : [])];
    for (const name of names)
      for (const key of [name, name.replace(/ /g, '')]) {
        const was = best.get(key);
        if (!was || row.pop > was.pop) best.set(key, { cc: row.iso2, pop: row.pop });
      }
  }
  return new Map([...best].map(([key, { cc }]) => [key, cc]));
});

/** An origin that is an embassy's or consulate's city: "Embassy Tel Aviv", "Consulate Jeddah", "AMEMBASSY LA PAZ". */
const POST_ORIGIN =
  /^(?:Am)?(?:Embassy|Consulate(?:\s+General)?|Consul|Interests\s+Section|US\s+Interests\s+Section)\s+(.+)$/i;

/**
 * The country of a cable's post, from its origin: an embassy's or consulate's city (its capital
 * first, then the most populous city of that name), else a capital of one to three words within
 * the origin ("USEU Brussels"). Empty for posts at no known place ("Mission USNATO",
 * "Secretary of State").
 */
export function originCountries(origin: string): string[] {
  const post = POST_ORIGIN.exec(origin.trim());
  if (post) {
    const place = fold(post[1]);
    const cc = CAPITALS().get(place) ?? CITIES().get(place);
    if (cc) return [cc];
  }
  const out = new Set<string>();
  const words = fold(origin).split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++)
    for (let n = Math.min(CAPITAL_WORDS, words.length - i); n >= 1; n--) {
      const cc = CAPITALS().get(words.slice(i, i + n).join(' '));
      if (!cc) continue;
      out.add(cc);
      i += n - 1;
      break;
    }
  return [...out];
}

/**
 * The country of the post a cable id names ("09LAPAZ96" → BO); with `cities`, a city that is no
 * capital too ("09TELAVIV64" → IL): only for a cable that names no origin, since a mission's id
 * names the city it sits in ("09GENEVA1" of "Mission Geneva" is no Swiss cable). Undefined for
 * "STATE", "USNATO".
 */
export function idPostCountry(id: string, cities: boolean): string | undefined {
  const post = /^\d{2}([A-Z]+)\d+/.exec(id)?.[1].toLowerCase();
  if (post === undefined) return undefined;
  return CAPITALS().get(post) ?? (cities ? CITIES().get(post) : undefined);
}
