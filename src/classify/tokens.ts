// The one tokenizer: cue anchors and model features both read these tokens. A hand-written
// scanner rather than a regex: it runs once per reply and computes each token's id as it goes.

// Ids are kept to 30 bits so V8 stores them as small integers: look-ups on them are fast.
const MASK = 0x3fffffff;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a: feature names become numbers so prediction allocates no strings. */
export function hashStr(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h & MASK;
}

/** Id of the word pair "a b" from the ids of a and b. */
export function pairId(a: number, b: number): number {
  return (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35) ^ 0x27d4eb2f) & MASK;
}

// a-z 0-9 @ &
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64 || c === 38;
// Emoji and pictographs (incl. the astral planes, read as surrogate pairs) are tokens of their own.
const isPictograph = (c: number) => (c >= 0x2190 && c <= 0x2bff) || (c >= 0xd83c && c <= 0xd83e);

export interface Tokens {
  /** hashStr of each token: words (with inner ' and -: "can't", "wi-fi", "t&cs"), "@user", ? and !, emoji. */
  ids: number[];
  /** hashStr of each part of the tokens joined by ' or - ("wi", "fi"): cue anchors look these up too. */
  partIds: number[];
  /** The tokens themselves, only when asked for (training and tests name features with them). */
  tokens: string[] | null;
  /** Where each token starts in the text. */
  starts: number[];
  /** Where each part starts in the text. */
  partStarts: number[];
  /** How many digits the words hold (a phone number needs ten). */
  digits: number;
}

/** Tokens of normalized (lower-cased) text. Only ids are made unless `withStrings`. */
export function tokenize(text: string, withStrings = false): Tokens {
  const tokens: string[] | null = withStrings ? [] : null;
  const n = text.length;
  const ids: number[] = [];
  const partIds: number[] = [];
  const starts: number[] = [];
  const partStarts: number[] = [];
  let digits = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      const start = i;
      let h = FNV_OFFSET;
      let joined = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!isWordChar(d)) {
          if ((d !== 39 && d !== 45) || i + 1 >= n || !isWordChar(text.charCodeAt(i + 1))) break;
          joined = true;
        }
        if (d <= 57 && d >= 48) digits++;
        h = Math.imul(h ^ d, FNV_PRIME);
        i++;
      }
      ids.push(h & MASK);
      starts.push(start);
      if (joined) addParts(text, start, i, partIds, partStarts);
      if (tokens) tokens.push(text.slice(start, i));
    } else if (c === 63 || c === 33 || isPictograph(c)) {
      const len = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      const t = text.slice(i, i + len);
      ids.push(hashStr(t));
      starts.push(i);
      if (tokens) tokens.push(t);
      i += len;
    } else i++;
  }
  return { ids, partIds, tokens, starts, partStarts, digits };
}

/** Ids and starts of the parts of a token joined by ' or - ("wi-fi" → "wi", "fi"). */
function addParts(text: string, start: number, end: number, out: number[], outStarts: number[]): void {
  let h = FNV_OFFSET;
  let from = start;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d === 39 || d === 45) {
      out.push(h & MASK);
      outStarts.push(from);
      h = FNV_OFFSET;
      from = i + 1;
    } else h = Math.imul(h ^ d, FNV_PRIME);
  }
  out.push(h & MASK);
  outStarts.push(from);
}
