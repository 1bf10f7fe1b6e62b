import { z } from 'zod';
import { isLocalDevelopment } from '#functions/platform/keys';

/**
 * The origins that may frame the embeddable lookup (`/<locale>/embed/lookup/`), from the Worker
 * var `EMBED_ORIGINS`: space-separated, e.g. `https://www.sofia.bg https://bishkek.kg`. They go
 * into the page's `frame-ancestors` and are the only targets of its height messages.
 */

/** An origin that passed the schema: only these reach a Content-Security-Policy. */
export type EmbedOrigin = string & z.$brand<'EmbedOrigin'>;

/** Why an entry was dropped: a word for the log line, never the entry itself. */
export const DROP_REASONS = ['not_a_url', 'not_https', 'not_an_origin', 'bad_host'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
// DNS labels as the URL parser leaves them (lower case, punycode) or an IPv6 literal. The parser
// lets `*`, `;`, `,` and quotes through in a host; any of them would change what the policy says.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/**
 * One entry of EMBED_ORIGINS: an https origin (scheme, host, optional port; a trailing `/` is
 * tolerated), or, in local development and tests only, `http://` on 127.0.0.1, localhost or [::1].
 *
 * @example embedOriginSchema({ allowLoopback: false }).parse('https://WWW.Example.bg/') // 'https://www.example.bg'
 */
export function embedOriginSchema(options: { allowLoopback: boolean }) {
  return z
    .string()
    .transform((entry, ctx) => {
      const drop = (reason: DropReason) => {
        ctx.addIssue({ code: 'custom', message: reason, params: { reason } });
        return z.NEVER;
      };
      if (!URL.canParse(entry)) return drop('not_a_url');
      const url = new URL(entry);
      const loopbackHttp = options.allowLoopback && url.protocol === 'http:' && LOOPBACK.has(url.hostname);
      if (url.protocol !== 'https:' && !loopbackHttp) return drop('not_https');
      if (url.username || url.password || url.pathname !== '/' || url.search || url.hash || /[?#]/.test(entry)) return drop('not_an_origin');
      if (!HOST.test(url.hostname)) return drop('bad_host');
      return url.origin;
    })
    .brand<'EmbedOrigin'>();
}

export interface ParsedOrigins {
  origins: EmbedOrigin[];
  /** One reason per dropped entry, in order. */
  dropped: DropReason[];
}

/**
 * Splits EMBED_ORIGINS on whitespace and keeps the valid entries, each once.
 *
 * @example parseEmbedOrigins('https://a.example ftp://b.example', { allowLoopback: false }) // { origins: ['https://a.example'], dropped: ['not_https'] }
 */
export function parseEmbedOrigins(value: string | undefined, options: { allowLoopback: boolean }): ParsedOrigins {
  const schema = embedOriginSchema(options);
  const origins: EmbedOrigin[] = [];
  const dropped: DropReason[] = [];
  for (const entry of (value ?? '').split(/\s+/).filter(Boolean)) {
    const result = schema.safeParse(entry);
    if (result.success) {
      if (!origins.includes(result.data)) origins.push(result.data);
    } else {
      const reason = result.error.issues[0]?.message;
      dropped.push(DROP_REASONS.find((known) => known === reason) ?? 'not_a_url');
    }
  }
  return { origins, dropped };
}

const parsed = new Map<string, EmbedOrigin[]>();

/**
 * The configured origins, parsed once per isolate and value. Dropped entries are logged once,
 * by count and reason only.
 */
export function embedOrigins(env: { EMBED_ORIGINS?: string | undefined; ENVIRONMENT?: string | undefined }): readonly EmbedOrigin[] {
  const value = env.EMBED_ORIGINS ?? '';
  const allowLoopback = isLocalDevelopment(env);
  const key = `${allowLoopback}:${value}`;
  const known = parsed.get(key);
  if (known) return known;
  const { origins, dropped } = parseEmbedOrigins(value, { allowLoopback });
  if (dropped.length > 0) {
    console.error(
      `configuration: EMBED_ORIGINS: ${dropped.length} entries dropped (${[...new Set(dropped)].join(', ')}); each must be an https origin such as https://www.example.org`,
    );
  }
  parsed.set(key, origins);
  return origins;
}
