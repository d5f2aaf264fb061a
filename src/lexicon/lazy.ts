// The gazetteers and the country table loaded on first use, for modules that a graph-reading command also loads.
/**
 * Building the gazetteers (English words, cities, given names) costs about 350 ms of CPU, and
 * `src/resolve` is loaded by every command that opens a graph database (the curation code uses its
 * name folding). Resolution reads its tables through these functions, so only the commands that
 * resolve mentions (build, parse) pay for them, once per process.
 */
import type * as Gazetteer from './gazetteer';

export type CountryRow = {
  name: { common: string; official?: string };
  /** Other names and codes ("Burma", "Holland"). */
  altSpellings?: string[];
  cca2: string;
  capital?: string[];
  independent?: boolean;
  demonyms?: { eng?: { m: string; f: string } };
};

/** A `city-timezones` row (Natural Earth's cities): its name, country (ISO alpha-2), population and province. */
export type CityRow = { city: string; city_ascii: string; iso2: string; pop: number; province?: string };

let gazetteerModule: typeof Gazetteer | undefined;
let countryRows: CountryRow[] | undefined;
let cityRows: CityRow[] | undefined;

/** `./gazetteer`, required the first time it is asked for. */
export function gazetteer(): typeof Gazetteer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (gazetteerModule ??= require('./gazetteer') as typeof Gazetteer);
}

/** The `world-countries` rows (a 1 MB JSON file), required the first time they are asked for. */
export function worldCountries(): readonly CountryRow[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (countryRows ??= require('world-countries') as CountryRow[]);
}

/** The `city-timezones` rows (7,300 cities), required the first time they are asked for. */
export function worldCities(): readonly CityRow[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (cityRows ??= (require('city-timezones') as { cityMapping: CityRow[] }).cityMapping);
}

/** A table built from those on first use and kept: `const T = memo(() => new Map(…))`, then `T()`. */
export function memo<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
