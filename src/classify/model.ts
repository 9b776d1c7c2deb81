// A multinomial logistic model over named features. Weights ship as data (models/classifier.json,
// and packed for loading as models/classifier.bin) and load without training; prediction is a few
// table look-ups per reply.
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

/** The indexed table as loaded: what `pack()` writes and the constructor takes back. */
interface Table {
  labels: readonly Label[];
  bias: Float64Array;
  scale: number;
  stride: number;
  /** Slot s: id at Int32 s * stride / 2, weights at Int16 s * stride + 2 + label. */
  slots: ArrayBuffer;
  rows: Int32Array;
  /** Feature names in weights-file order, or the same joined by newlines (split when first read). */
  names: string[] | string;
}

// Packed model file (models/classifier.bin, little-endian): the table exactly as held in
// memory, so loading is one read and a few typed-array views (the JSON takes ~25 ms to parse and
// index on a cold start, the packed form ~1 ms). Written by `npm run train` from the JSON,
// which stays the readable source; a test checks the two agree.
//   0  u32 magic "FHM1"   4 u32 k (labels)   8 u32 slots   12 u32 stride   16 u32 names bytes
//  20  u32 reserved      24 f64 scale       32 f64 × k bias
//  then the slots (slots × stride × 2 bytes), rows (i32 × slots), labels and names (UTF-8:
//  labels joined by ",", a newline, names joined by newlines).
const MAGIC = 0x314d4846; // "FHM1"
const HEADER = 32;

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
  private names: string[] | string;
  private readonly bias: Float64Array;
  // Scratch space reused across calls (prediction runs once per reply).
  private readonly z: Float64Array;
  /** Slots of the features found for `foundFor` (the last ids looked up). */
  private found = new Int32Array(256);
  private nFound = 0;
  private foundFor: ArrayLike<number> | null = null;
  private readonly topRows = new Int32Array(16);
  private readonly topW = new Int32Array(16);

  constructor(source: WeightsFile | Table) {
    const t = 'weights' in source ? indexWeights(source) : source;
    this.labels = t.labels;
    this.bias = t.bias;
    this.scale = t.scale;
    this.stride = t.stride;
    this.mask = t.rows.length - 1;
    this.keys = new Int32Array(t.slots);
    this.weights = new Int16Array(t.slots);
    this.rows = t.rows;
    this.names = t.names;
    this.z = new Float64Array(t.labels.length);
  }

  /** A model from its packed file (see `pack`). Throws on a file that is not one. */
  static unpack(bytes: Uint8Array): LinearModel {
    const b = bytes as Uint8Array<ArrayBuffer>;
    const head = new DataView(b.buffer, b.byteOffset, Math.min(HEADER, b.length));
    if (b.length < HEADER || head.getUint32(0, true) !== MAGIC) throw new Error('not a packed feedhealth model');
    // The table is stored in this (little-endian) machine order, as typed arrays read it.
    if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error('a packed feedhealth model needs a little-endian machine');
    const k = head.getUint32(4, true);
    const cap = head.getUint32(8, true);
    const stride = head.getUint32(12, true);
    const textBytes = head.getUint32(16, true);
    if ((cap & (cap - 1)) !== 0 || b.length !== HEADER + 8 * k + cap * stride * 2 + 4 * cap + textBytes) throw new Error('packed feedhealth model is damaged');
    // Slices are copies: typed arrays over them are aligned wherever the file's bytes sit.
    let at = b.byteOffset + HEADER;
    const bias = new Float64Array(b.buffer.slice(at, at + 8 * k));
    at += 8 * k;
    const slots = b.buffer.slice(at, at + cap * stride * 2);
    at += cap * stride * 2;
    const rows = new Int32Array(b.buffer.slice(at, at + 4 * cap));
    at += 4 * cap;
    const text = Buffer.from(b.buffer, at, textBytes).toString('utf8');
    const nl = text.indexOf('\n');
    return new LinearModel({
      labels: text.slice(0, nl).split(',') as Label[],
      bias,
      scale: head.getFloat64(24, true),
      stride,
      slots,
      rows,
      names: text.slice(nl + 1),
    });
  }

  /** The packed file of this model (read back by `unpack`). */
  pack(): Buffer {
    const k = this.labels.length;
    const cap = this.rows.length;
    const text = Buffer.from(`${this.labels.join(',')}\n${this.allNames().join('\n')}`, 'utf8');
    const slotBytes = cap * this.stride * 2;
    const out = Buffer.alloc(HEADER + 8 * k + slotBytes + 4 * cap + text.length);
    out.writeUInt32LE(MAGIC, 0);
    out.writeUInt32LE(k, 4);
    out.writeUInt32LE(cap, 8);
    out.writeUInt32LE(this.stride, 12);
    out.writeUInt32LE(text.length, 16);
    out.writeDoubleLE(this.scale, 24);
    let at = HEADER;
    for (let j = 0; j < k; j++, at += 8) out.writeDoubleLE(this.bias[j], at);
    Buffer.from(this.keys.buffer, 0, slotBytes).copy(out, at);
    at += slotBytes;
    Buffer.from(this.rows.buffer, this.rows.byteOffset, 4 * cap).copy(out, at);
    at += 4 * cap;
    text.copy(out, at);
    return out;
  }

  /** Whether the feature `id` favours label `index` by more than explain()'s floor (false for
   * a feature the model does not know). */
  favours(id: number, index: number): boolean {
    const half = this.stride / 2;
    let i = mix(id) & this.mask;
    for (;;) {
      const key = this.keys[i * half];
      if (key === id) return this.leaning(i, index) > this.leaningFloor();
      if (key === -1) return false;
      i = (i + 1) & this.mask;
    }
  }

  /** How far the feature in `slot` favours label `index` over the mean of the others, times
   * (labels − 1) × scale: an exact integer, W[index]·(k−1) − Σ others = W[index]·k − Σ all. Read
   * from the slot itself, which the look-up has just brought into the cache. */
  private leaning(slot: number, index: number): number {
    const k = this.labels.length;
    const W = this.weights;
    const o = slot * this.stride + 2;
    let sum = 0;
    for (let j = 0; j < k; j++) sum += W[o + j];
    return W[o + index] * k - sum;
  }

  /** A feature counts as favouring a label when it does by more than 0.05 (in weight units), in
   * the units of leaning(). */
  private leaningFloor(): number {
    return 0.05 * (this.labels.length - 1) * this.scale;
  }

  private allNames(): string[] {
    if (typeof this.names === 'string') this.names = this.names.split('\n');
    return this.names;
  }

  get size(): number {
    return this.allNames().length;
  }

  /** The feature name of a row (as in the weights file). */
  name(row: number): string {
    return this.allNames()[row];
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
    // Right after predict(ids) (the usual case) the features found are still at hand.
    if (this.foundFor !== ids) this.lookUp(ids);
    const found = this.found;
    const nFound = this.nFound;
    const topAt = this.topRows;
    const topW = this.topW;
    const want = Math.min(n, topAt.length);
    const floor = this.leaningFloor();
    let kept = 0;
    for (let f = 0; f < nFound; f++) {
      const slot = found[f];
      const weight = this.leaning(slot, index);
      if (weight <= floor || (kept === want && weight <= topW[kept - 1])) continue;
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

/** Indexes a weights file: the open-addressing table LinearModel works on. */
function indexWeights(file: WeightsFile): Table {
  const k = file.labels.length;
  // A plain loop over plain arrays: this runs once per process, before anything is warm.
  const names = Object.keys(file.weights);
  let maxAbs = 0;
  for (let r = 0; r < names.length; r++) for (const w of file.weights[names[r]]) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs * 1e4 <= 32767 ? 1e4 : 32767 / maxAbs;
  let cap = 16;
  while (cap < names.length * 2) cap <<= 1;
  const mask = cap - 1;
  const stride = 2 + k + (k % 2); // in 16-bit units; even, so ids stay aligned
  const slots = new ArrayBuffer(cap * stride * 2);
  const keys = new Int32Array(slots);
  const weights = new Int16Array(slots);
  const rows = new Int32Array(cap);
  const half = stride / 2;
  for (let i = 0; i < cap; i++) keys[i * half] = -1;
  for (let r = 0; r < names.length; r++) {
    const id = idOfName(names[r]);
    let i = mix(id) & mask;
    while (keys[i * half] !== -1 && keys[i * half] !== id) i = (i + 1) & mask;
    keys[i * half] = id;
    rows[i] = r;
    const v = file.weights[names[r]];
    for (let j = 0; j < k; j++) weights[i * stride + 2 + j] = Math.round(v[j] * scale);
  }
  return { labels: file.labels, bias: Float64Array.from(file.bias), scale, stride, slots, rows, names };
}
