// Where a report goes: -o writes a regular file whole (through a symlink, the file it points to),
// writes into what is not a regular file (a pipe, a device) instead of replacing it, and a stdout
// that cannot be written is one line and exit 2.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { abs, BIN, fixture, ROOT } from './helpers/paths.js';
import { replyToBob, writeBrandFeed } from './helpers/feeds.js';

const ACME = abs(fixture('acmecare.jsonl'));
const scratch = mkdtempSync(join(tmpdir(), 'feedhealth-output-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('audit -o', () => {
  it('through a symlink, writes the file it points to (keeping its permissions) and leaves the link a link', () => {
    const target = join(scratch, 'target.md');
    const link = join(scratch, 'link.md');
    writeFileSync(target, 'old report\n');
    chmodSync(target, 0o640);
    symlinkSync(target, link);
    const r = runCli(['audit', ACME, '--format', 'md', '-o', link]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^# @AcmeCare/);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(scratch).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(spawnSync('mkfifo', ['--help']).status === 0)('into a named pipe, writes through it and leaves it a pipe', async () => {
    const fifo = join(scratch, 'report.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A reader on the other end (the pipe blocks the writer until one opens it).
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    let read = '';
    reader.stdout.on('data', (d) => (read += d));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const r = runCli(['audit', ACME, '--json', '-o', fifo]);
    await closed;
    expect(r.code).toBe(0);
    expect(JSON.parse(read).handle).toBe('AcmeCare');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('into a folder is exit 2, one line naming it, nothing left behind', () => {
    const r = runCli(['audit', ACME, '--json', '-o', scratch]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`feedhealth: ${scratch}: cannot write (EISDIR)\n`);
    expect(readdirSync(scratch).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('Ctrl-C or SIGTERM while the report is being written', () => {
  it('takes effect once the file is in place: the whole report, no temporary file, ended by the signal', () => {
    const dir = mkdtempSync(join(scratch, 'signal-'));
    // The signal arrives between writing the temporary file and renaming it.
    const script = `const { withSignalsHeld } = await import(${JSON.stringify(join(ROOT, 'dist', 'output.js'))});
      const { renameSync, writeFileSync } = await import('node:fs');
      await withSignalsHeld(() => {
        writeFileSync(${JSON.stringify(join(dir, 'r.json.tmp'))}, '{"whole":true}');
        process.kill(process.pid, 'SIGTERM');
        renameSync(${JSON.stringify(join(dir, 'r.json.tmp'))}, ${JSON.stringify(join(dir, 'r.json'))});
      });
      console.log('carried on');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGTERM');
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['r.json']);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toEqual({ whole: true });
  });
});

describe('a stdout that cannot be written', () => {
  it.runIf(existsSync('/dev/full'))('(a full disk) is exit 2 and one line on stderr, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'audit', ACME, '--json'], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('feedhealth: stdout: cannot write (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
  });
});

describe('tweet text that reaches a terminal', () => {
  it('loses its control characters (an escape sequence in a tweet cannot clear or recolour the screen)', () => {
    const feed = writeBrandFeed(
      join(scratch, 'escapes.jsonl'),
      'Esc',
      [replyToBob('9', '@bob \u001b[2J\u001b[31mWe fixed it\u0007, thanks\u009b for waiting'), replyToBob('8', '@bob Please DM us \u001b]0;title\u0007')],
      [{ id: '90', text: 'broken \u001b[5m again', author_id: '2' }],
    );
    for (const format of ['table', 'md']) {
      const r = runCli(['audit', feed, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).toContain('We fixed it');
      expect(r.stdout, format).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    }
  });
});

describe('long tweet text clipped for a line or a cell', () => {
  it('is cut between characters, never inside an emoji: no U+FFFD in the table, Markdown or HTML', () => {
    const feed = writeBrandFeed(
      join(scratch, 'emoji.jsonl'),
      'Hearts',
      [replyToBob('9', `@bob Thanks so much for the love! ${'💙'.repeat(300)}`), replyToBob('8', '@bob Please DM us your account number so we can check.')],
      [{ id: '90', text: `@Hearts you are the best ${'🎉'.repeat(300)}`, author_id: '2' }],
    );
    for (const format of ['table', 'md', 'html']) {
      const r = runCli(['audit', feed, '--format', format, '-o', '-'], { COLUMNS: '100' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).toContain('💙💙💙');
      expect(r.stdout, format).not.toContain('\ufffd');
    }
    // The clipped lines end on a whole emoji and the ellipsis.
    expect(runCli(['audit', feed], { COLUMNS: '100' }).stdout).toMatch(/💙…\n[\s\S]*🎉…\n/);
    expect(runCli(['audit', feed, '--format', 'md']).stdout).toMatch(/💙…\n[\s\S]*🎉…\n/);
  });
});

describe('a feed of one reply', () => {
  it('says "1 tweet, 1 reply" in the table and in Markdown', () => {
    const feed = writeBrandFeed(join(scratch, 'one.jsonl'), 'OneDesk', [replyToBob('9', '@bob We have refunded the charge today.')]);
    for (const format of ['table', 'md']) {
      const r = runCli(['audit', feed, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout, format).toContain('1 tweet, 1 reply to other people');
    }
  });
});
