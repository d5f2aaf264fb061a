import { orgWordKey } from '../../src/resolve/org-words';

describe('orgWordKey', () => {
  it.each([
    ['Defense Department', 'Department of Defence'],
    ['Ministry of the Interior', 'Ministry of Interior'],
    ['Spanish Navy', 'Navy (Spain)'],
    ['Pakistani Army', 'Pakistan Army'],
    ['Pakistan Defense Ministry', 'Ministry of Defense (Pakistan)'],
    ['Foreign Ministry', 'Ministry of Foreign Affairs'],
    ['Spanish Air Forces', 'Spanish Air Force'],
    ['Lib Dems', 'Lib Dem'],
    ['U.S. Department of Treasury', 'US Department of the Treasury'],
  ])('gives %s and %s one key', (a, b) => {
    expect(orgWordKey(a)).toBe(orgWordKey(b));
    expect(orgWordKey(a)).toBeDefined();
  });
  it.each([
    ['U.S. Navy', 'Navy (Spain)'],
    ['Council of Europe', 'European Council'],
    ['Ministry of Foreign Affairs', 'Foreign Affairs Committee'],
  ])('tells %s and %s apart', (a, b) => {
    expect(orgWordKey(a)).not.toBe(orgWordKey(b));
  });
  it('says nothing of a one-word name', () => {
    expect(orgWordKey('Army')).toBeUndefined();
    expect(orgWordKey('Ministry of the Interior')).toBe('interior ministry');
  });
});
