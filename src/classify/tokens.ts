// The one tokenizer: cue anchors and model features both read these tokens.

// Words (with inner ' and -: "can't", "wi-fi", "t&cs"), placeholders ("@user"), ? and !, emoji.
const TOKEN = /[a-z0-9@&]+(?:['-][a-z0-9&]+)*|[?!]|\p{Extended_Pictographic}/gu;

export function tokenize(normalizedText: string): string[] {
  return normalizedText.match(TOKEN) ?? [];
}

// Ids are kept to 30 bits so V8 stores them as small integers: Map look-ups on them are fast.
const MASK = 0x3fffffff;

/** FNV-1a: feature names become numbers so prediction allocates no strings. */
export function hashStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & MASK;
}

/** Id of the word pair "a b" from the ids of a and b (same as hashing the pair's name). */
export function pairId(a: number, b: number): number {
  return (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35) ^ 0x27d4eb2f) & MASK;
}

export function tokenIds(tokens: string[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) ids[i] = hashStr(tokens[i]);
  return ids;
}
