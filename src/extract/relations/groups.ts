// Group and noun meetings: lists of titled people on each side of "met (with)", "were met by", "a meeting between X and Y".
/** Group and noun meetings: lists of titled people on each side of "met (with)", "were met by", "a meeting between X and Y". */
import type { Party } from './types';

/** A party written in a sentence, with its offsets in the cable text. */
export interface GroupSlot {
  party: Party;
  start: number;
  end: number;
}
/** Two members, the form, and where their lists start (a date written before the first member is the meeting's). */
export type GroupPair = [GroupSlot, GroupSlot, string, number];

/** The verbs that join two lists: "A, B and C met with X; Y; and Z", "A and B were met by X, Y and Z". */
const GROUP_VERB = /\b(?:(?:also\s+)?met(?:\s+(?:separately|jointly|together))?\s+with|(?:were|was)\s+met\s+by)\b/g;
/**
 * What may stand between two members of a list: a comma, a semicolon or "and", then the next member's title, which may
 * hold commas and parenthesized acronyms ("; DAS equivalent for South America, ", ", Director Military Intelligence and
 * Security (MISS) MGen ").
 */
const LIST_GAP = /^\s*(?:[,;]\s*(?:and\s+)?|and\s+)(?:[^.:]{0,110}?\s)?$/;
/** Words that open a clause of their own: a gap holding one ends the list. */
const CLAUSE_WORD =
  /\b(?:said|says|told|met|meet|meets|who|whom|which|where|when|while|were|was|is|are|had|has|have|with|by|to|that|after|before|during|on|in|at|from|about)\b/i;
/** The lead of one who only accompanies: ", accompanied by …", "(R-SC), who were joined by …" (not a sentence that opens
 * "Accompanied by Poloff, the Ambassador met …", whose subject follows). */
export const COMPANIONS_LEAD = /,\s*(?:who\s+(?:was|were)\s+)?(?:accompanied|joined)\s+by\s[^⟦.;:]*$/;
/** The title phrase written before the first member after the verb ("met with FM Kouchner's Counselor for …, "). */
const FIRST_GAP = /^\s*(?:[^.:;]{0,110}?\s)?$/;
/** "met … with", "a meeting between": before these the members are the sentence's subject list. */
const THEY_BEFORE = /\b(?:they|who)\s+$/i;

const collapse = (s: string): string => s.replace(/\s+/g, ' ');

/**
 * The people of a list-shaped meeting sentence that the adjacent-pair forms leave out: every member of the subject
 * list with every member of the object list, when one side has several members whose titles hold commas or
 * semicolons (09ABUDHABI192, 07PARIS3941). `slots` are the sentence's parties, sorted; `isTitle` says a slot is a
 * title of the person after it ("the COS, LTG Hamid Thani al Rumaithy").
 */
export function groupPairs(text: string, sentenceStart: number, sentenceEnd: number, slots: GroupSlot[]): GroupPair[] {
  // a possessive owner ("FM Kouchner's Counselor") and an officer written as a title ("(DATT)", "the COS, LTG X") are no members
  const members = slots.filter((x, i) => !isOwner(text, x) && !isTitleOfNext(text, x, slots.slice(i + 1)));
  if (members.length < 3) return [];
  const sentence = text.slice(sentenceStart, sentenceEnd);
  const out: GroupPair[] = [];
  GROUP_VERB.lastIndex = 0;
  for (let v = GROUP_VERB.exec(sentence); v; v = GROUP_VERB.exec(sentence)) {
    const verbStart = sentenceStart + v.index;
    const verbEnd = verbStart + v[0].length;
    const firstAfter = members.findIndex((x) => x.start >= verbEnd);
    if (firstAfter < 0) continue;
    if (
      !FIRST_GAP.test(text.slice(verbEnd, members[firstAfter].start)) ||
      hasClause(text, verbEnd, members[firstAfter].start)
    )
      continue;
    const objects = listFrom(text, members, firstAfter);
    const lastBefore = firstAfter - 1;
    if (lastBefore < 0) continue;
    let subjects: GroupSlot[];
    const before = text.slice(members[lastBefore].end, verbStart);
    if (/^\s*,?\s*(?:also\s+)?$/.test(before)) {
      subjects = listTo(text, members, lastBefore);
      // "X and Y, accompanied by A, B and C, met with …": the list before the verb only accompanies
      const at = members.indexOf(subjects[0]);
      if (COMPANIONS_LEAD.test(text.slice(at === 0 ? sentenceStart : members[at - 1].end, subjects[0].start))) continue;
    } else if (THEY_BEFORE.test(before)) {
      // "A, B and C were summoned to …, where they were met by X": the list that opens the sentence
      const lead = text.slice(sentenceStart, members[0].start);
      if (lead.length > 80 || /[;:]/.test(lead)) continue;
      subjects = listFrom(text, members, 0).filter((x) => x.end <= verbStart);
    } else continue;
    // a pair of two is the adjacent forms' business; a list is read here
    if (subjects.length + objects.length < 3) continue;
    for (const a of subjects) for (const b of objects) out.push([a, b, 'met', subjects[0].start]);
  }
  return out;
}

/** Members from `j` on, while the gaps between them are list gaps. */
function listFrom(text: string, members: GroupSlot[], j: number): GroupSlot[] {
  const out = [members[j]];
  for (let k = j + 1; k < members.length; k += 1) {
    if (!isListGap(text, members[k - 1].end, members[k].start)) break;
    out.push(members[k]);
  }
  return out;
}
/** Members up to `j`, back while the gaps between them are list gaps. */
function listTo(text: string, members: GroupSlot[], j: number): GroupSlot[] {
  const out = [members[j]];
  for (let k = j - 1; k >= 0; k -= 1) {
    if (!isListGap(text, members[k].end, members[k + 1].start)) break;
    out.unshift(members[k]);
  }
  return out;
}
function isListGap(text: string, from: number, to: number): boolean {
  return LIST_GAP.test(collapse(text.slice(from, to))) && !hasClause(text, from, to);
}
function hasClause(text: string, from: number, to: number): boolean {
  // "Counselor for Latin American and Asian affairs" holds no clause; the words of one are looked for outside parentheses
  return CLAUSE_WORD.test(text.slice(from, to).replace(/\([^()]*\)/g, ' '));
}
/** "Kouchner's Counselor": the person owns the title of the next member. */
function isOwner(text: string, x: GroupSlot): boolean {
  return x.party.kind === 'person' && /^['’]s?\s/.test(text.slice(x.end, x.end + 3));
}
/** An officer written inside parentheses or set before a name by a comma: a title, not a party. */
function isTitleOfNext(text: string, x: GroupSlot, after: GroupSlot[]): boolean {
  if (x.party.kind !== 'officer') return false;
  if (text[x.start - 1] === '(' || text[x.end] === ')') return true;
  // "the COS, LTG X", "Defense Attache (DATT) Colonel X": the next person, behind an acronym and a rank at most
  const next = after.find((y) => y.party.kind === 'person');
  return (
    next !== undefined &&
    /^(?:,\s+|\s*\([^()]{1,12}\)\s*|\s+)(?:[A-Z][\w.]*\s+){0,2}$/.test(collapse(text.slice(x.end, next.start)))
  );
}

/** "a meeting between X and Y", "the January 15, 2009 La Paz meeting between …", "a meeting in Washington between …": the noun names those who met. */
const MEETING_BETWEEN =
  /\b(?:meeting|meetings|talks|conversation|discussion|encounter)(?:\s+(?:in|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?\s+between\s+(?:[^⟦.;:,]{0,60}?\s)?$/i;
/** A meeting still to come, only possible, proposed or wished for ("wants … to have an excellent meeting between", "should begin thinking about a meeting between"): the guideline counts none. */
const NOT_HELD =
  /\b(?:will|would|should|could|might|must|to\s+be|expects?|expected|wants?|hopes?|to\s+(?:have|hold|arrange)|thinking|consider\w*|suggest\w*|propos\w*|seek\w*|sought)\b[^.;:]{0,80}?\b(?:meeting|meetings|talks|conversation|discussion|encounter)\s+between\b|\b(?:upcoming|planned|proposed|possible|future|next|scheduled|potential|requested|would-be|hoped-for|any)\s+(?:[^.;:]{0,40}?\s)?(?:meeting|meetings|talks|conversation|discussion|encounter)\s+between\b/i;

/** The pairs of "a meeting between X and Y" (09BRASILIA93, 10BRASILIA61, 08KABUL3030), or of X, Y and Z. */
export function betweenPairs(text: string, sentenceStart: number, slots: GroupSlot[]): GroupPair[] {
  const out: GroupPair[] = [];
  for (let i = 0; i + 1 < slots.length; i += 1) {
    const a = slots[i];
    const lead = collapse(text.slice(i === 0 ? sentenceStart : slots[i - 1].end, a.start));
    const m = MEETING_BETWEEN.exec(lead);
    if (!m || NOT_HELD.test(lead)) continue;
    // the words between the noun and the first party are its title ("Brazilian President"), no clause
    if (CLAUSE_WORD.test(lead.slice(m.index + m[0].indexOf('between') + 8))) continue;
    // "between A and B", "between NSA Jones, Leon, and Solomont": each member with each other
    const members = [a];
    for (let k = i + 1; k < slots.length; k += 1) {
      const gap = collapse(text.slice(slots[k - 1].end, slots[k].start));
      const last = /^(?:,\s*)?\s*and\s+(?:[^⟦.;:,]{0,60}?\s)?$/.test(gap);
      if ((!last && !/^,\s*(?:[^⟦.;:,]{0,60}?\s)?$/.test(gap)) || CLAUSE_WORD.test(gap)) break;
      members.push(slots[k]);
      if (last) break;
    }
    const closing = members[members.length - 1];
    if (
      members.length < 2 ||
      !/^(?:,\s*)?\s*and\s/.test(collapse(text.slice(members[members.length - 2].end, closing.start)))
    )
      continue;
    if (/^['’]s?\s/.test(text.slice(closing.end, closing.end + 3))) continue; // "between X and Y's adviser"
    // "a meeting between BW's CEO Prince and Cofer Black with Amb. Olhaye": those listed are one side, not each other's
    if (/^\s+with\s/.test(text.slice(closing.end, closing.end + 7))) continue;
    for (let x = 0; x < members.length; x += 1)
      for (let y = x + 1; y < members.length; y += 1) out.push([members[x], members[y], 'meeting-between', a.start]);
  }
  return out;
}
