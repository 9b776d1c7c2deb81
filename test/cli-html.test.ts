// `--format html` from the real binary: `audit` and `compare` write one page to -o FILE or to a
// piped stdout; on a terminal without -o they stop with a one-line hint (exit 2).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, stderrLines } from './helpers/cli.js';
import { BIN, fixture, ROOT } from './helpers/paths.js';
import { htmlDestinationOption } from '../src/commands/options.js';

beforeAll(() => ensureBuilt(), 180_000);

const scratch = mkdtempSync(join(tmpdir(), 'feedhealth-html-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ACME = fixture('acmecare.jsonl');
const TWCS = fixture('twcs-sample.csv');

/** Runs the CLI with stdout on a pseudo-terminal (util-linux `script`), or null when that tool is missing. */
function onTerminal(args: string[]): { code: number | null; out: string } | null {
  if (!existsSync('/usr/bin/script')) return null;
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 30_000 });
  return { code: r.status, out: r.stdout.replace(/\r\n/g, '\n') };
}

describe('audit --format html', () => {
  it('writes one self-contained page to -o and nothing to stdout or stderr', () => {
    const out = join(scratch, 'report.html');
    const r = runCli(['audit', ACME, '--format', 'html', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@AcmeCare');
    expect(html).toContain('Content-Security-Policy');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('writes the page to stdout when stdout is a pipe or a file', () => {
    const r = runCli(['audit', ACME, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout).toBe(readFileSync(join(scratch, 'report.html'), 'utf8'));
  });

  it('on a terminal without -o, exits 2 with a one-line hint and prints no page', () => {
    const r = onTerminal(['audit', ACME, '--format', 'html']);
    if (!r) return; // no `script` here: the option check below still covers the rule
    expect(r.code).toBe(2);
    expect(r.out.trim()).toBe('feedhealth: --format html writes a whole web page: add -o report.html (or redirect stdout to a file)');
  });

  it('on a terminal with -o, writes the file as usual', () => {
    const out = join(scratch, 'tty.html');
    const r = onTerminal(['audit', ACME, '--format', 'html', '-o', out]);
    if (!r) return;
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('@AcmeCare');
  });

  it('gives each brand of a multi-brand source its own section', () => {
    const r = runCli(['audit', TWCS, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/<section class="brand-report"/g)!.length).toBeGreaterThan(1);
  });

  it('still writes the whole page before --fail-under exits 1', () => {
    const out = join(scratch, 'low.html');
    const r = runCli(['audit', ACME, '--format', 'html', '-o', out, '--fail-under', '99']);
    expect(r.code).toBe(1);
    expect(stderrLines(r)).toHaveLength(1);
    expect(readFileSync(out, 'utf8')).toContain('</html>');
  });
});

describe('compare --format html', () => {
  it('writes the brands side by side to -o', () => {
    const out = join(scratch, 'compare.html');
    const r = runCli(['compare', ACME, TWCS, '--format', 'html', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Customer-care feeds compared');
    expect(html).toContain('<span>@AcmeCare</span>');
    expect(html.match(/<section class="card brand"/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('on a terminal without -o, exits 2 with the same hint', () => {
    const r = onTerminal(['compare', ACME, TWCS, '--format', 'html']);
    if (!r) return;
    expect(r.code).toBe(2);
    expect(r.out.trim()).toMatch(/^feedhealth: --format html writes a whole web page: add -o report\.html/);
  });

  it('is listed in --help', () => {
    expect(runCli(['compare', '--help']).stdout).toMatch(/"html"/);
    expect(runCli(['audit', '--help']).stdout).toMatch(/html: one self-contained page/);
  });
});

describe('where an HTML page may go', () => {
  it('is a file, or stdout when stdout is not a terminal', () => {
    expect(() => htmlDestinationOption('html', 'r.html', true)).not.toThrow();
    expect(() => htmlDestinationOption('html', undefined, false)).not.toThrow();
    expect(() => htmlDestinationOption('html', undefined, true)).toThrow(/add -o report\.html/);
    expect(() => htmlDestinationOption('html', '-', true)).toThrow(/add -o/);
    expect(() => htmlDestinationOption('table', undefined, true)).not.toThrow();
  });
});
