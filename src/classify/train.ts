// Trains the linear model: multinomial logistic regression, AdaGrad SGD with L2, a seeded
// shuffle so the same data always gives the same weights.
import { LABELS, type Label } from '../model.js';
import type { WeightsFile } from './model.js';

export interface Example {
  features: string[];
  label: Label;
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  seed?: number;
  /** Features seen in fewer examples than this are dropped (noise, and weight-file size). */
  minCount?: number;
}

/** Mulberry32: a tiny seeded PRNG, so training is deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(examples: Example[], opts: TrainOptions = {}): WeightsFile {
  const { epochs = 40, rate = 0.05, l2 = 1e-4, seed = 7, minCount = 2 } = opts;
  const k = LABELS.length;
  const df = new Map<string, number>();
  for (const e of examples) for (const f of e.features) df.set(f, (df.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of df) if (n >= minCount || f.startsWith('cue:') || f.startsWith('rule:')) index.set(f, index.size);
  const rows = examples.map((e) => ({
    x: e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: LABELS.indexOf(e.label),
  }));
  // Balance the classes: each label's examples weigh as much in total.
  const freq = new Array(k).fill(0);
  for (const r of rows) freq[r.y]++;
  const classWeight = freq.map((n) => (n ? rows.length / (k * n) : 0)).map((w) => Math.sqrt(w));

  const W = new Float64Array(index.size * k);
  const G = new Float64Array(index.size * k).fill(1e-8);
  const b = new Float64Array(k);
  const Gb = new Float64Array(k).fill(1e-8);
  const rand = rng(seed);
  const order = rows.map((_, i) => i);
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const ri of order) {
      const { x, y } = rows[ri];
      for (let c = 0; c < k; c++) {
        let s = b[c];
        for (const f of x) s += W[f * k + c];
        z[c] = s;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
      const cw = classWeight[y];
      for (let c = 0; c < k; c++) {
        const g = cw * (z[c] / sum - (c === y ? 1 : 0));
        Gb[c] += g * g;
        b[c] -= (rate * g) / Math.sqrt(Gb[c]);
        for (const f of x) {
          const p = f * k + c;
          const gw = g + l2 * W[p];
          G[p] += gw * gw;
          W[p] -= (rate * gw) / Math.sqrt(G[p]);
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, i] of index) {
    const v = Array.from(W.subarray(i * k, i * k + k), (w) => Math.round(w * 1e4) / 1e4 || 0); // no -0: JSON cannot keep it
    if (v.some((w) => Math.abs(w) >= 0.002)) weights[f] = v;
  }
  return { version: 1, labels: LABELS, bias: Array.from(b, (w) => Math.round(w * 1e4) / 1e4 || 0), weights };
}
