// A multinomial logistic model over named features. Weights ship as data
// (models/classifier.json) and load without training; prediction is a few table look-ups per reply.
import type { Label } from '../model.js';
import { idOfName } from './features.js';
import { mix } from './int-table.js';

export interface WeightsFile {
  /** Bumped when the feature set changes in a way old weights cannot read. */
  version: number;
  labels: readonly Label[];
  bias: number[];
  /** feature name → one weight per label, in `labels` order. */
  weights: Record<string, number[]>;
  trainedOn?: { examples: number; files: string[] };
}

export interface Prediction {
  label: Label;
  /** Position of the label in `labels`. */
  index: number;
  /** The chosen label's probability. */
  confidence: number;
}

export class LinearModel {
  readonly labels: readonly Label[];
  // Open addressing over feature ids. Each slot holds the id and one weight per label side by
  // side, so a look-up touches one cache line; weights are kept as 16-bit integers (the weights
  // file rounds them to 1e-4 already), which halves the table (the hottest memory of classify).
  private readonly stride: number;
  private readonly mask: number;
  /** Slot s: id at keys[s * stride / 2], weights at weights[s * stride + 2 + label]. */
  private readonly keys: Int32Array;
  private readonly weights: Int16Array;
  /** Row (weights-file order) of each slot, for names. */
  private readonly rows: Int32Array;
  /** Weight = stored integer / scale. */
  private readonly scale: number;
  private readonly names: string[];
  private readonly bias: Float64Array;
  // Scratch space reused across calls (prediction runs once per reply).
  private readonly z: Float64Array;
  /** Slots of the features found for `foundFor` (the last ids looked up). */
  private found = new Int32Array(256);
  private nFound = 0;
  private foundFor: ArrayLike<number> | null = null;
  private readonly topRows = new Int32Array(16);
  private readonly topW = new Float64Array(16);

  constructor(file: WeightsFile) {
    this.labels = file.labels;
    const k = this.labels.length;
    this.bias = Float64Array.from(file.bias);
    this.z = new Float64Array(k);
    // A plain loop over plain arrays: this runs once per process, before anything is warm.
    const names = (this.names = Object.keys(file.weights));
    let maxAbs = 0;
    for (let r = 0; r < names.length; r++) for (const w of file.weights[names[r]]) maxAbs = Math.max(maxAbs, Math.abs(w));
    this.scale = maxAbs * 1e4 <= 32767 ? 1e4 : 32767 / maxAbs;
    let cap = 16;
    while (cap < names.length * 2) cap <<= 1;
    const mask = (this.mask = cap - 1);
    const stride = (this.stride = 2 + k + (k % 2)); // in 16-bit units; even, so ids stay aligned
    const buffer = new ArrayBuffer(cap * stride * 2);
    const keys = (this.keys = new Int32Array(buffer));
    const weights = (this.weights = new Int16Array(buffer));
    const rows = (this.rows = new Int32Array(cap));
    const half = stride / 2;
    for (let i = 0; i < cap; i++) keys[i * half] = -1;
    for (let r = 0; r < names.length; r++) {
      const id = idOfName(names[r]);
      let i = mix(id) & mask;
      while (keys[i * half] !== -1 && keys[i * half] !== id) i = (i + 1) & mask;
      keys[i * half] = id;
      rows[i] = r;
      const v = file.weights[names[r]];
      for (let j = 0; j < k; j++) weights[i * stride + 2 + j] = Math.round(v[j] * this.scale);
    }
  }

  get size(): number {
    return this.names.length;
  }

  /** The feature name of a row (as in the weights file). */
  name(row: number): string {
    return this.names[row];
  }

  /** Adds up, in z, the weights of the features of `ids` that the model knows, and keeps their
   * slots (in `found`) for explain(). */
  private lookUp(ids: ArrayLike<number>): void {
    const k = this.labels.length;
    const { keys, weights: W, stride, mask } = this;
    const half = stride / 2;
    const z = this.z;
    if (this.found.length < ids.length) this.found = new Int32Array(ids.length * 2);
    const found = this.found;
    let nFound = 0;
    // Integer sums (exact); four labels (the usual case) add up in locals.
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    z.fill(0);
    for (let f = 0; f < ids.length; f++) {
      const id = ids[f];
      let i = mix(id) & mask;
      for (;;) {
        const key = keys[i * half];
        if (key === id) {
          const o = i * stride + 2;
          if (k === 4) {
            z0 += W[o];
            z1 += W[o + 1];
            z2 += W[o + 2];
            z3 += W[o + 3];
          } else for (let j = 0; j < k; j++) z[j] += W[o + j];
          found[nFound++] = i;
          break;
        }
        if (key === -1) break;
        i = (i + 1) & mask;
      }
    }
    if (k === 4) {
      z[0] = z0;
      z[1] = z1;
      z[2] = z2;
      z[3] = z3;
    }
    for (let j = 0; j < k; j++) z[j] = this.bias[j] + z[j] / this.scale;
    this.nFound = nFound;
    this.foundFor = ids;
  }

  predict(ids: ArrayLike<number>): Prediction {
    const k = this.labels.length;
    const z = this.z;
    this.lookUp(ids);
    let best = 0;
    for (let j = 1; j < k; j++) if (z[j] > z[best]) best = j;
    const max = z[best];
    // Softmax: the chosen label's own term is exp(0) = 1.
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(z[j] - max);
    return { label: this.labels[best], index: best, confidence: 1 / sum };
  }

  /**
   * Rows of the (at most n) features that favour label `index` most over the others on average,
   * strongest first (see `name`). Kept in a small sorted array rather than sorting them all.
   */
  explain(ids: ArrayLike<number>, index: number, n: number): number[] {
    const k = this.labels.length;
    const { weights: W, stride, scale } = this;
    // Right after predict(ids) (the usual case) the features found are still at hand.
    if (this.foundFor !== ids) this.lookUp(ids);
    const found = this.found;
    const nFound = this.nFound;
    const topAt = this.topRows;
    const topW = this.topW;
    const want = Math.min(n, topAt.length);
    let kept = 0;
    for (let f = 0; f < nFound; f++) {
      const slot = found[f];
      const o = slot * stride + 2;
      let others = 0;
      for (let j = 0; j < k; j++) if (j !== index) others += W[o + j];
      const weight = (W[o + index] - others / (k - 1)) / scale;
      if (weight <= 0.05 || (kept === want && weight <= topW[kept - 1])) continue;
      let dup = false;
      for (let i = 0; i < kept; i++) if (topAt[i] === slot) dup = true;
      if (dup) continue;
      let at = kept < want ? kept++ : kept - 1;
      while (at > 0 && topW[at - 1] < weight) {
        topW[at] = topW[at - 1];
        topAt[at] = topAt[at - 1];
        at--;
      }
      topW[at] = weight;
      topAt[at] = slot;
    }
    const top: number[] = [];
    for (let i = 0; i < kept; i++) top.push(this.rows[topAt[i]]);
    return top;
  }
}
