/** Quoted text (src/extract/relations/quotations.ts): sentences from the corpus, inside quotations and outside them. */
import { quotedAt, quotedSpans } from '../../../src/extract/relations/quotations';
import { makeCable } from '../helpers';

/** Whether the first occurrence of `phrase` in the cable's text is quoted. */
function quoted(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`no "${phrase}" in the text`);
  return quotedAt(makeCable('10TEST1', text), at);
}

describe('quotedAt', () => {
  it('holds a quotation opened in an earlier sentence and closed in a later one (10BAKU134)', () => {
    const text = '5. (C) "Chancellor Angela Merkel offered to call. Aliyev told her, \'No need,\'" an aide recalled.';
    expect(quoted(text, 'told her')).toBe(true);
    expect(quoted(text, 'Merkel')).toBe(true);
    expect(quoted(text, 'an aide recalled')).toBe(false);
  });

  it('reads curly marks by their shape (10ASTANA72)', () => {
    const text =
      '4. (S) Idenov said he was fed up and was going to the Middle East to work -- “I want out of here!” PM Masimov ' +
      'called and said, “Nazarbayev wants to know how you’re doing.”';
    expect(quoted(text, 'I want out')).toBe(true);
    expect(quoted(text, 'Nazarbayev wants')).toBe(true);
    expect(quoted(text, 'Idenov said')).toBe(false);
    expect(quoted(text, 'PM Masimov')).toBe(false);
  });

  it('reads the doubled apostrophe as a double mark, not single quotes or apostrophes (07PORTAUPRINCE408, 06PARIS5975)', () => {
    const text =
      "28. (C) He has said on several occasions that he wants to change the tradition of \nHaiti's presidents being the " +
      "center of attention. ''I will talk when \nI have some accomplishments to talk about.'' He still refers to " +
      "''the people''.\n\n29. (C) Sarkozy is making good use of this ‘blocking effect,’ using it to set the agenda.";
    expect(quoted(text, 'I will talk')).toBe(true);
    expect(quoted(text, 'I have some')).toBe(true);
    expect(quoted(text, 'the people')).toBe(true);
    expect(quoted(text, 'He still refers')).toBe(false);
    expect(quoted(text, "Haiti's presidents")).toBe(false);
    expect(quoted(text, 'using it')).toBe(false);
  });

  it('reads the corpus\'s mangled curly marks, `&` … `8` (09BRASILIA952), and leaves "R&D" and "G8" alone', () => {
    const text =
      '3. (S/NF) Saito reiterated how important the discussion had been, saying, &It opened the door for me to ' +
      'approach the Ambassador as I have.8 He said that President Lula had instructed Defense Minister Jobim to meet ' +
      'General Jones.\n\n4. (C) Brazil wants R&D money and a seat at the G8 summit; Jobim met Jones in May.';
    expect(quoted(text, 'for me to')).toBe(true);
    expect(quoted(text, 'as I have')).toBe(true);
    expect(quoted(text, 'He said that')).toBe(false);
    expect(quoted(text, 'summit; Jobim met')).toBe(false);
  });

  it('pairs marks across a page break inside the paragraph (10DAMASCUS8, its quotation made two sentences long)', () => {
    const text =
      '9.  (S)  Syria had no interest in supporting extremists.  "That \n \nDAMASCUS 00000008  004 OF 006 \n \n \n' +
      'hurts us.  We pay for it," Asad claimed.  U.S. "mistakes in Iraq" had cost \nSyria a great deal.  "I won\'t give it ' +
      '(intelligence \ncooperation) to you for free," he said.';
    expect(quoted(text, 'hurts us')).toBe(true);
    expect(quoted(text, 'We pay')).toBe(true);
    expect(quoted(text, "I won't")).toBe(true);
    expect(quoted(text, 'Asad claimed')).toBe(false);
    expect(quoted(text, 'had cost')).toBe(false);
    expect(quoted(text, 'he said')).toBe(false);
  });

  it('does not turn the paragraph inside out after a closing mark left alone (04SANAA2346)', () => {
    const text =
      '12. (S) Saleh raised extending the buyback. "We have already paid 9 billion rials," claimed the President we ' +
      'are ready to destroy them. We hope you will not limit the program to \nMANPADS." He stressed that the current ' +
      'proposal is for MANPADS only. "We hope \nthat this important first step will be completed as soon as \npossible," ' +
      'said A/S, adding that he was prepared to help.';
    expect(quoted(text, 'We hope you')).toBe(true);
    expect(quoted(text, 'We hope \nthat')).toBe(true);
    expect(quoted(text, 'He stressed')).toBe(false);
    expect(quoted(text, 'said A/S')).toBe(false);
    // the closing mark alone quotes its own sentence, not the paragraph before it
    expect(quoted(text, 'claimed the President')).toBe(false);
    expect(quoted(text, 'Saleh raised')).toBe(false);
  });

  it('runs a quotation left open to its paragraph end, no further (09OUAGADOUGOU1158)', () => {
    const text =
      '5. (C) Compaore read out the agreement: "The members of the National Transition Council must resign at least ' +
      'four months prior to the election. They will not run.\n\n6. (C) Comment: Compaore remains cautious.';
    expect(quoted(text, 'must resign')).toBe(true);
    expect(quoted(text, 'They will not run')).toBe(true);
    expect(quoted(text, 'Compaore read out')).toBe(false);
    expect(quoted(text, 'Compaore remains')).toBe(false);
  });

  it('holds a text quoted whole, "begin text: … End text" (05LONDON4981)', () => {
    const text =
      "6. (C) notes from the secgen's june 10 meeting\nbegin text:\n\nMemo for the file on the visit of the Ambassador " +
      "(on SG's return\nfrom his mission to DPRK)\n\nIn his response, the Ambassador said so.\n\nEnd text.\n\n" +
      '7. (C) I met with the Secretary General on June 12.';
    expect(quoted(text, 'his mission')).toBe(true);
    expect(quoted(text, 'In his response')).toBe(true);
    expect(quoted(text, 'notes from')).toBe(false);
    expect(quoted(text, 'I met with')).toBe(false);
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
