import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/** As in planning-api: the suite's limit raised, and a tight limiter for test/rate-limit.test.ts. */
const TEST_RATE_LIMITS = {
  SEARCH_RATE_LIMITER: { simple: { limit: 1_000_000, period: 60 } },
  TEST_TIGHT_RATE_LIMITER: { simple: { limit: 2, period: 60 } },
};

/** test/fuzz.test.ts: requests per operation and seed (`npm run fuzz:long` raises the first and draws the second). */
const FUZZ_BINDINGS = { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000', FUZZ_SEED: process.env.FUZZ_SEED ?? '20260501' };

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.jsonc' }, miniflare: { bindings: FUZZ_BINDINGS, ratelimits: TEST_RATE_LIMITS } })],
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
