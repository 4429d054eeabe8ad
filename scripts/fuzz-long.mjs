#!/usr/bin/env node
// `npm run fuzz:long`: the in-process fuzz of every OpenAPI operation (apps/*/test/fuzz.test.ts)
// with more requests and a fresh seed. `npm test` runs the same tests at 10,000 requests per
// operation and a fixed seed.
//
// Env: FUZZ_RUNS (requests per operation, default 100000), FUZZ_SEED (default: random; printed,
// and a failure report names it, so a failing run can be replayed with FUZZ_SEED=<seed>).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.FUZZ_RUNS ?? '100000';
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const env = { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
console.log(`fuzz:long: ${runs} requests per operation, seed ${seed}`);
let failed = 0;
for (const app of ['planning-api', 'inference-api']) {
  const started = Date.now();
  const r = spawnSync('npx', ['vitest', 'run', 'test/fuzz.test.ts', '--reporter=verbose'], { cwd: path.join(root, 'apps', app), env, stdio: 'inherit' });
  console.log(`fuzz:long: ${app} ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) failed++;
}
console.log(`fuzz:long: seed ${seed}, ${failed === 0 ? 'no failures' : `${failed} worker(s) failed; replay with FUZZ_SEED=${seed}`}`);
process.exit(failed === 0 ? 0 : 1);
