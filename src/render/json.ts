// JSON renderer: exactly one document. One brand → its Report; several → {schemaVersion, brands}.
import { SCHEMA_VERSION, type MultiReport, type Report } from '../report.js';
import type { Comparison } from '../compare.js';

export function renderJson(reports: Report[]): string {
  if (reports.length === 1) return `${JSON.stringify(reports[0], null, 2)}\n`;
  const multi: MultiReport = {
    schemaVersion: SCHEMA_VERSION,
    source: reports[0]?.source ?? { file: '', format: '' },
    brands: reports,
  };
  return `${JSON.stringify(multi, null, 2)}\n`;
}

/** `compare --json`: one document, brands best first. */
export function renderCompareJson(cmp: Comparison): string {
  return `${JSON.stringify(cmp, null, 2)}\n`;
}
