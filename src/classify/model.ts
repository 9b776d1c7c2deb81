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
  // Open addressing over feature ids, each slot holding [id, row, weight per label] side by
  // side: a look-up touches one cache line instead of three arrays (the hot loop of classify).
  private readonly stride: number;
  private readonly mask: number;
  private readonly slots: Int32Array;
  /** The same memory as `slots`, read as weights. */
  private readonly slotW: Float32Array;
  private readonly names: string[];
  private readonly bias: Float64Array;
  // Scratch space reused across calls (prediction runs once per reply).
  private readonly z: Float64Array;
  /** Slot offsets of the features found for `foundFor` (the last ids looked up). */
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
    let cap = 16;
    while (cap < names.length * 2) cap <<= 1;
    const mask = (this.mask = cap - 1);
    const stride = (this.stride = k + 2);
    const slots = (this.slots = new Int32Array(cap * stride));
    const slotW = (this.slotW = new Float32Array(slots.buffer));
    for (let i = 0; i < cap; i++) slots[i * stride] = -1;
    for (let r = 0; r < names.length; r++) {
      const id = idOfName(names[r]);
      let i = mix(id) & mask;
      while (slots[i * stride] !== -1 && slots[i * stride] !== id) i = (i + 1) & mask;
      const o = i * stride;
      slots[o] = id;
      slots[o + 1] = r;
      const v = file.weights[names[r]];
      for (let j = 0; j < k; j++) slotW[o + 2 + j] = v[j];
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
    const { slots, slotW: W, stride, mask } = this;
    const z = this.z;
    z.set(this.bias);
    if (this.found.length < ids.length) this.found = new Int32Array(ids.length * 2);
    const found = this.found;
    let nFound = 0;
    // Four labels (the usual case) add up in locals.
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    for (let f = 0; f < ids.length; f++) {
      const id = ids[f];
      let i = mix(id) & mask;
      for (;;) {
        const o = i * stride;
        const key = slots[o];
        if (key === id) {
          if (k === 4) {
            z0 += W[o + 2];
            z1 += W[o + 3];
            z2 += W[o + 4];
            z3 += W[o + 5];
          } else for (let j = 0; j < k; j++) z[j] += W[o + 2 + j];
          found[nFound++] = o;
          break;
        }
        if (key === -1) break;
        i = (i + 1) & mask;
      }
    }
    if (k === 4) {
      z[0] += z0;
      z[1] += z1;
      z[2] += z2;
      z[3] += z3;
    }
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
    const W = this.slotW;
    // Right after predict(ids) (the usual case) the features found are still at hand.
    if (this.foundFor !== ids) this.lookUp(ids);
    const found = this.found;
    const nFound = this.nFound;
    const topAt = this.topRows;
    const topW = this.topW;
    const want = Math.min(n, topAt.length);
    let kept = 0;
    for (let f = 0; f < nFound; f++) {
      const o = found[f];
      let others = 0;
      for (let j = 0; j < k; j++) if (j !== index) others += W[o + 2 + j];
      const weight = W[o + 2 + index] - others / (k - 1);
      if (weight <= 0.05 || (kept === want && weight <= topW[kept - 1])) continue;
      let dup = false;
      for (let i = 0; i < kept; i++) if (topAt[i] === o) dup = true;
      if (dup) continue;
      let at = kept < want ? kept++ : kept - 1;
      while (at > 0 && topW[at - 1] < weight) {
        topW[at] = topW[at - 1];
        topAt[at] = topAt[at - 1];
        at--;
      }
      topW[at] = weight;
      topAt[at] = o;
    }
    const top: number[] = [];
    for (let i = 0; i < kept; i++) top.push(this.slots[topAt[i] + 1]);
    return top;
  }
}
