/**
 * `npm run bench:load`: a bounded load run against the real local stack (loopback only).
 * Starts `scripts/start.mjs` on a free port, sends a fixed number of requests per endpoint
 * with autocannon (10 connections, at most 10 s each), prints throughput and latency
 * percentiles, and stops the stack. A benchmark, not a test: it prints, it asserts only
 * that no request failed or got a 5xx.
 */
import autocannon from 'autocannon';
import { startStack } from '../e2e/stack.js';

interface Case {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

const CASES: readonly Case[] = [
  { name: 'GET /v1/models/deepseek-v3', method: 'GET', path: '/v1/models/deepseek-v3' },
  { name: 'POST /v1/models/analyze (pasted config)', method: 'POST', path: '/v1/models/analyze', body: { config: { model_type: 'llama', hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, intermediate_size: 14336, vocab_size: 128256 } } },
  { name: 'POST /v1/training/plan (V3 published layout)', method: 'POST', path: '/v1/training/plan', body: { model: 'deepseek-v3', gpu: 'h800', gpuCount: 2048, tokens: 14.8e12, sequenceLength: 4096, globalBatchTokens: 15360 * 4096, precision: 'fp8', parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' } } },
  { name: 'POST /v1/inference/throughput (Llama 70B TP4)', method: 'POST', path: '/v1/inference/throughput', body: { model: 'llama-3.1-70b', gpu: 'h100', gpuCount: 4, precision: { weights: 'fp8', kvCache: 'fp8' }, inputTokens: 2048, outputTokens: 512, concurrency: 32 } },
];

const MAX_REQUESTS = 3000;
const MAX_SECONDS = 10;

async function run(baseUrl: string, c: Case): Promise<void> {
  const result = await autocannon({
    url: `${baseUrl}${c.path}`,
    method: c.method,
    connections: 10,
    amount: MAX_REQUESTS,
    duration: MAX_SECONDS,
    headers: c.body === undefined ? {} : { 'content-type': 'application/json' },
    ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
  });
  const bad = result.errors + result.timeouts + result['5xx'];
  console.log(
    `${c.name.padEnd(48)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
      `(${result.requests.total} requests, ${result.non2xx} non-2xx, ${bad} errors/timeouts/5xx)`,
  );
  if (bad > 0) process.exitCode = 1;
}

const stack = await startStack();
try {
  console.log(`stack ready in ${stack.startupSeconds.toFixed(1)} s at ${stack.baseUrl}`);
  for (const c of CASES) await run(stack.baseUrl, c);
} finally {
  await stack.stop();
}
