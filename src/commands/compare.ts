// `feedhealth compare <source>…`: each source becomes reports the way `audit` makes them (a TWCS
// file gives one per brand), then brands are ranked side by side. The only I/O for it is here.
import type { InputFormat } from '../model.js';
import { InputError } from '../errors.js';
import { emit } from '../output.js';
import { compareReports } from '../compare.js';
import type { Report } from '../report.js';
import type { ReportFormat } from '../render/formats.js';
import { reportsFor } from './audit.js';
import { renderComparison } from './render.js';
import { countOption, enforceFailUnder, failUnderOption, formatOption, htmlDestinationOption, timeZoneOption } from './options.js';

export interface CompareCliOptions {
  json?: boolean;
  format?: ReportFormat;
  inputFormat?: InputFormat;
  output?: string;
  color?: boolean;
  tz?: string;
  failUnder?: string;
  minReplies?: string;
}

export async function compareCommand(sources: string[], opts: CompareCliOptions): Promise<void> {
  const format: ReportFormat = formatOption(opts.json, opts.format);
  const timeZone = timeZoneOption(opts.tz);
  const failUnder = failUnderOption(opts.failUnder);
  const minReplies = countOption('--min-replies', opts.minReplies, 0);
  htmlDestinationOption(format, opts.output, !!process.stdout.isTTY);
  if (sources.length === 0) throw new InputError('compare: give at least one source');
  const all: Report[] = [];
  for (const source of sources) all.push(...(await reportsFor(source, { inputFormat: opts.inputFormat, timeZone })));
  const kept = all.filter((r) => r.counts.replies >= minReplies);
  if (kept.length < all.length) {
    process.stderr.write(`feedhealth: left out ${all.length - kept.length} brand${all.length - kept.length === 1 ? '' : 's'} with fewer than ${minReplies} replies\n`);
  }
  if (kept.length === 0) throw new InputError(`compare: no brand has at least ${minReplies} replies`);
  const cmp = compareReports(kept, sources, timeZone);
  const text = await renderComparison(cmp, kept, format, opts);
  await emit(text, opts.output);
  enforceFailUnder(kept, failUnder);
}
