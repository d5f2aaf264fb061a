// Co-mention pairs of entities: exact cable and paragraph counts, dates and evidence, in typed arrays.
import type { EdgeAttrs } from '../model';
import { IntList } from '../common/int-list';
import { EvidenceLog } from './evidence-log';
import { PairIndex } from './pair-index';
import { COLLECT_FROM_PAIRS, releaseArrayBuffers } from '../common/collect';

/** Makes the evidence log once the number of pairs is known (default: in memory, one bucket). */
export type EvidenceLogFactory = (pairs: number) => EvidenceLog;

/**
 * Given the entity ids by index once counting starts, which pairs (entity indexes, either order)
 * keep their evidence; undefined: all. For a writer that reads few pairs' evidence of many.
 */
export type EvidenceFilterFactory = (ids: readonly string[]) => ((a: number, b: number) => boolean) | undefined;

/** A co-mention pair as integers (see CoMentions.pairRows). */
export interface CoMentionRow {
  a: number;
  b: number;
  cableCount: number;
  paragraphCount: number;
  first: number;
  last: number;
  evidence: Array<{ cable: number; paragraphs: Int32Array }>;
}

/** One pair's evidence entries as edgeLines/edges read them: `starts[from..to)` index `data`. */
interface PairEvidence {
  pair: number;
  data: Int32Array;
  starts: Int32Array;
  from: number;
  to: number;
}

/**
 * CO_MENTIONED aggregation in typed arrays. Pairs, their counts and the capped evidence lists of
 * millions of co-mentions are kept as integers (entity and cable indexes) and become edge
 * attribute objects one at a time, when written — never all at once.
 *
 * Use: addWindow() for every cable's paragraph windows (which pairs exist), then count() for every
 * cable in cable order (exact counts, evidence), then edges() in edge order.
 */
export class CoMentions {
  /**
   * The known pairs (entity indexes), numbered in order of discovery: its arrays become `a` and
   * `b` when counting starts, and its table goes.
   */
  private pairs: PairIndex | undefined = new PairIndex();
  /** Set by startCounting: the pairs are known and in edge order. */
  private started = false;
  /** Set by endCounting: count() is over, what only it needed is let go. */
  private counted = false;
  /**
   * Per pair, from the start of counting, in edge order: endpoints (entity indexes; `a` has the
   * smaller id), cables, paragraphs, first/last dated cable.
   */
  private a = new IntList();
  private b = new IntList();
  private cables: Int32Array = new Int32Array(0);
  private paragraphs: Int32Array = new Int32Array(0);
  private first = new Int32Array(0);
  private last = new Int32Array(0);
  /**
   * Evidence in cable order, bucketed by edge position: per entry, the pair's position in edge
   * order, the cable, the number of shared paragraphs, then those paragraphs.
   */
  private evidence: EvidenceLog | undefined;
  /** Pairs per bucket of the evidence log (consecutive edge positions). */
  private bucketSpan = 1;
  /** By edge position, from the start of counting: 1 when the pair's evidence is logged (undefined: every pair's). */
  private keep: Uint8Array | undefined;
  /**
   * While counting, the pairs whose `a` has rank r are the edge positions outEdges[r] …
   * outEdges[r+1]-1, their `b`s in rank order: the pairs' index, without a hash table of its own.
   */
  private outEdges = new Int32Array(0);
  /** Shared paragraphs of the pair being visited (reused). */
  private readonly scratch: number[] = [];
  /** Each content entity's place in the cable being counted (-1: not in it). */
  private readonly position: Int32Array;
  /** Each cable's date as its rank among the dates (-1: none), for the `dates` count() was given: integers compared, not strings. */
  private dateRank = new Int32Array(0);
  private rankedDates: readonly (string | undefined)[] | undefined;

  /**
   * @param ids entity ids by index
   * @param rank each entity's position in id (string) order, a permutation of 0 … ids.length-1:
   *   edges are sorted by it, and each entity's pairs are found by it
   */
  constructor(
    private readonly ids: readonly string[],
    private readonly rank: Int32Array,
    private readonly maxEvidence: number,
    private readonly evidenceLog: EvidenceLogFactory = () => new EvidenceLog(1),
    private readonly evidenceFilter?: EvidenceFilterFactory,
  ) {
    this.position = new Int32Array(ids.length).fill(-1);
    // (a rank twice would leave one of its entities' pairs unfound, silently)
    const seen = new Uint8Array(ids.length);
    for (let e = 0; e < ids.length; e += 1) {
      const r = rank[e];
      if (!(r >= 0 && r < ids.length) || seen[r])
        throw new RangeError('CoMentions: the ranks must be a permutation of the entities');
      seen[r] = 1;
    }
  }

  get size(): number {
    return this.pairs ? this.pairs.length : this.a.length;
  }

  /** The pairs of one paragraph window (entity indexes in order of first mention, each once). */
  addWindow(window: readonly number[], maxPerWindow: number): void {
    for (let x = 0; x < window.length; x += 1) {
      for (let y = x + 1; y < window.length && y <= x + maxPerWindow; y += 1) {
        this.pairs!.add(window[x], window[y]);
      }
    }
  }

  /**
   * Ends discovery. The pair index goes first (~0.5 GB at full-corpus scale, 28 M pairs): the
   * pairs are renumbered in edge order, where each entity's pairs as `a` are one run sorted by
   * `b`'s rank, and that run is the index count() searches. The counters then take the buffers
   * the renumbering used, so that no array is made while one let go waits for the collector.
   */
  private startCounting(): void {
    // The index's endpoint arrays are the pairs' (`a` the end with the smaller rank); its table goes.
    const { low, high } = this.pairs!.release();
    this.pairs = undefined;
    this.started = true;
    const n = low.length;
    for (let p = 0; p < n; p += 1) {
      if (this.rank[low[p]] < this.rank[high[p]]) continue;
      const end = low[p];
      low[p] = high[p];
      high[p] = end;
    }
    this.a = IntList.over(low);
    this.b = IntList.over(high);
    if (n >= COLLECT_FROM_PAIRS) releaseArrayBuffers();
    const scratch = new Int32Array(n);
    const order = pairOrder(this.a.view(), this.b.view(), this.rank, scratch);
    for (const ends of [this.a.view(), this.b.view()]) {
      for (let k = 0; k < n; k += 1) scratch[k] = ends[order[k]];
      ends.set(scratch);
    }
    this.cables = order.fill(0);
    this.paragraphs = scratch.fill(0);
    this.first = new Int32Array(n).fill(-1);
    this.last = new Int32Array(n).fill(-1);
    const starts = new Int32Array(this.ids.length + 1);
    for (let p = 0; p < n; p += 1) starts[this.rank[this.a.get(p)] + 1] += 1;
    for (let r = 0; r < this.ids.length; r += 1) starts[r + 1] += starts[r];
    this.outEdges = starts;
    const wanted = this.evidenceFilter?.(this.ids);
    if (wanted) {
      this.keep = new Uint8Array(n);
      for (let p = 0; p < n; p += 1) if (wanted(this.a.get(p), this.b.get(p))) this.keep[p] = 1;
    }
    this.evidence = this.evidenceLog(n);
    this.bucketSpan = Math.max(1, Math.ceil(n / this.evidence.buckets));
  }

  /** The edge position of the pair whose `a` is p and whose `b` is q, or -1. */
  private pairOf(p: number, q: number): number {
    const rank = this.rank;
    const wanted = rank[q];
    let low = this.outEdges[rank[p]];
    let high = this.outEdges[rank[p] + 1];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (rank[this.b.get(middle)] < wanted) low = middle + 1;
      else high = middle;
    }
    return low < this.outEdges[rank[p] + 1] && this.b.get(low) === q ? low : -1;
  }

  /**
   * One cable's exact contribution to every known pair among its content entities (`entities`,
   * each once, with each one's sorted paragraph list). Cables must come in cable order (the evidence order);
   * `date` is compared as a string (ISO dates), `dates[cable]` must give it back; `dates` must stay the same
   * between calls (they are ranked once, and integers compared).
   */
  count(
    cable: number,
    entities: readonly number[],
    paragraphsOf: readonly (readonly number[])[],
    date: string | undefined,
    dates: readonly (string | undefined)[],
  ): void {
    if (this.counted) throw new Error('CoMentions: count() after endCounting()');
    if (!this.started) this.startCounting();
    const rank = this.datesRanked(dates);
    const own = date ? rank[cable] : -1;
    const visit = (x: number, y: number, pair: number): void => {
      // Both lists are sorted: intersect by merging.
      const pa = paragraphsOf[x];
      const pb = paragraphsOf[y];
      const shared = this.scratch;
      shared.length = 0;
      for (let i = 0, j = 0; i < pa.length && j < pb.length;) {
        if (pa[i] < pb[j]) i += 1;
        else if (pa[i] > pb[j]) j += 1;
        else {
          shared.push(pa[i]);
          i += 1;
          j += 1;
        }
      }
      // Counts are exact; the evidence list is capped (the MENTIONS edges hold the rest), and kept only for the pairs wanted.
      if (this.cables[pair] < this.maxEvidence && (this.keep === undefined || this.keep[pair] === 1)) {
        const bucket = Math.floor(pair / this.bucketSpan);
        const log = this.evidence!;
        log.push(bucket, pair);
        log.push(bucket, cable);
        log.push(bucket, shared.length);
        for (const paragraph of shared) log.push(bucket, paragraph);
      }
      this.cables[pair] += 1;
      this.paragraphs[pair] += shared.length;
      if (own >= 0) {
        if (this.first[pair] < 0 || own < rank[this.first[pair]]) this.first[pair] = cable;
        if (this.last[pair] < 0 || own > rank[this.last[pair]]) this.last[pair] = cable;
      }
    };
    // Each pair is found once, from its `a`: by reading that entity's pairs when they are few,
    // by searching them for each of the cable's other entities when they are many (a hub's).
    const n = entities.length;
    entities.forEach((e, x) => (this.position[e] = x));
    const searches = Math.max(1, n - 1) * 24;
    for (let x = 0; x < n; x += 1) {
      const e = entities[x];
      const from = this.outEdges[this.rank[e]];
      const to = this.outEdges[this.rank[e] + 1];
      if (to - from <= searches) {
        for (let k = from; k < to; k += 1) {
          const y = this.position[this.b.get(k)];
          if (y >= 0) visit(x, y, k);
        }
        continue;
      }
      for (let y = 0; y < n; y += 1) {
        if (this.rank[entities[y]] <= this.rank[e]) continue;
        const pair = this.pairOf(e, entities[y]);
        if (pair >= 0) visit(x, y, pair);
      }
    }
    for (const e of entities) this.position[e] = -1;
  }

  /** Ranks of the cables' dates (the same order as comparing the strings; -1: none), made once per `dates` array. */
  private datesRanked(dates: readonly (string | undefined)[]): Int32Array {
    if (this.rankedDates === dates && this.dateRank.length === dates.length) return this.dateRank;
    const distinct = [...new Set(dates.filter((d): d is string => !!d))].sort();
    const rankOf = new Map(distinct.map((d, r) => [d, r]));
    this.dateRank = Int32Array.from(dates, (d) => (d ? rankOf.get(d)! : -1));
    this.rankedDates = dates;
    return this.dateRank;
  }

  /** Ends the counting pass: what only count() used (the pairs' index, the dates' ranks) is let go. */
  endCounting(): void {
    if (!this.started) this.startCounting();
    if (this.counted) return;
    this.outEdges = new Int32Array(0);
    this.keep = undefined;
    this.dateRank = new Int32Array(0);
    this.rankedDates = undefined;
    this.counted = true;
  }

  /** Endpoints and weight of every pair, in edge order (for the metrics). */
  forEachWeight(callback: (a: number, b: number, weight: number) => void): void {
    this.endCounting();
    for (let p = 0; p < this.a.length; p += 1)
      callback(this.a.get(p), this.b.get(p), this.cables[p] + this.paragraphs[p]);
  }

  /**
   * The CO_MENTIONED edges' lines of the graph file, in edge order: the bytes `edgeLine` writes for
   * `edges()`, built as text directly — tens of millions of edges, without an attribute object,
   * an evidence array and a JSON.stringify each.
   */
  *edgeLines(cableIds: readonly string[], dates: readonly (string | undefined)[]): Generator<string> {
    const quotedCables = cableIds.map((id) => JSON.stringify(id));
    const quotedDates = dates.map((d) => (d === undefined ? '' : JSON.stringify(d)));
    for (const { pair: p, data, starts, from, to } of this.evidenceInEdgeOrder()) {
      const source = this.ids[this.a.get(p)];
      const target = this.ids[this.b.get(p)];
      let cables = '';
      let evidence = '';
      for (let i = from; i < to; i += 1) {
        const at = starts[i];
        const cable = quotedCables[data[at + 1]];
        const shared = data[at + 2];
        let paragraphs = '';
        for (let j = 0; j < shared; j += 1) paragraphs += j === 0 ? `${data[at + 3 + j]}` : `,${data[at + 3 + j]}`;
        const comma = i === from ? '' : ',';
        cables += comma + cable;
        evidence += `${comma}{"cable":${cable},"paragraphs":[${paragraphs}]}`;
      }
      const count = this.cables[p];
      const first = this.first[p];
      const truncated = count > to - from ? ',"evidenceTruncated":true' : '';
      const span = first >= 0 ? `,"firstDate":${quotedDates[first]},"lastDate":${quotedDates[this.last[p]]}` : '';
      const key = JSON.stringify(`CO_MENTIONED:${source}--${target}`);
      yield `{"edge":[${key},${JSON.stringify(source)},${JSON.stringify(target)},true,{"type":"CO_MENTIONED","weight":${count + this.paragraphs[p]},"cableCount":${count},"paragraphCount":${this.paragraphs[p]},"cables":[${cables}],"evidence":[${evidence}]${truncated}${span}}]}\n`;
    }
  }

  /**
   * Every pair in edge order with its evidence entries (in cable order), read one bucket of the
   * log at a time and grouped by a stable counting sort on the edge position. The yielded object
   * is reused: use it before the next step.
   */
  private *evidenceInEdgeOrder(): Generator<PairEvidence> {
    this.endCounting();
    const pairs = this.a.length;
    const log = this.evidence!;
    const span = this.bucketSpan;
    for (let bucket = 0; bucket * span < pairs; bucket += 1) {
      const base = bucket * span;
      const width = Math.min(span, pairs - base);
      const data = log.read(bucket);
      // Entries per position, then each entry's start grouped by position (cable order kept).
      const first = new Int32Array(width + 1);
      let entries = 0;
      for (let at = 0; at < data.length; at += 3 + data[at + 2]) {
        first[data[at] - base + 1] += 1;
        entries += 1;
      }
      for (let k = 0; k < width; k += 1) first[k + 1] += first[k];
      const starts = new Int32Array(entries);
      const fill = first.slice(0, width);
      for (let at = 0; at < data.length; at += 3 + data[at + 2]) starts[fill[data[at] - base]++] = at;
      const step: PairEvidence = { pair: 0, data, starts, from: 0, to: 0 };
      for (let k = 0; k < width; k += 1) {
        step.pair = base + k;
        step.from = first[k]!;
        step.to = first[k + 1]!;
        yield step;
      }
    }
  }

  /**
   * Every pair in edge order as integers, for writers of rows: endpoints (entity indexes, `a`
   * with the smaller id), counts, the first and last dated cable (cable indexes, -1 when none)
   * and the evidence entries (cable index, shared paragraphs) in cable order — none for a pair the
   * evidence filter turned down. The yielded object and its arrays are reused: use them before the next step.
   */
  *pairRows(): Generator<CoMentionRow> {
    const row: CoMentionRow = { a: 0, b: 0, cableCount: 0, paragraphCount: 0, first: -1, last: -1, evidence: [] };
    for (const { pair: p, data, starts, from, to } of this.evidenceInEdgeOrder()) {
      row.a = this.a.get(p);
      row.b = this.b.get(p);
      row.cableCount = this.cables[p]!;
      row.paragraphCount = this.paragraphs[p]!;
      row.first = this.first[p]!;
      row.last = this.last[p]!;
      row.evidence.length = 0;
      for (let i = from; i < to; i += 1) {
        const at = starts[i];
        row.evidence.push({ cable: data[at + 1], paragraphs: data.subarray(at + 3, at + 3 + data[at + 2]) });
      }
      yield row;
    }
  }

  /** The CO_MENTIONED edges in edge order, attributes as in the graph; `cableIds[i]`, `dates[i]` of cable i. */
  *edges(
    cableIds: readonly string[],
    dates: readonly (string | undefined)[],
  ): Generator<{ key: string; source: string; target: string; attributes: EdgeAttrs }> {
    for (const { pair: p, data, starts, from, to } of this.evidenceInEdgeOrder()) {
      const source = this.ids[this.a.get(p)];
      const target = this.ids[this.b.get(p)];
      const evidence: Array<{ cable: string; paragraphs: number[] }> = [];
      for (let i = from; i < to; i += 1) {
        const at = starts[i];
        evidence.push({
          cable: cableIds[data[at + 1]],
          paragraphs: Array.from(data.subarray(at + 3, at + 3 + data[at + 2])),
        });
      }
      const cables = this.cables[p];
      const first = this.first[p];
      yield {
        key: `CO_MENTIONED:${source}--${target}`,
        source,
        target,
        attributes: {
          type: 'CO_MENTIONED',
          weight: cables + this.paragraphs[p],
          cableCount: cables,
          paragraphCount: this.paragraphs[p],
          cables: evidence.map((e) => e.cable),
          evidence,
          ...(cables > evidence.length ? { evidenceTruncated: true } : {}),
          ...(first >= 0 ? { firstDate: dates[first], lastDate: dates[this.last[p]] } : {}),
        },
      };
    }
  }
}

/**
 * Indexes of the pairs (a[i], b[i]) sorted by rank[a[i]], then rank[b[i]] (ranks are 0 … rank.length-1):
 * two stable counting sorts, by b's rank then by a's. Linear, and only typed arrays: a comparator
 * sort of a full corpus's 28 M pairs copied them into two arrays of the JS heap (~0.45 GB) and
 * called back ~700 M times. `scratch` (optional, a.length long) holds the first pass.
 */
export function pairOrder(a: Int32Array, b: Int32Array, rank: Int32Array, scratch?: Int32Array): Int32Array {
  const n = a.length;
  const byB = scratch && scratch.length >= n ? scratch : new Int32Array(n);
  const counts = new Int32Array(rank.length + 1);
  rankStarts(b, rank, counts);
  for (let i = 0; i < n; i += 1) byB[counts[rank[b[i]]]++] = i;
  rankStarts(a, rank, counts);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k += 1) {
    const i = byB[k];
    order[counts[rank[a[i]]]++] = i;
  }
  return order;
}

/**
 * counts[r]: where the pairs whose end (`ends`) has rank r start in the order. A rank outside 0 … rank.length-1 (or an
 * end past rank's) is refused: typed arrays drop writes out of bounds, so its pairs would silently leave other
 * pairs' indexes twice in the order.
 */
function rankStarts(ends: Int32Array, rank: Int32Array, counts: Int32Array): void {
  const n = ends.length;
  counts.fill(0);
  for (let i = 0; i < n; i += 1) counts[rank[ends[i]] + 1] += 1;
  // (a rank of -1 counts at 0; any other outside the range is dropped, so the total falls short)
  const below = counts[0];
  for (let r = 0; r < rank.length; r += 1) counts[r + 1] += counts[r];
  if (below !== 0 || counts[rank.length] !== n)
    throw new RangeError('pairOrder: every pair end needs a rank in 0 … rank.length-1');
}
