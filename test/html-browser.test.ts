// The HTML pages in a real browser: Debian's Chromium, headless, driven by playwright-core. The
// pages `audit` and `compare` write draw their charts, request nothing but themselves, log no
// error, fit a phone's width, follow the dark scheme, keep text contrast, and show hostile tweet
// text as text. One browser serves the whole file. Without Chromium (a dev box) the tests are
// skipped with the reason in their title; CI installs it (.ci/run).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { fixture } from './helpers/paths.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HOSTILE = 'test/fixtures/html/hostile.jsonl';

async function playwright(): Promise<typeof import('playwright-core') | null> {
  try {
    return await import('playwright-core');
  } catch {
    return null;
  }
}
const pw = await playwright();
const skipReason = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing: apt-get install chromium` : !pw ? 'playwright-core is not installed: npm ci' : '';

const scratch = mkdtempSync(join(tmpdir(), 'feedhealth-browser-'));
const file = (name: string) => join(scratch, name);
let browser: Browser;

function write(args: string[], out: string): string {
  const r = runCli([...args, '--format', 'html', '-o', out]);
  expect(r.code, r.stderr).toBe(0);
  return pathToFileURL(out).href;
}

interface Visit {
  page: Page;
  requests: string[];
  errors: string[];
  close: () => Promise<void>;
}

/** Opens a page in a fresh context, recording every request and every console error or page error. */
async function visit(url: string, ctx: BrowserContextOptions = {}): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...ctx });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors, close: () => context.close() };
}

/** Every chart: its drawn size and its accessible name and description (from aria-labelledby). */
const charts = (page: Page) =>
  page.$$eval('svg[role="img"]', (svgs) =>
    svgs.map((s) => {
      const r = s.getBoundingClientRect();
      const [t, d] = (s.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
      return { cls: s.getAttribute('class') ?? '', width: r.width, height: r.height, title: t, desc: d, shapes: s.querySelectorAll('rect,path,circle,line').length };
    }),
  );

describe.skipIf(!!skipReason)(`HTML pages in headless Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let audit: string;
  let compare: string;
  let hostile: string;
  let hostileCompare: string;

  beforeAll(async () => {
    ensureBuilt();
    audit = write(['audit', fixture('acmecare.jsonl')], file('audit.html'));
    compare = write(['compare', fixture('acmecare.jsonl'), fixture('twcs-sample.csv')], file('compare.html'));
    hostile = write(['audit', HOSTILE], file('hostile.html'));
    hostileCompare = write(['compare', HOSTILE, fixture('acmecare.jsonl')], file('hostile-compare.html'));
    browser = await pw!.chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('renders the audit page with every chart drawn, nothing requested but the file, and no console error', async () => {
    const v = await visit(audit);
    try {
      expect(await v.page.title()).toBe('@AcmeCare — feedhealth report');
      const cs = await charts(v.page);
      expect(cs.length).toBeGreaterThanOrEqual(5);
      for (const c of cs) {
        expect(c.width, c.title).toBeGreaterThan(50);
        expect(c.height, c.title).toBeGreaterThan(10);
        expect(c.shapes, c.title).toBeGreaterThan(0);
        expect(c.title.length, 'accessible name').toBeGreaterThan(5);
        expect(c.desc.length, 'accessible description').toBeGreaterThan(10);
      }
      const titles = cs.map((c) => c.title);
      expect(titles).toContain('Label shares of 72 replies');
      expect(titles.some((t) => t.startsWith('Weekly balance score'))).toBe(true);
      expect(titles.some((t) => t.startsWith('How long 71 people waited'))).toBe(true);
      expect(titles).toContain('When replies are sent (UTC)');
      // The heat map has its 168 hour cells; the histogram a bar per non-empty bucket.
      expect(await v.page.$$eval('svg.heat rect > title', (ts) => ts.length)).toBe(168);
      expect(await v.page.locator('mark').count()).toBeGreaterThan(5);
      expect(await v.page.locator('article.reply').count()).toBe(12);
      expect(v.requests).toEqual([audit]);
      expect(v.errors).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('renders the compare page with the brands side by side', async () => {
    const v = await visit(compare);
    try {
      const cards = await v.page.$$eval('section.card.brand', (els) => els.map((e) => ({ top: Math.round(e.getBoundingClientRect().top), text: e.querySelector('h2')?.textContent ?? '' })));
      // In the order of the ranking `compare --json` gives for the same files.
      const ranked = JSON.parse(runCli(['compare', fixture('acmecare.jsonl'), fixture('twcs-sample.csv'), '--json']).stdout) as { brands: { rank: number; handle: string }[] };
      expect(cards.map((c) => c.text)).toEqual(ranked.brands.map((b) => `#${b.rank} @${b.handle}`));
      expect(cards).toHaveLength(4);
      expect(cards[0].top).toBe(cards[1].top); // side by side on a laptop
      const cs = await charts(v.page);
      expect(cs.find((c) => c.title === 'Balance scores side by side')).toBeDefined();
      for (const c of cs) {
        expect(c.width, c.title).toBeGreaterThan(50);
        expect(c.height, c.title).toBeGreaterThan(10);
      }
      expect(v.requests).toEqual([compare]);
      expect(v.errors).toEqual([]);
    } finally {
      await v.close();
    }
  });

  it('fits a phone: no sideways scrolling of the page, brand cards stacked', async () => {
    for (const url of [audit, compare]) {
      const v = await visit(url, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      try {
        const { scroll, client } = await v.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(scroll, url).toBeLessThanOrEqual(client);
        const tops = await v.page.$$eval('section.card.brand', (els) => els.map((e) => e.getBoundingClientRect().top));
        for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThan(tops[i - 1]);
        for (const c of await charts(v.page)) expect(c.width).toBeGreaterThan(50);
      } finally {
        await v.close();
      }
    }
  });

  it('follows the dark colour scheme', async () => {
    const bg = async (scheme: 'light' | 'dark') => {
      const v = await visit(audit, { colorScheme: scheme });
      try {
        return await v.page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
      } finally {
        await v.close();
      }
    };
    expect(await bg('light')).toEqual(['rgb(255, 255, 255)', 'rgb(27, 31, 36)']);
    expect(await bg('dark')).toEqual(['rgb(16, 20, 24)', 'rgb(232, 237, 242)']);
  });

  it('keeps every piece of text at 4.5:1 contrast or more against what it sits on, in both schemes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const url of [audit, compare]) {
        const v = await visit(url, { colorScheme });
        try {
          const low = await v.page.evaluate(() => {
            const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
            const lum = ([r, g, b]: number[]) => {
              const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
              return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
            };
            const bgOf = (el: Element | null): number[] => {
              for (let e = el; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
              }
              return [255, 255, 255];
            };
            const out: string[] = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const el = n.parentElement!;
              if (!n.textContent?.trim() || el.closest('svg') || el.closest('.visually-hidden')) continue;
              if (el.getClientRects().length === 0) continue; // inside a closed <details>
              const fg = rgb(getComputedStyle(el).color).slice(0, 3);
              const [a, b] = [lum(fg), lum(bgOf(el))].sort((x, y) => y - x);
              const ratio = (a + 0.05) / (b + 0.05);
              if (ratio < 4.5) out.push(`${el.tagName.toLowerCase()}.${el.className}: "${n.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
            }
            return out;
          });
          expect(low, `${colorScheme} ${url}`).toEqual([]);
        } finally {
          await v.close();
        }
      }
    }
  });

  it('shows hostile tweet text, names and handles literally and runs none of it', async () => {
    for (const url of [hostile, hostileCompare]) {
      const v = await visit(url);
      try {
        const seen = await v.page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: unknown }).__pwned,
          scripts: document.querySelectorAll('script').length,
          imgs: document.querySelectorAll('img, iframe, textarea').length,
          styles: document.querySelectorAll('style').length,
          bold: document.querySelectorAll('h1 b, h2 b, b').length,
          jsLinks: [...document.querySelectorAll('a')].filter((a) => !a.href.startsWith('https://x.com/') && !a.href.startsWith('file:')).length,
          text: document.body.innerText,
          visible: getComputedStyle(document.body).display,
        }));
        expect(seen.pwned).toBeUndefined();
        expect(seen).toMatchObject({ scripts: 0, imgs: 0, styles: 1, bold: 0, jsLinks: 0, visible: 'block' });
        expect(seen.text).toContain('@Evil<b>Desk</b>');
        if (url === hostile) {
          expect(seen.text).toContain('<script>window.__pwned=1</script>');
          expect(seen.text).toContain('"><img src=x onerror="window.__pwned=2">');
          expect(seen.text).toContain('<script>window.__pwned=3</script>');
          expect(seen.text).toContain('<a href="javascript:window.__pwned=8">fix</a>');
          expect(seen.text).toContain('Sunday <3');
        }
        expect(v.requests).toEqual([url]);
        expect(v.errors).toEqual([]);
      } finally {
        await v.close();
      }
    }
  });

  it('keeps hostile text inert by escaping alone, even with the Content-Security-Policy taken out', async () => {
    const bare = file('hostile-no-csp.html');
    const html = readFileSync(file('hostile.html'), 'utf8');
    const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
    expect(stripped).not.toBe(html);
    writeFileSync(bare, stripped);
    const url = pathToFileURL(bare).href;
    const v = await visit(url);
    try {
      expect(await v.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await v.page.evaluate(() => document.querySelectorAll('script, img, iframe').length)).toBe(0);
      expect(v.requests).toEqual([url]);
      expect(v.errors).toEqual([]);
    } finally {
      await v.close();
    }
  });
});
