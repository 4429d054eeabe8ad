import { env } from 'cloudflare:test';
import { RATE_LIMIT_BINDINGS, RATE_LIMIT_RETRY_AFTER_SECONDS } from '@gcp/http';
import { describe, expect, it } from 'vitest';
import { app, routes } from '../src/app.js';

const ORIGIN = 'https://planning.test';

/** Sends `send(ip)` until it is refused; the tight limiter allows 2 a minute (a window may turn over once). */
async function untilLimited(send: () => Response | Promise<Response>): Promise<{ allowed: number; refused: Response }> {
  for (let allowed = 0; allowed <= 5; allowed++) {
    const response = await send();
    if (response.status === 429) return { allowed, refused: response };
    expect(response.status).toBeLessThan(300);
  }
  throw new Error('never rate limited');
}

const tight = (binding: string) => ({ ...env, [binding]: env.TEST_TIGHT_RATE_LIMITER });

describe('per-client rate limits (the rate-limiting binding under miniflare)', () => {
  it('declares a limiter binding for every rate-limited route', () => {
    const classes = new Set(routes.flatMap((route) => (route.rateLimit ? [route.rateLimit] : [])));
    expect([...classes].sort()).toEqual(['searches', 'writes']);
    for (const rateLimitClass of classes)
      expect(typeof (env as unknown as Record<string, RateLimit>)[RATE_LIMIT_BINDINGS[rateLimitClass]]?.limit).toBe('function');
  });

  it('limits saves, renames and deletes; the searches; not the reads', () => {
    const limited = routes.filter((route) => route.rateLimit).map((route) => `${route.method.toUpperCase()} ${route.path} ${route.rateLimit}`);
    expect(limited.sort()).toEqual([
      'DELETE /v1/plans/{id} writes',
      'PATCH /v1/plans/{id} writes',
      'POST /v1/audit searches',
      'POST /v1/plans writes',
      'POST /v1/training/plan searches',
      'POST /v1/training/program searches',
      'POST /v1/training/rl searches',
    ]);
  });

  it('answers a save above the limit with 429 in the envelope and Retry-After, per client', async () => {
    const save = (ip: string) =>
      app.request(
        `${ORIGIN}/v1/plans`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
          body: JSON.stringify({ name: 'limited', kind: 'training', request: { model: 'llama-3.1-8b' } }),
        },
        tight('WRITE_RATE_LIMITER'),
      );
    const { allowed, refused } = await untilLimited(() => save('198.51.100.20'));
    expect(allowed).toBeGreaterThanOrEqual(2);
    expect(refused.headers.get('retry-after')).toBe(String(RATE_LIMIT_RETRY_AFTER_SECONDS));
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('retry after'), issues: [] } });
    // another client is not affected
    expect((await save('198.51.100.21')).status).toBe(201);
  });

  it('answers a search above the limit with 429, cached answers included', async () => {
    const search = () =>
      app.request(
        `${ORIGIN}/v1/training/plan`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cf-connecting-ip': '2001:db8:77::1' },
          body: JSON.stringify({
            model: 'llama-3.1-8b',
            gpu: 'h100',
            gpuCount: 8,
            tokens: 1e9,
            sequenceLength: 4096,
            globalBatchTokens: 1024 * 4096,
            precision: 'bf16',
          }),
        },
        tight('SEARCH_RATE_LIMITER'),
      );
    const { refused } = await untilLimited(search);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });
});
