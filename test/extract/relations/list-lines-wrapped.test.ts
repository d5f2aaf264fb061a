/** h-review3: a title wrapped onto the name's line is no list line's (proposed for list-lines.test.ts). */
import { listLineOf } from '../../../src/extract/relations/list-lines';

const at = (text: string, name: string): [number, number] => {
  const start = text.indexOf(name);
  return [start, start + name.length];
};

describe('listLineOf, titles wrapped across a line break', () => {
  it('is no list line when the line before ends inside the title ("Minister of Foreign / Affairs X")', () => {
    const list = 'Pakistan\nForeign Secretary Salman Bashir\nMinister of Foreign\nAffairs Shah Mehmood Qureshi\n';
    expect(listLineOf(list, ...at(list, 'Shah Mehmood Qureshi'))).toBeUndefined();
    const isi = 'Pakistan\nDirector General of Inter-Services\nIntelligence Ahmed Shuja Pasha\n';
    expect(listLineOf(isi, ...at(isi, 'Ahmed Shuja Pasha'))).toBeUndefined();
  });

  it('is no list line when the line before ends in a title\'s first word ("Meeting with Foreign / Minister X")', () => {
    const schedule = '-- Meeting with Foreign\nMinister Qureshi\n-- Lunch\n';
    expect(listLineOf(schedule, ...at(schedule, 'Qureshi'))).toBeUndefined();
    // prose wrapped short (09BAKU175): "with Azerbaijan / Minister of Transportation Ziya Mammedov, and with"
    const prose =
      'a close business relationship/friendship with Azerbaijan\nMinister of Transportation Ziya Mammedov, and\n';
    expect(listLineOf(prose, ...at(prose, 'Ziya Mammedov'))).toBeUndefined();
  });

  it('still reads a list line under a country heading, and after a list line ending in a name ("of Staff Salman Faruqi")', () => {
    const list = 'Pakistan\nPresidential Chief of Staff Salman Faruqi\nPresidential Media Advisor Farahnaz Ispahani\n';
    expect(listLineOf(list, ...at(list, 'Salman Faruqi'))?.country).toBe('Pakistan');
    expect(listLineOf(list, ...at(list, 'Farahnaz Ispahani'))?.country).toBe('Pakistan');
  });
});
