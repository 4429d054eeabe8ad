import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { fakeUpstreamWorkers } from './test/fake-upstreams.js';

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: { workers: fakeUpstreamWorkers },
    }),
  ],
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
