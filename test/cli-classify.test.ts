// `feedhealth classify` and `feedhealth eval` as scripts use them: the real binary, files and stdin.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './helpers/cli.js';
import { BIN, ROOT } from './helpers/paths.js';
import { evaluate } from '../src/classify/evaluate.js';

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l));
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'feedhealth-classify-'));
});

describe('feedhealth classify', () => {
  const input = [
    JSON.stringify({ id: 'a1', text: 'Please DM us your account number so we can check.', inReplyToText: 'bill is wrong' }),
    'Thanks so much for the kind words! 💙',
    '',
    JSON.stringify({ id: 77, text: 'Refund issued today, it should reach your card in 3-5 working days.' }),
  ].join('\n');

  it('reads JSONL and plain text from stdin and writes one NDJSON line per reply, in input order', () => {
    const r = run(['classify'], input);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['a1', '2', '77']);
    expect(out.map((o) => o.label)).toEqual(['deflecting', 'other', 'resolving']);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['id', 'label', 'confidence', 'evidence']);
      expect(o.confidence).toBeGreaterThan(0);
      expect(Array.isArray(o.evidence)).toBe(true);
    }
  });

  it('reads a file, and `-` means stdin', () => {
    const f = join(dir, 'replies.jsonl');
    writeFileSync(f, input);
    expect(run(['classify', f]).stdout).toBe(run(['classify', '-'], input).stdout);
  });

  it('stops at a broken JSON line with its line number, exit 2, having written exactly the lines before it', () => {
    const r = run(['classify'], '{"id": "1", "text": "ok"}\n{"id": 2, "text": \n');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('feedhealth: stdin:2: invalid JSON (expected {"id", "text", "inReplyToText"?} or plain text)');
    expect(lines(r.stdout).map((o) => o.id)).toEqual(['1']);
    // Past the output batch of 512 lines too.
    const many = run(['classify'], `${Array.from({ length: 600 }, (_, i) => `reply ${i}`).join('\n')}\n{bad\n`);
    expect(many.code).toBe(2);
    expect(lines(many.stdout)).toHaveLength(600);
    const objectId = run(['classify'], '{"id": {"a": 1}, "text": "x"}\n');
    expect(objectId.code).toBe(2);
    expect(objectId.stderr).toBe('feedhealth: stdin:1: "id" must be a string or a number\n');
  });

  it('echoes an id given as a number exactly as written, even past what a double holds', () => {
    const r = run(['classify'], ['{"id":1590123456789012345,"text":"Please DM us"}', '{"meta":{"id":7},"id":1590123456789012346,"text":"Refunded today."}', '{"id":12,"text":"ok"}'].join('\n'));
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((o) => o.id)).toEqual(['1590123456789012345', '1590123456789012346', '12']);
  });

  it('names a folder given as the input, exit 2', () => {
    const r = run(['classify', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`feedhealth: ${dir}: is a folder\n`);
    expect(r.stdout).toBe('');
  });

  it('names a missing file, exit 2', () => {
    const r = run(['classify', join(dir, 'nope.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.jsonl: no such file/);
    expect(r.stdout).toBe('');
  });
});

describe('feedhealth classify on input that is not UTF-8 text', () => {
  const replies = 'Please DM us your account number.\nTry restarting the router.\n';
  const jsonl = `${JSON.stringify({ id: 'a1', text: 'Please DM us your account number.' })}\n`;
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(replies, 'utf16le')]);
  const utf16be = Buffer.from(replies, 'utf16le').swap16();
  const stopped = (r: ReturnType<typeof run>, message: string) => {
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`feedhealth: ${message}\n`);
    expect(r.stdout).toBe('');
  };

  it('stops at a UTF-16 file (what Windows PowerShell 5 writes), with or without a byte-order mark, exit 2 and nothing on stdout', () => {
    const f = join(dir, 'u16.txt');
    for (const bytes of [utf16le, Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), Buffer.from(replies, 'utf16le'), utf16be]) {
      writeFileSync(f, bytes);
      stopped(run(['classify', f]), `${f}: UTF-16 text; save it as UTF-8`);
    }
  });

  it('stops at UTF-16 on stdin the same way', () => {
    stopped(run(['classify'], utf16le), 'stdin: UTF-16 text; save it as UTF-8');
    stopped(run(['classify', '-'], Buffer.from(replies, 'utf16le')), 'stdin: UTF-16 text; save it as UTF-8');
  });

  it('stops at a gzipped file or other binary data, saying what it looks like', () => {
    const gz = join(dir, 'replies.jsonl.gz');
    writeFileSync(gz, gzipSync(jsonl));
    const expected = 'not text (expected {"id", "text", "inReplyToText"?} lines or plain text)';
    stopped(run(['classify', gz]), `${gz}: binary data (gzip? decompress it first), ${expected}`);
    stopped(run(['classify'], gzipSync(jsonl)), `stdin: binary data (gzip? decompress it first), ${expected}`);
    stopped(run(['classify'], Buffer.from('Please DM us\u0000\u0000\u0001 and more\n')), `stdin: binary data, ${expected}`);
  });

  it('eval and merge stop at UTF-16 the same way (they used to say "invalid JSON")', () => {
    const labeled = join(dir, 'labeled-u16.jsonl');
    writeFileSync(labeled, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${JSON.stringify({ text: 'Please DM us.', label: 'deflecting' })}\n`, 'utf16le')]));
    stopped(run(['eval', labeled]), `${labeled}: UTF-16 text; save it as UTF-8`);
    const summary = join(dir, 'summary-u16.json');
    writeFileSync(summary, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"schemaVersion": 1}', 'utf16le')]));
    stopped(run(['merge', summary]), `${summary}: UTF-16 text; save it as UTF-8`);
  });

  it('still reads UTF-8 with a byte-order mark, and empty input writes nothing', () => {
    const r = run(['classify'], Buffer.from(`\ufeff${jsonl}${replies}`));
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout).map((o) => o.id)).toEqual(['a1', '2', '3']);
    expect(run(['classify'], '')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('puts the chunk it checked back: a long stdin comes out whole, in order', () => {
    // ~0.5 MB, many chunks: only the first is checked, and no line is lost or doubled at its end.
    const many = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? `Refund ${i} issued today, it should reach your card in 3-5 days.` : `Please DM us about ${i}.`)).join('\n');
    const r = run(['classify'], many);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(10_000);
    expect(lines(r.stdout.split('\n').slice(-3).join('\n')).map((o) => o.id)).toEqual(['9999', '10000']);
  });
});

describe('feedhealth eval', () => {
  it('prints per-label figures, accuracy, macro-F1 and the confusion matrix for a labeled file', () => {
    const f = join(dir, 'labeled.jsonl');
    writeFileSync(
      f,
      [
        { text: 'Please DM us your order number.', label: 'deflecting' },
        { text: 'Thanks for the love!', label: 'other' },
        { text: 'The courier is responsible for late parcels, please contact them directly.', label: 'blaming' },
        { text: 'We have refunded the charge; it will show in 3-5 days.', label: 'resolving' },
      ].map((o) => JSON.stringify(o)).join('\n'),
    );
    const r = run(['eval', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^label\s+precision\s+recall\s+f1\s+support/);
    expect(r.stdout).toMatch(/accuracy \d\.\d{3}\s+macro-F1 \d\.\d{3}\s+n=4/);
    expect(r.stdout).toMatch(/confusion \(rows: truth, columns: predicted\)/);
    const json = JSON.parse(run(['eval', f, '--json']).stdout);
    expect(json.n).toBe(4);
    expect(json.confusion.deflecting).toBeDefined();
  });
});

describe('feedhealth eval on awkward files', () => {
  it('reads a file that starts with a byte-order mark', () => {
    const f = join(dir, 'bom.jsonl');
    writeFileSync(f, `\ufeff${JSON.stringify({ text: 'Please DM us your order number.', label: 'deflecting' })}\n`);
    const r = run(['eval', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).n).toBe(1);
  });

  it('names the line whose answered tweet is not text, exit 2', () => {
    const f = join(dir, 'bad-answered.jsonl');
    writeFileSync(f, `${JSON.stringify({ text: 'Thanks!', label: 'other' })}\n${JSON.stringify({ text: 'Please DM us', label: 'deflecting', inReplyToText: 5 })}\n`);
    const r = run(['eval', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`feedhealth: ${f}:2: "inReplyToText" must be a string\n`);
  });

  it('averages F1 over every label in the truth or the predictions, so a wrong guess of an unused label counts', () => {
    const r = evaluate([
      { truth: 'resolving', predicted: 'resolving' },
      { truth: 'resolving', predicted: 'other' },
    ]);
    expect(r.accuracy).toBe(0.5);
    // resolving: P 1, R 0.5, F1 2/3; other: P 0, R 0 (no support), F1 0 → (2/3 + 0) / 2.
    expect(r.macroF1).toBeCloseTo(1 / 3, 10);
  });
});

describe('the shipped model on disk', () => {
  // A copy of the built classifier beside a models/ folder we can damage (the package layout).
  const labelsWith = (models: (dir: string) => void) => {
    const root = mkdtempSync(join(tmpdir(), 'feedhealth-model-'));
    cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
    mkdirSync(join(root, 'models'));
    models(join(root, 'models'));
    const script = `import { classify } from ${JSON.stringify(join(root, 'dist', 'classify', 'index.js'))};
      for (const t of ${JSON.stringify(TEXTS)}) console.log(JSON.stringify(classify({ text: t })));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return lines(r.stdout);
  };
  const TEXTS = ['Please DM us your account number so we can check.', 'Sorry, the courier handles that once it leaves us.', 'Try restarting the app, then sign back in.', 'Thanks so much! 💙'];
  const copy = (name: string) => (dir: string) => cpSync(join(ROOT, 'models', name), join(dir, name));

  it('loads the packed model, and the JSON weights just the same when the packed file is missing or damaged', () => {
    const packed = labelsWith((d) => {
      copy('classifier.bin')(d);
      copy('classifier.json')(d);
    });
    expect(packed.map((c) => c.label)).toEqual(['deflecting', 'blaming', 'resolving', 'other']);
    expect(labelsWith(copy('classifier.json'))).toEqual(packed);
    const damaged = labelsWith((d) => {
      copy('classifier.json')(d);
      writeFileSync(join(d, 'classifier.bin'), readFileSync(join(ROOT, 'models', 'classifier.bin')).subarray(0, 1000));
    });
    expect(damaged).toEqual(packed);
  });
});

