import type { Cable } from '../parse/types';
import { DEMONYMS, ENGLISH, ORG_HEADS, ORG_NAMES, PLACES, STOP, STRONG_TITLES, TITLES } from './gazetteer';
import type { EntityType, Extractor, Mention } from './types';
import { paragraphAt } from './util';

export interface BuiltinOptions {
  /** Treat single capitalized words after a place preposition ("in Heiligendamm") as places. Default true. */
  placeContext?: boolean;
}

interface Tok { s: string; lower: string; start: number; end: number; upper: boolean; cap: boolean; skip: boolean; used: boolean; gapBefore: string }

const WORD = /[A-Za-z\u00C0-\u017F][A-Za-z\u00C0-\u017F'’.-]*/g;
const CONNECTORS = new Set(['de', 'al', 'al-', 'bin', 'ibn', 'van', 'von', 'da', 'du', 'del', 'der', 'den', 'el', 'la', 'le', 'di', 'y', 'ben', 'abu']);
const PLACE_PREPS = new Set(['in', 'to', 'from', 'at', 'near', 'visited', 'across', 'throughout', 'outside', 'inside']);
/** Header lines that never hold entities (markings, E.O./DECL, TAGS, ref numbers, section lines). */
const SKIP_LINE = /^\s*(?:E\.\s?O\.|TAGS\b|DECL\b|SIPDIS|NOFORN|C\s?O\s?N\s?F|S\s?E\s?C\s?R\s?E\s?T|U\s?N\s?C\s?L\s?A\s?S|UNCLASSIFIED|CONFIDENTIAL|SECRET|SENSITIVE|SECTION \d|PASS\b|\W*$)|^\s*[A-Z]+ 0*\d+\s*$|^\s*(?:REF:?\s*)?¶?(?:[A-Z]\.\s+)?(?:[A-Z]+ )+\d+[\s,A-Z0-9.]*$/;
const BUREAU = new Set(['EUR', 'NEA', 'WHA', 'EAP', 'SCA', 'INR', 'DRL', 'ISN', 'PRM', 'CA', 'IO', 'EB', 'EEB', 'AF', 'PM', 'INL', 'OES', 'NSC', 'DEPT', 'USTR', 'TREASURY', 'COMMERCE', 'DOD', 'OSD', 'JCS', 'USEU', 'USNATO', 'USUN', 'ALSO', 'INFO', 'PASS', 'WHITE', 'HOUSE', 'AID', 'USAID', 'EXPORT', 'OFFICE', 'DESK']);

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    let s = m[0];
    let start = m.index!;
    // trailing punctuation, possessive
    s = s.replace(/[’']s$/i, (x) => (s.length > 2 ? '' : x));
    const isInitialOrAbbr = /^(?:[A-Z]\.)+$/.test(s) || /^(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sen|Amb|Prof|St|Adm|Capt|Maj|Sgt|Rev|Mme)\.$/i.test(s);
    if (!isInitialOrAbbr) s = s.replace(/[.'’-]+$/, '');
    // "Amman-based", "UN-led": keep the name part
    const suf = /^(.+?)-(?:based|led|born|run|backed|sponsored|style|controlled|owned|brokered|funded|bound|wide)$/.exec(s);
    if (suf) s = suf[1];
    if (!s) continue;
    const end = start + s.length;
    const letters = s.replace(/[^A-Za-z\u00C0-\u017F]/g, '');
    toks.push({
      s, lower: s.toLowerCase(), start, end,
      upper: letters.length > 0 && letters === letters.toUpperCase(),
      cap: /^[A-Z\u00C0-\u00DE]/.test(s) || /^(?:al|el|bin|ibn|abu|ben|ould)-[A-Z]/.test(s), skip: false, used: false, gapBefore: text.slice(prevEnd, start),
    });
    prevEnd = end;
    start = end;
  }
  return toks;
}

const isSentenceGap = (gap: string) => /[.!?:;]\s*$|^\s*\n\s*\n|[(\-"]\s*$|^$/.test(gap) || /¶/.test(gap);
const joinable = (gap: string) => /^[ \t]*\n?[ \t]*$/.test(gap) || gap === '-';

/** Pure TypeScript, cable-aware named-entity extractor. */
export class BuiltinExtractor implements Extractor {
  readonly name = 'builtin';
  constructor(private readonly options: BuiltinOptions = {}) {}
  async extract(cables: Cable[]): Promise<Mention[][]> {
    return cables.map((c) => this.extractOne(c));
  }

  extractOne(cable: Cable): Mention[] {
    const text = cable.text;
    const toks = tokenize(text);
    const lowerCount = (text.match(/[a-z]/g) ?? []).length;
    const upperCount = (text.match(/[A-Z]/g) ?? []).length;
    const capsCable = lowerCount < upperCount * 0.1;
    // mark header lines to skip
    const skipRanges: Array<[number, number]> = [];
    let off = 0;
    for (const line of text.split('\n')) {
      if (SKIP_LINE.test(line)) skipRanges.push([off, off + line.length]);
      off += line.length + 1;
    }
    let si = 0;
    for (const t of toks) {
      while (si < skipRanges.length && skipRanges[si][1] < t.start) si++;
      if (si < skipRanges.length && skipRanges[si][0] <= t.start && t.start <= skipRanges[si][1]) t.skip = true;
      if (/^(subject|classified|by|reasons?)$/i.test(t.s) && t.upper) t.skip = t.skip || /^(SUBJECT)$/.test(t.s);
    }
    // hyphenated titles ("Minister-Counselor", "Vice-President") act as titles
    const isTitle = (x: Tok) => TITLES.has(x.lower) || (x.lower.includes('-') && x.lower.split('-').every((p) => TITLES.has(p)));
    const isStrong = (x: Tok) => STRONG_TITLES.has(x.lower) || (x.lower.includes('-') && x.lower.split('-').every((p) => TITLES.has(p)) && x.lower.split('-').some((p) => STRONG_TITLES.has(p)));
    const out: Mention[] = [];
    const emit = (type: EntityType, a: number, b: number) => {
      for (let k = a; k <= b; k++) toks[k].used = true;
      out.push({ type, text: text.slice(toks[a].start, toks[b].end), start: toks[a].start, end: toks[b].end });
    };
    const capsRun = (i: number) => capsCable || toks[i].upper;

    // Pass 1: gazetteer places and organizations (longest match)
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.skip || t.used || !t.cap) continue;
      let best = -1; let bestType: EntityType | null = null;
      let phrase = '';
      for (let j = i; j < Math.min(toks.length, i + 6); j++) {
        if (j > i && (!joinable(toks[j].gapBefore) || toks[j].skip)) break;
        phrase = j === i ? toks[j].lower : phrase + (toks[j].gapBefore === '-' ? '-' : ' ') + toks[j].lower;
        if (!toks[j].cap && !['of', 'd\'orsay', 'de', 'the', 'for'].includes(toks[j].lower)) break;
        if (PLACES.has(phrase)) { best = j; bestType = 'PLACE'; }
        else if (ORG_NAMES.has(phrase)) { best = j; bestType = 'ORGANIZATION'; }
      }
      if (t.s === 'U.S.' || (t.s === 'US' && !capsCable)) { best = i; bestType = 'PLACE'; }
      if (capsCable && best === i && toks[i].lower === 'who') continue;
      if (bestType === 'ORGANIZATION' && best === i && toks[i].s.length <= 3 && !toks[i].upper && !/^[A-Z].*[A-Z]/.test(toks[i].s)) continue; // "Who", "Pa"
      if (bestType) {
        // "Government of France", "Embassy Paris": gazetteer place inside an org phrase is handled in pass 2
        const prev = toks[i - 1];
        if (bestType === 'PLACE' && prev && prev.lower === 'of' && toks[i - 2] && ORG_HEADS.has(toks[i - 2].lower) && toks[i - 2].cap) continue;
        if (bestType === 'PLACE' && toks[best + 1] && ORG_HEADS.has(toks[best + 1].lower) && toks[best + 1].cap && joinable(toks[best + 1].gapBefore) && !toks[best + 1].upper === !toks[best].upper && !['office', 'embassy', 'post', 'desk'].includes(toks[best + 1].lower)) continue;
        emit(bestType, i, best);
        i = best;
      }
    }

    // Pass 2: organizations by head word ("Socialist Party", "Ministry of Interior")
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.skip || t.used || !t.cap || !ORG_HEADS.has(t.lower)) continue;
      if (capsRun(i) && !capsCable && toks[i].s.length <= 3) continue;
      let a = i;
      while (a > 0 && toks[a - 1].cap && !toks[a - 1].used && !toks[a - 1].skip && joinable(toks[a].gapBefore) && !isSentenceGap(toks[a].gapBefore) &&
        !STOP.has(toks[a - 1].lower) && !TITLES.has(toks[a - 1].lower) && !DEMONYMS.has(toks[a - 1].lower) && !PLACES.has(toks[a - 1].lower) && toks[a - 1].upper === t.upper &&
        i - a < 4 && !/(?:ED|ING|LY|ed|ing|ly)$/.test(toks[a - 1].s)) {
        a--;
        // "Foreign and Commonwealth Office"
        if (a > 1 && toks[a - 1].lower === 'and' && toks[a - 2].cap && !toks[a - 2].used && !STOP.has(toks[a - 2].lower)) a -= 2;
      }
      // keep ministry-type modifiers that are also title words ("Foreign Ministry", "Interior Ministry", "National Assembly")
      while (a > 0 && toks[a - 1].cap && !toks[a - 1].used && !toks[a - 1].skip && joinable(toks[a].gapBefore) && !isSentenceGap(toks[a].gapBefore) &&
        ['foreign', 'interior', 'defense', 'defence', 'finance', 'justice', 'national', 'security', 'economic', 'political', 'military', 'presidential', 'european', 'socialist', 'communist', 'democratic', 'republican', 'islamic', 'arab', 'african'].includes(toks[a - 1].lower)) a--;
      if (a > 0 && !toks[a - 1].used && !toks[a - 1].skip && DEMONYMS.has(toks[a - 1].lower) && toks[a - 1].cap && joinable(toks[a].gapBefore) && !isSentenceGap(toks[a].gapBefore)) a--;
      let b = i;
      // "of Foreign Affairs", "for Migration", "of France"
      while (b + 2 < toks.length && ['of', 'for', 'on'].includes(toks[b + 1].lower) && joinable(toks[b + 1].gapBefore)) {
        let c = b + 2;
        if (toks[c].lower === 'the' && toks[c + 1]) c++;
        if (!toks[c].cap || toks[c].skip || !joinable(toks[c].gapBefore) || STOP.has(toks[c].lower)) break;
        let d = c;
        while (d + 1 < toks.length && (toks[d + 1].cap || toks[d + 1].lower === 'and') && !toks[d + 1].skip && joinable(toks[d + 1].gapBefore) && !STOP.has(toks[d + 1].lower) && toks[d + 1].lower !== 'and') d++;
        if (d + 2 < toks.length && toks[d + 1].lower === 'and' && toks[d + 2].cap) d += 2;
        b = d;
      }
      if (a === i && b === i && !ORG_NAMES.has(t.lower)) continue;
      if (a === i && b === i && ['office', 'department', 'embassy', 'post', 'service', 'government', 'forces', 'force', 'army', 'police', 'court', 'group', 'center', 'centre', 'news', 'times', 'daily', 'press', 'club', 'mission', 'board', 'guard', 'union', 'community', 'authority', 'cabinet', 'presidency', 'senate', 'congress', 'network', 'fund', 'program', 'programme', 'school', 'church'].includes(t.lower)) continue;
      if (a === i && b === i && STOP.has(t.lower)) continue;
      if (capsCable && ['forces', 'force', 'group', 'office', 'service', 'services', 'movement', 'front', 'center', 'centre'].includes(t.lower) && b === i &&
        toks.slice(a, i).every((x) => ENGLISH.has(x.lower) && !DEMONYMS.has(x.lower) && !PLACES.has(x.lower))) continue;
      for (let k = a; k <= b; k++) toks[k].used = false;
      emit('ORGANIZATION', a, b);
      i = b;
    }

    // Pass 2b: "Russian government", "government of Poland"
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.skip || t.used || t.lower !== 'government') continue;
      const p = toks[i - 1];
      if (p && !p.skip && (p.cap || p.upper) && !STOP.has(p.lower) && !isTitle(p) && joinable(t.gapBefore) && !isSentenceGap(t.gapBefore)) {
        const j = out.findIndex((m) => m.start === p.start);
        if (j >= 0) out.splice(j, 1);
        p.used = false;
        emit('ORGANIZATION', i - 1, i); continue;
      }
      const o = toks[i + 1]; const c = toks[i + 2];
      if (o && c && o.lower === 'of' && c.cap && (PLACES.has(c.lower) || c.used) && joinable(c.gapBefore)) {
        out.splice(out.findIndex((m) => m.start === c.start), out.some((m) => m.start === c.start) ? 1 : 0);
        emit('ORGANIZATION', i, i + 2);
      }
    }
    // State Department office codes (EUR/WE, NEA/MAG, INR/B) and unknown acronyms in mixed-case text
    for (const m of text.matchAll(/(?<![\w/])([A-Z]{1,5}(?:\/[A-Z]{1,5})+)(?![\w/])/g)) {
      const parts = m[1].split('/');
      if (parts.every((x) => /^(C|S|U|NF|SBU|REL|TS|FOUO|OC|ORCON|NOFORN)$/.test(x))) continue;
      const s0 = m.index!; const e0 = s0 + m[1].length;
      const k = toks.findIndex((x) => x.start === s0);
      if (k >= 0 && toks[k].skip) continue;
      if (!out.some((x) => x.start < e0 && s0 < x.end)) { out.push({ type: 'ORGANIZATION', text: m[1], start: s0, end: e0 }); toks.forEach((x) => { if (x.start >= s0 && x.end <= e0) x.used = true; }); }
    }
    // "STATE FOR EUR/WE" routing lines: the Department of State
    for (const m of text.matchAll(/^(STATE|SECSTATE|DEPT)(?= FOR\b)/gm)) {
      const s0 = m.index!;
      if (!out.some((x) => x.start <= s0 && s0 < x.end)) out.push({ type: 'ORGANIZATION', text: m[1], start: s0, end: s0 + m[1].length });
      toks.forEach((x) => { if (x.start === s0) x.used = true; });
    }
    // Pass 3: persons — title cues, multi-word capitalized runs, signer, surnames
    const pending: Array<{ a: number; b: number }> = [];
    const surnames = new Set<string>();
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.skip || t.used || !t.cap) continue;
      const caps = capsRun(i);
      // title cue: look back over title words
      let cue = false;
      let k = i;
      while (k < toks.length && isTitle(toks[k]) && !toks[k].used && !toks[k].skip && (k === i || joinable(toks[k].gapBefore))) { if (isStrong(toks[k])) cue = true; k++; }
      if (k > i && k < toks.length && !joinable(toks[k].gapBefore)) cue = false;
      // title words before i that were not capitalized ("desk officer", "the then-minister")
      if (!cue && i > 0 && STRONG_TITLES.has(toks[i - 1].lower) && joinable(t.gapBefore) && !toks[i - 1].skip) cue = true;
      if (!cue && i > 0 && !toks[i - 1].cap && toks[i - 1].lower !== 'the' && toks[i - 1].lower !== 'desk' && false) cue = true;
      let a = k;
      while (a < toks.length && DEMONYMS.has(toks[a].lower) && !toks[a].used) a++;
      if (a >= toks.length || toks[a].used || toks[a].skip || !toks[a].cap) { i = Math.max(i, k - 1); continue; }
      if (a > i && !joinable(toks[a].gapBefore)) { i = a - 1; continue; }
      let b = a;
      const okTok = (x: Tok) => !x.used && !x.skip && (x.cap || CONNECTORS.has(x.lower)) && !STOP.has(x.lower) && !isTitle(x) && !ORG_HEADS.has(x.lower) && !DEMONYMS.has(x.lower) &&
        !(caps && (/(?:ING|ED|LY|TION|SION|MENT|NESS|IES|ATES|ORTS|ANCE|ENCE|ITY)$/.test(x.s) || x.s.length < 2 && !/^[A-Z]\.?$/.test(x.s)));
      if (!okTok(toks[a])) { i = a; continue; }
      while (b + 1 < toks.length && b - a < 3 && joinable(toks[b + 1].gapBefore) && okTok(toks[b + 1]) && (capsRun(b + 1) === capsRun(a) || /^[A-Z]\.$/.test(toks[b + 1].s) || /^[A-Z]\.$/.test(toks[b].s))) b++;
      while (b > a && CONNECTORS.has(toks[b].lower)) b--;
      const n = b - a + 1;
      const sentenceStart = a === i && isSentenceGap(t.gapBefore);
      if (cue && (!caps || n <= 3)) {
        emit('PERSON', a, b);
        surnames.add(toks[b].lower);
      } else if (!caps && n >= 2 && (DEMONYMS.has(toks[b].lower) || DEMONYMS.has(toks.slice(a, b + 1).map((x) => x.lower).join(' ')))) {
        // "North Korean(s)": adjectives, not names
      } else if (!caps && n >= 2 && toks.slice(a, b + 1).some((x) => !ENGLISH.has(x.lower) && !/^[A-Z]\.?$/.test(x.s))) {
        // a sentence-initial capitalized function word was already excluded by STOP
        emit('PERSON', a, b);
        surnames.add(toks[b].lower);
      } else if (caps && !capsCable && n >= 2 && toks.slice(a, b + 1).every((x) => !ENGLISH.has(x.lower) && x.s.length > 1)) {
        emit('PERSON', a, b);
        surnames.add(toks[b].lower);
      } else if (caps && capsCable && n >= 2 && n <= 3 && toks.slice(a, b + 1).every((x) => !ENGLISH.has(x.lower) && x.s.length > 1)) {
        emit('PERSON', a, b);
        surnames.add(toks[b].lower);
      } else {
        pending.push({ a, b });
        void sentenceStart;
      }
      i = b;
    }
    // signer(s): the last short line, and parsed signers
    const lines = text.replace(/\s+$/, '').split('\n');
    const last = lines[lines.length - 1].trim();
    const lastStart = text.replace(/\s+$/, '').length - lines[lines.length - 1].replace(/^\s+/, '').length;
    if (/^[A-Za-z][A-Za-z.'-]+(?: [A-Za-z.'-]+){0,2}$/.test(last) && !STOP.has(last.toLowerCase()) && !/^(END|COMMENT|SIPDIS|NOFORN)\b/i.test(last)) {
      const start = lastStart + (lines[lines.length - 1].length - lines[lines.length - 1].trimStart().length) * 0;
      const s = text.indexOf(last, start - 1);
      if (s >= 0 && !out.some((m) => m.start <= s && s < m.end)) {
        out.push({ type: 'PERSON', text: last, start: s, end: s + last.length });
        surnames.add(last.toLowerCase().split(' ').pop()!);
      }
    }
    // routing-style "NSC FOR NAME/NAME" before the first paragraph
    const firstPara = text.search(/(?:^|\n)\s*¶?1\.\s/);
    for (const m of text.slice(0, firstPara < 0 ? 0 : firstPara).matchAll(/\bFOR ([A-Z][A-Z'-]{3,}(?:[/, ]+[A-Z][A-Z'-]{3,})*)/g)) {
      let p = m.index! + 4;
      for (const name of m[1].split(/[/, ]+/)) {
        const s = text.indexOf(name, p);
        p = s + name.length;
        if (BUREAU.has(name) || ORG_NAMES.has(name.toLowerCase()) || PLACES.has(name.toLowerCase()) || STOP.has(name.toLowerCase())) continue;
        if (!out.some((x) => x.start <= s && s < x.end)) { out.push({ type: 'PERSON', text: name, start: s, end: s + name.length }); surnames.add(name.toLowerCase()); }
      }
    }
    // pending single words: persons if they are a known surname; places after a place preposition
    for (const { a, b } of pending) {
      if (toks[a].used) continue;
      const last = toks[b].lower;
      if (surnames.has(last) && a === b) { emit('PERSON', a, b); continue; }
      const prev = toks[a - 1];
      const placePrep = prev && PLACE_PREPS.has(prev.lower);
      const parts = toks[a].lower.split('-');
      if (parts.length > 1 && parts.some((x) => PLACES.has(x) || DEMONYMS.has(x) || ORG_NAMES.has(x) || x === 'u.s')) continue;
      const w = toks[a].lower;
      if (/(?:ian|ean|ese|ish)$/.test(w) || (w.endsWith('s') && (DEMONYMS.has(w) || ENGLISH.has(w.slice(0, -1)) || /[A-Z]s$/.test(toks[a].s)))) continue;
      const nx = toks[a + 1];
      const personContext = (nx && /^(said|says|told|stated|noted|added|argued|explained|asked|believes|believed|met|called|urged|stressed|insisted|replied|warned|wrote|agreed|thinks|thought|has|had|was|is|would|will)$/.test(nx.lower)) ||
        /^[’']s/.test(text.slice(toks[a].end, toks[a].end + 2)) || (prev && /^(with|by|and|of)$/.test(prev.lower));
      const speech = nx && /^(said|says|told|stated|noted|added|argued|explained|asked|urged|stressed|insisted|replied|warned|wrote|agreed)$/.test(nx.lower);
      if (a === b && personContext && !capsRun(a) && !placePrep && !ENGLISH.has(toks[a].lower) && (speech || !isSentenceGap(toks[a].gapBefore)) && toks[a].s.length > 2 && /[a-z]/.test(toks[a].s)) {
        emit('PERSON', a, b); continue;
      }
      if (this.options.placeContext !== false && !capsRun(a) && prev && PLACE_PREPS.has(prev.lower) && joinable(toks[a].gapBefore) && !isSentenceGap(toks[a].gapBefore) && toks[a].s.length > 2) {
        emit('PLACE', a, b);
      }
    }
    if (!capsCable) {
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i];
        if (t.skip || t.used || !t.upper || t.s.length < 3 || t.s.length > 8 || !/^[A-Z][A-Z0-9&+-]*$/.test(t.s)) continue;
        if (ENGLISH.has(t.lower) || STOP.has(t.lower) || TITLES.has(t.lower) || DEMONYMS.has(t.lower)) continue;
        const prevUpper = toks[i - 1] && toks[i - 1].upper && joinable(t.gapBefore) && toks[i - 1].s.length > 1;
        const nextUpper = toks[i + 1] && toks[i + 1].upper && joinable(toks[i + 1].gapBefore) && toks[i + 1].s.length > 1;
        if (prevUpper || nextUpper) continue; // part of an all-caps line (subject, signature)
        if (surnames.has(t.lower)) continue;
        const paren = /\(\s*$/.test(t.gapBefore) || (toks[i - 1] && toks[i - 1].lower === 'the');
        if (t.s.length >= 5 && !paren) continue;
        emit('ORGANIZATION', i, i);
      }
    }

    // dedupe, sort, paragraph numbers
    out.sort((x, y) => x.start - y.start || y.end - x.end);
    const res: Mention[] = [];
    let lastEnd = -1;
    for (const m of out) {
      if (m.start < lastEnd) continue;
      const p = paragraphAt(cable, m.start);
      if (p !== undefined) m.paragraph = p;
      res.push(m);
      lastEnd = m.end;
    }
    return res;
  }
}
