import { throughputRequestSchema, throughputResponseSchema } from '@gcp/contract';
import { estimateThroughput } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const throughputRoute = defineRoute({
  method: 'post',
  path: '/v1/inference/throughput',
  tag: 'inference',
  summary: 'Throughput and latency of one aggregated serving instance',
  description:
    '`concurrency` = sequences in flight on the whole instance (closed loop). A deployment that does not fit answers 200 with `fits: false` and `reasons`; numbers that cannot be computed are left out. FP8 weights on a chip without FP8 tensor cores are served as weight-only quantisation (BF16 compute).',
  requestSchema: throughputRequestSchema,
  responseSchema: throughputResponseSchema,
  // a pure function of the validated body: repeats are answered from the response cache
  cacheable: true,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {
    body: {
      model: 'llama-3.1-70b',
      gpu: 'h100',
      gpuCount: 4,
      precision: { weights: 'fp8', kvCache: 'fp8' },
      inputTokens: 2048,
      outputTokens: 512,
      concurrency: 32,
    },
  },
  handler: ({ body }) => estimateThroughput(body),
});
