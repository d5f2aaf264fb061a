// Meeting parties written as pronouns: "Putin and Lavrov told him", "the Ambassador met him", "his conversation with the Ambassador".
/**
 * A party of a known meeting form may be a pronoun for someone named before: "Ariel Cohen … said Putin and Lavrov told
 * him", "At Italian Ambassador Maccotta's request, the Ambassador met him", "Cordeiro had called to follow up his
 * conversation with the Ambassador". The pronoun stands for a person only when one candidate is left: the people and
 * officers named before it in its sentence, else in the sentence before (same paragraph), less those of the form itself
 * and those whose honorific (Mr./Mrs./Ms.) gives the other gender. Two candidates, a withheld name, a pronoun of the
 * other gender in between, or a quotation, and the pronoun is left unread.
 */
import type { RelationContext } from './context';
import { sameParty } from './parties';
import { quotedAt } from './quotations';
import { isTitleWordForm } from './titles';
import type { Party } from './types';

export interface PronounSlot {
  party: Party;
  start: number;
  end: number;
}

/** "told him", "met (with) him": the pronoun as the object of a meeting verb, its subject written right before. */
const OBJECT_FORM =
  /\s+(?:had\s+|has\s+)?(?:also\s+|recently\s+|later\s+|then\s+|once\s+|previously\s+|privately\s+)?(told|informed|briefed|assured|reassured|warned|met(?:\s+with)?)\s+(him|her)\b/y;
/** After "her" as an object (not "told her counterpart"): a clause, a preposition, a date or punctuation. */
const AFTER_OBJECT_HER =
  /^\s*(?:[,.;:]|(?:that|about|on|in|at|of|during|after|before|how|what|whether|why|when|the|this|there|it|he|she|they|to|last|earlier|privately|personally)\b)/;
/** "his (recent) conversation with", "her meetings with": the pronoun as the owner of a meeting with someone named next. */
const POSSESSIVE_FORM =
  /\b(his|her|His|Her)\s+((?:[\w'’-]+\s+){0,4}?)(?:meetings?|conversations?|talks|discussions?|lunch|dinner|breakfast)\s+with\s+/g;
/** A meeting still to come, or one that is not a meeting: the possessive form's middle words. */
const NOT_HELD =
  /\b(?:planned|upcoming|proposed|possible|expected|scheduled|next|future|forthcoming|requested|hoped-for|(?:tele)?phone|video)\b/i;
/** A sentence that tells what someone wants or expects: its meeting has not been held. */
const WANTED =
  /\b(?:hopes?|hoped|wants?|wanted|expects?|expected|plans?|planned|intends?|intended|looks?\s+forward|will|would|shall)\b/;
/** The pronoun opens the sentence's first phrase ("During his meeting with Y, …"): its subject, after it, may be the one. */
const OPENING_PHRASE =
  /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:[A-Z][a-z]+\s*,\s*)?(?:In|During|At|After|Following|Before|Since|Throughout|Over|From)\s+$/;
/** Words that make the possessive another noun's ("his staff in meetings with", "his wife had dinner with"). */
const NOT_THE_MEETINGS =
  /\b(?:in|at|on|of|to|for|with|during|about|from|by|and|or|but|that|which|who|a|an|the|had|has|have|was|were|is|are|will|would|did)\b/i;
/** "the King", "the Foreign Minister": someone the text names by title alone, whom a pronoun may stand for. */
const THE_TITLE = /\b[Tt]he\s+(?:[A-Z][\w'’-]*\s+){0,3}([A-Z][\w'’-]*)/g;
/** The one met's title, between "with" and the name. */
const OBJECT_TITLE = /^\s*(?:the\s+)?(?:(?:[A-Z][\w.'’/&-]*|of|for|and)\s+){0,6}$/;
/** Between coordinated parties: a comma or "and", their titles. */
const COORDINATED = /^(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:the\s+)?(?:[A-Z][\w.'’/&-]*|of|for)\s+){0,6}$/;
const MALE = /\b(?:Mr|Monsieur|M)\.?\s+$/;
const FEMALE = /\b(?:Mrs|Ms|Miss|Mme|Madame)\.?\s+$/;

type Gender = 'm' | 'f';
const genderOfPronoun = (w: string): Gender => (/^(?:he|him|his)$/i.test(w) ? 'm' : 'f');

/**
 * The pairs of the sentence's meeting forms that have a pronoun as one party. `slotsIn` gives the parties written in a
 * span (people and the post's officers, as the meeting reader reads them).
 */
export function pronounPairs(
  ctx: RelationContext,
  si: number,
  slots: PronounSlot[],
  titleStarts: Map<number, number>,
  slotsIn: (start: number, end: number) => PronounSlot[],
): Array<[PronounSlot, PronounSlot, string]> {
  const text = ctx.cable.text;
  const s = ctx.sentences[si];
  const out: Array<[PronounSlot, PronounSlot, string]> = [];
  // "X [and Y] told him": the verb right after a party
  for (let i = 0; i < slots.length; i += 1) {
    const y = slots[i];
    OBJECT_FORM.lastIndex = y.end;
    const m = OBJECT_FORM.exec(text);
    if (!m || m.index + m[0].length > s.end) continue;
    const at = y.end + m[0].length - m[2].length;
    if (m[2] === 'her' && !AFTER_OBJECT_HER.test(text.slice(at + 3, at + 20))) continue;
    // "A, B and C told him": the list ends in "and" (a comma alone is an apposition: "Y, Deputy Minister X")
    let k = i;
    while (k > 0 && COORDINATED.test(text.slice(slots[k - 1].end, titleOf(slots[k], titleStarts)))) k -= 1;
    const subjects = listed(text, slots.slice(0, i + 1), k, titleStarts);
    if (subjects[subjects.length - 1] !== y) subjects.splice(0, subjects.length, y);
    const who = antecedent(ctx, si, at, m[2], subjects, slotsIn);
    if (!who) continue;
    const p: PronounSlot = { party: who, start: at, end: at + m[2].length };
    const form = /^met/.test(m[1]) ? 'met' : 'told';
    for (const x of subjects) out.push([x, p, form]);
  }
  // "his conversation with X (and Y)"
  const sentence = text.slice(s.start, s.end);
  POSSESSIVE_FORM.lastIndex = 0;
  for (let m = POSSESSIVE_FORM.exec(sentence); m; m = POSSESSIVE_FORM.exec(sentence)) {
    // (the words between are the meeting's: "his two-hour meeting", not "his staff in meetings", "his wife had dinner")
    if (NOT_HELD.test(m[2]) || NOT_THE_MEETINGS.test(m[2])) {
      // (a later "his" may own the meeting: "noting his appreciation for his meeting with X")
      POSSESSIVE_FORM.lastIndex = m.index + m[1].length;
      continue;
    }
    const at = s.start + m.index;
    const withEnd = at + m[0].length;
    const first = slots.findIndex((x) => x.start >= withEnd);
    if (first < 0 || !OBJECT_TITLE.test(text.slice(withEnd, Math.max(withEnd, titleOf(slots[first], titleStarts)))))
      continue;
    const objects = listed(text, slots, first, titleStarts);
    const last = objects[objects.length - 1];
    // a meeting still to come: "X hopes his May 3 meeting with Y is very positive", "… with Y will take place"
    if (
      WANTED.test(text.slice(s.start, at)) ||
      /^[^⟦.;:,]{0,40}?\b(?:will|would|is|are)\b/.test(text.slice(last.end, last.end + 60))
    )
      continue;
    // "During his meeting with Y, X said …": with no one before the pronoun, the subject after it may be the one it stands for
    if (
      !slots.some((x) => x.end <= at) &&
      (slots.some((x) => x.start > last.end) || OPENING_PHRASE.test(text.slice(s.start, at)))
    )
      continue;
    const who = antecedent(ctx, si, at, m[1], objects, slotsIn);
    if (!who) continue;
    const p: PronounSlot = { party: who, start: at, end: at + m[1].length };
    for (const o of objects) out.push([p, o, 'meeting-with']);
  }
  return out;
}

/** The parties listed from slot `first` on ("X, Y and Z"): up to the last one joined by "and", else `first` alone. */
function listed(text: string, slots: PronounSlot[], first: number, titleStarts: Map<number, number>): PronounSlot[] {
  let end = first;
  for (let k = first + 1; k < slots.length; k += 1) {
    const gap = text.slice(slots[k - 1].end, titleOf(slots[k], titleStarts));
    if (!COORDINATED.test(gap)) break;
    if (/\band\s/.test(gap)) end = k;
  }
  return slots.slice(first, end + 1);
}

const titleOf = (x: PronounSlot, titleStarts: Map<number, number>): number => {
  const t = titleStarts.get(x.start);
  return t !== undefined && t < x.start ? t : x.start;
};

/**
 * The one party a pronoun at `at` can stand for: the candidates named before it in its sentence, else in the sentence
 * before in the same paragraph, less `others` (the form's other side) and those of the other gender by honorific.
 */
export function antecedent(
  ctx: RelationContext,
  si: number,
  at: number,
  pronoun: string,
  others: PronounSlot[],
  slotsIn: (start: number, end: number) => PronounSlot[],
): Party | undefined {
  const text = ctx.cable.text;
  const s = ctx.sentences[si];
  // inside a quotation, also one opened in an earlier sentence, the pronoun is the speaker's, not the narrative's
  if (quotedAt(ctx.cable, at)) return undefined;
  const gender = genderOfPronoun(pronoun);
  const within = (from: number): Party[] | undefined => {
    const span = text.slice(from, at);
    // a withheld name, or a pronoun of the other gender: someone else the pronoun might stand for, or no telling
    if (/X{4,}/i.test(span)) return undefined;
    if ((gender === 'm' ? /\b(?:she|her|hers)\b/i : /\b(?:he|him|his)\b/i).test(span)) return undefined;
    // nor one of the same gender as an object ("Sarkozy would name him"): another person of that gender, not the subject
    if ((gender === 'm' ? /\bhim\b/ : /\bher\b(?=\s*[,.;]|\s+(?:as|to|that|in|on|at)\b)/).test(span)) return undefined;
    const written = slotsIn(from, at);
    // someone named by a title alone ("The King described his conversation with FM Mottaki") competes with every name
    THE_TITLE.lastIndex = 0;
    for (let t = THE_TITLE.exec(span); t; t = THE_TITLE.exec(span)) {
      const start = from + t.index;
      const end = start + t[0].length;
      if (isTitleWordForm(t[1]) && !written.some((x) => x.start < end && x.end > start)) return undefined;
    }
    const found: Party[] = [];
    for (const x of written) {
      if (x.end > at || others.some((o) => o === x || sameParty(o.party, x.party))) continue;
      // the cable's own voice ("us", the writer's "I") is no "he"
      if (/^(?:us|I|me|my)$/i.test(text.slice(x.start, x.end))) continue;
      const lead = text.slice(Math.max(0, x.start - 10), x.start);
      if ((gender === 'm' && FEMALE.test(lead)) || (gender === 'f' && MALE.test(lead))) continue;
      if (!found.some((f) => sameParty(f, x.party))) found.push(x.party);
    }
    return found;
  };
  const here = within(s.start);
  if (here === undefined) return undefined;
  if (here.length > 0) return here.length === 1 ? here[0] : undefined;
  const prev = ctx.sentences[si - 1];
  if (!prev || prev.paragraph === undefined || prev.paragraph !== s.paragraph) return undefined;
  // an aside ("(Note: Pundits predict Sarkozy would name him …)") is not the story the pronoun continues
  if (/^\s*\((?![A-Z/]{1,6}\))/.test(text.slice(prev.start, prev.start + 10))) return undefined;
  const there = within(prev.start);
  return there && there.length === 1 ? there[0] : undefined;
}
