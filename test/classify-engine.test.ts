// The classifier's machinery: anchors never hide a cue, feature names and ids agree, training is
// deterministic, evidence is readable, and the interface holds for every input.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, classifyCues, classifyCuesLazily } from '../src/classify/index.js';
import { answeredCues, replyCues } from '../src/classify/cues.js';
import { normalize, classifyLink } from '../src/classify/normalize.js';
import { hashStr, tokenize } from '../src/classify/tokens.js';
import { readLabeled } from '../src/classify/labeled.js';
import { featurize, idOfName } from '../src/classify/features.js';
import { LinearModel } from '../src/classify/model.js';
import { classifyByRules, cuesFor } from '../src/classify/rules.js';
import { train } from '../src/classify/train.js';
import { exampleOf } from '../src/classify/dataset.js';
import { evaluate } from '../src/classify/evaluate.js';
import { LABELS } from '../src/model.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'labeled');
const labeled = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readLabeled(join(dir, f), { keepAmbiguous: true }));

describe('the classifier engine', () => {
  it('has at least 1,500 labeled replies over all four labels', () => {
    expect(labeled.length).toBeGreaterThanOrEqual(1500);
    for (const l of LABELS) expect(labeled.filter((e) => e.label === l).length).toBeGreaterThan(100);
  });

  it('never hides a cue behind its anchors (gated and ungated matching agree on all labeled data)', () => {
    for (const e of labeled) {
      const n = normalize(e.text);
      const tk = tokenize(n.text);
      expect(replyCues(n, tk, true), e.text).toEqual(replyCues(n, tk, false));
      if (e.inReplyToText) expect(answeredCues(e.inReplyToText, true), e.inReplyToText).toEqual(answeredCues(e.inReplyToText, false));
    }
  });

  it('tries a lead pattern only where its first words start, and still finds the earliest match', () => {
    // "so sorry you feel" has two places a brush-off could start; the sticky tries must pick the first.
    const text = 'sorry you feel that way. we are so sorry you feel let down, please send us a dm';
    const n = normalize(text);
    const tk = tokenize(n.text);
    const gated = replyCues(n, tk, true);
    expect(gated).toEqual(replyCues(n, tk, false));
    expect(gated.find((h) => h.cue === 'dm')?.phrase).toBe('send us a dm');
    expect(gated.find((h) => h.cue === 'brushOff')).toMatchObject({ at: 0 });
  });

  it('reads a problem off the answered tweet by its words or a question', () => {
    expect(answeredCues('my router keeps crashing')).toEqual([{ cue: 'problemRaised', phrase: 'crashing', at: -1 }]);
    expect(answeredCues('any news on the launch?')).toEqual([{ cue: 'problemRaised', phrase: '?', at: -1 }]);
    expect(answeredCues('love the new menu')).toEqual([]);
    expect(answeredCues('what is your phone number? mine isn’t working').map((h) => h.cue)).toEqual(['askedForChannel', 'problemRaised']);
  });

  it('splits words, contractions, hyphenated words, placeholders, ? ! and emoji, with ids equal to their hashes', () => {
    const { tokens, ids, partIds } = tokenize("can't log in to wi-fi @user?! t&cs 💙 -- ok", true);
    expect(tokens).toEqual(["can't", 'log', 'in', 'to', 'wi-fi', '@user', '?', '!', 't&cs', '💙', 'ok']);
    expect([...ids]).toEqual(tokens!.map(hashStr));
    expect(partIds).toEqual(['can', 't', 'wi', 'fi'].map(hashStr));
    expect(tokenize("can't log in to wi-fi").starts).toEqual([0, 6, 10, 13, 16]);
    expect(tokenize("can't log in to wi-fi").partStarts).toEqual([0, 4, 16, 19]);
    expect(tokenize('call 0800 123 4567 about order 55').digits).toBe(13);
    expect(tokenize("can't log in", false)).toMatchObject({ tokens: null, ids: tokenize("can't log in", true).ids });
  });

  it('gives every feature name the id prediction computes for it', () => {
    for (const e of labeled.slice(0, 300)) {
      const c = cuesFor(e.text, e.inReplyToText);
      const f = featurize(c, classifyByRules(c).label, true);
      expect(f.names!.map(idOfName)).toEqual(f.ids);
    }
  });

  it('predicts with exactly the weights of the file, big weights included', () => {
    const softmax = (z: number[]) => Math.max(...z.map((x) => Math.exp(x))) / z.reduce((a, x) => a + Math.exp(x), 0);
    for (const big of [1.2345, 7.5]) {
      const m = new LinearModel({ version: 1, labels: LABELS, bias: [0.1, 0, -0.1, 0], weights: { dm: [-0.25, big, 0.0001, 0], 'cue:thanks': [0, 0, 0, 0.5] } });
      const p = m.predict([hashStr('dm'), hashStr('cue:thanks'), hashStr('unknown')]);
      expect(p.label).toBe('deflecting');
      expect(p.confidence).toBeCloseTo(softmax([0.1 - 0.25, big, -0.1 + 0.0001, 0.5]), 4);
      expect(m.explain([hashStr('dm'), hashStr('cue:thanks')], p.index, 6).map((r) => m.name(r))).toEqual(['dm']);
    }
  });

  it('packs a model into bytes that load back into the same model, and refuses damaged bytes', () => {
    const m = new LinearModel({ version: 1, labels: LABELS, bias: [0.1, 0, -0.1, 0], weights: { dm: [-0.25, 7.5, 0.0001, 0], 'cue:thanks': [0, 0, 0, 0.5], 'dm us': [0.1, 0.2, 0, -3] } });
    const packed = m.pack();
    // At an odd offset inside a bigger buffer too, as a read can hand it over.
    const shifted = Buffer.concat([Buffer.from([0]), packed]).subarray(1);
    for (const bytes of [packed, shifted]) {
      const u = LinearModel.unpack(bytes);
      expect(u.labels).toEqual(LABELS);
      expect(u.size).toBe(3);
      const ids = [hashStr('dm'), idOfName('dm us'), hashStr('cue:thanks')];
      expect(u.predict(ids)).toEqual(m.predict(ids));
      expect(u.explain(ids, 1, 6).map((r) => u.name(r))).toEqual(m.explain(ids, 1, 6).map((r) => m.name(r)));
      expect(u.pack().equals(packed)).toBe(true);
    }
    expect(() => LinearModel.unpack(packed.subarray(0, packed.length - 1))).toThrow(/damaged/);
    expect(() => LinearModel.unpack(Buffer.from('{"version":1}'))).toThrow(/not a packed/);
  });

  it('ships the packed model of exactly the shipped weights (models/classifier.bin is up to date)', () => {
    const models = join(dir, '..', '..', 'models');
    const weights = JSON.parse(readFileSync(join(models, 'classifier.json'), 'utf8'));
    expect(new LinearModel(weights).pack().equals(readFileSync(join(models, 'classifier.bin')))).toBe(true);
  });

  it('trains deterministically: the same data gives the same weights', () => {
    const examples = labeled.slice(0, 200).map(exampleOf);
    expect(train(examples, { epochs: 3 })).toEqual(train(examples, { epochs: 3 }));
  });

  it('ships exactly the weights that training on the labeled data gives (models/classifier.json is up to date)', () => {
    const shipped = JSON.parse(readFileSync(join(dir, '..', '..', 'models', 'classifier.json'), 'utf8'));
    const examples = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .flatMap((f) => readLabeled(join(dir, f)))
      .map(exampleOf);
    const fresh = train(examples);
    expect(fresh.bias).toEqual(shipped.bias);
    expect(fresh.weights).toEqual(shipped.weights);
  });

  it('cites a cue that favours the label even when the strongest features are words', () => {
    const c = classify({ text: "Please email us at help@example.com and we'll look into it." }, { text: 'charged twice' });
    expect(c.label).toBe('deflecting');
    expect(c.evidence[0]).toBe('email request: "email us"');
    // Only cues that fired are cited.
    for (const e of labeled.slice(0, 300)) {
      const hits = cuesFor(e.text, e.inReplyToText).hits.map((h) => `: "${h.phrase}"`);
      for (const line of classify({ text: e.text }, e.inReplyToText ? { text: e.inReplyToText } : null).evidence)
        if (!line.startsWith('words:')) expect(hits.some((h) => line.endsWith(h)), line).toBe(true);
    }
  });

  it('returns a label, a confidence in 0..1 and readable evidence for any text, even empty', () => {
    for (const text of ['', '🙂', 'ok', '@123 ^JK', 'https://t.co/abc', 'a'.repeat(5000)]) {
      const c = classify({ text });
      expect(LABELS).toContain(c.label);
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(Array.isArray(c.evidence)).toBe(true);
    }
  });

  it('works out the same evidence when it is asked for later (the streamed audit reads it only for kept replies)', () => {
    for (const e of labeled.slice(0, 400)) {
      const c = cuesFor(e.text, e.inReplyToText);
      const lazy = classifyCuesLazily(c);
      const eager = classifyCues(c);
      expect({ label: lazy.label, confidence: lazy.confidence }).toEqual({ label: eager.label, confidence: eager.confidence });
      expect(lazy.evidence).toEqual(eager.evidence);
      expect(lazy.evidence).toBe(lazy.evidence); // worked out once
    }
  });

  it('names the phrases that decided a label', () => {
    const c = classify({ text: 'Please send us a DM with your order number and we will look into it.' }, { text: 'my order never arrived' });
    expect(c.label).toBe('deflecting');
    expect(c.evidence.join(' ')).toMatch(/DM request: "send us a dm"/);
  });

  it('tells specific pages from front doors and contact pages', () => {
    expect(classifyLink('https://support.example.com/en-us/articles/360012345-reset-your-password')).toBe('specific');
    expect(classifyLink('https://www.example.com/contact-us')).toBe('generic');
    expect(classifyLink('https://help.example.com/')).toBe('generic');
    expect(classifyLink('https://t.co/AbC123')).toBe('opaque');
    expect(classifyLink('https://web.archive.org/web/20200101000000/https://support.example.com/kb/answer/185111')).toBe('specific');
  });

  it('strips handles, sign-offs and part markers before reading a reply', () => {
    const n = normalize('@115712 @AcmeCare (1/2) Thanks &amp; sorry for the wait, @Sam! ^JK');
    expect(n.text).toBe('thanks &amp; sorry for the wait, @user!');
    expect(n.signOff).toBe('^JK');
    expect(n.part).toBe('1/2');
  });

  it('reads every kind of whitespace as one space, and links as "url" set off by single spaces', () => {
    expect(normalize('Send\u2009us\u202fa DM\n\n now\t\u00a0please').text).toBe('send us a dm now please');
    expect(normalize('see https://t.co/x, and(https://t.co/y)').text).toBe('see url and( url');
  });

  it('scores evaluation figures correctly on a small known confusion', () => {
    const r = evaluate([
      { truth: 'resolving', predicted: 'resolving' },
      { truth: 'resolving', predicted: 'deflecting' },
      { truth: 'deflecting', predicted: 'deflecting' },
      { truth: 'blaming', predicted: 'blaming' },
    ]);
    expect(r.accuracy).toBe(0.75);
    expect(r.perLabel.resolving).toMatchObject({ precision: 1, recall: 0.5 });
    expect(r.perLabel.deflecting).toMatchObject({ precision: 0.5, recall: 1 });
    expect(r.confusion.resolving.deflecting).toBe(1);
    // 'other' has no support and is left out of macro-F1.
    expect(r.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 10);
  });
});
