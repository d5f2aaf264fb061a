// Speakers at the table: after "Petraeus … met with President Karzai and his senior National Security staff", "Interior Minister Atmar said …".
/**
 * The people who speak in the meeting a cable reports, named only when they speak: "Petraeus … met with President
 * Karzai and his senior National Security staff" (paragraph 1), then "Interior Minister Atmar argued …", "NDS Director
 * Saleh simply noted …". The cable's first meeting (the subject line's when it names one) gives the two sides: the
 * host's (its people hold the host country's offices) and the visitors'. A later sentence that opens with a person
 * and a speech verb pairs that person with the other side: a host official with the visitors, a US official with
 * the host. Someone of neither (no office, a third country's) is left out, and so is every speaker after the cable
 * tells another meeting or turns to its comment.
 */
import type { RelationContext } from './context';
import { evidenceOf } from './roles';
import { distinctParties, sameParty, samePerson } from './parties';
import type { Meeting, Party, Role } from './types';

/** Before a speaker: the paragraph mark, then only a title (capitalized words), not a clause's "As", "If", "When". */
const LEAD_TITLE_ONLY =
  /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?!(?:As|If|When|While|Although|Because|Since|After|Before|Like|Unlike|Where|Once|Until)\s)(?:(?:[A-Z][\w.'’/&-]*|of|for|and|the)\s+){0,7}$/;
/** A speech verb right after the subject (an adverb between). */
const SPEECH_AFTER =
  /^\s*(?:\([^()]{1,12}\)\s*)?(?:also\s+|then\s+|simply\s+|further\s+|again\s+)?(?:said|noted|argued|added|stressed|emphasized|underscored|asked|urged|agreed|responded|replied|explained|observed|remarked|commented|pointed\s+out|expressed|raised|suggested|warned|called\s+for|acknowledged|cautioned|complained|countered|recalled)\b/;
/** A statement made elsewhere than at the table: in public, to the press, in a speech. */
const ELSEWHERE =
  /\b(?:press|speech|interview|reporters|journalists|television|TV|radio|publicly|statement|declared|announced|parliament|rally|op-ed|newspaper)\b/i;
const US_LEGISLATOR = /^(?:Senator|Congressman|Congresswoman|Representative)$/;
/** The forms that tell a meeting held in person (not "a meeting between X and Y" the cable only reports). */
const HELD = /^(?:met|meeting-with|called-on|hosted|their-meeting)$/;
/** A comment of the embassy's own: the speakers of the meeting end there. */
const COMMENT = /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:Comment|Note)\b/i;

/** The meetings of those who speak at the table of the cable's first meeting. */
export function speakerMeetings(
  ctx: RelationContext,
  meetings: Meeting[],
  roles: Role[],
  isUs: (p: Party) => boolean,
): Meeting[] {
  const text = ctx.cable.text;
  const home = ctx.home;
  if (!home || home === 'United States' || meetings.length === 0) return [];
  const body = meetings.filter((m) => m.form !== 'subject' && m.form !== 'attended' && m.form !== 'spoke');
  // the table is a meeting's ("met", "in a meeting with", "called on", "hosted"), not a remark told to the embassy
  const held = body.filter((m) => HELD.test(m.form));
  const subject = meetings.filter((m) => m.form === 'subject');
  // the first meeting told: the subject line's, else the body's first (its sentence in the first two paragraphs)
  const firstAt = Math.min(...held.map((m) => m.evidence.start));
  const group =
    subject.length > 0
      ? subject
      : held.filter((m) => m.evidence.start === firstAt && (m.paragraph === undefined || m.paragraph <= 2));
  if (group.length === 0) return [];
  const countryOf = (p: Party): string | undefined => {
    if (p.kind === 'officer') return 'United States';
    const r = roles.find((x) => x.country && !x.former && samePerson(x.person, p));
    // a US legislator the role reader gave the posting country ("Senator Klobuchar" in Damascus)
    if (r && r.basis === 'implied' && US_LEGISLATOR.test(r.title)) return 'United States';
    return r?.country;
  };
  const sideA = distinctParties(group.map((m) => m.a));
  const sideB = distinctParties(group.map((m) => m.b));
  const hostA = sideA.some((p) => countryOf(p) === home);
  const hostB = sideB.some((p) => countryOf(p) === home);
  if (hostA === hostB) return [];
  const host = hostA ? sideA : sideB;
  const visitors = hostA ? sideB : sideA;
  if (!visitors.some((p) => isUs(p) || countryOf(p) === 'United States' || countryOf(p) === undefined)) return [];
  const known = [...sideA, ...sideB];
  const groupKeys = new Set(known.map(partyKey));
  // the same table held again with another US official at it: the subject line's "U/S TAUSCHER MEETS FM SIKORSKI",
  // then "During February 8 meetings with Tauscher and Ambassador Feinstein, Sikorski said …": a meeting held (met, in
  // a meeting with, called on, hosted) of the host's one met with a US official, the visitors being the US side; that
  // official joins the visitors, and later meetings of the table's own parties do not end it (10WARSAW94)
  const usVisitors = visitors.some((p) => isUs(p) || countryOf(p) === 'United States');
  const isUsParty = (p: Party): boolean => isUs(p) || countryOf(p) === 'United States';
  const visitorAt = (m: Meeting): Party | undefined => {
    const h = host.some((p) => sameParty(p, m.a)) ? m.a : host.some((p) => sameParty(p, m.b)) ? m.b : undefined;
    const v = h === m.a ? m.b : m.a;
    return h && usVisitors && isUsParty(v) && !host.some((p) => sameParty(p, v)) ? v : undefined;
  };
  // a later meeting of other parties ends the table
  const ends: number[] = [];
  for (const m of [...body].sort((x, y) => x.evidence.start - y.evidence.start)) {
    if (m.evidence.start < firstAt || (groupKeys.has(partyKey(m.a)) && groupKeys.has(partyKey(m.b)))) continue;
    // (a meeting held, not a remark told: "Bono told Charge" after his meeting with Rumsfeld is another table, 05MADRID1879)
    const v = HELD.test(m.form) ? visitorAt(m) : undefined;
    if (!v) {
      if (m.evidence.start > firstAt) ends.push(m.evidence.start);
      continue;
    }
    if (ends.length > 0) break;
    if (!visitors.some((p) => sameParty(p, v))) {
      visitors.push(v);
      known.push(v);
    }
    groupKeys.add(partyKey(v));
  }
  const until = ends.length > 0 ? Math.min(...ends) : text.length;
  const from = subject.length > 0 && body.length === 0 ? 0 : Math.min(firstAt, ...group.map((m) => m.evidence.start));
  const out: Meeting[] = [];
  // the day a sentence of the meeting writes (the subject line's meeting dated by the body's "met … on October 19")
  const date =
    [...group, ...body].find(
      (m) => m.dateSource === 'text' && groupKeys.has(partyKey(m.a)) && groupKeys.has(partyKey(m.b)),
    ) ?? group[0];
  let pi = 0;
  for (const s of ctx.sentences) {
    if (s.start <= from) continue;
    if (s.start >= until) break;
    // (the sentence's opening only: most sentences are left at the first test, and the loop sees every sentence)
    if (COMMENT.test(text.slice(s.start, s.start + 30))) break;
    while (pi < ctx.persons.length && ctx.persons[pi].start < s.start) pi += 1;
    const first = ctx.persons[pi];
    // the subject opens the sentence: its paragraph mark and title at most before it
    if (!first || first.start >= s.end || first.start - s.start > 120) continue;
    if (/^X{4,}$/i.test(first.text)) continue;
    const sentence = text.slice(s.start, s.end);
    const titleStart = roles.find((r) => r.person.start === first.start && r.start < first.start)?.start ?? first.start;
    if (!LEAD_TITLE_ONLY.test(text.slice(s.start, titleStart))) continue;
    // "Klich and Gagor said …": two subjects, each speaks (a title may stand before the second)
    const second = ctx.persons[pi + 1];
    const speakers =
      second &&
      second.start < s.end &&
      /^\s+and\s+(?:(?:[A-Z][\w.'’/&-]*|of|for|the)\s+){0,6}$/.test(text.slice(first.end, second.start)) &&
      SPEECH_AFTER.test(text.slice(second.end, second.end + 40))
        ? [first, second]
        : SPEECH_AFTER.test(text.slice(first.end, first.end + 40))
          ? [first]
          : [];
    if (speakers.length === 0) continue;
    if (ELSEWHERE.test(sentence) || /["“]/.test(text.slice(s.start, first.start))) continue;
    const ev = evidenceOf(ctx, s.start)!;
    for (const speaker of speakers) {
      if (/^X{4,}$/i.test(speaker.text)) continue;
      const party: Party = { kind: 'person', ...ctx.personRef(speaker) };
      if (known.some((p) => sameParty(p, party))) continue;
      const country = countryOf(party);
      const us = isUs(party) || country === 'United States';
      const others = us ? host : country === home ? visitors : [];
      for (const b of others)
        out.push({
          a: party,
          b,
          dateSource: date.dateSource,
          form: 'spoke',
          evidence: ev.evidence,
          ...(ev.paragraph !== undefined ? { paragraph: ev.paragraph } : {}),
          ...(date.date ? { date: date.date } : {}),
        });
      known.push(party);
    }
  }
  return out;
}

const partyKey = (p: Party): string =>
  p.kind === 'officer' ? `officer:${p.role}` : ((p.name ?? p.text).split(/\s+/).pop() ?? '').toLowerCase();
