// Threads: from a timeline to each brand's feed — its own tweets and the replies it sent to other people.
import { describe, expect, it } from 'vitest';
import { loadFile } from '../src/sources/detect.js';
import { accountName, brandsIn, feedFor, pickBrand, type BrandFeed } from '../src/threads.js';
import { InputError } from '../src/errors.js';
import { OWNER_UNKNOWN, type Timeline } from '../src/model.js';
import { abs, BRANDS, corpus, fixture, hasCorpus } from './helpers/paths.js';

const load = (f: string) => loadFile(abs(fixture(f)));
const only = (tl: Timeline): BrandFeed => {
  const brands = brandsIn(tl);
  expect(brands).toHaveLength(1);
  return feedFor(tl, brands[0]);
};
const tweetWith = (feed: BrandFeed, part: string) => {
  const hits = feed.tweets.filter((t) => t.text.includes(part));
  expect(hits, `one tweet containing ${JSON.stringify(part)}`).toHaveLength(1);
  return hits[0];
};
const isReply = (feed: BrandFeed, part: string) => feed.replies.some((r) => r.tweet.id === tweetWith(feed, part).id);

describe('a brand\'s feed from an X API v2 timeline', () => {
  const tl = load('acmecare.jsonl');
  const feed = only(tl);

  it('belongs to the account named in the retrieval metadata', () => {
    expect(feed.account).toEqual({ id: BRANDS.acme.id, handle: 'AcmeCare' });
  });

  it('holds the brand\'s 88 own tweets (its 2 retweets are not its words) and 72 replies to customers', () => {
    expect(feed.tweets).toHaveLength(88);
    expect(feed.tweets.some((t) => t.isRetweet)).toBe(false);
    expect(feed.replies).toHaveLength(72);
  });

  it('counts a reply to a customer as a reply, paired with the customer\'s tweet', () => {
    const r = feed.replies.find((x) => x.tweet.text.includes('cracked screen') || x.tweet.text.includes('replacement is booked for Tuesday'))!;
    expect(r.answered).toMatchObject({ authorHandle: 'marcus_reid' });
    expect(r.answered!.text).toBe('@AcmeCare item arrived with a cracked screen');
  });

  it('does not count the brand continuing its own thread ("2/2") as a reply', () => {
    for (const part of ['2/2 For next time', '2/2 If you can, unplug', '2/2 And I\'ve added a £10 voucher', '2/3 You\'ll still be able', '3/3 Orders placed before'])
      expect(isReply(feed, part), part).toBe(false);
  });

  it('recognises a continuation by in_reply_to_user_id when its first part is older than the file', () => {
    const t = tweetWith(feed, '2/2 The replacement remote');
    expect(tl.tweets.some((x) => x.id === t.inReplyToId) || tl.context.some((x) => x.id === t.inReplyToId)).toBe(false);
    expect(isReply(feed, '2/2 The replacement remote')).toBe(false);
  });

  it('counts stand-alone posts as tweets, not replies', () => {
    for (const part of ['Good morning! 👋', 'Black Friday starts', '1/3 Heads up', 'never DM you asking for your password'])
      expect(isReply(feed, part), part).toBe(false);
    expect(feed.tweets.length - feed.replies.length).toBe(16); // 10 posts + 6 continuations
  });

  it('keeps a reply whose customer tweet was deleted, with nothing to pair it with', () => {
    const r = feed.replies.find((x) => x.tweet.text.includes('full postcode'))!;
    expect(r).toBeDefined();
    expect(r.answered).toBeNull();
  });

  it('pairs a reply to a customer\'s follow-up with the follow-up, not with the first complaint', () => {
    const r = feed.replies.find((x) => x.tweet.text.includes('enjoy the cuppa'))!;
    expect(r.answered!.text).toBe('@AcmeCare kettle arrived early, great service 👏');
  });

  it('counts the same templated reply every time it was sent', () => {
    const template = feed.replies.filter((r) => /please DM us your account details so we can look into this/i.test(r.tweet.text));
    expect(template.length).toBeGreaterThanOrEqual(7);
    expect(new Set(template.map((r) => r.tweet.text.split(' ').pop())).size).toBeGreaterThanOrEqual(4); // ^JK, ^MR, -Becky, …
  });
});

describe('whose timeline it is', () => {
  it('infers the brand of a page without metadata from its most frequent author', () => {
    const tl = load('acmecare-page.json');
    expect(tl.owners).toEqual([]);
    expect(brandsIn(tl)).toEqual([{ id: BRANDS.nimbus.id, handle: 'NimbusHelp' }]);
    const feed = only(tl);
    expect([feed.tweets.length, feed.replies.length]).toEqual([14, 11]);
  });

  it('falls back to the author id when no users are known (bare tweets)', () => {
    const tl = load('bare-tweets.jsonl');
    const [brand] = brandsIn(tl);
    expect(brand).toEqual({ id: BRANDS.parcelpal.id, handle: undefined });
    expect(accountName(brand)).toBe(BRANDS.parcelpal.id);
    const feed = feedFor(tl, brand);
    expect([feed.tweets.length, feed.replies.length]).toEqual([12, 9]);
    expect(feed.replies.every((r) => r.answered === null)).toBe(true);
    expect(isReply(feed, 'If tomorrow doesn\'t suit')).toBe(false);
  });

  it('takes an archive\'s owner from manifest.js and leaves out its retweet, posts and self-replies', () => {
    const feed = only(load('archive'));
    expect(feed.account).toEqual({ id: BRANDS.brightbank.id, handle: 'BrightBankHelp' });
    expect([feed.tweets.length, feed.replies.length]).toEqual([24, 19]);
    expect(isReply(feed, 'longer than the 10 days we quoted')).toBe(false);
    expect(isReply(feed, 'goes back to £5,000')).toBe(false);
    expect(isReply(feed, 'Scam warning')).toBe(false);
    // the archive holds only the brand's side: customers' tweets are not there to pair with
    expect(feed.replies.every((r) => r.answered === null)).toBe(true);
  });

  it('reads 2019 archive replies that carry only some reply fields', () => {
    const feed = only(load('archive-2019'));
    expect(feed.account).toEqual({ id: BRANDS.oldair.id, handle: 'OldAirHelp' });
    expect([feed.tweets.length, feed.replies.length]).toEqual([11, 8]);
    expect(isReply(feed, 'customer relations team')).toBe(true); // screen name only
    expect(isReply(feed, 'air traffic control')).toBe(true); // user id only
    expect(isReply(feed, 'moved you and your daughter')).toBe(true); // no screen name
    expect(isReply(feed, 'Most delayed bags')).toBe(false); // continuation, no screen name: found by user id
  });
});

describe('multi-brand TWCS', () => {
  const tl = load('twcs-sample.csv');

  it('gives one feed per brand, in the order the brands first reply', () => {
    expect(brandsIn(tl).map(accountName)).toEqual(['AcmeTelco', 'SkyRailUK', 'ShopMartHelp']);
  });

  it('puts only the brand\'s own rows in its feed, never the customers\' or another brand\'s', () => {
    const sizes = brandsIn(tl).map((b) => {
      const feed = feedFor(tl, b);
      expect(feed.tweets.every((t) => t.authorId === b.id)).toBe(true);
      return [accountName(b), feed.tweets.length, feed.replies.length];
    });
    expect(sizes).toEqual([
      ['AcmeTelco', 12, 10],
      ['SkyRailUK', 10, 9],
      ['ShopMartHelp', 8, 8],
    ]);
  });

  it('pairs replies with the customer rows they answer, and leaves out the brand answering itself (1/2 → 2/2)', () => {
    const feed = feedFor(tl, pickBrand(tl, 'AcmeTelco', 'twcs-sample.csv'));
    expect(feed.replies.find((r) => r.tweet.id === '2004102')!.answered!.id).toBe('2004101');
    expect(isReply(feed, '(2/2)')).toBe(false);
    expect(isReply(feed, '(1/2)')).toBe(true);
    expect(isReply(feed, 'aware of issues with broadband in parts of Glasgow')).toBe(false);
  });

  it('keeps a brand reply whose customer row is not in the sample', () => {
    const feed = feedFor(tl, pickBrand(tl, 'AcmeTelco', 'twcs-sample.csv'));
    const r = feed.replies.find((x) => x.tweet.text.includes('hidden that tweet'))!;
    expect(r.tweet.inReplyToId).toBe('2003877');
    expect(r.answered).toBeNull();
  });

  it('counts two brand replies to the same customer tweet as two replies', () => {
    const feed = feedFor(tl, pickBrand(tl, 'SkyRailUK', 'twcs-sample.csv'));
    expect(feed.replies.filter((r) => r.answered?.id === '2004133')).toHaveLength(2);
  });

  it.runIf(hasCorpus)('splits Kaggle\'s sample.csv into 13 brands whose feeds hold every brand row once', () => {
    const kaggle = loadFile(corpus('twcs/kaggle-sample.csv'));
    const brands = brandsIn(kaggle);
    expect(brands).toHaveLength(13);
    const feeds = brands.map((b) => feedFor(kaggle, b));
    const brandRows = kaggle.tweets.filter((t) => brands.some((b) => b.id === t.authorId));
    expect(feeds.reduce((n, f) => n + f.tweets.length, 0)).toBe(brandRows.length);
    expect(feeds.find((f) => f.account.handle === 'AppleSupport')!.replies).toHaveLength(13);
  });
});

describe('--handle', () => {
  const twcs = load('twcs-sample.csv');

  it('picks one brand, ignoring case and a leading @', () => {
    expect(pickBrand(twcs, '@skyrailuk', 'f.csv')).toEqual({ id: 'SkyRailUK', handle: 'SkyRailUK' });
    expect(pickBrand(twcs, 'ShopMartHelp', 'f.csv').handle).toBe('ShopMartHelp');
  });

  it('matches a v2 brand by handle or by user id', () => {
    const tl = load('acmecare.jsonl');
    expect(pickBrand(tl, 'acmecare', 'f.jsonl')).toEqual({ id: BRANDS.acme.id, handle: 'AcmeCare' });
    expect(pickBrand(tl, BRANDS.acme.id, 'f.jsonl').handle).toBe('AcmeCare');
  });

  it('finds a brand that wrote in the file even when the source declares other owners', () => {
    const tl = load('acmecare-page.json');
    expect(pickBrand(tl, 'nimbushelp', 'page.json')).toEqual({ id: BRANDS.nimbus.id, handle: 'NimbusHelp' });
  });

  it('finds an account by a handle it wrote under later in the file (renamed between pages)', () => {
    const tweet = (id: string, authorHandle: string) => ({ id, text: 'Thanks for waiting!', authorId: '900', authorHandle, createdAt: '2026-03-01T10:00:00.000Z' });
    const tl: Timeline = { owners: [], tweets: [tweet('1', 'ShopHelp'), tweet('2', 'ShopCare')], context: [], format: 'v2' };
    expect(pickBrand(tl, 'shopcare', 'f.jsonl')).toEqual({ id: '900', handle: 'ShopCare' });
    expect(pickBrand(tl, 'shophelp', 'f.jsonl')).toEqual({ id: '900', handle: 'ShopHelp' });
  });

  it('in TWCS, takes only a brand: a customer is refused whether the file is read whole or streamed', () => {
    const customer = twcs.tweets.find((t) => !twcs.owners.some((o) => o.id === t.authorId))!.authorId!;
    expect(() => pickBrand(twcs, customer, 'twcs-sample.csv')).toThrow(new RegExp(`^twcs-sample\\.csv: no tweets by @${customer} \\(accounts in it: AcmeTelco, SkyRailUK, ShopMartHelp\\)$`));
  });

  it('is an input error naming an unknown handle and the accounts that are there', () => {
    expect(() => pickBrand(twcs, '@NoSuchBrand', 'twcs-sample.csv')).toThrow(InputError);
    expect(() => pickBrand(twcs, '@NoSuchBrand', 'twcs-sample.csv')).toThrow(/^twcs-sample\.csv: no tweets by @NoSuchBrand \(accounts in it: AcmeTelco, SkyRailUK, ShopMartHelp\)$/);
    expect(() => pickBrand(load('acmecare.jsonl'), 'AcmeCares', 'a.jsonl')).toThrow(/@AcmeCares/);
  });

  it.runIf(hasCorpus)('names the owner of a source that does not (a timeline page requested without author_id)', () => {
    const tl = loadFile(corpus('x-api-v2/users-id-tweets.tweepy.json'));
    const brand = pickBrand(tl, '@Twitter', 'tweepy.json');
    expect(brand).toEqual({ id: OWNER_UNKNOWN, handle: 'Twitter' });
    expect(feedFor(tl, brand).tweets).toHaveLength(2);
  });
});
