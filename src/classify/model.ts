// A multinomial logistic model over named features. Weights ship as data
// (models/classifier.json) and load without training; prediction is a few map look-ups per reply.
import type { Label } from '../model.js';
import { idOfName } from './features.js';
import { IntTable } from './int-table.js';

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
  probs: number[];
  /** Features that pushed most toward the chosen label, strongest first. */
  top: { feature: string; weight: number }[];
}

export class LinearModel {
  readonly labels: readonly Label[];
  private readonly table: IntTable;
  /** Row r holds feature r's weights, one per label. */
  private readonly weights: Float32Array;
  private readonly names: string[];
  private readonly bias: Float64Array;
  // Scratch space reused across calls (prediction runs once per reply).
  private readonly z: Float64Array;
  private readonly foundRows: number[] = [];
  private readonly foundIds: number[] = [];
  private readonly topRows: number[] = [];
  private readonly topW: number[] = [];

  constructor(file: WeightsFile) {
    this.labels = file.labels;
    const k = this.labels.length;
    this.bias = Float64Array.from(file.bias);
    this.z = new Float64Array(k);
    const entries = Object.entries(file.weights);
    this.names = entries.map(([name]) => name);
    this.weights = new Float32Array(entries.length * k);
    entries.forEach(([, v], r) => this.weights.set(v, r * k));
    this.table = new IntTable(this.names.map(idOfName));
  }

  get size(): number {
    return this.names.length;
  }

  /** `explain` > 0 also returns that many of the features that favour the chosen label most. */
  predict(ids: ArrayLike<number>, explain = 0): Prediction {
    const k = this.labels.length;
    const W = this.weights;
    const z = this.z;
    z.set(this.bias);
    const rows = this.foundRows;
    const rowIds = this.foundIds;
    rows.length = 0;
    rowIds.length = 0;
    for (let i = 0; i < ids.length; i++) {
      const r = this.table.get(ids[i]);
      if (r < 0) continue;
      const o = r * k;
      for (let j = 0; j < k; j++) z[j] += W[o + j];
      if (explain > 0) {
        rows.push(r);
        rowIds.push(ids[i]);
      }
    }
    let best = 0;
    for (let j = 1; j < k; j++) if (z[j] > z[best]) best = j;
    const max = z[best];
    let sum = 0;
    const probs = new Array<number>(k);
    for (let j = 0; j < k; j++) sum += probs[j] = Math.exp(z[j] - max);
    for (let j = 0; j < k; j++) probs[j] /= sum;
    const top: Prediction['top'] = [];
    if (explain > 0) {
      // How much a feature favours the chosen label over the others on average; keep the best
      // `explain` in a small sorted array rather than sorting them all.
      const topRows = this.topRows;
      const topW = this.topW;
      let n = 0;
      for (const r of rows) {
        const o = r * k;
        let others = 0;
        for (let j = 0; j < k; j++) if (j !== best) others += W[o + j];
        const weight = W[o + best] - others / (k - 1);
        if (weight <= 0.05 || (n === explain && weight <= topW[n - 1])) continue;
        let dup = false;
        for (let i = 0; i < n; i++) if (topRows[i] === r) dup = true;
        if (dup) continue;
        let at = n < explain ? n++ : n - 1;
        while (at > 0 && topW[at - 1] < weight) {
          topW[at] = topW[at - 1];
          topRows[at] = topRows[at - 1];
          at--;
        }
        topW[at] = weight;
        topRows[at] = r;
      }
      topRows.length = n;
      for (let i = 0; i < topRows.length; i++) top.push({ feature: this.names[topRows[i]], weight: topW[i] });
    }
    return { label: this.labels[best], probs, top };
  }
}
