/** AcronymIndex (src/resolve/acronyms.ts): an acronym-only organization and its one spelled-out name across cables. */
import { AcronymIndex } from '../../src/resolve/acronyms';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((w) => w !== 'of')
    .map((w) => w[0].toUpperCase())
    .join('');
const norm = (s: string): string => s.toLowerCase();
const GCC = 'Gulf Cooperation Council';

/** Cables, each a list of organizations [key, display, surfaces]: added, then counted, then settled. */
function settled(cables: Array<Array<[string, string, string[]]>>): AcronymIndex {
  const index = new AcronymIndex();
  for (const cable of cables)
    for (const [key, display, surfaces] of cable) index.add(key, display, surfaces, initials, norm);
  for (const cable of cables) for (const [key] of cable) index.countCable(key);
  index.settle();
  return index;
}

const spelledWithAcronym: [string, string, string[]] = [norm(GCC), GCC, [GCC, 'GCC']];
const spelledAlone: [string, string, string[]] = [norm(GCC), GCC, [GCC]];
const acronymAlone: [string, string, string[]] = ['gcc', 'GCC', ['GCC']];

describe('AcronymIndex', () => {
  it('names the joined entity by the acronym when more cables write it alone', () => {
    const index = settled([[spelledWithAcronym], [acronymAlone], [acronymAlone]]);
    expect(index.joins(norm(GCC))).toEqual({ key: 'gcc', display: 'GCC' });
    expect(index.joins('gcc')).toBeUndefined();
  });

  it("counts every cable of the spelled-out name, not only those that write the acronym: 3 cables (one with it) outweigh the acronym's 2", () => {
    const index = settled([[spelledWithAcronym], [spelledAlone], [spelledAlone], [acronymAlone], [acronymAlone]]);
    expect(index.joins('gcc')).toEqual({ key: norm(GCC), display: GCC });
    expect(index.joins(norm(GCC))).toBeUndefined();
  });

  it('leaves an acronym two spelled-out names claim as it is written', () => {
    const pa: [string, string, string[]] = ['pa', 'PA', ['PA']];
    const index = settled([
      [['palestinian authority', 'Palestinian Authority', ['Palestinian Authority', 'PA']]],
      [['pennsylvania avenue', 'Pennsylvania Avenue', ['Pennsylvania Avenue', 'PA']]],
      [pa],
    ]);
    expect(index.joins('pa')).toBeUndefined();
    expect(index.joins('palestinian authority')).toBeUndefined();
    expect(index.joins('pennsylvania avenue')).toBeUndefined();
  });

  it('joins nothing when no cable writes the acronym alone', () => {
    const index = settled([[spelledWithAcronym], [spelledAlone]]);
    expect(index.joins(norm(GCC))).toBeUndefined();
  });

  describe('an acronym that is not the initials of the name beside it', () => {
    type Org = [key: string, display: string, surfaces: string[]];
    /** Cables [id, country, organizations]: added, counted, settled. */
    const settle = (cables: Array<[string, string, Org[]]>): AcronymIndex => {
      const index = new AcronymIndex();
      for (const [id, country, orgs] of cables)
        for (const [key, display, surfaces] of orgs) index.add(key, display, surfaces, initials, norm, id, country);
      for (const [, , orgs] of cables) for (const [key] of orgs) index.countCable(key);
      index.settle();
      return index;
    };
    const psoe: Org = ['psoe', 'PSOE', ['PSOE']];
    const socialists: Org = ['socialist party spain', 'Socialist Party (Spain)', ['Socialist Party', 'PSOE']];
    const workers: Org = ['spanish socialist workers party', "Spanish Socialist Workers' Party", ['PSOE']];

    it('claims it when two cables write it beside the name, and names of one body join it together', () => {
      const index = settle([
        ['1', 'ES', [socialists]],
        ['2', 'ES', [socialists]],
        ['3', 'ES', [workers]],
        ['4', 'ES', [workers]],
        ['5', 'ES', [psoe]],
      ]);
      expect(index.joins('psoe')).toEqual({ key: 'socialist party spain', display: 'Socialist Party (Spain)' });
      expect(index.joins('spanish socialist workers party')).toEqual({
        key: 'socialist party spain',
        display: 'Socialist Party (Spain)',
      });
    });

    it('does not claim it from one cable, nor from a cable the corpus holds twice', () => {
      const once = settle([
        ['1', 'ES', [socialists]],
        ['5', 'ES', [psoe]],
      ]);
      expect(once.joins('psoe')).toBeUndefined();
      const twice = settle([
        ['1', 'ES', [socialists]],
        ['1', 'ES', [socialists]],
        ['5', 'ES', [psoe]],
      ]);
      expect(twice.joins('psoe')).toBeUndefined();
    });

    it('does not claim it for a name written beside several such acronyms ("Democratic Party": PD, DS)', () => {
      const dp: Org = ['democratic party', 'Democratic Party', ['PD', 'DS']];
      const index = settle([
        ['1', 'IT', [dp]],
        ['2', 'KR', [dp]],
        ['3', 'IT', [['pd', 'PD', ['PD']]]],
      ]);
      expect(index.joins('pd')).toBeUndefined();
      expect(index.joins('democratic party')).toBeUndefined();
    });

    it('joins the name only in the cables of the countries that write the acronym ("Foreign Office" in London, not in Berlin)', () => {
      const office: Org = ['foreign office', 'Foreign Office', ['Foreign Office']];
      const index = settle([
        ['1', 'GB', [['fco', 'FCO', ['FCO', 'Foreign Office']]]],
        ['2', 'GB', [['fco', 'FCO', ['FCO', 'Foreign Office']]]],
        ['3', 'GB', [['fco', 'FCO', ['FCO']]]],
        ['4', 'GB', [office]],
        ['5', 'DE', [office]],
      ]);
      expect(index.joins('foreign office', 'GB')).toEqual({ key: 'fco', display: 'FCO' });
      expect(index.joins('foreign office', 'DE')).toBeUndefined();
    });

    it('leaves an acronym with the name it is the initials of when the others do not outweigh it', () => {
      const un: Org = ['un framework convention', 'UN Framework Convention', ['UNFC']];
      const full: Org = ['united nations framework convention', 'United Nations Framework Convention', ['UNFC']];
      const index = settle([
        ['1', 'DE', [un]],
        ['2', 'FR', [un]],
        ['3', 'BR', [full]],
        ['4', 'CN', [['unfc', 'UNFC', ['UNFC']]]],
      ]);
      expect(index.joins('united nations framework convention')).toEqual({ key: 'unfc', display: 'UNFC' });
      expect(index.joins('un framework convention')).toBeUndefined();
    });
  });

  it('counts a name the cable joined to the acronym as a claim, so that its cables without the acronym join it too', () => {
    const joined: [string, string, string[]] = ['gcc', 'GCC', ['GCC', GCC]];
    const index = settled([[joined], [joined], [acronymAlone], [spelledAlone]]);
    expect(index.joins(norm(GCC))).toEqual({ key: 'gcc', display: 'GCC' });
  });

  describe('names that claim one acronym', () => {
    const claim = (key: string, display: string, acronym: string): [string, string, string[]] => [
      key,
      display,
      [acronym],
    ];

    it('join when one word of four tells them apart (Islamic, Iranian), without a cable that writes the acronym alone', () => {
      const islamic = claim('islamic revolutionary guard corps', 'Islamic Revolutionary Guard Corps', 'IRGC');
      const iranian = claim('iranian revolutionary guard corps', 'Iranian Revolutionary Guard Corps', 'IRGC');
      const index = settled([[islamic], [islamic], [islamic], [iranian], [iranian]]);
      expect(index.joins('iranian revolutionary guard corps')).toEqual({
        key: 'islamic revolutionary guard corps',
        display: 'Islamic Revolutionary Guard Corps',
      });
    });

    it("stay apart when they are two countries' (their qualifiers) or share only an institution's word", () => {
      const spain = claim('ministry of defense spain', 'Ministry of Defense (Spain)', 'MD');
      const chile = claim('ministry of defense chile', 'Ministry of Defense (Chile)', 'MD');
      const iran = claim('government of iran', 'Government of Iran', 'GI');
      const iraq = claim('government of iraq', 'Government of Iraq', 'GI');
      const index = settled([[spain], [spain], [chile], [chile], [iran], [iran], [iraq], [iraq]]);
      expect(index.joins('ministry of defense chile')).toBeUndefined();
      expect(index.joins('ministry of defense spain')).toBeUndefined();
      expect(index.joins('government of iraq')).toBeUndefined();
      expect(index.joins('government of iran')).toBeUndefined();
    });
  });
});
