// The header's address lines ("WHA FOR A/S SHANNON AND PDAS SHAPIRO"): each addressee is its own title and name.
/**
 * Before its first paragraph a cable may route itself to named officials, one or more a line:
 *
 *     DEPARTMENT FOR WHA A/S TOM SHANNON; ELAINE SAMSON, EUR/WE
 *     FOR WHA ASSISTANT SECRETARY SHANNON FROM AMBASSADOR SOBEL
 *
 * These lines are in no paragraph, so in no sentence the readers see. addressItemOf bounds an addressee's title by
 * its item of the line (after "FOR", "FROM", "AND", a comma, a semicolon or a dash), so that the title before the
 * name is read as in a sentence and never runs into the bureau routing before it.
 */
import type { Cable } from '../../parse/types';

/** An address line's item holding a name, and the line (the role's evidence). */
export interface AddressItem {
  start: number;
  end: number;
  line: { start: number; end: number };
}

/** Lines that are not routing: the subject, the classification, references, tags. */
const NOT_ADDRESS = /^\s*(?:SUBJECT|SUBJ|CLASSIFIED|REF|TAGS|E\.?\s?O\.?|DECL|REFS)\b/i;
/** What opens an item: the routing word or a separator (the item starts after it). */
const ITEM_OPEN = /(?:\bFOR\s+|\bFROM\s+|\bALSO\s+|\s+AND\s+|[;,]\s*|\s+-+\s+)/g;
/** What ends an item after the name. */
const ITEM_CLOSE = /[;,]|\s+AND\s|\s+FROM\s|\s+-+\s/;

/** The address-line item holding offset `at`, if `at` lies on a header routing line (before the first paragraph). */
export function addressItemOf(cable: Cable, at: number): AddressItem | undefined {
  const first = cable.paragraphs[0]?.start;
  if (first === undefined || at >= first) return undefined;
  const text = cable.text;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const end = nl < 0 || nl > first ? first : nl;
  const line = text.slice(start, end);
  // routing lines are written in capitals and say whom the cable is for
  if (/[a-z]/.test(line) || !/\bFOR\b/.test(line) || NOT_ADDRESS.test(line)) return undefined;
  // (nor a subject wrapped onto the next line: "SUBJECT: … WITH INTERIOR\nMINISTER ATMAR: … TRANSPORT FOR …")
  const prev = text.slice(text.lastIndexOf('\n', Math.max(0, start - 2)) + 1, Math.max(0, start - 1));
  if (NOT_ADDRESS.test(prev) && !/^\s*$/.test(prev)) return undefined;
  const item = itemAround(line, at - start, ITEM_OPEN, ITEM_CLOSE);
  return { start: start + item.start, end: start + item.end, line: { start, end } };
}

/** The item of `block` around `offset`: from the last `open` before it to the first `close` after it (a global and a plain regex). */
function itemAround(block: string, offset: number, open: RegExp, close: RegExp): { start: number; end: number } {
  let itemStart = 0;
  open.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = open.exec(block)) && m.index < offset) itemStart = Math.min(offset, m.index + m[0].length);
  const closed = close.exec(block.slice(offset));
  return { start: itemStart, end: closed ? offset + closed.index : block.length };
}

/** Where a subject line's item opens: "SUBJECT:" and the words that join its phrases ("SCENESETTER FOR …", "MEETING WITH …"). */
const SUBJECT_OPEN =
  /(?:\bSUBJ(?:ECT)?\s*:\s*|\bFOR\s+|\bWITH\s+|\bBY\s+|\bTO\s+|\bON\s+|\s+AND\s+|[;,:]\s*|\s+-+\s+)/gi;
/** What ends a subject line's item after the name. */
const SUBJECT_CLOSE = /[;,:?]|\s+(?:AND|FROM|ON|WITH|TO|IN|AT|FOR)\s|\s+-+\s/i;

/**
 * The subject line's item holding offset `at` ("SUBJECT: SCENESETTER FOR FBI DIRECTOR MUELLER": "FBI DIRECTOR
 * MUELLER"), the subject (to its blank line or the next header line) its evidence; as the routing lines, it is in no
 * sentence, and its phrases are joined by words no title holds.
 */
export function subjectItemOf(cable: Cable, at: number): AddressItem | undefined {
  const first = cable.paragraphs[0]?.start;
  if (first === undefined || at >= first) return undefined;
  const text = cable.text;
  const head = /(?:^|\n)[ \t]*SUBJ(?:ECT)?\s*:/gi;
  let start = -1;
  for (let m = head.exec(text); m && m.index < at; m = head.exec(text))
    start = m.index + (m[0].startsWith('\n') ? 1 : 0);
  if (start < 0) return undefined;
  // the subject runs on over its wrapped lines, to a blank line or the next header line
  let end = text.indexOf('\n', start);
  while (end >= 0 && end < first) {
    const nl = text.indexOf('\n', end + 1);
    const next = text.slice(end + 1, nl < 0 ? first : Math.min(nl, first));
    if (/^\s*$/.test(next) || NOT_ADDRESS.test(next) || /^\s*\d+\.\s/.test(next)) break;
    end = nl < 0 ? first : Math.min(nl, first);
  }
  if (end < 0 || end > first) end = first;
  if (at >= end) return undefined;
  const item = itemAround(text.slice(start, end), at - start, SUBJECT_OPEN, SUBJECT_CLOSE);
  return { start: start + item.start, end: start + item.end, line: { start, end } };
}
