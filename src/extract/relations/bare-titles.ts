// Bare titles as meeting parties: "the Minister told the Ambassador", "the SecGen met …", resolved to the one person the cable named with that title.
/**
 * A title written alone with "the" ("The Minister told the Ambassador …", "the SecGen said to PermReps …") stands for
 * the person the cable has already named with that title ("Minister of Defense Carme Chacon"). It is read as that
 * person only when exactly one person holds the title among the roles read before it, so that "the President" in a
 * cable naming two presidents stays nobody.
 */
import type { Role } from './types';

/** Spellings of a bare title → its normalized title (as titles.ts normalizes it). */
const SPELLED: Record<string, string> = {
  secgen: 'Secretary General',
  syg: 'Secretary General',
  'secretary general': 'Secretary General',
  'secretary-general': 'Secretary General',
  fm: 'Foreign Minister',
  fonmin: 'Foreign Minister',
  pm: 'Prime Minister',
  mod: 'Defense Minister',
  defmin: 'Defense Minister',
  cp: 'Crown Prince',
};
/** Head words a one-word bare title may stand for in a longer title ("the Minister" for the Defense Minister). */
const HEADS = new Set(['Minister', 'Director', 'Governor', 'Secretary', 'Chairman', 'Commander', 'Mayor']);
/** Titles that are not the head word's plain holder ("the Minister" is not the Deputy Minister nor the Prime Minister). */
const NOT_THE_HEAD = /^(?:Deputy|Vice|Assistant|Acting|Prime|Under|Permanent|Principal|Senior)\b|General$/;

/**
 * "the <Title>" not followed by a name or by "of"/"for"/"to" (which would make it another office: "the Minister of
 * Interior", "the Ambassador to Iraq"). Officers of the post (Ambassador, DCM …) are read by meetings.ts.
 */
const BARE_TITLE =
  /\b[Tt]he\s+((?:(?:Foreign|Defense|Defence|Interior|Prime|Finance|Crown)\s+)?(?:Minister|President|Prince|SecGen|SYG|Secretary[\s-]General|Governor|Chairman|Commander|Director|Mayor|King|FM|PM|CP|FonMin|DefMin))(?![\w'’-])(?!\s+(?:(?:of|for|to|and)\b|[A-Z]))/g;

export interface BareTitle {
  /** The written phrase, "the Minister". */
  text: string;
  start: number;
  end: number;
  /** The role of the one person it stands for. */
  holder: Role;
}

/** Bare titles in text[start, end) that stand for one person the roles (in text order) named before them. */
export function bareTitlesIn(text: string, start: number, end: number, roles: Role[], post?: string): BareTitle[] {
  const out: BareTitle[] = [];
  if (roles.length === 0) return out;
  const sentence = text.slice(start, end);
  BARE_TITLE.lastIndex = 0;
  for (let m = BARE_TITLE.exec(sentence); m; m = BARE_TITLE.exec(sentence)) {
    const at = start + m.index;
    const written = m[1].replace(/\s+/g, ' ');
    const title = SPELLED[written.toLowerCase()] ?? written.replace(/Defence/, 'Defense');
    const holders = new Map<string, Role>();
    for (const r of roles) {
      if (r.person.start >= at) continue;
      // the post's own officers are the meeting reader's, a former holder is nobody now
      if ((post && r.organization === post) || r.former) continue;
      const fits =
        r.title === title ||
        (HEADS.has(title) && r.title.endsWith(` ${title}`) && !NOT_THE_HEAD.test(r.title)) ||
        (title === 'Prince' && r.title === 'Crown Prince');
      if (!fits) continue;
      const key = r.person.entityId ?? (r.person.name ?? r.person.text).split(/\s+/).pop()!.toLowerCase();
      holders.set(key, r);
    }
    if (holders.size !== 1) continue;
    const holder = [...holders.values()][0];
    out.push({ text: m[0].replace(/\s+/g, ' '), start: at, end: at + m[0].length, holder });
  }
  return out;
}
