import { canonicalOf, officeSymbol } from '../../src/resolve/canonical';
import { personName } from '../../src/resolve';

describe('officeSymbol', () => {
  it('names offices of the Department of State and their bureaus, and drops titles written as symbols', () => {
    expect(officeSymbol('EUR/WE')).toEqual({ type: 'ORGANIZATION', name: 'Office of Western European Affairs' });
    expect(officeSymbol('NEA/ARP')).toEqual({ type: 'ORGANIZATION', name: 'Office of Arabian Peninsula Affairs' });
    expect(officeSymbol('S/CT')).toEqual({
      type: 'ORGANIZATION',
      name: 'Office of the Coordinator for Counterterrorism',
    });
    expect(officeSymbol('CA/OCS/ACS/EUR')).toEqual({
      type: 'ORGANIZATION',
      name: 'Office of American Citizens Services',
    });
    // an office no table names: its bureau, with the symbol to tell it apart
    expect(officeSymbol('NEA/XYZ')).toEqual({ type: 'ORGANIZATION', name: 'Bureau of Near Eastern Affairs (NEA/XYZ)' });
    expect(officeSymbol('A/S')).toBeNull();
    expect(officeSymbol('A/DCM')).toBeNull();
    expect(officeSymbol('M/C')).toBeNull();
    expect(officeSymbol('FOO/BAR')).toBeUndefined();
  });
});

describe('canonicalOf', () => {
  it("names an institution every country has after the cable's country, so two countries' courts stay apart", () => {
    expect(canonicalOf('ORGANIZATION', 'Supreme Court', ['KE'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Supreme Court (Kenya)',
    });
    expect(canonicalOf('ORGANIZATION', 'the Supreme Court', ['PK'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Supreme Court (Pakistan)',
    });
    expect(canonicalOf('ORGANIZATION', 'CENTRAL BANK', ['AE'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Central Bank (United Arab Emirates)',
    });
    expect(canonicalOf('ORGANIZATION', 'Ministry of Mines and Energy', ['BR'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Ministry of Mines and Energy (Brazil)',
    });
    // the head of state's office by its building: Kabul's "Palace" is not Rabat's
    expect(canonicalOf('ORGANIZATION', 'the Palace', ['AF'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Palace (Afghanistan)',
    });
    expect(canonicalOf('ORGANIZATION', 'Palace', ['MA'])).toEqual({ type: 'ORGANIZATION', name: 'Palace (Morocco)' });
    expect(canonicalOf('ORGANIZATION', 'Royal Court', ['JO'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Royal Court (Jordan)',
    });
    // a Washington cable, or a named one ("Kenyan Supreme Court"), is left to resolution
    expect(canonicalOf('ORGANIZATION', 'Senate', [])).toBeUndefined();
    expect(canonicalOf('ORGANIZATION', 'Senate', ['US'])).toBeUndefined();
    expect(canonicalOf('ORGANIZATION', 'Kenyan Supreme Court', ['KE'])).toBeUndefined();
    expect(canonicalOf('PLACE', 'Supreme Court', ['KE'])).toBeUndefined();
  });

  it('reads routing words, agencies and combatant commands as the U.S. organizations they are', () => {
    expect(canonicalOf('ORGANIZATION', 'STATE', [])).toEqual({
      type: 'ORGANIZATION',
      name: 'US Department of State',
    });
    expect(canonicalOf('ORGANIZATION', 'DEPT', [])).toEqual({ type: 'ORGANIZATION', name: 'US Department of State' });
    expect(canonicalOf('ORGANIZATION', 'State Department', [])).toEqual({
      type: 'ORGANIZATION',
      name: 'US Department of State',
    });
    expect(canonicalOf('PERSON', 'HQSOUTHCOM', [])).toEqual({ type: 'ORGANIZATION', name: 'US Southern Command' });
    expect(canonicalOf('PERSON', 'USCENTCOM', [])).toEqual({ type: 'ORGANIZATION', name: 'US Central Command' });
    // "state" as a word is no department
    expect(canonicalOf('PLACE', 'State', [])).toBeUndefined();
  });
  it('reads a place known by its acronym as the place: GTMO is Guantanamo, whatever type it was tagged', () => {
    expect(canonicalOf('PLACE', 'GTMO', [])).toEqual({ type: 'PLACE', name: 'Guantanamo' });
    expect(canonicalOf('ORGANIZATION', 'GTMO', [])).toEqual({ type: 'PLACE', name: 'Guantanamo' });
    expect(canonicalOf('PLACE', 'FATA', [])).toEqual({ type: 'PLACE', name: 'Federally Administered Tribal Areas' });
  });

  it('gives governments their country: by demonym, by the cable country for a leader; a U.S. administration its president', () => {
    expect(canonicalOf('PERSON', 'Obama Administration', ['FR'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Obama Administration',
    });
    expect(canonicalOf('ORGANIZATION', 'Bush administration', ['FR'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Bush Administration',
    });
    expect(canonicalOf('ORGANIZATION', 'Spanish government', ['ES'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Government of Spain',
    });
    expect(canonicalOf('PERSON', 'Zapatero Administration', ['ES'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Zapatero Administration',
    });
    expect(canonicalOf('ORGANIZATION', 'SACA administration', ['ES'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Saca Administration',
    });
    expect(canonicalOf('ORGANIZATION', 'Zapatero government', ['ES'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Government of Spain',
    });
    expect(canonicalOf('ORGANIZATION', 'government of Libya', [])).toEqual({
      type: 'ORGANIZATION',
      name: 'Government of Libya',
    });
    // a demonym several territories share is the independent country's
    expect(canonicalOf('ORGANIZATION', 'French government', ['IQ'])).toEqual({
      type: 'ORGANIZATION',
      name: 'Government of France',
    });
    expect(canonicalOf('ORGANIZATION', 'Norwegian Government', [])).toEqual({
      type: 'ORGANIZATION',
      name: 'Government of Norway',
    });
  });
  it('one name for international bodies written several ways; no entity for redactions, treaties and roles', () => {
    expect(canonicalOf('ORGANIZATION', 'Al-Qaeda', [])).toEqual({ type: 'ORGANIZATION', name: 'al-Qaida' });
    expect(canonicalOf('PLACE', "al-Qa'ida", [])).toEqual({ type: 'ORGANIZATION', name: 'al-Qaida' });
    expect(canonicalOf('ORGANIZATION', 'Hezbollah', [])).toEqual({ type: 'ORGANIZATION', name: 'Hizballah' });
    expect(canonicalOf('ORGANIZATION', 'UNSC', [])).toEqual({ type: 'ORGANIZATION', name: 'UN Security Council' });
    expect(canonicalOf('PERSON', 'XXXXXXXXXXXX', [])).toBeNull();
    expect(canonicalOf('PERSON', 'Non-Proliferation Treaty', [])).toBeNull();
    expect(canonicalOf('ORGANIZATION', 'CEO', [])).toBeNull();
    expect(canonicalOf('PLACE', 'USSR', [])).toBeUndefined(); // a country name: resolution's country table names it
  });
});

describe('personName', () => {
  it('drops titles, subject-line verbs and the words a sentence puts before a name', () => {
    expect(personName('President-elect Obama')).toBe('Obama');
    expect(personName('Acting')).toBe('');
    expect(personName('Williamson Discusses')).toBe('Williamson');
    expect(personName('BAIRD MEETS')).toBe('BAIRD');
    expect(personName('Meets')).toBe('');
    expect(personName('Reminding Karzai')).toBe('Karzai');
    expect(personName('Close Kirchner')).toBe('Kirchner');
    expect(personName('State Condoleezza Rice')).toBe('Condoleezza Rice');
    expect(personName('Policy Post-Lula')).toBe('Lula');
    expect(personName('COAS Kayani')).toBe('Kayani');
    expect(personName('Clinton unquote Clinton')).toBe('Clinton');
    // given names that are also words stay
    expect(personName('Paddy Ashdown')).toBe('Paddy Ashdown');
    expect(personName('Vladimir Putin')).toBe('Vladimir Putin');
  });
});

describe('an American agency written otherwise than its name', () => {
  const org = (name: string) => ({ type: 'ORGANIZATION', name });
  it('is the agency: "U.S." before its name, "Dept of", the field before "Department", a field of two words alone', () => {
    expect(canonicalOf('ORGANIZATION', 'U.S. Central Command', ['LB'])).toEqual(org('US Central Command'));
    expect(canonicalOf('ORGANIZATION', 'U.S. Africa Command', ['ET'])).toEqual(org('US Africa Command'));
    expect(canonicalOf('ORGANIZATION', 'DEPT OF COMMERCE', [])).toEqual(org('US Department of Commerce'));
    expect(canonicalOf('ORGANIZATION', 'U.S. Homeland Security Department', ['DE'])).toEqual(
      org('US Department of Homeland Security'),
    );
    expect(canonicalOf('ORGANIZATION', 'U.S. Justice Department', ['ES'])).toEqual(org('US Department of Justice'));
    expect(canonicalOf('ORGANIZATION', 'Homeland Security', ['BG'])).toEqual(org('US Department of Homeland Security'));
  });

  it('is not a command of another country named without "U.S.", nor "the Treasury" or a one-word field', () => {
    expect(canonicalOf('ORGANIZATION', 'Central Command', ['CO'])).toBeUndefined();
    expect(canonicalOf('ORGANIZATION', 'the Treasury', ['GB'])).toBeUndefined();
    expect(canonicalOf('ORGANIZATION', 'Defense', ['ES'])).toBeUndefined();
  });
});
