// The HTML renderer without a browser: one escaping function for every piece of text, evidence
// marked only around escaped text, pure SVG chart builders with text alternatives, a palette
// whose text colours keep 4.5:1 contrast, and pages that can fetch nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { esc, highlight, phraseRanges, quotedPhrases } from '../src/render/html/escape.js';
import { heatMap, histogram, miniHistogram, scoreBars, scoreScale, shareBar, sparkline, trendChart, type Bucket } from '../src/render/html/charts.js';
import { contrastRatio, DARK, LIGHT, type Palette } from '../src/render/html/styles.js';
import { CSP } from '../src/render/html/page.js';
import { renderCompareHtml, renderHtml, replyCard } from '../src/render/html.js';
import { compareReports } from '../src/compare.js';
import type { Report, ReplyOut } from '../src/report.js';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { fixture } from './helpers/paths.js';

const HOSTILE = 'test/fixtures/html/hostile.jsonl';
const reportOf = (source: string): Report[] => {
  const r = runCli(['audit', source, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  return 'brands' in doc ? doc.brands : [doc];
};

let acme: Report;
let hostile: Report;
let twcs: Report[];
beforeAll(() => {
  ensureBuilt();
  [acme] = reportOf(fixture('acmecare.jsonl'));
  [hostile] = reportOf(HOSTILE);
  twcs = reportOf(fixture('twcs-sample.csv'));
}, 180_000);

/** Markup outside the page's own: tags that only text could have brought in. */
const foreignTags = (html: string) =>
  html.replace(/<style>[\s\S]*?<\/style>/, '').match(/<(?:script|img|iframe|link|object|embed|form|base|style|textarea|b|i)[\s>/]|<svg onload|<a href="javascript|<[a-z][^>]*\son[a-z]+=/gi) ?? [];

describe('esc: the one way text reaches the page', () => {
  it('replaces the five characters that could start markup or end an attribute', () => {
    expect(esc(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
    expect(esc(`"><img src=x onerror="window.__pwned=2">`)).not.toMatch(/[<>"]/);
  });

  it('escapes an already escaped entity again, so "&lt;" shows as typed', () => {
    expect(esc('&lt;3')).toBe('&amp;lt;3');
  });

  it('turns control characters and lone surrogates into U+FFFD, and keeps emoji, newlines and tabs', () => {
    expect(esc('a\u0000b\u001bc\ud800d')).toBe('a\ufffdb\ufffdc\ufffdd');
    expect(esc('ok 😤\n\tend')).toBe('ok 😤\n\tend');
  });

  it('takes numbers too', () => {
    expect(esc(42)).toBe('42');
  });
});

describe('evidence highlighting', () => {
  it('reads the quoted phrases of both evidence forms', () => {
    expect(quotedPhrases('DM request: "send us a dm"')).toEqual(['send us a dm']);
    expect(quotedPhrases('words: "dm us", "please"')).toEqual(['dm us', 'please']);
    expect(quotedPhrases('no quotes here')).toEqual([]);
  });

  it('marks each phrase case-insensitively in the original text', () => {
    expect(highlight('Please DM us your order number', ['dm us', 'please'])).toBe('<mark>Please</mark> <mark>DM us</mark> your order number');
  });

  it('escapes the text around and inside a mark, so a tweet can never add markup', () => {
    const out = highlight('<script>x()</script> DM us <b>now</b> & "quote"', ['dm us', 'script']);
    expect(out).toBe('&lt;<mark>script</mark>&gt;x()&lt;/<mark>script</mark>&gt; <mark>DM us</mark> &lt;b&gt;now&lt;/b&gt; &amp; &quot;quote&quot;');
    expect(out.replace(/<\/?mark>/g, '')).toBe(esc('<script>x()</script> DM us <b>now</b> & "quote"'));
  });

  it('marks a phrase that itself holds markup characters as escaped text', () => {
    expect(highlight('We <3 you & yours', ['<3 you &'])).toBe('We <mark>&lt;3 you &amp;</mark> yours');
  });

  it('matches only whole words ("our" is not marked inside "your" or "hour")', () => {
    expect(highlight('your hour is our time', ['our'])).toBe('your hour is <mark>our</mark> time');
  });

  it('matches the curly apostrophes and runs of spaces that the classifier normalized away', () => {
    expect(highlight('I’ve  added you', ["i've added"])).toBe('<mark>I’ve  added</mark> you');
  });

  it('merges overlapping phrases into one mark and ignores lone punctuation and single characters', () => {
    expect(highlight('really sorry about that', ['really sorry', 'sorry about'])).toBe('<mark>really sorry about</mark> that');
    expect(highlight('why?? 3 times!', ['?', '!', '3', '! !'])).toBe('why?? 3 times!');
  });

  it('treats regular-expression characters in a phrase literally', () => {
    expect(phraseRanges('costs $5 (a+b)', ['$5 (a+b)'])).toEqual([[6, 14]]);
    expect(phraseRanges('nothing', ['.*', '(', '[a-z]+'])).toEqual([]);
  });

  it('marks the person\'s words in the answered tweet, the reply\'s in the reply, and lists the evidence escaped', () => {
    const x: ReplyOut = {
      id: '123',
      createdAt: '2026-05-04T09:12:00.000Z',
      text: 'Sorry <b>Amy</b>, DM us',
      inReplyTo: { id: '122', text: 'my parcel is <i>late</i>, any news?', authorHandle: 'amy"><x', createdAt: null },
      inReplyToId: '122',
      label: 'deflecting',
      confidence: 0.91,
      evidence: ['DM request: "dm us"', 'person raised a problem: "any news"', 'words: "<b>"'],
    };
    const html = replyCard(x);
    expect(html).toContain('Sorry <mark>&lt;b&gt;</mark>Amy&lt;/b&gt;, <mark>DM us</mark>');
    expect(html).toContain('answering @amy&quot;&gt;&lt;x: my parcel is &lt;i&gt;late&lt;/i&gt;, <mark>any news</mark>?');
    expect(html).toContain('<li>words: &quot;&lt;b&gt;&quot;</li>');
    expect(html).toContain('href="https://x.com/i/web/status/123"');
    expect(foreignTags(html)).toEqual([]);
  });

  it('links only numeric tweet ids', () => {
    const x = { id: 'javascript:alert(1)', createdAt: null, text: 't', inReplyTo: null, inReplyToId: null, label: 'other', confidence: 1, evidence: [] } as ReplyOut;
    expect(replyCard(x)).not.toContain('href');
  });
});

describe('SVG chart builders', () => {
  const T = (id: string, title = 'A chart', desc = 'What it shows') => ({ id, title, desc });
  const BUCKETS: Bucket[] = [
    { label: '≤ 5 min', upToSeconds: 300, replies: 4 },
    { label: '≤ 15 min', upToSeconds: 900, replies: 0 },
    { label: '≤ 1 h', upToSeconds: 3600, replies: 2 },
    { label: '≤ 1 day', upToSeconds: 86_400, replies: 1 },
    { label: '> 3 days', upToSeconds: null, replies: 0 },
  ];

  /** The chart's accessible name and description, as a screen reader finds them. */
  function accessible(svg: string): { title: string; desc: string } {
    const m = /^<svg [^>]*role="img" aria-labelledby="([^" ]+) ([^" ]+)"/.exec(svg);
    expect(m, svg.slice(0, 200)).not.toBeNull();
    const title = new RegExp(`<title id="${m![1]}">([^<]*)</title>`).exec(svg);
    const desc = new RegExp(`<desc id="${m![2]}">([^<]*)</desc>`).exec(svg);
    expect(title && desc).toBeTruthy();
    return { title: title![1], desc: desc![1] };
  }

  it('gives every chart role="img", a <title> and a <desc>, with the text escaped', () => {
    const t = T('x', '@Evil<b>Desk</b>', '"><script>');
    const charts = [
      shareBar({ resolving: 0.5, deflecting: 0.25, blaming: 0.25, other: 0 }, { resolving: 2, deflecting: 1, blaming: 1, other: 0 }, t),
      scoreScale(59, t),
      trendChart([{ week: '2026-W01', replies: 3, score: 50 }], t),
      sparkline([50, null, 70], t),
      histogram(BUCKETS, t),
      miniHistogram(BUCKETS, t),
      heatMap(Array.from({ length: 7 }, () => new Array(24).fill(1)), t),
      scoreBars([{ handle: '<b>x</b>', score: 40, grade: 'D' }], t),
    ];
    for (const svg of charts) {
      expect(accessible(svg)).toEqual({ title: '@Evil&lt;b&gt;Desk&lt;/b&gt;', desc: '&quot;&gt;&lt;script&gt;' });
      expect(svg).not.toMatch(/<script|<b>|xlink:href|href=/);
      expect(svg).toMatch(/<\/svg>$/);
    }
  });

  it('keeps ids safe for aria-labelledby and url(#…)', () => {
    expect(shareBar({ resolving: 1, deflecting: 0, blaming: 0, other: 0 }, { resolving: 1, deflecting: 0, blaming: 0, other: 0 }, T('a" b<c'))).toContain('aria-labelledby="a__b_c-t a__b_c-d"');
  });

  it('draws the label shares as segments that fill the bar, in label order', () => {
    const svg = shareBar({ resolving: 0.5, deflecting: 0.25, blaming: 0.125, other: 0.125 }, { resolving: 4, deflecting: 2, blaming: 1, other: 1 }, T('s'), 640);
    const segs = [...svg.matchAll(/<rect class="f-(\w+)" x="([\d.]+)" y="0" width="([\d.]+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    expect(segs.map((s) => s[0])).toEqual(['resolving', 'deflecting', 'blaming', 'other']);
    expect(segs.reduce((a, s) => a + (s[2] as number), 0)).toBeCloseTo(640, 0);
    expect(svg).toContain('<title>blaming: 1 replies (13%)</title>');
  });

  it('breaks the trend line at weeks without a score, and marks those weeks on the axis', () => {
    const weeks = [50, 60, null, 70, 80].map((score, i) => ({ week: `2026-W0${i + 1}`, replies: score === null ? 0 : 4, score }));
    const svg = trendChart(weeks, T('t'));
    expect(svg.match(/<path class="s-accent"/g)).toHaveLength(2);
    expect(svg).toContain('<title>2026-W03: no score (0 replies)</title>');
    expect(svg).toContain('<title>2026-W04: score 70 (4 replies)</title>');
    expect(svg).toContain('>2026-W01</text>');
    expect(svg).toContain('>2026-W05</text>');
  });

  it('draws one week as a single dot', () => {
    const svg = trendChart([{ week: '2026-W10', replies: 2, score: 35 }], T('t1'));
    expect(svg.match(/<circle /g)).toHaveLength(1);
  });

  it('draws a histogram bar for each non-empty bucket, the fast ones in the accent colour, with counts and shares as text', () => {
    const svg = histogram(BUCKETS, T('h'));
    expect(svg.match(/<rect class="f-accent"/g)).toHaveLength(2);
    expect(svg.match(/<rect class="f-muted"/g)).toHaveLength(1);
    expect(svg).toContain('>4 · 57%</text>');
    expect(svg).toContain('>0 · 0%</text>');
    expect(svg).toContain('within 1 hour');
    for (const b of BUCKETS) expect(svg).toContain(`>${esc(b.label)}</text>`);
  });

  it('draws the heat map as 7 × 24 cells, each with its count in words, shaded by count', () => {
    const grid = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => (d === 2 && h === 9 ? 6 : d === 0 && h === 10 ? 3 : 0)));
    const svg = heatMap(grid, T('m'));
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(168);
    expect(svg).toContain('<title>Wed 09:00–09:59: 6 replies</title>');
    expect(svg).toContain('<title>Mon 10:00–10:59: 3 replies</title>');
    expect(svg).toContain('<title>Sun 23:00–23:59: 0 replies</title>');
    expect(svg).toMatch(/fill-opacity="1"><title>Wed 09/);
    expect(svg).toMatch(/fill-opacity="0.6"><title>Mon 10/);
    expect(svg).toContain('more (busiest hour: 6)');
  });

  it('ranks brands on one scale and says "no score" in words', () => {
    const svg = scoreBars([{ handle: 'Good', score: 90, grade: 'A' }, { handle: 'Chatty', score: null, grade: null }], T('b'));
    expect(svg).toContain('>@Good</text>');
    expect(svg).toContain('>90 A</text>');
    expect(svg).toContain('>no score</text>');
    expect(svg).toContain('class="f-good"');
  });

  it('is pure: the same input gives the same markup', () => {
    expect(histogram(BUCKETS, T('p'))).toBe(histogram(BUCKETS, T('p')));
  });
});

describe('colours', () => {
  const pairs = (p: Palette): [string, string, string][] => {
    const out: [string, string, string][] = [];
    for (const [bgName, bg] of [['bg', p.bg], ['surface', p.surface]] as const) {
      for (const [name, c] of [['fg', p.fg], ['muted', p.muted], ['accent', p.accent], ['good', p.good], ['fair', p.fair], ['poor', p.poor], ...Object.entries(p.label)]) out.push([`${name} on ${bgName}`, c, bg]);
    }
    out.push(['marked text', p.markFg, p.markBg]);
    for (const [l, c] of Object.entries(p.label)) out.push([`share number on the ${l} segment`, p.bg, c]);
    return out;
  };

  for (const [scheme, p] of [['light', LIGHT], ['dark', DARK]] as const) {
    it(`keeps every text colour at 4.5:1 or more against its background (${scheme} scheme)`, () => {
      const low = pairs(p).filter(([, a, b]) => contrastRatio(a, b) < 4.5).map(([what, a, b]) => `${what}: ${contrastRatio(a, b).toFixed(2)}`);
      expect(low).toEqual([]);
    });
  }

  it('computes WCAG contrast the standard way', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('the page', () => {
  it('is one self-contained document that can fetch and run nothing', () => {
    const html = renderHtml([acme]);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">`);
    expect(html).not.toMatch(/<script|<img|<link|<iframe|<object|<embed|@import|@font-face|\ssrc=/i);
    // The only URLs: plain links to tweets on X (never fetched); url(#…) references inside an SVG.
    const urls = html.match(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]*/gi) ?? [];
    expect(urls.filter((u) => !/^https:\/\/x\.com\/i\/web\/status\/\d+$/.test(u) && !/^https:\/\/t\.co\//.test(u))).toEqual([]);
    expect((html.match(/url\(([^)]*)\)/g) ?? []).every((u) => u.startsWith('url(#'))).toBe(true);
  });

  it('holds the score, the grade, the label shares, the trend, the response times, the heat map, the canned replies and the examples', () => {
    const html = renderHtml([acme]);
    expect(html).toContain(`>${acme.score!.value}</span>`);
    expect(html).toContain(`<span class="visually-hidden">grade </span>${acme.score!.grade}</span>`);
    for (const title of ['What the replies do', 'Score week by week', 'Response time', 'When replies are sent (UTC)', 'Canned replies', 'Personal touch', 'Most telling replies']) expect(html).toContain(`>${title}</h2>`);
    expect(html.match(/<svg [^>]*role="img"/g)!.length).toBeGreaterThanOrEqual(5);
    expect(html.match(/<article class="reply/g)).toHaveLength(LABELS_COUNT(acme));
    expect(html).toContain('<mark>');
  });

  it('gives every id once, so each chart names itself', () => {
    for (const html of [renderHtml([acme]), renderHtml(twcs), renderCompareHtml(compareReports([acme, ...twcs], ['a', 'b']), { reports: [acme, ...twcs] })]) {
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(5);
      expect(new Set(ids).size).toBe(ids.length);
      for (const m of html.matchAll(/aria-labelledby="([^"]+)"/g)) for (const ref of m[1].split(' ')) expect(ids).toContain(ref);
    }
  });

  it('gives a multi-brand source one section per brand and a list of them', () => {
    const html = renderHtml(twcs);
    expect(twcs.length).toBeGreaterThan(1);
    for (const r of twcs) expect(html).toContain(`<a href="#b${twcs.indexOf(r) + 1}">@${esc(r.handle)}</a>`);
  });

  it('says so when there is nothing to score', () => {
    const empty: Report = { ...acme, counts: { tweets: 3, replies: 0, resolving: 0, deflecting: 0, blaming: 0, other: 0 }, shares: null, score: null, note: 'No replies to other people in this timeline: nothing to score.', examples: { resolving: [], deflecting: [], blaming: [], other: [] }, replies: [], metrics: { ...acme.metrics, responseTime: null, coverage: null, canned: null, firstScreen: null, exposure: null, personalTouch: null, weeklyTrend: null, unavailable: { coverage: 'no replies' } } };
    const html = renderHtml([empty]);
    expect(html).toContain('<strong>No score.</strong> No replies to other people');
    expect(html).not.toContain('<svg');
  });

  it('shows hostile tweets, names and handles as text', () => {
    const html = renderHtml([hostile]);
    expect(foreignTags(html)).toEqual([]);
    expect(html).toContain('@Evil&lt;b&gt;Desk&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(html).toContain('&lt;a href=&quot;javascript:window.__pwned=8&quot;&gt;fix&lt;/a&gt;');
    expect(html).toContain('Sunday &lt;3');
    const cmp = renderCompareHtml(compareReports([hostile, acme], ['h', 'a']), { reports: [hostile, acme] });
    expect(foreignTags(cmp)).toEqual([]);
    expect(cmp).toContain('@Evil&lt;b&gt;Desk&lt;/b&gt;');
  });

  it('compares brands side by side, best first, with each card\'s response-time distribution when the reports are given', () => {
    const cmp = compareReports([...twcs, acme], ['twcs', 'acme']);
    const html = renderCompareHtml(cmp, { reports: [...twcs, acme] });
    const order = cmp.brands.map((b) => html.indexOf(`<span>@${esc(b.handle)}</span>`));
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html.match(/<section class="card brand"/g)).toHaveLength(cmp.brands.length);
    expect(html.match(/Response-time distribution of @/g)).toHaveLength(cmp.brands.length);
    expect(renderCompareHtml(cmp).match(/Response-time distribution of @/g)).toBeNull();
  });

  it('counts each label of a card from its report, not back from rounded shares (a brand of 75,000 replies)', () => {
    const big: Report = { ...acme, handle: 'BigDesk', counts: { ...acme.counts, replies: 75_327, resolving: 20_593, deflecting: 31_577, blaming: 11_040, other: 12_117 } };
    const cmp = compareReports([big], ['big']);
    const html = renderCompareHtml(cmp, { reports: [big] });
    for (const [label, n] of [['resolving', '20593'], ['deflecting', '31577'], ['blaming', '11040'], ['other', '12117']]) expect(html).toMatch(new RegExp(`<title>${label}: ${n} replies`));
  });

  it('marks brands scored on a thin sample, as the table and Markdown do', () => {
    const thin: Report = { ...acme, handle: 'TinyDesk', counts: { ...acme.counts, replies: 3, resolving: 2, deflecting: 1, blaming: 0, other: 0 } };
    const cmp = compareReports([thin, ...twcs], ['thin', 'twcs']);
    expect(cmp.brands.find((b) => b.handle === 'TinyDesk')?.thinSample).toBe(true);
    const html = renderCompareHtml(cmp);
    const card = html.slice(html.indexOf('<span>@TinyDesk</span>'));
    expect(card.slice(0, card.indexOf('</section>'))).toContain('Thin sample: fewer than 10 replies work on a problem');
    expect(html).toContain('<abbr title="thin sample">*</abbr>');
    const full = cmp.brands.filter((b) => !b.thinSample).map((b) => b.handle);
    for (const h of full) expect(html.slice(html.indexOf(`<span>@${esc(h)}</span>`)).split('</section>')[0]).not.toContain('Thin sample');
  });

  it('is pure: the same report gives the same page', () => {
    expect(renderHtml([acme])).toBe(renderHtml([acme]));
  });
});

function LABELS_COUNT(r: Report): number {
  return Object.values(r.examples).reduce((a, xs) => a + xs.length, 0);
}
