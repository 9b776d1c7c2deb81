// TWCS CSV — the Kaggle "Customer Support on Twitter" layout:
// tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
import { createReadStream } from 'node:fs';
import type { Timeline, Tweet } from '../model.js';
import { fileError } from '../errors.js';
import { detach, htmlUnescape, normId, toIso } from '../text.js';
import { TimelineBuilder } from './builder.js';
import { IdSet } from './id-set.js';

export const TWCS_COLUMNS = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'in_response_to_tweet_id'] as const;

/** A CSV record and the 1-based line it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * Incremental RFC 4180 parser: feed it text in chunks of any size; quoted fields may span lines
 * and chunks. A record cut by a chunk boundary is carried over to the next feed, so memory stays
 * at one chunk plus one record whatever the file size.
 */
export class CsvParser {
  private carry = '';
  private line = 1;
  private started = false;

  constructor(private readonly file: string) {}

  /** Parses what `chunk` completes; `final` says no more text follows. */
  feed(chunk: string, final: boolean, onRecord: (r: CsvRecord) => void): void {
    let text = this.carry + chunk;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      const recordStart = i;
      const startLine = this.line;
      let lines = 0;
      const fields: string[] = [];
      let complete = false;
      for (;;) {
        if (text.charCodeAt(i) === 34 /* " */) {
          let value = '';
          let j = i + 1;
          let closed = false;
          for (;;) {
            const q = text.indexOf('"', j);
            if (q < 0 || (q === n - 1 && !final)) break; // need more text (or a truncated file)
            const part = text.slice(j, q);
            value += part;
            for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) lines++;
            if (text.charCodeAt(q + 1) === 34) {
              value += '"';
              j = q + 2;
            } else {
              j = q + 1;
              closed = true;
              break;
            }
          }
          if (!closed) {
            if (final) throw fileError(this.file, 'unterminated quoted field (file truncated?)', startLine);
            break;
          }
          fields.push(value);
          i = j;
        } else {
          let j = i;
          for (;;) {
            const c = text.charCodeAt(j);
            if (j >= n || c === 44 /* , */ || c === 10 || c === 13) break;
            j++;
          }
          if (j >= n && !final) break;
          fields.push(text.slice(i, j));
          i = j;
        }
        const c = text.charCodeAt(i);
        if (c === 44) {
          i++;
          continue;
        }
        if (c === 13) {
          if (i + 1 >= n && !final) break;
          i++;
        }
        if (text.charCodeAt(i) === 10) {
          i++;
          lines++;
        } else if (i < n) throw fileError(this.file, 'malformed CSV (text after a closing quote)', startLine + lines);
        else if (!final) break;
        complete = true;
        break;
      }
      if (!complete) {
        this.carry = text.slice(recordStart);
        return;
      }
      this.line += lines;
      if (!(fields.length === 1 && fields[0] === '')) onRecord({ fields, line: startLine });
    }
    this.carry = '';
  }
}

/** Every record of a whole text. */
export function csvRecords(text: string, file: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  new CsvParser(file).feed(text, true, (r) => out.push(r));
  return out;
}

export function looksLikeTwcsHeader(firstLine: string): boolean {
  const cols = firstLine.replace(/^\ufeff/, '').trim().split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return TWCS_COLUMNS.every((c) => cols.includes(c));
}

export interface TwcsRow {
  tweet: Tweet;
  /** True for a customer's tweet, false for a brand's. */
  inbound: boolean;
  /** How many tweets answer this one (response_tweet_id), or null when the file has no such column. */
  responses: number | null;
}

/** Ids in a response_tweet_id cell ("", "12", "12,13"). */
function countIds(cell: string | undefined): number {
  if (!cell) return 0;
  // Parts with a character other than a space (a hand scan: this runs once per row).
  let n = 0;
  let filled = false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 44) {
      if (filled) n++;
      filled = false;
    } else if (c > 32) filled = true;
  }
  return filled ? n + 1 : n;
}

/** The inbound column: only "False" (any case, any spaces) marks a brand's tweet. */
function isInbound(cell: string | undefined): boolean {
  if (cell === 'True') return true;
  if (cell === 'False') return false;
  return cell?.trim().toLowerCase() !== 'false';
}

/** TWCS rows from CSV text fed in chunks: checks the header, then turns each record into a Tweet.
 * A tweet_id that comes again is skipped (the first row of it is the tweet), so reading a file
 * whole and streaming it see the same tweets. */
export class TwcsReader {
  private readonly csv: CsvParser;
  private col: Record<string, number> | null = null;
  private width = 0;
  private readonly ids = new IdSet();
  /** Rows skipped for repeating an earlier row's tweet_id. */
  repeated = 0;
  private headerNames: string[] = [];

  constructor(private readonly file: string) {
    this.csv = new CsvParser(file);
  }

  feed(chunk: string, final: boolean, onRow: (row: TwcsRow) => void): void {
    this.csv.feed(chunk, final, ({ fields, line }) => {
      if (!this.col) return this.header(fields);
      if (fields.length !== this.width) throw fileError(this.file, `expected ${this.width} fields, found ${fields.length}`, line);
      const col = this.col;
      const id = normId(fields[col.tweet_id]);
      const author = fields[col.author_id]?.trim();
      if (!id || !/^\d+$/.test(id) || !author) {
        // The header again, where files were joined (`cat part-*.csv`): not a row.
        if (this.isHeader(fields)) return;
        throw fileError(this.file, 'row without a numeric tweet_id or an author_id', line);
      }
      if (!this.ids.add(id)) {
        this.repeated++;
        return;
      }
      onRow({
        tweet: {
          id,
          text: detach(htmlUnescape(fields[col.text] ?? '')),
          createdAt: toIso(fields[col.created_at]),
          authorId: author,
          authorHandle: author,
          inReplyToId: normId(fields[col.in_response_to_tweet_id]),
        },
        inbound: isInbound(fields[col.inbound]),
        responses: col.response_tweet_id === undefined ? null : countIds(fields[col.response_tweet_id]),
      });
    });
    if (final && !this.col) throw fileError(this.file, 'empty file');
  }

  private isHeader(fields: string[]): boolean {
    return fields.length === this.headerNames.length && fields.every((f, k) => f.trim() === this.headerNames[k]);
  }

  private header(fields: string[]): void {
    const header = fields.map((h) => h.trim());
    this.headerNames = header;
    const missing = TWCS_COLUMNS.filter((c) => !header.includes(c));
    if (missing.length) throw fileError(this.file, `CSV header lacks ${missing.join(', ')} (expected the TWCS layout: ${TWCS_COLUMNS.join(',')})`, 1);
    this.col = Object.fromEntries(header.map((h, k) => [h, k]));
    this.width = header.length;
  }
}

export function parseTwcs(text: string, file: string): Timeline {
  const b = new TimelineBuilder('twcs');
  new TwcsReader(file).feed(text, true, ({ tweet, inbound }) => {
    b.add(tweet, true);
    if (!inbound) b.addOwner({ id: tweet.authorId, handle: tweet.authorId });
  });
  return b.finish();
}

/** Streams a TWCS file in 1 MB chunks: memory stays flat whatever the file size. `afterChunk`
 * runs between chunks (and is awaited) with the bytes read so far, so the consumer can apply
 * back-pressure and show progress. */
export async function streamTwcs(file: string, onRow: (row: TwcsRow) => void, afterChunk?: (bytesRead: number) => Promise<void>): Promise<void> {
  const reader = new TwcsReader(file);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    reader.feed(chunk as string, false, onRow);
    if (afterChunk) await afterChunk(stream.bytesRead);
  }
  reader.feed('', true, onRow);
}
