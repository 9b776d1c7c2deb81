// `feedhealth audit <file>`: load, classify, summarize, render. The only place that does I/O for it.
import type { InputFormat } from '../model.js';
import { InputError } from '../errors.js';
import { loadFile } from '../sources/detect.js';
import { auditTimeline } from '../audit.js';
import { renderJson } from '../render/json.js';
import { emit } from '../output.js';

export const AUDIT_FORMATS = ['table', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditCliOptions {
  json?: boolean;
  format?: AuditFormat;
  handle?: string;
  inputFormat?: InputFormat;
  output?: string;
  color?: boolean;
}

export async function auditCommand(source: string, opts: AuditCliOptions): Promise<void> {
  const format: AuditFormat = opts.json ? 'json' : opts.format ?? 'table';
  if (source.startsWith('@')) {
    throw new InputError(`${source}: live audits from the X API are not available in this build; give a saved timeline file`);
  }
  const tl = loadFile(source, opts.inputFormat);
  const reports = auditTimeline(tl, { handle: opts.handle, file: source });
  let text: string;
  if (format === 'json') {
    text = renderJson(reports);
  } else {
    const { renderTables } = await import('../render/table.js');
    const color = opts.color !== false && !opts.output && (await import('../output.js')).stdoutHasColor();
    text = renderTables(reports, { color, width: process.stdout.columns || 100 });
  }
  await emit(text, opts.output);
}
