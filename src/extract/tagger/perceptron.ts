// An averaged perceptron over hashed features with greedy left-to-right BIO decoding.
/** An averaged perceptron over hashed features with greedy left-to-right decoding (BIO tags, I-X only after X). */
import * as zlib from 'node:zlib';
import { DYNAMIC, HASH_BITS, TAG_COUNT, dynamicFeatures } from './features';

const SIZE = (1 << HASH_BITS) * TAG_COUNT;
/** Whether tag `to` may follow tag `from` (I-X continues B-X or I-X). */
export function allowed(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true;
  return from === to || from === to - 1;
}

export class Perceptron {
  readonly weights: Float32Array;
  constructor(weights?: Float32Array) { this.weights = weights ?? new Float32Array(SIZE); }

  /** Greedy decoding of one cable: static features `STATIC` per token in `stat`. */
  decode(input: { features: Int32Array; wordHashes: Uint32Array; shapeHashes: Uint32Array }, perToken: number): Uint8Array {
    const stat = input.features;
    const n = input.wordHashes.length;
    const tags = new Uint8Array(n);
    const dyn = new Int32Array(DYNAMIC);
    const scores = new Float64Array(TAG_COUNT);
    const w = this.weights;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      scores.fill(0);
      const o = i * perToken;
      for (let k = 0; k < perToken; k++) { const f = stat[o + k]! * TAG_COUNT; for (let t = 0; t < TAG_COUNT; t++) scores[t] += w[f + t]!; }
      dynamicFeatures(prev, input.wordHashes[i]!, input.shapeHashes[i]!, dyn);
      for (let k = 0; k < DYNAMIC; k++) { const f = dyn[k]! * TAG_COUNT; for (let t = 0; t < TAG_COUNT; t++) scores[t] += w[f + t]!; }
      let best = 0; let bestScore = -Infinity;
      for (let t = 0; t < TAG_COUNT; t++) if (allowed(prev, t) && scores[t]! > bestScore) { bestScore = scores[t]!; best = t; }
      tags[i] = best; prev = best;
    }
    return tags;
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
  private readonly model = new Perceptron(this.w);

  /** One pass over one cable: decode with the current weights, update where a tag is wrong. Returns the errors. */
  train(input: { features: Int32Array; wordHashes: Uint32Array; shapeHashes: Uint32Array }, perToken: number, gold: Uint8Array): number {
    const stat = input.features;
    const n = gold.length;
    const dyn = new Int32Array(DYNAMIC);
    const scores = new Float64Array(TAG_COUNT);
    let prev = 0; let errors = 0;
    for (let i = 0; i < n; i++) {
      scores.fill(0);
      const o = i * perToken;
      dynamicFeatures(prev, input.wordHashes[i]!, input.shapeHashes[i]!, dyn);
      const feats = [...stat.subarray(o, o + perToken), ...dyn];
      for (const f of feats) for (let t = 0; t < TAG_COUNT; t++) scores[t] += this.w[f * TAG_COUNT + t]!;
      let best = 0; let bestScore = -Infinity;
      for (let t = 0; t < TAG_COUNT; t++) if (allowed(prev, t) && scores[t]! > bestScore) { bestScore = scores[t]!; best = t; }
      const g = gold[i]!;
      if (best !== g) {
        errors++;
        for (const f of feats) { this.update(f * TAG_COUNT + g, 1); this.update(f * TAG_COUNT + best, -1); }
      }
      this.step++;
      // teacher forcing: the next token sees the gold previous tag
      prev = g;
    }
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
  get current(): Perceptron { return this.model; }
}
