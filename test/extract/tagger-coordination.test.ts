import { splitCoordinatedBodies } from '../../src/extract/tagger/coordination';
import type { Mention } from '../../src/model';

const org = (text: string, s: string): Mention => {
  const start = text.indexOf(s);
  return { type: 'ORGANIZATION', text: s, start, end: start + s.length, paragraph: 2 };
};

describe('splitCoordinatedBodies', () => {
  it('splits two bodies the tagger read as one organization across "and"', () => {
    const t =
      'Officials of the State Department and Department of Treasury, the Navy and Air Force, the Department of Field Support, and Department of Political Affairs, the Pakistan Defense Ministry and Army.';
    const ms = [
      org(t, 'State Department and Department of Treasury'),
      org(t, 'Navy and Air Force'),
      org(t, 'Department of Field Support, and Department of Political Affairs'),
      org(t, 'Pakistan Defense Ministry and Army'),
    ];
    splitCoordinatedBodies(t, ms);
    expect(ms.map((m) => [m.text, t.slice(m.start, m.end), m.paragraph])).toEqual([
      ['State Department', 'State Department', 2],
      ['Department of Treasury', 'Department of Treasury', 2],
      ['Navy', 'Navy', 2],
      ['Air Force', 'Air Force', 2],
      ['Department of Field Support', 'Department of Field Support', 2],
      ['Department of Political Affairs', 'Department of Political Affairs', 2],
      ['Pakistan Defense Ministry', 'Pakistan Defense Ministry', 2],
      ['Army', 'Army', 2],
    ]);
  });

  it('leaves one body named with "and" whole', () => {
    const t =
      'The Justice and Development Party, the Ministry of Economy and Finance, the Department of Health and Human Services, the Union Solidarity and Development Association, Arab Radio and Television and Vetter GmbH & Co KG.';
    const ms = [
      org(t, 'Justice and Development Party'),
      org(t, 'Ministry of Economy and Finance'),
      org(t, 'Department of Health and Human Services'),
      org(t, 'Union Solidarity and Development Association'),
      org(t, 'Arab Radio and Television'),
      org(t, 'Vetter GmbH & Co KG'),
    ];
    const before = ms.map((m) => ({ ...m }));
    splitCoordinatedBodies(t, ms);
    expect(ms).toEqual(before);
  });
});
