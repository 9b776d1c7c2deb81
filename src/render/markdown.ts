// Markdown renderer: a report to paste into a document (GitHub, Notion, a wiki). Pure.
import { LABELS } from '../model.js';
import type { Report } from '../report.js';
import { rankedTitle, THIN_SAMPLE, type Comparison } from '../compare.js';
import { duration, heatMapLines, mixPcts, mixRow, pct, plural, sparkline, trendSummary, SHADES, SHADE_EMPTY } from './shapes.js';
import { COMMON_FIGURES, FIGURES, manySources, sourceName, type Figure } from './compare-columns.js';
import { clipText, flatText } from '../text.js';

/** Escapes Markdown's special characters so a tweet stays plain text; flattens newlines. */
export function mdText(s: string): string {
  return flatText(s).replace(/[\\`*_[\]<>|#~]/g, '\\$&');
}

const cell = (s: string) => mdText(s);

function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

const sc = (s: { value: number; grade: string } | null) => (s ? `${s.value} ${s.grade}` : '–');

export function renderMarkdownReport(r: Report): string {
  const out: string[] = [];
  const m = r.metrics;
  out.push(`# @${mdText(r.handle)} — customer-care feed health`, '');
  const w = r.window ? ` · ${r.window.from.slice(0, 10)} → ${r.window.to.slice(0, 10)}` : '';
  out.push(`${plural(r.counts.tweets, 'tweet')}, ${plural(r.counts.replies, 'reply', 'replies')} to other people${w} · source: \`${r.source.file.replace(/`/g, '')}\` (${r.source.format})`, '');
  if (r.score) out.push(`**Balance score ${r.score.value}/100, grade ${r.score.grade}.** ${mdText(r.score.verdict)}`, '');
  else out.push(`**No score.** ${mdText(r.note ?? '')}`, '');
  if (r.counts.replies === 0) return `${out.join('\n').trimEnd()}\n`;

  out.push(...table(['label', 'replies', 'share'], ['l', 'r', 'r'], LABELS.map((l) => [l, String(r.counts[l]), mixPcts(r.shares)[l]])), '');

  if (m?.firstScreen || m?.exposure) {
    out.push('## Views of the feed', '');
    const rows: string[][] = [];
    if (r.shares) rows.push(['whole window', String(r.counts.replies), sc(r.score), ...mixRow(r.shares)]);
    if (m.firstScreen) rows.push([`first screen (newest ${m.firstScreen.replies})`, String(m.firstScreen.replies), sc(m.firstScreen.score), ...mixRow(m.firstScreen.shares)]);
    if (m.exposure) {
      rows.push(['by exposure (weighted)', String(m.exposure.weightedReplies), sc(m.exposure.score), ...mixRow(m.exposure.shares)]);
      rows.push(['same replies, unweighted', String(m.exposure.weightedReplies), sc(m.exposure.plainScore), ...mixRow(m.exposure.plainShares)]);
    }
    out.push(...table(['view', 'replies', 'score', ...LABELS], ['l', 'r', 'r', 'r', 'r', 'r', 'r'], rows), '');
    if (m.exposure) out.push(`Exposure weight = ${mdText(m.exposure.weighting)}; median followers ${m.exposure.medianFollowers}.`, '');
  }

  if (m?.responseTime) {
    const rt = m.responseTime;
    out.push('## Response time', '');
    out.push(`Median **${duration(rt.medianSeconds)}**, 90th percentile ${duration(rt.p90Seconds)}, ${pct(rt.answeredWithin1hShare)} within 1 hour (${rt.timedReplies} of ${rt.timedReplies + rt.untimedReplies} replies answer a tweet with a known time).`, '');
    out.push(
      ...table(['label', 'timed', 'median', '90th percentile', 'within 1 h'], ['l', 'r', 'r', 'r', 'r'], LABELS.map((l) => {
        const s = rt.byLabel[l];
        return s ? [l, String(s.timedReplies), duration(s.medianSeconds), duration(s.p90Seconds), pct(s.answeredWithin1hShare)] : [l, '0', '–', '–', '–'];
      })),
      '',
    );
  }

  if (m?.coverage) {
    const cv = m.coverage;
    out.push(`## When replies are sent (${m.timeZone})`, '');
    out.push('```text', ...heatMapLines(cv.byWeekdayHour, 2), `     ${SHADE_EMPTY} none  ${SHADES.join(' ')} up to the busiest hour`, '```', '');
    out.push(`Weekends ${pct(cv.weekendShare)} (evenly all week: 29%) · Mon–Fri 09–17 ${pct(cv.businessHoursShare)} (evenly: 24%) · ${cv.hourSlotsWithReplies} of 168 weekly hours used · ${cv.datedReplies} dated replies.`, '');
  }

  if (m?.canned) {
    const cn = m.canned;
    out.push('## Canned replies', '');
    out.push(`**${pct(cn.templatedShare)}** of replies come from ${plural(cn.templateCount, 'template')} (near-identical wording used twice or more).`, '');
    if (cn.topTemplates.length) {
      out.push(
        ...table(['uses', 'example', 'labels'], ['r', 'l', 'l'], cn.topTemplates.map((t) => [
          String(t.uses),
          cell(clipText(t.example, 200)),
          LABELS.filter((l) => t.labels[l] > 0).map((l) => `${l} ${t.labels[l]}`).join(', '),
        ])),
        '',
      );
    }
  }

  if (m?.personalTouch) {
    const p = m.personalTouch;
    out.push('## Personal touch', '');
    out.push(`${pct(p.signedShare)} signed by an agent · ${pct(p.namedShare)} call the person by name · **${pct(p.personalShare)}** either.`, '');
  }

  if (m?.weeklyTrend) {
    const wk = m.weeklyTrend.weeks;
    out.push(`## Weekly score (ISO weeks, ${m.timeZone})`, '');
    out.push(`\`${sparkline(wk.map((x) => x.score))}\` ${wk[0].week} → ${wk[wk.length - 1].week} · ${trendSummary(wk)}`, '');
    if (wk.length <= 26) out.push(...table(['week', 'from', 'replies', 'score'], ['l', 'l', 'r', 'r'], wk.map((x) => [x.week, x.start, String(x.replies), x.score === null ? '–' : String(x.score)])), '');
  }

  const missing = m ? Object.entries(m.unavailable) : [];
  if (missing.length) {
    out.push('## Not available', '');
    for (const [k, why] of missing) out.push(`- **${k}**: ${mdText(why)}`);
    out.push('');
  }

  const examples = LABELS.flatMap((l) => r.examples[l].map((x) => ({ l, x })));
  if (examples.length) {
    out.push('## Most telling replies', '');
    for (const { l, x } of examples) {
      out.push(`- **${l}** (${Math.round(x.confidence * 100)}%): ${mdText(clipText(x.text, 280))}`);
      if (x.inReplyTo) out.push(`  - answering: ${mdText(clipText(x.inReplyTo.text, 200))}`);
      if (x.evidence.length) out.push(`  - why: ${mdText(x.evidence.join('; '))}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderMarkdown(reports: Report[]): string {
  return reports.map(renderMarkdownReport).join('\n---\n\n');
}

export function renderCompareMarkdown(cmp: Comparison): string {
  const out: string[] = ['# Customer-care feeds compared', ''];
  out.push(`${rankedTitle(cmp)} · sources: ${cmp.sources.map((s) => `\`${s.replace(/`/g, '')}\``).join(', ')} · time zone ${cmp.timeZone}`, '');
  const many = manySources(cmp.brands);
  const figures = COMMON_FIGURES.map((k): Figure => FIGURES[k]);
  const head = ['#', 'brand', ...(many ? ['source'] : []), 'replies', 'score', ...figures.map((f) => f.head), 'first screen', 'weekly'];
  const rows = cmp.brands.map((b) => [
    String(b.rank),
    `@${mdText(b.handle)}`,
    ...(many ? [cell(sourceName(b))] : []),
    String(b.replies),
    b.score === null ? 'none' : `**${b.score}** ${b.grade}${b.thinSample ? '\\*' : ''}`,
    ...figures.map((f) => f.text(b)),
    b.firstScreen ? (b.firstScreen.score === null ? 'none' : `${b.firstScreen.score} ${b.firstScreen.grade}`) : '–',
    b.weeklyScores ? `\`${sparkline(b.weeklyScores.slice(-26))}\`` : '–',
  ]);
  out.push(...table(head, head.map((h) => (h === 'brand' || h === 'source' || h === 'weekly' ? 'l' : 'r')), rows), '');
  out.push('Score: 100 × the mean value of replies that work on a problem (resolving 1, deflecting 0.35, blaming 0). First screen: the newest 20 replies. Canned: replies whose wording the brand used twice or more. Personal: signed by an agent or calling the person by name. –: not in the data.');
  if (cmp.brands.some((b) => b.thinSample && b.score !== null)) out.push('', `\\* Fewer than ${THIN_SAMPLE} replies work on a problem: a shaky score, ranked after the others.`);
  return `${out.join('\n').trimEnd()}\n`;
}
