// Options shared by the report commands (audit, compare): parsed and checked here so a bad value
// is an input error (exit 2) naming its flag, before any file is read.
import { BelowThresholdError, InputError } from '../errors.js';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from '../score/time.js';
import { belowThreshold, unscored, type Scored } from '../score/threshold.js';

/** --tz: an IANA zone name → its canonical spelling (default UTC). */
export function timeZoneOption(value: string | undefined): string {
  if (value === undefined) return DEFAULT_TIME_ZONE;
  const tz = canonicalTimeZone(value.trim());
  if (!tz) throw new InputError(`--tz: unknown time zone "${value}" (use an IANA name such as UTC, Europe/London or America/New_York)`);
  return tz;
}

/** --fail-under: a score from 0 to 100 (plain decimal digits), or undefined when not given. */
export function failUnderOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (!/^\d+(?:\.\d+)?$/.test(value.trim()) || n > 100) {
    throw new InputError(`--fail-under: expected a score from 0 to 100, got "${value}"`);
  }
  return n;
}

/**
 * --format html writes a whole page: to -o FILE, or to stdout when stdout is a file or a pipe.
 * On a terminal it would only flood the screen, so that is a usage error with a hint (exit 2).
 */
export function htmlDestinationOption(format: string, output: string | undefined, stdoutIsTerminal: boolean): void {
  if (format !== 'html' || (output && output !== '-') || !stdoutIsTerminal) return;
  throw new InputError('--format html writes a whole web page: add -o report.html (or redirect stdout to a file)');
}

/** A whole-number option (--min-replies, --top, --workers): plain decimal digits, from `min` up to `max`. */
export function countOption(flag: string, value: string | undefined, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
  if (value === undefined) return fallback;
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new InputError(`${flag}: expected a whole number ${max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `≥ ${min}`}, got "${value}"`);
  }
  return n;
}

/** --top n: the league table's length. JSON gives every brand (a script ranks and cuts as it
 * likes, and a summary cut short would no longer merge), so asking for both is a usage error. */
export function topOption(value: string | undefined, format: string): number | undefined {
  if (value === undefined) return undefined;
  const top = countOption('--top', value, 1, { min: 1 });
  if (format === 'json') throw new InputError('--top ranks the table, md and html; --json gives every brand (rank them with jq: sort_by(-.score.value))');
  return top;
}

/** Worker threads beyond this only cost memory (each holds its own classifier). */
export const MAX_WORKERS = 32;

/** --json is --format json: with another --format it is a usage error, not a silent choice. */
export function formatOption<F extends string>(json: boolean | undefined, format: F | undefined): F | 'json' {
  if (!json) return format ?? ('table' as F);
  if (format && format !== 'table' && format !== 'json') throw new InputError(`--json conflicts with --format ${format} (--json is --format json)`);
  return 'json';
}

/**
 * After the report is out: exit 1 (BelowThresholdError) when any scored brand is under `min`.
 * Brands with no score cannot be judged; they are named on stderr and do not fail the run.
 */
export function enforceFailUnder(brands: readonly Scored[], min: number | undefined): void {
  if (min === undefined) return;
  const none = unscored(brands);
  if (none.length) process.stderr.write(`feedhealth: no score for ${none.map((h) => `@${h}`).join(', ')}; not checked against --fail-under\n`);
  const low = belowThreshold(brands, min);
  if (low.length === 0) return;
  const list = low.map((b) => `@${b.handle} ${b.score}`).join(', ');
  throw new BelowThresholdError(low.length === 1 ? `${list.replace(/ (\d+)$/, ' scored $1')}, under --fail-under ${min}` : `${low.length} brands under --fail-under ${min}: ${list}`);
}
