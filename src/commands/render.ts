// Turning reports into the asked-for format: shared by audit, compare and merge so each format
// is wired once. Renderers are loaded when used (start-up stays light).
import type { Comparison } from '../compare.js';
import type { Report } from '../report.js';
import type { ReportFormat } from '../render/formats.js';

export interface RenderOptions {
  /** Colors asked for (false with --no-color). */
  color?: boolean;
  /** Writing to a file: no colors. */
  output?: string;
}

async function colorOn(opts: RenderOptions): Promise<boolean> {
  return opts.color !== false && !opts.output && (await import('../output.js')).stdoutHasColor();
}

/** One full report per brand. */
export async function renderReports(reports: Report[], format: ReportFormat, opts: RenderOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../render/json.js')).renderJson(reports);
    case 'md':
      return (await import('../render/markdown.js')).renderMarkdown(reports);
    case 'html':
      return (await import('../render/html.js')).renderHtml(reports);
    default:
      return (await import('../render/table.js')).renderTables(reports, { color: await colorOn(opts), width: process.stdout.columns || 100 });
  }
}

/** Brands side by side, ranked. `reports` backs the HTML page's detail. */
export async function renderComparison(cmp: Comparison, reports: Report[], format: ReportFormat, opts: RenderOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../render/json.js')).renderCompareJson(cmp);
    case 'md':
      return (await import('../render/markdown.js')).renderCompareMarkdown(cmp);
    case 'html':
      return (await import('../render/html.js')).renderCompareHtml(cmp, { reports });
    default:
      return (await import('../render/table.js')).renderCompareTable(cmp, { color: await colorOn(opts), width: process.stdout.columns || 100 });
  }
}
