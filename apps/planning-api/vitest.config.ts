import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const migrationsDir = fileURLToPath(new URL('../../infra/migrations', import.meta.url));

/**
 * The suite raises the checked-in per-client limits (its requests share one client key) and adds a
 * tight limiter that test/rate-limit.test.ts swaps in to reach the 429 path; the checked-in limits
 * themselves are exercised under `wrangler dev` (tests/e2e/durability.e2e.test.ts).
 */
/** test/fuzz.test.ts: requests per operation and seed (`npm run fuzz:long` raises the first and draws the second). */
export const FUZZ_BINDINGS = { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000', FUZZ_SEED: process.env.FUZZ_SEED ?? '20260501' };

export const TEST_RATE_LIMITS = {
  WRITE_RATE_LIMITER: { simple: { limit: 1_000_000, period: 60 } },
  SEARCH_RATE_LIMITER: { simple: { limit: 1_000_000, period: 60 } },
  TEST_TIGHT_RATE_LIMITER: { simple: { limit: 2, period: 60 } },
};

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        bindings: { TEST_MIGRATIONS: await readD1Migrations(migrationsDir), ...FUZZ_BINDINGS },
        ratelimits: TEST_RATE_LIMITS,
      },
    })),
  ],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/apply-migrations.ts'],
  },
});
