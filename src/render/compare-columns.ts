// The figure columns of a comparison, shared by the table, Markdown and HTML renderers so they
// stay in step: each takes the ones it has room for and escapes or styles the text its own way.
import type { CompareRow } from '../compare.js';
import { duration, mixPcts, pct } from './shapes.js';

export interface Figure {
  head: string;
  /** A narrower heading, for the terminal table. */
  short?: string;
  /** The figure as text; – when it is not in the data. */
  text: (b: CompareRow) => string;
}

const opt = (x: number | null | undefined, f: (x: number) => string) => (x === null || x === undefined ? '–' : f(x));

export const FIGURES = {
  resolving: { head: 'resolving', text: (b) => (b.shares ? mixPcts(b.shares).resolving : '–') },
  deflecting: { head: 'deflecting', text: (b) => (b.shares ? mixPcts(b.shares).deflecting : '–') },
  blaming: { head: 'blaming', text: (b) => (b.shares ? mixPcts(b.shares).blaming : '–') },
  medianReply: { head: 'median reply', text: (b) => opt(b.medianResponseSeconds, duration) },
  p90Reply: { head: '90th pct', text: (b) => opt(b.p90ResponseSeconds, duration) },
  within1h: { head: 'within 1 h', short: '≤ 1 h', text: (b) => opt(b.answeredWithin1hShare, pct) },
  canned: { head: 'canned', text: (b) => opt(b.templatedShare, pct) },
  personal: { head: 'personal', text: (b) => opt(b.personalShare, pct) },
  exposure: { head: 'exposure', text: (b) => opt(b.exposureScore, String) },
} satisfies Record<string, Figure>;

export type FigureKey = keyof typeof FIGURES;

/** The figures every comparison shows, in this order. */
export const COMMON_FIGURES: FigureKey[] = ['resolving', 'deflecting', 'blaming', 'medianReply', 'within1h', 'canned', 'personal'];

/** The file a brand's figures came from, by its last path part. */
export const sourceName = (b: CompareRow) => b.source.file.split('/').pop() ?? b.source.file;

/** Whether the brands come from more than one file (then each row names its file). */
export const manySources = (rows: readonly CompareRow[]) => new Set(rows.map((b) => b.source.file)).size > 1;
