#!/usr/bin/env node
// `node scripts/screenshots.js [outdir]`: renders the demo reports (audit of fixtures/acmecare.jsonl,
// compare of it with fixtures/twcs-sample.csv) as HTML with the built CLI and photographs them in
// headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) at laptop width: docs/report.png and
// docs/compare.png, and the top of its "Most telling replies" (evidence marked): docs/report-replies.png.
// Also takes phone-width and dark-scheme shots into outdir when one is given.
// Build first (npx tsc -p .).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const extra = process.argv[2];
const work = mkdtempSync(join(tmpdir(), 'feedhealth-shots-'));
const cli = (...args) => execFileSync(process.execPath, [join(ROOT, 'bin', 'feedhealth.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
cli('audit', 'fixtures/acmecare.jsonl', '--format', 'html', '-o', join(work, 'report.html'));
cli('compare', 'fixtures/acmecare.jsonl', 'fixtures/twcs-sample.csv', '--format', 'html', '-o', join(work, 'compare.html'));

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS });
try {
  const shot = async (name, out, { width = 1280, height = 1600, scheme = 'light', fullPage = false, section } = {}) => {
    const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    await page.goto(pathToFileURL(join(work, name)).href);
    if (section) {
      const box = await page.locator(section).boundingBox();
      const pad = 16;
      await page.screenshot({ path: out, fullPage: true, clip: { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: Math.min(box.height + 2 * pad, height) } });
    } else await page.screenshot({ path: out, fullPage, clip: fullPage ? undefined : { x: 0, y: 0, width, height } });
    await ctx.close();
    console.log(out);
  };
  await shot('report.html', join(ROOT, 'docs', 'report.png'));
  await shot('compare.html', join(ROOT, 'docs', 'compare.png'), { height: 1100 });
  await shot('report.html', join(ROOT, 'docs', 'report-replies.png'), { section: 'section[aria-labelledby="b1-ex-h"]', height: 660 });
  if (extra) {
    await shot('report.html', join(extra, 'report-dark.png'), { scheme: 'dark' });
    await shot('report.html', join(extra, 'report-phone.png'), { width: 390, height: 844, fullPage: true });
    await shot('report.html', join(extra, 'report-full.png'), { fullPage: true });
    await shot('compare.html', join(extra, 'compare-phone.png'), { width: 390, height: 844, fullPage: true });
    await shot('compare.html', join(extra, 'compare-dark.png'), { scheme: 'dark', height: 1100 });
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
