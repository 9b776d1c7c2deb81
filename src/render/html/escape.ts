// The one way text reaches the HTML page: every tweet, name, number and attribute value goes
// through `esc`, and evidence highlighting marks phrases in text that `esc` then escapes piece by
// piece, so no markup is ever built from unescaped text. Pure.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text → HTML that shows it literally, safe both between tags and inside a quoted attribute
 * value (`&`, `<`, `>`, `"` and `'` are replaced). Lone surrogates and control characters other
 * than tab and newline, which no tweet means to show, become U+FFFD.
 */
export function esc(value: string | number): string {
  return String(value)
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** The quoted phrases of classifier evidence: `DM request: "send us a dm"` → ["send us a dm"]; `words: "dm us", "please"` → both. */
export function quotedPhrases(evidence: string): string[] {
  return [...evidence.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

/** Evidence read off the tweet being answered (the classifier's "person …" cues), not off the reply. */
export const isAboutAnswered = (evidence: string) => evidence.startsWith('person ');

const reSource = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * A pattern for a phrase as it appears in the original tweet: the classifier matched it in
 * normalized text (lower case, straight quotes, single spaces), so case is ignored, any run of
 * spaces matches one, and a straight apostrophe or quote matches its curly forms. A phrase that
 * begins or ends with a letter or digit matches only at word edges ("our" is not marked in "your").
 */
function phrasePattern(phrase: string): string {
  const body = [...phrase.trim()]
    .map((ch) => (ch === "'" ? "['\u2018\u2019\u02bc]" : ch === '"' ? '["\u201c\u201d]' : /\s/.test(ch) ? '\\s+' : reSource(ch)))
    .join('')
    .replace(/(?:\\s\+)+/g, '\\s+');
  const chars = [...phrase.trim()];
  const pre = WORDISH.test(chars[0] ?? '') ? '(?<![\\p{L}\\p{N}_])' : '';
  const post = WORDISH.test(chars[chars.length - 1] ?? '') ? '(?![\\p{L}\\p{N}_])' : '';
  return `${pre}${body}${post}`;
}

/** Phrases worth marking: at least two characters, one of them a letter or digit ("?" or "!" alone would mark every one). */
export function markable(phrase: string): boolean {
  const p = phrase.trim();
  return [...p].length >= 2 && WORDISH.test(p);
}

/** [start, end) ranges of `text` where any phrase occurs (case-insensitively), merged where they overlap or touch. */
export function phraseRanges(text: string, phrases: readonly string[]): [number, number][] {
  const uniq = [...new Set(phrases.map((p) => p.trim()).filter(markable))];
  const ranges: [number, number][] = [];
  for (const p of uniq) {
    let re: RegExp;
    try {
      re = new RegExp(phrasePattern(p), 'giu');
    } catch {
      continue;
    }
    for (const m of text.matchAll(re)) if (m[0].length > 0) ranges.push([m.index!, m.index! + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * Tweet text as HTML with the phrases wrapped in <mark>: the text is cut at the phrases' places
 * and each piece is escaped on its own, so markup comes only from this function, never from the
 * text. Newlines become <br>.
 */
export function highlight(text: string, phrases: readonly string[]): string {
  const out: string[] = [];
  let at = 0;
  for (const [s, e] of phraseRanges(text, phrases)) {
    out.push(escLines(text.slice(at, s)), '<mark>', escLines(text.slice(s, e)), '</mark>');
    at = e;
  }
  out.push(escLines(text.slice(at)));
  return out.join('');
}

/** Escaped text with line breaks kept. */
export const escLines = (text: string) => esc(text).replace(/\r?\n/g, '<br>');
