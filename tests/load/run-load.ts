/**
 * `npm run load`: a bounded load run against the real local stack (loopback only).
 * Starts `scripts/start.mjs` on a free port, first times the first training plan after start
 * against a warm GET /v1/gpus (first-request.ts), then sends a fixed number of requests per endpoint
 * with autocannon (10 connections, at most 10 s each, after 300 uncounted warm-up requests), prints throughput and latency
 * percentiles and each endpoint's requests/s as a ratio to the first case's (GET /v1/health,
 * a trivial Hono route through the same web → planning-api chain, measured in the same run), and
 * stops the stack. A benchmark, not a
 * test: it prints, it asserts only that each request answers once through the typed client
 * (@gcp/contract/client) and that every request of the run got a 2xx.
 */
import type { AnalyzeModelRequest, ThroughputRequest, TrainingPlanRequest } from '@gcp/contract';
import { createClient, type PlannerClient } from '@gcp/contract/client';
import autocannon from 'autocannon';
import { simulatedClientAddress, startStack } from '../e2e/stack.js';
import { measureFirstRequest } from './first-request.js';

interface Case {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  /** The body of request `i` when each must differ (so that the response cache cannot answer it). */
  readonly bodyOf?: (i: number) => unknown;
  /** The same request through the typed client, once before the run: a run of 4xx answers would measure nothing. */
  readonly preflight: (client: PlannerClient) => Promise<unknown>;
}

const PASTED_CONFIG = {
  config: {
    model_type: 'llama',
    hidden_size: 4096,
    num_hidden_layers: 32,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    intermediate_size: 14336,
    vocab_size: 128256,
  },
} satisfies AnalyzeModelRequest;
const V3_PUBLISHED_LAYOUT = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12,
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  precision: 'fp8',
  parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' },
} satisfies TrainingPlanRequest;
const LLAMA_70B_TP4 = {
  model: 'llama-3.1-70b',
  gpu: 'h100',
  gpuCount: 4,
  precision: { weights: 'fp8', kvCache: 'fp8' },
  inputTokens: 2048,
  outputTokens: 512,
  concurrency: 32,
} satisfies ThroughputRequest;

const CASES: readonly Case[] = [
  { name: 'GET /v1/health (trivial route)', method: 'GET', path: '/v1/health', preflight: (c) => c.health() },
  { name: 'GET /v1/models/deepseek-v3', method: 'GET', path: '/v1/models/deepseek-v3', preflight: (c) => c.getModel('deepseek-v3') },
  {
    name: 'POST /v1/models/analyze (pasted config)',
    method: 'POST',
    path: '/v1/models/analyze',
    body: PASTED_CONFIG,
    preflight: (c) => c.analyzeModel(PASTED_CONFIG),
  },
  {
    name: 'POST /v1/training/plan (V3 published layout)',
    method: 'POST',
    path: '/v1/training/plan',
    body: V3_PUBLISHED_LAYOUT,
    preflight: (c) => c.planTraining(V3_PUBLISHED_LAYOUT),
  },
  {
    name: 'POST /v1/training/plan (V3, distinct bodies)',
    method: 'POST',
    path: '/v1/training/plan',
    body: V3_PUBLISHED_LAYOUT,
    // a distinct token count per request: the same plan's work, never answered from the response cache
    bodyOf: (i) => ({ ...V3_PUBLISHED_LAYOUT, tokens: V3_PUBLISHED_LAYOUT.tokens + i }),
    preflight: (c) => c.planTraining(V3_PUBLISHED_LAYOUT),
  },
  {
    name: 'POST /v1/inference/throughput (Llama 70B TP4)',
    method: 'POST',
    path: '/v1/inference/throughput',
    body: LLAMA_70B_TP4,
    preflight: (c) => c.throughput(LLAMA_70B_TP4),
  },
];

const MAX_REQUESTS = 3000;
const MAX_SECONDS = 10;

/** Requests sent so far: each comes from its own simulated client, since this run measures throughput, not the per-client limiter. */
let requestsSent = 0;

/** Requests/s of the baseline case, once measured: every later case prints its ratio to it. */
let baselineRequestsPerSecond: number | undefined;

/** Requests each case gets before its measured run (not counted): the first case must not pay the whole chain's warm-up. */
const WARM_UP_REQUESTS = 300;

function drive(baseUrl: string, c: Case, amount: number) {
  const headers: Record<string, string> = c.body === undefined ? {} : { 'content-type': 'application/json' };
  return autocannon({
    url: baseUrl,
    connections: 10,
    amount,
    duration: MAX_SECONDS,
    requests: [
      {
        method: c.method,
        path: c.path,
        headers,
        ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
        setupRequest: (request) => {
          const i = requestsSent++;
          const body = c.bodyOf ? { body: JSON.stringify(c.bodyOf(i)) } : {};
          return { ...request, ...body, headers: { ...headers, 'cf-connecting-ip': simulatedClientAddress(i) } };
        },
      },
    ],
  });
}

async function run(baseUrl: string, c: Case): Promise<void> {
  await drive(baseUrl, c, WARM_UP_REQUESTS);
  const result = await drive(baseUrl, c, MAX_REQUESTS);
  const failed = result.errors + result.timeouts + result['5xx'];
  const rps = result.requests.average;
  baselineRequestsPerSecond ??= rps;
  console.log(
    `${c.name.padEnd(48)} ${rps.toFixed(0).padStart(6)} req/s  ${(rps / baselineRequestsPerSecond).toFixed(2)}× baseline  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
      `(${result.requests.total} requests, ${result.non2xx} non-2xx, ${failed} errors/timeouts/5xx)`,
  );
  if (failed + result.non2xx > 0) process.exitCode = 1;
}

const stack = await startStack();
try {
  console.log(`stack ready in ${stack.startupSeconds.toFixed(1)} s at ${stack.baseUrl}`);
  await measureFirstRequest(stack.baseUrl);
  const client = createClient(stack.baseUrl, fetch, { checkResponses: true });
  for (const c of CASES) await c.preflight(client);
  for (const c of CASES) await run(stack.baseUrl, c);
} finally {
  await stack.stop();
}
