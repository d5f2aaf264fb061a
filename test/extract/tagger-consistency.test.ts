import { harmonizeTypes } from '../../src/extract/tagger/consistency';
import type { Mention } from '../../src/model';

const m = (type: Mention['type'], text: string, start: number): Mention => ({
  type,
  text,
  start,
  end: start + text.length,
});

describe('harmonizeTypes', () => {
  it('gives every mention of one name in a cable the type most of them have, folding case and full stops', () => {
    const ms = [
      m('ORGANIZATION', 'Tullow', 0),
      m('ORGANIZATION', 'Tullow', 40),
      m('PERSON', 'TULLOW', 80),
      m('PLACE', 'U.S.', 100),
      m('PLACE', 'US', 120),
      m('ORGANIZATION', 'U.S', 140),
    ];
    expect(harmonizeTypes(ms)).toBe(2);
    expect(ms.map((x) => x.type)).toEqual(['ORGANIZATION', 'ORGANIZATION', 'ORGANIZATION', 'PLACE', 'PLACE', 'PLACE']);
  });

  it('leaves a tie and names with one type alone', () => {
    const ms = [m('PERSON', 'Leon', 0), m('PLACE', 'Leon', 20), m('PERSON', 'Juan Leon', 40)];
    expect(harmonizeTypes(ms)).toBe(0);
    expect(ms.map((x) => x.type)).toEqual(['PERSON', 'PLACE', 'PERSON']);
  });
});
