// The cable's writer in the first person: "I met with FM Amorim", "Atmar assured me", "In my meeting with X".
/**
 * A chief of mission's cable may be written in the first person ("I met early on with Foreign Minister Amorim", "Atmar
 * assured me", "In my meeting with Justice Minister Bastos"): its "I" is a party of the meetings it tells. The writer
 * is known from the header ("FOR WHA ASSISTANT SECRETARY SHANNON FROM AMBASSADOR SOBEL") or, without one, from a
 * Classified By line whose officer is the Ambassador or the Chargé (who sign such cables). Another officer's "I", and
 * any "I" inside a quotation, is not read: who speaks is then someone else.
 */
import type { Cable } from '../../parse/types';
import type { RelationContext } from './context';
import { quotedAt } from './quotations';
import { classifiedByTitle } from './roles';
import type { Party } from './types';

/** "FROM AMBASSADOR SOBEL", "FROM THE CHARGE": the header names the chief of mission who writes. */
const FROM_CHIEF = /\bFROM\s+(?:THE\s+)?(AMBASSADOR|CHARG[EÉ](?:\s+D['’]AFFAIRES)?|CDA)\b/;
const CHIEF = /^(?:Ambassador|Charge d'Affaires)$/;

/** The writer of a first-person cable, or undefined when the cable does not say who writes. */
export function writerOf(ctx: RelationContext, officerParty: (words: string) => Party | undefined): Party | undefined {
  const text = ctx.cable.text;
  const first = ctx.cable.paragraphs.find((p) => p.number !== undefined);
  const header = text.slice(0, first ? first.start : Math.min(text.length, 1500));
  const from = FROM_CHIEF.exec(header);
  if (from) {
    const end = from.index + from[0].length;
    const named = ctx.persons.find((m) => m.start >= end && m.start <= end + 2);
    if (named) return { kind: 'person', ...ctx.personRef(named) };
    return officerParty(/^AMBASSADOR$/.test(from[1]) ? 'Ambassador' : "Charge d'Affaires");
  }
  const cb = ctx.cable.classifiedBy;
  const read = cb?.name && cb.title ? classifiedByTitle(cb.title) : undefined;
  return read && !read.acting && CHIEF.test(read.title) ? officerParty(read.title) : undefined;
}

/**
 * The writer's words in a sentence: "I" opening a clause before a meeting verb ("I met", "I had … discussions"; not
 * "whom I met"), "me" after a verb of telling ("told me", "related to me"), "my" in a meeting phrase ("In my meeting
 * with").
 */
const FIRST_PERSON =
  /\bI(?<=(?:^|[,;]\s+|\band\s+|\bbut\s+|\)\s+)\s*I)(?=\s+(?:have\s+|had\s+)?(?:also\s+|first\s+|later\s+|recently\s+|then\s+|again\s+|separately\s+|personally\s+|subsequently\s+)?(?:met|called\s+on|paid|had|held|spoke|talked|told|briefed|informed|raised|delivered|conveyed|discussed|asked|hosted|received)\b)|\bme\b(?<=\b(?:told|informed|briefed|assured|reassured|reminded|warned|with|to)\s+me)|\bmy(?<=\b(?:[Ii]n|[Dd]uring|[Aa]t|[Aa]fter|[Ff]ollowing)\s+my)(?=\s+(?:[^⟦.;:]{0,50}?\s)?(?:meeting|conversation|discussion|call|lunch|dinner|breakfast)s?\b)/g;

/** Someone else's first person reported without quotation marks: "I asked him, Prince Mohammed recounted, whether …". */
const REPORTED_I =
  /\bI\b[^.;:]{0,80},\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:recounted|said|explained|noted|added|continued|recalled|related)\s*,/;

/** Offsets of the writer's words in [start, end) of the cable's text, outside quotations. */
export function writerWordsIn(cable: Cable, start: number, end: number): Array<{ start: number; end: number }> {
  const text = cable.text;
  const sentence = text.slice(start, end);
  const out: Array<{ start: number; end: number }> = [];
  FIRST_PERSON.lastIndex = 0;
  let m = FIRST_PERSON.exec(sentence);
  // the sentence, or one just before it, reports another's "I" (asked once, and only of a sentence with a first person)
  if (!m || REPORTED_I.test(text.slice(Math.max(0, start - 300), end))) return out;
  for (; m; m = FIRST_PERSON.exec(sentence)) {
    // inside a quotation ("because my husband told me to"), one opened sentences before, or a text quoted whole
    // ("Begin text: Dear Madam Secretary, I met …"): someone else's "I"
    if (quotedAt(cable, start + m.index)) continue;
    out.push({ start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}
