/** Roles and affiliations: titles before a person's name ("French FM Kouchner") or in apposition after it ("X, Director of …"). */
import type { Mention } from '../types';
import { sentenceAt, type RelationContext } from './context';
import { collapse } from './text';
import { organizationOf, readTitlePhrase, type TitleReading } from './titles';
import type { Affiliation, Evidence, Role } from './types';

/** Words read back from a name for its title ("former French MFA Iraq desk officer" is seven). */
const MAX_TITLE_WORDS = 9;
/** US principals of the corpus years, for "President Bush" in a cable from abroad (general knowledge, not cable data). */
const US_PRINCIPALS: Record<string, readonly string[]> = {
  President: ['nixon', 'ford', 'carter', 'reagan', 'bush', 'clinton', 'obama'],
  Speaker: ['albert', "o'neill", 'wright', 'foley', 'gingrich', 'hastert', 'pelosi', 'boehner'],
  'Vice President': ['agnew', 'rockefeller', 'mondale', 'bush', 'quayle', 'gore', 'cheney', 'biden'],
};
/** Titles whose holder is the post's own officer when written without a country ("Ambassador Stapleton" in Embassy Paris's cable). */
const POST_TITLES = new Set(['Ambassador', 'DCM', "Charge d'Affaires", 'Political Counselor', 'Economic Counselor', 'Consul General']);

const surnameOf = (s: string): string => (s.trim().split(/\s+/).pop() ?? '').toLowerCase();

export function evidenceOf(ctx: RelationContext, at: number): { evidence: Evidence; paragraph?: number } | undefined {
  const s = sentenceAt(ctx.sentences, at);
  if (!s) return undefined;
  return { evidence: { text: collapse(ctx.cable.text.slice(s.start, s.end)), start: s.start, end: s.end }, paragraph: s.paragraph };
}

/** Surnames of the people who signed or classified the cable: the post's own officers. */
function postPeople(ctx: RelationContext): Set<string> {
  const out = new Set<string>();
  for (const s of ctx.cable.signers) out.add(surnameOf(s));
  if (ctx.cable.classifiedBy?.name) out.add(surnameOf(ctx.cable.classifiedBy.name));
  return out;
}

/** The title phrase written right before `m` in its sentence, longest reading first. */
function titleBefore(ctx: RelationContext, m: Mention, sentenceStart: number): { reading: TitleReading; start: number; text: string; capitalizedBefore: boolean } | undefined {
  const text = ctx.cable.text;
  const before = text.slice(Math.max(sentenceStart, m.start - 160), m.start);
  if (!/\s$/.test(before) && before.length > 0) return undefined;
  const tokens: Array<{ word: string; start: number }> = [];
  const re = /\S+/g;
  let t: RegExpExecArray | null;
  while ((t = re.exec(before))) tokens.push({ word: t[0], start: m.start - before.length + t.index });
  for (let k = Math.min(MAX_TITLE_WORDS, tokens.length); k >= 1; k -= 1) {
    const words = tokens.slice(tokens.length - k);
    if (words.some((w) => /[,;:()"“”]/.test(w.word.replace(/['’]s$/, '')))) continue;
    const phrase = words.map((w) => w.word).join(' ');
    const reading = readTitlePhrase(phrase);
    if (!reading) continue;
    const prev = tokens[tokens.length - k - 1]?.word ?? '';
    return { reading, start: words[0]!.start, text: phrase, capitalizedBefore: /^[A-Z][a-z]/.test(prev) && !/^(?:The|In|On|At|During|When|While|After|Before|And|But|According|Both|With|Former)$/.test(prev) };
  }
  return undefined;
}

/** The title phrase in apposition after `m`: "X, the MFA's Iraq desk officer," "X, Director of the Y Department." */
function titleAfter(ctx: RelationContext, m: Mention, sentenceEnd: number): { reading: TitleReading; end: number; text: string } | undefined {
  const after = ctx.cable.text.slice(m.end, Math.min(sentenceEnd, m.end + 160));
  const a = /^,\s+((?:the\s+)?[^,;()]{2,120}?)(?=\s*(?:,|;|\)|\.(?:\s|$)|$)|\s+(?:who|said|says|told|noted|and|met|explained|stressed|asked|added)\b)/.exec(after);
  if (!a) return undefined;
  const phrase = collapse(a[1]!);
  const reading = readTitlePhrase(phrase);
  return reading ? { reading, end: m.end + a.index + a[0].length, text: phrase } : undefined;
}

/** Completes a reading's owner from the cable: the posting country for domestic titles, the post for its own officers. */
function ownerOf(ctx: RelationContext, m: Mention, r: TitleReading, capitalizedBefore: boolean, people: Set<string>): Pick<Role, 'country' | 'organization' | 'basis'> | undefined {
  if (r.country || r.organization) {
    const national = r.organization ? organizationOf(r.organization)?.national : false;
    return { country: r.country ?? (national ? ctx.home : undefined), organization: r.organization, basis: 'explicit' };
  }
  // an unread capitalized word before the title may be its owner ("Baghdad Deputy Polcouns"): do not guess
  if (capitalizedBefore) return undefined;
  const surname = surnameOf(m.text);
  if (r.kind === 'domestic') {
    if (US_PRINCIPALS[r.title]?.includes(surname)) return { country: 'United States', basis: 'implied' };
    return ctx.home ? { country: ctx.home, basis: 'implied' } : undefined;
  }
  if (r.kind === 'us') return { country: 'United States', basis: 'implied' };
  if (POST_TITLES.has(r.title) && ctx.post && people.has(surname)) return { country: 'United States', organization: ctx.post, basis: 'implied' };
  if (r.kind === 'embassy' && ctx.post) return { country: 'United States', organization: ctx.post, basis: 'implied' };
  return undefined;
}

export function readRoles(ctx: RelationContext): Role[] {
  const roles: Role[] = [];
  const people = postPeople(ctx);
  for (const m of ctx.persons) {
    if (/^(?:minister|president|ambassador|director|deputy)\b/i.test(m.text)) continue; // a title the extractor kept in the name
    const s = sentenceAt(ctx.sentences, m.start);
    if (!s) continue;
    const found = [] as Array<{ reading: TitleReading; start: number; end: number; text: string; capitalizedBefore: boolean }>;
    const b = titleBefore(ctx, m, s.start);
    if (b) found.push({ ...b, end: m.end });
    const a = titleAfter(ctx, m, s.end);
    if (a) found.push({ ...a, start: m.start, capitalizedBefore: false });
    for (const f of found) {
      const owner = ownerOf(ctx, m, f.reading, f.capitalizedBefore, people);
      if (!owner) continue;
      const ev = evidenceOf(ctx, m.start)!;
      const role: Role = { person: ctx.personRef(m), title: f.reading.title, titleText: collapse(f.text), ...owner, start: f.start, end: f.end, paragraph: ev.paragraph, evidence: ev.evidence };
      if (f.reading.unit) role.unit = f.reading.unit;
      if (f.reading.former) role.former = true;
      if (role.country === undefined) delete role.country;
      if (role.organization === undefined) delete role.organization;
      roles.push(role);
    }
  }
  // a title implied by the post yields to the country the cable itself gives the same person and title
  const explicit = new Map<string, string>();
  for (const r of roles) if (r.basis === 'explicit' && r.country) explicit.set(`${r.person.entityId ?? surnameOf(r.person.text)}|${r.title}`, r.country);
  for (const r of roles) {
    const c = r.basis === 'implied' ? explicit.get(`${r.person.entityId ?? surnameOf(r.person.text)}|${r.title}`) : undefined;
    if (c) { r.country = c; r.basis = 'explicit'; }
  }
  return roles;
}

/** "X of the MFA", "X (MFA)", "X, of the Foreign Ministry": membership without a title. */
export function readAffiliations(ctx: RelationContext): Affiliation[] {
  const out: Affiliation[] = [];
  const text = ctx.cable.text;
  for (const m of ctx.persons) {
    const after = text.slice(m.end, m.end + 90);
    const a = /^(?:\s*\(\s*([^()\n]{2,60}?)\s*\)|,?\s+of\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?[A-Z][\w'’.-]*){0,5}))/.exec(after);
    if (!a) continue;
    const raw = collapse((a[1] ?? a[2])!);
    const at = m.end + a[0].length - raw.length;
    const orgMention = ctx.organizations.find((o) => o.start >= m.end && o.start <= at + 4 && o.end <= m.end + a[0].length + 1);
    const known = organizationOf(raw);
    if (!known && !orgMention) continue;
    const ev = evidenceOf(ctx, m.start);
    if (!ev) continue;
    const aff: Affiliation = { person: ctx.personRef(m), organization: known?.name ?? collapse(orgMention!.text), start: m.start, end: m.end + a[0].length, paragraph: ev.paragraph, evidence: ev.evidence };
    if (known?.national && ctx.home) aff.country = ctx.home;
    out.push(aff);
  }
  return out;
}
