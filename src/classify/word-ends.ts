// Faster-compiling phrase patterns. V8 spends most of a phrase pattern's compile time on `\b`s
// that end a word after a long alternation (`\b(?:refunded|fixed|…)\b`): ~50 ms for the
// lexicon's patterns on first use, paid by every short audit. Where the character before a `\b`
// can only be a word character, `\b` means exactly "no word character next", `(?!\w)`, which
// compiles several times faster. This rewrites those `\b`s and no others, so a pattern matches
// exactly what it did (a test runs both forms over all labeled and corpus replies).

/** What a piece of pattern can end with: a word character (always), or possibly something else. */
interface Piece {
  /** Every non-empty match ends with a word character ([A-Za-z0-9_]). */
  endsWord: boolean;
  /** It can match the empty string (then what came before decides). */
  nullable: boolean;
}

const WORD = /[A-Za-z0-9_]/;
const ZERO_WIDTH: Piece = { endsWord: true, nullable: true };

class Parser {
  i = 0;
  /** Source positions of the `\b`s that follow a word character for certain. */
  readonly wordEnds: number[] = [];
  constructor(private readonly s: string) {}

  /** Alternatives ('|'-separated) up to ')' or the end. */
  alternation(): Piece {
    let endsWord = true;
    let nullable = false;
    for (;;) {
      const seq = this.sequence();
      endsWord &&= seq.endsWord;
      nullable ||= seq.nullable;
      if (this.s[this.i] !== '|') return { endsWord, nullable };
      this.i++;
    }
  }

  /** A sequence of (quantified) atoms. `endsWord` holds vacuously while it has matched nothing,
   * but a `\b` counts only once the sequence surely consumed something (what came before it is
   * not known here). */
  private sequence(): Piece {
    let endsWord = true;
    let nullable = true;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      if (this.s.startsWith('\\b', this.i)) {
        if (!nullable && endsWord) this.wordEnds.push(this.i);
        this.i += 2;
        continue; // zero width
      }
      const atom = this.quantified(this.atom());
      if (atom.nullable) endsWord &&= atom.endsWord; // its last character, or the one before it
      else {
        endsWord = atom.endsWord;
        nullable = false;
      }
    }
    return { endsWord, nullable };
  }

  private quantified(p: Piece): Piece {
    const s = this.s;
    const c = s[this.i];
    let min = 1;
    if (c === '?' || c === '*') {
      min = 0;
      this.i++;
    } else if (c === '+') this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(s.slice(this.i));
      if (m) {
        min = Number(m[1]);
        this.i += m[0].length;
      }
    } else return p;
    if (s[this.i] === '?') this.i++; // lazy
    if (p === ZERO_WIDTH) return p;
    return { endsWord: p.endsWord, nullable: p.nullable || min === 0 };
  }

  private atom(): Piece {
    const s = this.s;
    const c = s[this.i];
    if (c === '(') {
      const look = /^\(\?(?:=|!|<=|<!)/.exec(s.slice(this.i, this.i + 4));
      const named = /^\(\?<[A-Za-z]\w*>/.exec(s.slice(this.i));
      this.i += look ? look[0].length : named ? named[0].length : s.startsWith('(?:', this.i) ? 3 : 1;
      const inner = this.alternation();
      this.i++; // ')'
      return look ? ZERO_WIDTH : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') {
      const e = s[this.i + 1];
      this.i += 2;
      if (e === 'B') return ZERO_WIDTH;
      if (e === 'u' || e === 'x' || e === 'p' || e === 'P') {
        this.i += s[this.i] === '{' ? s.indexOf('}', this.i) + 1 - this.i : e === 'u' ? 4 : e === 'x' ? 2 : 0;
        return { endsWord: false, nullable: false };
      }
      // A back-reference may be empty and end with anything.
      if (/[1-9k]/.test(e)) return { endsWord: false, nullable: true };
      return { endsWord: e === 'w' || e === 'd', nullable: false };
    }
    this.i++;
    if (c === '^' || c === '$') return ZERO_WIDTH;
    // '.' and any literal that is not a word character may end a match with a non-word character.
    return { endsWord: WORD.test(c), nullable: false };
  }

  /** [...]: ends a word only when every member is a word character (ranges of letters/digits, \w, \d, _). */
  private charClass(): Piece {
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
      if (!WORD.test(c)) allWord = false;
    }
    this.i++; // ']'
    return { endsWord: allWord, nullable: false };
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
