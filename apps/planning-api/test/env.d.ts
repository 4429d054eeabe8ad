// Bindings that exist only in tests (vitest.config.ts).
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    /** 2 requests per minute per client (vitest.config.ts), for the 429 path. */
    TEST_TIGHT_RATE_LIMITER: RateLimit;
    /** test/fuzz.test.ts: requests per operation, and the seed (vitest.config.ts). */
    FUZZ_RUNS: string;
    FUZZ_SEED: string;
  }
}
