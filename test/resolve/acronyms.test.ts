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
});
