import type { Context } from 'hono';
import { ApiError } from '../errors/api-error.js';

/**
 * Per-client rate limits, with Cloudflare's rate-limiting binding (`ratelimits` in a worker's
 * wrangler.jsonc; miniflare runs the same binding under `wrangler dev` and in the worker tests).
 *
 * - `writes`: routes that change stored state (POST /v1/plans, PATCH / DELETE /v1/plans/{id});
 *   every `writes: true` route is in this class unless it says otherwise.
 * - `searches`: the expensive computations (layout and fleet searches), marked on their routes.
 *
 * Each class is one binding, looked up by name in the worker's environment. The limit and its
 * period (10 or 60 s) are the binding's `simple: {limit, period}` in wrangler.jsonc. A worker
 * without the binding does not limit that class (a unit test of the bare app); every deployed
 * worker declares the bindings its routes need (checked by the workers' tests).
 */
export type RateLimitClass = 'writes' | 'searches';

export const RATE_LIMIT_BINDINGS: Readonly<Record<RateLimitClass, string>> = {
  writes: 'WRITE_RATE_LIMITER',
  searches: 'SEARCH_RATE_LIMITER',
};

/**
 * `Retry-After` of a 429, in seconds: the binding does not say when its window ends, so the
 * longest period it allows (60 s); a client that waits this long is always in a new window.
 */
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 60;

/** The client, as Cloudflare's edge sets it (a caller cannot forge it there; `wrangler dev` keeps a sent one). */
export const CLIENT_IP_HEADER = 'cf-connecting-ip';

/** The key of requests that carry no client address (not reachable through Cloudflare's edge). */
export const UNKNOWN_CLIENT_KEY = 'unknown-client';

/** The part of the `RateLimit` binding the limiter uses. */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

function isRateLimiter(value: unknown): value is RateLimiter {
  return typeof value === 'object' && value !== null && typeof (value as { limit?: unknown }).limit === 'function';
}

/** An IPv6 address's /64 (one subscriber usually holds a whole /64), e.g. `2001:db8:1:2::/64`. */
function ipv6Prefix(address: string): string {
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The rate-limit key of a request: its client address (an IPv6 address's /64). */
export function clientKey(headers: Headers): string {
  const address = headers.get(CLIENT_IP_HEADER)?.trim() ?? '';
  if (address === '') return UNKNOWN_CLIENT_KEY;
  if (address.length > 64) return address.slice(0, 64);
  return address.includes(':') ? ipv6Prefix(address) : address;
}

export function rateLimitedError(): ApiError {
  return new ApiError(429, 'rate_limited', `Too many requests of this kind from this client; retry after ${RATE_LIMIT_RETRY_AFTER_SECONDS} seconds.`, [], {
    'retry-after': String(RATE_LIMIT_RETRY_AFTER_SECONDS),
  });
}

/**
 * Counts the request against its class's limiter; throws the 429 envelope (with `Retry-After`)
 * above the limit. A limiter that fails lets the request through (and logs, without the key).
 */
export async function enforceRateLimit(rateLimit: RateLimitClass | undefined, c: Context): Promise<void> {
  if (rateLimit === undefined) return;
  const env = c.env as Record<string, unknown> | undefined;
  const limiter = env?.[RATE_LIMIT_BINDINGS[rateLimit]];
  if (!isRateLimiter(limiter)) return;
  let success: boolean;
  try {
    ({ success } = await limiter.limit({ key: clientKey(c.req.raw.headers) }));
  } catch (error) {
    console.error(JSON.stringify({ message: 'rate limiter failed; request let through', class: rateLimit, error: String(error) }));
    return;
  }
  if (!success) throw rateLimitedError();
}
