// The ministry named inside a minister's title ("Transportation Minister X", "Minister of Mines and Energy X") that the tagger left untagged.
import { ENGLISH, FIRST_NAMES, PLACES, TITLES } from '../../lexicon/gazetteer';
import type { Cable } from '../../parse/types';
import type { Mention } from '../../model';
import { paragraphAt } from '../util';
import { PORTFOLIO_MODIFIERS, PORTFOLIO_NOUNS } from '../../lexicon/portfolios';

/** A title's word that no portfolio is named by ("Deputy", "Vice", "Sheikh"; not "Justice", "Foreign", "Affairs"). */
const titleWord = (lower: string) =>
  TITLES.has(lower) && !PORTFOLIO_NOUNS.has(lower) && !PORTFOLIO_MODIFIERS.has(lower) && lower !== 'affairs';

/** A capitalized word of a portfolio's name ("Higher", "Education", "Mines"), possibly with a trailing comma. */
const WORD = /^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$/;

/** The words of the text from `from` on, with their offsets (at most `max`). */
function wordsFrom(text: string, from: number, max: number): Array<{ w: string; start: number; end: number }> {
  const out: Array<{ w: string; start: number; end: number }> = [];
  const re = /[^\s,;:.()"]+|[,;:.()"]/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text))
    out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * "Minister of ", "Ministers for the ", "Vice Minister of ": a portfolio follows. Not a prime minister's,
 * a minister of state's or a shadow minister's ("Deputy Prime Minister for Defense and Security
 * Affairs", "State Minister for International Cooperation", "Shadow Minister for the Environment"):
 * their titles name no ministry.
 */
const MINISTER_OF = /(?<!\b(?:Prime|State|Shadow)\s+)\bMinisters?\s+(?:of|for)\s+(?:the\s+)?(?=[A-Z][a-z])/g;
/** Portfolios a foreign minister's title names, which the conventions leave untagged as "Foreign Minister" is. */
const FOREIGN = /^(?:Foreign|External)(?:\s+Affairs)?$/;
/** " Minister", " Vice Minister", " Deputy Minister" after a portfolio, not "Minister Counselor" / "Minister-President". */
const MINISTER_AFTER = /^\s+(?:(?:Vice|Deputy)[ -])?Minister\b(?![- ](?:Counse[l]?or|President))/;

/**
 * Adds, as organizations, the ministries named inside ministers' titles that no mention covers: the
 * annotation conventions tag "Justice" in "Justice Minister Simonovic" and "Mines and Energy" in
 * "Minister of Mines and Energy Dilma Rousseff", and the tagger misses the rarer portfolios
 * ("Transportation", "Social Defense", "Emergency Situations"). After "Minister of/for": the
 * capitalized words (joined by "and", "&", commas) up to a mention, punctuation, a lower-case word
 * or the officeholder's name (a first name, or a word that is no English word after English ones);
 * not a place ("Minister for Africa"). Before "Minister": a portfolio noun and the capitalized words
 * of its name before it ("Higher Education", "Fuel and Energy"). Mentions stay in text order.
 */
export function addTitlePortfolios(cable: Cable, mentions: Mention[]): void {
  const text = cable.text;
  // (both patterns need the title: most cables have none)
  if (!text.includes('Minister')) return;
  const added: Mention[] = [];
  const covered = (start: number, end: number) =>
    mentions.some((m) => m.start < end && m.end > start) || added.some((m) => m.start < end && m.end > start);
  const personAt = (start: number) => mentions.some((m) => m.start === start && m.type === 'PERSON');
  const add = (start: number, end: number) => {
    if (end <= start) return;
    if (!covered(start, end)) {
      const m: Mention = { type: 'ORGANIZATION', text: text.slice(start, end), start, end };
      const p = paragraphAt(cable, start);
      if (p !== undefined) m.paragraph = p;
      added.push(m);
      return;
    }
    // the tagger's part of a portfolio of several words ("Economy" of "Economy and Finance") takes the rest
    const over = mentions.filter((m) => m.start < end && m.end > start);
    const [m] = over;
    if (over.length === 1 && m.type === 'ORGANIZATION' && m.start >= start && m.end <= end) {
      if (m.start > start) delete m.paragraph;
      m.start = start;
      m.end = end;
      m.text = text.slice(start, end);
      const p = paragraphAt(cable, start);
      if (p !== undefined) m.paragraph = p;
    }
  };
  for (const match of text.matchAll(MINISTER_OF)) {
    const ws = wordsFrom(text, match.index + match[0].length, 10);
    const plural = /^Ministers/.test(match[0]);
    // the portfolio's words; a plural title lists several ("Ministers of Foreign Affairs, Interior and Public Works")
    let from = 0;
    let last = -1;
    let english = false;
    const flush = () => {
      if (last < from) return;
      const lower = text.slice(ws[from].start, ws[last].end).toLowerCase();
      if (PLACES.has(lower) || PLACES.has(ws[from].w.toLowerCase()) || ws[from].w === 'State') return;
      if (FOREIGN.test(text.slice(ws[from].start, ws[last].end))) return;
      add(ws[from].start, ws[last].end);
    };
    for (let k = 0; k < ws.length; k++) {
      const { w } = ws[k];
      if (WORD.test(w)) {
        const lower = w.toLowerCase();
        if (personAt(ws[k].start)) {
          // a person's name the tagger began with the portfolio's last word ("Solidarity Jean-Louis Borloo"): left
          if (ENGLISH.has(lower)) last = -1;
          break;
        }
        if (titleWord(lower)) break;
        // the officeholder's name after the portfolio's English words ("Foreign Trade Tuzmen", "Defense Robert Gates")
        if (english && (!ENGLISH.has(lower) || FIRST_NAMES.has(lower))) break;
        english = ENGLISH.has(lower);
        last = k;
        continue;
      }
      // "and", "&", "," join the next capitalized word of the same portfolio, or start the next one of a list
      if ((w === 'and' || w === '&' || w === ',') && last === k - 1 && k + 1 < ws.length && WORD.test(ws[k + 1].w)) {
        if (plural) {
          flush();
          from = k + 1;
        }
        continue;
      }
      break;
    }
    flush();
  }
  // "Energy Minister", "Mines and Energy Minister": a portfolio noun right before the title, with the
  // portfolio words of its name before it ("Higher Education", "Commerce, Industry & Tourism"), not a
  // nationality ("Afghan Interior Minister")
  // (not a plural: "NATO Defense Ministers", "Justice and Interior Ministers" name several countries' ministries)
  for (const match of text.matchAll(/\b[A-Z][a-z]+(?=\s+(?:(?:Vice|Deputy)[ -])?Minister\b)/g)) {
    const end = match.index + match[0].length;
    if (!PORTFOLIO_NOUNS.has(match[0].toLowerCase()) || !MINISTER_AFTER.test(text.slice(end, end + 40))) continue;
    let start = match.index;
    let shadow = false;
    const pre = /(?:[A-Z][a-z]+,?\s+(?:(?:and|&)\s+)?)+$/.exec(text.slice(Math.max(0, start - 60), start));
    if (pre) {
      const base = start - pre[0].length;
      const words = [...pre[0].matchAll(/[^\s,]+/g)];
      for (let q = words.length - 1; q >= 0; q--) {
        const w = words[q][0];
        if (w === 'and' || w === '&') continue;
        const lower = w.toLowerCase();
        // an opposition party's "Shadow Finance Minister" heads no ministry
        shadow = lower === 'shadow';
        if (!PORTFOLIO_NOUNS.has(lower) && !PORTFOLIO_MODIFIERS.has(lower)) break;
        start = base + words[q].index;
      }
    }
    if (shadow) continue;
    if (start < match.index && covered(start, end)) start = match.index;
    add(start, end);
  }
  if (added.length === 0) return;
  mentions.push(...added);
  mentions.sort((a, b) => a.start - b.start);
}

/** A rank written before a title ("State Minister", "State Deputy", "State Secretary"): "State" names no body there. */
const STATE_RANK = /^\s+(?:Minister|Deputy|Deputies|Secretary|Councilor|Counselor|MINISTER)s?\b/;
/** "Cabinet Chief" (Argentina's chief of the cabinet of ministers): a title, which names no body. */
const CABINET_CHIEF = /^\s+(?:Chief|CHIEF)\b/;
/**
 * Drops the organization "State" the tagger reads in a rank ("State Minister Kursad Tuzmen", "State
 * Deputy races", Turkey's and Qatar's ministers of state), and cuts it off an organization it ends
 * ("Serbian Ministry for Kosovo State Secretary"); drops "Cabinet" in the title "Cabinet Chief". In place.
 */
export function dropStateRanks(text: string, mentions: Mention[]): void {
  let kept = 0;
  for (const m of mentions) {
    if (
      m.type === 'ORGANIZATION' &&
      /^(?:Cabinet|CABINET)$/.test(m.text) &&
      CABINET_CHIEF.test(text.slice(m.end, m.end + 8))
    )
      continue;
    if (
      m.type === 'ORGANIZATION' &&
      /(?:^|\s)(?:State|STATE)$/.test(m.text) &&
      STATE_RANK.test(text.slice(m.end, m.end + 20))
    ) {
      if (!/\s/.test(m.text)) continue;
      m.text = m.text.replace(/\s+\S+$/, '');
      m.end = m.start + m.text.length;
    }
    mentions[kept++] = m;
  }
  mentions.length = kept;
}
