// The streamed TWCS audit gives exactly the reports of the whole-file path (worker threads are
// checked through the built CLI in merge.test.ts), and links replies to answered tweets that come before or after them.
import { describe, expect, it } from 'vitest';
import { loadFile } from '../src/sources/detect.js';
import { auditTimeline } from '../src/audit.js';
import { auditTwcsStream } from '../src/stream/twcs-audit.js';
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
