import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createApiApp } from '../app/create-api-app.js';
import { defineRoute } from '../routes/define-route.js';
import { clientKey, RATE_LIMIT_RETRY_AFTER_SECONDS, type RateLimiter, UNKNOWN_CLIENT_KEY } from './rate-limit.js';

/** The binding's behaviour: `limit` requests per key, then `{success: false}`. */
function fakeLimiter(limit: number): RateLimiter & { keys: string[] } {
  const counts = new Map<string, number>();
  const keys: string[] = [];
  return {
    keys,
    limit: async ({ key }) => {
      keys.push(key);
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return { success: count <= limit };
    },
  };
}

const { app, openApiDocument } = createApiApp({
  serviceName: 'limited',
  info: { title: 'Limited', version: '1' },
  routes: [
    defineRoute({
      method: 'post',
      path: '/v1/things',
      summary: 'Save',
      writes: true,
      requestSchema: v.strictObject({ n: v.number() }),
      handler: () => ({ ok: true }),
    }),
    defineRoute({ method: 'post', path: '/v1/search', summary: 'Search', rateLimit: 'searches', handler: () => ({ ok: true }) }),
    defineRoute({ method: 'get', path: '/v1/cheap', summary: 'Cheap', handler: () => ({ ok: true }) }),
    defineRoute({ method: 'delete', path: '/v1/things/{id}', summary: 'Unlimited write', writes: true, rateLimit: false, handler: () => ({ ok: true }) }),
  ],
});

const save = (env: Record<string, unknown>, ip = '203.0.113.7', body = '{"n":1}') =>
  app.request('/v1/things', { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip }, body }, env);

describe('per-client rate limits', () => {
  it('answers 429 in the envelope with Retry-After once a client passes its limit', async () => {
    const env = { WRITE_RATE_LIMITER: fakeLimiter(2) };
    expect((await save(env)).status).toBe(200);
    expect((await save(env)).status).toBe(200);
    const limited = await save(env);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(RATE_LIMIT_RETRY_AFTER_SECONDS));
    expect(limited.headers.get('x-gcp-service')).toBe('limited');
    const body = (await limited.json()) as { error: { code: string; message: string; issues: unknown[] } };
    expect(body.error).toEqual({ code: 'rate_limited', message: expect.stringContaining('retry after 60 seconds'), issues: [] });
  });

  it('counts each client on its own', async () => {
    const env = { WRITE_RATE_LIMITER: fakeLimiter(1) };
    expect((await save(env, '198.51.100.1')).status).toBe(200);
    expect((await save(env, '198.51.100.2')).status).toBe(200);
    expect((await save(env, '198.51.100.1')).status).toBe(429);
  });

  it('counts invalid requests too (the limit comes before the body is read)', async () => {
    const env = { WRITE_RATE_LIMITER: fakeLimiter(1) };
    expect((await save(env, '192.0.2.1', '{"n":"x"}')).status).toBe(400);
    expect((await save(env, '192.0.2.1')).status).toBe(429);
  });

  it('uses the class binding of each route: writes by default, searches where marked, none elsewhere', async () => {
    const writes = fakeLimiter(0);
    const searches = fakeLimiter(0);
    const env = { WRITE_RATE_LIMITER: writes, SEARCH_RATE_LIMITER: searches };
    expect((await save(env)).status).toBe(429);
    expect((await app.request('/v1/search', { method: 'POST', headers: { 'cf-connecting-ip': '192.0.2.9' } }, env)).status).toBe(429);
    expect((await app.request('/v1/cheap', {}, env)).status).toBe(200);
    expect((await app.request('/v1/things/a', { method: 'DELETE' }, env)).status).toBe(200);
    expect(writes.keys).toEqual(['203.0.113.7']);
    expect(searches.keys).toEqual(['192.0.2.9']);
  });

  it('lets requests through when the binding is missing or fails', async () => {
    expect((await save({})).status).toBe(200);
    const broken: RateLimiter = { limit: () => Promise.reject(new Error('down')) };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect((await save({ WRITE_RATE_LIMITER: broken })).status).toBe(200);
    } finally {
      console.error = original;
    }
    expect(JSON.stringify(errors)).not.toContain('203.0.113.7');
  });

  it('exposes Retry-After to cross-origin pages', async () => {
    const response = await app.request(
      '/v1/search',
      { method: 'POST', headers: { origin: 'https://elsewhere.example' } },
      { SEARCH_RATE_LIMITER: fakeLimiter(0) },
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('documents 429 with Retry-After on limited routes only', () => {
    const responses = (method: string, path: string) => (openApiDocument.paths[path]?.[method]?.responses ?? {}) as Record<string, { headers?: object }>;
    expect(responses('post', '/v1/things')['429']?.headers).toHaveProperty('Retry-After');
    expect(responses('post', '/v1/search')['429']).toBeDefined();
    expect(responses('get', '/v1/cheap')['429']).toBeUndefined();
    expect(responses('delete', '/v1/things/{id}')['429']).toBeUndefined();
  });
});

describe('clientKey', () => {
  const key = (ip?: string) => clientKey(new Headers(ip === undefined ? {} : { 'cf-connecting-ip': ip }));
  it('is the IPv4 address, or the /64 of an IPv6 address', () => {
    expect(key('203.0.113.7')).toBe('203.0.113.7');
    expect(key('2001:db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(key('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(key('2001:DB8:1:2::5')).toBe(key('2001:db8:1:2:ffff::9'));
  });
  it('is one shared key without an address', () => {
    expect(key()).toBe(UNKNOWN_CLIENT_KEY);
    expect(key('  ')).toBe(UNKNOWN_CLIENT_KEY);
  });
});
