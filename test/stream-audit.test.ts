// The streamed TWCS audit gives exactly the reports of the whole-file path (worker threads are
// checked through the built CLI in merge.test.ts), and links replies to answered tweets that come before or after them.
import { describe, expect, it } from 'vitest';
import { loadFile } from '../src/sources/detect.js';
import { auditTimeline } from '../src/audit.js';
import { auditTwcsStream, readingLine } from '../src/stream/twcs-audit.js';
import { Progress } from '../src/progress.js';
import { reportFromState } from '../src/summary.js';
import { abs, corpus, fixture, hasCorpus } from './helpers/paths.js';

async function streamed(file: string, workers: number) {
  const audits = await auditTwcsStream({ file, timeZone: 'UTC', keepReplies: true, workers });
  return audits.map((a) => reportFromState(a.state, { file, format: 'twcs' }, a.replies));
}

const files = [abs(fixture('twcs-sample.csv')), ...(hasCorpus ? [corpus('twcs/kaggle-sample.csv'), corpus('twcs/head-1000.csv')] : [])];

describe('the streamed TWCS audit', () => {
  for (const file of files) {
    it(`equals the whole-file audit of ${file.split('/').slice(-2).join('/')}`, async () => {
      const whole = auditTimeline(loadFile(file), { file });
      expect(await streamed(file, 0)).toEqual(whole);
    });
  }

});

describe('the status line of a streamed audit', () => {
  it('says how many rows are read and how far into the file, on a terminal only, and clears itself', async () => {
    const writes: string[] = [];
    const tty = { isTTY: true, columns: 80, write: (s: string) => (writes.push(s), true) };
    const file = fixture('twcs-sample.csv');
    await auditTwcsStream({ file, timeZone: 'UTC', keepReplies: false, workers: 0, progress: new Progress(tty) });
    const text = writes.join('');
    expect(text).toMatch(/twcs-sample\.csv: [\d,]+ rows \(\d+%\) · 0:\d\d/);
    expect(text).toMatch(/rows read; summarizing \d+ brands/);
    expect(writes[writes.length - 1]).toBe('\r\x1b[K'); // nothing left on the line

    const quiet: string[] = [];
    const pipe = { isTTY: false, write: (s: string) => (quiet.push(s), true) };
    await auditTwcsStream({ file, timeZone: 'UTC', keepReplies: false, workers: 0, progress: new Progress(pipe) });
    expect(quiet).toEqual([]);
  });

  it('reads as rows, share of the file and time', () => {
    expect(readingLine('twcs.csv', 1_204_311, 43_500_000, 100_000_000, 12_000)).toBe('twcs.csv: 1,204,311 rows (43%) · 0:12');
    expect(readingLine('twcs.csv', 10, 5, 0, 0)).toBe('twcs.csv: 10 rows · 0:00');
  });
});
