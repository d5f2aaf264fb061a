import * as fs from 'fs';
import * as path from 'path';
import type { RawCable } from '../../src/ingest/types';

export const SHARED = path.resolve(__dirname, '../../../shared');

const dec = (s: string) => s.replace(/<a [^>]*>([^<]*)<\/a>/g, '$1').replace(/<[^>]+>/g, '')
  .replace(/&#x([0-9a-f]+);/gi, (_m, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_m, d) => String.fromCodePoint(+d))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Test-only stand-in for the ingest readers: a Cable Viewer HTML page → RawCable. */
export function rawFromHtml(file: string): RawCable {
  const h = fs.readFileSync(file, 'utf8');
  const t = /<table class='cable'>([\s\S]*?)<\/table>/.exec(h);
  const md: RawCable['metadata'] = {};
  if (t) {
    const tds = [...t[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => dec(m[1]).trim());
    [md.referenceId, md.created, md.released, md.classification, md.origin] = tds;
  }
  const pres = [...h.matchAll(/<code><pre>([\s\S]*?)<\/pre><\/code>/g)].map((m) => dec(m[1]));
  const raw: RawCable = { source: { file }, format: 'html', metadata: md, body: pres.length >= 2 ? pres[1] : pres[0] ?? '', diagnostics: [] };
  if (pres.length >= 2) raw.header = pres[0];
  return raw;
}

/** Test-only: plain/markdown text → RawCable (markdown `[B](#).` links rendered as text). */
export function rawFromText(text: string, file = 'fixture.txt', format: RawCable['format'] = 'text'): RawCable {
  return { source: { file, line: 1 }, format, metadata: {}, body: text.replace(/\[\d+\]\(#\)(?=\d)/g, '¶').replace(/\[([^\]]*)\]\(#\)/g, '$1'), diagnostics: [] };
}

/** Test-only: annotated seed (`[LOC PARIS  ]`, HTML links) → RawCable without the brackets. */
export function rawFromAnnotated(text: string, file = 'annotated.txt'): RawCable {
  const body = dec(text.replace(/<a id='par\d+'[^>]*>¶<\/a>/g, '¶')).replace(/\[(?:PER|ORG|LOC|MISC)\s+([^\]]*?)\s*\]/g, '$1');
  return { source: { file, line: 1 }, format: 'annotated', metadata: {}, body, diagnostics: [] };
}
