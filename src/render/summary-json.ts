// The summary document: what `audit --summary-only --json` prints and `merge` reads and prints.
// Each brand carries its report (without the reply list) and its mergeable state; merging the
// documents of shards gives the document of the whole.
import type { BrandAudit } from '../audit.js';
import { SCHEMA_VERSION, type Report } from '../report.js';
import { reportFromState, stateFromJson, stateToJson, type BrandState } from '../summary.js';
import { fileError } from '../errors.js';

export const SUMMARY_KIND = 'feedhealth-summary';

export interface SummaryDoc {
  schemaVersion: number;
  kind: typeof SUMMARY_KIND;
  /** IANA zone the states count hours, weekdays and weeks in (documents merge only within one). */
  timeZone: string;
  /** The files (or @handles) summarized, in order. */
  sources: { file: string; format: string }[];
  /** Each brand's report (replies omitted) with its mergeable state. */
  brands: (Report & { state: unknown })[];
}

/** The source a merged report names: every file, joined. */
export function joinedSource(sources: { file: string; format: string }[]): { file: string; format: string } {
  return { file: sources.map((s) => s.file).join(' + '), format: [...new Set(sources.map((s) => s.format))].join('+') };
}

export function summaryDocOfStates(states: BrandState[], sources: { file: string; format: string }[], timeZone: string): SummaryDoc {
  const source = joinedSource(sources);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: SUMMARY_KIND,
    timeZone,
    sources,
    brands: states.map((s) => ({ ...reportFromState(s, source), state: stateToJson(s) })),
  };
}

export function summaryDoc(audits: BrandAudit[], sources: { file: string; format: string }[], timeZone: string): SummaryDoc {
  return summaryDocOfStates(audits.map((a) => a.state), sources, timeZone);
}

export function renderSummaryJson(doc: SummaryDoc): string {
  return `${JSON.stringify(doc)}\n`;
}

/** Reads a summary document; anything else is an input error naming the file. */
export function parseSummaryDoc(text: string, file: string): { doc: SummaryDoc; states: BrandState[] } {
  let doc: SummaryDoc;
  try {
    doc = JSON.parse(text);
  } catch {
    throw fileError(file, 'not JSON (expected the output of `feedhealth audit --summary-only --json`)');
  }
  if (doc?.kind !== SUMMARY_KIND || !Array.isArray(doc.brands)) {
    throw fileError(file, 'not a summary (expected the output of `feedhealth audit --summary-only --json`)');
  }
  if (doc.schemaVersion !== SCHEMA_VERSION) throw fileError(file, `summary schemaVersion ${doc.schemaVersion}; this feedhealth reads ${SCHEMA_VERSION}`);
  try {
    return { doc, states: doc.brands.map((b) => stateFromJson(b.state)) };
  } catch {
    throw fileError(file, 'summary has a brand without a readable state');
  }
}
