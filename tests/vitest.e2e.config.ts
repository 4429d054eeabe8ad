import { defineConfig } from 'vitest/config';

// The real local stack (scripts/start.mjs) and headless Chromium: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
