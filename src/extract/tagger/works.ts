// Drops the tagger's organizations that name a program, law, treaty, plan, assessment or event instead (annotation conventions).
import { ORG_HEADS } from '../../lexicon/gazetteer';
import type { Mention } from '../../model';
import { usageOf } from './usage';

/**
 * Head nouns of names that are no organization by the annotation conventions ("Not entities: …
 * programs and laws, treaties and agreements, events and conferences, operations, weapons"):
 * "Petroleum Industry Bill", "Energy Charter Treaty", "Merida Initiative", "National Intelligence
 * Estimate". Generic English nouns, no names. "program" is left out: the corpus spells the World
 * Food Programme's WFP out as a "program" as it does the programs' acronyms, and nothing in the
 * word's use tells them apart.
 */
const WORK_HEADS = [
  'act',
  'acts',
  'law',
  'laws',
  'bill',
  'bills',
  'decree',
  'treaty',
  'treaties',
  'agreement',
  'agreements',
  'accord',
  'accords',
  'convention',
  'conventions',
  'protocol',
  'memorandum',
  'understanding',
  'resolution',
  'declaration',
  'initiative',
  'plan',
  'strategy',
  'project',
  'report',
  'review',
  'assessment',
  'estimate',
  'survey',
  'talks',
  'summit',
  'missile',
  'missiles',
  'array',
  'approach',
  'proposal',
  'questionnaire',
  'roadmap',
];
/**
 * The last word of the name an acronym stands for (`usageOf(…).head`, learnt from the corpus) that
 * makes it no organization ("PIB" → bill, "JTA" → assessment, "JCET" → training; systems and
 * products, visits, requests, assistance programs and dialogues: "ICS" → system, "LOR" → request,
 * "ATA" → assistance, "GSD" → dialogue). Only for acronyms: a name of several words ending so can
 * still be a body ("Office of Security Assistance").
 */
const ACRONYM_WORK_HEADS = new Set([
  ...WORK_HEADS,
  'training',
  'exercise',
  'system',
  'systems',
  'visit',
  'request',
  'assistance',
  'dialogue',
]);
/** The last word of a name of several words that makes it no organization, unless an organization's head comes before it ("Department of Peacekeeping Operations", "Directorate of Joint Training" are bodies). */
const NAME_WORK_HEADS = new Set(WORK_HEADS);

/** An acronym as the tagger meets it ("PIB", "JCET", "CISMOA"), a plural's s allowed. */
const ACRONYM = /^[A-Z][A-Z0-9&]{1,7}s?$/;

/** Whether an organization mention names a program, law, treaty, plan or event by its form. */
export function namesWork(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length === 1) {
    if (!ACRONYM.test(text)) return false;
    const lower = text.toLowerCase();
    const head = usageOf(lower).head || (lower.endsWith('s') ? usageOf(lower.slice(0, -1)).head : '');
    return ACRONYM_WORK_HEADS.has(head);
  }
  const last = words[words.length - 1].toLowerCase().replace(/[.,;:]+$/, '');
  if (!NAME_WORK_HEADS.has(last)) return false;
  for (let k = 0; k < words.length - 1; k++) if (ORG_HEADS.has(words[k].toLowerCase())) return false;
  return true;
}

/**
 * Drops the organization mentions that name a program, law, treaty, plan, assessment or event
 * (`namesWork`): by the annotation conventions they are no entity, and the tagger, which sees two
 * words either side, takes "the Petroleum Industry Bill (PIB)" for a body. In place.
 */
export function dropWorks(mentions: Mention[]): void {
  let kept = 0;
  for (const m of mentions) if (m.type !== 'ORGANIZATION' || !namesWork(m.text)) mentions[kept++] = m;
  mentions.length = kept;
}

/** Function words an acronym's spelled-out words may hold without spelling them ("state of emergency"). */
const SKIPPED = /^(?:of|and|the|for|on|in|to|per|as|&)$/;
/**
 * Whether the cable spells `acronym` out in lower-case words right before it in parentheses
 * ("medium range ballistic missile (MRBM)", "carat per hundred tons (CPHT)", "high value targets
 * (HVT)"): a thing or a notion, never a body's name, which is written capitalized. `places`: where
 * "(acronym)" stands, if the caller has found them.
 */
export function spelledInLowerCase(text: string, acronym: string, places?: readonly number[]): boolean {
  const want = acronym.replace(/[^A-Z]/g, '');
  if (want.length < 2) return false;
  let found = places;
  if (!found) {
    const all: number[] = [];
    for (let at = text.indexOf(`(${acronym})`); at >= 0; at = text.indexOf(`(${acronym})`, at + 1)) all.push(at);
    found = all;
  }
  for (const at of found) {
    const words = text
      .slice(Math.max(0, at - 120), at)
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/^["“(]+|["”,]+$/g, ''));
    // from the last word back: each letter of the acronym a lower-case word's initial; a function word may give its
    // initial ("state of emergency": SOE) or be skipped ("carat per hundred tons": CPHT)
    const spells = (k: number, j: number): boolean => {
      if (j < 0) return true;
      if (k < 0) return false;
      const w = words[k];
      if (!/^[a-z]/.test(w)) return false;
      if (w[0].toUpperCase() === want[j] && spells(k - 1, j - 1)) return true;
      return SKIPPED.test(w) && spells(k - 1, j);
    };
    if (spells(words.length - 1, want.length - 1)) return true;
  }
  return false;
}

/** Drops the organizations whose acronym the cable spells out in lower-case words (`spelledInLowerCase`). In place. */
export function dropLowerCaseAcronyms(text: string, mentions: Mention[]): void {
  let verdict: Map<string, boolean> | undefined;
  // where each acronym stands in parentheses, read once per cable
  let inParentheses: Map<string, number[]> | undefined;
  let kept = 0;
  for (const m of mentions) {
    if (m.type === 'ORGANIZATION' && /^[A-Z][A-Za-z]{1,7}$/.test(m.text) && /[A-Z].*[A-Z]/.test(m.text)) {
      if (!inParentheses) {
        inParentheses = new Map();
        verdict = new Map();
        for (const p of text.matchAll(/\(([A-Z][A-Za-z]{1,7})\)/g)) {
          const at = inParentheses.get(p[1]);
          if (at) at.push(p.index);
          else inParentheses.set(p[1], [p.index]);
        }
      }
      let drop = verdict!.get(m.text);
      if (drop === undefined) {
        const places = inParentheses.get(m.text);
        verdict!.set(m.text, (drop = places !== undefined && spelledInLowerCase(text, m.text, places)));
      }
      if (drop) continue;
    }
    mentions[kept++] = m;
  }
  mentions.length = kept;
}

/** A model's designator: a name word with a number ("Shahab-3", "Taepo Dong-2", "Ghadr-110"); not a group of states ("G-20", "P5-plus-1"). */
const DESIGNATOR = /(?:^|\s)[A-Z][a-z]+-\d+[A-Za-z]?$/;
/**
 * Drops the organizations that are a weapon's or an aircraft's designator, by the conventions no
 * entity: a name ending in a word and a number ("Shahab-3", "Taepo Dong-2"), or an acronym the text
 * goes on with a hyphen and a number ("BM-25", "MI-17s", "EP-3E", routing codes "VCE-00"), which the
 * tagger stops before. In place.
 */
export function dropDesignators(text: string, mentions: Mention[]): void {
  let kept = 0;
  for (const m of mentions) {
    const designator =
      m.type === 'ORGANIZATION' &&
      (DESIGNATOR.test(m.text) || (text.charCodeAt(m.end) === 45 && /^-\d/.test(text.slice(m.end, m.end + 2))));
    if (!designator) mentions[kept++] = m;
  }
  mentions.length = kept;
}
