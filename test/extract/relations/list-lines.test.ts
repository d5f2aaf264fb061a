/** Participant lists one person a line (src/extract/relations/list-lines.ts) and the roles read from them. */
import { createExtractor } from '../../../src/extract';
import { extractRelations } from '../../../src/extract/relations';
import { listLineOf } from '../../../src/extract/relations/list-lines';
import { makeCable } from '../helpers';

const LIST = [
  '14. (U) Participants',
  '',
  'United States',
  'Senator John Kerry',
  'Ambassador Anne W. Patterson',
  '',
  'Pakistan',
  'President Ali Asif Zardari',
  'Defense Minister Chaudhry Ahmed Mukhtar',
  'Finance Minister Shaukat Tarin',
  'Foreign Secretary Salman Bashir',
  'Presidential Chief of Staff Salman Faruqi',
  'Presidential Media Advisor Farahnaz Ispahani',
  'PATTERSON',
].join('\n');

const at = (text: string, name: string): [number, number] => {
  const start = text.indexOf(name);
  return [start, start + name.length];
};

describe('listLineOf', () => {
  it("bounds a list line's name by its line and gives the block's country heading", () => {
    const [s, e] = at(LIST, 'Shaukat Tarin');
    const line = listLineOf(LIST, s, e);
    expect(line).toEqual({
      start: LIST.indexOf('Finance Minister'),
      end: LIST.indexOf('Finance Minister') + 'Finance Minister Shaukat Tarin'.length,
      country: 'Pakistan',
    });
  });

  it('reads the heading of the block the name stands in, not an earlier one', () => {
    const [s, e] = at(LIST, 'Anne W. Patterson');
    expect(listLineOf(LIST, s, e)?.country).toBe('United States');
  });

  it('reads a numbered heading a blank line above the list ("15. (C) U.S. Participants:")', () => {
    const text = [
      '15.  (C)  U.S. Participants:',
      '',
      'CDA Charles Hunter',
      'Senator Judd Gregg',
      'Senator Evan Bayh',
    ].join('\n');
    const [s, e] = at(text, 'Evan Bayh');
    expect(listLineOf(text, s, e)?.country).toBe('United States');
    const other = ['16.  (C)  Syrian Participants:', '', 'President Bashar al-Asad'].join('\n');
    const [s2, e2] = at(other, 'Bashar al-Asad');
    expect(listLineOf(other, s2, e2)?.country).toBe('Syria');
  });

  it('reads no list line in wrapped prose, even where a name ends a line', () => {
    const prose = [
      'Asked about the facility in New York September 25, the Russian',
      'Deputy Foreign Minister Sergei Ryabkov',
      'said that Iran had acted positively by notifying the IAEA about it.',
    ].join('\n');
    const [s, e] = at(prose, 'Sergei Ryabkov');
    expect(listLineOf(prose, s, e)).toBeUndefined();
  });

  it('reads no list line when the line before ends in a word a title runs on from', () => {
    const text = ['Pakistan', 'Minister of', 'Finance Shaukat Tarin'].join('\n');
    const [s, e] = at(text, 'Shaukat Tarin');
    expect(listLineOf(text, s, e)).toBeUndefined();
  });

  it('reads no list line when words other than a title precede the name ("Foundation, and X, President of")', () => {
    const text = [
      'advisor Gleb Pavlovskiy, President of the Effective',
      'Foundation, and Maksim Shevchenko, President of the',
    ].join('\n');
    const [s, e] = at(text, 'Maksim Shevchenko');
    expect(listLineOf(text, s, e)).toBeUndefined();
  });
});

describe('readRoles: participant lists', () => {
  const extractor = createExtractor('tagger');

  it("gives each line's title to its own name, owned by the block's country", async () => {
    const cable = makeCable('10TEST428', `13. (U) This cable was drafted after Senator Kerry departed.\n\n${LIST}`, {
      origin: 'Embassy Islamabad',
      created: '2010-02-23T11:11:00Z',
    });
    const [mentions] = await extractor.extract([cable]);
    const roles = extractRelations(cable, mentions).roles.map(
      (r) => `${r.person.text} | ${r.title} | ${r.country ?? ''} | ${r.organization ?? ''}`,
    );
    expect(roles).toEqual(
      expect.arrayContaining([
        'Chaudhry Ahmed Mukhtar | Defense Minister | Pakistan | ',
        'Shaukat Tarin | Finance Minister | Pakistan | ',
        'Salman Bashir | Foreign Secretary | Pakistan | ',
        'Salman Faruqi | Chief of Staff | Pakistan | Presidency',
        'Farahnaz Ispahani | Media Advisor | Pakistan | Presidency',
      ]),
    );
    // no title runs from one line into the next name's
    expect(roles.filter((r) => /Chief \||Secretary Salman/.test(r))).toEqual([]);
  });
});
