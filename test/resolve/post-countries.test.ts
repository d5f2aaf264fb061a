/** The country of a cable's post (src/resolve/post-countries.ts), as cableCountries puts it first. */
import { classifyTag } from '../../src/parse/tags';
import { cableCountries } from '../../src/resolve';
import { makeCable } from '../extract/helpers';

/** A cable of `post` (its origin "Embassy X" or "Consulate X") tagged with these FIPS codes. */
function cableOf(id: string, origin: string | undefined, tags: string[]) {
  return makeCable(id, '1. (C) Text.', { ...(origin ? { origin } : {}), tags: tags.map(classifyTag) });
}

describe('cableCountries: the post first', () => {
  it.each([
    // capitals written with accents or punctuation in the country table (Bogotá, Brasília, Sana'a, Port-au-Prince)
    ['09BOGOTA1', 'Embassy Bogota', ['PREL', 'VE', 'CO'], 'CO'],
    ['09BRASILIA1', 'Embassy Brasilia', ['PREL', 'AR', 'BR'], 'BR'],
    ['09SANAA1', 'Embassy Sanaa', ['PREL', 'SA', 'YM'], 'YE'],
    ['09ASUNCION1', 'Embassy Asuncion', ['PREL', 'BR', 'PA'], 'PY'],
    ['09PORTAUPRINCE1', 'Embassy Port Au Prince', ['PREL', 'DR', 'HA'], 'HT'],
    ['09NDJAMENA1', 'Embassy Ndjamena', ['PREL', 'SU', 'CD'], 'TD'],
    // Georgetown is Guyana's capital, not the Cayman Islands' George Town
    ['09GEORGETOWN1', 'Embassy Georgetown', ['PREL', 'VE'], 'GY'],
    // embassies and consulates outside a capital: the city says the country, whatever the TAGS' order
    ['09TELAVIV1', 'Embassy Tel Aviv', ['PREL', 'IR', 'IS'], 'IL'],
    ['05RANGOON1', 'Embassy Rangoon', ['PREL', 'KN', 'BM'], 'MM'],
    ['09ABIDJAN1', 'Embassy Abidjan', ['PREL', 'FR', 'IV'], 'CI'],
    ['09ISTANBUL1', 'Consulate Istanbul', ['PREL', 'IR', 'TU'], 'TR'],
    ['09JEDDAH1', 'Consulate Jeddah', ['PREL', 'YM', 'SA'], 'SA'],
  ])('%s (%s, TAGS %j): %s first', (id, origin, tags, home) => {
    expect(cableCountries(cableOf(id, origin, tags))[0]).toBe(home);
  });

  it('reads the post in the cable id when the cable names no origin', () => {
    expect(cableCountries(cableOf('09BOGOTA2', undefined, ['PREL', 'VE']))[0]).toBe('CO');
    expect(cableCountries(cableOf('09TELAVIV2', undefined, ['PREL', 'IR']))[0]).toBe('IL');
    expect(cableCountries(cableOf('09GEORGETOWN2', undefined, []))).toEqual(['GY']);
  });

  it('gives no country to posts that are no place', () => {
    expect(cableCountries(cableOf('09STATE1', 'Secretary of State', []))).toEqual([]);
    expect(cableCountries(cableOf('09USNATO1', 'Mission USNATO', ['PREL', 'AF']))).toEqual(['AF']);
    // a mission in a city that is no capital is not that country's post
    expect(cableCountries(cableOf('09GENEVA1', 'Mission Geneva', ['PREL', 'IR']))).toEqual(['IR']);
  });
});
