// Input format detection from content: Cable Viewer HTML, text/markdown, annotated text, cables.csv.
import type { SourceFormat } from './types';

const ANNOTATION_OPENERS = ['[PER ', '[ORG ', '[LOC ', '[MISC '];
/** `[^\][\n]`: a scan stops at the next `[`, so `[PER ` repeated is linear (`[^\]\n]*` rescanned the line from each one). */
const ANNOTATION_BRACKET = /\[(?:PER|ORG|LOC|MISC) [^\][\n]*\]/g;
/** Markers of Cable Viewer markup, searched with indexOf (a regex alternation is 10x slower on a 50 kB page). */
const CABLE_VIEWER_MARKERS = ["<table class='cable'", '<table class="cable"', '<pre>', '<PRE>', '<pre '];
const CSV_FIRST_RECORD = /^\uFEFF?"?\d+"?,"?\d{1,2}\/\d{1,2}\/\d{4}/;
/** Link targets hold no `(` or line break: each scan stops there (linear on `](#` repeated). */
const MARKDOWN_LINK = /\]\(#[^()\n]*\)/;

/** Matches of a global regex, counting no further than `limit` (no need to scan a whole page). */
function countUpTo(re: RegExp, text: string, limit: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < limit && re.exec(text)) n += 1;
  re.lastIndex = 0;
  return n;
}

/**
 * The format of a cable file, from its first characters (content wins over the file name:
 * users save Cable Viewer pages as .txt and CSV dumps without an extension).
 * Annotated text is checked first because it may itself be wrapped in Cable Viewer markup.
 */
export function detectFormat(head: string, fileName = ''): SourceFormat {
  if (CSV_FIRST_RECORD.test(head)) return 'csv';
  if (ANNOTATION_OPENERS.some((opener) => head.includes(opener)) && countUpTo(ANNOTATION_BRACKET, head, 2) >= 2)
    return 'annotated';
  if (CABLE_VIEWER_MARKERS.some((marker) => head.includes(marker))) return 'html';
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.html?$/i.test(fileName) && /<\w+[^>]*>/.test(head)) return 'html';
  if (MARKDOWN_LINK.test(head)) return 'markdown';
  return 'text';
}
