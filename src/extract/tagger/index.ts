// The `tagger` extractor: builtin's cable-structure rules, then an averaged-perceptron sequence tagger.
/**
 * The `tagger` extractor: the cable-structure rules of `builtin`, then an averaged-perceptron
 * sequence tagger that reads their labels among its features and has the last word. Weights are
 * trained by `scripts/ner/train.js` on the hand-annotated cables and kept beside this file (tagger.bin.gz; the build copies it into dist).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CablegraphError } from '../../common/diagnostics';
import type { Cable } from '../../parse/types';
import { BuiltinExtractor, isCapsText } from '../builtin';
import type { Extractor } from '../types';
import { keepMention, skipRegions } from '../hygiene';
import { ENGLISH, FIRST_NAMES, TITLES } from '../../lexicon/gazetteer';
import { COMPANY_FORMS } from '../../lexicon/words';
import { paragraphAt } from '../util';
import { TAGS, ruleLabels, staticFeatures, type StaticFeatures } from './features';
import { harmonizeTypes } from './consistency';
import { dropDesignators, dropLowerCaseAcronyms, dropWorks } from './works';
import { addTitlePortfolios, dropStateRanks } from './portfolios';
import { splitCoordinatedBodies } from './coordination';
import { retypeByKindNouns } from './kind-nouns';
import { Perceptron } from './perceptron';
import { tokenizeForTagger, type TagToken } from './tokens';
import type { EntityType, Mention } from '../../model';

export const DEFAULT_WEIGHTS = path.join(__dirname, 'tagger.bin.gz');

/** What the tagger needs of one cable, computed once (training reuses it across epochs). */
export interface TaggerInput extends StaticFeatures {
  tokens: TagToken[];
}

/** The tagger's input of a cable; `training`: with the features of every token training learns from (see `staticFeatures`). */
export function taggerInput(cable: Cable, rules: BuiltinExtractor, training = false): TaggerInput {
  // the rules first: their passes allocate a lot and would push the tagger tokens' interned words
  // and types out of the processor's cache between the tokenizer and the features that read them
  const ruleMentions = rules.extractOne(cable);
  const { tokens, lines } = tokenizeForTagger(cable.text);
  const labels = ruleLabels(tokens, ruleMentions);
  return { tokens, ...staticFeatures(tokens, lines, labels, isCapsText(cable.text), training) };
}

/** The entity type of each tag index (`TAGS` without its B-/I- prefix). */
const TYPE_OF_TAG = TAGS.map((t) => t.slice(2) as EntityType);

/** A token that cannot begin or end a name: punctuation, a possessive ('s), a lone hyphen or dots. */
const EDGE = /^(?:[^\p{L}\p{N}]+|['’][sS])$/u;

/**
 * Mentions from BIO tags (a span runs from its B- tag over the I- tags of its type), trimmed of the
 * punctuation the tagger sometimes takes in at either end ("Afghanistan." "P5 1,", "U.S.-"), and
 * kept only where they can be names (`keepMention`: no markings, lone letters, generic nouns); the
 * mentions of one name then share one type (`harmonizeTypes`).
 */
export function mentionsOf(cable: Cable, tokens: readonly TagToken[], tags: Uint8Array): Mention[] {
  const out: Mention[] = [];
  let skip: Array<[number, number]> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    // B- tags are the odd indices, each followed by its I- tag
    const tag = tags[i];
    if (tag % 2 === 0) continue;
    const type = TYPE_OF_TAG[tag];
    let j = i;
    while (j + 1 < tokens.length && tags[j + 1] === tag + 1) j++;
    const last = j;
    let a = i;
    while (a <= j && EDGE.test(tokens[a].text)) a++;
    while (j >= a && EDGE.test(tokens[j].text)) j--;
    i = last;
    if (a > j) continue;
    const start = tokens[a].start;
    let end = tokens[j].end;
    // a number token keeps the comma after it ("P5 1," of "the P5 1, which")
    while (end > start + 1 && /[,;:]/.test(cable.text[end - 1])) end--;
    const m: Mention = { type, text: cable.text.slice(start, end), start, end };
    if (!keepMention(cable.text, m, (skip ??= skipRegions(cable.text)))) continue;
    const p = paragraphAt(cable, start);
    if (p !== undefined) m.paragraph = p;
    out.push(m);
  }
  dropTitleAcronyms(cable.text, out);
  splitCoordinatedBodies(cable.text, out);
  splitPortfolioFromPerson(cable.text, out);
  addTitleDepartments(cable, out);
  addTitlePortfolios(cable, out);
  dropStateRanks(cable.text, out);
  extendGroupCounts(cable.text, out);
  retypeCompanyShortNames(out);
  retypeByKindNouns(cable.text, out);
  dropWorks(out);
  dropLowerCaseAcronyms(cable.text, out);
  dropDesignators(cable.text, out);
  harmonizeTypes(out);
  return out;
}

/** An acronym of capitals alone, as titles are written ("NSA", "SYG", "DFM"). */
const TITLE_LIKE = /^[A-Z]{2,5}$/;

/**
 * An acronym written right before a person's name, nothing but spaces between, is that person's
 * title ("NSA Jones", "SYG Ban", "NSA JONES DISCUSSES"), not an organization: the guidelines strip
 * titles from mentions. An organization and its person are never written that way: a word comes
 * between them ("FBI Director Mueller", "Hamas leader Haniyeh"). Mentions are in text order.
 */
export function dropTitleAcronyms(text: string, mentions: Mention[]): void {
  let kept = 0;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const next = mentions[i + 1];
    const isTitle =
      m.type === 'ORGANIZATION' &&
      next !== undefined &&
      next.type === 'PERSON' &&
      TITLE_LIKE.test(m.text) &&
      next.start > m.end &&
      /^[ \t\r\n]+$/.test(text.slice(m.end, next.start));
    if (!isTitle) mentions[kept++] = m;
  }
  mentions.length = kept;
}

/** A minister's or secretary's title right before a portfolio ("Minister of ", "Secretary for the "). */
const TITLE_OF = /(?:Minister|Secretary|MINISTER|SECRETARY)s?\s+(?:of|for|OF|FOR)\s+(?:the\s+)?$/;

/**
 * "Minister of Justice Cicek", "Secretary of Defense Gates": the tagger reads the portfolio and the
 * officeholder's name after it as one organization. When an organization right after such a title
 * ends in capitalized words whose last one ends a person's mention elsewhere in the cable, the
 * organization is the portfolio alone and the words after it are that person. Only after a title:
 * elsewhere a person's name ends many bodies ("Sanchez de Lozada Administration"). In place, text order kept.
 */
export function splitPortfolioFromPerson(text: string, mentions: Mention[]): void {
  let persons: Set<string> | undefined;
  let surnames: Set<string> | undefined;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.type !== 'ORGANIZATION' || !TITLE_OF.test(text.slice(Math.max(0, m.start - 40), m.start))) continue;
    const words = [...m.text.matchAll(/\S+/g)];
    if (words.length < 2) continue;
    if (!persons || !surnames) {
      const names = mentions.filter((p) => p.type === 'PERSON').map((p) => p.text.replace(/\s+/g, ' ').toLowerCase());
      persons = new Set(names);
      surnames = new Set(names.map((n) => n.slice(n.lastIndexOf(' ') + 1)));
    }
    const last = words[words.length - 1][0];
    const lastLower = last.toLowerCase();
    // the officeholder's surname: a person's elsewhere in the cable, or a capitalized word no English
    // word nor title after a portfolio's English word ("Justice Cicek", "Energy Fneish")
    const named =
      surnames.has(lastLower) ||
      (/^[A-Z][a-z][\p{L}'-]*$/u.test(last) &&
        !ENGLISH.has(lastLower) &&
        !TITLES.has(lastLower) &&
        ENGLISH.has(words[words.length - 2][0].toLowerCase()));
    if (!named) continue;
    // the name: the longest run of words ending the mention that the cable names a person by, else the
    // capitalized words from the first that is no English word or is a first name ("Defense Robert Gates", "Economic Development Scajola")
    const lower = words.map((w) => w[0].toLowerCase());
    let j = 1;
    while (j < words.length - 1 && !persons.has(lower.slice(j).join(' '))) j++;
    let k = 1;
    while (
      k < words.length - 1 &&
      !(ENGLISH.has(lower[k - 1]) && (!ENGLISH.has(lower[k]) || FIRST_NAMES.has(lower[k])))
    )
      k++;
    j = Math.min(j, k);
    if (!words.slice(j).every((w) => /^[A-Z]/.test(w[0])) || !/^[A-Z]/.test(words[j - 1][0])) continue;
    const cut = m.start + words[j].index;
    const orgEnd = m.start + words[j - 1].index + words[j - 1][0].length;
    const org: Mention = { ...m, text: text.slice(m.start, orgEnd), end: orgEnd };
    const person: Mention = { ...m, type: 'PERSON', text: text.slice(cut, m.end), start: cut };
    mentions.splice(i, 1, org, person);
    i++;
  }
}

/**
 * "Secretary of State", "Undersecretary of Defense": by the annotation conventions the department in a
 * US cabinet title is an organization (the Department of State, of Defense), as a ministry in "Minister
 * of Justice" is; the tagger, which sees "State" after "of" mostly as a place's word, misses most of
 * them. "Secretary of State for X" is a British or other minister's title: left alone. So is a
 * department that opens a routing line ("DEFENSE FOR OSD/POLICY", "ENERGY FOR …").
 */
const TITLE_DEPARTMENT =
  /[Ss]ecretar(?:y|ies)\s+of\s+(?:State\b(?!\s+for\b)|Defen[sc]e\b)|SECRETAR(?:Y|IES)\s+OF\s+(?:STATE\b(?!\s+FOR\b)|DEFEN[SC]E\b)|^[ \t]*(?:DEFENSE|ENERGY|INTERIOR|JUSTICE|TREASURY|COMMERCE|AGRICULTURE|LABOR|TRANSPORTATION)(?=\s+FOR\b)/gm;
/** Adds the department of each such title that no mention covers, as an organization; mentions stay in text order. */
export function addTitleDepartments(cable: Cable, mentions: Mention[]): void {
  const text = cable.text;
  let added = false;
  for (const match of text.matchAll(TITLE_DEPARTMENT)) {
    const end = match.index + match[0].length;
    const start = match.index + match[0].search(/\S+$/);
    if (mentions.some((m) => m.start < end && m.end > start)) continue;
    const m: Mention = { type: 'ORGANIZATION', text: text.slice(start, end), start, end };
    const p = paragraphAt(cable, start);
    if (p !== undefined) m.paragraph = p;
    mentions.push(m);
    added = true;
  }
  if (added) mentions.sort((a, b) => a.start - b.start);
}

/** A group of states named by a letter and a number, read so far ("P5", "P-5", "G8", "EU-3", "P5-plus"). */
const GROUP = /^[A-Z]{1,2}-?\d(?:-plus| plus)?$/;
/** What the name of a group enlarged by others goes on with ("-plus-1", " plus 1", "+1", "-plus-one", "+3"). */
const GROUP_PLUS = /^(?:-plus-|\s+plus\s+|\s*\+\s*)(?:\d\b|one\b|three\b)/;
const GROUP_PLUS_AFTER_PLUS = /^(?:-|\s+)(?:\d\b|one\b|three\b)/;
/**
 * "P5-plus-1", "P5 plus 1", "P5+1", "EU-3+3": the tagger stops such a group's name at the punctuation
 * or the number, and the annotations name the enlarged group whole; the mention is extended over it.
 */
export function extendGroupCounts(text: string, mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.type !== 'ORGANIZATION' || !GROUP.test(m.text)) continue;
    const after = text.slice(m.end, m.end + 12);
    const more = (/plus$/.test(m.text) ? GROUP_PLUS_AFTER_PLUS : GROUP_PLUS).exec(after);
    if (!more) continue;
    m.end += more[0].length;
    m.text = text.slice(m.start, m.end);
  }
}

/** Words that make a name a company's after its first word ("Itera Holdings", "Tullow Oil", "Harris Radio"). */
const COMPANY_WORDS = new Set([
  ...COMPANY_FORMS,
  ...'ltd. inc. co. corp. oil gas energy petroleum electricity power telecom radio tv bank industries motors airlines airways'.split(
    ' ',
  ),
]);
/**
 * A word the tagger reads as a person's name alone ("Itera", "Tullow") is the company the cable names
 * by it and company words ("Itera Holdings", "Tullow Oil"), unless the cable also names a person of
 * several words with it ("Qadhafi" beside "Muammar al-Qadhafi"). In place.
 */
export function retypeCompanyShortNames(mentions: Mention[]): void {
  let companies: Set<string> | undefined;
  let inPersons: Set<string> | undefined;
  for (const m of mentions) {
    if (m.type !== 'PERSON' || /\s/.test(m.text)) continue;
    if (!companies || !inPersons) {
      companies = new Set();
      inPersons = new Set();
      for (const o of mentions) {
        const words = o.text.split(/\s+/);
        if (words.length < 2) continue;
        if (o.type === 'PERSON') for (const w of words) inPersons.add(w);
        else if (o.type === 'ORGANIZATION' && words.slice(1).every((w) => COMPANY_WORDS.has(w.toLowerCase())))
          companies.add(words[0]);
      }
    }
    if (companies.has(m.text) && !inPersons.has(m.text)) m.type = 'ORGANIZATION';
  }
}

export class TaggerExtractor implements Extractor {
  readonly name = 'tagger';
  private readonly rules = new BuiltinExtractor();
  private readonly model: Perceptron;
  constructor(options: { weights?: string; model?: Perceptron } = {}) {
    if (options.model) {
      this.model = options.model;
      return;
    }
    const file = options.weights ?? DEFAULT_WEIGHTS;
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch (cause) {
      throw new CablegraphError(
        'EXTRACTOR_UNAVAILABLE',
        `tagger weights not found: ${file} (train them with node scripts/ner/train.js)`,
        { cause },
      );
    }
    try {
      this.model = Perceptron.deserialize(buf);
    } catch (cause) {
      throw new CablegraphError(
        'EXTRACTOR_UNAVAILABLE',
        `${file}: not tagger weights of this build (${(cause as Error).message}); retrain them with node scripts/ner/train.js`,
        { cause },
      );
    }
  }
  async extract(cables: Cable[]): Promise<Mention[][]> {
    return cables.map((c) => this.extractOne(c));
  }
  extractOne(cable: Cable): Mention[] {
    const input = taggerInput(cable, this.rules);
    return mentionsOf(cable, input.tokens, this.model.decode(input));
  }
}
