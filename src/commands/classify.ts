// `feedhealth classify [file|-]`: JSONL {id, text, inReplyToText?} or plain text (one reply per
// line) in; NDJSON {id, label, confidence, evidence} out, one per non-blank input line, in order.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { classify } from '../classify/index.js';
import { fileError, fsError, InputError } from '../errors.js';
import { assertText } from '../sources/sniff.js';

export interface ClassifyInput {
  id: string;
  text: string;
  inReplyToText?: string;
}

/** One input line → a reply to classify, or null for a blank line. Plain text gets its line number as id. */
export function parseClassifyLine(line: string, lineNo: number, name: string): ClassifyInput | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  if (!trimmed.startsWith('{')) return { id: String(lineNo), text: trimmed };
  let v: { id?: unknown; text?: unknown; inReplyToText?: unknown };
  try {
    v = JSON.parse(trimmed);
  } catch {
    throw fileError(name, 'invalid JSON (expected {"id", "text", "inReplyToText"?} or plain text)', lineNo);
  }
  if (typeof v.text !== 'string') throw fileError(name, 'object has no "text" string', lineNo);
  if (v.id !== undefined && v.id !== null && typeof v.id !== 'string' && typeof v.id !== 'number') throw fileError(name, '"id" must be a string or a number', lineNo);
  return {
    id: v.id === undefined || v.id === null ? String(lineNo) : typeof v.id === 'number' && !Number.isSafeInteger(v.id) ? (rawNumber(trimmed, 'id') ?? String(v.id)) : String(v.id),
    text: v.text,
    inReplyToText: typeof v.inReplyToText === 'string' ? v.inReplyToText : undefined,
  };
}

/**
 * The number a top-level key of a JSON object holds, as written: a tweet id such as
 * 1590123456789012345 is past what a double holds exactly, and JSON.parse would round it
 * (two tweets would then share an id). `json` is known to parse.
 */
export function rawNumber(json: string, key: string): string | undefined {
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      const end = stringEnd(json, i);
      if (depth === 1 && expectKey && JSON.parse(json.slice(i, end)) === key) {
        const m = /\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*[,}]/y;
        m.lastIndex = end;
        const found = m.exec(json);
        if (found) return found[1];
      }
      expectKey = false;
      i = end - 1;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = c === '{';
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',') expectKey = true;
  }
  return undefined;
}

/** Where the JSON string starting at `start` (its opening quote) ends: just past its closing quote. */
function stringEnd(json: string, start: number): number {
  let i = start + 1;
  while (i < json.length && json[i] !== '"') i += json[i] === '\\' ? 2 : 1;
  return i + 1;
}

export function classifyLine(input: ClassifyInput): string {
  const c = classify({ text: input.text }, input.inReplyToText ? { text: input.inReplyToText } : null);
  return JSON.stringify({ id: input.id, label: c.label, confidence: c.confidence, evidence: c.evidence });
}

function openInput(file: string | undefined): { stream: Readable; name: string } {
  if (!file || file === '-') return { stream: process.stdin, name: 'stdin' };
  // A folder opens fine here and fails only when read: say so up front.
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`${file}: is a folder`);
  const stream = createReadStream(file);
  return { stream, name: file };
}

/**
 * The first chunk a stream gives (null when it is empty), leaving the stream paused: enough to tell
 * UTF-16 or binary input before a line is written, without reading all of stdin first.
 */
function firstChunk(stream: Readable, name: string): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer | string) => {
      stream.pause();
      done();
      resolve(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    };
    const onEnd = () => {
      done();
      resolve(null);
    };
    const onError = (err: unknown) => {
      done();
      reject(fsError(name, err));
    };
    stream.on('data', onData).once('end', onEnd).once('error', onError);
  });
}

export async function classifyCommand(file: string | undefined): Promise<void> {
  const { stream, name } = openInput(file);
  const opened = new Promise<void>((resolve, reject) => {
    if (stream === process.stdin) return resolve();
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(fsError(name, err)));
  });
  await opened;
  const first = await firstChunk(stream, name);
  if (!first) return;
  assertText(first, name, 'text (expected {"id", "text", "inReplyToText"?} lines or plain text)');
  stream.unshift(first);
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let buf: string[] = [];
  const flush = async () => {
    if (!buf.length) return;
    const chunk = `${buf.join('\n')}\n`;
    buf = [];
    if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
  };
  try {
    for await (const line of rl) {
      lineNo++;
      const input = parseClassifyLine(line, lineNo, name);
      if (!input) continue;
      buf.push(classifyLine(input));
      if (buf.length >= 512) await flush();
    }
  } finally {
    // A bad line stops the run: what comes out is exactly the lines before it, whatever the batch.
    await flush();
  }
}
