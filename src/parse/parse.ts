// Parses one raw cable into a typed, normalized Cable; never throws on partial input.
import type { Diagnostic } from '../common/diagnostics';
import type { RawCable } from '../ingest/types';
import type { Cable, IdSource, Paragraph } from './types';
import { canonicalCableId, canonicalPost } from './ids';
import { findDateTimeGroup, fullYear, normalizeMetadataDate } from './dates';
import { caveatsFrom, classificationFromText, normalizeClassification, parseSubject } from './header';
import { parseRouting, readableOrigin } from './routing';
import { parseTags } from './tags';
import { parseReferences } from './references';
import { parseClassifiedBy } from './classified-by';
import { parseSigners } from './signer';
import { parseParagraphs } from './paragraphs';

export interface ParseOptions {
  /** Reference id given on the command line (`--id`); wins over the text when given. */
  id?: string;
}
export const DEFAULT_PARSE_OPTIONS: ParseOptions = {};

function lineOf(text: string, index: number, base?: number): number | undefined {
  if (base === undefined) return undefined;
  let n = 0;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return base + n;
}

/** Parses one raw cable into a typed, normalized Cable. Never throws on partial input. */
export function parseCable(raw: RawCable, options: Partial<ParseOptions> = {}): Cable {
  const opts = { ...DEFAULT_PARSE_OPTIONS, ...options };
  const md = raw.metadata ?? {};
  const text = raw.body ?? '';
  const header = raw.header;
  const all = header ? `${header}\n${text}` : text;
  const file = raw.source?.file;
  const diagnostics: Diagnostic[] = [...(raw.diagnostics ?? [])];
  const diag = (severity: Diagnostic['severity'], rule: string, message: string, index?: number) => {
    const d: Diagnostic = { severity, rule, message };
    if (file) d.file = file;
    const line = index !== undefined ? lineOf(text, index, raw.source?.line) : raw.source?.line;
    if (line !== undefined) d.line = line;
    if (raw.source?.row !== undefined) d.row = raw.source.row;
    diagnostics.push(d);
  };

  // routing + dates
  const routing = parseRouting(header ?? text.slice(0, 3000));
  if (!routing.dateTime) {
    const dtg = findDateTimeGroup(all.slice(0, 2000));
    if (dtg) {
      routing.dateTimeGroup = dtg.group;
      if (dtg.iso) routing.dateTime = dtg.iso;
      if (dtg.precedence) routing.precedence = dtg.precedence;
    }
  }
  let created = normalizeMetadataDate(md.created);
  if (md.created && !created)
    diag('warning', 'parse:bad-date', `unreadable created date ${JSON.stringify(md.created)}`);
  if (!created) created = routing.dateTime;
  const released = normalizeMetadataDate(md.released);
  let year: number | undefined = created ? Number(created.slice(0, 4)) : undefined;
  // A declassification date is never used as the created date. It is only used to guess the
  // id's year (E.O. 12958 default: 10 years after origin), and the id is then marked 'inferred'.
  let yearGuessed = false;
  if (year === undefined && !md.referenceId) {
    const decl = /DECL\s*:?\s*\d{1,2}\/\d{1,2}\/(\d{4})/i.exec(all);
    if (decl) {
      year = Number(decl[1]) - 10;
      yearGuessed = true;
    }
  }

  // id
  let id: string | undefined;
  let idSource: IdSource = 'inferred';
  const fromMeta = md.referenceId ? canonicalCableId(md.referenceId) : undefined;
  if (fromMeta) {
    id = fromMeta;
    idSource = 'metadata';
    if (year === undefined) year = fullYear(fromMeta.slice(0, 2));
  }
  const hm =
    /(?:^|\n|\s)(?:(?:U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|S\s?E\s?C\s?R\s?E\s?T|UNCLAS|LIMITED OFFICIAL USE)(?:\s+(?:E\s?F\s?T\s?O|SENSITIVE|NOFORN|SIPDIS))*\s+(?:SECTION\s+\d+\s+OF\s+\d+\s+)?)((?:USUN NEW YORK|[A-Z][A-Z ]*?[A-Z]))\s+(\d{3,7})\b/.exec(
      all.slice(0, 2500),
    );
  const textId = hm && year !== undefined ? canonicalCableId(`${hm[1]} ${hm[2]}`, year) : undefined;
  if (fromMeta && textId && textId !== fromMeta)
    diag('warning', 'parse:id-mismatch', `metadata id ${fromMeta} differs from text header ${textId}`);
  if (!id && textId) {
    id = textId;
    idSource = yearGuessed ? 'inferred' : 'text';
    if (yearGuessed)
      diag('warning', 'parse:inferred-id', `no date in the cable; year of ${id} guessed as DECL year minus 10`);
  }
  if (opts.id) {
    const o = canonicalCableId(opts.id) ?? opts.id;
    if (id && o !== id) diag('warning', 'parse:id-mismatch', `--id ${o} differs from the cable's own id ${id}`);
    id = o;
    idSource = 'option';
  }
  if (!id) {
    const f = /(\d{2}[A-Z]+\d+)(?:\.[a-z]+)?$/i.exec(file ?? '');
    const fromFile = f ? canonicalCableId(f[1]) : undefined;
    if (fromFile) {
      id = fromFile;
      diag('warning', 'parse:inferred-id', `no id in the cable; inferred ${id} from the file name`);
    } else if (hm) {
      id = `${canonicalPost(hm[1])}${hm[2].replace(/^0+/, '')}`;
      diag('warning', 'parse:inferred-id', `no year for header id; used ${id}`);
    } else {
      id = `UNKNOWN-${file ?? 'stdin'}${raw.source?.row ? `-${raw.source.row}` : raw.source?.line ? `-${raw.source.line}` : ''}`;
      diag('error', 'parse:missing-id', 'no reference id found (use --id)');
    }
  }
  if (year === undefined && /^\d{2}/.test(id)) year = fullYear(id.slice(0, 2));
  if (!created) diag('warning', 'parse:missing-date', 'no created date (no metadata, no date-time group)');

  // classification
  const textCls = classificationFromText(text) ?? classificationFromText(all);
  let classification = normalizeClassification(md.classification);
  if (classification && textCls && !classification.startsWith(textCls.value))
    diag(
      'info',
      'parse:classification-mismatch',
      `metadata classification ${classification} differs from text ${textCls.value}`,
    );
  if (!classification && textCls) {
    classification = textCls.value;
    if (/\bNOFORN\b/.test(text.slice(0, 800))) classification += '//NOFORN';
  }
  if (!classification) {
    if (/^\s*UNCLAS\b/m.test(all.slice(0, 1500))) classification = 'UNCLASSIFIED';
    else diag('warning', 'parse:missing-classification', 'no classification found');
  }
  const caveats = caveatsFrom(text, classification);

  // origin
  let origin = md.origin?.trim() || undefined;
  if (!origin && routing.from) origin = readableOrigin(routing.from.name);
  if (!origin && /^\d{2}[A-Z]/.test(id)) {
    const p = id.replace(/^\d{2}|\d+$/g, '');
    origin = p === 'STATE' ? 'Secretary of State' : readableOrigin(p);
  }
  if (!origin) diag('warning', 'parse:missing-origin', 'no origin post');

  const tagsR = parseTags(text);
  if (!tagsR || !tagsR.tags.length) diag('warning', 'parse:missing-tags', 'no TAGS line');
  const subj = parseSubject(text);
  if (!subj) diag('warning', 'parse:missing-subject', 'no SUBJECT line');
  const refs = parseReferences(text, year);
  const cb = parseClassifiedBy(text);
  const signers = parseSigners(text);
  if (!signers.length) diag('info', 'parse:missing-signer', 'no closing signature line');
  const paragraphs = parseParagraphs(text);
  endBeforeSignature(paragraphs, text, signers);
  if (!paragraphs.length) diag('info', 'parse:no-paragraphs', 'no paragraphs found');

  const cable: Cable = {
    id,
    idSource,
    caveats,
    routing,
    tags: tagsR?.tags ?? [],
    references: refs?.refs ?? [],
    signers,
    paragraphs,
    text,
    source: raw.source,
    format: raw.format,
    diagnostics,
  };
  if (!refs && md.references?.length)
    cable.references = md.references.filter(Boolean).map((r) => {
      const c = canonicalCableId(r);
      return c ? { cableId: c, text: r } : { text: r };
    });
  if (created) cable.created = created;
  if (released) cable.released = released;
  if (classification) cable.classification = classification;
  if (origin) cable.origin = origin;
  if (subj) cable.subject = subj.subject;
  if (cb) cable.classifiedBy = cb.value;
  if (raw.annotations) cable.annotations = raw.annotations;
  return cable;
}

/** The closing signature (`\nLeach`) is not part of the last paragraph: end the paragraph before it. */
function endBeforeSignature(paragraphs: Paragraph[], text: string, signers: string[]): void {
  const last = paragraphs[paragraphs.length - 1];
  if (!last || signers.length === 0) return;
  const tail = new RegExp(`\\n[ \\t]*${signers.map(escapeRegExp).join('[ \\t]+')}[ \\t]*\\s*$`);
  const m = tail.exec(last.text);
  if (!m || m.index === 0) return;
  const kept = last.text.slice(0, m.index).trimEnd();
  // Offsets must keep pointing at the text: only cut when the paragraph is a verbatim slice.
  if (text.slice(last.start, last.start + kept.length) !== kept) return;
  last.text = kept;
  last.end = last.start + kept.length;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
