// What the first bytes of an input are: UTF-8 text, UTF-16 text, or binary data (gzip, zip, NUL
// bytes). Every command that reads a file or stdin checks them first: read as UTF-8, the others
// turn into plausible-looking nonsense.
import { fileError } from '../errors.js';

/** NUL bytes or a high share of control characters in the first 8 KB mean binary data. */
export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/**
 * UTF-16 text, by its byte-order mark or, without one, by its pattern: Latin text in UTF-16 has a
 * NUL as the high byte of nearly every character (on one side of each pair, a printable byte on
 * the other) and hardly ever a NUL on the other side. Windows PowerShell 5 writes UTF-16LE by default.
 */
export function looksUtf16(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  const pairs = Math.min(buf.length, 8192) >> 1;
  if (pairs < 2) return false;
  const printable = (c: number) => c >= 32 || c === 9 || c === 10 || c === 13;
  let le = 0;
  let be = 0;
  let nulLow = 0;
  let nulHigh = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    const a = buf[i];
    const b = buf[i + 1];
    if (a === 0) nulLow++;
    if (b === 0) nulHigh++;
    if (b === 0 && a !== 0 && printable(a)) le++;
    if (a === 0 && b !== 0 && printable(b)) be++;
  }
  const [text, stray] = le >= be ? [le, nulLow] : [be, nulHigh];
  return text >= pairs / 2 && stray <= pairs / 64;
}

/** Compressed files users pass by mistake, by their magic bytes, with what to do about them. */
const PACKED: { magic: number[]; hint: string }[] = [
  { magic: [0x1f, 0x8b], hint: 'gzip? decompress it first' },
  { magic: [0x50, 0x4b, 0x03, 0x04], hint: 'zip? unzip it first' },
];

/** What the first bytes of an input are: UTF-8 text (or ASCII) we can read, UTF-16, or binary data. */
export function sniffBytes(head: Buffer): { kind: 'text' } | { kind: 'utf16' } | { kind: 'binary'; hint?: string } {
  if (looksUtf16(head)) return { kind: 'utf16' };
  const packed = PACKED.find((p) => p.magic.every((b, i) => head[i] === b));
  if (packed) return { kind: 'binary', hint: packed.hint };
  return looksBinary(head) ? { kind: 'binary' } : { kind: 'text' };
}

/**
 * Stops with one line naming `name` when the first bytes of an input are not UTF-8 text: read as
 * UTF-8, UTF-16 or a gzip file turns into plausible-looking nonsense. `expected` says what the input
 * should have been ("a timeline (expected …)").
 */
export function assertText(head: Buffer, name: string, expected: string): void {
  const s = sniffBytes(head);
  if (s.kind === 'utf16') throw fileError(name, 'UTF-16 text; save it as UTF-8');
  if (s.kind === 'binary') throw fileError(name, `binary data${s.hint ? ` (${s.hint})` : ''}, not ${expected}`);
}
