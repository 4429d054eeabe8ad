import { env } from 'cloudflare:test';
import { RATE_LIMIT_RETRY_AFTER_SECONDS } from '@gcp/http';
import { describe, expect, it } from 'vitest';
import { app, routes } from '../src/app.js';

describe('per-client rate limit on the fleet search (the rate-limiting binding under miniflare)', () => {
  it('limits POST /v1/inference/plan only, with a declared binding', () => {
    expect(routes.filter((route) => route.rateLimit).map((route) => `${route.path} ${route.rateLimit}`)).toEqual(['/v1/inference/plan searches']);
    expect(typeof env.SEARCH_RATE_LIMITER.limit).toBe('function');
  });

  it('answers above the limit with 429 in the envelope and Retry-After', async () => {
    const limitedEnv = { ...env, SEARCH_RATE_LIMITER: env.TEST_TIGHT_RATE_LIMITER };
    const plan = () =>
      app.request(
        'https://inference.test/v1/inference/plan',
        { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.50' }, body: '{}' },
        limitedEnv,
      );
    let refused: Response | undefined;
    for (let i = 0; i <= 5 && refused === undefined; i++) {
      const response = await plan();
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(400); // counted before validation
    }
    expect(refused?.headers.get('retry-after')).toBe(String(RATE_LIMIT_RETRY_AFTER_SECONDS));
    expect(await refused?.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String), issues: [] } });
  });
});
