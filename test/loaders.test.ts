// Loaders: every input format becomes the one Tweet model, detected by content, with text unescaped once.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { detectFormat, loadFile } from '../src/sources/detect.js';
import { looksBinary, looksUtf16, sniffBytes } from '../src/sources/sniff.js';
import { parseV2 } from '../src/sources/v2-json.js';
import { parseTwcs } from '../src/sources/twcs-csv.js';
import { loadArchive } from '../src/sources/archive.js';
import { IdSet } from '../src/sources/id-set.js';
import { InputError } from '../src/errors.js';
import { OWNER_UNKNOWN, type Timeline, type Tweet } from '../src/model.js';
import { abs, bad, BRANDS, corpus, fixture, hasCorpus } from './helpers/paths.js';

/** X, TWCS and archives escape exactly these three; undoing them by hand is the reference. */
const unescapeOnce = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const read = (rel: string) => readFileSync(abs(rel), 'utf8');
const jsonl = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const byText = (tl: Timeline, part: string, where: 'tweets' | 'context' = 'tweets'): Tweet => {
  const hits = tl[where].filter((t) => t.text.includes(part));
  expect(hits, `exactly one ${where} tweet containing ${JSON.stringify(part)}`).toHaveLength(1);
  return hits[0];
};
const allTweets = (tl: Timeline) => [...tl.tweets, ...tl.context];

/** Raw v2 tweet objects of a page, JSONL of pages, or wrapped capture, with where they sit. */
function rawV2(value: unknown): { t: { id: string; text: string }; primary: boolean }[] {
  const v = value && typeof value === 'object' && 'response' in value ? (value as { response: unknown }).response : value;
  if (!v || typeof v !== 'object') return [];
  const page = v as { data?: unknown; includes?: { tweets?: { id: string; text: string }[] } };
  if ('id' in page && 'text' in page) return [{ t: page as unknown as { id: string; text: string }, primary: true }];
  const data = Array.isArray(page.data) ? page.data : [];
  return [
    ...data.filter((t) => t && typeof t.text === 'string').map((t) => ({ t, primary: true })),
    ...(page.includes?.tweets ?? []).map((t) => ({ t, primary: false })),
  ];
}

const scratch = mkdtempSync(join(tmpdir(), 'feedhealth-loaders-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** Writes `text` to a scratch file; returns its path. */
const variant = (name: string, text: string) => {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
};

describe('format detection', () => {
  it('recognises X API v2 JSONL pages, a pretty single page and bare-tweet JSONL as v2 by their content', () => {
    for (const f of ['acmecare.jsonl', 'acmecare-page.json', 'bare-tweets.jsonl']) expect(detectFormat(read(fixture(f))), f).toBe('v2');
  });

  it('recognises archive tweets.js files, old and new, by their window.YTD assignment', () => {
    expect(detectFormat(read(fixture('archive/data/tweets.js')))).toBe('archive');
    expect(detectFormat(read(fixture('archive/data/tweets-part1.js')))).toBe('archive');
    expect(detectFormat(read(fixture('archive-2019/data/tweet.js')))).toBe('archive');
  });

  it('recognises a TWCS CSV by its header, even behind a byte-order mark', () => {
    const csv = read(fixture('twcs-sample.csv'));
    expect(detectFormat(csv)).toBe('twcs');
    expect(detectFormat(`\ufeff${csv}`)).toBe('twcs');
  });

  it('does not trust file names: a CSV called .json and a JSONL called .txt load as what they are', () => {
    const csvAsJson = join(scratch, 'really-a-csv.json');
    const jsonlAsTxt = join(scratch, 'export.txt');
    copyFileSync(abs(fixture('twcs-sample.csv')), csvAsJson);
    copyFileSync(abs(fixture('acmecare.jsonl')), jsonlAsTxt);
    expect(loadFile(csvAsJson).format).toBe('twcs');
    expect(loadFile(jsonlAsTxt).format).toBe('v2');
  });

  it('gives no format for content it cannot place', () => {
    expect(detectFormat('hello there\nthis is prose')).toBeNull();
    expect(detectFormat('id,user,date,message\n1,a,b,c\n')).toBeNull();
  });

  it('treats NUL bytes as binary data and ordinary UTF-8 text (emoji, £, –) as text', () => {
    expect(looksBinary(readFileSync(abs(bad('binary.jsonl'))))).toBe(true);
    expect(looksBinary(readFileSync(abs(fixture('acmecare.jsonl'))))).toBe(false);
    expect(looksBinary(readFileSync(abs(fixture('twcs-sample.csv'))))).toBe(false);
  });

  it('tells UTF-16 by its byte-order mark, or without one by a NUL in every other byte; UTF-8 text is never UTF-16', () => {
    const text = read(fixture('acmecare.jsonl'));
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(sniffBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ kind: 'utf16' });
    expect(sniffBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ kind: 'utf16' });
    expect(sniffBytes(le)).toEqual({ kind: 'utf16' });
    expect(sniffBytes(be)).toEqual({ kind: 'utf16' });
    // Text with no NUL at all in UTF-16 (CJK) is known by its mark.
    expect(looksUtf16(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('请私信我们', 'utf16le')]))).toBe(true);
    for (const f of ['acmecare.jsonl', 'twcs-sample.csv', 'archive/data/tweets.js']) expect(sniffBytes(readFileSync(abs(fixture(f)))), f).toEqual({ kind: 'text' });
    expect(sniffBytes(Buffer.from('\ufeff{"text": "héllo 💙"}\n'))).toEqual({ kind: 'text' });
  });

  it('calls NUL bytes and compressed files binary, naming gzip and zip by their magic bytes', () => {
    expect(sniffBytes(readFileSync(abs(bad('binary.jsonl'))))).toEqual({ kind: 'binary' });
    expect(sniffBytes(gzipSync(read(fixture('acmecare.jsonl'))))).toEqual({ kind: 'binary', hint: 'gzip? decompress it first' });
    expect(sniffBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]))).toEqual({ kind: 'binary', hint: 'zip? unzip it first' });
  });
});

describe('--input-format', () => {
  it('reads a file with the named loader when it matches the content', () => {
    expect(loadFile(abs(fixture('acmecare.jsonl')), 'v2').tweets).toHaveLength(90);
    expect(loadFile(abs(fixture('twcs-sample.csv')), 'twcs').tweets).toHaveLength(60);
    expect(loadFile(abs(fixture('archive/data/tweets.js')), 'archive').tweets).toHaveLength(25);
    expect(loadFile(abs(fixture('archive')), 'archive').tweets).toHaveLength(25);
  });

  it('skips detection: a TWCS CSV forced through the v2 loader is an input error naming the file', () => {
    const file = abs(fixture('twcs-sample.csv'));
    expect(() => loadFile(file, 'v2')).toThrow(InputError);
    expect(() => loadFile(file, 'v2')).toThrow(file);
  });

  it('skips detection: v2 JSONL forced through the TWCS or archive loader is an input error', () => {
    const file = abs(fixture('acmecare.jsonl'));
    expect(() => loadFile(file, 'twcs')).toThrow(InputError);
    expect(() => loadFile(file, 'archive')).toThrow(InputError);
  });

  it('says a JSON file is not archive data even when a URL in it holds an "="', () => {
    const page = JSON.parse(read(fixture('acmecare-page.json')));
    page.data[0].text += ' https://help.nimbus.example/?topic=sync';
    const file = join(scratch, 'with-equals.json');
    writeFileSync(file, JSON.stringify(page, null, 2));
    expect(() => loadFile(file, 'archive')).toThrow(/with-equals\.json: not an archive data file/);
  });

  it('only lets a folder be read as an archive', () => {
    expect(() => loadFile(abs(fixture('archive')), 'v2')).toThrow(/is a folder/);
  });
});

describe('X API v2 pages', () => {
  const acme = loadFile(abs(fixture('acmecare.jsonl')));

  it('reads every page of fixtures/acmecare.jsonl into one timeline of the brand\'s 90 tweets', () => {
    expect(acme.format).toBe('v2');
    expect(acme.tweets).toHaveLength(90);
    expect(acme.tweets.every((t) => t.authorId === BRANDS.acme.id && t.authorHandle === 'AcmeCare')).toBe(true);
    const pages = jsonl(abs(fixture('acmecare.jsonl')));
    expect(pages).toHaveLength(3);
    expect(pages.reduce((n, p) => n + p.meta.result_count, 0)).toBe(90);
  });

  it('takes the owner from the __feedhealth retrieval metadata, once however many pages name it', () => {
    expect(acme.owners).toEqual([{ id: BRANDS.acme.id, handle: 'AcmeCare' }]);
  });

  it('keeps includes.tweets as context and never counts the brand\'s own expanded tweets twice', () => {
    const own = new Set(acme.tweets.map((t) => t.id));
    expect(acme.context.length).toBeGreaterThan(60);
    expect(acme.context.filter((t) => own.has(t.id))).toEqual([]);
    expect(acme.context.filter((t) => t.authorId === BRANDS.acme.id)).toEqual([]);
    expect(new Set(acme.tweets.map((t) => t.id)).size).toBe(acme.tweets.length);
  });

  it('attaches the answered customer tweet with its author\'s handle, name and followers from includes.users', () => {
    const reply = byText(acme, 'left our Daventry warehouse');
    expect(reply.inReplyToHandle).toBe('tomwhitlock');
    const answered = acme.context.find((t) => t.id === reply.inReplyToId);
    expect(answered).toMatchObject({ authorHandle: 'tomwhitlock', authorName: 'Tom Whitlock', authorFollowers: 212, inReplyToId: undefined });
    expect(answered!.text).toMatch(/^@AcmeCare ordered a kettle/);
    expect(answered!.createdAt! < reply.createdAt!).toBe(true);
  });

  it('knows followers from a dozen to a quarter of a million', () => {
    const followers = acme.context.map((t) => t.authorFollowers).filter((n): n is number => n !== undefined);
    expect(Math.min(...followers)).toBe(12);
    expect(Math.max(...followers)).toBe(250000);
  });

  it('links a customer\'s follow-up to the brand reply it answers', () => {
    const followUp = byText(acme, 'kettle arrived early', 'context');
    const first = byText(acme, 'left our Daventry warehouse');
    expect(followUp.inReplyToId).toBe(first.id);
    expect(followUp.inReplyToUserId).toBe(BRANDS.acme.id);
    expect(followUp.conversationId).toBe(first.conversationId);
  });

  it('keeps a reply whose answered tweet was deleted (listed in errors), with the answered id but no text', () => {
    const reply = byText(acme, 'Could you DM us the full postcode');
    expect(reply.inReplyToId).toBeDefined();
    expect(acme.context.find((t) => t.id === reply.inReplyToId)).toBeUndefined();
    expect(reply.inReplyToHandle).toBe('new_build_nina');
  });

  it('unescapes HTML exactly once: &amp; → &, &gt; → >, and a typed "&lt;" stays "&lt;"', () => {
    expect(byText(acme, 'Change address').text).toContain('Orders > Manage order > Change address');
    expect(byText(acme, 'stack with sale items').text).toContain('T&Cs');
    expect(byText(acme, 'We never sleep').text).toContain('🦉 <3');
    expect(byText(acme, 'in the status box', 'context').text).toContain('says &lt;b&gt;Delivered&lt;/b&gt; in the status box');
    expect(allTweets(acme).filter((t) => /&amp;|&gt;/.test(t.text)).map((t) => t.authorHandle)).toEqual(['priya_codes']);
  });

  it('matches a by-hand unescape of every text in every bundled v2 fixture', () => {
    for (const f of ['acmecare.jsonl', 'acmecare-page.json', 'bare-tweets.jsonl']) {
      const tl = loadFile(abs(fixture(f)));
      const loaded = new Map(allTweets(tl).map((t) => [t.id, t.text]));
      const raw = f.endsWith('.json') ? rawV2(JSON.parse(read(fixture(f)))) : jsonl(abs(fixture(f))).flatMap(rawV2);
      expect(raw.length, f).toBeGreaterThan(10);
      for (const { t } of raw) expect(loaded.get(t.id), `${f} ${t.id}`).toBe(unescapeOnce(t.text));
    }
  });

  it('marks the two retweets and keeps the retweeted originals as context', () => {
    const rts = acme.tweets.filter((t) => t.isRetweet);
    expect(rts.map((t) => t.text.split(':')[0]).sort()).toEqual(['RT @AcmeHQ', 'RT @AcmeStatus']);
    expect(acme.context.filter((t) => t.authorHandle === 'AcmeStatus' || t.authorHandle === 'AcmeHQ')).toHaveLength(2);
  });

  it('converts created_at to ISO 8601 and keeps ids as exact digit strings', () => {
    for (const t of allTweets(acme)) {
      expect(t.id).toMatch(/^\d{15,20}$/);
      expect(t.createdAt).toMatch(/^2026-1[01]-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    }
  });

  it('reads a single pretty-printed page with no retrieval metadata and names no owner', () => {
    const tl = loadFile(abs(fixture('acmecare-page.json')));
    expect(tl.tweets).toHaveLength(15);
    expect(tl.owners).toEqual([]);
    expect(new Set(tl.tweets.map((t) => t.authorHandle))).toEqual(new Set(['NimbusHelp']));
    expect(tl.tweets.filter((t) => t.isRetweet)).toHaveLength(1);
  });

  it('reads bare v2 tweet objects, one per line, leaving the handle unknown when no users are included', () => {
    const tl = loadFile(abs(fixture('bare-tweets.jsonl')));
    expect(tl.tweets).toHaveLength(12);
    expect(tl.context).toEqual([]);
    expect(tl.tweets.every((t) => t.authorId === BRANDS.parcelpal.id && t.authorHandle === undefined)).toBe(true);
    expect(byText(tl, 'Mill Lane').text).toContain('photo ID & the collection code');
  });

  it('treats the tweets of a /mentions page as context, not as the account\'s own', () => {
    const page = JSON.parse(read(fixture('acmecare-page.json')));
    page.__feedhealth = { endpoint: `/2/users/${BRANDS.nimbus.id}/mentions`, user: { id: BRANDS.nimbus.id, username: 'NimbusHelp' } };
    const tl = parseV2(JSON.stringify(page), 'mentions.json');
    expect(tl.tweets).toEqual([]);
    expect(tl.context.length).toBeGreaterThanOrEqual(15);
  });

  it('fills handles from users that arrive on a later page than the tweets naming them', () => {
    const [p1, p2] = jsonl(abs(fixture('acmecare.jsonl')));
    const later = { ...p2, includes: { ...p2.includes, users: [...p2.includes.users, ...p1.includes.users] } };
    const early = { ...p1, includes: { ...p1.includes, users: [] } };
    const tl = parseV2(`${JSON.stringify(early)}\n${JSON.stringify(later)}\n`, 'two-pages.jsonl');
    expect(tl.tweets.every((t) => t.authorHandle === 'AcmeCare')).toBe(true);
    expect(byText(tl, 'We never sleep').inReplyToHandle).toBe('insomniac_iris');
  });

  it('reads a post over 280 characters whole from note_tweet (text holds it cut short), the brand\'s and the answered tweet\'s, unescaped once', () => {
    const reply = '@p1 Sorry to hear your parcel never arrived. '.padEnd(300, '.') + " We've refunded the full amount &amp; the delivery fee.";
    const ask = '@ShopHelp my parcel never came, '.padEnd(300, '!') + ' and the tracking says delivered &gt;:(';
    const cut = (text: string) => `${text.slice(0, 270)}… https://t.co/Ab3dEf9hIj`;
    const page = {
      data: [{ id: '81', text: cut(reply), note_tweet: { text: reply }, author_id: '900', in_reply_to_user_id: '71', referenced_tweets: [{ type: 'replied_to', id: '51' }] }],
      includes: { users: [{ id: '900', username: 'ShopHelp' }, { id: '71', username: 'p1' }], tweets: [{ id: '51', text: cut(ask), note_tweet: { text: ask }, author_id: '71' }] },
    };
    for (const tl of [loadFile(variant('long.jsonl', `${JSON.stringify(page)}\n`)), parseV2(JSON.stringify(page, null, 2), 'long.json')]) {
      expect(tl.tweets[0].text).toBe(unescapeOnce(reply));
      expect(tl.tweets[0].text).toMatch(/refunded the full amount & the delivery fee\.$/);
      expect(tl.context[0].text).toBe(unescapeOnce(ask));
    }
  });

  it('counts an edited reply once, as the newest version the file holds, whichever version comes first', () => {
    // Each version of an edit is a tweet of its own; edit_history_tweet_ids lists them oldest first.
    const users = [{ id: '900', username: 'ShopHelp' }, { id: '71', username: 'p1' }];
    const ask = { id: '51', edit_history_tweet_ids: ['51'], text: '@ShopHelp my order never came', author_id: '71', created_at: '2026-03-01T10:00:00.000Z' };
    const version = (id: string, history: string[], text: string) => ({ id, edit_history_tweet_ids: history, text, author_id: '900', created_at: '2026-03-01T10:30:00.000Z', in_reply_to_user_id: '71', referenced_tweets: [{ type: 'replied_to', id: '51' }] });
    const first = version('81', ['81'], '@p1 Please DM us your order number.'); // saved before the edit
    const middle = version('82', ['81', '82'], '@p1 Please DM us your order number and postcode.');
    const last = version('83', ['81', '82', '83'], "@p1 We've refunded your order today.");
    const post = { id: '84', edit_history_tweet_ids: ['84'], text: 'We are open 8am-8pm.', author_id: '900', created_at: '2026-03-01T12:00:00.000Z' };
    const page = (data: object[]) => ({ data, includes: { users, tweets: [ask] } });
    const newestOnly = loadFile(variant('newest.jsonl', `${JSON.stringify(page([last, post]))}\n`));
    const files = {
      'cache.jsonl': [page([first]), page([middle]), page([last, post])].map((p) => JSON.stringify(p)).join('\n'),
      'newest-first.jsonl': [page([last, post]), page([middle, first])].map((p) => JSON.stringify(p)).join('\n'),
      'pages.json': JSON.stringify([page([first, post]), page([last, middle])]),
      'bare.jsonl': [first, last, middle, post].map((t) => JSON.stringify(t)).join('\n'),
    };
    const byId = (ts: Tweet[]) => [...ts].sort((a, b) => a.id.localeCompare(b.id));
    for (const [name, text] of Object.entries(files)) {
      const tl = loadFile(variant(name, text));
      expect(tl.tweets.map((t) => t.id).sort(), name).toEqual(['83', '84']);
      if (name !== 'bare.jsonl') expect(byId(tl.tweets), name).toEqual(byId(newestOnly.tweets));
      // Earlier versions stay to be looked up, as a reply may answer one.
      expect(tl.context.map((t) => t.id).sort(), name).toEqual(name === 'bare.jsonl' ? ['81', '82'] : ['51', '81', '82']);
    }
    // A later version given only as context (includes.tweets) is not counted, so neither is it superseding.
    const contextOnly = loadFile(variant('context.jsonl', JSON.stringify({ data: [first], includes: { users, tweets: [ask, last] } })));
    expect(contextOnly.tweets.map((t) => t.id)).toEqual(['81']);
  });
});

describe.runIf(hasCorpus)('X API v2 payloads from the shared corpus', () => {
  const X = (f: string) => corpus(`x-api-v2/${f}`);

  it('unwraps tweepy captures ({_source_request, response}) of /2/users/:id/tweets', () => {
    const tl = loadFile(X('users-id-tweets.tweepy.json'));
    expect(tl.format).toBe('v2');
    expect(tl.tweets.map((t) => t.id)).toEqual(['1577730467436138524', '1565318587736285184']);
    // requested without author_id: the page's tweets belong to the timeline's (unnamed) owner
    expect(tl.tweets.every((t) => t.authorId === OWNER_UNKNOWN)).toBe(true);
    expect(tl.tweets[1].text).toContain('edit button\n\nthis is happening');
  });

  it('reads a bare python-twitter page of /2/users/:id/tweets and of /2/users/:id/mentions', () => {
    expect(loadFile(X('users-id-tweets.pytwitter.json')).tweets).toHaveLength(5);
    expect(loadFile(X('users-id-mentions.pytwitter.json')).tweets).toHaveLength(5);
  });

  it('reads a postman capture of a search/recent reply thread, users attached to tweets and answered tweets', () => {
    const tl = loadFile(X('search-recent-conversation-thread.postman.json'));
    const raw = JSON.parse(readFileSync(X('search-recent-conversation-thread.postman.json'), 'utf8')).response;
    expect(tl.tweets).toHaveLength(raw.data.length);
    expect(tl.tweets.every((t) => t.authorHandle)).toBe(true);
    const reply = tl.tweets.find((t) => t.id === '1276035977375477760')!;
    expect(reply).toMatchObject({ authorHandle: 'happycamper', inReplyToUserId: '17200003', inReplyToHandle: 'snowman', inReplyToId: '1275653067283759104' });
  });

  it('reads a twarc2 JSONL page with every expansion: users, referenced tweets, retweets', () => {
    const file = X('search-recent-full-expansions.twarc.jsonl');
    const pages = jsonl(file);
    const tl = loadFile(file);
    const data = pages.flatMap((p) => p.data);
    expect(tl.tweets).toHaveLength(new Set(data.map((t: { id: string }) => t.id)).size);
    expect(tl.tweets.every((t) => t.authorHandle)).toBe(true);
    const retweets = data.filter((t: { referenced_tweets?: { type: string }[] }) => t.referenced_tweets?.some((r) => r.type === 'retweeted'));
    expect(tl.tweets.filter((t) => t.isRetweet)).toHaveLength(retweets.length);
    expect(tl.context.length).toBeGreaterThan(0);
  });

  it('unescapes every corpus text exactly once', () => {
    for (const f of ['users-id-tweets.tweepy.json', 'users-id-tweets.pytwitter.json', 'users-id-mentions.pytwitter.json', 'search-recent-conversation-thread.postman.json', 'search-recent-full-expansions.twarc.jsonl']) {
      const tl = loadFile(X(f));
      const loaded = new Map(allTweets(tl).map((t) => [t.id, t.text]));
      const raw = f.endsWith('.jsonl') ? jsonl(X(f)).flatMap(rawV2) : rawV2(JSON.parse(readFileSync(X(f), 'utf8')));
      for (const { t } of raw) expect(loaded.get(t.id), `${f} ${t.id}`).toBe(unescapeOnce(t.text));
    }
  });

  it('reads user lookups (no tweets of their own; a pinned tweet is context) without error', () => {
    const pinned = loadFile(X('user-by-username-pinned.postman.json'));
    expect(pinned.tweets).toEqual([]);
    expect(pinned.context.map((t) => t.id)).toEqual(['1255542774432063488']);
    expect(loadFile(X('users-by-username.tweepy.json')).tweets).toEqual([]);
  });
});

describe('TWCS CSV', () => {
  it('remembers tweet ids in an IdSet: small numbers as bits, any other id in a set', () => {
    const ids = new IdSet();
    const sample = ['0', '7', '31', '32', '1000000', String(2 ** 26 - 1), String(2 ** 26), '123456789', '1590123456789012345', '07'];
    for (const id of sample) expect(ids.add(id), id).toBe(true);
    for (const id of sample) expect(ids.has(id), id).toBe(true);
    for (const id of sample) expect(ids.add(id), `${id} again`).toBe(false);
    for (const id of ['1', '33', '999999', String(2 ** 26 + 1), '1590123456789012346']) expect(ids.has(id), id).toBe(false);
  });

  const twcs = loadFile(abs(fixture('twcs-sample.csv')));
  const tw = (id: string) => twcs.tweets.find((t) => t.id === id)!;

  it('reads every row of fixtures/twcs-sample.csv, customers and brands alike', () => {
    expect(twcs.format).toBe('twcs');
    expect(twcs.tweets).toHaveLength(60);
    expect(twcs.context).toEqual([]);
  });

  it('names the brands (inbound=False authors) as owners, never the numbered customers', () => {
    expect(twcs.owners.map((o) => o.handle).sort()).toEqual(['AcmeTelco', 'ShopMartHelp', 'SkyRailUK']);
  });

  it('reads pandas float ids ("2004101.0") as exact integer ids', () => {
    expect(tw('2004102').inReplyToId).toBe('2004101');
    expect(twcs.tweets.every((t) => !t.inReplyToId || /^\d+$/.test(t.inReplyToId))).toBe(true);
    const tiny = parseTwcs('tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n3,Brand,False,Tue Oct 31 22:10:47 +0000 2017,@1 hi,,1.0\n1,1,True,Tue Oct 31 22:00:00 +0000 2017,@Brand help,3,\n', 'tiny.csv');
    expect(tiny.tweets.find((t) => t.id === '3')!.inReplyToId).toBe('1');
    expect(tiny.tweets.find((t) => t.id === '1')!.inReplyToId).toBeUndefined();
  });

  it('keeps quoted newlines and "" quotes inside a text', () => {
    expect(tw('2004106').text).toBe('@AcmeTelco day 4 without broadband.\nday 4.\nI work from home!!');
    expect(tw('2004109').text).toBe('@AcmeTelco "with them now" is what you said on Monday');
    expect(twcs.tweets.filter((t) => t.text.includes('\n'))).toHaveLength(2);
  });

  it('unescapes &amp; and &gt; once and keeps the dataset\'s __email__ and __credit_card__ masks', () => {
    expect(tw('2004102').text).toContain('Settings > Phone');
    expect(tw('2004114').text).toBe('@AcmeTelco emailed __email__ twice about my contract & had no reply');
    expect(twcs.tweets.some((t) => t.text.includes('__credit_card__'))).toBe(true);
    expect(twcs.tweets.some((t) => t.text.includes('>:('))).toBe(true);
  });

  it('converts "Tue Oct 31 08:02:11 +0000 2017" to ISO 8601', () => {
    expect(tw('2004101').createdAt).toBe('2017-10-31T08:02:11.000Z');
  });

  it.runIf(hasCorpus)('reads Kaggle\'s own sample.csv: 93 rows, 13 brands, integer ids, texts unescaped once', () => {
    const file = corpus('twcs/kaggle-sample.csv');
    const tl = loadFile(file);
    expect(tl.format).toBe('twcs');
    expect(tl.tweets).toHaveLength(93);
    expect(tl.owners).toHaveLength(13);
    expect(tl.owners.map((o) => o.handle)).toEqual(expect.arrayContaining(['AppleSupport', 'SpotifyCares', 'Tesco', 'VirginTrains']));
    expect(tl.tweets.filter((t) => t.text.includes('\n'))).toHaveLength(2);
    const raw = readFileSync(file, 'utf8');
    expect((raw.match(/&amp;/g) ?? []).length).toBeGreaterThan(0);
    expect(tl.tweets.some((t) => t.text.includes('&amp;'))).toBe(false);
    expect(tl.tweets.find((t) => t.id === '119238')).toMatchObject({ authorHandle: 'ChaseSupport', inReplyToId: '119239' });
  });
});

describe('account archives', () => {
  it('reads the 2020+ layout from the archive folder, its data folder, or tweets.js, merging tweets-part1.js', () => {
    for (const p of ['archive', 'archive/data', 'archive/data/tweets.js']) {
      const tl = loadFile(abs(fixture(p)));
      expect(tl.format, p).toBe('archive');
      expect(tl.tweets, p).toHaveLength(25);
      expect(tl.owners, p).toEqual([{ id: BRANDS.brightbank.id, handle: 'BrightBankHelp' }]);
    }
  });

  it('takes tweets from both parts (14 in part0, 11 in part1)', () => {
    const tl = loadArchive(abs(fixture('archive')));
    const js = read(fixture('archive/data/tweets-part1.js'));
    const part1 = (JSON.parse(js.slice(js.indexOf('=') + 1)) as { tweet: { id_str: string } }[]).map((e) => e.tweet.id_str);
    expect(part1).toHaveLength(11);
    const ids = new Set(tl.tweets.map((t) => t.id));
    expect(part1.every((id) => ids.has(id))).toBe(true);
  });

  it('gives every archive tweet the owner from manifest.js, string ids, and ISO dates from "Wed Nov 04 18:22:01 +0000 2026"', () => {
    const tl = loadFile(abs(fixture('archive')));
    expect(tl.tweets.every((t) => t.authorId === BRANDS.brightbank.id && t.authorHandle === 'BrightBankHelp')).toBe(true);
    const t = byText(tl, 'held by the receiving bank');
    expect(t.createdAt).toBe('2026-11-04T18:22:01.000Z');
    expect(t).toMatchObject({ inReplyToHandle: 'grumpy_gordon', inReplyToUserId: '410029388' });
    expect(t.inReplyToId).toMatch(/^\d+$/);
  });

  it('unescapes full_text once and flags "RT @…" as a retweet', () => {
    const tl = loadFile(abs(fixture('archive')));
    expect(byText(tl, 'photo ID').text).toContain('photo ID & proof of address');
    expect(byText(tl, 'Cards > Freeze card').text).toContain('Cards > Freeze card');
    expect(tl.tweets.filter((t) => t.isRetweet).map((t) => t.text.slice(0, 15))).toEqual(['RT @BrightBank:']);
  });

  it('reads the 2019 layout (tweet.js, YTD.tweet.part0, no {"tweet"} wrapper) with the owner from account.js', () => {
    const tl = loadFile(abs(fixture('archive-2019')));
    expect(tl.tweets).toHaveLength(12);
    expect(tl.owners).toEqual([{ id: BRANDS.oldair.id, handle: 'OldAirHelp' }]);
    expect(tl.tweets.every((t) => t.authorHandle === 'OldAirHelp')).toBe(true);
    expect(tl.tweets.filter((t) => t.isRetweet)).toHaveLength(1);
  });

  it('leaves absent reply fields undefined rather than empty or "undefined"', () => {
    const tl = loadFile(abs(fixture('archive-2019')));
    expect(byText(tl, 'moved you and your daughter')).toMatchObject({ inReplyToHandle: undefined, inReplyToUserId: '2918830201' });
    expect(byText(tl, 'Please DM us your booking reference')).toMatchObject({ inReplyToId: undefined, inReplyToHandle: 'refund_rosa' });
    expect(byText(tl, 'air traffic control')).toMatchObject({ inReplyToId: undefined, inReplyToHandle: undefined, inReplyToUserId: '1120398812845318144' });
    expect(byText(tl, 'customer relations team')).toMatchObject({ inReplyToId: undefined, inReplyToUserId: undefined, inReplyToHandle: 'angry_andrea' });
    const post = byText(tl, 'Strike update');
    expect([post.inReplyToId, post.inReplyToUserId, post.inReplyToHandle]).toEqual([undefined, undefined, undefined]);
  });

  it('attributes tweets to the timeline owner when an archive has neither manifest.js nor account.js', () => {
    const dir = join(scratch, 'bare-archive', 'data');
    cpSync(abs(fixture('archive-2019/data/tweet.js')), join(dir, 'tweet.js'));
    const tl = loadFile(join(scratch, 'bare-archive'));
    expect(tl.tweets).toHaveLength(12);
    expect(tl.owners).toEqual([{ id: OWNER_UNKNOWN }]);
    expect(tl.tweets.every((t) => t.authorId === OWNER_UNKNOWN)).toBe(true);
  });

  it('counts an edited tweet once, as its newest version, though its versions sit in different parts', () => {
    // The original lists the chain (edit_info.initial); each later version names the original (edit_info.edit).
    const entry = (id: string, text: string, edit_info: object) => ({ tweet: { edit_info, id_str: id, id, full_text: text, created_at: 'Mon Nov 09 08:00:00 +0000 2026', in_reply_to_status_id_str: '51', in_reply_to_user_id_str: '71', in_reply_to_screen_name: 'p1' } });
    const chain = ['2119701525196854597', '2119701525196854600', '2119701525196854611'];
    const original = entry(chain[0], '@p1 Please DM us your account number.', { initial: { editTweetIds: chain, editsRemaining: '3' } });
    const later = (i: number, text: string) => entry(chain[i], text, { edit: { initialTweetId: chain[0], editControlInitial: { editTweetIds: chain } } });
    const post = entry('2119701525196854700', 'We are open 8am-8pm.', { initial: { editTweetIds: ['2119701525196854700'] } });
    const write = (name: string, parts: object[][]) => {
      const data = join(scratch, name, 'data');
      cpSync(abs(fixture('archive/data/manifest.js')), join(data, 'manifest.js'));
      parts.forEach((p, i) => writeFileSync(join(data, i ? `tweets-part${i}.js` : 'tweets.js'), `window.YTD.tweets.part${i} = ${JSON.stringify(p)}`));
      return loadFile(join(scratch, name));
    };
    const edited = write('edited-archive', [[later(2, "@p1 We've unlocked your account."), original], [post, later(1, '@p1 Please DM us your account number and postcode.')]]);
    const newestOnly = write('newest-archive', [[later(2, "@p1 We've unlocked your account."), post]]);
    expect(edited.tweets.map((t) => t.id)).toEqual([chain[2], post.tweet.id]);
    expect(edited.tweets).toEqual(newestOnly.tweets);
  });
});

describe('files as people save them', () => {
  it('ignores a UTF-8 byte-order mark on v2 JSONL, a pretty v2 page and TWCS CSV', () => {
    expect(loadFile(variant('bom.jsonl', `\ufeff${read(fixture('bare-tweets.jsonl'))}`)).tweets).toHaveLength(12);
    expect(loadFile(variant('bom.json', `\ufeff${read(fixture('acmecare-page.json'))}`)).tweets).toHaveLength(15);
    expect(loadFile(variant('bom.csv', `\ufeff${read(fixture('twcs-sample.csv'))}`)).tweets).toHaveLength(60);
  });

  it('ignores a byte-order mark at the start of any JSONL line (files that each began with one, joined by cat)', () => {
    const pages = read(fixture('acmecare.jsonl')).split('\n').filter(Boolean);
    const joined = `\ufeff${pages.slice(0, 2).join('\n')}\n\ufeff${pages.slice(2).join('\n')}\n`;
    const whole = loadFile(abs(fixture('acmecare.jsonl')));
    expect(loadFile(variant('joined.jsonl', joined))).toEqual(whole);
    expect(parseV2(joined.slice(1), 'joined.jsonl')).toEqual(whole); // the reading of a live sync's pages
    const bare = read(fixture('bare-tweets.jsonl')).split('\n').filter(Boolean);
    expect(loadFile(variant('joined-bare.jsonl', bare.map((l) => `\ufeff${l}`).join('\n'))).tweets).toHaveLength(12);
  });

  it('reads Windows line endings (CRLF) in JSONL and CSV, keeping quoted newlines inside texts', () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    expect(loadFile(variant('crlf.jsonl', crlf(read(fixture('acmecare.jsonl'))))).tweets).toHaveLength(90);
    const csv = loadFile(variant('crlf.csv', crlf(read(fixture('twcs-sample.csv')))));
    expect(csv.tweets).toHaveLength(60);
    expect(csv.tweets.find((t) => t.id === '2004106')!.text).toBe('@AcmeTelco day 4 without broadband.\r\nday 4.\r\nI work from home!!');
  });

  it('counts a page saved twice (a resumed fetch) once, and accepts an empty last page', () => {
    const pages = read(fixture('acmecare.jsonl')).split('\n').filter(Boolean);
    const empty = JSON.stringify({ meta: { result_count: 0 }, __feedhealth: { endpoint: `/2/users/${BRANDS.acme.id}/tweets`, user: { id: BRANDS.acme.id, username: 'AcmeCare' } } });
    const tl = loadFile(variant('resumed.jsonl', [...pages, pages[0], empty, ''].join('\n')));
    expect(tl.tweets).toHaveLength(90);
    expect(tl.owners).toHaveLength(1);
  });

  it('reads a JSON array of pages like JSONL of pages', () => {
    const pages = read(fixture('acmecare.jsonl')).split('\n').filter(Boolean);
    expect(loadFile(variant('pages.json', `[${pages.join(',\n')}]`)).tweets).toHaveLength(90);
  });
});

describe('bad inputs', () => {
  it('a file too big to read whole (past the longest string V8 makes) is an input error saying what streams', () => {
    // Stands in for a file of more than 512 MB read with --since or --limit: decoding the whole
    // file fails as V8 fails there.
    const file = join(scratch, 'big.csv');
    writeFileSync(file, readFileSync(abs(fixture('twcs-sample.csv')), 'utf8').repeat(40)); // past the 64 KB head
    const whole = readFileSync(file).length;
    const decode = Buffer.prototype.toString;
    const tooLong = vi.spyOn(Buffer.prototype, 'toString').mockImplementation(function (this: Buffer, ...args: unknown[]) {
      if (this.length === whole) throw Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
      return (decode as (...a: unknown[]) => string).apply(this, args);
    });
    try {
      expect(() => loadFile(file)).toThrow(InputError);
      expect(() => loadFile(file)).toThrow(/big\.csv: too big to read whole \(0 MB\): only TWCS CSV and JSONL of v2 pages are streamed, and only without --since and --limit$/);
    } finally {
      tooLong.mockRestore();
    }
  });


  // [file, what the one-line message says, the line it names when it knows one]
  const cases: [string, RegExp, number | undefined][] = [
    ['truncated.jsonl', /invalid JSON \(file truncated\?\)/, 3],
    ['truncated-page.json', /invalid JSON \(file truncated\?\)/, 335],
    ['stray-line.jsonl', /not an X API v2 page or tweet/, 2],
    ['not-a-page.json', /not an X API v2 page or tweet/, undefined],
    ['other-header.csv', /not the TWCS layout/, 1],
    ['ragged.csv', /expected 7 fields, found 6/, 4],
    ['binary.jsonl', /binary data/, undefined],
    ['empty.json', /empty file/, undefined],
    ['whitespace.jsonl', /empty file/, undefined],
    ['archive-truncated', /not valid JSON \(file truncated\?\)/, undefined],
    ['archive-truncated/data/tweets.js', /not valid JSON \(file truncated\?\)/, undefined],
    ['no-tweets-folder', /no data\/tweets\.js/, undefined],
  ];

  it.each(cases)('%s is an input error naming the file (and line when known)', (name, why, line) => {
    const file = abs(bad(name));
    let err: unknown;
    try {
      loadFile(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const msg = (err as Error).message;
    expect(msg).toMatch(why);
    expect(msg).not.toContain('\n');
    expect(msg).toContain(name.startsWith('archive-truncated') ? abs(bad('archive-truncated')) : file);
    if (line !== undefined) expect(msg).toContain(`${file}:${line}: `);
  });

  it('a UTF-16 file is an input error saying so, whatever it holds and whatever --input-format says', () => {
    for (const [name, from] of [['u16.jsonl', 'acmecare.jsonl'], ['u16.csv', 'twcs-sample.csv'], ['u16.js', 'archive/data/tweets.js']]) {
      const file = join(scratch, name);
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(read(fixture(from)), 'utf16le')]));
      expect(() => loadFile(file)).toThrow(new InputError(`${file}: UTF-16 text; save it as UTF-8`));
      for (const format of ['v2', 'twcs', 'archive'] as const) expect(() => loadFile(file, format)).toThrow(new InputError(`${file}: UTF-16 text; save it as UTF-8`));
    }
  });

  it('a missing file is an input error saying so', () => {
    expect(() => loadFile(join(scratch, 'nope.jsonl'))).toThrow(/nope\.jsonl: no such file/);
  });

  it('a broken pretty-printed page names the line where it broke, not its first line', () => {
    expect(() => parseV2('{\n  "data": [\n    {"id": "1", "text": "a"}\n    {"id": "2", "text": "b"}\n  ]\n}\n', 'p.json')).toThrow(/^p\.json:4: invalid JSON$/);
    expect(() => parseV2('{\n  "data": [\n    {"id": "1", "te', 'p.json')).toThrow(/^p\.json:3: invalid JSON \(file truncated\?\)$/);
  });

  it('an unterminated quoted CSV field names the line its record starts on', () => {
    const csv = `${read(fixture('twcs-sample.csv')).split('\n').slice(0, 3).join('\n')}\n2009999,823499,True,Tue Oct 31 08:02:11 +0000 2017,"@AcmeTelco help\nmy`;
    expect(() => parseTwcs(csv, 'cut.csv')).toThrow(/^cut\.csv:4: unterminated quoted field/);
  });
});
