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
const URL_RE = /https?:\/\/\S+|\b(?:www\.)\S+/gi;
// Paths that name a page about one thing, not a site's front door.
const GENERIC_PATH = /^\/?(?:[a-z]{2}(?:-[a-z]{2})?\/?)?(?:(?:help|support|contact|contact-us|contactus|customer-?service|customer-?support|get-?help|en|home|index\.html?|hc|community|forums?|s)\/?)*(?:\?.*)?$/i;

export function classifyLink(url: string): 'specific' | 'generic' | 'opaque' {
  let u: URL;
  try {
    u = new URL(url.startsWith('http') ? url : `https://${url}`);
  } catch {
    return 'opaque';
  }
  // Archive captures wrap the real address: judge the inner one.
  const inner = /^\/web\/\d+\/(https?:\/\/.+)$/.exec(u.pathname + u.search);
  if (u.hostname.endsWith('archive.org') && inner) return classifyLink(inner[1]);
  if (u.hostname === 't.co' || u.hostname === 'bit.ly' || u.hostname === 'ow.ly' || u.hostname === 'spoti.fi' || u.hostname === 'amzn.to' || u.hostname === 'goo.gl') return 'opaque';
  const path = u.pathname.replace(/\/+$/, '');
  if (path === '' || GENERIC_PATH.test(path)) return 'generic';
  if (/contact|\/ticket|\/request(s)?\/new|submit-?a-?request|\/chat\b|\/forum|\/community\/?$/i.test(path)) return 'generic';
  return 'specific';
}

export function normalize(raw: string): Normalized {
  let s = raw.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u00a0/g, ' ');
  const links: Normalized['links'] = [];
  s = s.replace(URL_RE, (m) => {
    const url = m.replace(/[.,;:!?)\]]+$/, '');
    links.push({ url, kind: classifyLink(url) });
    return ' url ';
  });
  // Leading @mentions address the person; they carry no meaning.
  s = s.replace(/^(\s*[@＠]\w+)+/, '');
  s = s.replace(/[@＠]\w+/g, '@user');
  let part: string | undefined;
  const p = PART.exec(s);
  if (p && Number(p[1]) <= Number(p[2])) {
    part = `${p[1]}/${p[2]}`;
    s = s.replace(PART, ' ');
  }
  s = s.trim();
  let signOff: string | undefined;
  const so = SIGN_OFF.exec(s);
  if (so) {
    signOff = so[1].trim();
    s = s.slice(0, so.index).trim();
  }
  s = s
    .replace(/__email__/gi, ' email ')
    .replace(/__credit_card__/gi, ' card number ')
    .replace(/__\w+__/g, ' masked ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return { text: s, links, signOff, part };
}
