// Lines of a file, read in 1 MB chunks: a JSONL file of any size is never held whole.
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Calls `onLine(line, number)` for each line (1-based); `onLine` returns false to stop early. */
export function forEachLine(file: string, onLine: (line: string, n: number) => boolean | void): void {
  for (const _ of chunks(file, onLine));
}

/** forEachLine that awaits `afterChunk(bytesRead)` after each 1 MB chunk (a streamed audit hands
 * its classification batches over there, so what waits in memory stays bounded). */
export async function forEachLineAsync(file: string, onLine: (line: string, n: number) => boolean | void, afterChunk: (bytesRead: number) => Promise<void>): Promise<void> {
  for (const bytesRead of chunks(file, onLine)) await afterChunk(bytesRead);
}

/** Reads the file chunk by chunk, calling onLine for each complete line; yields the bytes read so
 * far after each chunk. */
function* chunks(file: string, onLine: (line: string, n: number) => boolean | void): Generator<number, void> {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder('utf8');
    let carry = '';
    let n = 0;
    let bytesRead = 0;
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      bytesRead += got;
      const text = carry + (got > 0 ? decoder.write(buf.subarray(0, got)) : decoder.end());
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        if (onLine(text.slice(start, nl), ++n) === false) return;
        start = nl + 1;
      }
      carry = text.slice(start);
      if (got === 0) {
        if (carry !== '') onLine(carry, ++n);
        return;
      }
      yield bytesRead;
    }
  } finally {
    closeSync(fd);
  }
}
