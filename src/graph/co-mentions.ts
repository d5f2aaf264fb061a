import type { Attributes } from 'graphology-types';
import { IntList } from '../common/int-list';
import { PairIndex } from './pair-index';

/**
 * CO_MENTIONED aggregation in typed arrays. Pairs, their counts and the capped evidence lists of
 * millions of co-mentions are kept as integers (entity and cable indexes) and become edge
 * attribute objects one at a time, when written — never all at once.
 *
 * Use: addWindow() for every cable's paragraph windows (which pairs exist), then count() for every
 * cable in cable order (exact counts, evidence), then edges() in edge order.
 */
export class CoMentions {
  /** The known pairs (entity indexes), numbered in order of discovery. */
  private readonly pairs = new PairIndex();
  /** Per pair: endpoints (entity indexes; `a` has the smaller id), cables, paragraphs, first/last dated cable. */
  private readonly a = new IntList();
  private readonly b = new IntList();
  private cables = new Int32Array(0);
  private paragraphs = new Int32Array(0);
  private first = new Int32Array(0);
  private last = new Int32Array(0);
  /** Evidence log in cable order: pair, cable, start of its shared paragraphs in `shared` (length first). */
  private readonly logPair = new IntList();
  private readonly logCable = new IntList();
  private readonly logShared = new IntList();
  private readonly shared = new IntList();
  /** Neighbour lists (CSR) of the known pairs: cheaper counting for cables naming many entities. */
  private neighbourStart = new Int32Array(0);
  private neighbours = new Int32Array(0);
  private readonly position: Int32Array;
  private order: Int32Array | undefined;

  /**
   * @param ids entity ids by index
   * @param rank each entity's position in id (string) order: edges are sorted by it
   */
  constructor(private readonly ids: readonly string[], private readonly rank: Int32Array, private readonly maxEvidence: number) {
    this.position = new Int32Array(ids.length).fill(-1);
  }

  get size(): number {
    return this.a.length;
  }

  /** The pairs of one paragraph window (entity indexes in order of first mention). */
  addWindow(window: readonly number[], maxPerWindow: number): void {
    for (let x = 0; x < window.length; x += 1) {
      for (let y = x + 1; y < window.length && y <= x + maxPerWindow; y += 1) {
        const before = this.pairs.length;
        this.pairs.add(window[x]!, window[y]!);
        if (this.pairs.length === before) continue;
        const [p, q] = this.rank[window[x]!]! < this.rank[window[y]!]! ? [window[x]!, window[y]!] : [window[y]!, window[x]!];
        this.a.push(p);
        this.b.push(q);
      }
    }
  }

  /** Ends discovery: allocates the counters and the neighbour lists. */
  private startCounting(): void {
    const n = this.a.length;
    this.cables = new Int32Array(n);
    this.paragraphs = new Int32Array(n);
    this.first = new Int32Array(n).fill(-1);
    this.last = new Int32Array(n).fill(-1);
    const degree = new Int32Array(this.ids.length + 1);
    for (let p = 0; p < n; p += 1) {
      degree[this.a.get(p) + 1]! += 1;
      degree[this.b.get(p) + 1]! += 1;
    }
    for (let i = 1; i < degree.length; i += 1) degree[i]! += degree[i - 1]!;
    this.neighbourStart = degree;
    this.neighbours = new Int32Array(2 * n);
    const fill = degree.slice(0, this.ids.length);
    for (let p = 0; p < n; p += 1) {
      this.neighbours[fill[this.a.get(p)]!++] = this.b.get(p);
      this.neighbours[fill[this.b.get(p)]!++] = this.a.get(p);
    }
  }

  /**
   * One cable's exact contribution to every known pair among its content entities (`entities`,
   * with each one's sorted paragraph list). Cables must come in cable order (the evidence order);
   * `date` is compared as a string (ISO dates), `dates[cable]` must give it back.
   */
  count(cable: number, entities: readonly number[], paragraphsOf: readonly (readonly number[])[], date: string | undefined, dates: readonly (string | undefined)[]): void {
    if (this.cables.length !== this.a.length) this.startCounting();
    const visit = (x: number, y: number): void => {
      const pair = this.pairs.get(entities[x]!, entities[y]!);
      if (pair < 0) return;
      // Both lists are sorted: intersect by merging.
      const pa = paragraphsOf[x]!;
      const pb = paragraphsOf[y]!;
      const keep = this.cables[pair]! < this.maxEvidence;
      const start = this.shared.length;
      if (keep) this.shared.push(0);
      let sharedCount = 0;
      for (let i = 0, j = 0; i < pa.length && j < pb.length; ) {
        if (pa[i]! < pb[j]!) i += 1;
        else if (pa[i]! > pb[j]!) j += 1;
        else {
          if (keep) this.shared.push(pa[i]!);
          sharedCount += 1;
          i += 1;
          j += 1;
        }
      }
      this.cables[pair]! += 1;
      this.paragraphs[pair]! += sharedCount;
      // Counts are exact; the evidence list is capped (the MENTIONS edges hold the rest).
      if (keep) {
        this.shared.set(start, sharedCount);
        this.logPair.push(pair);
        this.logCable.push(cable);
        this.logShared.push(start);
      }
      if (date) {
        if (this.first[pair]! < 0 || date < dates[this.first[pair]!]!) this.first[pair] = cable;
        if (this.last[pair]! < 0 || date > dates[this.last[pair]!]!) this.last[pair] = cable;
      }
    };
    // Whichever is cheaper: all pairs of the cable's entities, or their known neighbours.
    const n = entities.length;
    let neighbourCost = 0;
    for (const e of entities) neighbourCost += this.neighbourStart[e + 1]! - this.neighbourStart[e]!;
    if ((n * (n - 1)) / 2 <= neighbourCost) {
      for (let x = 0; x < n; x += 1) for (let y = x + 1; y < n; y += 1) visit(x, y);
      return;
    }
    entities.forEach((e, x) => this.position[e] = x);
    for (let x = 0; x < n; x += 1) {
      const e = entities[x]!;
      for (let k = this.neighbourStart[e]!; k < this.neighbourStart[e + 1]!; k += 1) {
        const y = this.position[this.neighbours[k]!]!;
        if (y > x) visit(x, y);
      }
    }
    for (const e of entities) this.position[e] = -1;
  }

  /** Pair indexes in edge order: by the endpoints' ids. */
  private edgeOrder(): Int32Array {
    if (!this.order) {
      const a = this.a.view();
      const b = this.b.view();
      const rank = this.rank;
      this.order = Int32Array.from({ length: a.length }, (_, i) => i).sort((x, y) => rank[a[x]!]! - rank[a[y]!]! || rank[b[x]!]! - rank[b[y]!]!);
    }
    return this.order;
  }

  /** Endpoints and weight of every pair, in edge order (for the metrics). */
  forEachWeight(callback: (a: number, b: number, weight: number) => void): void {
    if (this.cables.length !== this.a.length) this.startCounting();
    for (const p of this.edgeOrder()) callback(this.a.get(p), this.b.get(p), this.cables[p]! + this.paragraphs[p]!);
  }

  /**
   * The CO_MENTIONED edges' lines of the graph file, in edge order: the bytes `edgeLine` writes for
   * `edges()`, built as text directly — tens of millions of edges, without an attribute object,
   * an evidence array and a JSON.stringify each.
   */
  *edgeLines(cableIds: readonly string[], dates: readonly (string | undefined)[]): Generator<string> {
    const quotedCables = cableIds.map((id) => JSON.stringify(id));
    const quotedDates = dates.map((d) => (d === undefined ? '' : JSON.stringify(d)));
    const { start, byPair } = this.evidenceByPair();
    for (const p of this.edgeOrder()) {
      const source = this.ids[this.a.get(p)]!;
      const target = this.ids[this.b.get(p)]!;
      let cables = '';
      let evidence = '';
      for (let i = start[p]!; i < start[p + 1]!; i += 1) {
        const k = byPair[i]!;
        const at = this.logShared.get(k);
        let paragraphs = '';
        for (let j = 1; j <= this.shared.get(at); j += 1) paragraphs += j === 1 ? `${this.shared.get(at + j)}` : `,${this.shared.get(at + j)}`;
        const cable = quotedCables[this.logCable.get(k)]!;
        const comma = i === start[p] ? '' : ',';
        cables += comma + cable;
        evidence += `${comma}{"cable":${cable},"paragraphs":[${paragraphs}]}`;
      }
      const count = this.cables[p]!;
      const first = this.first[p]!;
      const truncated = count > start[p + 1]! - start[p]! ? ',"evidenceTruncated":true' : '';
      const span = first >= 0 ? `,"firstDate":${quotedDates[first]},"lastDate":${quotedDates[this.last[p]!]}` : '';
      const key = JSON.stringify(`CO_MENTIONED:${source}--${target}`);
      yield `{"edge":[${key},${JSON.stringify(source)},${JSON.stringify(target)},true,{"type":"CO_MENTIONED","weight":${count + this.paragraphs[p]!},"cableCount":${count},"paragraphCount":${this.paragraphs[p]!},"cables":[${cables}],"evidence":[${evidence}]${truncated}${span}}]}\n`;
    }
  }

  /** The evidence log grouped by pair (a stable counting sort keeps cable order within a pair). */
  private evidenceByPair(): { start: Int32Array; byPair: Int32Array } {
    if (this.cables.length !== this.a.length) this.startCounting();
    const pairs = this.a.length;
    const start = new Int32Array(pairs + 1);
    for (let k = 0; k < this.logPair.length; k += 1) start[this.logPair.get(k) + 1]! += 1;
    for (let p = 0; p < pairs; p += 1) start[p + 1]! += start[p]!;
    const byPair = new Int32Array(this.logPair.length);
    const fill = start.slice(0, pairs);
    for (let k = 0; k < this.logPair.length; k += 1) byPair[fill[this.logPair.get(k)]!++] = k;
    return { start, byPair };
  }

  /** The CO_MENTIONED edges in edge order, attributes as in the graph; `cableIds[i]`, `dates[i]` of cable i. */
  *edges(cableIds: readonly string[], dates: readonly (string | undefined)[]): Generator<{ key: string; source: string; target: string; attributes: Attributes }> {
    const { start, byPair } = this.evidenceByPair();
    for (const p of this.edgeOrder()) {
      const source = this.ids[this.a.get(p)]!;
      const target = this.ids[this.b.get(p)]!;
      const evidence: Array<{ cable: string; paragraphs: number[] }> = [];
      for (let i = start[p]!; i < start[p + 1]!; i += 1) {
        const k = byPair[i]!;
        const at = this.logShared.get(k);
        const paragraphs: number[] = [];
        for (let j = 1; j <= this.shared.get(at); j += 1) paragraphs.push(this.shared.get(at + j));
        evidence.push({ cable: cableIds[this.logCable.get(k)]!, paragraphs });
      }
      const cables = this.cables[p]!;
      const first = this.first[p]!;
      yield {
        key: `CO_MENTIONED:${source}--${target}`,
        source,
        target,
        attributes: {
          type: 'CO_MENTIONED',
          weight: cables + this.paragraphs[p]!,
          cableCount: cables,
          paragraphCount: this.paragraphs[p]!,
          cables: evidence.map((e) => e.cable),
          evidence,
          ...(cables > evidence.length ? { evidenceTruncated: true } : {}),
          ...(first >= 0 ? { firstDate: dates[first], lastDate: dates[this.last[p]!] } : {}),
        },
      };
    }
  }
}
