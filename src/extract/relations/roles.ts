// Roles and affiliations: titles before a person's name or in apposition after it.
/** Roles and affiliations: titles before a person's name ("French FM Kouchner") or in apposition after it ("X, Director of …"). */
import { addressItemOf, subjectItemOf, type AddressItem } from './address-lines';
import { sentenceAt, type RelationContext } from './context';
import { leaderCountry } from './leaders';
import { listLineOf } from './list-lines';
import { bareTitleCountry, foreignBefore } from './owner-country';
import { collapse, countryOf, countryOfPlaceAbroad, isRegexSpace } from './text';
import { namesPortfolio } from '../../lexicon/portfolios';
import {
  isPortfolio,
  mayBeTitleWord,
  organizationOf,
  readGenericTitle,
  readTitlePhrase,
  isTitleWord,
  isTitleWordForm,
  singularTitleWord,
  readLexicon,
  type TitleReading,
} from './titles';
import type { Affiliation, Evidence, Role } from './types';
import type { Mention } from '../../model';

/** Words read back from a name for its title ("former French MFA Iraq desk officer" is seven). */
const MAX_TITLE_WORDS = 9;
/** US principals of the corpus years, for "President Bush" in a cable from abroad (general knowledge, not cable data). */
const US_PRINCIPALS: Record<string, readonly string[]> = {
  President: ['nixon', 'ford', 'carter', 'reagan', 'bush', 'clinton', 'obama'],
  'President-elect': ['carter', 'reagan', 'bush', 'clinton', 'obama'],
  'Vice President-elect': ['quayle', 'gore', 'cheney', 'biden'],
  Speaker: ['albert', "o'neill", 'wright', 'foley', 'gingrich', 'hastert', 'pelosi', 'boehner'],
  'Vice President': ['agnew', 'rockefeller', 'mondale', 'bush', 'quayle', 'gore', 'cheney', 'biden'],
  'National Security Advisor': ['scowcroft', 'lake', 'berger', 'rice', 'hadley', 'jones'],
  // (the cables write Gonzales "Gonzalez" too)
  'Attorney General': ['reno', 'ashcroft', 'gonzales', 'gonzalez', 'mukasey', 'holder'],
  'Defense Secretary': ['cheney', 'perry', 'cohen', 'rumsfeld', 'gates'],
  // senators who led the corpus years' delegations abroad, by surnames no other country's senator is known by
  Senator:
    'mccain kerry lieberman graham levin lugar biden feinstein cardin whitehouse kyl specter hagel durbin leahy gregg inhofe shelby brownback coburn corker shaheen menendez dodd reid mcconnell sessions lautenberg voinovich casey webb obama clinton harkin'.split(
      ' ',
    ),
};
/**
 * US cabinet secretaries of the corpus years by surname, for "Secretary Clinton", "Secretaries Rice and Gates" (the
 * title alone says no department): general knowledge, not cable data. The annotations name the office as the
 * department's ("Secretary of State", "Secretary of Defense"); the Treasury's is the lexicon's "Treasury Secretary".
 */
const US_SECRETARIES: Record<string, string> = {
  rice: 'Secretary of State',
  clinton: 'Secretary of State',
  powell: 'Secretary of State',
  albright: 'Secretary of State',
  christopher: 'Secretary of State',
  gates: 'Secretary of Defense',
  rumsfeld: 'Secretary of Defense',
  cohen: 'Secretary of Defense',
  perry: 'Secretary of Defense',
  chu: 'Secretary of Energy',
  bodman: 'Secretary of Energy',
  abraham: 'Secretary of Energy',
  geithner: 'Treasury Secretary',
  paulson: 'Treasury Secretary',
  snow: 'Treasury Secretary',
  "o'neill": 'Treasury Secretary',
  summers: 'Treasury Secretary',
  rubin: 'Treasury Secretary',
};
/** "Energy Secretary" is the US table's "Secretary of Energy" (another portfolio is someone else's: a UK "Education Secretary Perry"). */
function portfolioMatches(title: string, usTitle: string | undefined): boolean {
  if (!usTitle) return false;
  const portfolio = title.replace(/ Secretary$/, '').replace(/^(?:Deputy|Acting|Assistant|Under)\s+/i, '');
  return usTitle === title || new RegExp(`\\b${portfolio.replace(/[^\w ]/g, '')}$`, 'i').test(usTitle);
}

/** "Secretary X", "SecState X", "SecDef X" right before the name; "Secretaries A and B" before a coordinated name. */
const SECRETARY_BEFORE = /(?:^|[^\w/-])(?:Secretar(?:y|ies)|SECRETAR(?:Y|IES)|SecState|SECSTATE|SecDef|SECDEF)\s+$/;
const SECRETARIES_BEFORE =
  /(?:^|[^\w/-])(?:Secretaries|SECRETARIES)\s+(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*(?:,\s*(?:and\s+)?|and\s+))+$/;

/** A US cabinet secretary written by the bare title before a surname the table knows (see US_SECRETARIES). */
function usSecretaryBefore(ctx: RelationContext, m: Mention, sentenceStart: number): TitleFound | undefined {
  const title = US_SECRETARIES[surnameOf(m.text)];
  if (!title) return undefined;
  const before = ctx.cable.text.slice(Math.max(sentenceStart, m.start - 60), m.start);
  const one = SECRETARY_BEFORE.exec(before);
  const many = one ? undefined : SECRETARIES_BEFORE.exec(before);
  const found = one ?? many;
  if (!found) return undefined;
  // SecDef and SecState say the department themselves
  const word = /SecState|SECSTATE|SecDef|SECDEF|Secretar(?:y|ies)|SECRETAR(?:Y|IES)/.exec(found[0])![0];
  const named = /^secdef$/i.test(word)
    ? 'Secretary of Defense'
    : /^secstate$/i.test(word)
      ? 'Secretary of State'
      : title;
  const start = m.start - before.length + found.index + found[0].indexOf(word);
  // a capitalized word before it makes it another office ("First Secretary Cohen", "Party Secretary X"), but for the US's
  const prev = /(\S+)\s*$/.exec(ctx.cable.text.slice(Math.max(sentenceStart, start - 30), start))?.[1] ?? '';
  if (/^[A-Z]/.test(prev) && !/^(?:The|And|With|By|To|From|For|Former|U\.?S\.?|USG|American)$/.test(prev))
    return undefined;
  return {
    reading: { title: named, country: 'United States', kind: 'us' },
    start,
    text: ctx.cable.text.slice(start, m.start).trim(),
    capitalizedBefore: false,
  };
}

/** Titles whose holder is the post's own officer when written without a country ("Ambassador Stapleton" in Embassy Paris's cable). */
const POST_TITLES = new Set([
  'Ambassador',
  'DCM',
  "Charge d'Affaires",
  'Political Counselor',
  'Economic Counselor',
  'Consul General',
]);

const surnameOf = (s: string): string => (s.trim().split(/\s+/).pop() ?? '').toLowerCase();

/** Each sentence's collapsed text, made once however many relations it is the evidence of. */
const collapsedSentences = new WeakMap<object, string>();
export function evidenceOf(ctx: RelationContext, at: number): { evidence: Evidence; paragraph?: number } | undefined {
  const s = sentenceAt(ctx.sentences, at);
  if (!s) return undefined;
  let text = collapsedSentences.get(s);
  if (text === undefined) {
    text = collapse(ctx.cable.text.slice(s.start, s.end));
    collapsedSentences.set(s, text);
  }
  return { evidence: { text, start: s.start, end: s.end }, paragraph: s.paragraph };
}

/** An address line is its own evidence (it is in no paragraph). */
function addressEvidence(ctx: RelationContext, a: AddressItem): { evidence: Evidence; paragraph?: number } {
  const line = ctx.cable.text.slice(a.line.start, a.line.end);
  return { evidence: { text: collapse(line), start: a.line.start, end: a.line.end }, paragraph: undefined };
}

/** "Director of the" before a unit the extractor names right before a person: the unit's head (see unitTitleBefore). */
const UNIT_HEAD =
  /(?:^|[^\w-])((?:(?:Deputy|Acting|Assistant)\s+)?(?:Director[\s-]General|Director|Head|Chief|President|Chairman|Chairwoman|Commander|Secretary[\s-]General|Coordinator))\s+of\s+(?:the\s+)?(?:[^⟦,;.()]{0,60}?['’]s\s+)?$/i;
/** A lower-case word that ends a unit's name after the extractor's organization ("the War Crimes Investigation police"). */
const UNIT_TAIL =
  /^(\s+(?:police|service|office|department|unit|agency|directorate|division|section|team|force|bureau))?\s*$/i;
/** A title read before a name: the reading, where its phrase starts, the phrase, whether a capitalized word precedes it. */
type TitleFound = {
  reading: TitleReading;
  start: number;
  text: string;
  capitalizedBefore: boolean;
  /** Written in the plural before coordinated names ("Senators A and B"): the names after share it. */
  plural?: boolean;
  /** The person whose possessive the title follows ("Trinidad Jimenez' Chief of Staff"): the office is in their country. */
  possessor?: Mention;
};

/**
 * "Director of the ICTY Cooperation Council Office Dusan Ignjatovic", "Head of the Foreign Office's Counter Terrorism
 * Policy Department X", "Chief of the War Crimes Investigation police X": a head of a unit written before the name, the
 * unit an organization the extractor names right before it. The title's owner is the unit (the grammar of titleBefore
 * reads no title ending in an organization's name).
 */
function unitTitleBefore(ctx: RelationContext, m: Mention, sentenceStart: number): TitleFound | undefined {
  const text = ctx.cable.text;
  const orgs = ctx.organizations;
  // the organization mention closest before the name (mentions are in text order: a binary search, not a scan per name)
  let lo = 0;
  let hi = orgs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (orgs[mid].end <= m.start) lo = mid + 1;
    else hi = mid;
  }
  const unit = orgs[lo - 1];
  if (!unit || unit.start < sentenceStart || m.start - unit.end > 12) return undefined;
  const tail = UNIT_TAIL.exec(text.slice(unit.end, m.start));
  if (!tail) return undefined;
  const head = UNIT_HEAD.exec(text.slice(Math.max(sentenceStart, unit.start - 100), unit.start));
  if (!head) return undefined;
  const start = unit.start - (head[0].length - head[0].indexOf(head[1]));
  const title = head[1]
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\b[a-z]/g, (c) => c.toUpperCase());
  const organization = collapse(text.slice(unit.start, unit.end + (tail[1]?.length ?? 0)));
  return {
    reading: { title, organization, kind: 'org' },
    start,
    text: text.slice(start, m.start).trim(),
    capitalizedBefore: false,
  };
}

/** Surnames of the people who signed or classified the cable: the post's own officers. */
function postPeople(ctx: RelationContext): Set<string> {
  const out = new Set<string>();
  for (const s of ctx.cable.signers) out.add(surnameOf(s));
  if (ctx.cable.classifiedBy?.name) out.add(surnameOf(ctx.cable.classifiedBy.name));
  return out;
}

/** Capitalized words that open a clause rather than name a title's owner (nor a participle: "Citing Foreign Secretary X's speech"). */
const SENTENCE_OPENER =
  /^(?:The|In|On|At|During|When|While|After|Before|And|But|According|Both|With|Former|Then|Now|Also|As|For|From|To|By|Of|Citing|Quoting|Noting|Asked|Asking|Urging|Praising|Calling)$/;
/** A word before a title that makes it an office to come ("possible new Foreign Minister X"). */
const OFFICE_TO_COME = /^(?:possible|likely|probable|presumptive|prospective|potential|future|would-be)$/i;
/** The title phrase written right before `m` in its sentence, longest reading first. */
function titleBefore(ctx: RelationContext, m: Mention, sentenceStart: number): TitleFound | undefined {
  const text = ctx.cable.text;
  const from = Math.max(sentenceStart, m.start - 160);
  if (m.start > from && !isSpace(text.charCodeAt(m.start - 1))) return undefined;
  if (!mayHaveTitleBefore(text, from, m.start)) return undefined;
  // the words before the name, read backwards: only the last MAX_TITLE_WORDS can belong to its title
  const tokens = wordsBefore(text, from, m.start, MAX_TITLE_WORDS + 2);
  // a page break's header inside the title ("Defense BERLIN 00000978 002 OF 002 Minister Jung") is no part of it
  for (let i = tokens.length - 5; i >= 0; i -= 1)
    if (
      /^[A-Z]{3,}$/.test(tokens[i].word) &&
      /^\d{5,8}$/.test(tokens[i + 1].word) &&
      /^\d{3}(?:\.\d)?$/.test(tokens[i + 2].word) &&
      /^OF$/i.test(tokens[i + 3].word) &&
      /^\d{3}$/.test(tokens[i + 4].word)
    ) {
      tokens.splice(i, 5);
      break;
    }
  // a rank or honorific between title and name belongs to the name: "junta leader Captain X", "Secretary General Father X"
  // (two words for a rank written in two: "Lt. Gen. X")
  let ranked = false;
  if (tokens.length > 1 && isRankBeforeName(tokens)) {
    tokens.pop();
    ranked = true;
    // (a rank written in two words: "Lt. Gen. X", "Major General X")
    if (tokens.length > 1 && RANK_FIRST.test(tokens[tokens.length - 1].word)) tokens.pop();
  }
  // "Senators Joseph Lieberman and Lindsey Graham": the plural title is each name's, read in the singular
  let plural = false;
  const head = tokens[tokens.length - 1];
  const singular = head && followedByAnd(text, m) ? singularTitleWord(head.word) : undefined;
  if (singular) {
    tokens[tokens.length - 1] = { word: singular, start: head.start };
    plural = true;
  }
  // "the Guinean Defense Minister, General X": a title set off by a comma before the name
  let commaBefore = false;
  const lastToken = tokens[tokens.length - 1];
  if (lastToken && /[^,],$/.test(lastToken.word)) {
    commaBefore = true;
    tokens[tokens.length - 1] = { word: lastToken.word.slice(0, -1), start: lastToken.start };
    if (tokens.length > 1 && isRankBeforeName(tokens)) return undefined;
  }
  // no title word among the last words: nothing below can read a title (it only drops words from the front)
  if (!tokens.slice(-6).some((w) => isTitleWord(w.word))) return undefined;
  // words inside an organization named right before the title are its owner, not part of it ("Council of Europe Secretary General X")
  let orgBefore: Mention | undefined;
  // (not one inside a title's own "of X" or "for X": "Deputy Head of NATO Division")
  for (let k = lastStartingBefore(ctx.organizations, m.start); k >= 0 && ctx.organizations[k].start >= from; k -= 1) {
    const o = ctx.organizations[k];
    if (o.end <= m.start && o.end > from && !/\b(?:of|for)\s+(?:the\s+)?$/i.test(text.slice(from, o.start))) {
      orgBefore = o;
      break;
    }
  }
  // (an "organization" that is itself a title, such as "A/S", is read as one)
  if (orgBefore && (countryOf(orgBefore.text) || readTitlePhrase(collapse(orgBefore.text)))) orgBefore = undefined;
  // (nor a ministry's portfolio the extractor tagged: "Interior Minister X", "Deputy Intelligence Minister X")
  // (a portfolio outside the title lexicon only right before "Minister": "Treasury U/S X" stays the Treasury's)
  if (
    orgBefore &&
    (isPortfolio(collapse(orgBefore.text)) ||
      (namesPortfolio(collapse(orgBefore.text)) && /^\s+Ministers?\b/.test(text.slice(orgBefore.end, m.start))))
  )
    orgBefore = undefined;
  // (nor one whose last word the lexicon reads as part of the title: "Treasury Secretary X", "MFA Permanent Secretary X")
  if (orgBefore && orgRunsIntoTitle(collapse(orgBefore.text), collapse(text.slice(orgBefore.start, m.start))))
    orgBefore = undefined;
  if (orgBefore) {
    while (tokens.length > 0 && tokens[0].start < orgBefore.end) tokens.shift();
  }
  if (tokens.length > MAX_TITLE_WORDS) tokens.splice(0, tokens.length - MAX_TITLE_WORDS);
  // "Trinidad Jimenez' Chief of Staff X": a person's possessive bounds the title, which is an office of that person's
  let possessor: Mention | undefined;
  for (let i = tokens.length - 2; i >= Math.max(0, tokens.length - 6); i -= 1) {
    const t = tokens[i];
    if (!/['’]s?$/.test(t.word)) continue;
    const end = t.start + t.word.replace(/['’]s?$/, '').length;
    const k = lastStartingBefore(ctx.persons, t.start + 1);
    possessor = k >= 0 && ctx.persons[k].end === end ? ctx.persons[k] : undefined;
    if (possessor) tokens.splice(0, i + 1);
    break;
  }
  if (!tokens.slice(-6).some((w) => isTitleWord(w.word))) return undefined;
  const before = text.slice(tokens[0]?.start ?? m.start, m.start);
  // the last title word, at most five words before the name ("President of Iraq", "Director of the MFA's Y Department")
  let j = tokens.length - 1;
  while (j >= 0 && tokens.length - 1 - j <= 5 && !isTitleWord(tokens[j].word)) j -= 1;
  if (j < 0 || tokens.length - 1 - j > 5) return undefined;
  // only the run of title-like words before the name can hold the phrase
  let run = 0;
  while (run < Math.min(MAX_TITLE_WORDS, tokens.length) && mayBeTitleWord(tokens[tokens.length - 1 - run].word))
    run += 1;
  // the person named last before this one: a title phrase that holds that name is theirs, not this one's ("Chief of
  // Army Staff General Kayani and Asfundyar Wali Khan" gives Asfundyar no "Chief of Army Staff General Kayani and")
  // (not a name that qualifies the title itself: "Chavez-linked Senator X", "PM FP Advisor X", "Wardak Governor X")
  const previousPerson = lastStartingBefore(ctx.persons, m.start);
  const previous = previousPerson >= 0 ? ctx.persons[previousPerson] : undefined;
  const qualifies =
    previous !== undefined &&
    (text.charCodeAt(previous.end) === 45 ||
      isTitleWord(/^\s+([\w'’-]+)/.exec(text.slice(previous.end, previous.end + 40))?.[1] ?? ''));
  const previousStart = previous && !qualifies ? previous.start : -1;
  for (let k = run; k >= tokens.length - j; k -= 1) {
    const words = tokens.slice(tokens.length - k);
    if (words.some((w) => /[,;:()"“”]/.test(w.word.replace(/['’]s$/, '')))) continue;
    if (previousStart >= words[0].start) continue;
    const phrase = words.map((w) => w.word).join(' ');
    const ownedByOrg =
      orgBefore !== undefined && /^\)?(?:['’]s)?\s+(?:the\s+)?$/.test(text.slice(orgBefore.end, words[0].start));
    let reading = readTitlePhrase(phrase) ?? (ownedByOrg ? readGenericTitle(phrase, true) : undefined);
    if (!reading) continue;
    // "MFA Iran Desk Officer": the country is the desk's subject; the ministry before it (the post country's) owns the office
    if (
      orgBefore &&
      ownedByOrg &&
      reading.country &&
      !reading.organization &&
      /\bdesk\b/i.test(phrase) &&
      organizationOf(collapse(orgBefore.text))?.national
    ) {
      const { country: desk, ...office } = reading;
      reading = { ...office, unit: desk };
    }
    if (commaBefore && !reading.country && !reading.organization && !ownedByOrg && !/^the\s/i.test(phrase)) continue;
    // a bare title set off by a comma after a preposition is that clause's object, not the name's ("… Sanchez to the DCM,
    // Jimenez found", "According to the PM, X said"); one with its owner is an apposition ("met with Syria's President, X")
    // (so is one whose owner follows it when the name opens the next clause, "equivalent to the Chairman of the Joint
    // Chiefs, Khan said"; not "met with the Amir of Qatar, Hamad bin Khalifa, …" nor "…, Sheikh Hamad said")
    if (
      commaBefore &&
      ((!reading.country && !reading.organization) ||
        (!ranked && /\s(?:of|for)\s/i.test(phrase) && SPEECH_AFTER.test(text.slice(m.end, m.end + 20)))) &&
      PREPOSITION.test(wordBeforeArticle(tokens, tokens.length - k - 1))
    )
      continue;
    // an organization written right before the title owns it: "Council of Europe Secretary General X", "FARC leader X"
    if (orgBefore && ownedByOrg && !reading.country && !reading.organization) {
      const known = organizationOf(collapse(orgBefore.text));
      // before a US-only title the organization is a bureau of the Department ("NEA Assistant Secretary"), but a
      // national ministry's is that ministry's office by the US name ("MFA DAS Gellet" in a Paris cable: the Quai's)
      if (reading.kind === 'us' && !known?.national) reading.unit = known?.name ?? collapse(orgBefore.text);
      else {
        reading.organization = known?.name ?? collapse(orgBefore.text);
        if (reading.kind === 'us') reading.kind = 'domestic';
      }
      // "Pakistan Embassy Commercial Counselor X": a country's embassy is that country's
      const embassyOf = /^(?:(.+?)\s+Embassy|Embassy\s+of\s+(?:the\s+)?(.+))$/i.exec(collapse(orgBefore.text));
      const embassyCountry = embassyOf ? countryOf(embassyOf[1] ?? embassyOf[2]) : undefined;
      if (embassyCountry && embassyCountry !== 'United States') reading.country = embassyCountry;
      // "Ministry of External Relations (MRE) Director X": the organization's spelled-out name belongs to the phrase too
      let start = orgBefore.start;
      for (let k = lastStartingBefore(ctx.organizations, start); k >= 0 && ctx.organizations[k].start >= from; k -= 1) {
        const o = ctx.organizations[k];
        if (o.end <= start && /^['’]?\s*\($/.test(text.slice(o.end, start))) {
          start = o.start;
          break;
        }
      }
      return { reading, start, text: `${collapse(orgBefore.text)} ${phrase}`, capitalizedBefore: false };
    }
    const prev = tokens[tokens.length - k - 1]?.word ?? '';
    // an office to come is no role: "possible new Spanish Foreign Minister X", "the likely next President X"
    if (OFFICE_TO_COME.test(prev)) return undefined;
    const shouting = !/[a-z]/.test(before);
    if (possessor && k === tokens.length && !reading.country && !reading.organization)
      return {
        reading: { ...reading, kind: 'domestic' },
        start: words[0].start,
        text: phrase,
        capitalizedBefore: false,
        possessor,
      };
    return {
      ...(plural ? { plural } : {}),
      reading,
      start: words[0].start,
      text: phrase,
      capitalizedBefore:
        !shouting &&
        /^[A-Z][A-Za-z]/.test(prev) &&
        !/[,;:)]$/.test(prev) &&
        // (nor a participle opening the sentence: "Citing Foreign Secretary X's speech")
        !SENTENCE_OPENER.test(prev),
    };
  }
  return undefined;
}

/**
 * The title joined by "and" to the one before a name: "Second Vice President and Finance Minister Solbes", "SNP leader
 * and Scottish First Minister X" hold both. Not after an article ("the President and FM X" are two people), nor an
 * embassy's or envoy's bare title ("accompanied by Ambassador and SFRC Staff Director X": the post's own Ambassador),
 * nor an office taken "as" by someone named before, nor a name's last word ("President Chavez and FM Maduro"), nor a membership or an office "for" someone.
 */
function coordinatedTitleBefore(ctx: RelationContext, at: number, from: number): TitleFound | undefined {
  const text = ctx.cable.text;
  const and = /\s+and\s+$/.exec(text.slice(Math.max(from, at - 12), at));
  if (!and) return undefined;
  const end = at - and[0].length;
  const k = lastStartingBefore(ctx.persons, end);
  if (k >= 0 && ctx.persons[k].end >= end) return undefined;
  const tokens = wordsBefore(text, from, end, MAX_TITLE_WORDS + 1);
  // only the run of title-like words right before "and", with no punctuation inside
  let i = tokens.length;
  while (i > 0 && mayBeTitleWord(tokens[i - 1].word) && !/[,;:()"“”]/.test(tokens[i - 1].word)) i -= 1;
  if (i === tokens.length || !isTitleWord(tokens[tokens.length - 1].word)) return undefined;
  for (let j = Math.max(i, tokens.length - MAX_TITLE_WORDS); j < tokens.length; j += 1) {
    const phrase = tokens
      .slice(j)
      .map((w) => w.word)
      .join(' ');
    const reading = readTitlePhrase(phrase);
    if (!reading) continue;
    const prev = tokens[j - 1]?.word ?? '';
    // (nor an office someone named before takes "as": "Schaeuble as Finance Minister and former Economics Minister X")
    if (reading.kind === 'embassy' || reading.kind === 'envoy' || /^(?:the|as)$/i.test(prev) || /^the\s/i.test(phrase))
      return undefined;
    // (a membership is no office; "Head of Cabinet for High Representative and Commission Vice President X": the
    // "and" joins the office's charge, whose holder is someone else)
    if (reading.title === 'Member' || /\sfor\s/i.test(phrase)) return undefined;
    return {
      reading,
      start: tokens[j].start,
      text: phrase,
      capitalizedBefore: /^[A-Z][A-Za-z]/.test(prev) && !/[,;:)]$/.test(prev) && !SENTENCE_OPENER.test(prev),
    };
  }
  return undefined;
}

/** A parenthesized aside's words right after the name, or right before it. */
const ASIDE_AFTER = /^[ \t]*\(([^()\n]{2,60})\)/;
const ASIDE_BEFORE = /\(([^()\n]{2,60})\)[ \t]*$/;
/**
 * A title written alone in parentheses next to the name: "congressional leaders Renan Calheiros (Senate President) and
 * Aldo Rebelo (Chamber of Deputies President)", "remove (Russian Permanent Representative) Rogozin". The whole aside must
 * read as a title (not "(PSDB, opposition)", "(R-SC)", "(protect)").
 */
function parenthesizedTitle(
  ctx: RelationContext,
  m: Mention,
  from: number,
  to: number,
): (TitleFound & { end: number }) | undefined {
  const text = ctx.cable.text;
  const after = ASIDE_AFTER.exec(text.slice(m.end, Math.min(to, m.end + 64)));
  const before = after ? undefined : ASIDE_BEFORE.exec(text.slice(Math.max(from, m.start - 64), m.start));
  const aside = after ?? before;
  if (!aside) return undefined;
  const phrase = collapse(aside[1]);
  if (/[,;:]/.test(phrase)) return undefined;
  const reading = readTitlePhrase(phrase);
  // (a bare title names no owner: "(Foreign Minister) Lavrov" in a London cable is not the UK's)
  if (!reading || (!reading.country && !reading.organization)) return undefined;
  return {
    reading,
    start: after ? m.start : Math.max(from, m.start - 64) + (before?.index ?? 0),
    end: after ? m.end + after[0].length : m.end,
    text: phrase,
    capitalizedBefore: false,
  };
}

/** The word at `i`, or the one before it when it is an article ("to the Chairman of …": "to"). */
function wordBeforeArticle(tokens: Array<{ word: string }>, i: number): string {
  const w = tokens[i]?.word ?? '';
  return /^(?:the|a|an)$/i.test(w) ? (tokens[i - 1]?.word ?? '') : w;
}

/** Words after which a title is the object of a clause, not a name's apposition. */
const PREPOSITION = /^(?:to|with|by|from|for|of|at|on|in|into|toward|towards|told|met|briefed)$/i;

/** The name is followed by another one after "and" or a comma: "Senators A and B", "judges A, B and C". */
function followedByAnd(text: string, m: Mention): boolean {
  return /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z]/.test(text.slice(m.end, m.end + 8));
}

/**
 * "Miranda State Governor" is the Governor of the state Miranda; "Chacao Mayor X" the mayor of Chacao, in the
 * post's country unless the place is a city or province of other countries only ("New York Mayor" in a Cairo cable).
 */
function stateOffice(r: TitleReading, before = '', home?: string): TitleReading {
  const m = /^(?:(.+?)\s+)?State\s+Governor$/.exec(r.title);
  if (m && !r.organization) return { ...r, title: 'Governor', ...(m[1] ? { organization: m[1] } : {}) };
  // "Chacao Mayor X", "Helmand Governor X": the place before a mayor or governor is the office's
  const local = LOCAL_OFFICE.exec(r.title);
  // (no title word among the place's: "Interior Minister Jaime Mayor| Oreja" is a name the extractor cut)
  const office =
    local &&
    !r.organization &&
    !r.country &&
    !NOT_A_PLACE.test(local[1]) &&
    !local[1].split(' ').some((w) => isTitleWord(w)) &&
    !isTitleWord(before.trim().split(/\s+/).pop() ?? '')
      ? { ...r, title: local[2], organization: local[1], kind: 'domestic' as const }
      : r;
  // (the same for "Mayor of X", read by the title lexicon)
  if (!/^(?:Mayor|Governor)$/.test(office.title) || !office.organization || office.country) return office;
  const abroad = countryOfPlaceAbroad(office.organization, home);
  return abroad ? { ...office, country: abroad } : office;
}
const LOCAL_OFFICE = /^([A-Z][\w'’-]*(?:\s+(?:de\s+|do\s+|da\s+)?[A-Z][\w'’-]*){0,2})\s+(Mayor|Governor)$/;
/** Words before "Governor" that say whose it is other than a place's: a bank's, a deputy's, a province's in general. */
const NOT_A_PLACE =
  /\b(?:Bank|Central|Reserve|Deputy|Vice|Sub|Lieutenant|Acting|Former|Provincial|Regional|Military|District|Municipal|City|Board|Fund|Party|Opposition|Incoming|Outgoing|Interim)\b|^New$/i;

/** Whether the lexicon reads the words from an organization's start to the name as one title holding its last word. */
function orgRunsIntoTitle(org: string, phrase: string): boolean {
  const last = org.split(' ').pop()!.toLowerCase();
  const reading = readLexicon(phrase.replace(/[,;:]$/, ''));
  return reading !== undefined && reading.title.toLowerCase().split(' ').includes(last);
}

/** Index of the last mention (sorted by start) that starts before `offset`, or -1. */
function lastStartingBefore(mentions: Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The mention is followed on its line by another capitalized name word: the extractor kept only part of the name. */
function cutShort(text: string, m: Mention): boolean {
  const next = /^ ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?![.'’])/.exec(text.slice(m.end, m.end + 30));
  return (
    next !== null &&
    !/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|And|But|The|In|On|At|Said|Told)$/.test(
      next[1],
    )
  );
}

/** The first word of a rank written in two ("Lt. Gen.", "Major General", "Rear Admiral"). */
const RANK_FIRST = /^(?:Lt\.?|Lieutenant|Maj\.?|Major|Brig\.?|Brigadier|Rear|Vice)$/;
/** A verb of speech right after a name: the name is its clause's subject. */
const SPEECH_AFTER =
  /^\s+(?:said|says|told|added|noted|stated|asked|explained|argued|replied|responded|commented|remarked|stressed)\b/;

/** Ranks and honorifics written between a title and a name. */
const RANK =
  /^(?:General|Gen\.|Colonel|Col\.|Lt\.|Lieutenant|Major|Maj\.|Captain|Capt\.|Admiral|Adm\.|Dr\.?|Prince|Princess|Sheikh|Shaykh|Shaikh|Sheikha|Shaikha|Father|Mr\.?|Mrs\.?|Ms\.?|Mme\.?|Sir|Lord|Dame|Professor|Prof\.|LTGen|LtGen|LTG|Lt\.Gen\.|MajGen|BrigGen|RADM|VADM|LCDR|Brig\.)$/;
/** The last word is a rank, not the end of a title ("General X", but "Secretary General X", "Attorney General X"). */
function isRankBeforeName(tokens: Array<{ word: string }>): boolean {
  const last = tokens[tokens.length - 1].word;
  if (!RANK.test(last)) return false;
  const prev = (tokens[tokens.length - 2]?.word ?? '').toLowerCase().replace(/[-,]$/, '');
  return !(
    /^general$/i.test(last) &&
    /^(?:secretary|director|attorney|solicitor|inspector|auditor|prosecutor|consul|governor|surgeon|postmaster|accountant|comptroller)$/.test(
      prev,
    )
  );
}
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
/**
 * Whether titleBefore can find a title word among the words it keeps, read without building its token list (most
 * names have none): it keeps the last six of the MAX_TITLE_WORDS + 2 words before the name after dropping at most a
 * rank (so the last seven words hold them) and a trailing comma, unless a page break's header is cut out of them
 * (a five-to-eight-digit word among them), which brings earlier words nearer: then the full reading decides.
 */
function mayHaveTitleBefore(text: string, from: number, to: number): boolean {
  let end = to;
  for (let n = 0; n < MAX_TITLE_WORDS + 2; n += 1) {
    while (end > from && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (end <= from) return false;
    let start = end;
    while (start > from && !isSpace(text.charCodeAt(start - 1))) start -= 1;
    // (a list item's dash before the title: "-DFM Andrzej Kremer")
    const word =
      text.charCodeAt(start) === 45 && isBulletDash(text, start) ? text.slice(start + 1, end) : text.slice(start, end);
    if (n < 7 && (isTitleWord(word) || (word.endsWith(',') && isTitleWord(word.slice(0, -1))))) return true;
    if (n === 0 && singularTitleWord(word)) return true;
    const c = word.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d{5,8}$/.test(word)) return true;
    end = start;
  }
  return false;
}
/** The name opens a list item: a bullet dash right before it ("-John Plumb, Principal Director, OSD …"). */
function isBulletBefore(text: string, at: number): boolean {
  return text.charCodeAt(at - 1) === 45 && (at === 1 || isSpace(text.charCodeAt(at - 2)));
}

/** A dash opening a list item: at a line's start or after a space, right before a capital ("-U/S Tauscher -Ambassador X"). */
function isBulletDash(text: string, at: number): boolean {
  const next = text.charCodeAt(at + 1);
  return next >= 65 && next <= 90 && (at === 0 || isSpace(text.charCodeAt(at - 1)));
}

/** Up to `count` whitespace-separated words of text[from, to), in text order, with their offsets. */
function wordsBefore(text: string, from: number, to: number, count: number): Array<{ word: string; start: number }> {
  const out: Array<{ word: string; start: number }> = [];
  let end = to;
  while (out.length < count) {
    while (end > from && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (end <= from) break;
    let start = end;
    while (start > from && !isSpace(text.charCodeAt(start - 1))) start -= 1;
    // a list item's dash ("… Feinstein -DFM Andrzej Kremer"): the item, and its title, start after it
    if (text.charCodeAt(start) === 45 && isBulletDash(text, start)) {
      out.push({ word: text.slice(start + 1, end), start: start + 1 });
      break;
    }
    out.push({ word: text.slice(start, end), start });
    end = start;
  }
  return out.reverse();
}

/** The title phrase in apposition after `m`: "X, the MFA's Iraq desk officer," "X, Director of the Y Department." */
function titleAfter(
  ctx: RelationContext,
  m: Mention,
  sentenceEnd: number,
  listed: boolean,
): { reading: TitleReading; end: number; text: string } | undefined {
  if (ctx.cable.text.charCodeAt(m.end) !== 44) return undefined; // an apposition opens with a comma
  const after = ctx.cable.text.slice(m.end, Math.min(sentenceEnd, m.end + 160));
  // (a list item's dash ends it too: "-Franciszek Gagor, Chief of the General Staff -Lt. General X")
  const a = /^,\s+((?:the\s+)?[^,;()]{2,120}?)(?=\s*(?:,|;|\(|\)|\.(?:\s|$)|$)|\s+(?:who|and)\b|\s+-[A-Z])/.exec(after);
  if (!a) return undefined;
  const phrase = collapse(a[1]);
  if (!phrase.split(' ').some((w) => isTitleWordForm(w.replace(/['’]s$/, '')))) return undefined;
  // a name inside the phrase holds the title itself: "Alonso and Moratinos, the new MOD SYG for Policy Luis Cuesta"
  const phraseEnd = m.end + a.index + a[0].length;
  const k = lastStartingBefore(ctx.persons, phraseEnd);
  if (k >= 0 && ctx.persons[k].start > m.end) return undefined;
  // nor is a title whose aside in parentheses is followed by a name, the next name's ("Ambassador X, Defense Attache
  // (DATT) Colonel Y", "Chief of Staff X, Education Minister (recently named …) Y"): the list's next item
  if (nameAfterAside(ctx, phraseEnd)) return undefined;
  // a plural head is a group the name is listed beside, not its title ("President Sezer, military leaders and the MGK chief")
  const words = phrase.split(/\s+(?:of|for|at|in|to)\s+/)[0].split(' ');
  const head = words[words.length - 1];
  if (/[a-z]s$/.test(head) && !/(?:ss|['’]s)$/.test(head)) {
    const singular = /ies$/.test(head) ? `${head.slice(0, -3)}y` : head.slice(0, -1);
    if (readTitlePhrase([...words.slice(0, -1), singular].join(' '))) return undefined;
  }
  const reading = readTitlePhrase(phrase);
  if (!reading) return undefined;
  // a list's "Name, Office, Organization" line: the organization ending the item owns an office that names none
  if (listed && !reading.country && !reading.organization) {
    const o = LISTED_ORGANIZATION.exec(after.slice(a[0].length));
    if (o) {
      const c = countryOf(o[1]);
      if (c) reading.country = c;
      else reading.organization = o[1];
    }
  }
  return { reading, end: m.end + a.index + a[0].length, text: phrase };
}

/** A verb that states the office a name holds or held, then "as" ("Bono is out as Defense Minister", "Kayani was named as
 * Chief of Army Staff", "X, who served as Interior Minister"); never one still to come ("will serve as"). */
const HELD_AS =
  /^(?:\s*,\s*who)?\s+(?:(is|was|has\s+been|had\s+been|remains|remained|served|serves|took\s+over|takes\s+over|is\s+out|was\s+out|stepped\s+down|steps\s+down|resigned|resigns|retired|was\s+named|is\s+named|was\s+appointed|is\s+appointed|was\s+confirmed|was\s+elected|is\s+elected|was\s+sworn\s+in|was\s+reappointed)\s+)(?:(?:also|recently|briefly|previously|formerly|now|currently)\s+)?as\s+((?:the\s+)?[^,;()"“”]{2,80}?)(?=\s*(?:,|;|\(|\)|\.(?:\s|$)|$)|\s+(?:who|and|to|in|on|until|since|from|after|before|when|under|with|by|for\s+\d|last|this|next|in\s+\d)\b)/;
/** Verbs of HELD_AS that say the office is left behind ("is out as", "resigned as"): a former office. */
const LEFT_AS = /out|stepped|steps|resign|retire/;

/** The office a verb states with "as" right after the name (`HELD_AS`), if the title reader reads it. */
function titleHeldAs(
  ctx: RelationContext,
  m: Mention,
  sentenceEnd: number,
): { reading: TitleReading; end: number; text: string } | undefined {
  const after = ctx.cable.text.slice(m.end, Math.min(sentenceEnd, m.end + 160));
  const a = HELD_AS.exec(after);
  if (!a) return undefined;
  const phrase = collapse(a[2]);
  if (!phrase.split(' ').some((w) => isTitleWordForm(w.replace(/['’]s$/, '')))) return undefined;
  // a name inside the phrase is the office's own holder, not this one's
  const phraseEnd = m.end + a.index + a[0].length;
  const k = lastStartingBefore(ctx.persons, phraseEnd);
  if (k >= 0 && ctx.persons[k].start > m.end) return undefined;
  const reading = readTitlePhrase(phrase.replace(/^(?:the|an?)\s+/i, ''));
  if (!reading) return undefined;
  if (LEFT_AS.test(a[1])) reading.former = true;
  return { reading, end: phraseEnd, text: phrase };
}

/** A parenthesized aside at `at`, then (after at most a rank) a person's name. */
function nameAfterAside(ctx: RelationContext, at: number): boolean {
  // (on the aside's line: a list's next line names the next item, "Ryan Hass, Political Officer (notetaker)\nJames Brown")
  const aside = /^[ \t]*\([^()\n]{1,100}\)[ \t]+(?:(?:[A-Z][a-z]*\.?[ \t]+){0,2})?/.exec(
    ctx.cable.text.slice(at, at + 160),
  );
  if (!aside) return false;
  const k = lastStartingBefore(ctx.persons, at + aside[0].length + 1);
  const p = k >= 0 ? ctx.persons[k] : undefined;
  if (!p || p.start < at) return false;
  // (the words between the aside and the name are a rank's, not a verb's: "(DATT) Colonel Y", not "(MFA) told Y")
  const between = ctx.cable.text.slice(at, p.start).replace(/^\s*\([^()\n]*\)\s*/, '');
  if (ctx.cable.text.slice(at, p.start).includes('\n')) return false;
  // (nor a list of "Name, Title" items, the next name's own title after it: "Leou, Political Officer (notetaker) Brown,
  // Interpreter" — the title is the name's before it)
  if (/^\s*,/.test(ctx.cable.text.slice(p.end, p.end + 4))) return false;
  return between === '' || RANK.test(between.trim().split(/\s+/).pop() ?? '');
}

/** ", OSD Missile Defense Policy" ending a list item (its line, or the next item's dash): capitalized words and connectors. */
const LISTED_ORGANIZATION =
  /^,\s+([A-Z][\w.&'’/-]*(?:\s+(?:of|for|and|the|[A-Z][\w.&'’/-]*)){0,7})[ \t]*(?=$|\n|\s-[A-Z])/;

/**
 * Bodies of the US government only, by the acronym or name cables write before a title: the combatant commands, the
 * agencies, the National Defense University, the Millennium Challenge Corporation (not "NSC" or "Senate Foreign
 * Relations Committee": other countries have them too).
 */
const US_BODY =
  /^(?:U\.?S\.?\s+)?(?:US)?(?:CENTCOM|AFRICOM|EUCOM|PACOM|SOUTHCOM|NORTHCOM|SOCOM|TRANSCOM|STRATCOM|FBI|CIA|DHS|USTR|USAID|DEA|NDU|National Defense University|Department of Homeland Security|Federal Bureau of Investigation|Central Intelligence Agency|Drug Enforcement Administration|Peace Corps|Millennium Challenge Corporation|MCC|OPIC)$/;

/** A state's body: its ministries, forces, legislature, courts, embassies. */
const STATE_BODY =
  /\b(?:Ministry|Embassy|Parliament|Senate|Congress|Army|Navy|Air Force|Armed Forces|Police|Presidency|Government|Cabinet|Supreme Court|Central Bank|National Assembly)\b/;
/** The country a state body's name opens with ("Moroccan Ministry of …", "Pakistan Army"), if it is one. */
function countryOfStateBody(org: string): string | undefined {
  if (!STATE_BODY.test(org)) return undefined;
  const words = org.split(' ');
  return (words.length > 2 ? countryOf(`${words[0]} ${words[1]}`) : undefined) ?? countryOf(words[0]);
}

/** A role's owner as read; `guessed` when a bare domestic title took the country its sentence or the post suggests. */
type OwnerReading = Pick<Role, 'country' | 'organization' | 'basis'> & { guessed?: true };

/** Completes a reading's owner from the cable: the posting country for domestic titles, the post for its own officers. */
function ownerOf(
  ctx: RelationContext,
  m: Mention,
  r: TitleReading,
  capitalizedBefore: boolean,
  people: Set<string>,
  titleStart: number,
): OwnerReading | undefined {
  if (r.country || r.organization) {
    // a US-only body ("NDU President X", "MCC President X") is the US's wherever the cable was sent from
    if (!r.country && r.organization && US_BODY.test(r.organization))
      return { country: 'United States', organization: r.organization, basis: 'explicit' };
    // a state body its name says whose ("the Moroccan Ministry of Foreign Affairs", "Afghan National Army")
    const named = !r.country && r.organization ? countryOfStateBody(r.organization) : undefined;
    if (named) return { country: named, organization: r.organization, basis: 'explicit' };
    const known = r.organization ? organizationOf(r.organization) : undefined;
    // a national ministry is the posting country's; so is a domestic office of an organization the lexicon does not know (a party, a police force)
    const home =
      known?.national ||
      (r.organization && !known && r.kind === 'domestic' && !foreignBefore(ctx, m.start, titleStart));
    return { country: r.country ?? (home ? ctx.home : undefined), organization: r.organization, basis: 'explicit' };
  }
  // an unread capitalized word before the title may be its owner ("Baghdad Deputy Polcouns"): do not guess
  const surname = surnameOf(m.text);
  // a listed leader's country whatever word precedes the title ("told Zardari President Obama's own policy")
  if (r.kind === 'domestic') {
    if (US_PRINCIPALS[r.title]?.includes(surname)) return { country: 'United States', basis: 'implied' };
    // a portfolio's Secretary the US cabinet table knows by surname ("Energy Secretary Chu" in a London cable)
    if (/ Secretary$/.test(r.title) && portfolioMatches(r.title, US_SECRETARIES[surname]))
      return { country: 'United States', basis: 'implied' };
    const leader = leaderCountry(r.title, surname);
    if (leader) return { country: leader, basis: 'implied' };
  }
  if (capitalizedBefore) return undefined;
  if (r.kind === 'domestic') {
    // the country the sentence or paragraph names when it names another one, else the post's
    const owner = bareTitleCountry(ctx, m.start, titleStart);
    return owner ? { country: owner.country, basis: 'implied', guessed: true } : undefined;
  }
  if (r.kind === 'us') return { country: 'United States', basis: 'implied' };
  if (POST_TITLES.has(r.title) && ctx.post && people.has(surname))
    return { country: 'United States', organization: ctx.post, basis: 'implied' };
  if (r.kind === 'embassy' && ctx.post) return { country: 'United States', organization: ctx.post, basis: 'implied' };
  return undefined;
}

/** The country of a role the cable gave the possessor before ("President Karzai's Chief of Staff X": Afghanistan's). */
function possessorOwner(roles: Role[], possessor: Mention): Pick<Role, 'country' | 'basis'> | undefined {
  const surname = surnameOf(possessor.text);
  const held = roles.find((r) => r.country && surnameOf(r.person.text) === surname);
  return held ? { country: held.country, basis: 'implied' } : undefined;
}

/** The names coordinated after the first of a plural title ("Senators A and B"): each holds it, owned as it would be alone. */
function sharedTitle(
  ctx: RelationContext,
  first: Mention,
  role: Role,
  reading: TitleReading,
  people: Set<string>,
  guessed: Set<Role>,
): Role[] {
  const out: Role[] = [];
  const text = ctx.cable.text;
  let prev = first;
  for (let k = ctx.persons.indexOf(first) + 1; k < ctx.persons.length; k += 1) {
    const n = ctx.persons[k];
    if (!/^(?:\s*,\s*(?:and\s+)?|\s+and\s+)$/.test(text.slice(prev.end, n.start))) break;
    if (/^X{4,}$/i.test(n.text) || cutShort(text, n)) break;
    // "Kings Mohammed VI and Abdullah II of Jordan": a name with its own country is not read here
    if (/^\s+of\s+[A-Z]/.test(text.slice(n.end, n.end + 6))) break;
    let owner: OwnerReading | undefined = ownerOf(ctx, n, reading, false, people, role.start);
    // "Senators Gregg, Bayh and Kerry" in Damascus: a name no lexicon knows shares the first's body, not the post's
    // (not the leaders of a summit: "Presidents Bush and Zapatero", "Foreign Ministers A and B" are two countries')
    if (
      owner?.basis === 'implied' &&
      !/\b(?:President|Minister|King|Chancellor|Premier|Leader|Emir|Sultan)\b/.test(reading.title) &&
      role.country &&
      owner.country !== role.country &&
      reading.kind === 'domestic' &&
      !US_PRINCIPALS[reading.title]?.includes(surnameOf(n.text)) &&
      !leaderCountry(reading.title, surnameOf(n.text))
    )
      owner = { country: role.country, organization: role.organization, basis: role.basis };
    if (owner) {
      // (the title is written before the first name only: this name's role starts at the name)
      const { guessed: ownerGuessed, ...own } = owner;
      const r: Role = { ...role, person: ctx.personRef(n), ...own, start: n.start, end: n.end };
      if (own.country === undefined) delete r.country;
      if (own.organization === undefined) delete r.organization;
      if (ownerGuessed) guessed.add(r);
      out.push(r);
    }
    prev = n;
  }
  return out;
}

export function readRoles(ctx: RelationContext): Role[] {
  const roles: Role[] = [];
  // roles whose country the list's previous name gave (each passes it on to the next: "…, Minister of Justice Z and …")
  const listOwned = new Set<Role>();
  // roles read from the subject line: a headline's short form of what the body may say in full
  const subjectRoles = new Set<Role>();
  const people = postPeople(ctx);
  // roles of a bare domestic title whose country was only guessed from the sentence or the post: the weakest owner
  const guessedRoles = new Set<Role>();
  for (const m of ctx.persons) {
    if (/^(?:minister|president|ambassador|director|deputy)\b/i.test(m.text)) continue; // a title the extractor kept in the name
    if (/^X{4,}$/i.test(m.text)) continue; // a withheld name
    // a name the extractor cut short ("Juan Manuel| Santos", "Piedad| Cordoba"): its role would go to a wrong person
    if (cutShort(ctx.cable.text, m)) continue;
    const s = sentenceAt(ctx.sentences, m.start);
    // an addressee of the header's routing lines ("WHA FOR A/S SHANNON"), or a name of the subject line ("SCENESETTER
    // FOR FBI DIRECTOR MUELLER"): the line's item is its sentence
    const routing = s ? undefined : addressItemOf(ctx.cable, m.start);
    const subject = s || routing ? undefined : subjectItemOf(ctx.cable, m.start);
    const address = routing ?? subject;
    // (a name the extractor ran on into the next line, "DAS NANCY LEE\nUSCINCSO", is no addressee's)
    if (!s && (!address || m.end > address.line.end)) continue;
    const found = [] as Array<{
      reading: TitleReading;
      start: number;
      end: number;
      text: string;
      capitalizedBefore: boolean;
      possessor?: Mention;
    }>;
    // a participant list's line is its own sentence: the title before the name starts the line
    const list = s ? listLineOf(ctx.cable.text, m.start, m.end) : undefined;
    const from = address ? address.start : list ? Math.max(s!.start, list.start) : s!.start;
    const to = address ? address.end : list ? Math.min(s!.end, list.end) : s!.end;
    const b = titleBefore(ctx, m, from) ?? unitTitleBefore(ctx, m, from) ?? usSecretaryBefore(ctx, m, from);
    if (b) found.push({ ...b, end: m.end });
    const c = b && !b.plural ? coordinatedTitleBefore(ctx, b.start, from) : undefined;
    if (c) found.push({ ...c, end: m.end });
    const a = titleAfter(ctx, m, to, list !== undefined || (m.start > 0 && isBulletBefore(ctx.cable.text, m.start)));
    if (a) found.push({ ...a, start: m.start, capitalizedBefore: false });
    // "Bono is out as Defense Minister": an office a verb states with "as" (not when a title before the name gave one)
    const held = a || b ? undefined : titleHeldAs(ctx, m, to);
    if (held) found.push({ ...held, start: m.start, capitalizedBefore: false });
    // "Renan Calheiros (Senate President)", "(Russian Permanent Representative) Rogozin": a title in parentheses
    const p = b || a ? undefined : parenthesizedTitle(ctx, m, from, to);
    if (p) found.push(p);
    for (const f of found) {
      f.reading = stateOffice(f.reading, ctx.cable.text.slice(Math.max(0, f.start - 40), f.start), ctx.home);
      let owner: OwnerReading | undefined = f.possessor
        ? (possessorOwner(roles, f.possessor) ?? ownerOf(ctx, m, f.reading, false, people, Math.min(f.start, m.start)))
        : ownerOf(ctx, m, f.reading, f.capitalizedBefore, people, Math.min(f.start, m.start));
      // under a list's country heading the people are that country's, whatever the post ("United States" / "Pakistan")
      if (list?.country && !f.reading.country && f.reading.kind !== 'us' && owner?.basis !== 'explicit')
        owner =
          f.reading.kind === 'embassy' && owner
            ? owner
            : { ...owner, country: list.country, basis: 'implied', guessed: undefined };
      else if (list?.country && owner?.basis === 'explicit' && !f.reading.country && owner.country !== list.country)
        owner = { ...owner, country: list.country };
      // "… FROM AMBASSADOR SOBEL" on an address line: the post's own officer sends it
      if (
        !owner &&
        address &&
        ctx.post &&
        POST_TITLES.has(f.reading.title) &&
        /\bFROM\s+$/.test(ctx.cable.text.slice(address.line.start, address.start))
      )
        owner = { country: 'United States', organization: ctx.post, basis: 'implied' };
      if (!owner) continue;
      // "French FM X, Minister of Defense Y and Minister of Justice Z": a state's title in a list takes the country the
      // demonym or country opening the previous name's title gave it, not the post's — when the list goes on after the
      // name ("During a visit by Venezuelan President Chavez, President Morales went …" is no list; nor is a US title's)
      let inherited = false;
      if (owner.basis === 'implied' && f.reading.kind === 'domestic' && f.start < m.start && !list) {
        const prev = roles[roles.length - 1];
        if (
          prev?.basis === 'explicit' &&
          prev.country &&
          prev.country !== 'United States' &&
          (listOwned.has(prev) ||
            (countryOf(prev.titleText.split(' ')[0]) === prev.country &&
              !('plural' in f && f.plural) &&
              /^\s*(?:,|and\s)/.test(ctx.cable.text.slice(m.end, m.end + 6)))) &&
          prev.person.end <= f.start &&
          /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)$/.test(ctx.cable.text.slice(prev.person.end, f.start))
        ) {
          owner = { ...owner, country: prev.country, basis: 'explicit' };
          inherited = true;
        }
      }
      const ev = address ? addressEvidence(ctx, address) : evidenceOf(ctx, m.start)!;
      const { guessed, ...own } = owner;
      const role: Role = {
        person: ctx.personRef(m),
        title: f.reading.acting ? `Acting ${f.reading.title}` : f.reading.title,
        titleText: collapse(f.text),
        ...own,
        start: f.start,
        end: f.end,
        paragraph: ev.paragraph,
        evidence: ev.evidence,
      };
      if (f.reading.unit) role.unit = f.reading.unit;
      if (f.reading.former) role.former = true;
      if (role.country === undefined) delete role.country;
      if (role.organization === undefined) delete role.organization;
      roles.push(role);
      if (guessed && role.basis === 'implied') guessedRoles.add(role);
      if (subject) subjectRoles.add(role);
      if (inherited) listOwned.add(role);
      if ('plural' in f && f.plural) roles.push(...sharedTitle(ctx, m, role, f.reading, people, guessedRoles));
    }
  }
  // the subject line's office the body gives the same person is the body's ("CROWN PRINCE SALMAN", then "Crown Prince
  // Shaikh Salman bin Hamad al Khalifa"): the headline adds only another spelling of the person
  // (the same person: one entity, or the headline's name a word of the body's, "SALMAN" of "Salman bin Hamad al Khalifa")
  if (subjectRoles.size > 0) {
    const body = roles.filter((r) => !subjectRoles.has(r));
    for (let i = roles.length - 1; i >= 0; i -= 1) {
      const r = roles[i];
      if (!subjectRoles.has(r)) continue;
      const surname = surnameOf(r.person.text);
      const same = body.some(
        (o) =>
          o.title === r.title &&
          ((r.person.entityId !== undefined && o.person.entityId === r.person.entityId) ||
            o.person.text.toLowerCase().split(/\s+/).includes(surname)),
      );
      if (same) roles.splice(i, 1);
    }
  }
  const signed = classifiedByRole(ctx);
  // the Classified By line names the officer's title at the post: other spellings of it are the same office
  if (signed) {
    const surname = surnameOf(signed.person.text);
    for (let i = roles.length - 1; i >= 0; i -= 1) {
      const r = roles[i];
      if (r.organization === signed.organization && r.title !== signed.title && surnameOf(r.person.text) === surname)
        roles.splice(i, 1);
    }
  }
  if (
    signed &&
    !roles.some((r) => r.title === signed.title && surnameOf(r.person.text) === surnameOf(signed.person.text))
  )
    roles.unshift(signed);
  // a title implied by the post yields to the country the cable itself gives the same person and office; and a bare
  // domestic title whose country was only guessed (the post's, or one its sentence names) yields to the country
  // another reading of the same person and office has (a participants list's heading, a US-only title: "Undersecretary
  // William Burns" under "U.S. Participants" is not Turkey's in an Ankara cable's "Undersecretary Burns has cleared this
  // cable"). The office is compared without the spelling of Under Secretary ("U/S SINIRLIOGLU" and "Turkish MFA
  // Undersecretary Sinirlioglu"), and the weaker reading takes the stronger one's title and owner: one office, not two.
  const officeKey = (r: Role) =>
    `${r.person.entityId ?? surnameOf(r.person.text)}|${r.title.replace(/\bUndersecretary\b/, 'Under Secretary')}`;
  const explicit = new Map<string, Role>();
  const owned = new Map<string, Role>();
  for (const r of roles) {
    if (!r.country) continue;
    const key = officeKey(r);
    if (r.basis === 'explicit') {
      if (!explicit.has(key)) explicit.set(key, r);
    } else if (!guessedRoles.has(r) && !owned.has(key)) owned.set(key, r);
  }
  for (const r of roles) {
    if (r.basis !== 'implied') continue;
    const key = officeKey(r);
    const o = explicit.get(key) ?? (guessedRoles.has(r) ? owned.get(key) : undefined);
    if (!o) continue;
    r.country = o.country;
    r.basis = o.basis;
    if (o.title !== r.title) {
      r.title = o.title;
      if (o.organization && !r.organization) r.organization = o.organization;
    }
  }
  // an acronym the cable spells out ("Bank Negara (BN)") is that organization
  // (read only when a role names an acronym: the search runs over the whole text)
  // (and only when the text writes one of those acronyms in parentheses, as every definition does)
  const acronyms = roles.some(
    (r) =>
      r.organization && /^[A-Z][A-Z&-]{1,6}$/.test(r.organization) && ctx.cable.text.includes(`(${r.organization})`),
  )
    ? acronymsOf(ctx)
    : new Map<string, string>();
  for (const r of roles) {
    const spelled = r.organization && acronyms.get(r.organization);
    if (!spelled) continue;
    const known = organizationOf(spelled);
    r.organization = known?.name ?? spelled;
    if (known?.national && !r.country && ctx.home) r.country = ctx.home;
  }
  // a short title and a longer one of the same person in one cable are one office ("Chancellor", "Chancellor of the Exchequer")
  // (each role's person key made once: a surname split for every pair of roles cost more than the rest of the loop)
  const keys = roles.map((r) => r.person.entityId ?? surnameOf(r.person.text));
  for (let i = 0; i < roles.length; i += 1) {
    const r = roles[i];
    const key = keys[i];
    const longer = roles.find(
      (o, k) =>
        o !== r &&
        keys[k] === key &&
        (o.title.startsWith(`${r.title} of `) ||
          (/^(?:Minister|Leader|Chief|Head|Advisor)$/.test(r.title) &&
            o.title.endsWith(` ${r.title}`) &&
            !/^(?:Deputy|Vice|Assistant|Acting)\b/.test(o.title))),
    );
    if (longer) {
      r.title = longer.title;
      r.country ??= longer.country;
    }
    // the UK's only Chancellor in government is the Exchequer's ("Chancellor Darling"): the office's full name
    if (r.title === 'Chancellor' && r.country === 'United Kingdom' && !r.organization)
      r.title = 'Chancellor of the Exchequer';
  }
  return roles;
}

/** The name's last words whose initials are the acronym's letters in any order ("National Assembly (AN)", Spanish order). */
function sameLetters(name: string, acronym: string): string | undefined {
  const words = name.split(' ');
  let n = 0;
  let from = words.length;
  while (from > 0 && n < acronym.length) {
    from -= 1;
    if (/^[A-Z]/.test(words[from])) n += 1;
  }
  if (n !== acronym.length || n < 2) return undefined;
  const sorted = (xs: string[]): string => xs.sort().join('');
  const initials = words
    .slice(from)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0]);
  return sorted(initials) === sorted(acronym.split('')) ? words.slice(from).join(' ') : undefined;
}

/** Acronyms the cable defines: "Bank Negara (BN)", "the Ministry of External Relations (MRE)". */
function acronymsOf(ctx: RelationContext): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([A-Z][\w-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?[A-Z][\w-]*){0,6})['’]?\s*\(([A-Z][A-Z&-]{1,6})\)/g;
  for (let m = re.exec(ctx.cable.text); m; m = re.exec(ctx.cable.text)) {
    const name = collapse(m[1]);
    const letters = name
      .split(' ')
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join('');
    // the acronym's first letter starts the name's last words it stands for
    const inOrder = sameLetters(name, m[2]);
    if (inOrder) out.set(m[2], inOrder);
    else if (letters.includes(m[2][0])) {
      const from = name.split(' ').findIndex((w) => w[0] === m[2][0]);
      const spelled = name.split(' ').slice(from);
      // one word is not what letters stand for: "the ruling Socialist Party (PSOE)" leaves "PSOE", not "Party"
      if (spelled.length > 1) out.set(m[2], spelled.join(' '));
    }
  }
  return out;
}

/** "X of the MFA", "X (MFA)", "X, of the Foreign Ministry": membership without a title. */
export function readAffiliations(ctx: RelationContext): Affiliation[] {
  const out: Affiliation[] = [];
  const text = ctx.cable.text;
  for (const m of ctx.persons) {
    const after = text.slice(m.end, m.end + 90);
    const a =
      /^(?:\s*\(\s*([^()\n]{2,60}?)\s*\)|,?\s+of\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)?[A-Z][\w'’.-]*){0,5}))/.exec(
        after,
      );
    if (!a) continue;
    const raw = collapse(a[1] ?? a[2]);
    const at = m.end + a[0].length - raw.length;
    const orgMention = ctx.organizations.find(
      (o) => o.start >= m.end && o.start <= at + 4 && o.end <= m.end + a[0].length + 1,
    );
    const known = organizationOf(raw);
    if (!known && !orgMention) continue;
    const ev = evidenceOf(ctx, m.start);
    if (!ev) continue;
    const aff: Affiliation = {
      person: ctx.personRef(m),
      organization: known?.name ?? collapse(orgMention!.text),
      start: m.start,
      end: m.end + a[0].length,
      paragraph: ev.paragraph,
      evidence: ev.evidence,
    };
    if (known?.national && ctx.home) aff.country = ctx.home;
    out.push(aff);
  }
  return out;
}

/** Embassy titles as the Classified By line writes them → the normalized title. */
const EMBASSY_TITLES: Array<[RegExp, string]> = [
  [/^(?:deputy\s+chief\s+of\s+mission|dcm)$/i, 'DCM'],
  [/^(?:deputy\s+ambassador|d\/amb(?:assador|\.)?)$/i, 'Deputy Ambassador'],
  [/^(?:ambassador|amb\.?)$/i, 'Ambassador'],
  [/^(?:charg[eé]['’]?(?:\s+d['’]affaires)?(?:,?\s+a\.?\s?i\.?)?|cda)$/i, "Charge d'Affaires"],
  [/^(?:p\/m|pol\/mil|pol-mil|political-military)\s+counsel+or$/i, 'Pol-Mil Counselor'],
  [
    /^(?:political\s+(?:minister[\s-]+)?counsel+or|polcouns|pol\s+couns|pol\s*min\s*couns|pol\s+m\/?c)$/i,
    'Political Counselor',
  ],
  [/^pol(?:itical)?\s+chief$/i, 'Political Chief'],
  [/^(?:RSO|regional\s+security\s+officer)$/i, 'RSO'],
  [/^(?:ARSO|assistant\s+regional\s+security\s+officer)$/i, 'ARSO'],
  [
    /^(?:economic\s+(?:minister[\s-]+)?counsel+or|econcouns|econ\s+couns|econ\s*min\s*couns|econ\s+m\/?c)$/i,
    'Economic Counselor',
  ],
  [/^(?:consul\s+general)$/i, 'Consul General'],
  [/^(?:pol(?:itical)?\s*off(?:icer)?)$/i, 'Poloff'],
  [/^(?:econ(?:omic)?\s*off(?:icer)?)$/i, 'Econoff'],
];

/**
 * The post title a Classified By line gives its officer, and whether it is held in an acting capacity. The line's
 * title may run on with the post and the agency ("Charge d'Affaires, U.S. Embassy Tripoli, Department of State",
 * "ARSO, Dept. of State, RSO Caracas"): its first part is the title.
 */
export function classifiedByTitle(written: string): { title: string; acting: boolean } | undefined {
  const first = written.split(',')[0].replace(/\s+/g, ' ').trim();
  const acting = /^(?:acting|a\/)\s*/i.exec(first);
  const bare = acting ? first.slice(acting[0].length) : first;
  const title = EMBASSY_TITLES.find(([re]) => re.test(bare))?.[1];
  return title ? { title, acting: acting !== null } : undefined;
}

/** The role the Classified By line states ("Classified By: Ambassador Louis B. Susman"): the post's own officer. */
function classifiedByRole(ctx: RelationContext): Role | undefined {
  const cb = ctx.cable.classifiedBy;
  if (!cb?.name || !cb.title || !ctx.post) return undefined;
  const read = classifiedByTitle(cb.title);
  if (!read) return undefined;
  // an acting officer's title keeps the word, as the annotation guideline does ("Acting DCM", "A/PolCouns")
  const title = read.acting ? `Acting ${read.title}` : read.title;
  const words = cb.name
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const at = firstOccurrence(ctx.cable.text, words);
  if (!at) return undefined;
  const mention: Mention = { type: 'PERSON', text: at[0], start: at.index, end: at.index + at[0].length };
  // the Classified By statement sits in the header, outside the paragraphs' sentences: it is its own evidence
  const from = ctx.cable.text.lastIndexOf('lassified', at.index);
  const evStart = from > 0 && at.index - from < 120 ? from - 1 : at.index;
  const ev = { evidence: { text: collapse(cb.text), start: evStart, end: mention.end }, paragraph: undefined };
  const ref =
    ctx.persons.find((p) => p.start <= mention.start && p.end >= mention.end) ??
    ctx.persons.find((p) => surnameOf(p.text) === surnameOf(cb.name!));
  const person = ref
    ? { ...ctx.personRef(ref), text: mention.text, start: mention.start, end: mention.end }
    : ctx.personRef(mention);
  return {
    person,
    title,
    titleText: collapse(cb.title),
    country: 'United States',
    organization: ctx.post,
    basis: 'explicit',
    // the title is written before the name ("Ambassador X") or after it ("X, Ambassador, State, Embassy Brasilia")
    start:
      cb.text.indexOf(cb.title) > cb.text.indexOf(cb.name) ? at.index : Math.max(0, at.index - cb.title.length - 1),
    end: mention.end,
    evidence: ev.evidence,
  };
}

/**
 * The first place the words (regex-escaped) are written, whitespace between them, in any case: the same match as one
 * case-insensitive regex over the whole text, found faster by looking only where the first word's letters stand in
 * the lower-cased text (a case-insensitive regex has no fast literal scan), and there comparing the words directly
 * when they are plain ASCII (a regex made for each cable's name cost more to compile than to run).
 */
function firstOccurrence(text: string, words: string[]): { 0: string; index: number } | null {
  const lower = text.toLowerCase();
  const plain = words.map((w) => w.replace(/\\(.)/g, '$1'));
  const first = plain[0].toLowerCase();
  // lower-casing that changes the text's length (a dotted capital I), or a first word beyond ASCII (whose case the
  // regex folds otherwise than toLowerCase): the plain search
  if (lower.length !== text.length || first.length === 0 || /[^\x20-\x7e]/.test(first))
    return new RegExp(words.join('\\s+'), 'i').exec(text);
  const ascii = plain.every((w) => !/[^\x21-\x7e]/.test(w));
  const re = ascii ? undefined : new RegExp(words.join('\\s+'), 'iy');
  for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
    if (re) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (m) return m;
    } else {
      const end = wordsAt(text, at, plain);
      if (end >= 0) return { 0: text.slice(at, end), index: at };
    }
  }
  return null;
}
/**
 * Where the words (printable ASCII) written from `at`, one or more whitespace characters between them, end; -1 when
 * they are not there. Case is compared as a case-insensitive regex compares ASCII letters: no other character
 * matches them.
 */
function wordsAt(text: string, at: number, words: string[]): number {
  let i = at;
  for (let w = 0; w < words.length; w += 1) {
    if (w > 0) {
      const from = i;
      while (i < text.length && isRegexSpace(text.charCodeAt(i))) i += 1;
      if (i === from) return -1;
    }
    const word = words[w];
    if (i + word.length > text.length) return -1;
    for (let k = 0; k < word.length; k += 1) {
      const a = text.charCodeAt(i + k);
      const b = word.charCodeAt(k);
      if (a !== b && !(isAsciiLetter(a) && asciiLower(a) === asciiLower(b))) return -1;
    }
    i += word.length;
  }
  return i;
}
/** An ASCII capital's lower-case letter; any other character itself. */
const asciiLower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
