// An averaged structured perceptron over hashed features, decoded by first-order Viterbi over BIO tags.
/**
 * An averaged structured perceptron over hashed features: first-order Viterbi decoding of BIO tags
 * (I-X only after B-X or I-X), the previous tag's features scored per transition.
 */
import * as zlib from 'node:zlib';
import {
  ALL_STATIC,
  DYNAMIC,
  HASH_BITS,
  LEXICAL,
  SCORE,
  STATIC,
  TAG_COUNT,
  TAGS,
  dynamicFeatures,
  featuresOf,
  typeAt,
  type StaticFeatures,
  type TokenType,
} from './features';

const SIZE = (1 << HASH_BITS) * TAG_COUNT;
/** Whether tag `to` may follow tag `from` (I-X continues B-X or I-X). */
export function allowed(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true;
  return from === to || from === to - 1;
}

/** What decoding needs of a cable: its tokens' types, rule labels and context features. */
export type DecodeInput = StaticFeatures;

/** Per token, the static features' score of every tag (`TAG_COUNT` per token; training's float weights). */
function staticScores(w: Float32Array, input: DecodeInput, from: number, to: number): Float64Array {
  const out = new Float64Array((to - from) * TAG_COUNT);
  const ids = new Int32Array(ALL_STATIC);
  for (let i = from; i < to; i++) {
    const s = (i - from) * TAG_COUNT;
    if (input.outside[i] === 1) {
      for (let t = 1; t < TAG_COUNT; t++) out[s + t] = -Infinity;
      continue;
    }
    featuresOf(input, i, ids);
    for (let k = 0; k < ALL_STATIC; k++) {
      const f = ids[k] * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) out[s + t] += w[f + t];
    }
  }
  return out;
}

/** Per token and previous tag, the transition features' score of every tag (`TAG_COUNT`² per token). */
type Transitions = (i: number, out: Float64Array) => void;

/**
 * Viterbi over `n` tokens given the tag before them: the best tags by the emission scores
 * (`TAG_COUNT` per token) plus the transition scores (`TAG_COUNT`² per token: previous tag, tag).
 */
function viterbi(n: number, emit: Float64Array, transitions: Transitions, startTag: number): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const back = new Uint8Array(n * TAG_COUNT);
  let prevScore = new Float64Array(TAG_COUNT).fill(-Infinity);
  prevScore[startTag] = 0;
  let cur = new Float64Array(TAG_COUNT);
  const trans = new Float64Array(TAG_COUNT * TAG_COUNT);
  for (let i = 0; i < n; i++) {
    cur.fill(-Infinity);
    transitions(i, trans);
    for (let p = 0; p < TAG_COUNT; p++) {
      const base = prevScore[p];
      if (base === -Infinity) continue;
      for (let t = 0; t < TAG_COUNT; t++) {
        if (!ALLOWED[p * TAG_COUNT + t]) continue;
        const sc = base + trans[p * TAG_COUNT + t] + emit[i * TAG_COUNT + t];
        if (sc > cur[t]) {
          cur[t] = sc;
          back[i * TAG_COUNT + t] = p;
        }
      }
    }
    const tmp = prevScore;
    prevScore = cur;
    cur = tmp;
  }
  let best = 0;
  for (let t = 1; t < TAG_COUNT; t++) if (prevScore[t] > prevScore[best]) best = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = best;
    best = back[i * TAG_COUNT + best]!;
  }
  return tags;
}
const ALLOWED = new Uint8Array(TAG_COUNT * TAG_COUNT).map((_x, k) =>
  allowed(Math.floor(k / TAG_COUNT), k % TAG_COUNT) ? 1 : 0,
);

/**
 * Per-cable arrays of decoding kept across cables and grown as needed: a cable's emission scores
 * and back pointers take 63 bytes per token, allocated and zeroed anew for every cable otherwise
 * (their memory is outside the heap, and its growth is what starts many of the collections).
 */
const scratch = {
  emitBuf: new Float64Array(0),
  backBuf: new Uint8Array(0),
  /** `size` emission scores, zeroed (a token outside any entity keeps 0). */
  emit(size: number): Float64Array {
    if (this.emitBuf.length < size) this.emitBuf = new Float64Array(Math.max(size, 2 * this.emitBuf.length));
    else this.emitBuf.fill(0, 0, size);
    return this.emitBuf;
  },
  /** `size` back pointers, zeroed. */
  back(size: number): Uint8Array {
    if (this.backBuf.length < size) this.backBuf = new Uint8Array(Math.max(size, 2 * this.backBuf.length));
    else this.backBuf.fill(0, 0, size);
    return this.backBuf;
  },
};

/**
 * `viterbi` for decoding: transition scores read in place from each token type's cached scores,
 * and a token outside any entity for sure costs one column (O) instead of all of them.
 */
function viterbiCached(n: number, emit: Float64Array, types: readonly TokenType[], outside: Uint8Array): Uint8Array {
  const T = TAG_COUNT;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  // back pointers in a buffer kept across cables, zeroed (a skipped token's pointer is read as 0)
  const back = scratch.back(n * T);
  let prevScore = new Float64Array(T).fill(-Infinity);
  prevScore[0] = 0;
  let cur = new Float64Array(T);
  for (let i = 0; i < n; i++) {
    // after a token outside any entity only O is open: another such token changes nothing
    if (outside[i] && i > 0 && outside[i - 1]) continue;
    const ts = types[i].scores!;
    if (outside[i]) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const sc = prevScore[p] + ts[T + p * T];
        if (sc > best) {
          best = sc;
          arg = p;
        }
      }
      cur.fill(-Infinity);
      cur[0] = best + emit[i * T];
      back[i * T] = arg;
    } else {
      cur.fill(-Infinity);
      for (let p = 0; p < T; p++) {
        const base = prevScore[p];
        if (base === -Infinity) continue;
        const row = T + p * T;
        for (let t = 0; t < T; t++) {
          if (!ALLOWED[p * T + t]) continue;
          const sc = base + ts[row + t] + emit[i * T + t];
          if (sc > cur[t]) {
            cur[t] = sc;
            back[i * T + t] = p;
          }
        }
      }
    }
    const tmp = prevScore;
    prevScore = cur;
    cur = tmp;
  }
  let best = 0;
  for (let t = 1; t < T; t++) if (prevScore[t] > prevScore[best]) best = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = best;
    best = back[i * T + best]!;
  }
  return tags;
}

/** The transition scores of token `i` from its word and shape hashes (training: the weights change at every update). */
function transitionsOf(w: Float32Array, input: DecodeInput, from: number): Transitions {
  const dyn = new Int32Array(DYNAMIC);
  return (i, out) => {
    out.fill(0);
    for (let p = 0; p < TAG_COUNT; p++) {
      dynamicFeatures(p, input.wordHashes[from + i], input.shapeHashes[from + i], dyn);
      for (let k = 0; k < DYNAMIC; k++) {
        const f = dyn[k] * TAG_COUNT;
        for (let t = 0; t < TAG_COUNT; t++) out[p * TAG_COUNT + t] += w[f + t];
      }
    }
  };
}

/** The summed weights of a row list, per tag, into `out` at `at`. */
function addRows(w: Int16Array, ids: Int32Array, from: number, to: number, out: Float32Array, at: number): void {
  for (let k = from; k < to; k++) {
    const f = ids[k] * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) out[at + t] += w[f + t];
  }
}

/** A token type's scores under weights `w` (laid out as `SCORE` says), computed once per type and model. */
function typeScores(w: Int16Array, ty: TokenType): Float32Array {
  if (ty.scoresOf === w) return ty.scores!;
  const T = TAG_COUNT;
  const s = new Float32Array(SCORE.size);
  addRows(w, ty.lexical, 0, LEXICAL, s, SCORE.lexical);
  const dyn = new Int32Array(DYNAMIC);
  for (let p = 0; p < T; p++) {
    dynamicFeatures(p, ty.word, ty.shape, dyn);
    addRows(w, dyn, 0, DYNAMIC, s, SCORE.transitions + p * T);
  }
  addRows(w, ty.around, 0, 4, s, SCORE.asPrevious);
  addRows(w, ty.around, 4, 8, s, SCORE.asNext);
  addRows(w, ty.around, 8, 9, s, SCORE.asPrevious2);
  addRows(w, ty.around, 9, 10, s, SCORE.asNext2);
  for (let r = 0; r < T; r++) addRows(w, ty.byRule, 2 * r, 2 * r + 2, s, SCORE.byRule + r * T);
  ty.scores = s;
  ty.scoresOf = w;
  return s;
}

/** `typeScores`, the cached vector read in place when it is there (small enough to inline). */
function scoresFor(w: Int16Array, ty: TokenType): Float32Array {
  return ty.scoresOf === w ? ty.scores! : typeScores(w, ty);
}
const EMPTY: Float32Array = new Float32Array(SCORE.size);

/**
 * The emission bias of each B- tag, in the quantized weights' units (the largest weight is ±32767).
 * Why: trained as it is, the tagger starts too many entities (cross-validated precision 0.852,
 * recall 0.902 on 608 annotated cables); a cost on starting one trades some recall for precision.
 * One value for all types, chosen by 5-fold cross-validation on fixed fold weights: on 608 cables
 * 0 → typed F1 0.876, −2,000 → 0.879, −3,000 → 0.880, −4,500 → 0.877; on 643, 0 → 0.881, −1,000 →
 * 0.883 (ORGANIZATION 0.828 → 0.830), −3,000 → 0.882. −3,000 lost "Gates" in "Secretaries Rice and
 * Gates" (test/extract/relations/meetings.test.ts) with the weights trained on 620 cables; −1,000 keeps it.
 */
export const ENTITY_START_BIAS = -1000;

/** A per-tag bias with `start` on the B- tags. */
export function startBias(start: number): Float64Array {
  const bias = new Float64Array(TAG_COUNT);
  TAGS.forEach((tag, t) => {
    if (tag.startsWith('B-')) bias[t] = start;
  });
  return bias;
}

/**
 * A trained model: weights quantized to 16-bit integers (half the memory the decoder reads at
 * random, and what the weight file holds; only their ratios matter to the best tags).
 */
export class Perceptron {
  readonly weights: Int16Array;
  /**
   * Added to each tag's emission score when decoding (never in training): ENTITY_START_BIAS on the
   * B- tags, so an entity is started only on firmer evidence. Scripts may set other values.
   */
  readonly bias = startBias(ENTITY_START_BIAS);
  constructor(weights?: Int16Array) {
    this.weights = weights ?? new Int16Array(SIZE);
  }

  /**
   * The best tags of one cable. A token's emission score
   * is its type's cached lexical and rule-label scores, its neighbours' cached scores in their
   * roles, and its own context features: few weight rows read per token.
   */
  decode(input: DecodeInput): Uint8Array {
    const w = this.weights;
    const T = TAG_COUNT;
    const stat = input.features;
    const types = input.types;
    const rules = input.rules;
    const n = types.length;
    const emit = scratch.emit(n * T);
    const outside = input.outside;
    const bias = this.bias;
    // the score layout's offsets as locals (an imported constant is a property load at every use)
    const LEXICAL_AT = SCORE.lexical;
    const PREVIOUS_AT = SCORE.asPrevious;
    const NEXT_AT = SCORE.asNext;
    const PREVIOUS2_AT = SCORE.asPrevious2;
    const NEXT2_AT = SCORE.asNext2;
    const BY_RULE_AT = SCORE.byRule;
    const S = STATIC;
    // the cached scores of the five types around the last scored token (slid along a run of them)
    let at = -2;
    let prev2: Float32Array;
    let prev = EMPTY;
    let own = EMPTY;
    let next = EMPTY;
    let next2 = EMPTY;
    for (let i = 0; i < n; i++) {
      // a token outside any entity is only ever scored as O, with no emission score; viterbiCached
      // reads its type's transition scores unless the token before it is outside too
      if (outside[i]) {
        if (i > 0 && !outside[i - 1]) scoresFor(w, types[i]);
        else if (i === 0) scoresFor(w, types[0]);
        continue;
      }
      if (at === i - 1) {
        prev2 = prev;
        prev = own;
        own = next;
        next = next2;
        next2 = scoresFor(w, typeAt(types, i + 2));
      } else {
        prev2 = scoresFor(w, typeAt(types, i - 2));
        prev = scoresFor(w, typeAt(types, i - 1));
        own = scoresFor(w, types[i]);
        next = scoresFor(w, typeAt(types, i + 1));
        next2 = scoresFor(w, typeAt(types, i + 2));
      }
      at = i;
      const s = i * T;
      const byRule = BY_RULE_AT + rules[i] * T;
      const o = i * S;
      // per tag, summed in a local (one store instead of one per weight row), in the same order
      for (let t = 0; t < T; t++) {
        let e =
          own[LEXICAL_AT + t] +
          own[byRule + t] +
          prev[PREVIOUS_AT + t] +
          next[NEXT_AT + t] +
          prev2[PREVIOUS2_AT + t] +
          next2[NEXT2_AT + t];
        for (let k = 0; k < S; k++) e += w[stat[o + k] * T + t];
        emit[s + t] = e + bias[t];
      }
    }
    return viterbiCached(n, emit, types, outside);
  }

  /** The weights of float `w` scaled so the largest is ±32767, rounded. */
  static quantize(w: Float32Array): Perceptron {
    let max = 0;
    for (let q = 0; q < w.length; q++) max = Math.max(max, Math.abs(w[q]));
    const scale = max > 0 ? 32767 / max : 1;
    const out = new Int16Array(SIZE);
    for (let q = 0; q < w.length; q++) out[q] = Math.round(w[q] * scale);
    return new Perceptron(out);
  }

  /** Sparse, gzipped weights: [row count][hash bits][row index…][int16 weights…]. */
  serialize(): Buffer {
    const w = this.weights;
    const rows: number[] = [];
    for (let f = 0; f < w.length / TAG_COUNT; f++) {
      for (let t = 0; t < TAG_COUNT; t++)
        if (w[f * TAG_COUNT + t] !== 0) {
          rows.push(f);
          break;
        }
    }
    const header = Buffer.alloc(12);
    header.writeUInt32LE(rows.length, 0);
    header.writeFloatLE(1, 4);
    header.writeUInt32LE(HASH_BITS, 8);
    const idx = Buffer.alloc(rows.length * 4);
    const vals = Buffer.alloc(rows.length * TAG_COUNT * 2);
    rows.forEach((f, r) => {
      idx.writeUInt32LE(f, r * 4);
      for (let t = 0; t < TAG_COUNT; t++) vals.writeInt16LE(w[f * TAG_COUNT + t], (r * TAG_COUNT + t) * 2);
    });
    return zlib.gzipSync(Buffer.concat([header, idx, vals]), { level: 9 });
  }

  static deserialize(gz: Buffer): Perceptron {
    const b = zlib.gunzipSync(gz);
    const rows = b.readUInt32LE(0);
    const bits = b.readUInt32LE(8);
    if (bits !== HASH_BITS)
      throw new Error(`tagger weights were trained with ${bits} hash bits, this build uses ${HASH_BITS}`);
    if (b.length !== 12 + rows * (4 + TAG_COUNT * 2))
      throw new Error(`tagger weights: ${b.length} bytes where ${rows} rows take ${12 + rows * (4 + TAG_COUNT * 2)}`);
    const w = new Int16Array(SIZE);
    const idxAt = 12;
    const valAt = 12 + rows * 4;
    for (let r = 0; r < rows; r++) {
      const f = b.readUInt32LE(idxAt + r * 4);
      if (f >= SIZE / TAG_COUNT) throw new Error(`tagger weights: row ${f} out of range`);
      for (let t = 0; t < TAG_COUNT; t++) w[f * TAG_COUNT + t] = b.readInt16LE(valAt + (r * TAG_COUNT + t) * 2);
    }
    return new Perceptron(w);
  }
}

/** Training state of the averaged perceptron (weights, sums for averaging, last-update steps). */
export class PerceptronTrainer {
  private readonly w = new Float32Array(SIZE);
  private readonly sum = new Float64Array(SIZE);
  private readonly stamp = new Int32Array(SIZE);
  private step = 1;

  /**
   * One pass over one cable, a sentence at a time (a chunk ends after a "." or at a line break the
   * gold tags leave outside any entity): Viterbi with the current weights, then the gold path's
   * features up and the predicted path's down where they differ. Returns the tokens tagged wrong.
   */
  train(input: DecodeInput & { tokens: ReadonlyArray<{ text: string; line: number }> }, gold: Uint8Array): number {
    const n = gold.length;
    let errors = 0;
    let from = 0;
    for (let i = 0; i < n; i++) {
      const end =
        i + 1 === n ||
        (gold[i] === 0 &&
          (input.tokens[i].text === '.' || input.tokens[i + 1].line !== input.tokens[i].line) &&
          (gold[i + 1] === 0 || gold[i + 1] % 2 === 1));
      if (!end) continue;
      errors += this.trainChunk(input, gold, from, i + 1);
      from = i + 1;
    }
    return errors;
  }

  private trainChunk(input: DecodeInput, gold: Uint8Array, from: number, to: number): number {
    const start = from > 0 ? gold[from - 1] : 0;
    const pred = viterbi(to - from, staticScores(this.w, input, from, to), transitionsOf(this.w, input, from), start);
    let errors = 0;
    const dyn = new Int32Array(DYNAMIC);
    const ids = new Int32Array(ALL_STATIC);
    for (let i = from; i < to; i++) {
      const g = gold[i];
      const p = pred[i - from];
      const gPrev = i > from ? gold[i - 1] : start;
      const pPrev = i > from ? pred[i - from - 1] : start;
      if (g !== p) {
        errors++;
        if (input.outside[i] !== 1) featuresOf(input, i, ids);
        if (input.outside[i] !== 1)
          for (let k = 0; k < ALL_STATIC; k++) {
            const f = ids[k] * TAG_COUNT;
            this.update(f + g, 1);
            this.update(f + p, -1);
          }
      }
      if (g !== p || gPrev !== pPrev) {
        dynamicFeatures(gPrev, input.wordHashes[i], input.shapeHashes[i], dyn);
        for (let k = 0; k < DYNAMIC; k++) this.update(dyn[k] * TAG_COUNT + g, 1);
        dynamicFeatures(pPrev, input.wordHashes[i], input.shapeHashes[i], dyn);
        for (let k = 0; k < DYNAMIC; k++) this.update(dyn[k] * TAG_COUNT + p, -1);
      }
    }
    this.step++;
    return errors;
  }

  private update(k: number, delta: number): void {
    this.sum[k] += (this.step - this.stamp[k]) * this.w[k];
    this.stamp[k] = this.step;
    this.w[k] += delta;
  }
  /** The averaged weights, quantized as the weight file keeps them. */
  averaged(): Perceptron {
    const out = new Float32Array(SIZE);
    for (let k = 0; k < SIZE; k++) out[k] = (this.sum[k] + (this.step - this.stamp[k]) * this.w[k]) / this.step;
    return Perceptron.quantize(out);
  }
}
