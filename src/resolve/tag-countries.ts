// The ISO code of a TAGS country: the cables' tags are FIPS 10-4 codes, resolution's country context is ISO alpha-2.
import { memo, worldCountries } from '../lexicon/lazy';

/**
 * Why: the State Department's TAGS use FIPS 10-4 codes, and a third of them mean another country
 * in ISO alpha-2 (BL Bolivia is ISO's Saint Barthélemy, GM Germany is Gambia, IS Israel is
 * Iceland, BM Burma is Bermuda, MO Morocco is Macau). Read as ISO, a La Paz cable's "Senate" became
 * the "Senate (Saint Barthélemy)" and a Munich cable's interior ministry Gambia's. The tag's
 * label (its FIPS country name, src/parse/tag-data.ts) is looked up by name instead.
 */

/** FIPS names world-countries lists under another name, or not at all (states of older cables). */
const OTHER_NAMES = new Map<string, string>([
  ['turkey', 'TR'],
  ['holy see', 'VA'],
  ['west bank', 'PS'],
  ['gaza strip', 'PS'],
  ['palestinian territories', 'PS'],
  ['yugoslavia', 'YU'],
  ['soviet union', 'SU'],
  ['serbia and montenegro', 'CS'],
  ['zaire', 'CD'],
]);

/** Folds accents, case and punctuation: "Sana'a" = "SANAA", "Port-au-Prince" = "PORT AU PRINCE". */
export function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** Folded country name (common, official, alternative spellings) → ISO alpha-2; the first row that names it wins. */
const ISO_BY_NAME = memo(() => {
  const codes = new Map<string, string>(OTHER_NAMES);
  for (const c of worldCountries())
    for (const name of [c.name.common, c.name.official ?? c.name.common, ...(c.altSpellings ?? [])]) {
      const key = fold(name);
      if (!codes.has(key)) codes.set(key, c.cca2);
    }
  return codes;
});

/**
 * The ISO alpha-2 code of the country a TAGS country label names ("Bolivia" → BO, "Russia
 * (non-FIPS)" → RU); undefined for regions ("Horn of Africa", "Middle East") and states no table
 * names ("East Germany").
 */
export function isoOfTagCountry(label: string): string | undefined {
  return ISO_BY_NAME().get(fold(label.replace(/\s*\(non-FIPS\)$/i, '')));
}
