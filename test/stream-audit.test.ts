// The streamed audits (TWCS, and v2 pages in two passes) give exactly the reports of the
// whole-file path (worker threads are checked through the built CLI in merge.test.ts), and link
// replies to answered tweets that come before or after them.
import { describe, expect, it, vi } from 'vitest';

// Spied on (and still run) to see which reading `audit` chose.
vi.mock('../src/stream/v2-audit.js', { spy: true });
import { loadFile } from '../src/sources/detect.js';
import { auditTimeline } from '../src/audit.js';
import { auditTwcsStream, readingLine } from '../src/stream/twcs-audit.js';
import * as v2Stream from '../src/stream/v2-audit.js';
import { auditSource } from '../src/commands/audit.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Progress } from '../src/progress.js';
import { reportFromState } from '../src/summary.js';
import { abs, corpus, fixture, hasCorpus } from './helpers/paths.js';
import { ensureBuilt, runCli } from './helpers/cli.js';

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

  const header = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';
  const writeCsv = (name: string, rows: string[]) => {
    const f = join(mkdtempSync(join(tmpdir(), 'feedhealth-twcs-')), name);
    writeFileSync(f, `${[header, ...rows].join('\n')}\n`);
    return f;
  };

  it('links a reply that response_tweet_id does not list (an answered tweet read again in a second pass)', async () => {
    // Oldest first, and the person's tweets list no answers: the stream lets them go at once.
    const f = writeCsv('unlisted.csv', [
      '1,111,True,Sun Oct 01 00:00:00 +0000 2017,@Brand what is your customer service phone number?,,',
      '2,Brand,False,Sun Oct 01 00:10:00 +0000 2017,"@111 Our number is 0800 669 4040, lines are open 8am-8pm.",,1',
      '3,222,True,Sun Oct 01 01:00:00 +0000 2017,@Brand my parcel is late,4,',
      '4,Brand,False,Sun Oct 01 01:05:00 +0000 2017,"@222 Sorry, please DM us your order number.",,3',
      '5,Brand,False,Sun Oct 01 01:06:00 +0000 2017,"@222 Also, we have refunded the delivery fee.",,3',
      '6,Brand,False,Sun Oct 01 02:00:00 +0000 2017,Part two of our thread,,5',
    ]);
    const whole = auditTimeline(loadFile(f), { file: f });
    expect(whole[0].counts.replies).toBe(3);
    expect(whole[0].metrics.responseTime?.timedReplies).toBe(3);
    expect(await streamed(f, 0)).toEqual(whole);
    // And through the built CLI, with worker threads (which run the built code).
    ensureBuilt();
    const cli = (workers: string) => runCli(['audit', f, '--json', '--workers', workers]).stdout;
    expect(JSON.parse(cli('2'))).toEqual(JSON.parse(cli('0')));
    expect(JSON.parse(cli('0')).counts.replies).toBe(3);
  });

  it('takes the first row of a tweet_id that comes again, read whole or streamed', async () => {
    const reply = '2,Brand,False,Sun Oct 01 00:10:00 +0000 2017,"@111 Sorry, please DM us your account number.",,1';
    const f = writeCsv('repeated.csv', [
      '1,111,True,Sun Oct 01 00:00:00 +0000 2017,@Brand my bill is wrong,2,',
      reply,
      reply.replace('Sorry, please DM us your account number.', 'We have corrected the bill.'),
      '3,222,True,Sun Oct 01 01:00:00 +0000 2017,@Brand refund still missing,4,',
      '4,Brand,False,Sun Oct 01 01:05:00 +0000 2017,"@222 We\'ve refunded the charge today, it shows in 3-5 days.",,3',
    ]);
    const whole = auditTimeline(loadFile(f), { file: f });
    expect(whole[0].counts).toMatchObject({ tweets: 2, replies: 2, deflecting: 1, resolving: 1 });
    expect(await streamed(f, 0)).toEqual(whole);
  });

  it('reads files joined with cat (the header again, behind a byte-order mark) as one, whole or streamed', async () => {
    const one = writeCsv('one.csv', [
      '1,111,True,Sun Oct 01 00:00:00 +0000 2017,@Brand my bill is wrong,2,',
      '2,Brand,False,Sun Oct 01 00:10:00 +0000 2017,"@111 Sorry, please DM us your account number.",,1',
      '3,222,True,Sun Oct 01 01:00:00 +0000 2017,@Brand refund still missing,4,',
      '4,Brand,False,Sun Oct 01 01:05:00 +0000 2017,"@222 We\'ve refunded the charge today, it shows in 3-5 days.",,3',
    ]);
    const [head, ...rows] = readFileSync(one, 'utf8').trimEnd().split('\n');
    const joined = join(dirname(one), 'joined.csv');
    writeFileSync(joined, `${[head, ...rows.slice(0, 2)].join('\n')}\n\ufeff${[head, ...rows.slice(2)].join('\n')}\n`);
    const whole = auditTimeline(loadFile(one), { file: joined });
    expect(auditTimeline(loadFile(joined), { file: joined })).toEqual(whole);
    expect(await streamed(joined, 0)).toEqual(whole);
    expect(whole[0].counts).toMatchObject({ replies: 2, deflecting: 1, resolving: 1 });
  });

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

async function streamedV2(file: string, handle?: string) {
  const audits = await v2Stream.auditV2Stream({ file, handle, timeZone: 'UTC', keepReplies: true, workers: 0 });
  return audits && audits.map((a) => reportFromState(a.state, { file, format: 'v2' }, a.replies));
}

describe('the streamed audit of v2 pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'feedhealth-v2stream-'));
  const write = (name: string, pages: object[]) => {
    const f = join(dir, name);
    writeFileSync(f, `${pages.map((p) => JSON.stringify(p)).join('\n')}\n`);
    return f;
  };
  const brand = { id: '900', username: 'ShopHelp', name: 'Shop Help' };
  const person = (n: number, followers = n * 10) => ({ id: `7${n}`, username: `p${n}`, name: `Person ${n}`, public_metrics: { followers_count: followers } });
  const ask = (n: number, text = 'my order never came, this is the second time') => ({ id: `5${n}`, text, author_id: `7${n}`, created_at: `2026-03-0${1 + (n % 8)}T10:00:00.000Z` });
  const reply = (id: string, n: number, text: string, minutes = 30) => ({ id, text, author_id: '900', created_at: `2026-03-0${1 + (n % 8)}T10:${String(minutes).padStart(2, '0')}:00.000Z`, in_reply_to_user_id: `7${n}`, referenced_tweets: [{ type: 'replied_to', id: `5${n}` }] });
  const meta = { __feedhealth: { endpoint: '/2/users/900/tweets', user: { id: '900', username: 'ShopHelp' } } };

  for (const f of [fixture('acmecare.jsonl'), fixture('bare-tweets.jsonl')]) {
    it(`equals the whole-file audit of ${f}`, async () => {
      expect(await streamedV2(abs(f))).toEqual(auditTimeline(loadFile(abs(f)), { file: abs(f) }));
    });
  }

  it('links replies to answered tweets that come before, after or not at all, and a user named after their tweets', async () => {
    const f = write('order.jsonl', [
      // Page 1: a reply whose answered tweet comes two pages later; a user named only on page 3.
      { data: [reply('81', 1, '@p1 Sorry! Please DM us your order number.'), reply('82', 2, '@p2 Refunded today, it shows in 3-5 days.')], includes: { users: [brand, person(2)], tweets: [ask(2)] }, ...meta },
      // Page 2: two replies to one tweet (one before it arrives), a brand self-thread, a reply to a tweet not in the file.
      { data: [reply('83', 3, '@p3 The courier handles deliveries, please contact them.'), { id: '84', text: 'Part two of our thread', author_id: '900', created_at: '2026-03-05T11:00:00.000Z', in_reply_to_user_id: '900', referenced_tweets: [{ type: 'replied_to', id: '83' }] }, reply('85', 6, '@p6 Which app version are you on?')], includes: { users: [brand, person(3)], tweets: [] }, ...meta },
      // Page 3: the answered tweets of page 1 and 2 turn up, and a second reply to tweet 53.
      { data: [reply('86', 3, '@p3 Update: the courier confirmed it is out for delivery today.', 45)], includes: { users: [brand, person(1), person(3)], tweets: [ask(1), ask(3)] }, ...meta },
    ]);
    const whole = auditTimeline(loadFile(f), { file: f });
    expect(await streamedV2(f)).toEqual(whole);
    expect(whole[0].counts.replies).toBe(5);
  });

  it('gives each tweet the user details known when it is read, as the whole-file reading does', async () => {
    const f = write('users.jsonl', [
      { data: [reply('81', 1, '@p1 Thanks for waiting, Person!')], includes: { users: [brand, person(1, 10)], tweets: [ask(1)] }, ...meta },
      { data: [reply('82', 2, '@p2 We have fixed it.')], includes: { users: [brand, person(1, 99_000), person(2)], tweets: [ask(2), ask(1)] }, ...meta },
    ]);
    expect(await streamedV2(f)).toEqual(auditTimeline(loadFile(f), { file: f }));
  });

  it('links every answer to a tweet answered hundreds of times, wherever it sits in the file', async () => {
    // Past 255 answers the first pass's count of answers no longer fits in 31 bits.
    const n = 300;
    const thread = { id: '500', text: 'Is the app down for everyone?', author_id: '71', created_at: '2026-03-01T09:00:00.000Z' };
    const answers = Array.from({ length: n }, (_, i) => ({ ...reply(`9${i}`, 1, `@p1 @p${i} We're looking into it, thanks for your patience.`), referenced_tweets: [{ type: 'replied_to', id: '500' }] }));
    for (const [name, pages] of [
      ['before.jsonl', [{ data: [], includes: { users: [brand, person(1)], tweets: [thread] }, ...meta }, { data: answers, includes: { users: [brand] }, ...meta }]],
      ['after.jsonl', [{ data: answers, includes: { users: [brand] }, ...meta }, { data: [], includes: { users: [brand, person(1)], tweets: [thread] }, ...meta }]],
    ] as const) {
      const f = write(name, pages);
      const whole = auditTimeline(loadFile(f), { file: f });
      expect(whole[0].counts.replies, name).toBe(n);
      expect(await streamedV2(f), name).toEqual(whole);
    }
  });

  it('audits the brand named by --handle, and two brands in one file', async () => {
    const other = { id: '901', username: 'RailHelp', name: 'Rail Help' };
    const f = write('two.jsonl', [
      { data: [reply('81', 1, '@p1 Please DM us.')], includes: { users: [brand, person(1)], tweets: [ask(1)] }, ...meta },
      { data: [{ ...reply('82', 2, '@p2 Trains are running again.'), author_id: '901' }], includes: { users: [other, person(2)], tweets: [ask(2)] }, __feedhealth: { endpoint: '/2/users/901/tweets', user: { id: '901', username: 'RailHelp' } } },
    ]);
    expect(await streamedV2(f)).toEqual(auditTimeline(loadFile(f), { file: f }));
    expect(await streamedV2(f, 'railhelp')).toEqual(auditTimeline(loadFile(f), { file: f, handle: 'railhelp' }));
    await expect(streamedV2(f, 'nobody')).rejects.toThrow(/no tweets by @nobody \(accounts in it: ShopHelp, RailHelp\)/);
  });

  it('is what `audit` runs for a big JSONL file, with the report of the whole-file reading', async () => {
    const f = abs(fixture('acmecare.jsonl'));
    const stream = vi.mocked(v2Stream.auditV2Stream);
    stream.mockClear();
    const streamed = await auditSource(f, { summaryOnly: true, streamV2Bytes: 0, workers: 0 });
    expect(stream).toHaveBeenCalledTimes(1);
    expect(await stream.mock.results[0].value).not.toBeNull();
    // --since asks for the whole-file reading (every tweet of the fixture is since 2000).
    const whole = await auditSource(f, { summaryOnly: true, since: '2000-01-01', workers: 0 });
    expect(streamed.source).toEqual({ file: f, format: 'v2' });
    expect(streamed.audits).toEqual(whole.audits);
    expect(streamed.audits[0].replies).toEqual([]);
    const kept = await auditSource(f, { streamV2Bytes: 0, workers: 0 });
    expect(kept.audits).toEqual((await auditSource(f, { workers: 0 })).audits);
    // The --since run and the small-file run read the file whole.
    expect(stream).toHaveBeenCalledTimes(2);
    expect(kept.audits[0].replies.length).toBeGreaterThan(50);
  });

  it('says which pass it is in and how far into the file, on a terminal only, and clears itself', async () => {
    const writes: string[] = [];
    const tty = { isTTY: true, columns: 80, write: (s: string) => (writes.push(s), true) };
    const f = abs(fixture('acmecare.jsonl'));
    await v2Stream.auditV2Stream({ file: f, timeZone: 'UTC', keepReplies: false, workers: 0, progress: new Progress(tty) });
    expect(writes.join('')).toMatch(/acmecare\.jsonl: pass 1 of 2 \(100%\) · \d+:\d\d/);
    expect(writes[writes.length - 1]).toBe('\r\x1b[K');
    const quiet: string[] = [];
    await v2Stream.auditV2Stream({ file: f, timeZone: 'UTC', keepReplies: false, workers: 0, progress: new Progress({ isTTY: false, write: (s: string) => (quiet.push(s), true) }) });
    expect(quiet).toEqual([]);
  });

  it('classifies a post over 280 characters by its whole text (note_tweet), read whole or streamed', async () => {
    // What resolves it comes after the cut: `text` alone reads as sympathy and nothing done.
    const whole = "@p1 Sorry to hear your parcel never arrived, that is not the experience we want anyone to have with us, and we completely understand how annoying it is to keep checking the tracking page and the doorstep for a delivery that was promised for last Tuesday and then for Friday and then for yesterday too, so we've refunded the full amount to your card today; you'll see it back in 3-5 working days.";
    const cut = `${whole.slice(0, 270)}… https://t.co/Ab3dEf9hIj`;
    const long = { ...reply('81', 1, cut), note_tweet: { text: whole } };
    const f = write('long.jsonl', [{ data: [long], includes: { users: [brand, person(1)], tweets: [ask(1)] }, ...meta }]);
    const report = auditTimeline(loadFile(f), { file: f });
    expect(report[0].replies[0]).toMatchObject({ text: whole, label: 'resolving' });
    expect(report[0].replies[0].evidence).toContain('action taken: "we\'ve refunded"');
    expect(await streamedV2(f)).toEqual(report);
    const short = write('cut.jsonl', [{ data: [reply('81', 1, cut)], includes: { users: [brand, person(1)], tweets: [ask(1)] }, ...meta }]);
    expect(auditTimeline(loadFile(short), { file: short })[0].replies[0].label).not.toBe('resolving');
  });

  it('counts an edited reply once, as its newest version, read whole or streamed: the report of a file holding only that', async () => {
    // The versions of an edit are tweets of their own; the newest's edit history lists the others.
    const first = { ...reply('81', 1, '@p1 Please DM us your order number.'), edit_history_tweet_ids: ['81'] };
    const last = { ...reply('83', 1, "@p1 We've refunded your order today, it shows in 3-5 days."), edit_history_tweet_ids: ['81', '82', '83'] };
    const middle = { ...reply('82', 1, '@p1 Please DM us your order number and postcode.'), edit_history_tweet_ids: ['81', '82'] };
    // A thread continuation answering the first version still finds it (a tweet of the brand's own).
    const thread = { id: '84', text: 'Part two of our thread', author_id: '900', created_at: '2026-03-05T11:00:00.000Z', in_reply_to_user_id: '900', referenced_tweets: [{ type: 'replied_to', id: '81' }] };
    const page = (data: object[]) => ({ data, includes: { users: [brand, person(1)], tweets: [ask(1)] }, ...meta });
    const newest = write('newest.jsonl', [page([last, thread])]);
    // Oldest version first, as an append-only cache holds them, or newest first.
    const cache = write('edited-cache.jsonl', [page([first]), page([middle]), page([last, thread])]);
    const newestFirst = write('edited-newest-first.jsonl', [page([last, thread]), page([middle, first])]);
    for (const f of [cache, newestFirst]) {
      const whole = auditTimeline(loadFile(f), { file: f });
      expect(whole[0].counts, f).toMatchObject({ tweets: 2, replies: 1, resolving: 1 });
      expect(whole, f).toEqual(auditTimeline(loadFile(newest), { file: f }));
      expect(await streamedV2(f), f).toEqual(whole);
    }
    // As `audit` runs it for a big file: streamed (not left to the whole-file reading), the same audits.
    const stream = vi.mocked(v2Stream.auditV2Stream);
    stream.mockClear();
    const streamed = await auditSource(cache, { streamV2Bytes: 0, workers: 0 });
    expect(await stream.mock.results[0].value).not.toBeNull();
    expect(streamed.audits).toEqual((await auditSource(newest, { workers: 0 })).audits);
  });

  it('counts the authors again when it counted a superseded version among them and they decide whose timeline it is', async () => {
    // No owner named: the most frequent author is the brand. Counting version 81 as well would tie
    // ShopHelp with RailHelp, and ShopHelp's first tweet would win the tie.
    const rail = { id: '901', username: 'RailHelp', name: 'Rail Help' };
    const railReply = (id: string, n: number) => ({ ...reply(id, n, `@p${n} Trains are running again.`), author_id: '901' });
    const f = write('recount.jsonl', [
      { data: [{ ...reply('81', 1, '@p1 Please DM us.'), edit_history_tweet_ids: ['81'] }], includes: { users: [brand, person(1)], tweets: [ask(1)] } },
      { data: [railReply('91', 2), railReply('92', 3)], includes: { users: [rail, person(2), person(3)], tweets: [ask(2), ask(3)] } },
      { data: [{ ...reply('82', 1, '@p1 We have refunded it.'), edit_history_tweet_ids: ['81', '82'] }], includes: { users: [brand] } },
    ]);
    const whole = auditTimeline(loadFile(f), { file: f });
    expect(whole.map((r) => r.handle)).toEqual(['RailHelp']);
    expect(await streamedV2(f)).toEqual(whole);
    expect(await streamedV2(f, 'ShopHelp')).toEqual(auditTimeline(loadFile(f), { file: f, handle: 'ShopHelp' }));
  });

  it('reads past a byte-order mark that opens a line mid-file (files joined by cat), as the whole-file reading does', async () => {
    const pages = readFileSync(abs(fixture('acmecare.jsonl')), 'utf8').split('\n').filter(Boolean);
    const f = join(dir, 'joined.jsonl');
    writeFileSync(f, `\ufeff${pages[0]}\n\ufeff${pages.slice(1).join('\n')}\n`);
    const whole = auditTimeline(loadFile(f), { file: f });
    expect(whole).toEqual(auditTimeline(loadFile(abs(fixture('acmecare.jsonl'))), { file: f }));
    expect(await streamedV2(f)).toEqual(whole);
  });

  it('leaves a file holding one of its tweets twice, or a pretty-printed document, to the whole-file reading', async () => {
    const page = { data: [reply('81', 1, '@p1 Please DM us.')], includes: { users: [brand, person(1)], tweets: [ask(1)] }, ...meta };
    expect(await streamedV2(write('twice.jsonl', [page, page]))).toBeNull();
    const pretty = join(dir, 'pretty.json');
    writeFileSync(pretty, JSON.stringify(page, null, 2));
    expect(await streamedV2(pretty)).toBeNull();
  });
});

