// The lexicon's patterns run with their word-end `\b`s rewritten (word-ends.ts) because V8
// compiles `(?!\w)` several times faster. The rewrite must never change what a pattern matches.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lexicon from '../src/classify/lexicon.js';
import type { PhraseList } from '../src/classify/lexicon.js';
import { normalize } from '../src/classify/normalize.js';
import { readLabeled } from '../src/classify/labeled.js';
import { fastWordEnds } from '../src/classify/word-ends.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'labeled');
const labeled = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readLabeled(join(dir, f), { keepAmbiguous: true }));
const patterns = Object.values(lexicon)
  .filter((v): v is PhraseList => typeof v === 'object' && v !== null && 'patterns' in v)
  .flatMap((l) => l.patterns);

const src = (re: RegExp) => fastWordEnds(re).source;

describe('word-end rewriting of phrase patterns', () => {
  it('writes a \\b after a word as (?!\\w), also after optional endings and look-arounds', () => {
    expect(src(/\b(?:refunded|fixed)\b/)).toBe('\\b(?:refunded|fixed)(?!\\w)');
    expect(src(/\bdms?\b/)).toBe('\\bdms?(?!\\w)');
    expect(src(/\b(?:dm|pm)\b[^.!?]{0,25}\bus\b/)).toBe('\\b(?:dm|pm)(?!\\w)[^.!?]{0,25}\\bus(?!\\w)');
    expect(src(/\bfoo(?=bar)\b/)).toBe('\\bfoo(?=bar)(?!\\w)');
    expect(src(/\b[a-z0-9]+\b/)).toBe('\\b[a-z0-9]+(?!\\w)');
  });

  it('leaves a \\b alone where the character before it might not be a word character', () => {
    for (const re of [/\b(?:yes|no[!?])\b/, /\bfoo[.!]?\b/, /(?:a| )?\b/, /\b(?:x|)\b/, /[^a-z]\b/, /a.\b/, /\b(a)\1\b/, /\ba\s*\b/, /\b(?:a|b)?\b/])
      expect(src(re), re.source).toBe(re.source);
    // Inside a character class \b is a backspace, not a boundary.
    expect(src(/[\b]x\b/)).toBe('[\\b]x(?!\\w)');
  });

  it('rewrites most of the lexicon, and every rewritten pattern matches exactly as written on all labeled replies', () => {
    const rewritten = patterns.filter((p) => p.re.source !== p.written.source);
    expect(rewritten.length).toBeGreaterThan(patterns.length / 2);
    const texts = labeled.flatMap((e) => [normalize(e.text).text, ...(e.inReplyToText ? [e.inReplyToText.toLowerCase()] : [])]);
    // Word ends next to digits, underscores, apostrophes and the end of the text.
    texts.push('we refunded_ it', 'fixed1 fixed', "we've refunded", 'dm', 'dms?', 'contact your bank_ or your bank');
    for (const p of rewritten)
      for (const t of texts) {
        const a = p.written.exec(t);
        const b = p.re.exec(t);
        if (a?.index !== b?.index || a?.[0] !== b?.[0]) expect({ text: t, got: b?.[0] }).toEqual({ text: t, got: a?.[0] });
      }
  });
});
