// Terminal renderer: a colored summary table and the most telling replies with their evidence.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { LABELS, type Label } from '../model.js';
import type { Report } from '../report.js';

export interface TableOptions {
  color: boolean;
  /** Terminal width to wrap to. */
  width: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function labelColor(c: ChalkInstance): Record<Label, (s: string) => string> {
  return { resolving: c.green, deflecting: c.yellow, blaming: c.red, other: c.gray };
}

function gradeColor(c: ChalkInstance, grade: string) {
  return grade === 'A' || grade === 'B' ? c.green.bold : grade === 'C' ? c.yellow.bold : c.red.bold;
}

const bar = (share: number, width: number) => '█'.repeat(Math.round(share * width)) || (share > 0 ? '▏' : '');

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function renderTable(report: Report, opts: TableOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const col = labelColor(c);
  const out: string[] = [];
  const w = report.window ? `  ${report.window.from.slice(0, 10)} → ${report.window.to.slice(0, 10)}` : '';
  out.push(c.bold(`@${report.handle}`) + c.dim(`  ${report.counts.tweets} tweets, ${report.counts.replies} replies to other people${w}`));
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
    style: { head: opts.color ? ['bold'] : [], border: opts.color ? ['gray'] : [] },
  });
  for (const l of LABELS) {
    const share = report.shares?.[l] ?? 0;
    t.push([col[l](l), String(report.counts[l]), pct(share), col[l](bar(share, barWidth))]);
  }
  out.push(t.toString());
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

export function renderTables(reports: Report[], opts: TableOptions): string {
  return reports.map((r) => renderTable(r, opts)).join('\n');
}
