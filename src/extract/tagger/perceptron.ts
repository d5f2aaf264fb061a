/**
 * An averaged structured perceptron over hashed features: first-order Viterbi decoding of BIO tags
 * (I-X only after B-X or I-X), the previous tag's features scored per transition.
 */
import * as zlib from 'node:zlib';
import { DYNAMIC, HASH_BITS, TAG_COUNT, dynamicFeatures } from './features';

const SIZE = (1 << HASH_BITS) * TAG_COUNT;
/** Whether tag `to` may follow tag `from` (I-X continues B-X or I-X). */
export function allowed(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true;
  return from === to || from === to - 1;
}

/** What decoding needs of a cable: `perToken` static features per token, the word and shape hashes. */
export interface DecodeInput { features: Int32Array; wordHashes: Uint32Array; shapeHashes: Uint32Array }

/** Per token, the static features' score of every tag (`TAG_COUNT` per token). */
function staticScores(w: Float32Array, stat: Int32Array, perToken: number, from: number, to: number): Float64Array {
  const out = new Float64Array((to - from) * TAG_COUNT);
  for (let i = from; i < to; i++) {
    const o = i * perToken; const s = (i - from) * TAG_COUNT;
    for (let k = 0; k < perToken; k++) {
      const f = stat[o + k]! * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) out[s + t] += w[f + t]!;
    }
  }
  return out;
}

/**
 * Viterbi over tokens [from, to) given the tag before them: the best tags by static scores plus,
 * per transition, the scores of the features of the previous tag.
 */
function viterbi(w: Float32Array, input: DecodeInput, perToken: number, from: number, to: number, startTag: number): Uint8Array {
  const n = to - from;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const emit = staticScores(w, input.features, perToken, from, to);
  const back = new Uint8Array(n * TAG_COUNT);
  let prevScore = new Float64Array(TAG_COUNT).fill(-Infinity);
  prevScore[startTag] = 0;
  let cur = new Float64Array(TAG_COUNT);
  const dyn = new Int32Array(DYNAMIC);
  const trans = new Float64Array(TAG_COUNT);
  for (let i = 0; i < n; i++) {
    cur.fill(-Infinity);
    for (let p = 0; p < TAG_COUNT; p++) {
      const base = prevScore[p]!;
      if (base === -Infinity) continue;
      trans.fill(0);
      dynamicFeatures(p, input.wordHashes[from + i]!, input.shapeHashes[from + i]!, dyn);
      for (let k = 0; k < DYNAMIC; k++) { const f = dyn[k]! * TAG_COUNT; for (let t = 0; t < TAG_COUNT; t++) trans[t] += w[f + t]!; }
      for (let t = 0; t < TAG_COUNT; t++) {
        if (!allowed(p, t)) continue;
        const sc = base + trans[t]! + emit[i * TAG_COUNT + t]!;
        if (sc > cur[t]!) { cur[t] = sc; back[i * TAG_COUNT + t] = p; }
      }
    }
    const tmp = prevScore; prevScore = cur; cur = tmp;
  }
  let best = 0;
  for (let t = 1; t < TAG_COUNT; t++) if (prevScore[t]! > prevScore[best]!) best = t;
  for (let i = n - 1; i >= 0; i--) { tags[i] = best; best = back[i * TAG_COUNT + best]!; }
  return tags;
}

export class Perceptron {
  readonly weights: Float32Array;
  constructor(weights?: Float32Array) { this.weights = weights ?? new Float32Array(SIZE); }

  /** The best tags of one cable (`perToken` static features per token). */
  decode(input: DecodeInput, perToken: number): Uint8Array {
    return viterbi(this.weights, input, perToken, 0, input.wordHashes.length, 0);
  }

  /** Sparse, quantized, gzipped weights: [count][index…][int16 weights…] and the scale. */
  serialize(): Buffer {
    const w = this.weights;
    let max = 0;
    for (let q = 0; q < w.length; q++) max = Math.max(max, Math.abs(w[q]!));
    const scale = max > 0 ? 32767 / max : 1;
    const rows: number[] = [];
    for (let f = 0; f < w.length / TAG_COUNT; f++) {
      let keep = false;
      for (let t = 0; t < TAG_COUNT; t++) if (Math.round(w[f * TAG_COUNT + t]! * scale) !== 0) { keep = true; break; }
      if (keep) rows.push(f);
    }
    const header = Buffer.alloc(12);
    header.writeUInt32LE(rows.length, 0); header.writeFloatLE(scale, 4); header.writeUInt32LE(HASH_BITS, 8);
    const idx = Buffer.alloc(rows.length * 4);
    const vals = Buffer.alloc(rows.length * TAG_COUNT * 2);
    rows.forEach((f, r) => {
      idx.writeUInt32LE(f, r * 4);
      for (let t = 0; t < TAG_COUNT; t++) vals.writeInt16LE(Math.round(w[f * TAG_COUNT + t]! * scale), (r * TAG_COUNT + t) * 2);
    });
    return zlib.gzipSync(Buffer.concat([header, idx, vals]), { level: 9 });
  }

  static deserialize(gz: Buffer): Perceptron {
    const b = zlib.gunzipSync(gz);
    const rows = b.readUInt32LE(0); const scale = b.readFloatLE(4); const bits = b.readUInt32LE(8);
    if (bits !== HASH_BITS) throw new Error(`tagger weights were trained with ${bits} hash bits, this build uses ${HASH_BITS}`);
    const w = new Float32Array(SIZE);
    const idxAt = 12; const valAt = 12 + rows * 4;
    for (let r = 0; r < rows; r++) {
      const f = b.readUInt32LE(idxAt + r * 4);
      for (let t = 0; t < TAG_COUNT; t++) w[f * TAG_COUNT + t] = b.readInt16LE(valAt + (r * TAG_COUNT + t) * 2) / scale;
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
  train(input: DecodeInput & { tokens: ReadonlyArray<{ text: string; line: number }> }, perToken: number, gold: Uint8Array): number {
    const n = gold.length;
    let errors = 0;
    let from = 0;
    for (let i = 0; i < n; i++) {
      const end = i + 1 === n || (gold[i] === 0 && (input.tokens[i]!.text === '.' || input.tokens[i + 1]!.line !== input.tokens[i]!.line) && (gold[i + 1] === 0 || gold[i + 1]! % 2 === 1));
      if (!end) continue;
      errors += this.trainChunk(input, perToken, gold, from, i + 1);
      from = i + 1;
    }
    return errors;
  }

  private trainChunk(input: DecodeInput, perToken: number, gold: Uint8Array, from: number, to: number): number {
    const start = from > 0 ? gold[from - 1]! : 0;
    const pred = viterbi(this.w, input, perToken, from, to, start);
    let errors = 0;
    const dyn = new Int32Array(DYNAMIC);
    for (let i = from; i < to; i++) {
      const g = gold[i]!; const p = pred[i - from]!;
      const gPrev = i > from ? gold[i - 1]! : start; const pPrev = i > from ? pred[i - from - 1]! : start;
      if (g !== p) {
        errors++;
        const o = i * perToken;
        for (let k = 0; k < perToken; k++) { const f = input.features[o + k]! * TAG_COUNT; this.update(f + g, 1); this.update(f + p, -1); }
      }
      if (g !== p || gPrev !== pPrev) {
        dynamicFeatures(gPrev, input.wordHashes[i]!, input.shapeHashes[i]!, dyn);
        for (let k = 0; k < DYNAMIC; k++) this.update(dyn[k]! * TAG_COUNT + g, 1);
        dynamicFeatures(pPrev, input.wordHashes[i]!, input.shapeHashes[i]!, dyn);
        for (let k = 0; k < DYNAMIC; k++) this.update(dyn[k]! * TAG_COUNT + p, -1);
      }
    }
    this.step++;
    return errors;
  }

  private update(k: number, delta: number): void {
    this.sum[k] += (this.step - this.stamp[k]!) * this.w[k]!;
    this.stamp[k] = this.step;
    this.w[k] += delta;
  }
  /** The averaged weights. */
  averaged(): Perceptron {
    const out = new Float32Array(SIZE);
    for (let k = 0; k < SIZE; k++) out[k] = (this.sum[k]! + (this.step - this.stamp[k]!) * this.w[k]!) / this.step;
    return new Perceptron(out);
  }
}
