import * as path from 'path';
import { readCables } from '../../src/ingest';
import { parseCable } from '../../src/parse';
import type { Cable } from '../../src/parse/types';
import { cableCountries } from '../../src/resolve';
import { isoOfTagCountry } from '../../src/resolve/tag-countries';

const CABLES = path.resolve(__dirname, '../../../shared/corpus/cablegate/cable');

async function corpusCable(year: string, month: string, id: string): Promise<Cable> {
  const cables: Cable[] = [];
  for await (const raw of readCables([path.join(CABLES, year, month, `${id}.html`)], {})) cables.push(parseCable(raw));
  return cables[0];
}

describe('TAGS countries as ISO codes', () => {
  test('a FIPS label names its ISO country, where the two codes differ', () => {
    expect(isoOfTagCountry('Bolivia')).toBe('BO'); // FIPS BL: ISO's Saint Barthélemy
    expect(isoOfTagCountry('Germany')).toBe('DE'); // FIPS GM: ISO's Gambia
    expect(isoOfTagCountry('Israel')).toBe('IL'); // FIPS IS: ISO's Iceland
    expect(isoOfTagCountry('Burma')).toBe('MM'); // FIPS BM: ISO's Bermuda
    expect(isoOfTagCountry('Morocco')).toBe('MA'); // FIPS MO: ISO's Macau
    expect(isoOfTagCountry('Russia (non-FIPS)')).toBe('RU');
    expect(isoOfTagCountry('Turkey')).toBe('TR');
    expect(isoOfTagCountry('Soviet Union')).toBe('SU');
  });

  test('regions and states no table names are no country', () => {
    expect(isoOfTagCountry('Horn of Africa')).toBeUndefined();
    expect(isoOfTagCountry('Middle East')).toBeUndefined();
    expect(isoOfTagCountry('East Germany')).toBeUndefined();
  });

  test("a cable's country context: the post's capital, of several words too, then its TAGS countries by name", async () => {
    // La Paz: a two-word capital; Tel Aviv and Munich: no capital, the TAGS (IS, GM) say which country
    expect(cableCountries(await corpusCable('2009', '01', '09LAPAZ96'))[0]).toBe('BO');
    expect(cableCountries(await corpusCable('2007', '01', '07TELAVIV64'))[0]).toBe('IL');
    expect(cableCountries(await corpusCable('2009', '02', '09MUNICH25'))[0]).toBe('DE');
  });
});
