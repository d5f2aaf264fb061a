// Names the text calls a newspaper, company, party or station ("the daily Al Massae", "Nur Otan party") are organizations.
import { ORG_HEADS } from '../../lexicon/gazetteer';
import { COMPANY_FORMS } from '../../lexicon/words';
import type { Mention } from '../../model';

/**
 * A noun that says what kind of body the name right after it is ("the Russian daily Vremya
 * Novostei", "the Iranian firm Shahin Sefid Esta", "ETA front group Batasuna"). The tagger reads two
 * words either side and takes an unknown foreign name for a person's. "firm", "company" and "paper" are
 * left out before places ("a firm U.S. stance", "the interagency paper “U.S. Policy …"); "group" and "channel" are
 * no cue ("CSU Bundestag group Peter Ramsauer", "the new channel Velayati has tried"), nor "broadcaster"
 * (a person: "Iranian-American broadcaster Jamshid Sharmahd").
 */
const KIND_BEFORE =
  /\b(?:daily|dailies|newspapers?|weekly|magazine|tabloid|blog|website|airline|NGO|front group|(?:mining|oil|energy|media) giant|(?<business>company|firm|producer|paper))[\s"“'‘]+$/;
/**
 * The same after the name, without a possessive or a comma between ("Al-Manar television", "the ruling
 * Nur Otan party", "Goldman Sachs executives"); a person's party or group is written "Berlusconi's
 * party", "the Ahmedinejad group", so "group" is left out.
 */
const KIND_AFTER = /^[\s"”]*(?:television|radio|newspaper|daily|party|bank|employees|executives)\b/;

/** Organization heads that are also surnames. */
const NAME_HEADS = new Set(
  'daily post times news herald tribune press journal church court guard center bank'.split(' '),
);
/**
 * Words that end a body's name and no person's ("Hameln Pharmaceuticals", "Berna Biotech", "Shams al Sahra
 * FZCO", "Goran Movement"): organization heads and company forms, less those that are surnames too ("Dell
 * Daily", "Emily Post", "Frank Church") or two letters ("Co", "Sa").
 */
const BODY_LAST = new Set(
  [
    ...ORG_HEADS,
    ...COMPANY_FORMS,
    ...'pharma pharmaceutical pharmaceuticals biotech biologicals institut stiftung zeitung gazeta hebdo fzco fze llc mujahideen consultoria technik'.split(
      ' ',
    ),
  ].filter((w) => w.length > 2 && !NAME_HEADS.has(w)),
);
/** Words that open a body's name in Spanish, Portuguese, French or Arabic and no person's ("Banco Bicentenario", "Comando Maisanta", "Jaysh al-Mahdi"). */
const BODY_FIRST = new Set(
  'banco grupo comando instituto equipos partido movimiento frente fundacion empresa compania sociedad reseau jaysh'.split(
    ' ',
  ),
);

/** Whether a name of two words or more is a body's by its first or last word. */
function bodyByWords(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  return (
    words.length > 1 && (BODY_FIRST.has(words[0]) || BODY_LAST.has(words[words.length - 1].replace(/[^a-z]/g, '')))
  );
}

/**
 * Retypes as organizations the persons (and, after a newspaper word, the places) a kind noun right
 * before or after shows to be a body, with every other mention of the same name in the cable that
 * has the type the cue corrected (a cable uses one name for one thing; `harmonizeTypes` would
 * otherwise vote the cued one back). Mentions are changed in place.
 */
export function retypeByKindNouns(text: string, mentions: Mention[]): void {
  let names: Map<string, string> | undefined;
  for (const m of mentions) {
    if (m.type !== 'PERSON' && m.type !== 'PLACE') continue;
    const before = KIND_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start));
    const cued =
      (before !== null && (m.type === 'PERSON' || !before.groups?.business)) ||
      (m.type === 'PERSON' && (KIND_AFTER.test(text.slice(m.end, m.end + 30)) || bodyByWords(m.text)));
    if (!cued) continue;
    (names ??= new Map()).set(m.text, m.type);
  }
  if (!names) return;
  for (const m of mentions) if (names.get(m.text) === m.type) m.type = 'ORGANIZATION';
}
