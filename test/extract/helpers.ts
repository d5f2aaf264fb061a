import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityAnnotation } from '../../src/ingest/types';
import type { Cable } from '../../src/parse/types';

export const SHARED = join(__dirname, '..', '..', '..', 'shared');

/** A minimal Cable (text + numbered paragraphs + country TAGS) for extractor/resolver tests. */
export function makeCable(id: string, text: string, extra: Partial<Cable> = {}): Cable {
  const starts = [...text.matchAll(/^[ \t]*(?:\[\d+\]\(#\))?¶?(\d{1,2})\s?\.\s/gm)];
  const paragraphs = starts.map((m, k) => {
    const start = m.index;
    const end = k + 1 < starts.length ? starts[k + 1].index : text.length;
    return { number: Number(m[1]), text: text.slice(start, end), start, end, isSummary: false, isComment: false };
  });
  return {
    id,
    idSource: 'option',
    caveats: [],
    routing: { to: [], info: [] },
    tags: [],
    references: [],
    signers: [],
    paragraphs,
    text,
    source: { path: id },
    format: 'text',
    diagnostics: [],
    ...extra,
  } as Cable;
}

/** Strips `[PER Kouchner  ]` brackets (the annotated seed format) into text + annotations. */
export function fromBracketed(raw: string): { text: string; annotations: EntityAnnotation[] } {
  const annotations: EntityAnnotation[] = [];
  let text = '';
  let last = 0;
  for (const m of raw.matchAll(/\[(PER|ORG|LOC|MISC) ([^\]]*?)\s*\]/g)) {
    text += raw.slice(last, m.index);
    const start = text.length;
    text += m[2];
    annotations.push({ type: m[1] as EntityAnnotation['type'], text: m[2], start, end: text.length });
    last = m.index + m[0].length;
  }
  text += raw.slice(last);
  return { text, annotations };
}

export const readShared = (...p: string[]) => readFileSync(join(SHARED, ...p), 'utf8');
