/** Quoted text (src/extract/relations/quotations.ts): sentences from the corpus, inside quotations and outside them. */
import { quotedAt, quotedSpans } from '../../../src/extract/relations/quotations';
import { makeCable } from '../helpers';

/** Each phrase (its first occurrence in the cable's text) as read: quoted, or outside quotations. */
function sides(text: string, ...groups: string[][]): { quoted: string[]; outside: string[] } {
  const cable = makeCable('10TEST1', text);
  const out = { quoted: [] as string[], outside: [] as string[] };
  for (const phrase of groups.flat()) {
    const at = text.indexOf(phrase);
    if (at < 0) throw new Error(`no "${phrase}" in the text`);
    (quotedAt(cable, at) ? out.quoted : out.outside).push(phrase);
  }
  return out;
}

/** Sentences of the corpus, and what in them is quoted and what is not. */
const CASES: Array<{ name: string; text: string; quoted: string[]; outside: string[] }> = [
  {
    name: 'holds a quotation opened in an earlier sentence and closed in a later one (10BAKU134)',
    text: '5. (C) "Chancellor Angela Merkel offered to call. Aliyev told her, \'No need,\'" an aide recalled.',
    quoted: ['told her', 'Merkel'],
    outside: ['an aide recalled'],
  },
  {
    name: 'reads curly marks by their shape (10ASTANA72)',
    text:
      '4. (S) Idenov said he was fed up and was going to the Middle East to work -- “I want out of here!” PM Masimov ' +
      'called and said, “Nazarbayev wants to know how you’re doing.”',
    quoted: ['I want out', 'Nazarbayev wants'],
    outside: ['Idenov said', 'PM Masimov'],
  },
  {
    name: 'reads the doubled apostrophe as a double mark, not single quotes or apostrophes (07PORTAUPRINCE408, 06PARIS5975)',
    text:
      "28. (C) He has said on several occasions that he wants to change the tradition of \nHaiti's presidents being the " +
      "center of attention. ''I will talk when \nI have some accomplishments to talk about.'' He still refers to " +
      "''the people''.\n\n29. (C) Sarkozy is making good use of this ‘blocking effect,’ using it to set the agenda.",
    quoted: ['I will talk', 'I have some', 'the people'],
    outside: ['He still refers', "Haiti's presidents", 'using it'],
  },
  {
    name: 'reads the corpus\'s mangled curly marks, `&` … `8` (09BRASILIA952), and leaves "R&D" and "G8" alone',
    text:
      '3. (S/NF) Saito reiterated how important the discussion had been, saying, &It opened the door for me to ' +
      'approach the Ambassador as I have.8 He said that President Lula had instructed Defense Minister Jobim to meet ' +
      'General Jones.\n\n4. (C) Brazil wants R&D money and a seat at the G8 summit; Jobim met Jones in May.',
    quoted: ['for me to', 'as I have'],
    outside: ['He said that', 'summit; Jobim met'],
  },
  {
    name: 'reads an `8` as a closing mark only after the mangled opening one: "G8" inside a quotation closes nothing',
    text:
      '5. (C) Sarkozy was blunt: "The G8 must act now. I will press them in Rome. We agree," he said. I told him ' +
      'we do.',
    quoted: ['I will press', 'We agree'],
    outside: ['Sarkozy was blunt', 'he said', 'I told him'],
  },
  {
    name: 'closes with the mangled `8` a quotation opened by another mark (09KABUL3068)',
    text:
      '6. (C) "You can easily bribe the chief of police or a judge,8 he said, &but you can\'t bribe 50 elders." ' +
      'I asked how.',
    quoted: ['bribe the chief', "you can't bribe"],
    outside: ['he said', 'I asked'],
  },
  {
    name: 'pairs marks across a page break inside the paragraph (10DAMASCUS8, its quotation made two sentences long)',
    text:
      '9.  (S)  Syria had no interest in supporting extremists.  "That \n \nDAMASCUS 00000008  004 OF 006 \n \n \n' +
      'hurts us.  We pay for it," Asad claimed.  U.S. "mistakes in Iraq" had cost \nSyria a great deal.  "I won\'t give it ' +
      '(intelligence \ncooperation) to you for free," he said.',
    quoted: ['hurts us', 'We pay', "I won't"],
    outside: ['Asad claimed', 'had cost', 'he said'],
  },
  {
    name: 'does not turn the paragraph inside out after a closing mark left alone (04SANAA2346)',
    text:
      '12. (S) Saleh raised extending the buyback. "We have already paid 9 billion rials," claimed the President we ' +
      'are ready to destroy them. We hope you will not limit the program to \nMANPADS." He stressed that the current ' +
      'proposal is for MANPADS only. "We hope \nthat this important first step will be completed as soon as \npossible," ' +
      'said A/S, adding that he was prepared to help.',
    quoted: ['We hope you', 'We hope \nthat'],
    // (the closing mark alone quotes its own sentence, not the paragraph before it)
    outside: ['He stressed', 'said A/S', 'claimed the President', 'Saleh raised'],
  },
  {
    name: 'runs a quotation left open to its paragraph end, no further (09OUAGADOUGOU1158)',
    text:
      '5. (C) Compaore read out the agreement: "The members of the National Transition Council must resign at least ' +
      'four months prior to the election. They will not run.\n\n6. (C) Comment: Compaore remains cautious.',
    quoted: ['must resign', 'They will not run'],
    outside: ['Compaore read out', 'Compaore remains'],
  },
  {
    name: 'holds a text quoted whole, "begin text: … End text" (05LONDON4981)',
    text:
      "6. (C) notes from the secgen's june 10 meeting\nbegin text:\n\nMemo for the file on the visit of the Ambassador " +
      "(on SG's return\nfrom his mission to DPRK)\n\nIn his response, the Ambassador said so.\n\nEnd text.\n\n" +
      '7. (C) I met with the Secretary General on June 12.',
    quoted: ['his mission', 'In his response'],
    outside: ['notes from', 'I met with'],
  },
];

describe('quotedAt', () => {
  it.each(CASES)('$name', ({ text, quoted, outside }) => {
    expect(sides(text, quoted, outside)).toEqual({ quoted, outside });
  });
});

describe('quotedSpans', () => {
  it('gives the quotations of a paragraph, sorted and disjoint, marks included', () => {
    const text = '2. (C) Karzai said "we will see." I told him that "no" was no answer.';
    const spans = quotedSpans(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['"we will see."', '"no"']);
  });

  it('joins a quotation inside a text quoted whole to it', () => {
    const text = 'Begin text: He said "yes." End text. Then "no."';
    const spans = quotedSpans(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['Begin text: He said "yes." ', '"no."']);
  });
});
