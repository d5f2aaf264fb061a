// The `corenlp` extractor: named entities from a Stanford CoreNLP server over HTTP.
import { CablegraphError } from '../common/diagnostics';
import type { Cable } from '../parse/types';
import { TITLES } from '../lexicon/gazetteer';
import type { Extractor } from './types';
import { paragraphAt } from './util';
import { MARKINGS, keepMention, skipRegions } from './hygiene';
import type { EntityType, Mention } from '../model';
import { text } from '../common/text';

/**
 * Named entities from a Stanford CoreNLP server (`bash scripts/corenlp-fetch.sh && bash
 * scripts/corenlp-start.sh`), called over HTTP with `outputFormat=json`.
 *
 * Batching: cable texts are cut at paragraph boundaries into pieces, and pieces (of one or more
 * cables) are packed into requests of at most `batchChars` characters, joined by a blank line
 * (the server breaks sentences at blank lines, so nothing crosses from one piece to the next).
 * Up to `concurrency` requests are in flight at once. Packing saves the per-request overhead on
 * the many short cables; concurrency keeps every server thread busy (the server annotates one
 * request on one thread); a bounded request size keeps each request well under the server
 * timeout and lets one long cable be spread over threads. Token offsets (`characterOffsetBegin/End`,
 * Java chars = UTF-16 code units, like JS strings) are mapped back to `cable.text`.
 *
 * All-caps text (old cables, headers) is sent through the `truecase` annotator first, since
 * CoreNLP's default English NER models are cased.
 */
export interface CoreNlpOptions {
  /** Server URL; default `CORENLP_URL` or http://localhost:9000. */
  url?: string;
  /** Most characters of cable text per request; default `CORENLP_BATCH_CHARS` or 20000. */
  batchChars?: number;
  /** Requests in flight at once; default `CORENLP_CONCURRENCY` or 4. */
  concurrency?: number;
  /** Per-request timeout in milliseconds; default `CORENLP_TIMEOUT_MS` or 300000. */
  timeoutMs?: number;
  /** Truecase all-caps text before tagging: `auto` (default) decides per paragraph. */
  truecase?: 'auto' | 'always' | 'never';
  /**
   * `ner.model`: comma-separated CRF model paths; default `CORENLP_NER_MODEL` or the English
   * 3-class model. CoreNLP's own default adds the 7-class (MUC) and CoNLL 4-class models after it,
   * but in its combination those only add classes this extractor drops (MISC, DATE, MONEY …):
   * the same PERSON/ORGANIZATION/LOCATION tags (same scores on the gold set) at half the speed.
   */
  nerModel?: string;
}

/** The properties sent with each request (also the server defaults in scripts/corenlp-start.sh). */
export const CORENLP_NER_MODEL = 'edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz';
export const CORENLP_PROPERTIES: Readonly<Record<string, string>> = {
  annotators: 'tokenize,ssplit,pos,lemma,ner',
  outputFormat: 'json',
  'ner.model': CORENLP_NER_MODEL,
  'ssplit.newlineIsSentenceBreak': 'two',
  'ner.useSUTime': 'false',
  'ner.applyNumericClassifiers': 'false',
  'ner.applyFineGrained': 'false',
  'ner.buildEntityMentions': 'false',
};
const TRUECASE_PROPERTIES: Readonly<Record<string, string>> = {
  ...CORENLP_PROPERTIES,
  annotators: 'tokenize,ssplit,truecase,pos,lemma,ner',
  'truecase.overwriteText': 'true',
};

/** CoreNLP NER classes kept, coarse and fine-grained. */
const TYPE_MAP: Readonly<Record<string, EntityType>> = {
  PERSON: 'PERSON',
  ORGANIZATION: 'ORGANIZATION',
  LOCATION: 'PLACE',
  CITY: 'PLACE',
  COUNTRY: 'PLACE',
  STATE_OR_PROVINCE: 'PLACE',
};

const SEP = '\n\n';
interface Piece {
  cable: number;
  start: number;
  end: number;
}
interface Batch {
  caps: boolean;
  pieces: Piece[];
  at: number[];
  length: number;
}
interface Token {
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  ner?: string;
  word?: string;
}
interface CoreNlpDocument {
  sentences?: Array<{ tokens?: Token[] }>;
}

const envNumber = (name: string): number | undefined => {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : Number(v);
};

function positive(name: string, value: unknown, def: number): number {
  if (value === undefined) return def;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0)
    throw new CablegraphError('BAD_OPTION', `corenlp: ${name} must be a positive number, got ${text(value)}`);
  return Math.floor(n);
}

/** Letters are (nearly) all upper case: the cased NER models need truecasing first. */
function isCaps(text: string): boolean {
  const upper = (text.match(/\p{Lu}/gu) ?? []).length;
  const lower = (text.match(/\p{Ll}/gu) ?? []).length;
  return upper >= 2 && lower < upper * 0.1;
}

/** Where to cut `text` between `from` and `to` (exclusive), preferring a blank line, a line end, a sentence end, a space. */
function cutPoint(text: string, from: number, to: number): number {
  const window = text.slice(from, to);
  const min = Math.floor(window.length / 2);
  for (const re of [/\n[ \t]*\n/g, /\n/g, /[.!?][ \t]+/g, /[ \t]+/g]) {
    let best = -1;
    for (const m of window.matchAll(re)) if (m.index + m[0].length >= min) best = m.index + m[0].length;
    if (best > 0 && best < window.length) return from + best;
  }
  return to;
}

export class CoreNlpExtractor implements Extractor {
  readonly name = 'corenlp';
  readonly url: string;
  readonly batchChars: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly truecase: 'auto' | 'always' | 'never';
  private readonly props: Readonly<Record<string, string>>;
  private readonly capsProps: Readonly<Record<string, string>>;

  constructor(options: CoreNlpOptions | Record<string, unknown> = {}) {
    const o = options as Record<string, unknown>;
    const url = o.url ?? process.env.CORENLP_URL ?? 'http://localhost:9000';
    if (typeof url !== 'string' || !/^https?:\/\/[^/]/.test(url))
      throw new CablegraphError('BAD_OPTION', `corenlp: url must be an http(s) URL, got ${text(url)}`);
    this.url = url.replace(/\/+$/, '');
    this.batchChars = positive('batchChars', o.batchChars ?? envNumber('CORENLP_BATCH_CHARS'), 20000);
    this.concurrency = positive('concurrency', o.concurrency ?? envNumber('CORENLP_CONCURRENCY'), 4);
    this.timeoutMs = positive('timeoutMs', o.timeoutMs ?? envNumber('CORENLP_TIMEOUT_MS'), 300000);
    const truecase = o.truecase ?? 'auto';
    if (truecase !== 'auto' && truecase !== 'always' && truecase !== 'never')
      throw new CablegraphError('BAD_OPTION', `corenlp: truecase must be auto, always or never, got ${text(truecase)}`);
    this.truecase = truecase;
    const model = o.nerModel ?? (process.env.CORENLP_NER_MODEL || CORENLP_NER_MODEL);
    if (typeof model !== 'string' || !model.trim())
      throw new CablegraphError('BAD_OPTION', `corenlp: nerModel must be a model path, got ${text(model)}`);
    this.props = { ...CORENLP_PROPERTIES, 'ner.model': model.trim() };
    this.capsProps = { ...TRUECASE_PROPERTIES, 'ner.model': model.trim() };
  }

  async extract(cables: Cable[]): Promise<Mention[][]> {
    const out: Mention[][] = cables.map(() => []);
    const batches = this.plan(cables);
    const abort = new AbortController();
    let next = 0;
    const worker = async () => {
      while (next < batches.length && !abort.signal.aborted) {
        const batch = batches[next++];
        const doc = await this.annotate(cables, batch, abort.signal);
        this.collect(cables, batch, doc, out);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.concurrency, batches.length) }, worker));
    } catch (e) {
      abort.abort();
      throw e;
    }
    return out.map((ms, i) => {
      const skip = skipRegions(cables[i].text);
      const keep = ms.filter((m) => keepMention(cables[i].text, m, skip));
      keep.sort((a, b) => a.start - b.start || a.end - b.end);
      return keep;
    });
  }

  /** Cuts cables into pieces (paragraphs, same case mode, at most `batchChars`) and packs them into requests. */
  private plan(cables: Cable[]): Batch[] {
    const batches: Batch[] = [];
    const open: Partial<Record<'caps' | 'mixed', Batch>> = {};
    const add = (caps: boolean, piece: Piece) => {
      const key = caps ? 'caps' : 'mixed';
      const len = piece.end - piece.start;
      let b = open[key];
      if (b && b.length + SEP.length + len > this.batchChars) b = undefined;
      if (!b) {
        b = { caps, pieces: [], at: [], length: 0 };
        open[key] = b;
        batches.push(b);
      } else b.length += SEP.length;
      b.pieces.push(piece);
      b.at.push(b.length);
      b.length += len;
    };
    cables.forEach((cable, ci) => {
      const text = cable.text ?? '';
      // units: from each paragraph start / blank line to the next
      const cuts = new Set<number>([0, text.length]);
      for (const p of cable.paragraphs ?? []) if (p.start > 0 && p.start < text.length) cuts.add(p.start);
      for (const m of text.matchAll(/\n[ \t]*\n/g)) cuts.add(m.index + m[0].length);
      const points = [...cuts].sort((a, b) => a - b);
      let piece: { start: number; end: number; caps: boolean } | undefined;
      const flush = () => {
        if (piece && /\S/.test(text.slice(piece.start, piece.end)))
          add(piece.caps, { cable: ci, start: piece.start, end: piece.end });
        piece = undefined;
      };
      for (let k = 0; k + 1 < points.length; k++) {
        let a = points[k];
        const b = points[k + 1];
        if (!/\S/.test(text.slice(a, b))) {
          if (piece && b - piece.start <= this.batchChars) piece.end = b;
          continue;
        }
        const unitCaps = this.truecase === 'always' || (this.truecase === 'auto' && isCaps(text.slice(a, b)));
        if (piece && (piece.caps !== unitCaps || b - piece.start > this.batchChars)) flush();
        while (b - a > this.batchChars) {
          // a paragraph longer than a request
          flush();
          const cut = cutPoint(text, a, a + this.batchChars);
          add(unitCaps, { cable: ci, start: a, end: cut });
          a = cut;
        }
        if (!piece) piece = { start: a, end: b, caps: unitCaps };
        else piece.end = b;
      }
      flush();
    });
    // mixed-case batches first: the server keeps one pipeline at a time, switching costs a rebuild
    return [...batches.filter((b) => !b.caps), ...batches.filter((b) => b.caps)];
  }

  private async annotate(cables: Cable[], batch: Batch, signal: AbortSignal): Promise<CoreNlpDocument> {
    const body = batch.pieces.map((p) => cables[p.cable].text.slice(p.start, p.end)).join(SEP);
    const props = batch.caps ? this.capsProps : this.props;
    const url = `${this.url}/?properties=${encodeURIComponent(JSON.stringify(props))}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      });
    } catch (cause) {
      if (signal.aborted) throw cause;
      const err = cause as { name?: string; cause?: { code?: string; message?: string } };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        throw new CablegraphError(
          'EXTRACTOR_FAILED',
          `the CoreNLP server at ${this.url} did not answer within ${this.timeoutMs / 1000} s (a request of ${body.length} characters); raise timeoutMs or lower batchChars`,
          { cause },
        );
      }
      const why = err.cause?.code ?? err.cause?.message ?? String(cause);
      throw new CablegraphError(
        'EXTRACTOR_UNAVAILABLE',
        `the CoreNLP server at ${this.url} is not reachable (${why}); start it with: bash scripts/corenlp-fetch.sh && bash scripts/corenlp-start.sh (or set CORENLP_URL)`,
        { cause },
      );
    }
    const reply = await res.text();
    if (!res.ok) {
      const first = reply.split('\n').find((l) => l.trim()) ?? '';
      throw new CablegraphError(
        'EXTRACTOR_FAILED',
        `the CoreNLP server at ${this.url} answered HTTP ${res.status}: ${first.slice(0, 200)}`,
      );
    }
    try {
      return JSON.parse(reply) as CoreNlpDocument;
    } catch (cause) {
      throw new CablegraphError(
        'EXTRACTOR_FAILED',
        `the server at ${this.url} did not answer CoreNLP JSON (is it a CoreNLP server?): ${reply.slice(0, 120)}`,
        { cause },
      );
    }
  }

  /** Merges runs of tokens with the same kept NER class into mentions, in cable offsets. */
  private collect(cables: Cable[], batch: Batch, doc: CoreNlpDocument, out: Mention[][]): void {
    // batch offset -> (piece index) ; pieces are in increasing batch offset
    const pieceOf = (offset: number): number => {
      let lo = 0;
      let hi = batch.at.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (batch.at[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const emit = (tag: string, toks: Token[]) => {
      const type = TYPE_MAP[tag];
      const k = pieceOf(toks[0].characterOffsetBegin);
      const p = batch.pieces[k];
      const len = p.end - p.start;
      // drop leading titles (PERSON "President Bush" -> "Bush"), never the last token
      let first = 0;
      const text = cables[p.cable].text;
      while (
        type === 'PERSON' &&
        first < toks.length - 1 &&
        TITLES.has(tokenText(text, p, batch.at[k], toks[first]).toLowerCase())
      )
        first++;
      const b = toks[first].characterOffsetBegin - batch.at[k];
      const e = toks[toks.length - 1].characterOffsetEnd - batch.at[k];
      if (b < 0 || e > len || b >= e) return; // crosses a piece boundary
      const start = p.start + b;
      let end = p.start + e;
      const poss = /['’][sS]$/.exec(text.slice(start, end));
      if (poss && end - start > poss[0].length) end -= poss[0].length;
      const m: Mention = { type, text: text.slice(start, end), start, end };
      const paragraph = paragraphAt(cables[p.cable], start);
      if (paragraph !== undefined) m.paragraph = paragraph;
      out[p.cable].push(m);
    };
    for (const s of doc.sentences ?? []) {
      let run: Token[] = [];
      let tag = 'O';
      for (const t of s.tokens ?? []) {
        const ner = t.ner ?? 'O';
        // runs do not join a marking across a line end ("NOFORN\nSIPDIS")
        if (run.length > 0 && ner === tag && !this.markingLineBreak(cables, batch, run[run.length - 1], t, pieceOf)) {
          run.push(t);
          continue;
        }
        if (run.length > 0) emit(tag, run);
        run = TYPE_MAP[ner] ? [t] : [];
        tag = ner;
      }
      if (run.length > 0) emit(tag, run);
    }
  }

  private markingLineBreak(
    cables: Cable[],
    batch: Batch,
    a: Token,
    b: Token,
    pieceOf: (offset: number) => number,
  ): boolean {
    const k = pieceOf(a.characterOffsetEnd);
    const p = batch.pieces[k];
    const text = cables[p.cable].text;
    const at = (o: number) => p.start + o - batch.at[k];
    if (at(b.characterOffsetBegin) > p.end) return true;
    if (!text.slice(at(a.characterOffsetEnd), at(b.characterOffsetBegin)).includes('\n')) return false;
    const word = (t: Token) => text.slice(at(t.characterOffsetBegin), at(t.characterOffsetEnd));
    return MARKINGS.test(word(a)) || MARKINGS.test(word(b));
  }
}

function tokenText(text: string, p: Piece, at: number, t: Token): string {
  return text.slice(p.start + t.characterOffsetBegin - at, p.start + t.characterOffsetEnd - at);
}
