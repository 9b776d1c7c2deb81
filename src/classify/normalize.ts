// Cleans a reply before cue matching: what trips keyword matching (handles, links, sign-offs,
// "1/2" markers, masks, curly quotes) is turned into stable placeholders or noted as facts.

export interface Normalized {
  /** Lower-cased text with placeholders: "url" for links, "@user" for mid-text mentions, "email" for masks. */
  text: string;
  /** Links found, classified as specific (an article/page path) or generic (home/contact page) or opaque (t.co). */
  links: { url: string; kind: 'specific' | 'generic' | 'opaque' }[];
  /** The agent's sign-off (^JK, -Becky, *SR …), when present. */
  signOff?: string;
  /** "1/2", "(2/2)" … */
  part?: string;
}

// Sign-offs at the end of a care tweet: ^JK, *SR, -Becky, ~Tom, /AM, – DR.
const SIGN_OFF = /(?:^|\s)((?:\^|\*|~|\/|-|–|—)\s?[A-Z][A-Za-z]{0,11}(?:\s[A-Z]\.?)?)\s*$/;
const PART = /(?:^|\s)\(?(\d)\s?\/\s?(\d)\)?(?=\s|$)/;
const LEADING_MENTIONS = /^(?:\s*[@＠]\w+)+/;
// An email address written out reads as "email-address" (one token, so "email us" patterns do not
// take it for a request; a pattern of its own reads it as the channel it is).
const EMAIL_ADDRESS = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const MENTION = /[@＠]\w+/g;
const URL_RE = /https?:\/\/\S+|\b(?:www\.)\S+/gi;
// A link written without its scheme ("smokeandbun.co.uk/menu", "support.example.app"): a host
// ending in a common top-level domain, not the domain of an email address. Looked for only when
// such an ending is left once the other links are out (a scan of every position costs).
// A host alone ("Hotels.com", "Photos.app") is a name, not a link: it needs a path or a help-ish
// first label ("help.tinyapp.io").
const BARE_LINK = /(?<![@\w.\/-])(?:(?:help|support|status|shop|store|community|account|accounts|my|care)\.(?:[a-z0-9-]+\.)*(?:com|co\.uk|org\.uk|org|net|app|io|gov\.uk|gov|ac\.uk|ly|me|tv|ai|dev|help)(?![\w@-])(?:\/\S*)?|(?:[a-z0-9-]+\.)+(?:com|co\.uk|org\.uk|org|net|app|io|gov\.uk|gov|ac\.uk|ly|me|tv|ai|dev|help)\/\S*)/gi;
const BARE_LINK_HINT = /\.(?:com|co|org|net|app|io|gov|ac|ly|me|tv|ai|dev|help)\b/i;
// Paths that name a page about one thing, not a site's front door.
// A locale may open the path ("/us/", "/en-gb/"); a region-tagged one ("en-us") may sit anywhere
// ("/hc/en-us"), a bare two letters later on being a page ("/help/tv").
const GENERIC_PATH = /^\/?(?:(?:[a-z]{2}-[a-z]{2}|en|fr|de|es|it|nl|pt|ja|ko|zh|ru|sv|da|no|fi|pl|tr|us|uk|gb|ca|au|ie|in|nz|br|mx)(?:\/+|(?=\?|$)))?(?:(?:[a-z]{2}-[a-z]{2}|help|support|contact|contact-us|contactus|customer-?service|customer-?support|get-?help|get-?support|en|home|index\.html?|hc|community|forums?|s)(?:\/+|(?=\?|$)))*(?:\?.*)?$/i;

const HOST_PATH = /^(?:https?:\/\/)?([^/?#\s]+)([^?#\s]*)/i;
const SHORTENERS = new Set(['t.co', 'bit.ly', 'ow.ly', 'spoti.fi', 'amzn.to', 'goo.gl', 'tinyurl.com', 'buff.ly', 'lnkd.in', 'youtu.be']);

export function classifyLink(url: string): 'specific' | 'generic' | 'opaque' {
  const m = HOST_PATH.exec(url);
  if (!m) return 'opaque';
  const host = m[1].toLowerCase().replace(/^www\./, '');
  // Archive captures wrap the real address: judge the inner one.
  if (host.endsWith('archive.org')) {
    const inner = /^\/web\/\d+\/(https?:\/\/.+)$/.exec(url.slice(url.indexOf(m[1]) + m[1].length));
    if (inner) return classifyLink(inner[1]);
  }
  if (SHORTENERS.has(host)) return 'opaque';
  // Trailing slashes cut by hand: /\/+$/ tries every run of slashes, quadratic in a long one.
  let end = m[2].length;
  while (end > 0 && m[2].charCodeAt(end - 1) === 47) end--;
  const path = m[2].slice(0, end);
  if (path === '' || GENERIC_PATH.test(path)) return 'generic';
  if (/contact|\/ticket|\/request(s)?\/new|submit-?a-?request|\/chat\b|\/forum|\/community\/?$/i.test(path)) return 'generic';
  return 'specific';
}

/** Whitespace other than space, tab, newlines and no-break space (rare: thin, narrow, ideographic …).
 * A character class this small is checked fast, even where the text has no such character. */
const EXOTIC_SPACE = /[\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\v\f]/;

/** Which clean-ups a reply needs (most need few). Native substring searches: far cheaper per
 * reply than a regex or a character loop over the text. */
function scan(raw: string): number {
  let need = 0;
  if (raw.includes('  ') || raw.includes('\n') || raw.includes('\t') || raw.includes('\r') || EXOTIC_SPACE.test(raw)) need |= SPACES;
  if (raw.includes('\u2019') || raw.includes('\u2018') || raw.includes('\u201c') || raw.includes('\u201d') || raw.includes('\u02bc')) need |= QUOTES;
  if (raw.includes('\u00a0')) need |= QUOTES | SPACES;
  if (raw.includes('@') || raw.includes('＠')) need |= AT;
  if (raw.includes('/')) need |= SLASH;
  if (raw.includes('__')) need |= MASK;
  return need;
}
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && /\s/.test(String.fromCharCode(c)));
// Whitespace other than single spaces (runs, newlines, tabs, no-break spaces).
const SPACE_RUNS = /\s{2,}|[^\S ]/g;
const SPACES = 1;
const AT = 2;
const SLASH = 4;
const MASK = 8;
const QUOTES = 16;

/** A replacer that notes each link found in `links` and leaves "url" in its place, set off by
 * single spaces (without making space runs to collapse later). */
function linksTo(links: Normalized['links']) {
  return (m: string, at: number, all: string) => {
    const url = m.replace(/[.,;:!?)\]]+$/, '');
    links.push({ url, kind: classifyLink(url) });
    const end = at + m.length;
    return `${at > 0 && !isSpace(all.charCodeAt(at - 1)) ? ' ' : ''}url${end < all.length && !isSpace(all.charCodeAt(end)) ? ' ' : ''}`;
  };
}

export function normalize(raw: string): Normalized {
  const need = scan(raw);
  let s = raw;
  // Replacements below leave space runs; collapsed at the end only when something needs it.
  let spaces = (need & SPACES) !== 0;
  if (need & QUOTES) s = s.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u00a0/g, ' ');
  const links: Normalized['links'] = [];
  if (((need & SLASH) !== 0 && s.includes('http')) || s.includes('www.')) s = s.replace(URL_RE, linksTo(links));
  if (BARE_LINK_HINT.test(s)) s = s.replace(BARE_LINK, linksTo(links));
  if (need & AT) {
    // Leading @mentions address the person; they carry no meaning.
    s = s.replace(LEADING_MENTIONS, '');
    if (s.includes('@') && s.includes('.')) {
      const t = s.replace(EMAIL_ADDRESS, ' email-address ');
      if (t !== s) {
        s = t;
        spaces = true;
      }
    }
    if (s.includes('@') || s.includes('＠')) s = s.replace(MENTION, '@user');
  }
  let part: string | undefined;
  if (need & SLASH) {
    const p = PART.exec(s);
    if (p && Number(p[1]) <= Number(p[2])) {
      part = `${p[1]}/${p[2]}`;
      s = s.replace(PART, ' ');
      spaces = true;
    }
  }
  s = s.trim();
  let signOff: string | undefined;
  // A sign-off sits in the last few characters; matching only there keeps this cheap.
  const tailStart = Math.max(0, s.length - 20);
  const so = SIGN_OFF.exec(s.slice(tailStart));
  if (so && (so.index > 0 || tailStart === 0 || /\s/.test(s[tailStart - 1]))) {
    signOff = so[1].trim();
    s = s.slice(0, tailStart + so.index);
  }
  if (need & MASK) {
    s = s.replace(/__email__/gi, ' email ').replace(/__credit_card__/gi, ' card number ').replace(/__\w+__/g, ' masked ');
    spaces = true;
  }
  s = s.toLowerCase();
  if (spaces) s = s.replace(SPACE_RUNS, ' ');
  s = s.trim();
  return { text: s, links, signOff, part };
}
