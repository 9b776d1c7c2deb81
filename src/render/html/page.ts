// The page around a report: doctype, a Content-Security-Policy that forbids every request (no
// scripts, fonts, images or styles from anywhere; only the inline stylesheet), the stylesheet, and
// a footer. Pure.
import { esc } from './escape.js';
import { CSS } from './styles.js';

/** Nothing may be fetched or run: only the inline <style> (and data: images, of which there are none). */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function page(opts: { title: string; body: string; lang?: string }): string {
  return `<!doctype html>
<html lang="${esc(opts.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta http-equiv="x-dns-prefetch-control" content="off">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="feedhealth">
<title>${esc(opts.title)}</title>
<style>
${CSS}
</style>
</head>
<body>
<main>
${opts.body}
<footer>Made by feedhealth. Score: 100 × the mean value of the replies that work on a problem (resolving 1, deflecting 0.35, blaming 0); grades A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40, F below. Labels come from a classifier: the highlighted phrases are the evidence it used. This page is self-contained: it loads nothing and runs no script.</footer>
</main>
</body>
</html>
`;
}
