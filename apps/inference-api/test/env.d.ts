// Bindings that exist only in tests (vitest.config.ts).
declare namespace Cloudflare {
  interface Env {
    /** 2 requests per minute per client (vitest.config.ts), for the 429 path. */
    TEST_TIGHT_RATE_LIMITER: RateLimit;
  }
}
