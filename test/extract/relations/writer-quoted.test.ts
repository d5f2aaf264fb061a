/** h-review3: the writer's first person inside quotations that open before the sentence (proposed for writer.test.ts). */
import { writerWordsIn } from '../../../src/extract/relations/writer';
import { makeCable } from '../helpers';

describe('writerWordsIn, quotations', () => {
  // the writer's words of the sentence that starts at `from` (as readMeetings asks, one sentence at a time)
  const wordsFrom = (text: string, from: string) => {
    const start = text.indexOf(from);
    return writerWordsIn(makeCable('06TEST3', text), start, start + from.length).map((w) => text.slice(w.start, w.end));
  };

  it('finds none in a quotation opened sentences before', () => {
    const text = '2. (C) Karzai was blunt: "We will not accept this. I told Chavez so myself." He then left.';
    expect(wordsFrom(text, 'I told Chavez so myself."')).toEqual([]);
  });

  it('finds none in a text quoted whole, "Begin text: … End text"', () => {
    const text =
      '2. (C) FM Spanta sent the Secretary a letter. Begin text:\n\nDear Madam Secretary,\n\n' +
      'I met with President Musharraf last week.\n\nEnd text.\n\n3. (C) I met with Karzai on June 30.';
    expect(wordsFrom(text, 'I met with President Musharraf last week.')).toEqual([]);
    // after the quoted text the writer's own "I" again
    expect(wordsFrom(text, 'I met with Karzai on June 30.')).toEqual(['I']);
  });

  it('still finds the writer after a quotation closed in the paragraph', () => {
    const text = '2. (C) Karzai said "we will see." I told him that we would not wait.';
    expect(wordsFrom(text, 'I told him that we would not wait.')).toEqual(['I']);
  });
});
