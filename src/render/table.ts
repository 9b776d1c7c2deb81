// Terminal renderer: a colored summary table and the most telling replies with their evidence.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { LABELS, type Label } from '../model.js';
import type { Report } from '../report.js';
import { rankedTitle, THIN_SAMPLE, type Comparison } from '../compare.js';
import { duration, heatMapLines, mixPcts, mixRow, pct, plural, sparkline, trendSummary, SHADES, SHADE_EMPTY } from './shapes.js';
import { COMMON_FIGURES, FIGURES, manySources, sourceName, type Figure } from './compare-columns.js';
import { clipText, flatText } from '../text.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width to wrap to. */
  width: number;
}

function labelColor(c: ChalkInstance): Record<Label, (s: string) => string> {
  return { resolving: c.green, deflecting: c.yellow, blaming: c.red, other: c.gray };
}

function gradeColor(c: ChalkInstance, grade: string) {
  return grade === 'A' || grade === 'B' ? c.green.bold : grade === 'C' ? c.yellow.bold : c.red.bold;
}

const bar = (share: number, width: number) => '█'.repeat(Math.round(share * width)) || (share > 0 ? '▏' : '');

const oneLine = (s: string, max: number) => clipText(flatText(s), max);

export function renderTable(report: Report, opts: TableOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const col = labelColor(c);
  const out: string[] = [];
  const w = report.window ? `  ${report.window.from.slice(0, 10)} → ${report.window.to.slice(0, 10)}` : '';
  out.push(c.bold(`@${flatText(report.handle)}`) + c.dim(`  ${plural(report.counts.tweets, 'tweet')}, ${plural(report.counts.replies, 'reply', 'replies')} to other people${w}`));
  out.push('');
  if (report.score) {
    const s = report.score;
    out.push(`  Balance score ${gradeColor(c, s.grade)(`${s.value}/100`)}   grade ${gradeColor(c, s.grade)(s.grade)}`);
    out.push(`  ${s.verdict}`);
  } else {
    out.push(`  ${c.yellow('No score.')} ${report.note ?? ''}`);
  }
  if (report.counts.replies === 0) return `${out.join('\n')}\n`;
  out.push('');
  const barWidth = Math.max(10, Math.min(30, opts.width - 40));
  const t = new Table({
    head: ['label', 'replies', 'share', ''],
    colAligns: ['left', 'right', 'right', 'left'],
    style: tableStyle(opts.color),
    chars: COMPACT,
  });
  const shown = mixPcts(report.shares);
  for (const l of LABELS) {
    const share = report.shares?.[l] ?? 0;
    t.push([col[l](l), String(report.counts[l]), shown[l], col[l](bar(share, barWidth))]);
  }
  out.push(t.toString());
  out.push(...metricsLines(report, c, opts));
  const textWidth = Math.max(30, opts.width - 4);
  const examples = LABELS.flatMap((l) => report.examples[l].map((r) => ({ l, r })));
  if (examples.length) {
    out.push('');
    out.push(c.bold('Most telling replies'));
    for (const { l, r } of examples) {
      out.push(`  ${col[l](l.padEnd(10))} ${c.dim(`${Math.round(r.confidence * 100)}%`)}  ${oneLine(r.text, textWidth - 18)}`);
      if (r.inReplyTo) out.push(c.dim(`  ${' '.repeat(15)}↳ answering: ${oneLine(r.inReplyTo.text, textWidth - 30)}`));
      if (r.evidence.length) out.push(c.dim(`  ${' '.repeat(15)}why: ${oneLine(r.evidence.join('; '), textWidth - 22)}`));
    }
  }
  return `${out.join('\n')}\n`;
}

const tableStyle = (color: boolean) => ({ head: color ? ['bold'] : [], border: color ? ['gray'] : [] });
/** No rule between body rows: these tables are read across, many rows tall. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };


/** The outside reader's figures (report.metrics), one small section each. */
export function metricsLines(report: Report, c: ChalkInstance, opts: TableOptions): string[] {
  const m = report.metrics;
  if (!m) return [];
  const out: string[] = [];
  const textWidth = Math.max(30, opts.width - 4);
  const section = (title: string, note = '') => {
    out.push('');
    out.push(c.bold(title) + (note ? c.dim(`  ${note}`) : ''));
  };

  // Views of the same feed: whole window, first screen, weighted by exposure.
  if (report.shares && (m.firstScreen || m.exposure)) {
    section('Views of the feed', 'same labels, counted three ways');
    const t = new Table({
      head: ['view', 'replies', 'score', ...LABELS],
      colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      style: tableStyle(opts.color),
      chars: COMPACT,
    });
    const sc = (s: { value: number; grade: string } | null) => (s ? `${s.value} ${s.grade}` : '–');
    t.push(['whole window', String(report.counts.replies), sc(report.score), ...mixRow(report.shares)]);
    if (m.firstScreen) t.push([`first screen (newest ${m.firstScreen.replies})`, String(m.firstScreen.replies), sc(m.firstScreen.score), ...mixRow(m.firstScreen.shares)]);
    if (m.exposure) {
      t.push(['by exposure (weighted)', String(m.exposure.weightedReplies), sc(m.exposure.score), ...mixRow(m.exposure.shares)]);
      t.push(['  same replies, unweighted', String(m.exposure.weightedReplies), sc(m.exposure.plainScore), ...mixRow(m.exposure.plainShares)]);
    }
    out.push(t.toString());
    if (m.exposure) out.push(c.dim(`  exposure weight = ${m.exposure.weighting}; median followers ${m.exposure.medianFollowers}`));
  }

  if (m.responseTime) {
    const rt = m.responseTime;
    section('Response time', `${rt.timedReplies} of ${rt.timedReplies + rt.untimedReplies} replies answer a tweet with a known time`);
    out.push(`  median ${c.bold(duration(rt.medianSeconds))} · 90th percentile ${duration(rt.p90Seconds)} · ${pct(rt.answeredWithin1hShare)} within 1 hour`);
    const t = new Table({
      head: ['label', 'timed', 'median', '90th pct', 'within 1 h'],
      colAligns: ['left', 'right', 'right', 'right', 'right'],
      style: tableStyle(opts.color),
      chars: COMPACT,
    });
    const col = labelColor(c);
    for (const l of LABELS) {
      const s = rt.byLabel[l];
      t.push(s ? [col[l](l), String(s.timedReplies), duration(s.medianSeconds), duration(s.p90Seconds), pct(s.answeredWithin1hShare)] : [col[l](l), '0', '–', '–', '–']);
    }
    out.push(t.toString());
  }

  if (m.coverage) {
    const cv = m.coverage;
    section(`When replies are sent (${m.timeZone})`, `${cv.datedReplies} dated replies`);
    out.push(...heatMapLines(cv.byWeekdayHour, opts.width >= 62 ? 2 : 1).map((l) => `  ${l}`));
    out.push(c.dim(`       ${SHADE_EMPTY} none  ${SHADES.join(' ')} up to the busiest hour`));
    out.push(`  weekends ${pct(cv.weekendShare)} ${c.dim('(evenly all week: 29%)')} · Mon–Fri 09–17 ${pct(cv.businessHoursShare)} ${c.dim('(evenly: 24%)')} · ${cv.hourSlotsWithReplies} of 168 weekly hours used`);
  }

  if (m.canned) {
    const cn = m.canned;
    section('Canned replies', 'near-identical wording used twice or more');
    out.push(`  ${c.bold(pct(cn.templatedShare))} of replies come from ${plural(cn.templateCount, 'template')}`);
    const col = labelColor(c);
    for (const tp of cn.topTemplates) {
      const labels = LABELS.filter((l) => tp.labels[l] > 0).map((l) => col[l](`${l} ${tp.labels[l]}`)).join(', ');
      out.push(`  ${String(tp.uses).padStart(4)}×  ${oneLine(tp.example, textWidth - 10)}`);
      out.push(c.dim(`         labeled: `) + labels);
    }
  }

  if (m.personalTouch) {
    const p = m.personalTouch;
    section('Personal touch');
    out.push(`  ${pct(p.signedShare)} signed by an agent · ${pct(p.namedShare)} call the person by name · ${c.bold(pct(p.personalShare))} either`);
  }

  if (m.weeklyTrend) {
    const wk = m.weeklyTrend.weeks;
    const shown = wk.slice(-Math.max(8, textWidth - 40));
    section(`Weekly score (ISO weeks, ${m.timeZone})`);
    out.push(`  ${c.bold(sparkline(shown.map((w) => w.score)))}  ${shown[0].week} → ${shown[shown.length - 1].week}  ${c.dim(trendSummary(shown))}`);
  }

  const missing = Object.entries(m.unavailable);
  if (missing.length) {
    out.push('');
    out.push(c.dim(`Not available: ${missing.map(([k, why]) => `${k} (${why})`).join('; ')}`));
  }
  return out;
}

export function renderTables(reports: Report[], opts: TableOptions): string {
  return reports.map((r) => renderTable(r, opts)).join('\n');
}

/** `compare`: brands side by side, best score first. */
export function renderCompareTable(cmp: Comparison, opts: TableOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const many = manySources(cmp.brands);
  const figures = COMMON_FIGURES.map((k): Figure => FIGURES[k]);
  const head = ['#', 'brand', ...(many ? ['source'] : []), 'replies', 'score', ...figures.map((f) => f.short ?? f.head), 'first screen'];
  const t = new Table({
    head,
    colAligns: head.map((h) => (h === 'brand' || h === 'source' ? 'left' : 'right')),
    style: tableStyle(opts.color),
    chars: COMPACT,
  });
  for (const b of cmp.brands) {
    const score = b.score === null || !b.grade ? c.dim('none') : gradeColor(c, b.grade)(`${b.score} ${b.grade}${b.thinSample ? '*' : ''}`);
    const fs = b.firstScreen ? (b.firstScreen.score === null ? 'none' : `${b.firstScreen.score} ${b.firstScreen.grade}`) : '–';
    t.push([String(b.rank), `@${flatText(b.handle)}`, ...(many ? [sourceName(b)] : []), String(b.replies), score, ...figures.map((f) => f.text(b)), fs]);
  }
  const out = [c.bold(rankedTitle(cmp)) + c.dim(`  from ${cmp.sources.join(', ')}`), t.toString()];
  out.push(c.dim('score: 100 × mean value of problem replies (resolving 1, deflecting 0.35, blaming 0); first screen: newest 20 replies; – : not in the data'));
  if (cmp.brands.some((b) => b.thinSample && b.score !== null)) out.push(c.dim(`* fewer than ${THIN_SAMPLE} replies on problems: a shaky score, ranked after the others`));
  return `${out.join('\n')}\n`;
}
