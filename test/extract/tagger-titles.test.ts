import { dropTitleAcronyms } from '../../src/extract/tagger';
import type { Mention } from '../../src/model';

/** Mentions of `text` at the places its words are found, in order. */
function mentions(text: string, spans: Array<[Mention['type'], string]>): Mention[] {
  let from = 0;
  return spans.map(([type, surface]) => {
    const start = text.indexOf(surface, from);
    from = start + surface.length;
    return { type, text: surface, start, end: from };
  });
}

describe('dropTitleAcronyms', () => {
  it('drops an acronym written right before a name: the person’s title, not an organization', () => {
    const text = 'While NSA Jones provided much of the case, SYG Ban agreed.\nSUBJECT: NSA\nJONES DISCUSSES';
    const ms = mentions(text, [
      ['ORGANIZATION', 'NSA'],
      ['PERSON', 'Jones'],
      ['ORGANIZATION', 'SYG'],
      ['PERSON', 'Ban'],
      ['ORGANIZATION', 'NSA'],
      ['PERSON', 'JONES'],
    ]);
    dropTitleAcronyms(text, ms);
    expect(ms.map((m) => m.text)).toEqual(['Jones', 'Ban', 'JONES']);
  });

  it('keeps organizations a word or a comma separates from the name, and acronyms before places', () => {
    const text = 'FBI Director Mueller met NATO, Rasmussen said; the UN Iraq office; NSA officials';
    const ms = mentions(text, [
      ['ORGANIZATION', 'FBI'],
      ['PERSON', 'Mueller'],
      ['ORGANIZATION', 'NATO'],
      ['PERSON', 'Rasmussen'],
      ['ORGANIZATION', 'UN'],
      ['PLACE', 'Iraq'],
      ['ORGANIZATION', 'NSA'],
    ]);
    dropTitleAcronyms(text, ms);
    expect(ms.map((m) => m.text)).toEqual(['FBI', 'Mueller', 'NATO', 'Rasmussen', 'UN', 'Iraq', 'NSA']);
  });
});
