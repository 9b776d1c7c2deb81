// HTML renderer: one self-contained page (inline CSS and SVG, no script, nothing fetched) for
// `audit` (one brand, or each brand of a multi-brand source) and `compare` (brands side by side).
// Pure: (reports | comparison, options) → string. Every piece of text goes through esc(); evidence
// phrases are marked by highlight(), which escapes the text around and inside each mark.
import { LABELS, type Label } from '../model.js';
import type { Report, ReplyOut } from '../report.js';
import { rankedTitle, THIN_SAMPLE, type Comparison, type CompareRow } from '../compare.js';

const THIN_NOTE = `* Thin sample: fewer than ${THIN_SAMPLE} replies work on a problem, so the score is shaky and ranks after the others.`;
import type { LabelCounts } from '../score/balance.js';
import { duration, mixPcts, mixRow, pct, plural, trendSummary } from './shapes.js';
import { FIGURES, manySources, sourceName, type Figure } from './compare-columns.js';
import { esc, escLines, highlight, isAboutAnswered, quotedPhrases } from './html/escape.js';
import { DAYS, gradeTone, heatMap, histogram, miniHistogram, scoreBars, scoreScale, shareBar, sparkline, trendChart, type Bucket } from './html/charts.js';
import { page } from './html/page.js';

export interface HtmlOptions {
  /** Page title; defaults to the handle(s). */
  title?: string;
}

export interface CompareHtmlOptions extends HtmlOptions {
  /** The brands' full reports, when at hand: their cards then show the response-time distribution. */
  reports?: readonly Report[];
}

// ── Small pieces ─────────────────────────────────────────────────────────────────────────────

const h = (level: number, text: string, attrs = '') => `<h${Math.min(6, level)}${attrs}>${text}</h${Math.min(6, level)}>`;
const day = (iso: string) => iso.slice(0, 10);

/** A <table> from escaped-by-caller cells; `r` marks right-aligned (numeric) columns. */
function table(head: string[], rows: string[][], align: ('l' | 'r')[] = [], caption = ''): string {
  const cls = (i: number) => (align[i] === 'r' ? ' class="r"' : '');
  return (
    `<table>${caption ? `<caption class="visually-hidden">${esc(caption)}</caption>` : ''}<thead><tr>${head.map((x, i) => `<th scope="col"${cls(i)}>${esc(x)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${cls(i)}>${c}</td>`)).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** "Show the numbers": the data behind a chart, for everyone (and read out by screen readers). */
const numbers = (tableHtml: string, what = 'Show the numbers') => `<details><summary>${esc(what)}</summary><div class="scroll">${tableHtml}</div></details>`;

/** A chart with its caption; `scroll` lets a wide chart scroll sideways on a phone instead of shrinking. */
const figure = (svgHtml: string, caption: string, scroll = false) =>
  `<figure>${scroll ? `<div class="scroll">${svgHtml}</div>` : svgHtml}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;

const stat = (label: string, value: string, extraClass = '') => `<div class="stat"><dt>${esc(label)}</dt><dd class="num${extraClass ? ` ${extraClass}` : ''}">${value}</dd></div>`;
const stats = (items: string[]) => `<dl class="stats">${items.join('')}</dl>`;

const card = (id: string, span: number, title: string, level: number, body: string) =>
  `<section class="card span-${span}" aria-labelledby="${esc(id)}">${h(level, esc(title), ` id="${esc(id)}"`)}${body}</section>`;

const labelChip = (l: Label) => `<span class="chip l-${l}">${esc(l)}</span>`;
const gradeSpan = (value: number, grade: string) => `<span class="g-${gradeTone(grade)}">${esc(`${value} ${grade}`)}</span>`;
const scoreCell = (s: { value: number; grade: string } | null) => (s ? gradeSpan(s.value, s.grade) : '–');
const mixCells = (s: LabelCounts) => mixRow(s).map(esc);

/** A link to a tweet on X: a plain link, never fetched by the page. Only for numeric ids. */
const tweetLink = (id: string, text = 'view on X') => (/^\d{1,25}$/.test(id) ? `<a href="https://x.com/i/web/status/${id}" rel="noopener noreferrer">${esc(text)}</a>` : '');

// ── One brand ────────────────────────────────────────────────────────────────────────────────

function legend(r: Report): string {
  const shown = mixPcts(r.shares);
  return `<ul class="legend">${LABELS.map(
    (l) => `<li class="l-${l}"><span class="swatch" aria-hidden="true"></span><span class="name">${esc(l)}</span><span class="num" style="color:var(--fg)">${esc(`${r.counts[l]} · ${shown[l]}`)}</span></li>`,
  ).join('')}</ul>`;
}

function scoreCard(r: Report, id: string, level: number): string {
  const m = r.metrics;
  if (!r.score) return card(`${id}-score`, 5, 'Balance score', level, `<p class="verdict"><strong>No score.</strong> ${esc(r.note ?? '')}</p>`);
  const s = r.score;
  const body = [
    `<div class="score"><span class="value num g-${gradeTone(s.grade)}">${esc(s.value)}</span><span class="of">/ 100</span><span class="grade g-${gradeTone(s.grade)}"><span class="visually-hidden">grade </span>${esc(s.grade)}</span></div>`,
    `<p class="verdict">${esc(s.verdict)}</p>`,
    figure(scoreScale(s.value, { id: `${id}-scale`, title: `Balance score ${s.value} of 100, grade ${s.grade}`, desc: `The score ${s.value} on the 0 to 100 scale, in the grade ${s.grade} band (A from 85, B from 70, C from 55, D from 40, F below).` }), ''),
    stats([
      stat('replies', esc(r.counts.replies)),
      m?.firstScreen ? stat(`first screen (newest ${m.firstScreen.replies})`, scoreCell(m.firstScreen.score)) : '',
      m?.exposure ? stat('weighted by exposure', scoreCell(m.exposure.score)) : '',
    ].filter(Boolean)),
  ];
  return card(`${id}-score`, 5, 'Balance score', level, body.join(''));
}

function sharesCard(r: Report, id: string, level: number): string {
  const shares = r.shares!;
  const shown = mixPcts(shares);
  const desc = LABELS.map((l) => `${l} ${shown[l]} (${r.counts[l]})`).join(', ');
  const body = [
    figure(shareBar(shares, r.counts, { id: `${id}-shares`, title: `Label shares of ${r.counts.replies} replies`, desc }), ''),
    legend(r),
  ];
  const m = r.metrics;
  if (m?.firstScreen || m?.exposure) {
    const rows: string[][] = [[esc('whole window'), esc(r.counts.replies), scoreCell(r.score), ...mixCells(shares)]];
    if (m.firstScreen) rows.push([esc(`first screen (newest ${m.firstScreen.replies})`), esc(m.firstScreen.replies), scoreCell(m.firstScreen.score), ...mixCells(m.firstScreen.shares)]);
    if (m.exposure) {
      rows.push([esc('by exposure (weighted)'), esc(m.exposure.weightedReplies), scoreCell(m.exposure.score), ...mixCells(m.exposure.shares)]);
      rows.push([esc('same replies, unweighted'), esc(m.exposure.weightedReplies), scoreCell(m.exposure.plainScore), ...mixCells(m.exposure.plainShares)]);
    }
    body.push(h(level + 1, 'Views of the feed', ' style="margin-top:16px"'));
    body.push(`<div class="scroll">${table(['view', 'replies', 'score', ...LABELS], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r'], 'The same labels counted three ways')}</div>`);
    if (m.exposure) body.push(`<p class="small muted">Exposure weight = ${esc(m.exposure.weighting)}; median followers ${esc(m.exposure.medianFollowers)}.</p>`);
  }
  return card(`${id}-shares-h`, 7, 'What the replies do', level, body.join(''));
}

function trendCard(r: Report, id: string, level: number, span: number): string {
  const m = r.metrics;
  const wk = m.weeklyTrend!.weeks;
  const summary = trendSummary(wk);
  const chart = trendChart(wk, { id: `${id}-trend`, title: `Weekly balance score, ${wk[0].week} to ${wk[wk.length - 1].week}`, desc: `${summary}. ${wk.map((w) => `${w.week}: ${w.score ?? 'no score'}`).join('; ')}.` });
  const rows = wk.map((w) => [esc(w.week), esc(w.start), esc(w.replies), w.score === null ? '–' : esc(w.score)]);
  const body = [
    figure(chart, `${esc(summary)}. ISO weeks (Monday to Sunday, ${esc(m.timeZone)}); a hollow dot on the axis is a week without a score.`),
    numbers(table(['week', 'from', 'replies', 'score'], rows, ['l', 'l', 'r', 'r'], 'Weekly score')),
  ];
  return card(`${id}-trend-h`, span, 'Score week by week', level, body.join(''));
}

function responseCard(r: Report, id: string, level: number, span: number): string {
  const rt = r.metrics.responseTime!;
  const buckets: Bucket[] = rt.distribution?.buckets ?? [];
  const body = [
    stats([stat('median wait', esc(duration(rt.medianSeconds))), stat('90th percentile', esc(duration(rt.p90Seconds))), stat('within 1 hour', esc(pct(rt.answeredWithin1hShare)))]),
  ];
  if (buckets.length) {
    const desc = buckets.map((b) => `${b.label}: ${b.replies}`).join(', ');
    body.push(`<div style="margin-top:12px">${figure(histogram(buckets, { id: `${id}-rt`, title: `How long ${rt.timedReplies} people waited for a reply`, desc: `Replies by wait: ${desc}.` }), `${esc(plural(rt.timedReplies, 'reply', 'replies'))} of ${esc(rt.timedReplies + rt.untimedReplies)} answer a tweet with a known time.`)}</div>`);
  }
  const rows = LABELS.map((l) => {
    const s = rt.byLabel[l];
    return s ? [labelChip(l), esc(s.timedReplies), esc(duration(s.medianSeconds)), esc(duration(s.p90Seconds)), esc(pct(s.answeredWithin1hShare))] : [labelChip(l), '0', '–', '–', '–'];
  });
  body.push(numbers(table(['label', 'timed', 'median', '90th percentile', 'within 1 h'], rows, ['l', 'r', 'r', 'r', 'r'], 'Response time by label'), 'By label'));
  if (buckets.length) body.push(numbers(table(['wait', 'replies'], buckets.map((b) => [esc(b.label), esc(b.replies)]), ['l', 'r'], 'Replies by wait'), 'Show the numbers'));
  return card(`${id}-rt-h`, span, 'Response time', level, body.join(''));
}

function coverageCard(r: Report, id: string, level: number, span: number): string {
  const m = r.metrics;
  const cv = m.coverage!;
  const busiest = cv.byWeekdayHour.flatMap((row, d) => row.map((c, hr) => ({ c, d, hr }))).reduce((a, b) => (b.c > a.c ? b : a));
  const desc = `${cv.datedReplies} dated replies by weekday and hour (${m.timeZone}). Weekends ${pct(cv.weekendShare)}, Monday to Friday 09 to 17 ${pct(cv.businessHoursShare)}, ${cv.hourSlotsWithReplies} of 168 weekly hours used; busiest: ${DAYS[busiest.d]} ${String(busiest.hr).padStart(2, '0')}:00 with ${busiest.c}. By weekday: ${DAYS.map((d, i) => `${d} ${cv.byWeekday[i]}`).join(', ')}.`;
  const body = [
    figure(heatMap(cv.byWeekdayHour, { id: `${id}-heat`, title: `When replies are sent (${m.timeZone})`, desc }), `Weekends ${esc(pct(cv.weekendShare))} (evenly all week: 29%) · Mon–Fri 09–17 ${esc(pct(cv.businessHoursShare))} (evenly: 24%) · ${esc(cv.hourSlotsWithReplies)} of 168 weekly hours used.`, true),
    numbers(table(['day', ...Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0')), 'total'], cv.byWeekdayHour.map((row, d) => [esc(DAYS[d]), ...row.map((c) => esc(c)), esc(cv.byWeekday[d])]), ['l', ...Array<'r'>(25).fill('r')], 'Replies by weekday and hour')),
  ];
  return card(`${id}-heat-h`, span, `When replies are sent (${m.timeZone})`, level, body.join(''));
}

function touchCard(r: Report, id: string, level: number, span: number): string {
  const p = r.metrics.personalTouch!;
  const body = [
    stats([stat('signed by an agent', esc(pct(p.signedShare))), stat('call the person by name', esc(pct(p.namedShare))), stat('either', `<strong>${esc(pct(p.personalShare))}</strong>`)]),
    `<p class="small muted" style="margin-top:10px">A sign-off (^JK, -Becky) or the person's name tells a reader a person wrote it.</p>`,
  ];
  return card(`${id}-touch-h`, span, 'Personal touch', level, body.join(''));
}

function cannedCard(r: Report, id: string, level: number, span: number): string {
  const cn = r.metrics.canned!;
  const items = cn.topTemplates.map((t) => {
    const labels = LABELS.filter((l) => t.labels[l] > 0).map((l) => `<span class="chip l-${l}">${esc(`${l} ${t.labels[l]}`)}</span>`).join(' ');
    return `<li><span class="uses num">${esc(t.uses)}×<span class="visually-hidden"> used</span></span><div><p class="text">${escLines(t.example)}</p><div class="bar" aria-hidden="true"><span style="width:${esc((Math.round(t.share * 1000) / 10).toString())}%"></span></div><p class="small muted" style="margin-top:4px">${esc(pct(t.share))} of replies · ${labels} ${tweetLink(t.exampleId, 'newest use on X')}</p></div></li>`;
  });
  const body = [
    `<p><strong class="num">${esc(pct(cn.templatedShare))}</strong> of replies come from ${esc(plural(cn.templateCount, 'template'))} (near-identical wording used twice or more).</p>`,
    items.length ? `<ol class="templates">${items.join('')}</ol>` : '',
  ];
  return card(`${id}-canned-h`, span, 'Canned replies', level, body.join(''));
}

/** One telling reply: its text with the evidence phrases marked, the tweet it answers, the evidence in words. */
export function replyCard(x: ReplyOut): string {
  const own = x.evidence.filter((e) => !isAboutAnswered(e)).flatMap(quotedPhrases);
  const asked = x.evidence.filter(isAboutAnswered).flatMap(quotedPhrases);
  const when = x.createdAt ? `<time datetime="${esc(x.createdAt)}">${esc(day(x.createdAt))}</time>` : '';
  const link = tweetLink(x.id);
  const parts = [
    `<div class="head">${labelChip(x.label)}<span class="small muted">${esc(`${Math.round(x.confidence * 100)}% confident`)}</span>${when || link ? `<span class="small muted when">${[when, link].filter(Boolean).join(' · ')}</span>` : ''}</div>`,
    `<p class="text">${highlight(x.text, own)}</p>`,
  ];
  if (x.inReplyTo) {
    const who = x.inReplyTo.authorHandle ? `@${x.inReplyTo.authorHandle}` : 'the person';
    parts.push(`<p class="asked"><span class="visually-hidden">In reply to </span>answering ${esc(who)}: ${highlight(x.inReplyTo.text, asked)}</p>`);
  }
  if (x.evidence.length) parts.push(`<ul class="why" aria-label="Why this label">${x.evidence.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>`);
  return `<article class="reply l-${x.label}">${parts.join('')}</article>`;
}

function examplesCard(r: Report, id: string, level: number): string {
  const all = LABELS.flatMap((l) => r.examples[l]);
  if (!all.length) return '';
  const body = [
    `<p class="small muted">The replies the classifier was surest about, per label; <mark>marked</mark> words are the evidence it used.</p>`,
    `<div class="examples">${all.map(replyCard).join('')}</div>`,
  ];
  return card(`${id}-ex-h`, 12, 'Most telling replies', level, body.join(''));
}

/** One brand's sections. `level` is the heading level of its title (1 alone on a page, 2 among several). */
export function brandSection(r: Report, index: number, level: number): string {
  const id = `b${index + 1}`;
  const m = r.metrics;
  const w = r.window ? ` · ${day(r.window.from)} → ${day(r.window.to)}` : '';
  const head = [
    h(level, `@${esc(r.handle)} <span class="muted" style="font-weight:400">— customer-care feed health</span>`, ` id="${id}"`),
    `<p class="sub">${esc(`${plural(r.counts.tweets, 'tweet')}, ${plural(r.counts.replies, 'reply', 'replies')} to other people${w} · source: ${r.source.file} (${r.source.format})${m ? ` · times in ${m.timeZone}` : ''}`)}</p>`,
  ];
  const cards: string[] = [scoreCard(r, id, level + 1)];
  if (r.counts.replies > 0 && r.shares) cards.push(sharesCard(r, id, level + 1));
  if (m?.weeklyTrend) cards.push(trendCard(r, id, level + 1, m.responseTime ? 7 : 12));
  if (m?.responseTime) cards.push(responseCard(r, id, level + 1, m.weeklyTrend ? 5 : 12));
  if (m?.coverage) cards.push(coverageCard(r, id, level + 1, m.personalTouch ? 8 : 12));
  if (m?.personalTouch) cards.push(touchCard(r, id, level + 1, m.coverage ? 4 : 12));
  if (m?.canned) cards.push(cannedCard(r, id, level + 1, 12));
  cards.push(examplesCard(r, id, level + 1));
  const missing = m ? Object.entries(m.unavailable) : [];
  if (missing.length) {
    cards.push(card(`${id}-na-h`, 12, 'Not in this data', level + 1, `<ul class="small">${missing.map(([k, why]) => `<li><strong>${esc(k)}</strong>: ${esc(why ?? '')}</li>`).join('')}</ul>`));
  }
  return `<section class="brand-report" aria-labelledby="${id}"><header>${head.join('')}</header><div class="grid">${cards.filter(Boolean).join('')}</div></section>`;
}

/** `audit --format html`: one page; a source with several brands gets one section each, with a list of them on top. */
export function renderHtml(reports: readonly Report[], opts: HtmlOptions = {}): string {
  if (reports.length === 1) {
    const r = reports[0];
    return page({ title: opts.title ?? `@${r.handle} — feedhealth report`, body: brandSection(r, 0, 1) });
  }
  const title = opts.title ?? `${reports.length} brands — feedhealth report`;
  const nav = `<nav aria-label="Brands"><ul>${reports.map((r, i) => `<li><a href="#b${i + 1}">@${esc(r.handle)}</a>${r.score ? ` ${gradeSpan(r.score.value, r.score.grade)}` : ''}</li>`).join('')}</ul></nav>`;
  const body = [`<h1>${esc(`Customer-care feed health: ${plural(reports.length, 'brand')}`)}</h1>`, `<p class="sub">${esc(`source: ${reports[0]?.source.file ?? ''}`)}</p>`, nav, ...reports.map((r, i) => brandSection(r, i, 2))];
  return page({ title, body: body.join('\n') });
}

// ── compare ──────────────────────────────────────────────────────────────────────────────────

function brandCard(b: CompareRow, report: Report | undefined, i: number): string {
  const id = `c${i + 1}`;
  const parts: string[] = [];
  parts.push(`<h2 id="${id}"><span class="rank">#${esc(b.rank)}</span> <span>@${esc(b.handle)}</span></h2>`);
  if (b.score !== null && b.grade) {
    parts.push(`<div class="score"><span class="value num g-${gradeTone(b.grade)}" style="font-size:2.6rem">${esc(b.score)}</span><span class="of">/ 100</span><span class="grade g-${gradeTone(b.grade)}"><span class="visually-hidden">grade </span>${esc(b.grade)}</span></div>`);
    if (b.thinSample) parts.push(`<p class="small thin">${esc(THIN_NOTE)}</p>`);
    if (b.verdict) parts.push(`<p class="verdict small">${esc(b.verdict)}</p>`);
  } else parts.push(`<p class="verdict"><strong>No score</strong>: none of the replies works on a problem.</p>`);
  if (b.shares) {
    // The report's own counts; without one, what the (rounded) shares give back.
    const counts = Object.fromEntries(LABELS.map((l) => [l, report ? report.counts[l] : Math.round(b.shares![l] * b.replies)])) as LabelCounts;
    const shown = mixPcts(b.shares);
    parts.push(figure(shareBar(b.shares, counts, { id: `${id}-shares`, title: `Label shares of @${b.handle}`, desc: LABELS.map((l) => `${l} ${shown[l]}`).join(', ') }, 320, 26), `<span class="visually-hidden">Shares: </span>${LABELS.map((l) => `<span class="l-${l}">${esc(`${l} ${shown[l]}`)}</span>`).join(' · ')}`));
  }
  parts.push(
    stats([
      stat('replies', esc(b.replies)),
      ...(['medianReply', 'within1h', 'canned', 'personal'] as const).map((k) => stat(FIGURES[k].head, esc(FIGURES[k].text(b)))),
      stat('first screen', b.firstScreen ? (b.firstScreen.score === null ? 'none' : gradeSpan(b.firstScreen.score, b.firstScreen.grade ?? '')) : '–'),
    ]),
  );
  if (b.weeklyScores && b.weeklyScores.length) {
    const scored = b.weeklyScores.filter((x): x is number => x !== null);
    const desc = scored.length ? `${scored.length} of ${b.weeklyScores.length} weeks scored, low ${Math.min(...scored)}, high ${Math.max(...scored)}, last ${scored[scored.length - 1]}: ${b.weeklyScores.map((x) => x ?? 'none').join(', ')}.` : `No week of ${b.weeklyScores.length} has a score.`;
    parts.push(`<div style="margin-top:12px">${h(3, 'Week by week', ' class="small muted" style="margin:0"')}${figure(sparkline(b.weeklyScores, { id: `${id}-spark`, title: `Weekly score of @${b.handle}`, desc }, 240, 44), '')}</div>`);
  }
  const buckets = report?.metrics?.responseTime?.distribution?.buckets;
  if (buckets && buckets.length) {
    parts.push(`<div style="margin-top:12px">${h(3, 'How long people waited', ' class="small muted" style="margin:0"')}${figure(miniHistogram(buckets, { id: `${id}-rt`, title: `Response-time distribution of @${b.handle}`, desc: buckets.map((x) => `${x.label}: ${x.replies}`).join(', ') }, 240, 56), '')}</div>`);
  }
  parts.push(`<p class="small muted" style="margin-top:8px">${esc(`source: ${b.source.file} (${b.source.format})`)}</p>`);
  return `<section class="card brand" aria-labelledby="${id}">${parts.join('')}</section>`;
}

/** `compare --format html`: the brands ranked, as cards side by side, a score chart and the full table. */
export function renderCompareHtml(cmp: Comparison, opts: CompareHtmlOptions = {}): string {
  const find = (b: CompareRow) => opts.reports?.find((r) => r.handle === b.handle && r.source.file === b.source.file);
  const k = cmp.brands.length;
  const body: string[] = [];
  body.push(`<h1>Customer-care feeds compared</h1>`);
  body.push(`<p class="sub">${esc(`${rankedTitle(cmp)} · sources: ${cmp.sources.join(', ')} · times in ${cmp.timeZone}`)}</p>`);
  const desc = cmp.brands.map((b) => `#${b.rank} @${b.handle}: ${b.score === null ? 'no score' : `${b.score} (${b.grade})`}`).join('; ');
  const chart = scoreBars(cmp.brands.map((b) => ({ handle: b.handle, score: b.score, grade: b.grade })), { id: 'cmp-scores', title: 'Balance scores side by side', desc: `${desc}.` });
  const many = manySources(cmp.brands);
  // The full table has room for the 90th percentile and the exposure score too.
  const figures = (['resolving', 'deflecting', 'blaming', 'medianReply', 'p90Reply', 'within1h', 'canned', 'personal'] as const).map((k): Figure => FIGURES[k]);
  const head = ['brand', '#', ...(many ? ['source'] : []), 'replies', 'score', ...figures.map((f) => f.head), 'first screen', FIGURES.exposure.head];
  const rows = cmp.brands.map((b) => [
    `@${esc(b.handle)}`,
    esc(b.rank),
    ...(many ? [esc(sourceName(b))] : []),
    esc(b.replies),
    b.score === null || !b.grade ? 'none' : `${gradeSpan(b.score, b.grade)}${b.thinSample ? '<abbr title="thin sample">*</abbr>' : ''}`,
    ...figures.map((f) => esc(f.text(b))),
    b.firstScreen ? (b.firstScreen.score === null ? 'none' : gradeSpan(b.firstScreen.score, b.firstScreen.grade ?? '')) : '–',
    esc(FIGURES.exposure.text(b)),
  ]);
  const howTo = [
    `<p>Each reply that works on a problem counts: <strong class="l-resolving">resolving</strong> 1, <strong class="l-deflecting">deflecting</strong> 0.35 (sends the person elsewhere), <strong class="l-blaming">blaming</strong> 0 (puts the problem on someone else). The score is 100 × their mean; <strong class="l-other">other</strong> replies (thanks, banter) are left out.</p>`,
    `<p>Grades: A from 85, B from 70, C from 55, D from 40, F below. Fewer than ${THIN_SAMPLE} replies on problems make a thin sample (marked *): a shaky score, ranked after the others.</p>`,
  ].join('');
  body.push(
    `<div class="grid">${card('cmp-scores-h', 7, 'Balance scores side by side', 2, figure(chart, 'Best first. Bars are coloured by grade band: A and B green, C amber, D and F red.'))}${card('cmp-howto-h', 5, 'How the score works', 2, howTo)}</div>`,
  );
  body.push(`<div class="brands">${cmp.brands.map((b, i) => brandCard(b, find(b), i)).join('')}</div>`);
  const align = head.map((x) => (x === 'brand' || x === 'source' ? 'l' : 'r')) as ('l' | 'r')[];
  body.push(`<div class="grid">${card('cmp-table-h', 12, 'All figures', 2, `<div class="scroll">${table(head, rows, align, 'All figures, best first')}</div><p class="small muted" style="margin-top:8px">First screen: the newest 20 replies. Canned: replies whose wording the brand used twice or more. Personal: signed by an agent or calling the person by name. Exposure: the score with replies weighted by the answered people's follower counts. –: not in the data.</p>`)}</div>`);
  return page({ title: opts.title ?? `${plural(k, 'brand')} compared — feedhealth`, body: body.join('\n') });
}


