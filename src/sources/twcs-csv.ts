// TWCS CSV — the Kaggle "Customer Support on Twitter" layout:
// tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
import type { Timeline } from '../model.js';
import { fileError } from '../errors.js';
import { htmlUnescape, normId, toIso } from '../text.js';
import { TimelineBuilder } from './builder.js';

export const TWCS_COLUMNS = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'in_response_to_tweet_id'] as const;

/** RFC 4180 records with their 1-based starting line; quoted fields may span lines. */
export function* csvRecords(text: string, file: string): Generator<{ fields: string[]; line: number }> {
  let i = 0;
  let line = 1;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        let value = '';
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw fileError(file, 'unterminated quoted field (file truncated?)', startLine);
          const chunk = text.slice(i, q);
          value += chunk;
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        fields.push(value);
      } else {
        let j = i;
        while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
        fields.push(text.slice(i, j));
        i = j;
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') {
        i++;
        line++;
      } else if (i < n) throw fileError(file, 'malformed CSV (text after a closing quote)', line);
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) yield { fields, line: startLine };
  }
}

export function looksLikeTwcsHeader(firstLine: string): boolean {
  const cols = firstLine.replace(/^\ufeff/, '').trim().split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return TWCS_COLUMNS.every((c) => cols.includes(c));
}

export function parseTwcs(text: string, file: string): Timeline {
  const b = new TimelineBuilder('twcs');
  const records = csvRecords(text, file);
  const head = records.next();
  if (head.done) throw fileError(file, 'empty file');
  const header = head.value.fields.map((h) => h.trim());
  const missing = TWCS_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw fileError(file, `CSV header lacks ${missing.join(', ')} (expected the TWCS layout: ${TWCS_COLUMNS.join(',')})`, 1);
  const col = Object.fromEntries(header.map((h, k) => [h, k])) as Record<string, number>;
  for (const { fields, line } of records) {
    if (fields.length !== header.length) {
      throw fileError(file, `expected ${header.length} fields, found ${fields.length}`, line);
    }
    const id = normId(fields[col.tweet_id]);
    const author = fields[col.author_id]?.trim();
    if (!id || !/^\d+$/.test(id) || !author) throw fileError(file, 'row without a numeric tweet_id or an author_id', line);
    const inbound = fields[col.inbound]?.trim().toLowerCase();
    b.add(
      {
        id,
        text: htmlUnescape(fields[col.text] ?? ''),
        createdAt: toIso(fields[col.created_at]),
        authorId: author,
        authorHandle: author,
        inReplyToId: normId(fields[col.in_response_to_tweet_id]),
      },
      true,
    );
    if (inbound === 'false') b.addOwner({ id: author, handle: author });
  }
  return b.finish();
}
