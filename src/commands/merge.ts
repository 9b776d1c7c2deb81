// `feedhealth merge <summary.json>…`: combines the summaries of shards (audit --summary-only
// --json on each) into the summary of the whole — the same document one run over all shards
// prints — or into reports / a league table.
import { readFileSync } from 'node:fs';
import { fsError, InputError } from '../errors.js';
import { assertText } from '../sources/sniff.js';
import { emit } from '../output.js';
import { compareReports, topOf } from '../compare.js';
import type { ReportFormat } from '../render/formats.js';
import { mergeBrandStates, reportFromState, type BrandState } from '../summary.js';
import { joinedSource, parseSummaryDoc, renderSummaryJson, summaryDocOfStates } from '../render/summary-json.js';
import { enforceFailUnder, failUnderOption, formatOption, htmlDestinationOption, topOption } from './options.js';
import { renderComparison } from './render.js';

export interface MergeCliOptions {
  json?: boolean;
  format?: ReportFormat;
  output?: string;
  color?: boolean;
  top?: string;
  failUnder?: string;
}

export async function mergeCommand(files: string[], opts: MergeCliOptions): Promise<void> {
  const format: ReportFormat = formatOption(opts.json, opts.format);
  const failUnder = failUnderOption(opts.failUnder);
  const top = topOption(opts.top, format);
  htmlDestinationOption(format, opts.output, !!process.stdout.isTTY);
  if (files.length === 0) throw new InputError('merge: give at least one summary file');
  const merged = new Map<string, BrandState>();
  const sources: { file: string; format: string }[] = [];
  let timeZone: string | undefined;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      throw fsError(file, err);
    }
    assertText(bytes, file, 'a summary (expected the JSON of `feedhealth audit … --summary-only --json`)');
    const text = bytes.toString('utf8');
    const { doc, states } = parseSummaryDoc(text, file);
    if (timeZone !== undefined && doc.timeZone !== timeZone) {
      throw new InputError(`${file}: summary counted in ${doc.timeZone}, the others in ${timeZone}; audit the shards with the same --tz`);
    }
    timeZone = doc.timeZone;
    sources.push(...doc.sources);
    // Brands merge by handle, case-insensitively; the first spelling seen is kept.
    for (const s of states) {
      const key = s.handle.toLowerCase();
      const prev = merged.get(key);
      merged.set(key, prev ? mergeBrandStates(prev, s) : s);
    }
  }
  const states = [...merged.values()];
  const reports = states.map((s) => reportFromState(s, joinedSource(sources)));
  let text: string;
  if (format === 'json') {
    text = renderSummaryJson(summaryDocOfStates(states, sources, timeZone!));
  } else {
    const cmp = topOf(compareReports(reports, sources.map((s) => s.file), timeZone), top);
    text = await renderComparison(cmp, reports, format, opts);
  }
  await emit(text, opts.output);
  enforceFailUnder(reports, failUnder);
}
