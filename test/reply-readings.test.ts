// An audit reads each wording of a reply once (readings.ts): canned replies differ only in the
// @handle they open with. Sharing must never change a reply's result.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../src/classify/normalize.js';
import { readLabeled } from '../src/classify/labeled.js';
import { ReplyReadings, wording } from '../src/stream/readings.js';
import { doReplyJob, type ReplyJob, type ReplyResult } from '../src/stream/work.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'labeled');
const labeled = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readLabeled(join(dir, f), { keepAmbiguous: true }));

// Ways a reply opens with handles, and texts that only look like it.
const OPENINGS = ['', '@sam ', '@sam @Acme_Help ', '@sam\n\n', '＠sam ', '@x  @y\t'];
const TRICKY = [
  "@bob's order has shipped",
  '@bob, your refund is on its way',
  '.@bob we fixed it',
  '@bob https://help.example.com/article/42 has the steps',
  '@bob @alice 1/2 Sorry! Please DM us. ^JK',
  '@bob   __email__ us and we will check',
  '@bob',
  '@bob ',
  '@bob @',
  '@bob\u00a0thanks for waiting',
];

const plain = (r: ReplyResult) => ({
  label: r.classification.label,
  confidence: r.classification.confidence,
  evidence: r.classification.evidence,
  signed: r.signed,
  named: r.named,
  templateKey: r.templateKey,
});

describe('sharing the reading of replies worded alike', () => {
  it('drops only handles that open a reply and are followed by white space', () => {
    expect(wording('@sam @Acme_Help Sorry about that')).toBe('Sorry about that');
    expect(wording("@bob's order")).toBe("@bob's order");
    expect(wording('.@bob we fixed it')).toBe('.@bob we fixed it');
    expect(wording('Thanks @sam for waiting')).toBe('Thanks @sam for waiting');
  });

  it('normalizes a reply exactly as its wording (every labeled reply, with each opening)', () => {
    for (const e of labeled)
      for (const o of OPENINGS) {
        const text = o + e.text;
        expect(normalize(wording(text)), text).toEqual(normalize(text));
      }
    for (const text of TRICKY) expect(normalize(wording(text)), text).toEqual(normalize(text));
  });

  it('gives every reply the result it gets when read afresh, whatever the answered tweet', () => {
    // Each labeled reply four times, under different openings and answered tweets (its own, none,
    // another's, none again), shuffled within runs of ten replies so shared readings meet other
    // answers; a small cache, so it also empties.
    const readings = new ReplyReadings(50);
    const jobs: ReplyJob[] = [];
    labeled.forEach((e, i) => {
      const other = labeled[(i * 7 + 3) % labeled.length];
      jobs.push({ text: OPENINGS[i % OPENINGS.length] + e.text, answeredText: e.inReplyToText, answeredName: 'Sarah K.' });
      jobs.push({ text: `@someone ${e.text}`, answeredText: undefined });
      jobs.push({ text: `@sarah ${e.text}`, answeredText: other.inReplyToText ?? 'what is your phone number?', answeredName: 'Sam' });
      jobs.push({ text: `@again ${e.text}`, answeredText: undefined, answeredName: 'Again' });
    });
    for (const text of TRICKY) jobs.push({ text, answeredText: 'my parcel is late, what is your number?', answeredName: 'Bob' });
    const RUN = 40;
    const order = jobs.map((_, i) => i - (i % RUN) + ((i % RUN) * 17) % RUN).filter((i) => i < jobs.length);
    const seen = new Set<unknown>();
    let shared = 0;
    for (const i of order) {
      const r = doReplyJob(jobs[i], readings);
      if (seen.has(r.classification)) shared++;
      seen.add(r.classification);
      expect(plain(r), jobs[i].text).toEqual(plain(doReplyJob(jobs[i])));
    }
    // Most replies' second reading without an answered tweet shares the first one's verdict.
    expect(shared).toBeGreaterThan(labeled.length / 2);
  });

  it('shares one verdict between replies worded alike that answer tweets with the same cues', () => {
    const readings = new ReplyReadings();
    const a = doReplyJob({ text: '@ann Sorry! Please DM us your order number.', answeredText: 'my order is late' }, readings);
    const b = doReplyJob({ text: '@bo Sorry! Please DM us your order number.', answeredText: 'Order is LATE.' }, readings);
    const c = doReplyJob({ text: '@cy Sorry! Please DM us your order number.', answeredText: 'what is your phone number?' }, readings);
    expect(b.classification).toBe(a.classification);
    expect(c.classification).not.toBe(a.classification);
  });
});
