// Picks a loader by looking at the content (override with --input-format) and turns
// file-system failures into one-line input errors.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { InputFormat, Timeline } from '../model.js';
import { fileError, InputError, fsError } from '../errors.js';
import { loadV2Jsonl, parseV2 } from './v2-json.js';
import { looksLikeTwcsHeader, parseTwcs } from './twcs-csv.js';
import { loadArchive, looksLikeArchiveJs } from './archive.js';
import { sniffBytes, assertText } from './sniff.js';

export function detectFormat(text: string): InputFormat | null {
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (looksLikeArchiveJs(start)) return 'archive';
  if (start.startsWith('{') || start.startsWith('[')) return 'v2';
  const firstLine = start.slice(0, start.indexOf('\n') >>> 0);
  if (looksLikeTwcsHeader(firstLine)) return 'twcs';
  return null;
}

/** The first 64 KB of a file (errors become input errors naming it). */
function readHead(file: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(65536);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } catch (err) {
    throw fsError(file, err);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The head of a file as text (byte-order mark dropped), or null when it is not UTF-8 text. */
function headText(head: Buffer): string | null {
  return sniffBytes(head).kind !== 'text' ? null : utf8Head(head);
}

/** The head as text, without the byte-order mark (Windows editors, PowerShell). */
const utf8Head = (head: Buffer) => head.toString('utf8').replace(/^\ufeff/, '');

/** What a timeline file should have been, for the message when it is not text. */
const TIMELINE = 'a timeline (expected X API v2 JSON/JSONL, an archive tweets.js, or TWCS CSV)';

/** headText of a file; null also for a folder or a file that cannot be read (loadFile's full
 * checks then say what is wrong). */
function fileHeadText(file: string): string | null {
  try {
    return statSync(file).isDirectory() ? null : headText(readHead(file));
  } catch {
    return null;
  }
}

/** Whether a head reads as X API v2 pages or tweets (or `format` says so). */
const readsAsV2 = (text: string | null, format?: InputFormat) => text !== null && text.trim() !== '' && (format ?? detectFormat(text)) === 'v2';

/**
 * Whether a file is TWCS CSV, read from its first 64 KB only (a file of millions of rows is then
 * streamed, never read whole). Any doubt (folders, binary, other formats) answers false and
 * leaves the full checks to loadFile.
 */
export function isTwcsFile(file: string, format?: InputFormat): boolean {
  if (format && format !== 'twcs') return false;
  const text = fileHeadText(file);
  return text !== null && (format === 'twcs' || detectFormat(text) === 'twcs');
}

/** Whether a file (not a folder) reads as X API v2 pages or tweets, by its head or by `format`. */
export function isV2File(file: string, format?: InputFormat): boolean {
  if (format && format !== 'v2') return false;
  return readsAsV2(fileHeadText(file), format);
}

export function loadFile(file: string, format?: InputFormat): Timeline {
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch (err) {
    throw fsError(file, err);
  }
  if (isDir) {
    if (format && format !== 'archive') throw new InputError(`${file}: is a folder; only an unzipped account archive can be read as a folder`);
    return loadArchive(file);
  }
  // UTF-16 and binary data are told from the head, before a big file is read whole for nothing.
  const head = readHead(file);
  assertText(head, file, TIMELINE);
  // JSONL of v2 pages can be large: read it line by line (the head tells what it is).
  if (readsAsV2(utf8Head(head), format)) {
    const tl = loadV2Jsonl(file);
    if (tl) return tl;
  }
  let buf: Buffer;
  let text: string;
  try {
    buf = readFileSync(file);
    // A byte-order mark (Windows editors, PowerShell) is not content: JSON.parse rejects it.
    text = buf.toString('utf8').replace(/^\ufeff/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_STRING_TOO_LONG' || code === 'ERR_FS_FILE_TOO_LARGE') {
      throw fileError(file, `too big to read whole (${Math.round(statSync(file).size / 2 ** 20).toLocaleString('en-US')} MB): only TWCS CSV and JSONL of v2 pages are streamed, and only without --since and --limit`);
    }
    throw err instanceof InputError ? err : fsError(file, err);
  }
  if (text.trim() === '') throw fileError(file, 'empty file');
  const fmt = format ?? detectFormat(text);
  switch (fmt) {
    case 'v2':
      return parseV2(text, file);
    case 'twcs':
      return parseTwcs(text, file);
    case 'archive':
      return loadArchive(file, text);
    default: {
      const first = text.slice(0, 200).split('\n')[0];
      if (first.includes(',')) throw fileError(file, `CSV header is not the TWCS layout (expected tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id)`, 1);
      throw fileError(file, 'unknown format (expected X API v2 JSON/JSONL, an archive tweets.js, or TWCS CSV)');
    }
  }
}
