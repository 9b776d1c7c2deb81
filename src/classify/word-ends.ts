// Faster-compiling phrase patterns. V8 spends most of a phrase pattern's compile time on `\b`s
// that end a word after a long alternation (`\b(?:refunded|fixed|…)\b`): ~50 ms for the
// lexicon's patterns on first use, paid by every short audit. Where the character before a `\b`
// can only be a word character, `\b` means exactly "no word character next", `(?!\w)`, which
// compiles several times faster. This rewrites those `\b`s and no others, so a pattern matches
// exactly what it did (a test runs both forms over all labeled replies).

// What a piece of pattern can end with, as bits (plain numbers: this runs over every character
// of ~120 patterns before anything is warm, so it allocates nothing per atom).
/** Every non-empty match ends with a word character ([A-Za-z0-9_]). */
const ENDS_WORD = 1;
/** It can match the empty string (then what came before decides). */
const NULLABLE = 2;
/** Look-arounds, ^, $, \B: match no character (so they leave what came before as it was). */
const ZERO_WIDTH = ENDS_WORD | NULLABLE;

const isWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
// Sticky: read in place (slicing the rest of a long pattern at every group would be quadratic).
const REPEAT = /\{(\d+)(?:,\d*)?\}/y;
/** A group's opening: look-around, non-capturing, named or plain. */
const GROUP_OPEN = /\(\?(?:=|!|<=|<!|:|<[A-Za-z]\w*>)|\(/y;

const BACKSLASH = 92;
const PIPE = 124;
const CLOSE = 41;

class Parser {
  i = 0;
  /** Source positions of the `\b`s that follow a word character for certain. */
  readonly wordEnds: number[] = [];
  constructor(private readonly s: string) {}

  /** Alternatives ('|'-separated) up to ')' or the end. */
  alternation(): number {
    let endsWord = ENDS_WORD;
    let nullable = 0;
    for (;;) {
      const seq = this.sequence();
      endsWord &= seq;
      nullable |= seq & NULLABLE;
      if (this.s.charCodeAt(this.i) !== PIPE) return endsWord | nullable;
      this.i++;
    }
  }

  /** A sequence of (quantified) atoms. ENDS_WORD holds vacuously while it has matched nothing,
   * but a `\b` counts only once the sequence surely consumed something (what came before it is
   * not known here). */
  private sequence(): number {
    const s = this.s;
    let state = ZERO_WIDTH;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === PIPE || c === CLOSE) break;
      if (c === BACKSLASH && s.charCodeAt(this.i + 1) === 98 /* b */) {
        if (state === ENDS_WORD) this.wordEnds.push(this.i);
        this.i += 2;
        continue; // zero width
      }
      const atom = this.quantified(this.atom());
      // A nullable atom ends with its last character or the one before it.
      state = atom & NULLABLE ? state & (atom | NULLABLE) : atom;
    }
    return state;
  }

  private quantified(p: number): number {
    const s = this.s;
    const c = s[this.i];
    let min = 1;
    if (c === '?' || c === '*') {
      min = 0;
      this.i++;
    } else if (c === '+') this.i++;
    else if (c === '{') {
      REPEAT.lastIndex = this.i;
      const m = REPEAT.exec(s);
      if (!m) return p; // a literal '{'
      min = Number(m[1]);
      this.i += m[0].length;
    } else return p;
    if (s[this.i] === '?') this.i++; // lazy
    return min === 0 ? p | NULLABLE : p;
  }

  private atom(): number {
    const s = this.s;
    const code = s.charCodeAt(this.i);
    if (isWord(code)) {
      this.i++;
      return ENDS_WORD;
    }
    const c = s[this.i];
    if (c === '(') {
      GROUP_OPEN.lastIndex = this.i;
      const open = GROUP_OPEN.exec(s)![0];
      this.i += open.length;
      const inner = this.alternation();
      this.i++; // ')'
      // (?= (?! (?<= (?<! match nothing themselves.
      const look = open.length > 2 && (open[2] === '=' || open[2] === '!' || open[3] === '=' || open[3] === '!');
      return look ? ZERO_WIDTH : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') {
      const e = s[this.i + 1];
      this.i += 2;
      if (e === 'B') return ZERO_WIDTH;
      if (e === 'u' || e === 'x' || e === 'p' || e === 'P') {
        this.i += s[this.i] === '{' ? s.indexOf('}', this.i) + 1 - this.i : e === 'u' ? 4 : e === 'x' ? 2 : 0;
        return 0;
      }
      // A back-reference may be empty and end with anything.
      if ((e >= '1' && e <= '9') || e === 'k') return NULLABLE;
      return e === 'w' || e === 'd' ? ENDS_WORD : 0;
    }
    this.i++;
    if (c === '^' || c === '$') return ZERO_WIDTH;
    // '.' and any other character may end a match with a non-word character.
    return 0;
  }

  /** [...]: ends a word only when every member is a word character (ranges of letters/digits, \w, \d, _). */
  private charClass(): number {
    const s = this.s;
    this.i++;
    let allWord = s[this.i] !== '^';
    if (s[this.i] === '^') this.i++;
    let first = true;
    while (this.i < s.length && (s[this.i] !== ']' || first)) {
      first = false;
      let c = s[this.i];
      if (c === '\\') {
        const e = s[this.i + 1];
        this.i += 2;
        if (e !== 'w' && e !== 'd') allWord = false;
        continue;
      }
      this.i++;
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        const to = s[this.i + 1];
        this.i += 2;
        const ok = (c >= 'a' && to <= 'z' && c <= to) || (c >= 'A' && to <= 'Z' && c <= to) || (c >= '0' && to <= '9' && c <= to);
        if (!ok) allWord = false;
        c = to;
        continue;
      }
      if (!isWord(c.charCodeAt(0))) allWord = false;
    }
    this.i++; // ']'
    return allWord ? ENDS_WORD : 0;
  }
}

/** The same pattern with each `\b` that surely follows a word character written as `(?!\w)`. */
export function fastWordEnds(re: RegExp): RegExp {
  const src = re.source;
  const parser = new Parser(src);
  parser.alternation();
  if (parser.i < src.length || parser.wordEnds.length === 0) return re; // not fully understood, or nothing to do
  let out = '';
  let from = 0;
  for (const at of parser.wordEnds) {
    out += `${src.slice(from, at)}(?!\\w)`;
    from = at + 2;
  }
  return new RegExp(out + src.slice(from), re.flags);
}
