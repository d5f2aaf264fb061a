/** The relation context of a cable (src/extract/relations/context.ts): the post's country. */
import { contextOf } from '../../../src/extract/relations/context';
import { classifyTag } from '../../../src/parse/tags';
import { makeCable } from '../helpers';

/** The home country of a cable from `origin` tagged with these TAGS codes. */
function homeOf(origin: string, tags: string[]): string | undefined {
  return contextOf(makeCable('09TEST1', '1. (C) Text.', { origin, tags: tags.map(classifyTag) }), []).home;
}

describe('contextOf: the post country', () => {
  it.each([
    // capitals the country table writes with an apostrophe, hyphens or " City"
    ['Embassy Sanaa', ['PREL', 'SA', 'YM'], 'Yemen'],
    ['Embassy Port Au Prince', ['PREL', 'DR', 'HA'], 'Haiti'],
    ['Embassy Ndjamena', ['PREL', 'SU', 'CD'], 'Chad'],
    ['Embassy Kuwait', ['PREL', 'IZ', 'KU'], 'Kuwait'],
    ['Embassy Guatemala', ['PREL', 'MX', 'GT'], 'Guatemala'],
    // a capital two countries name: the independent one's
    ['Embassy Kingston', ['PREL', 'CU', 'JM'], 'Jamaica'],
    // embassies outside the capital the country table names
    ['Embassy Rangoon', ['PREL', 'CH', 'BM'], 'Myanmar'],
    ['Embassy Abidjan', ['PREL', 'FR', 'IV'], 'Ivory Coast'],
    ['Embassy Dar Es Salaam', ['PREL', 'KE', 'TZ'], 'Tanzania'],
  ])('%s (TAGS %j): %s', (origin, tags, home) => {
    expect(homeOf(origin, tags)).toBe(home);
  });

  it('keeps no home for missions, and the one tagged country where the post says none', () => {
    expect(homeOf('Mission USNATO', ['PREL', 'AF'])).toBeUndefined();
    expect(homeOf('Secretary of State', ['PREL', 'AF'])).toBe('Afghanistan');
  });

  it('reads a "(non-FIPS)" tag label as its country', () => {
    expect(homeOf('Secretary of State', ['PREL', 'YE'])).toBe('Yemen');
    expect(homeOf('Secretary of State', ['PREL', 'RS', 'RU'])).toBe('Russia');
  });
});
