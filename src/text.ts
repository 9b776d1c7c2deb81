// Text helpers shared by loaders, the classifier and the renderers.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** X, TWCS and archives all HTML-escape text; undo it exactly once, at load. */
export function htmlUnescape(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };
// "Tue Oct 31 22:10:47 +0000 2017": the format of TWCS and archives, read without Date (millions of rows).
const TWITTER_UTC = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d\d) (\d\d:\d\d:\d\d) \+0000 (\d{4})$/;

const isDigit = (s: string, i: number) => s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;
/** TWITTER_UTC's shape checked by position (no regex: one call per row of a big file). */
const TWITTER_DIGITS = [8, 9, 11, 12, 14, 15, 17, 18, 26, 27, 28, 29];
function twitterUtcShape(v: string): boolean {
  for (let k = 0; k < TWITTER_DIGITS.length; k++) if (!isDigit(v, TWITTER_DIGITS[k])) return false;
  return v.charCodeAt(3) === 32 && v.charCodeAt(7) === 32 && v.charCodeAt(10) === 32 && v.charCodeAt(13) === 58 && v.charCodeAt(16) === 58;
}

const CANONICAL_ISO = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** Twitter's created_at ("Tue Oct 31 22:10:47 +0000 2017") or ISO → ISO 8601, or undefined. */
export function toIso(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  // The usual shape, checked by position (one per row of a big file): no regex needed.
  if (value.length === 30 && value.startsWith(' +0000 ', 19) && twitterUtcShape(value)) {
    const month = MONTHS[value.slice(4, 7)];
    if (month) {
      const iso = `${value.slice(26)}-${month}-${value.slice(8, 10)}T${value.slice(11, 19)}.000Z`;
      // The day read off the source (flat already): reading it off the new string would flatten
      // that string early, a visible cost over millions of rows.
      return (value.charCodeAt(8) - 48) * 10 + value.charCodeAt(9) - 48 <= 28 ? iso : fitted(iso);
    }
  }
  // Already canonical (the X API's own form): as is.
  if (value.length === 24 && CANONICAL_ISO.test(value)) return fitted(value);
  const m = TWITTER_UTC.exec(value);
  if (m && MONTHS[m[1]]) return fitted(`${m[4]}-${MONTHS[m[1]]}-${m[2]}T${m[3]}.000Z`);
  return otherDate(value);
}

// A date and time that names no zone ("2017-10-11 06:55:44", as pandas and spreadsheets write
// them) is UTC, as `--since` reads one: Date.parse would take the machine's zone, and the same
// file would give another report on another machine.
const ISO_NO_ZONE = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)$/;
// A zone is named after the time ("22:10:47Z", "22:10 +0100", "GMT+1") or by name ("UTC", "EST");
// a "-2017" in "10-31-2017" is a date, not an offset.
const NAMES_ZONE = /\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:[zZ]\b|(?:GMT|UTC)?\s*[+-]\d\d:?\d\d\b)|\b(?:UTC?|GMT|[ECMP][SD]T)\b/;

/** Any other shape Date reads, taken as UTC when it names no zone; undefined when Date cannot read it. */
function otherDate(value: string): string | undefined {
  const local = ISO_NO_ZONE.exec(value);
  let t = local ? Date.parse(`${local[1]}T${local[2]}Z`) : NAMES_ZONE.test(value) ? Date.parse(value) : Date.parse(`${value} UTC`);
  if (Number.isNaN(t) && !local) t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A canonical ISO string as is when its day exists in its month; else the day it stands for
 * ("Feb 31" → "Mar 3", as Date reads it), so that strings compare as their times do. */
function fitted(iso: string): string {
  // Digits by char code: this runs once per row of a big file.
  const day = (iso.charCodeAt(8) - 48) * 10 + iso.charCodeAt(9) - 48;
  if (day <= 28) return iso;
  const month = (iso.charCodeAt(5) - 48) * 10 + iso.charCodeAt(6) - 48;
  if (day <= DAYS_IN_MONTH[month - 1]) return iso;
  const year = Number(iso.slice(0, 4));
  if (month === 2 && day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return iso;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString();
}

const DIGITS = /^\d+$/;

/** Ids arrive as "3", "3.0" (pandas) or numbers; keep them as exact digit strings. */
export function normId(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  // Already a plain digit string (the usual case): as is.
  if (typeof value === 'string' && DIGITS.test(value)) return value;
  let s = String(value).trim();
  if (s === '' || s.toLowerCase() === 'nan') return undefined;
  if (/^\d+\.0+$/.test(s)) s = s.slice(0, s.indexOf('.'));
  return s;
}

/**
 * A copy of `s` that does not keep its source alive. Fields cut from a 1 MB read buffer are
 * V8 "sliced strings" that pin the whole buffer; a streamed file whose tweets are kept would
 * otherwise hold every chunk. Prepending a character makes a cons string; reading from it
 * flattens it into a fresh copy.
 */
export function detach(s: string): string {
  if (s.length < 13) return s; // V8 copies short slices anyway
  const c = ` ${s}`;
  c.charCodeAt(1);
  return c.slice(1);
}

/** Tweet text for one line of a terminal or a table cell: white space runs as one space, and
 * control characters dropped (a tweet can carry an escape sequence that would clear or recolour
 * the reader's terminal). */
export function flatText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
}

/**
 * `s` cut to `max` characters with an ellipsis as the last, counting what a reader sees as one
 * character (a grapheme: "👩‍💻", "🇬🇧", an emoji with its skin tone): cutting UTF-16 units would
 * split a surrogate pair and print U+FFFD, cutting code points would split a flag. Shared by every
 * renderer.
 */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s; // never more graphemes than units: short enough as it is
  let n = 0;
  let end = 0;
  for (const { index } of graphemes().segment(s)) {
    if (n === max - 1) end = index; // where the ellipsis would go
    if (++n > max) return `${s.slice(0, end)}…`;
  }
  return s;
}

let segmenter: Intl.Segmenter | undefined;
const graphemes = () => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
