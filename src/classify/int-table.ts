// A fixed hash table from 30-bit ids to row numbers: open addressing over typed arrays.
// Prediction looks up ~50 ids per reply; this is several times faster than a Map.

export class IntTable {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(ids: ArrayLike<number>) {
    let cap = 16;
    while (cap < ids.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap).fill(-1);
    this.rows = new Int32Array(cap);
    for (let r = 0; r < ids.length; r++) {
      let i = mix(ids[r]) & this.mask;
      while (this.keys[i] !== -1 && this.keys[i] !== ids[r]) i = (i + 1) & this.mask;
      this.keys[i] = ids[r];
      this.rows[i] = r;
    }
  }

  /** Row of an id, or -1. */
  get(id: number): number {
    let i = mix(id) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === id) return this.rows[i];
      if (k === -1) return -1;
      i = (i + 1) & this.mask;
    }
  }
}

/** Spreads ids over the table (shared by the model's own table). */
export const mix = (x: number) => Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 7;
