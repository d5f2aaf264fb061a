import type { Tag, TagKind } from './types';
import { COUNTRY_TAGS, ORG_TAGS, PERSON_TAGS, SUBJECT_TAGS } from './tag-data';

export function classifyTag(code: string): Tag {
  let kind: TagKind = 'unknown';
  let label: string | undefined;
  if (COUNTRY_TAGS[code] && code.length === 2) { kind = 'country'; label = COUNTRY_TAGS[code]; }
  else if (PERSON_TAGS.has(code)) { kind = 'person'; label = code.charAt(0) + code.slice(1).toLowerCase(); }
  else if (ORG_TAGS.has(code)) { kind = 'organization'; label = SUBJECT_TAGS[code]; }
  else if (SUBJECT_TAGS[code]) { kind = 'subject'; label = SUBJECT_TAGS[code]; }
  else if (/^K[A-Z]{3}$|^[PEMSTAOBC][A-Z]{3}$/.test(code)) kind = 'subject';
  const t: Tag = { code, kind };
  if (label) t.label = label;
  return t;
}

/** Stops the TAGS value at the next header element (one-line annotated bodies). */
const TAGS_END = /\b(?:SUBJECT|SUBJ|REF|REFS|REFTEL|CLASSIFIED BY|E\.?\s?O\.?)\b|\n\s*\n/i;

/** Parses `TAGS: PREL PGOV FR`, `TAGS PINR, PINS`, wrapped lines. */
export function parseTags(text: string): { tags: Tag[]; index: number } | undefined {
  const m = /(?:^|\n|\s)TAGS\s*:?\s+/i.exec(text);
  if (!m) return undefined;
  let rest = text.slice(m.index + m[0].length, m.index + m[0].length + 400);
  const e = TAGS_END.exec(rest);
  if (e) rest = rest.slice(0, e.index);
  const seen = new Set<string>();
  const tags: Tag[] = [];
  for (const raw of rest.split(/[\s,;]+/)) {
    const code = raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
    if (!code || !/^[A-Z][A-Z0-9]{1,11}$/.test(code) || seen.has(code)) continue;
    seen.add(code);
    tags.push(classifyTag(code));
  }
  return { tags, index: m.index };
}
