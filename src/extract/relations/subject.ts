// The meeting a cable's subject line names: "SUBJECT: AMBASSADOR'S MEETING WITH FM MORATINOS".
/**
 * The meeting a cable's subject line names ("SUBJECT: AMBASSADOR'S NOVEMBER 10 MEETING WITH CULTURE MINISTER
 * CARMEN CALVO", "AMBASSADOR MEETS WITH KEY SARKOZY ADVISOR FRANCOIS FILLON", "DUBAI RULER DISCUSSES IRAN WITH
 * SENATOR LIEBERMAN"): the body then often says only "Calvo said …". A party is an embassy officer by function, or
 * the person of the body whose surname the subject writes.
 */
import type { RelationContext } from './context';
import { dateIn } from './text';
import type { Meeting, Party } from './types';

/** The subject line, with its continuation lines (up to a blank line, the references or the Classified By line). */
const SUBJECT_LINE =
  /^SUBJECT:[ \t]*([^\n]+(?:\n(?![ \t]*\n)(?![ \t]*(?:REF|Classified|CLASSIFIED|\d+\.))[^\n]+){0,3})/m;
/** A meeting still to come or asked for: a scenesetter, a request, a preview. */
const NOT_HELD =
  /\b(?:SCENE[\s-]?SETTER|SCENESETTER|PREVIEW|UPCOMING|PROPOSED|PLANNED|REQUEST(?:S|ED)?|FOR\s+[^:]{0,40}['’,]S\s+[^:]{0,20}MEETING|WILL|TO\s+MEET|READOUT\s+OF)\b/i;
const MONTH_DAY = String.raw`(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s+\d{1,2}`;
/** "A'S [<date>] MEETING WITH B", "A MEETS [WITH] B", "A DISCUSSES … WITH B", "A CALLS ON B". */
const FORMS: RegExp[] = [
  new RegExp(
    String.raw`^(.{2,60}?)['’,]S\s+(?:(${MONTH_DAY})\s+)?(?:MEETING|CONVERSATION|LUNCH|DINNER|CALL)\s+(?:WITH|ON)\s+(.{2,90})$`,
    'i',
  ),
  new RegExp(String.raw`^(.{2,60}?)\s+(?:MEETS|MET|CALLS\s+ON|CALLED\s+ON)\s+(?:WITH\s+)?(.{2,90})$`, 'i'),
  new RegExp(String.raw`^(.{2,60}?)\s+DISCUSS(?:ES|ED)?\s+.{2,80}?\s+WITH\s+(.{2,90})$`, 'i'),
];
/** Where a party's words end: the topic after it ("… ON BILATERAL RELATIONS", "…: ECONOMIC SQUEEZE"). */
const TOPIC =
  /\s+(?:ON|ABOUT|REGARDING|CONCERNING|OVER|TO\s+DISCUSS|AND\s+(?:DISCUSS|DISCUSSES|REVIEW))\s.*$|\s*[:;(].*$|\s+Classified\s+By\b.*$/i;

/** The meetings the subject line names, each party found in the body or by function. */
export function subjectMeetings(ctx: RelationContext, officer: (words: string) => Party | undefined): Meeting[] {
  const text = ctx.cable.text;
  const line = SUBJECT_LINE.exec(text);
  if (!line) return [];
  // "SPAIN: AMBASSADOR AGUIRRE'S MEETING …": the country or topic before a colon is no party
  const subject = line[1].replace(/\s+/g, ' ').trim();
  if (NOT_HELD.test(subject)) return [];
  const clauses = subject.split(/:\s+/);
  for (const clause of clauses) {
    for (const form of FORMS) {
      const m = form.exec(clause);
      if (!m) continue;
      const date = m.length === 4 && m[2] ? dateIn(titleCase(m[2]), ctx.date) : undefined;
      const sideA = m[1];
      const sideB = m[m.length - 1].replace(TOPIC, '');
      const as = partiesOf(ctx, sideA, officer);
      const bs = sideB
        .split(/,\s*|\s+AND\s+/i)
        .flatMap((w) => partiesOf(ctx, w, officer))
        .filter((p, i, all) => all.findIndex((q) => sameParty(p, q)) === i);
      if (as.length !== 1 || bs.length === 0) return [];
      // (the offsets span what the text says: "SUBJECT:" and the line with its continuations)
      const evidence = { text: `SUBJECT: ${subject}`, start: line.index, end: line.index + line[0].length };
      return bs
        .filter((b) => !sameParty(as[0], b))
        .map((b) => ({
          a: as[0],
          b,
          dateSource: date ? ('text' as const) : ('cable' as const),
          form: 'subject',
          evidence,
          ...((date ?? ctx.date) ? { date: date ?? ctx.date } : {}),
        }));
    }
  }
  return [];
}

/** The party a side of the subject names: an officer by function ("AMBASSADOR", "DCM"), else the body's person by surname. */
function partiesOf(ctx: RelationContext, words: string, officer: (words: string) => Party | undefined): Party[] {
  const bare = words
    .replace(/^(?:THE|U\.?S\.?|USG|EMBASSY|POST)\s+/i, '')
    .replace(/['’,]S$/i, '')
    .trim();
  const byFunction = officer(bare);
  // "AMBASSADOR AGUIRRE": a named officer is the person
  const surname = bare.split(/\s+/).pop() ?? '';
  const person = /^[A-Z][A-Z'’-]{2,}$/i.test(surname) ? personBySurname(ctx, surname) : undefined;
  if (person) return [person];
  return byFunction ? [byFunction] : [];
}

/** The one person of the body whose last word is `surname` (case aside); none when two people share it ("NSA KIM"). */
function personBySurname(ctx: RelationContext, surname: string): Party | undefined {
  const want = surname.toLowerCase();
  const found = ctx.persons
    .filter((p) => p.text.split(/\s+/).pop()?.toLowerCase() === want && /[a-z]/.test(p.text))
    .map((m) => ({ kind: 'person' as const, ...ctx.personRef(m) }));
  if (found.length === 0) return undefined;
  const names = new Set(found.map((p) => p.name ?? p.text));
  // (a name and its longer spelling are one person: "Susman", "Louis Susman")
  const longest = found.reduce((a, b) => ((b.name ?? b.text).length > (a.name ?? a.text).length ? b : a));
  const full = longest.name ?? longest.text;
  return [...names].every(
    (n) => full.endsWith(n.split(/\s+/).pop()!) && (full === n || full.includes(n) || !n.includes(' ')),
  )
    ? longest
    : undefined;
}

function sameParty(a: Party, b: Party): boolean {
  if (a.kind === 'officer' && b.kind === 'officer') return a.role === b.role;
  if (a.kind === 'person' && b.kind === 'person')
    return (a.entityId ?? a.name ?? a.text) === (b.entityId ?? b.name ?? b.text);
  return false;
}

const titleCase = (s: string) => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
