import type { SourceFormat } from './types';

const ANNOTATION_BRACKET = /\[(?:PER|ORG|LOC|MISC) [^\]\n]*\]/g;
const CABLE_VIEWER_MARKUP = /<table class=['"]cable['"]|<code><pre>|<pre>/i;
const CSV_FIRST_RECORD = /^\uFEFF?"?\d+"?,"?\d{1,2}\/\d{1,2}\/\d{4}/;
const MARKDOWN_LINK = /\]\(#[^)]*\)/;

/**
 * The format of a cable file, from its first characters (content wins over the file name:
 * users save Cable Viewer pages as .txt and CSV dumps without an extension).
 * Annotated text is checked first because it may itself be wrapped in Cable Viewer markup.
 */
export function detectFormat(head: string, fileName = ''): SourceFormat {
  if (CSV_FIRST_RECORD.test(head)) return 'csv';
  const brackets = head.match(ANNOTATION_BRACKET);
  if (brackets && brackets.length >= 2) return 'annotated';
  if (CABLE_VIEWER_MARKUP.test(head)) return 'html';
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.html?$/i.test(fileName) && /<\w+[^>]*>/.test(head)) return 'html';
  if (MARKDOWN_LINK.test(head)) return 'markdown';
  return 'text';
}
