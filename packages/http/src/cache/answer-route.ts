import type { Context, Env } from 'hono';
import { stringifyFinite } from '../json/finite-json.js';
import type { RouteDefinition, RouteInput } from '../routes/define-route.js';
import { cacheKeyText, cacheKeyUrl } from './cache-key.js';
import type { IsolateAnswerCache } from './isolate-answers.js';

/** `hit` (answered from the cache) or `miss` (computed, then stored) on cacheable routes. */
export const CACHE_STATUS_HEADER = 'x-gcp-cache';
export const SERVER_TIMING_HEADER = 'server-timing';
/** Server-Timing metric of the route handler (the core's synchronous CPU work). */
export const CORE_TIMING_METRIC = 'core';
/** Server-Timing metric of the cache: `desc="hit"|"miss"`; on a hit, `dur` is the key and lookup time. */
export const CACHE_TIMING_METRIC = 'cache';
/** Server-Timing metric naming the tier that answered a hit: `desc="isolate"` (this isolate's memory) or `desc="cache-api"`. */
export const CACHE_TIER_TIMING_METRIC = 'cache-tier';
/**
 * How long a stored answer lives. The planner version is part of every key, so a new model or
 * a refit never meets old answers; the TTL only bounds how long unused entries take space.
 */
export const DEFAULT_CACHE_TTL_SECONDS = 7 * 24 * 3600;
const TIMING_DECIMALS = 2;
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The part of the Workers Cache API (`caches.default`) the response cache uses. */
export interface ResponseCacheStore {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

export interface ResponseCacheOptions {
  /** Part of every key: the planner version (PLANNER_VERSION of @gcp/core). */
  readonly version: string;
  /** The store; default `caches.default` where the runtime has one (Workers, miniflare), else no caching. */
  readonly store?: () => ResponseCacheStore | undefined;
  /**
   * The first tier, in this isolate's memory (isolate-answers.ts): consulted before the store and
   * filled from it. One per worker module, so that it lives as long as the isolate.
   */
  readonly memory?: IsolateAnswerCache;
  readonly ttlSeconds?: number;
}

type CacheStatus = 'hit' | 'miss';
/** Where a hit came from. */
type CacheTier = 'isolate' | 'cache-api';

function defaultStore(): ResponseCacheStore | undefined {
  return (globalThis as { caches?: { default?: ResponseCacheStore } }).caches?.default;
}

const ms = (value: number) => value.toFixed(TIMING_DECIMALS);

/** `core;dur=1.84, cache;desc="miss"` / `cache;desc="hit";dur=0.12, cache-tier;desc="isolate"` */
export function serverTiming(timing: { coreMs?: number; cache?: CacheStatus; cacheMs?: number; tier?: CacheTier }): string {
  const parts: string[] = [];
  if (timing.coreMs !== undefined) parts.push(`${CORE_TIMING_METRIC};dur=${ms(timing.coreMs)}`);
  if (timing.cache !== undefined) {
    parts.push(`${CACHE_TIMING_METRIC};desc="${timing.cache}"${timing.cacheMs !== undefined ? `;dur=${ms(timing.cacheMs)}` : ''}`);
  }
  if (timing.tier !== undefined) parts.push(`${CACHE_TIER_TIMING_METRIC};desc="${timing.tier}"`);
  return parts.join(', ');
}

/** A cached answer as the response to send. */
function hitResponse(text: string, status: number, contentType: string, startedMs: number, tier: CacheTier): Response {
  const timing = serverTiming({ cache: 'hit', cacheMs: performance.now() - startedMs, tier });
  return new Response(text, { status, headers: { 'content-type': contentType, [SERVER_TIMING_HEADER]: timing, [CACHE_STATUS_HEADER]: 'hit' } });
}

function waitUntilOrAwait(c: Context, work: Promise<unknown>): Promise<unknown> | undefined {
  let ctx: { waitUntil(promise: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx; // Hono throws where there is no execution context (app.request in Node)
  } catch {
    ctx = undefined;
  }
  if (!ctx) return work;
  ctx.waitUntil(work);
  return undefined;
}

async function lookup(store: ResponseCacheStore, key: string): Promise<Response | undefined> {
  try {
    return await store.match(key);
  } catch (error) {
    console.error('response cache lookup failed', error);
    return undefined;
  }
}

/** The success status that carries no body (DELETE). */
const NO_CONTENT = 204;

/** Wraps a handler's result as a Response, with its timing header. */
function withTiming(result: unknown, status: number, timing: string, cache: CacheStatus | undefined): { response: Response; text?: string } {
  if (result instanceof Response) {
    const response = new Response(result.body, result);
    response.headers.set(SERVER_TIMING_HEADER, timing);
    return { response };
  }
  if (status === NO_CONTENT) return { response: new Response(null, { status, headers: { [SERVER_TIMING_HEADER]: timing } }) };
  const text = stringifyFinite(result);
  const headers: Record<string, string> = { 'content-type': JSON_CONTENT_TYPE, [SERVER_TIMING_HEADER]: timing };
  if (cache) headers[CACHE_STATUS_HEADER] = cache;
  return { response: new Response(text, { status, headers }), text };
}

/**
 * Runs a validated route: times its handler (`performance.now()` around it; the planning
 * handlers are synchronous CPU, so this is their CPU time) and, for routes declaring
 * `cacheable: true`, answers identical requests from the cache: this isolate's memory first
 * (`memory`), then the store, whose hits fill the memory tier. Only 200 JSON bodies the app
 * serialises are stored; a cache failure never fails the request.
 *
 * Clock caveat: deployed Workers advance `performance.now()` only after I/O (a Spectre
 * mitigation), so around synchronous code it reads 0 there: `core;dur` is meaningful under
 * `wrangler dev` / vitest-pool-workers (workerd's local clock: whole milliseconds) and in Node.
 */
export async function answerRoute<E extends Env>(
  route: RouteDefinition<E>,
  // biome-ignore lint/suspicious/noExplicitAny: schemas are erased here; each route's own types were checked where it was defined
  input: RouteInput<any, any>,
  c: Context<E>,
  cache: ResponseCacheOptions | undefined,
): Promise<Response> {
  const store = route.cacheable && cache ? (cache.store ?? defaultStore)() : undefined;
  const memory = route.cacheable ? cache?.memory : undefined;
  let keyText: string | undefined;
  let key: string | undefined;
  if (cache && (store || memory)) {
    const t0 = performance.now();
    keyText = cacheKeyText({ path: c.req.path, version: cache.version, body: input.body, query: input.query });
    const remembered = memory?.get(keyText);
    if (remembered !== undefined) return hitResponse(remembered, 200, JSON_CONTENT_TYPE, t0, 'isolate');
    if (store) {
      key = await cacheKeyUrl({ path: c.req.path, version: cache.version }, keyText);
      const hit = await lookup(store, key);
      if (hit) {
        const text = await hit.text();
        if (hit.status === 200) memory?.set(keyText, text);
        return hitResponse(text, hit.status, hit.headers.get('content-type') ?? JSON_CONTENT_TYPE, t0, 'cache-api');
      }
    }
  }
  const t0 = performance.now();
  const result = await route.handler(input, c);
  const coreMs = performance.now() - t0;
  const cacheStatus = keyText !== undefined ? 'miss' : undefined;
  const { response, text } = withTiming(result, route.successStatus, serverTiming({ coreMs, cache: cacheStatus }), cacheStatus);
  if (keyText !== undefined && text !== undefined && response.status === 200) {
    memory?.set(keyText, text);
    if (store && cache && key) {
      const ttl = cache.ttlSeconds ?? DEFAULT_CACHE_TTL_SECONDS;
      const stored = new Response(text, { status: 200, headers: { 'content-type': JSON_CONTENT_TYPE, 'cache-control': `public, max-age=${ttl}` } });
      const putting = store.put(key, stored).catch((error: unknown) => console.error('response cache store failed', error));
      await waitUntilOrAwait(c, putting);
    }
  }
  return response;
}
