// `feedhealth audit`, run as the real built binary with FORCE_COLOR=0: stdout is data, stderr is
// one line for people, exit codes say what happened.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, NOBODY, runCli, stderrLines, type CliResult } from './helpers/cli.js';
import { abs, bad, BIN, BRANDS, corpus, fixture, hasCorpus, ROOT } from './helpers/paths.js';
import { documentProblems } from './helpers/report-shape.js';

beforeAll(() => ensureBuilt(), 180_000);

const scratch = mkdtempSync(join(tmpdir(), 'feedhealth-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The one JSON document on stdout, after checking nothing else was printed anywhere. */
function jsonOf(r: CliResult): Record<string, any> {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.endsWith('\n')).toBe(true);
  const doc = JSON.parse(r.stdout); // throws on a second document or any stray text
  expect(documentProblems(doc)).toEqual([]); // schema/report.schema.json (Ajv) and the cross-field checks
  return doc;
}

/** Exit 2, nothing on stdout, exactly one line on stderr naming the file (and line), no stack trace. */
function expectInputError(r: CliResult, names: string, line?: number): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = stderrLines(r);
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^feedhealth: /);
  expect(lines[0]).toContain(line === undefined ? names : `${names}:${line}: `);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe('audit --json over the bundled fixtures', () => {
  const cases: [string[], string, number, number][] = [
    [[fixture('acmecare.jsonl')], 'AcmeCare', 88, 72],
    [[fixture('acmecare-page.json')], 'NimbusHelp', 14, 11],
    [[fixture('bare-tweets.jsonl')], BRANDS.parcelpal.id, 12, 9],
    [[fixture('archive')], 'BrightBankHelp', 24, 19],
    [[fixture('archive/data/tweets.js')], 'BrightBankHelp', 24, 19],
    [[fixture('archive-2019')], 'OldAirHelp', 11, 8],
    [[fixture('archive-2019/data/tweet.js')], 'OldAirHelp', 11, 8],
    [[fixture('twcs-sample.csv'), '--handle', 'AcmeTelco'], 'AcmeTelco', 12, 10],
  ];

  it.each(cases)('audit %j --json prints one report for @%s and nothing on stderr', (args, handle, tweets, replies) => {
    const doc = jsonOf(runCli(['audit', ...args, '--json']));
    expect(doc.handle).toBe(handle);
    expect(doc.counts).toMatchObject({ tweets, replies });
    expect(doc.score).not.toBeNull();
  });

  it('pairs every AcmeCare reply with the customer tweet it answers, except the one whose tweet was deleted', () => {
    const doc = jsonOf(runCli(['audit', fixture('acmecare.jsonl'), '--json']));
    const missing = doc.replies.filter((r: { inReplyTo: unknown }) => r.inReplyTo === null);
    expect(missing.map((r: { text: string }) => r.text)).toEqual([expect.stringContaining('full postcode')]);
    const kettle = doc.replies.find((r: { text: string }) => r.text.includes('Daventry'));
    expect(kettle.inReplyTo).toMatchObject({ authorHandle: 'tomwhitlock', text: expect.stringContaining('ordered a kettle') });
  });

  it('keeps text unescaped once all the way to the report', () => {
    const doc = jsonOf(runCli(['audit', fixture('acmecare.jsonl'), '--json']));
    const texts = doc.replies.flatMap((r: { text: string; inReplyTo: { text: string } | null }) => [r.text, r.inReplyTo?.text ?? '']);
    expect(texts).toContain('@priya_codes Ha, good spot — a template slipped through in this morning\'s release. It\'s fixed now; refresh and it\'ll just say Delivered ^AP');
    expect(texts).toContain('@AcmeCare your order page literally says &lt;b&gt;Delivered&lt;/b&gt; in the status box lol');
    expect(texts.some((t: string) => t.includes('&amp;'))).toBe(false);
  });

  it('gives {schemaVersion, brands: [...]} for a multi-brand TWCS file, one report per brand', () => {
    const doc = jsonOf(runCli(['audit', fixture('twcs-sample.csv'), '--json']));
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['schemaVersion', 'brands']));
    expect(doc.brands.map((b: { handle: string }) => b.handle)).toEqual(['AcmeTelco', 'SkyRailUK', 'ShopMartHelp']);
  });

  it('honours --input-format when it matches, whatever the file is called', () => {
    const csvAsJson = join(scratch, 'export.json');
    copyFileSync(abs(fixture('twcs-sample.csv')), csvAsJson);
    expect(jsonOf(runCli(['audit', csvAsJson, '--json'])).brands).toHaveLength(3);
    expect(jsonOf(runCli(['audit', csvAsJson, '--input-format', 'twcs', '--json'])).brands).toHaveLength(3);
  });
});

describe.runIf(hasCorpus)('audit over Kaggle\'s sample.csv', () => {
  const file = corpus('twcs/kaggle-sample.csv');
  const brands = ['AppleSupport', 'SpotifyCares', 'Tesco', 'VirginTrains', 'British_Airways', 'ChaseSupport', 'O2', 'comcastcares', 'sprintcare', 'SouthwestAir', 'Ask_Spectrum', 'HPSupport', 'UPSHelp'];

  it('prints one table report per brand, with no colour codes', () => {
    const r = runCli(['audit', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('\u001b[');
    const headed = [...r.stdout.matchAll(/^@(\w+)\b/gm)].map((m) => m[1]);
    expect(headed.sort()).toEqual([...brands].sort());
  });

  it('prints {schemaVersion, brands} with all 13 brands under --json', () => {
    const doc = jsonOf(runCli(['audit', file, '--json']));
    expect(doc.brands.map((b: { handle: string }) => b.handle).sort()).toEqual([...brands].sort());
  });

  it('prints one report under --handle', () => {
    const doc = jsonOf(runCli(['audit', file, '--handle', '@applesupport', '--json']));
    expect(doc.handle).toBe('AppleSupport');
    expect(doc.counts.replies).toBe(13);
  });
});

describe('audit refuses bad input with exit 2 and one line on stderr', () => {
  const cases: [string, number | undefined][] = [
    ['truncated.jsonl', 3],
    ['truncated-page.json', 335],
    ['stray-line.jsonl', 2],
    ['not-a-page.json', undefined],
    ['other-header.csv', 1],
    ['ragged.csv', 4],
    ['binary.jsonl', undefined],
    ['empty.json', undefined],
    ['whitespace.jsonl', undefined],
    ['archive-truncated', undefined],
    ['archive-truncated/data/tweets.js', undefined],
    ['no-tweets-folder', undefined],
  ];

  it.each(cases)('%s (line %s)', (name, line) => {
    expectInputError(runCli(['audit', bad(name), '--json']), bad(name), line);
  });

  it('the same in table mode', () => {
    expectInputError(runCli(['audit', bad('truncated.jsonl')]), bad('truncated.jsonl'), 3);
  });

  it('a missing file', () => {
    const r = runCli(['audit', 'fixtures/no-such-file.jsonl', '--json']);
    expectInputError(r, 'fixtures/no-such-file.jsonl');
    expect(r.stderr).toContain('no such file');
  });

  it('an unreadable file (as root: run as nobody; skipped if that is impossible)', ({ skip }) => {
    const dir = mkdtempSync(join(scratch, 'locked-'));
    chmodSync(dir, 0o755); // mkdtemp makes it 0700: let another user reach the file itself
    const file = join(dir, 'locked.jsonl');
    copyFileSync(abs(fixture('bare-tweets.jsonl')), file);
    chmodSync(file, 0o000);
    const canRead = (() => {
      try {
        accessSync(file, constants.R_OK);
        return true;
      } catch {
        return false;
      }
    })();
    let as: typeof NOBODY | undefined;
    if (canRead) {
      if (process.getuid?.() !== 0) skip('this user can read a chmod 000 file');
      // nobody must still be able to run the binary from the repository
      const probe = runCli(['--version'], {}, NOBODY);
      if (probe.code !== 0) skip('cannot run the binary as nobody here');
      as = NOBODY;
    }
    const r = runCli(['audit', file, '--json'], {}, as);
    expectInputError(r, file);
    expect(r.stderr).toContain('permission denied');
    chmodSync(file, 0o644);
  });

  it('an archive folder whose parts cannot be read: the part named, not an internal error', () => {
    const dir = mkdtempSync(join(scratch, 'archive-'));
    cpSync(abs(fixture('archive')), dir, { recursive: true });
    const part = join(dir, 'data', 'tweets-part1.js');
    rmSync(part);
    mkdirSync(part); // a folder where a part file should be
    const r = runCli(['audit', dir, '--json']);
    expectInputError(r, part);
    expect(r.stderr).toContain('is a folder');
  });

  it('a pipe (a process substitution, /dev/stdin), which cannot be read twice', () => {
    // Through a shell, so stdin is a pipe (spawnSync's own input is a socket).
    const r = spawnSync('sh', ['-c', 'cat "$1" | "$2" "$3" audit /dev/stdin --json', 'sh', abs(fixture('acmecare.jsonl')), process.execPath, BIN], { cwd: ROOT, encoding: 'utf8' });
    expectInputError({ code: r.status, stdout: r.stdout, stderr: r.stderr }, '/dev/stdin');
    expect(r.stderr).toContain('is a pipe');
  });

  it('an unknown --handle, named in the message with the accounts that are there', () => {
    const r = runCli(['audit', fixture('twcs-sample.csv'), '--handle', 'NoSuchBrand', '--json']);
    expectInputError(r, fixture('twcs-sample.csv'));
    expect(r.stderr).toContain('@NoSuchBrand');
    expect(r.stderr).toContain('AcmeTelco');
  });

  it('--since past the newest tweet: says so, not that the file is empty', () => {
    const file = join(mkdtempSync(join(scratch, 'since-')), 'own.jsonl');
    const tweet = (id: string, day: number) => ({ id, text: '@bob We have refunded it.', author_id: '1', created_at: `2026-11-0${day}T10:00:00.000Z`, in_reply_to_user_id: '2' });
    writeFileSync(file, `${JSON.stringify({ data: [tweet('9', 2), tweet('8', 1)], includes: { users: [{ id: '1', username: 'OwnDesk' }] } })}\n`);
    const r = runCli(['audit', file, '--since', '2026-11-03', '--json']);
    expectInputError(r, file);
    expect(r.stderr).toBe(`feedhealth: ${file}: no tweets since 2026-11-03T00:00:00Z (--since); the newest is older\n`);
  });

  it('a UTF-16 file (what Windows PowerShell 5 writes): says so and to save it as UTF-8, not "binary data"', () => {
    const utf16 = (name: string, from: string) => {
      const file = join(scratch, name);
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(abs(from), 'utf8'), 'utf16le')]));
      return file;
    };
    for (const [file, args] of [
      [utf16('u16.jsonl', fixture('acmecare.jsonl')), []],
      [utf16('u16.csv', fixture('twcs-sample.csv')), ['--input-format', 'twcs']],
    ] as const) {
      const r = runCli(['audit', file, ...args, '--json']);
      expectInputError(r, file);
      expect(r.stderr).toBe(`feedhealth: ${file}: UTF-16 text; save it as UTF-8\n`);
    }
  });

  it('a gzipped file: binary data, with a hint to decompress it', () => {
    const file = join(scratch, 'acmecare.jsonl.gz');
    writeFileSync(file, gzipSync(readFileSync(abs(fixture('acmecare.jsonl')))));
    const r = runCli(['audit', file, '--json']);
    expectInputError(r, file);
    expect(r.stderr).toBe(`feedhealth: ${file}: binary data (gzip? decompress it first), not a timeline (expected X API v2 JSON/JSONL, an archive tweets.js, or TWCS CSV)\n`);
  });

  it('a file forced through the wrong loader with --input-format', () => {
    expectInputError(runCli(['audit', fixture('twcs-sample.csv'), '--input-format', 'v2', '--json']), fixture('twcs-sample.csv'));
    expectInputError(runCli(['audit', fixture('acmecare.jsonl'), '--input-format', 'twcs', '--json']), fixture('acmecare.jsonl'));
  });
});

describe('a worker thread that dies', () => {
  // Loaded into every thread of the run: the workers fail as they start, or stop mid-run.
  const preload = (name: string, body: string) => {
    const f = join(mkdtempSync(join(scratch, 'preload-')), name);
    writeFileSync(f, `const wt = require('node:worker_threads');\nif (!wt.isMainThread) { ${body} }\n`);
    return f;
  };

  it.each([
    ['fails to start', "throw new Error('no worker today');", /^feedhealth: a worker thread failed \(no worker today\); try --workers 0/],
    ['exits mid-run', "wt.parentPort.once('message', () => process.exit(7));", /^feedhealth: a worker thread stopped \(exit code 7\); try --workers 0/],
  ])('%s: one line, exit 70 (not the --fail-under code), no report written', (_, body, message) => {
    const out = join(scratch, `worker-${body.length}.json`);
    const r = runCli(['audit', fixture('twcs-sample.csv'), '--workers', '2', '--fail-under', '10', '--json', '-o', out], { NODE_OPTIONS: `--require ${preload('w.cjs', body)}` });
    expect(r.code).toBe(70);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('usage', () => {
  it('an unknown flag exits 2 with nothing on stdout', () => {
    const r = runCli(['audit', fixture('acmecare.jsonl'), '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--bogus');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('an --input-format outside v2|archive|twcs exits 2', () => {
    const r = runCli(['audit', fixture('acmecare.jsonl'), '--input-format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a missing <source> exits 2', () => {
    expect(runCli(['audit']).code).toBe(2);
  });

  it('what the option parser rejects reads like every other error: one "feedhealth:" line, exit 2', () => {
    for (const args of [['--bogus'], ['--top'], ['--format', 'xml']]) {
      const r = runCli(['audit', fixture('acmecare.jsonl'), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(stderrLines(r), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(/^feedhealth: .*\(run with --help for usage\)\n$/);
    }
    expect(runCli(['audit', fixture('acmecare.jsonl'), '--bogus']).stderr).toBe("feedhealth: unknown option '--bogus' (run with --help for usage)\n");
  });

  it('numbers in plain digits and in range; --json with another --format, or an empty --handle, is refused', () => {
    const refused: [string[], string][] = [
      [['--top', '0'], '--top: expected a whole number ≥ 1, got "0"'],
      [['--top', '0x10'], '--top: expected a whole number ≥ 1, got "0x10"'],
      [['--workers', '1e3'], '--workers: expected a whole number from 0 to 32, got "1e3"'],
      [['--workers', '100000'], '--workers: expected a whole number from 0 to 32, got "100000"'],
      [['--fail-under', '0x10'], '--fail-under: expected a score from 0 to 100, got "0x10"'],
      [['--format', 'html', '--json'], '--json conflicts with --format html (--json is --format json)'],
      [['--handle', ''], '--handle: expected an account name, got nothing'],
      [['--since', '2017-09-31'], '--since: not a date: 2017-09-31 (2017-09 has no day 31)'],
      // JSON gives every brand: --top would be silently ignored there.
      [['--top', '2', '--json'], '--top ranks the table, md and html; --json gives every brand (rank them with jq: sort_by(-.score.value))'],
    ];
    for (const [args, message] of refused) {
      const r = runCli(['audit', fixture('twcs-sample.csv'), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toBe(`feedhealth: ${message}\n`);
    }
    expect(runCli(['audit', fixture('twcs-sample.csv'), '--top', '2', '--fail-under', '10.5', '--workers', '2', '--format', 'md']).code).toBe(0);
    expect(runCli(['audit', fixture('twcs-sample.csv'), '--fail-under', '10.5', '--workers', '2', '--json', '--format', 'json']).code).toBe(0);
  });

  it('refuses the options that pick within a file for a live @handle, before any request', () => {
    const refused: [string[], string][] = [
      [['--handle', 'OtherBrand'], '--handle picks an account in a file; a live audit is of @AcmeCare already'],
      [['--input-format', 'twcs'], '--input-format applies to files, not to a live audit (@AcmeCare)'],
    ];
    for (const [args, message] of refused) {
      const r = runCli(['audit', '@AcmeCare', ...args]);
      expect(r, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: `feedhealth: ${message}\n` });
    }
  });

  it('--version prints the package version and exits 0', () => {
    const r = runCli(['--version']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help and audit --help print usage and exit 0', () => {
    const top = runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Usage: feedhealth/);
    expect(top.stdout).toContain('audit');
    const audit = runCli(['audit', '--help']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/Usage: feedhealth audit/);
    expect(audit.stdout).toContain('--input-format');
  });
});

describe('the examples in audit --help', () => {
  // Only the ones that read a bundled fixture: live audits need a token and the network.
  const examples = () =>
    runCli(['audit', '--help'])
      .stdout.split('\n')
      .map((l) => /^\s*\$ feedhealth (audit fixtures\/.*)$/.exec(l)?.[1])
      .filter((l): l is string => l !== undefined)
      .map((l) => l.split(/\s+\|/)[0].trim().split(/\s+/));

  it('every audit example over a bundled fixture runs: exit 0 and a quiet stderr (or exit 1 under --fail-under)', () => {
    const found = examples();
    expect(found.length).toBeGreaterThan(0);
    const failing = found.flatMap((args) => {
      const example = args.join(' ');
      const out = args.indexOf('-o');
      if (out >= 0) args[out + 1] = join(scratch, args[out + 1]);
      const r = runCli(args);
      const ok = (r.code === 0 && r.stderr === '') || (r.code === 1 && args.includes('--fail-under') && !/^\s+at /m.test(r.stderr));
      return ok ? [] : [`${example} → exit ${r.code}: ${r.stderr.trim()}`];
    });
    expect(failing).toEqual([]);
  });
});

describe('stdout closed early (feedhealth … | head)', () => {
  /** Runs the binary with a stdout whose reader has already gone away. */
  const closedStdout = (args: string[]) =>
    new Promise<CliResult>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });

  it.each([[['audit', 'fixtures/acmecare.jsonl', '--json']], [['--help']]])('%j ends quietly, without a stack trace on stderr', async (args) => {
    const r = await closedStdout(args);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toContain('EPIPE');
  });
});
