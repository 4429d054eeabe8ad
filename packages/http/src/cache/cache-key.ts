/**
 * Keys of the response cache: a synthetic GET URL (the Cache API stores GETs only) naming the
 * route path, the planner version and a SHA-256 of the normalised request.
 */

/** Host of the synthetic cache-key URLs; never resolved, only compared. */
export const CACHE_KEY_ORIGIN = 'https://cache.gcp.internal';

/** The validated request a cached answer stands for (bodies come with the core's defaults filled). */
export interface CacheKeyInput {
  /** The concrete request path, e.g. `/v1/training/plan`. */
  readonly path: string;
  /** The planner version (PLANNER_VERSION of @gcp/core): a new model never meets old answers. */
  readonly version: string;
  readonly body?: unknown;
  readonly query?: unknown;
}

/** A copy of `value` with every object's keys in sorted order (arrays keep their order). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) sorted[key] = sortKeysDeep(item);
  }
  return sorted;
}

/** The normalised request as text: keys sorted recursively, undefined members dropped. */
export function normalisedRequest(input: Pick<CacheKeyInput, 'body' | 'query'>): string {
  return JSON.stringify(sortKeysDeep({ body: input.body ?? null, query: input.query ?? null }));
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function routePath(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

/** Path, version and normalised request, one per line: what a key stands for (the isolate tier's key, the hashed text of the URL key). */
export function cacheKeyText(input: CacheKeyInput): string {
  return `${routePath(input.path)}\n${input.version}\n${normalisedRequest(input)}`;
}

/**
 * `https://cache.gcp.internal/<path>?v=<version>&h=<sha-256 of path, version and normalised request>`;
 * `text` is cacheKeyText(input), passed when the caller has it already.
 */
export async function cacheKeyUrl(input: CacheKeyInput, text: string = cacheKeyText(input)): Promise<string> {
  const hash = await sha256Hex(text);
  return `${CACHE_KEY_ORIGIN}${routePath(input.path)}?v=${encodeURIComponent(input.version)}&h=${hash}`;
}
