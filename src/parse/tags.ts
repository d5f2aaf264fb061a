// The TAGS line as written: codes, person tags, program tags, known misspellings corrected.
/** The TAGS line as written: codes, person tags (`CLINTON, HILLARY`), program tags, known misspellings corrected. */
import type { Tag, TagKind } from './types';
import {
  COUNTRY_TAGS,
  GIVEN_NAMES,
  ORG_TAGS,
  PERSON_TAGS,
  PROGRAM_TAGS,
  SUBJECT_TAGS,
  TAG_MISSPELLINGS,
} from './tag-data';

export function classifyTag(code: string): Tag {
  let kind: TagKind = 'unknown';
  let label: string | undefined;
  if (COUNTRY_TAGS[code] && code.length === 2) {
    kind = 'country';
    label = COUNTRY_TAGS[code];
  } else if (code.includes(', ')) {
    kind = 'person';
    label = personLabel(code);
  } else if (PERSON_TAGS.has(code)) {
    kind = 'person';
    label = code.charAt(0) + code.slice(1).toLowerCase();
  } else if (ORG_TAGS.has(code)) {
    kind = 'organization';
    label = SUBJECT_TAGS[code];
  } else if (SUBJECT_TAGS[code]) {
    kind = 'subject';
    label = SUBJECT_TAGS[code];
  } else if (/ /.test(code) || PROGRAM_TAGS.has(code)) kind = 'program';
  else if (/^K[A-Z]{3}$|^[PEMSTAOBC][A-Z]{3}$/.test(code)) kind = 'subject';
  const t: Tag = { code, kind };
  if (label) t.label = label;
  return t;
}

/** `STEINBERG, JAMES B.` → `James B. Steinberg`. */
function personLabel(code: string): string {
  const [surname, given] = code.split(/,\s*/);
  const cap = (s: string) =>
    s.toLowerCase().replace(/(^|[\s'-])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase());
  return given ? `${cap(given)} ${cap(surname)}` : cap(surname);
}

/**
 * The label (`TAGS`, `TAGS:`, `Tags:`, `TAG`, `TAGES`) at the start of a line or after another
 * field on the same line (`E.O. 12958: DECL: 03/20/2019 TAG PTER`).
 */
const TAGS_LABEL = /(?:^|\n|[ \t])TAGS\b[ \t]*[:.]?[ \t]*(?=[A-Za-z(])/i;
const TAGS_LABEL_MISSPELT =
  /(?:^|\n|[ \t])(?:TAGES|TAG|TGAS|TAGSS|TAGGS|AGS:)(?![A-Za-z)])[ \t]*[:.]?[ \t]*(?=[A-Za-z(])/i;
/** What ends the tags: the next field, on the same line or the next, a blank line, a paragraph. */
const TAGS_END =
  /\b(?:SUBJECT|SUBJ|REF|REFS|REFTEL|CLASSIFIED BY)\b|\bE\.\s?O\.|\bE\.?\s?O\.?\s*12958|\bDECL\s*:|\n\s*\n|\n\s*\d{1,2}\s*\.\s|\b(?:SIPDIS|NOFORN)\b|\bC O N F|\bS E C R|\bU N C L/i;
/** A following line of prose (`Classified`, `Dear Colleague`) is not part of the tags. */
const PROSE_LINE = /\n\s*[A-Z][a-z]+[ \t]+[a-z]/;

/** A code as State Department TAGS write them (a known one, or the two- and four-letter shapes). */
function isCode(word: string): boolean {
  return (
    !!SUBJECT_TAGS[word] ||
    !!COUNTRY_TAGS[word] ||
    ORG_TAGS.has(word) ||
    PROGRAM_TAGS.has(word) ||
    !!TAG_MISSPELLINGS[word] ||
    /^[A-Z]{2}$/.test(word) ||
    /^K[A-Z]{3}$|^[PEMSTAOBC][A-Z]{3}$/.test(word)
  );
}
const isKnown = (w: string): boolean => !!SUBJECT_TAGS[w] || (!!COUNTRY_TAGS[w] && w.length === 2) || ORG_TAGS.has(w);

/** Codes written without a space between them (`EINDETRD`, `PHUMPGOV`, `PRELPK`): the split into known codes, if there is one. */
function splitGlued(word: string): string[] | undefined {
  if (word.length < 6 || isKnown(word) || PROGRAM_TAGS.has(word)) return undefined;
  const best: Array<string[] | undefined> = [[]];
  for (let i = 1; i <= word.length; i++) {
    for (const n of [4, 2, 3, 5]) {
      const prev = best[i - n];
      const part = word.slice(i - n, i);
      if (i - n < 0 || !prev || !isKnown(part)) continue;
      if (!best[i] || best[i]!.length > prev.length + 1) best[i] = [...prev, part];
    }
  }
  const parts = best[word.length];
  return parts && parts.length > 1 ? parts : undefined;
}

interface Written {
  code: string;
  written?: string;
}

/** One written tag → its code(s): misspellings corrected, glued codes split, the original kept. */
function normalise(raw: string): Written[] {
  const code = raw
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/^[^A-Z]+|[^A-Z.]+$/g, '')
    .replace(/\.$/, (s) => (/ [A-Z]\.$/.test(raw.toUpperCase()) ? s : ''));
  if (!code || code === 'SIPDIS') return [];
  const fixed = TAG_MISSPELLINGS[code];
  if (fixed) return fixed.split(' ').map((c) => ({ code: c, written: raw.trim() }));
  if (/^[A-Z]+-\d+$/.test(code)) return [{ code: code.replace(/-\d+$/, ''), written: raw.trim() }];
  const glued = splitGlued(code);
  if (glued) return glued.map((c) => ({ code: c, written: raw.trim() }));
  return [{ code: code.replace(/[^A-Z0-9 ,.'-]/g, '') }];
}

/** Tokens of a run of words separated by spaces: codes alone, known program phrases together, other words in runs. */
function splitWords(words: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (!run.length) return;
    out.push(...personsIn(run));
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    // a known multi-word tag, longest first (`ITALY NATIONAL ELECTIONS`, `USEU BRUSSELS`)
    let phrase: string | undefined;
    for (let n = Math.min(4, words.length - i); n >= 2; n--) {
      const p = words
        .slice(i, i + n)
        .join(' ')
        .toUpperCase();
      if (PROGRAM_TAGS.has(p) || TAG_MISSPELLINGS[p]) {
        phrase = p;
        break;
      }
    }
    if (phrase) {
      flush();
      out.push(phrase);
      i += phrase.split(' ').length - 1;
      continue;
    }
    const w = words[i].toUpperCase().replace(/[^A-Z0-9-]/g, '');
    if (!w) continue;
    if (isCode(w) || splitGlued(w)) {
      flush();
      out.push(w);
    } else run.push(w);
  }
  flush();
  return out;
}

/** A run of non-code words: `BIDEN JOSEPH` is a person (`BIDEN, JOSEPH`); other runs are one program tag. */
function personsIn(run: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < run.length) {
    if (i + 1 < run.length && GIVEN_NAMES.has(run[i + 1]) && !GIVEN_NAMES.has(run[i])) {
      let given = run[i + 1];
      let n = 2;
      if (i + 2 < run.length && /^[A-Z]\.?$/.test(run[i + 2])) {
        given += ` ${run[i + 2].replace(/\.?$/, '.')}`;
        n = 3;
      }
      out.push(`${run[i]}, ${given}`);
      i += n;
      continue;
    }
    let j = i;
    while (j < run.length && !(j + 1 < run.length && GIVEN_NAMES.has(run[j + 1]) && !GIVEN_NAMES.has(run[j]) && j > i))
      j++;
    out.push(run.slice(i, j).join(' '));
    i = j;
  }
  return out;
}

/** The written tags of a TAGS value, in order. */
export function splitTagLine(value: string): string[] {
  // a parenthesised person or program after a code is one tag: `OVIP (STEINBERG, JAMES B.)`
  const groups: string[] = [];
  const text = value.replace(/\(([^()]{2,60})\)/g, (_m, inner: string) => {
    groups.push(
      inner
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/\s*,\s*/g, ', ')
        .toUpperCase(),
    );
    return ` \u0001${groups.length - 1} `;
  });
  const commaMode = text.includes(',');
  const pieces = commaMode ? text.split(/\s*[,;]\s*/) : [text];
  const items: string[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const words = pieces[k].trim().split(/\s+/).filter(Boolean);
    let run: string[] = [];
    const flush = () => {
      if (!run.length) return;
      const upper = run.map((w) => w.toUpperCase().replace(/[^A-Z0-9.'-]/g, '')).filter(Boolean);
      if (!commaMode || upper.length === 1) items.push(...splitWords(upper));
      // `PTER MARR` are two codes; `GOI EXTERNAL`, `Organized Crime` one tag; `BIDEN JOSEPH` a person
      else if (upper.every((w) => isCode(w))) items.push(...upper);
      else if (upper.length > 2 && upper.some((w) => isKnown(w))) items.push(...splitWords(upper));
      else items.push(...personsIn(upper));
      run = [];
    };
    for (const w of words) {
      // \u0001 marks a placeholder this function put in the text itself (it never occurs in a cable).
      // eslint-disable-next-line no-control-regex
      const g = /^\u0001(\d+)$/.exec(w);
      if (g) {
        flush();
        items.push(groups[Number(g[1])]);
      } else run.push(w);
    }
    flush();
    // `CLINTON, HILLARY` written as two comma items: a surname followed by a given name is one person
    const last = items[items.length - 1];
    const next = pieces[k + 1]?.trim().toUpperCase();
    if (commaMode && last && next && !isCode(last) && /^[A-Z'-]{2,}$/.test(last) && !PROGRAM_TAGS.has(last)) {
      const nm = /^([A-Z'-]+)(\s+[A-Z]\.?)?$/.exec(next);
      if (nm && GIVEN_NAMES.has(nm[1])) {
        items[items.length - 1] = `${last}, ${nm[1]}${nm[2] ? ` ${nm[2].trim().replace(/\.?$/, '.')}` : ''}`;
        k++;
      }
    }
  }
  return items;
}

/** Parses `TAGS: PREL PGOV FR`, `TAGS PINR, PINS`, `Tags: prel, ovip (clinton, hillary)`, wrapped lines. */
export function parseTags(text: string): { tags: Tag[]; index: number } | undefined {
  const head = text.slice(0, 4000);
  const m = TAGS_LABEL.exec(head) ?? TAGS_LABEL_MISSPELT.exec(head);
  if (!m) return undefined;
  let rest = head.slice(m.index + m[0].length, m.index + m[0].length + 500);
  const e = TAGS_END.exec(rest);
  if (e) rest = rest.slice(0, e.index);
  const prose = PROSE_LINE.exec(rest);
  if (prose) rest = rest.slice(0, prose.index);
  const seen = new Set<string>();
  const tags: Tag[] = [];
  for (const item of splitTagLine(rest)) {
    for (const w of normalise(item)) {
      if (!/^[A-Z][A-Z0-9 ,.'-]{0,60}$/.test(w.code) || w.code.length < 2 || seen.has(w.code)) continue;
      seen.add(w.code);
      const tag = classifyTag(w.code);
      if (w.written && w.written.toUpperCase() !== w.code) tag.written = w.written;
      tags.push(tag);
    }
  }
  return { tags, index: m.index };
}
