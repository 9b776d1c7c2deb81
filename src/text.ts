// Text helpers shared by loaders and the classifier.

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

/** Twitter's created_at ("Tue Oct 31 22:10:47 +0000 2017") or ISO → ISO 8601, or undefined. */
export function toIso(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Ids arrive as "3", "3.0" (pandas) or numbers; keep them as exact digit strings. */
export function normId(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  let s = String(value).trim();
  if (s === '' || s.toLowerCase() === 'nan') return undefined;
  if (/^\d+\.0+$/.test(s)) s = s.slice(0, s.indexOf('.'));
  return s;
}
