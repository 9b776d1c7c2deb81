// A set of tweet ids sized for files of millions of rows: numeric ids below 2^26 (all of the
// Kaggle TWCS dump's) are bits in a growing array — about 8 MB at most — and anything else is
// kept in a Set. A Set of every id of a 2.8 M-row file would hold ~130 MB.

const BIT_LIMIT = 2 ** 26;

export class IdSet {
  private bits = new Uint32Array(1 << 10);
  private readonly other = new Set<string>();

  /** The id as a bit number, or -1 when it is not a small decimal number written plainly
   * ("07" is another id than "7": it goes to the set). */
  private static slot(id: string): number {
    if (id.length > 8 || (id.length > 1 && id.charCodeAt(0) === 48)) return -1;
    let n = 0;
    for (let i = 0; i < id.length; i++) {
      const d = id.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return id.length && n < BIT_LIMIT ? n : -1;
  }

  has(id: string): boolean {
    const n = IdSet.slot(id);
    if (n < 0) return this.other.has(id);
    const word = n >>> 5;
    return word < this.bits.length && (this.bits[word] & (1 << (n & 31))) !== 0;
  }

  /** Adds an id; false when it was there already. */
  add(id: string): boolean {
    const n = IdSet.slot(id);
    if (n < 0) {
      if (this.other.has(id)) return false;
      this.other.add(id);
      return true;
    }
    const word = n >>> 5;
    if (word >= this.bits.length) {
      let size = this.bits.length;
      while (size <= word) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.bits);
      this.bits = grown;
    }
    const bit = 1 << (n & 31);
    if (this.bits[word] & bit) return false;
    this.bits[word] |= bit;
    return true;
  }
}
