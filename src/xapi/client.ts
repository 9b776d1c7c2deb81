// The X API client: twitter-api-v2 with an app bearer token, pointed at api.x.com or at
// --api-base / X_API_BASE_URL. The library is imported only when a live request is made.
// Everything that leaves this module is scrubbed of the token: library errors carry the
// request (and its Authorization header), so they never escape; we rethrow our own.
import http from 'node:http';
import https from 'node:https';
import { InputError } from '../errors.js';

export const DEFAULT_API_BASE = 'https://api.x.com';
/** Where twitter-api-v2 sends v2 requests; the base-URL plugin swaps this origin. */
const LIBRARY_ORIGIN = 'https://api.x.com/';

/** Environment variables read for the token, first found wins. */
export const TOKEN_VARS = ['X_BEARER_TOKEN', 'TWITTER_BEARER_TOKEN'] as const;

export interface Token {
  value: string;
  /** The variable it came from, for messages (never the value). */
  variable: string;
}

export function tokenFromEnv(env: NodeJS.ProcessEnv = process.env): Token {
  for (const variable of TOKEN_VARS) {
    const value = env[variable]?.trim();
    if (value) return { value, variable };
  }
  throw new InputError(
    `no X API token: set ${TOKEN_VARS[0]} (or ${TOKEN_VARS[1]}) to your app's bearer token — ` +
      'get one in the X developer portal (https://developer.x.com/en/portal/dashboard → your app → Keys and tokens)',
  );
}

/** --api-base wins over X_API_BASE_URL; both are checked, then normalized to an origin (+ path) without a trailing slash or /2. */
export function apiBaseFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = flag?.trim() || env.X_API_BASE_URL?.trim();
  if (!raw) return DEFAULT_API_BASE;
  const from = flag?.trim() ? '--api-base' : 'X_API_BASE_URL';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(`${from}: not a URL: ${raw} (expected e.g. https://api.x.com or http://127.0.0.1:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`${from}: only http:// and https:// URLs work (got ${url.protocol})`);
  if (url.search || url.hash) throw new InputError(`${from}: give the API's base URL without a query string (got ${raw})`);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/2$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** The base URL as it may be shown or stored: credentials in it are dropped. */
export function publicBase(base: string): string {
  const u = new URL(base);
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

/** Replaces every occurrence of the secrets (raw, URL-encoded, in a Bearer header) with [redacted]. */
export function scrubber(secrets: string[]): (text: string) => string {
  const needles = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    needles.add(s);
    needles.add(encodeURIComponent(s));
    needles.add(JSON.stringify(s).slice(1, -1));
  }
  const list = [...needles].filter((n) => n.length >= 4).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const n of list) if (out.includes(n)) out = out.split(n).join('[redacted]');
    return out;
  };
}

export interface XResponse {
  status: number;
  data: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** An HTTP error status from the API. Holds only what messages need, already scrubbed. */
export class XHttpError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string | undefined>,
    /** title/detail/type/reason of the API's problem document, when it sent one. */
    readonly problem: { title?: string; detail?: string; type?: string; reason?: string },
  ) {
    super(`HTTP ${status}${problem.title ? ` ${problem.title}` : ''}`);
    this.name = 'XHttpError';
  }
}

/** The request did not get a complete answer: refused, reset, timed out, cut short, not JSON. */
export class XTransportError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'XTransportError';
  }
}

/** What the paging loop needs from a client: one GET of a v2 path, or a typed failure. */
export interface XTransport {
  readonly base: string;
  /** `path` is relative to /2/, e.g. `users/123/tweets`. */
  get(path: string, query: Record<string, string>): Promise<XResponse>;
  /** Scrubs the token out of any text meant for people or files. */
  scrub(text: string): string;
  close(): void;
}

export interface ClientOptions {
  token: Token;
  base: string;
  /** Per-request idle timeout. */
  timeoutMs?: number;
  /** Called with one line per request and its outcome (no headers, no token). */
  trace?: (line: string) => void;
}

const RATE_HEADERS = [
  'x-rate-limit-limit', 'x-rate-limit-remaining', 'x-rate-limit-reset',
  'x-app-limit-24hour-limit', 'x-app-limit-24hour-remaining', 'x-app-limit-24hour-reset',
  'x-user-limit-24hour-limit', 'x-user-limit-24hour-remaining', 'x-user-limit-24hour-reset',
  'retry-after',
];

function pickHeaders(h: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (!h || typeof h !== 'object') return out;
  for (const k of RATE_HEADERS) {
    const v = (h as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = Array.isArray(v) ? String(v[0]) : String(v);
  }
  return out;
}

function problemOf(data: unknown, scrub: (s: string) => string): XHttpError['problem'] {
  if (!data || typeof data !== 'object') return typeof data === 'string' && data.trim() ? { detail: scrub(data.trim().slice(0, 300)) } : {};
  const d = data as Record<string, unknown>;
  const first = Array.isArray(d.errors) && d.errors[0] && typeof d.errors[0] === 'object' ? (d.errors[0] as Record<string, unknown>) : {};
  const str = (v: unknown) => (typeof v === 'string' && v ? scrub(v.slice(0, 300)) : undefined);
  return {
    title: str(d.title) ?? str(first.title),
    detail: str(d.detail) ?? str(first.detail) ?? str(first.message),
    type: str(d.type) ?? str(first.type),
    reason: str(d.reason),
  };
}

export async function createClient(opts: ClientOptions): Promise<XTransport> {
  const { TwitterApi, TwitterApiV2Settings, ApiResponseError, ApiRequestError, ApiPartialResponseError } = await import('twitter-api-v2');
  // Its debug logger prints requests (and headers) on stdout: never on.
  TwitterApiV2Settings.debug = false;
  TwitterApiV2Settings.deprecationWarnings = false;

  const base = opts.base.replace(/\/+$/, '');
  const scrub = scrubber([opts.token.value]);
  const shownBase = publicBase(base);
  // twitter-api-v2 always calls https.request; the agent decides the protocol, so plain
  // http:// bases need an http.Agent. Our own agent is also closed when we are done.
  const agent = base.startsWith('http:') ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true });
  const client = new TwitterApi(opts.token.value, {
    httpAgent: agent,
    plugins: [
      {
        onBeforeRequestConfig({ params }) {
          if (params.url.startsWith(LIBRARY_ORIGIN)) params.url = `${base}/${params.url.slice(LIBRARY_ORIGIN.length)}`;
        },
      },
    ],
  });
  const v2 = client.v2;

  return {
    base: shownBase,
    scrub,
    close: () => agent.destroy(),
    async get(path, query) {
      const shown = `GET ${shownBase}/2/${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;
      const started = Date.now();
      const done = (outcome: string) => opts.trace?.(scrub(`${shown} → ${outcome} (${Date.now() - started} ms)`));
      try {
        const res = await v2.get(path, query, { fullResponse: true, timeout: opts.timeoutMs });
        done(String(200));
        if (res.data === undefined || typeof res.data !== 'object') {
          throw new XTransportError(`${shownBase} answered with something other than JSON (is the API base URL right?)`, 'ENOTJSON');
        }
        return { status: 200, data: res.data, headers: pickHeaders(res.headers) };
      } catch (err) {
        if (err instanceof XTransportError) throw err;
        if (err instanceof ApiResponseError) {
          done(String(err.code));
          throw new XHttpError(err.code, pickHeaders(err.headers), problemOf(err.data, scrub));
        }
        if (err instanceof ApiPartialResponseError) {
          done('incomplete response');
          throw new XTransportError('the connection closed before the response was complete', 'EPARTIAL');
        }
        if (err instanceof ApiRequestError) {
          // 1.29.0 stores the socket error as _options.error while its `requestError` getter reads _options.requestError.
          const cause = (err.requestError ?? (err as unknown as { _options?: { error?: Error } })._options?.error) as NodeJS.ErrnoException | undefined;
          const code = cause?.code ?? (/timeout/i.test(cause?.message ?? '') ? 'ETIMEDOUT' : undefined);
          const what = code === 'ETIMEDOUT' ? `no answer within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s` : code ?? scrub(cause?.message ?? 'request failed');
          done(what);
          throw new XTransportError(what, code);
        }
        // Anything else (a bug, a library surprise): keep the message, drop the object.
        const message = scrub(err instanceof Error ? err.message : String(err));
        done(`error: ${message}`);
        throw new XTransportError(message);
      }
    },
  };
}
