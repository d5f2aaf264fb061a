// Header elements of a cable: classification line and SUBJECT.
/** Header elements: classification line, SUBJECT. */
import { isPostName } from './ids';

const SPACED: Array<[RegExp, string]> = [
  [/U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D/, 'UNCLASSIFIED'],
  [/C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L/, 'CONFIDENTIAL'],
  [/S\s?E\s?C\s?R\s?E\s?T/, 'SECRET'],
];
export const CAVEAT_WORDS = [
  'NOFORN',
  'SIPDIS',
  'EXDIS',
  'NODIS',
  'LIMDIS',
  'ORCON',
  'STADIS',
  'ROGER',
  'CHEROKEE',
  'NOCONTRACT',
  'PROPIN',
];

export function normalizeClassification(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.toUpperCase().replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  for (const [re, v] of SPACED)
    if (new RegExp(`^${re.source}`).test(t.replace(/ /g, '')) || t.startsWith(v)) {
      parts.push(v);
      break;
    }
  if (!parts.length) return t || undefined;
  if (/FOR OFFICIAL USE ONLY|FOUO/.test(t)) parts.push('FOR OFFICIAL USE ONLY');
  if (/NOFORN/.test(t)) parts.push('NOFORN');
  return parts.join('//');
}

/** Classification from the first lines of text (`C O N F I D E N T I A L SECTION 01 OF 02 PARIS 000077`). */
export function classificationFromText(text: string): { value: string; index: number } | undefined {
  const head = text.slice(0, 600);
  for (const [re, v] of SPACED) {
    const m = new RegExp(`(?:^|\\n|\\s)(${re.source})(?=\\s|$|/)`, 'i').exec(head);
    if (m && m[1] === m[1].toUpperCase()) {
      // "SECRET" must not be the tail of "CONFIDENTIAL"/"UNCLASSIFIED"
      return { value: v, index: m.index };
    }
  }
  return undefined;
}

export function caveatsFrom(text: string, classification?: string): string[] {
  const head = text.slice(0, 1500);
  const out: string[] = [];
  for (const w of CAVEAT_WORDS)
    if (new RegExp(`\\b${w}\\b`).test(head) || (classification ?? '').includes(w)) out.push(w);
  return out;
}

/** What ends a SUBJECT: a blank line or the next header element, possibly on the same line. */
const SUBJECT_END =
  /\n\s*\n|(?:^|\n)\s*REF(?:S|TEL|TELS)?\b|\bREF(?:S|TEL|TELS)?\s*(?::|\(S\)|\(?[A-H]\s*[.)]\s)|\bREFERENCES?\s*:|\bClassified\s+By\b|\bCLASSIFIED\s+BY\b|(?:¶|\n)\s*1\s*\.(?!\d)|\s1\s?\.\s+\(|\bSUMMARY\s*:|\bE\.\s?O\.\s?12958|\bTAGS\b|\bC O N F|\bS E C R|\bSENSI?TIVE BUT\b|-{3,}|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\d|\bThis is an? Action Req/i;
/** Page breaks of multi-page cables that can fall inside a wrapped SUBJECT (`PAGE 02 HARARE 06677 01 OF 03 291400Z`). */
const OLD_PAGE_BREAK =
  /\b(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS)\s+)?PAGE\s+\d+\s+[A-Z ]+?\s+0*\d+\s+\d+\s+OF\s+\d+\s+\d{6}Z/g;
/** `BRASILIA 00000351 001.2 OF 003`: one or two words of post name before the serial. */
const PAGE_HEADER = /(\n[ \t]*)?\b((?:[A-Z]+ )?)([A-Z]+) 0{2,}\d+ +\d+\.\d+ OF \d+\b[ \t]*/g;

export function withoutPageBreaks(text: string): string {
  return text
    .replace(OLD_PAGE_BREAK, ' ')
    .replace(PAGE_HEADER, (_s, nl: string | undefined, first: string, last: string) => {
      const kept = first && !isPostName(`${first}${last}`) ? `${first} ` : '';
      // a header on a line of its own goes with its line break, so the lines around it stay one field
      return nl && !kept ? '' : `${nl ?? ''}${kept}`;
    });
}

/** The label: `SUBJECT:`, `SUBJ:`, `SUBJECT -`, `UBJECT:`; without a colon only at the start of a line. */
const SUBJECT_LABEL = /(?:^|\n|[ \t])S?UBJ(?:ECT)?\s*(?::|-(?=\s))\s*/i;
/** `SUBJECT TALKS ON GAZA` without a colon: upper case, at the start of a line. */
const SUBJECT_LABEL_BARE = /(?:^|\n)[ \t]*SUBJ(?:ECT)?[ \t]+(?!(?:TO|OF|LINE|MATTER)\b)(?=\S)/;

/** SUBJECT joined across wrapped lines, without portion mark. */
export function parseSubject(text: string): { subject: string; index: number } | undefined {
  const head = text.slice(0, 3000);
  const m = SUBJECT_LABEL.exec(head) ?? SUBJECT_LABEL_BARE.exec(head);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  let rest = withoutPageBreaks(text.slice(start, start + 1200));
  const e = SUBJECT_END.exec(rest);
  if (e) rest = rest.slice(0, e.index);
  const subject = rest
    .replace(/^\s*\((?:U|C|S|SBU|S\/NF|C\/NF|U\/\/FOUO|S\/\/NF|C\/\/NF|SBU\/NF|U\/FOUO|TS)\)\s*/i, '')
    .replace(/\s+\((?:U|C|S|SBU|TS|S\/NF|C\/NF|SBU\/NF)\)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!subject) return undefined;
  return { subject, index: m.index };
}
