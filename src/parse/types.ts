// The parse stage's types: the Cable and its parts, with offsets back to the source text.
import type { Diagnostic } from '../common/diagnostics';
import type { EntityAnnotation, SourceFormat, SourceLocation } from '../ingest/types';

/** How the reference id was obtained: read from the cable, given by `--id`, or guessed. */
export type IdSource = 'metadata' | 'text' | 'option' | 'inferred';

/** A post (embassy, consulate, mission, Washington agency) as named in the routing header. */
export interface RoutedPost {
  /** Post name as written after the routing indicator, e.g. `AMEMBASSY PARIS`, `SECSTATE WASHDC`. */
  name: string;
  /** Routing indicator before the slash, e.g. `RUEHFR`, when present. */
  routingIndicator?: string;
  /** `IMMEDIATE`, `PRIORITY`, `ROUTINE`, `FLASH`, `NIACT IMMEDIATE` when given on the line. */
  precedence?: string;
}

export interface Routing {
  /** Date-time group, ISO 8601 UTC, from a line such as `O 161533Z JAN 07`. */
  dateTime?: string;
  /** The raw date-time group as written, e.g. `161533Z JAN 07`. */
  dateTimeGroup?: string;
  /** Overall precedence letter(s) of the message (`O`, `P`, `R`, `Z`) when present. */
  precedence?: string;
  from?: RoutedPost;
  to: RoutedPost[];
  info: RoutedPost[];
}

export type TagKind = 'subject' | 'country' | 'organization' | 'program' | 'person' | 'unknown';

export interface Tag {
  /** Upper case, as in the TAGS line, e.g. `PREL`, `IZ`, `CLINTON, HILLARY` (a person), `GAZA DISENGAGEMENT` (a program). */
  code: string;
  kind: TagKind;
  /** Meaning of a known code, e.g. `External Political Relations`, `Iraq`. */
  label?: string;
  /** The tag as the cable wrote it, when the code is a correction of it (`POGOV` → `PGOV`, `EINDETRD` → `EIND` + `ETRD`). */
  written?: string;
}

/** One entry of the `REF:` block. */
export interface Reference {
  /** Letter of a lettered list (`A`, `B`), when given. */
  letter?: string;
  /** Canonical cable id (`04STATE274965`) when the entry is a cable reference. */
  cableId?: string;
  /** The entry as written, whitespace collapsed (kept for e-mails, reports, phone calls …). */
  text: string;
}

export interface ClassifiedBy {
  /** e.g. `Josiah Rosenblatt`. */
  name?: string;
  /** e.g. `Political Minister-Counselor`. */
  title?: string;
  /** Normalized reasons, e.g. `['1.4(b)', '1.4(d)']`. */
  reasons: string[];
  /** The whole `Classified By:` statement, whitespace collapsed. */
  text: string;
}

export interface Paragraph {
  /** Paragraph number as written (`1.` → 1); absent for unnumbered text. */
  number?: number;
  /** Portion mark such as `C`, `S`, `U`, `SBU`, `S/NF`, when present. */
  classification?: string;
  /** Paragraph text, from its number to the next paragraph (trimmed). */
  text: string;
  /** Offsets into `Cable.text`: `cable.text.slice(start, end) === text`. */
  start: number;
  end: number;
  isSummary: boolean;
  isComment: boolean;
}

/** A parsed cable: every field the graph needs, typed and normalized. */
export interface Cable {
  /** Canonical reference id, e.g. `05PARIS77`. */
  id: string;
  idSource: IdSource;
  /** Created date-time, ISO 8601 (`2005-01-06T16:33:00Z` or `2005-01-06` when only the day is known). */
  created?: string;
  released?: string;
  /** Normalized: `UNCLASSIFIED`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`, `CONFIDENTIAL`, `SECRET` … */
  classification?: string;
  /** Handling caveats such as `NOFORN`, `SIPDIS`, `EXDIS`, `NODIS`. */
  caveats: string[];
  /** Origin post, e.g. `Embassy Paris`. */
  origin?: string;
  routing: Routing;
  tags: Tag[];
  subject?: string;
  references: Reference[];
  classifiedBy?: ClassifiedBy;
  /** Closing signature line(s), e.g. `['Leach']`, `['PEKALA']`. */
  signers: string[];
  paragraphs: Paragraph[];
  /** The cable text that paragraph offsets point into. */
  text: string;
  /** Entity annotations of annotated inputs, offsets into `text`. */
  annotations?: EntityAnnotation[];
  source: SourceLocation;
  format: SourceFormat;
  /** Problems found while reading and parsing this cable. */
  diagnostics: Diagnostic[];
}
