import { addTitlePortfolios, dropStateRanks } from '../../src/extract/tagger/portfolios';
import type { Mention } from '../../src/model';
import { makeCable } from './helpers';

/** Mentions at the first occurrence of each text after `from`. */
function at(text: string, specs: Array<[Mention['type'], string, number?]>): Mention[] {
  return specs.map(([type, s, from]) => {
    const start = text.indexOf(s, from ?? 0);
    return { type, text: s, start, end: start + s.length };
  });
}
const shown = (text: string, ms: Mention[]) => ms.map((m) => [m.type, text.slice(m.start, m.end)]);

describe('addTitlePortfolios', () => {
  it('tags the portfolio after "Minister of/for" up to the officeholder, and a portfolio noun before "Minister"', () => {
    const t =
      'He met Minister of Transportation Ziya Mammedov, Minister of Foreign Trade Tuzmen and Vice Minister of Social Defense Felipe Caceres. ' +
      'Later Higher Education Minister Naledi Pandor and Fuel and Energy Minister Prodan spoke.';
    const ms = at(t, [
      ['PERSON', 'Ziya Mammedov'],
      ['PERSON', 'Felipe Caceres'],
      ['PERSON', 'Naledi Pandor'],
    ]);
    addTitlePortfolios(makeCable('09BAKU1', t), ms);
    expect(shown(t, ms)).toEqual([
      ['ORGANIZATION', 'Transportation'],
      ['PERSON', 'Ziya Mammedov'],
      ['ORGANIZATION', 'Foreign Trade'],
      ['ORGANIZATION', 'Social Defense'],
      ['PERSON', 'Felipe Caceres'],
      ['ORGANIZATION', 'Higher Education'],
      ['PERSON', 'Naledi Pandor'],
      ['ORGANIZATION', 'Fuel and Energy'],
    ]);
  });

  it("extends the tagger's first word of a portfolio over the rest and splits a plural title's list", () => {
    const t =
      'Salgado, Minister of Economy and Finance, met the Ministers of Justice, Public Works and Health. Commerce, Industry & Tourism Minister Plata came.';
    const ms = at(t, [
      ['PERSON', 'Salgado'],
      ['ORGANIZATION', 'Economy'],
      ['ORGANIZATION', 'Justice'],
    ]);
    addTitlePortfolios(makeCable('09MADRID1', t), ms);
    expect(shown(t, ms)).toEqual([
      ['PERSON', 'Salgado'],
      ['ORGANIZATION', 'Economy and Finance'],
      ['ORGANIZATION', 'Justice'],
      ['ORGANIZATION', 'Public Works'],
      ['ORGANIZATION', 'Health'],
      ['ORGANIZATION', 'Commerce, Industry & Tourism'],
    ]);
  });

  it('leaves titles that name no ministry alone', () => {
    const t =
      'The Prime Minister of Turkey, Deputy Prime Minister for Defense and Security Affairs Alimi, the State Minister for Trade, ' +
      'Shadow Minister for the Environment Barker, Shadow Finance Minister Osborne, the Minister for Africa, the Minister of Foreign Affairs, ' +
      'NATO Defense Ministers, Political Minister Counselor Glass, Afghan Interior Minister Atmar and Economics and Deputy Minister Lee.';
    const ms = at(t, [
      ['PLACE', 'Turkey'],
      ['PLACE', 'Africa'],
      ['ORGANIZATION', 'NATO'],
      ['ORGANIZATION', 'Interior'],
    ]);
    const before = ms.map((m) => ({ ...m }));
    addTitlePortfolios(makeCable('09LONDON1', t), ms);
    expect(ms).toEqual(before);
  });
});

describe('dropStateRanks', () => {
  it('drops "State" read as an organization in a rank, "Cabinet" in "Cabinet Chief", and cuts "State" off a body it ends, not the Department of State', () => {
    const t =
      'State Minister Tuzmen met the Serbian Ministry for Kosovo State Secretary Ivanovic, Cabinet Chief Fernandez, then the State Department and State.';
    const ms = at(t, [
      ['ORGANIZATION', 'State'],
      ['PERSON', 'Tuzmen'],
      ['ORGANIZATION', 'Serbian Ministry for Kosovo State'],
      ['PERSON', 'Ivanovic'],
      ['ORGANIZATION', 'Cabinet'],
      ['PERSON', 'Fernandez'],
      ['ORGANIZATION', 'State Department'],
      ['ORGANIZATION', 'State', t.lastIndexOf('State')],
    ]);
    dropStateRanks(t, ms);
    expect(shown(t, ms)).toEqual([
      ['PERSON', 'Tuzmen'],
      ['ORGANIZATION', 'Serbian Ministry for Kosovo'],
      ['PERSON', 'Ivanovic'],
      ['PERSON', 'Fernandez'],
      ['ORGANIZATION', 'State Department'],
      ['ORGANIZATION', 'State'],
    ]);
    expect(ms[1].text).toBe('Serbian Ministry for Kosovo');
  });
});
