// Others present: "X also attended the meeting", "Also present at the meeting was X": X met the other side of the meeting told before.
/**
 * Others present at a meeting the cable has already told ("Ambassador and Polcouns met Nawaz Sharif …. PML-N leader
 * Chaudhry Nisar Ali Khan also attended the meeting."): the attendee met the side of that meeting they did not come
 * with. The side is read from the text: an embassy officer or a US official came with the US side; someone the
 * sentence ties to the host (its ministry, its country, an acronym the met side's title holds) sat with the host;
 * anyone else (a third country's envoy, a journalist in a delegation) came with the visitors. As the annotation
 * guideline has it, only an attendee who speaks in the cable is paired (one who only accompanies is not).
 */
import type { RelationContext } from './context';
import { evidenceOf } from './roles';
import { countryOf } from './text';
import { distinctParties, sameParty, samePerson } from './parties';
import type { Meeting, Party, Role } from './types';
import type { Mention } from '../../model';

/** "X (…) also attended|joined|sat in on the meeting", "X was also present". */
const ATTENDED_AFTER =
  /^(?:\s*\([^()]{0,80}\))?,?\s+(?:(?:also|later|then|too)\s+)?(?:(?:attended|joined|sat\s+in\s+on|participated\s+in|took\s+part\s+in)\s+(?:the|this|that|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:meeting|meetings|lunch|luncheon|dinner|breakfast|discussion|discussions|talks|conversation|session)\b|(?:was|were)\s+(?:also\s+)?(?:present|in\s+attendance)\b)/;
/** "Also present (at the meeting) was|were X": the attendees follow. */
const ALSO_PRESENT =
  /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?Also\s+(?:present|attending|in\s+attendance|participating)(?:\s+(?:at|in)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:meeting|lunch|luncheon|dinner|breakfast|discussion|talks|session))?\s*(?:was|were|:)?\s+/;
/** What may stand before the attendee: the paragraph's number and classification, a connective, a title (no verb). */
const LEAD =
  /^(?:\d+\.\s*)?(?:\([A-Z/ ]+\)\s*)?(?:(?:But|And|However|Separately)\s*,?\s+)?(?:[^,;:.()⟦]{0,80}?|[^,;:.⟦]{0,70}\([^()]{1,12}\)\s*)$/;
const LEAD_VERB = /\b(?:said|told|met|who|whom|which|that|when|after|before|while|was|were|is|are|had|has|have)\b/;
/** A cue word without which the sentence names no attendee. */
const CUE = /\b(?:attended|joined|sat\s+in|participated|took\s+part|present|attendance|attending|participating)\b/g;
/** Words that tie the attendee to the host government. */
const HOST_WORD = /\b(?:MFA|MOFA|Foreign\s+Ministry|Ministry|Government|GO[A-Z]{1,4}|Presidency|Palace)\b/;
/** All-capital acronyms (not the classification marks). */
const ACRONYM = /\b[A-Z][A-Z-]{1,9}[A-Z]\b/g;
const NOT_ACRONYM = /^(?:SBU|NF|FOUO|UNCLAS|ALSO|THE|AND)$/;

interface Attendee {
  mention: Mention;
  /** The words around the name that say who they are (title, apposition). */
  phrase: string;
  /** The sentence says they spoke: "joined the meeting later and asked Zardari why …". */
  spoke?: boolean;
}

/**
 * The meetings of the attendees the cable names after a meeting it told. `meetings` are the ones read so far, in
 * text order for the body (the subject line's last); `isUs` says a party is the embassy's or the US government's.
 */
export function attendeeMeetings(
  ctx: RelationContext,
  meetings: Meeting[],
  roles: Role[],
  isUs: (p: Party) => boolean,
): Meeting[] {
  const text = ctx.cable.text;
  if (meetings.length === 0) return [];
  // the cue words, found in one case-sensitive pass (a case-insensitive search of every cable cost a tenth of the meetings' time)
  const cues: number[] = [];
  CUE.lastIndex = 0;
  for (let c = CUE.exec(text); c; c = CUE.exec(text)) cues.push(c.index);
  if (cues.length === 0) return [];
  let ci = 0;
  const out: Meeting[] = [];
  let pi = 0;
  for (const s of ctx.sentences) {
    while (pi < ctx.persons.length && ctx.persons[pi].start < s.start) pi += 1;
    while (ci < cues.length && cues[ci] < s.start) ci += 1;
    if (ci >= cues.length || cues[ci] >= s.end) continue;
    const sentence = text.slice(s.start, s.end);
    const persons: Mention[] = [];
    for (let j = pi; j < ctx.persons.length && ctx.persons[j].start < s.end; j += 1) persons.push(ctx.persons[j]);
    const attendees = attendeesIn(text, s.start, sentence, persons);
    if (attendees.length === 0) continue;
    const group = meetingBefore(meetings, s.start);
    if (!group) continue;
    const sideA = distinctParties(group.map((m) => m.a));
    const sideB = distinctParties(group.map((m) => m.b));
    if (sideA.some((p) => sideB.some((q) => sameParty(p, q)))) continue;
    const usA = sideA.some(isUs);
    const usB = sideB.some(isUs);
    const ev = evidenceOf(ctx, s.start)!;
    for (const att of attendees) {
      if (!att.spoke && !speaks(text, att)) continue;
      const party: Party = { kind: 'person', ...ctx.personRef(att.mention) };
      if ([...sideA, ...sideB].some((p) => sameParty(p, party))) continue;
      const us = isUs(party) || roles.some((r) => r.country === 'United States' && samePerson(r.person, party));
      let others: Party[];
      if (usA !== usB) {
        const usSide = usA ? sideA : sideB;
        const hostSide = usA ? sideB : sideA;
        const ownCountry = roles.find((r) => r.country && samePerson(r.person, party))?.country;
        const host = ownCountry !== undefined ? ownCountry === ctx.home : isHost(ctx, att.phrase, hostSide, group);
        others = !us && host ? usSide : hostSide;
      } else others = sideB;
      for (const b of others)
        out.push({
          a: party,
          b,
          dateSource: group[0].dateSource,
          form: 'attended',
          evidence: ev.evidence,
          ...(ev.paragraph !== undefined ? { paragraph: ev.paragraph } : {}),
          ...(group[0].date ? { date: group[0].date } : {}),
        });
    }
  }
  return out;
}

/** The attendees a sentence names: the subject of "attended the meeting" (and those joined to it by "and"), or the list after "Also present was". */
function attendeesIn(text: string, start: number, sentence: string, persons: Mention[]): Attendee[] {
  const present = ALSO_PRESENT.exec(sentence);
  if (present) {
    const listStart = start + present[0].length;
    const out: Attendee[] = [];
    let prevEnd = listStart;
    for (const p of persons) {
      if (p.start < listStart) continue;
      const gap = text.slice(prevEnd, p.start);
      // the first one right after the verb (its title between), each next one after a comma or "and"
      const ok =
        out.length === 0
          ? /^[^,;:.⟦]{0,60}$/.test(gap) && !LEAD_VERB.test(gap)
          : /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)[^,;:.⟦]{0,60}$/.test(gap) && !LEAD_VERB.test(gap);
      if (!ok) break;
      out.push({
        mention: p,
        phrase: text.slice(prevEnd, p.end) + text.slice(p.end, Math.min(start + sentence.length, p.end + 80)),
      });
      prevEnd = p.end;
    }
    return out;
  }
  // the subject: the sentence's first person (or two joined by "and"), no verb before it
  const first = persons[0];
  if (!first) return [];
  const lead = text.slice(start, first.start);
  if (!LEAD.test(lead) || LEAD_VERB.test(lead)) return [];
  const subjects = [first];
  let last = first;
  const second = persons[1];
  if (second && /^\s+and\s+[^,;:.⟦]{0,50}$/.test(text.slice(first.end, second.start))) {
    subjects.push(second);
    last = second;
  }
  const after = text.slice(last.end, last.end + 200);
  const attended = ATTENDED_AFTER.exec(after);
  if (!attended) return [];
  const phrase = lead + text.slice(last.end, last.end + (/^\s*\([^()]{0,80}\)/.exec(after)?.[0].length ?? 0));
  const spoke = new RegExp(`^[^.;]{0,30}?\\band\\s+(?:then\\s+)?(?:${SPEECH})\\b`).test(
    after.slice(attended[0].length),
  );
  return subjects.map((m) => ({ mention: m, phrase, spoke }));
}

const SPEECH =
  'said|says|asked|noted|added|told|explained|stressed|mentioned|commented|observed|remarked|stated|responded|replied|agreed|argued|suggested|urged|emphasized|pointed\\s+out|warned|recounted|described|expressed|raised';

/** The attendee speaks after the sentence's subject: by surname, or by the short form the sentence gives ("(RoCK)"), the subject of a speech verb or the one a question came from. */
function speaks(text: string, att: Attendee): boolean {
  const surname = att.mention.text.split(/\s+/).pop() ?? '';
  const names = [surname, ...[...att.phrase.matchAll(/\(([A-Za-z]{2,8})\)/g)].map((m) => m[1])]
    .filter((n) => /^[\p{L}'’-]{2,}$/u.test(n))
    .map((n) => n.replace(/[-'’]/g, '\\$&'));
  if (names.length === 0) return false;
  const alt = names.join('|');
  const re = new RegExp(
    `\\b(?:${alt})\\b[^.;]{0,40}?\\b(?:${SPEECH})\\b|\\b(?:questions?|comments?|remarks?)\\s+(?:from|by)\\s+(?:the\\s+)?(?:${alt})\\b`,
  );
  return re.test(text.slice(att.mention.end));
}

/** The meetings of the latest sentence before `at` that told one (the subject line's when the body told none before). */
function meetingBefore(meetings: Meeting[], at: number): Meeting[] | undefined {
  let best: number | undefined;
  for (const m of meetings)
    if (
      m.form !== 'subject' &&
      m.form !== 'attended' &&
      m.evidence.start < at &&
      (best === undefined || m.evidence.start > best)
    )
      best = m.evidence.start;
  if (best !== undefined) return meetings.filter((m) => m.evidence.start === best && m.form !== 'subject');
  const subject = meetings.filter((m) => m.form === 'subject');
  return subject.length > 0 ? subject : undefined;
}

/** The attendee's words tie them to the host: the post's country and no other, a host ministry, an acronym of the met side's titles. */
function isHost(ctx: RelationContext, phrase: string, hostSide: Party[], group: Meeting[]): boolean {
  const countries = new Set<string>();
  for (const w of phrase.match(/[A-Z][A-Za-z'’]+/g) ?? []) {
    const c = countryOf(w);
    if (c) countries.add(c);
  }
  if (countries.size > 0) return ctx.home !== undefined && [...countries].every((c) => c === ctx.home);
  if (HOST_WORD.test(phrase)) return true;
  const acronyms = (phrase.match(ACRONYM) ?? []).filter((a) => !NOT_ACRONYM.test(a));
  if (acronyms.length === 0) return false;
  // the met side's titles as the meeting's sentence writes them: the words before each of its parties
  const text = ctx.cable.text;
  const titles = group
    .flatMap((m) => [m.a, m.b])
    .filter((p) => hostSide.includes(p) && p.kind === 'person')
    .map((p) => (p.kind === 'person' ? text.slice(Math.max(0, p.start - 80), p.start) : ''));
  return acronyms.some((a) => titles.some((t) => new RegExp(`\\b${a.replace(/-/g, '\\-')}\\b`).test(t)));
}
