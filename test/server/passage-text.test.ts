import { readablePassage } from '../../src/server/passage-text';

describe('evidence passages as a reader wants them', () => {
  test('hard line breaks joined, SIPDIS and page-break lines dropped, highlights on the same words', () => {
    const text =
      '1. (C) Summary: FM Kouchner met\nPresident  Talabani in\n  Irbil.\n\nSIPDIS\n\nPARIS 00003534 002 OF 002\nHe said\n-- Iraq first;\n-- the rest after.  ';
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, entity: word });
    const r = readablePassage(text, [at('Kouchner'), at('Talabani'), at('Irbil'), at('Iraq')]);
    expect(r.text).toBe(
      '1. (C) Summary: FM Kouchner met President Talabani in Irbil.\nHe said\n-- Iraq first;\n-- the rest after.',
    );
    expect(r.highlights.map((h) => [h.entity, r.text.slice(h.start, h.end)])).toEqual([
      ['Kouchner', 'Kouchner'],
      ['Talabani', 'Talabani'],
      ['Irbil', 'Irbil'],
      ['Iraq', 'Iraq'],
    ]);
  });

  test('a clean passage is unchanged', () => {
    const text = "Masseret said the visit was at Kouchner's initiative.";
    expect(readablePassage(text, [{ start: 32, end: 40, entity: 'k' }])).toEqual({
      text,
      highlights: [{ start: 32, end: 40, entity: 'k' }],
    });
  });
});
