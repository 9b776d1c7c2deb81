// The HTML report's colours and stylesheet. Colours are named data, one palette per colour scheme,
// so a test can check every text colour against every background it sits on (WCAG 2 contrast
// ≥ 4.5:1). Charts use the same custom properties through classes, so they follow the scheme too.
import type { Label } from '../../model.js';

export interface Palette {
  bg: string;
  /** Cards and table stripes. */
  surface: string;
  /** Empty heat-map cells, bar tracks, borders. */
  track: string;
  fg: string;
  muted: string;
  accent: string;
  /** Highlighted evidence: background and text. */
  markBg: string;
  markFg: string;
  /** Label colours: used for text (label names) and chart fills. */
  label: Record<Label, string>;
  /** Grade colours (text and score bands). */
  good: string;
  fair: string;
  poor: string;
}

export const LIGHT: Palette = {
  bg: '#ffffff',
  surface: '#f5f7f9',
  track: '#dde3e9',
  fg: '#1b1f24',
  muted: '#4f5862',
  accent: '#0b5cad',
  markBg: '#fff0a8',
  markFg: '#1b1f24',
  label: { resolving: '#17723a', deflecting: '#8a5a00', blaming: '#c0262d', other: '#5a6570' },
  good: '#17723a',
  fair: '#8a5a00',
  poor: '#c0262d',
};

export const DARK: Palette = {
  bg: '#101418',
  surface: '#192027',
  track: '#2e3843',
  fg: '#e8edf2',
  muted: '#a9b4bf',
  accent: '#6cb4ff',
  markBg: '#5c4a00',
  markFg: '#fff7d6',
  label: { resolving: '#4cc772', deflecting: '#e0a83a', blaming: '#ff7b72', other: '#a3adb8' },
  good: '#4cc772',
  fair: '#e0a83a',
  poor: '#ff7b72',
};

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const vars = (p: Palette) =>
  [
    `--bg:${p.bg}`, `--surface:${p.surface}`, `--track:${p.track}`, `--fg:${p.fg}`, `--muted:${p.muted}`, `--accent:${p.accent}`,
    `--mark-bg:${p.markBg}`, `--mark-fg:${p.markFg}`,
    `--resolving:${p.label.resolving}`, `--deflecting:${p.label.deflecting}`, `--blaming:${p.label.blaming}`, `--other:${p.label.other}`,
    `--good:${p.good}`, `--fair:${p.fair}`, `--poor:${p.poor}`,
  ].join(';');

/** The whole stylesheet: system fonts only, light and dark schemes, one column on phones. */
export const CSS = `
:root{color-scheme:light dark;${vars(LIGHT)}}
@media (prefers-color-scheme:dark){:root{${vars(DARK)}}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.7rem;line-height:1.2;margin:0 0 4px;overflow-wrap:anywhere}
h2{font-size:1.2rem;margin:0 0 12px}
h3{font-size:1rem;margin:0 0 8px}
p{margin:0 0 8px}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.muted{color:var(--muted)}
.small{font-size:.875rem}
.num{font-variant-numeric:tabular-nums}
.sub{color:var(--muted);margin:0 0 20px;overflow-wrap:anywhere}
.grid{display:grid;gap:16px;grid-template-columns:repeat(12,minmax(0,1fr));margin-bottom:16px}
.card{background:var(--surface);border:1px solid var(--track);border-radius:12px;padding:16px 18px;min-width:0}
.span-12{grid-column:span 12}.span-8{grid-column:span 8}.span-7{grid-column:span 7}.span-6{grid-column:span 6}.span-5{grid-column:span 5}.span-4{grid-column:span 4}
@media (max-width:900px){.span-8,.span-7,.span-6,.span-5,.span-4{grid-column:span 12}}
@media (max-width:560px){main{padding:16px 12px 32px}.card{padding:14px 12px}h1{font-size:1.4rem}}
.score{display:flex;align-items:baseline;gap:12px;flex-wrap:wrap}
.score .value{font-size:3.4rem;font-weight:700;line-height:1}
.score .of{color:var(--muted);font-size:1.1rem}
.grade{display:inline-block;min-width:2.2em;text-align:center;font-weight:700;font-size:1.6rem;border:3px solid currentColor;border-radius:10px;padding:0 .3em}
.g-good{color:var(--good)}.g-fair{color:var(--fair)}.g-poor{color:var(--poor)}
.verdict{font-size:1.05rem;margin-top:10px}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:12px;margin:12px 0 0}
.stat{margin:0}
.stat dt{color:var(--muted);font-size:.8rem}
.stat dd{margin:0;font-size:1.25rem;font-weight:600}
figure{margin:0}
figcaption{color:var(--muted);font-size:.875rem;margin-top:6px}
svg{display:block;max-width:100%;height:auto}
svg text{fill:var(--fg);font-family:inherit}
svg .t-muted{fill:var(--muted)}
.scroll{overflow-x:auto}
.scroll>svg{min-width:520px}
.f-resolving{fill:var(--resolving)}.f-deflecting{fill:var(--deflecting)}.f-blaming{fill:var(--blaming)}.f-other{fill:var(--other)}
.f-accent{fill:var(--accent)}.f-fg{fill:var(--fg)}.f-track{fill:var(--track)}.f-muted{fill:var(--muted)}.f-bg{fill:var(--bg)}.f-surface{fill:var(--surface)}
.f-good{fill:var(--good)}.f-fair{fill:var(--fair)}.f-poor{fill:var(--poor)}
.s-accent{stroke:var(--accent)}.s-muted{stroke:var(--muted)}.s-track{stroke:var(--track)}.s-fg{stroke:var(--fg)}
.l-resolving{color:var(--resolving)}.l-deflecting{color:var(--deflecting)}.l-blaming{color:var(--blaming)}.l-other{color:var(--other)}
.legend{list-style:none;padding:0;margin:10px 0 0;display:flex;flex-wrap:wrap;gap:4px 20px}
.legend li{display:flex;gap:8px;align-items:baseline;white-space:nowrap}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:3px;background:currentColor;flex:none;align-self:center}
.legend .name{font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--track);vertical-align:top}
th{font-weight:600;color:var(--muted)}
td.r,th.r{text-align:right;font-variant-numeric:tabular-nums}
details{margin-top:8px}
summary{cursor:pointer;color:var(--accent);font-size:.875rem}
details table{margin-top:6px}
mark{background:var(--mark-bg);color:var(--mark-fg);border-radius:3px;padding:0 2px}
.chip{display:inline-block;border:1.5px solid currentColor;border-radius:999px;padding:0 8px;font-size:.8rem;font-weight:600;white-space:nowrap}
.examples{display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(320px,1fr))}
@media (max-width:560px){.examples{grid-template-columns:1fr}}
.reply{background:var(--bg);border:1px solid var(--track);border-left:4px solid currentColor;border-radius:8px;padding:12px 14px;margin:0;min-width:0}
.reply .head{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin-bottom:6px}
.reply .when{margin-left:auto}
.reply .text{color:var(--fg);overflow-wrap:anywhere;margin:0 0 8px}
.reply .asked{color:var(--muted);font-size:.875rem;border-left:2px solid var(--track);padding-left:8px;margin:0 0 8px;overflow-wrap:anywhere}
.reply .why{color:var(--muted);font-size:.8rem;margin:0;padding-left:18px;overflow-wrap:anywhere}
.reply .why li{margin:0}
.templates{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.templates li{display:grid;grid-template-columns:3.5em minmax(0,1fr);gap:4px 12px;align-items:start}
.templates .uses{font-weight:700;font-size:1.2rem;text-align:right}
.templates .text{overflow-wrap:anywhere}
.bar{height:8px;border-radius:4px;background:var(--track);overflow:hidden;margin-top:4px}
.bar>span{display:block;height:100%;background:var(--accent)}
.brands{display:grid;gap:16px;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));margin-bottom:16px}
.brand h2{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap;overflow-wrap:anywhere}
.rank{color:var(--muted);font-weight:600}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
nav ul{list-style:none;padding:0;margin:0 0 16px;display:flex;flex-wrap:wrap;gap:8px 16px}
footer{color:var(--muted);font-size:.8rem;margin-top:24px;border-top:1px solid var(--track);padding-top:12px}
@media print{.card{break-inside:avoid}details{display:none}}
`
  .trim();
