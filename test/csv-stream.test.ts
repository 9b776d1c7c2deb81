// The streaming CSV parser: any chunking of a file gives the same records as reading it whole.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvParser, csvRecords, type CsvRecord } from '../src/sources/twcs-csv.js';
import { rng } from '../src/classify/train.js';
import { corpus, hasCorpus } from './helpers/paths.js';

function chunked(text: string, sizes: () => number): CsvRecord[] {
  const p = new CsvParser('x.csv');
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; ) {
    const n = sizes();
    p.feed(text.slice(i, i + n), false, (r) => out.push(r));
    i += n;
  }
  p.feed('', true, (r) => out.push(r));
  return out;
}

const tricky = [
  'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
  '1,AcmeHelp,False,Tue Oct 31 22:10:47 +0000 2017,"@1 Say ""hi"", then\nrestart, please",,2.0',
  '2,115,True,Tue Oct 31 22:00:00 +0000 2017,@AcmeHelp plain text,1,',
  '3,AcmeHelp,False,Tue Oct 31 22:12:00 +0000 2017,"ends with a quote ""","",""',
].join('\r\n');

describe('the streaming CSV parser', () => {
  it('gives the same records, with the same line numbers, however the text is chunked', () => {
    const whole = csvRecords(tricky, 'x.csv');
    expect(whole).toHaveLength(4);
    expect(whole[1].fields[4]).toBe('@1 Say "hi", then\nrestart, please');
    expect(whole[2].line).toBe(4);
    for (let size = 1; size <= 12; size++) expect(chunked(tricky, () => size)).toEqual(whole);
    const rand = rng(3);
    for (let k = 0; k < 50; k++) expect(chunked(tricky, () => 1 + Math.floor(rand() * 40))).toEqual(whole);
  });

  it.runIf(hasCorpus)('reads the real TWCS sample the same in chunks as whole', () => {
    const text = readFileSync(corpus('twcs/kaggle-sample.csv'), 'utf8');
    const rand = rng(9);
    expect(chunked(text, () => 1 + Math.floor(rand() * 700))).toEqual(csvRecords(text, 'x.csv'));
  });

  it('names the line of a quoted field the file cuts off', () => {
    expect(() => chunked('a,b\n1,"open\nquote', () => 3)).toThrow(/^x\.csv:2: unterminated quoted field/);
  });
});
