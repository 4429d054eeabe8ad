import { auditRequestSchema, auditResponseSchema } from '@gcp/contract';
import { auditTrainingClaim } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const auditRoute = defineRoute({
  method: 'post',
  path: '/v1/audit',
  tag: 'cost',
  summary: "Audit a published training claim: implied throughput and MFU, the planner's prediction, a verdict, what the cost leaves out",
  description:
    "From `tokens`, `gpuCount` and `days` or `gpuHours`: implied tokens/s per GPU, implied MFU (model FLOPs per token × tokens/s ÷ dense BF16 peak), the share of the dense peak of the precision used (above 100% is `physically impossible`; an FP8 run may exceed 100% of BF16 peak), the training planner's own prediction for the claim and the ratio (`optimistic` beyond 1.3× it, or above 60% MFU), and `leftOut`: capex, power, experiments and staff with default estimates and their sources.",
  requestSchema: auditRequestSchema,
  responseSchema: auditResponseSchema,
  errorStatuses: [422],
  // a pure function of the validated body: repeats are answered from the response cache
  cacheable: true,
  // an expensive search: counted against the per-client SEARCH_RATE_LIMITER (wrangler.jsonc)
  rateLimit: 'searches',
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {
    body: {
      model: 'deepseek-v3',
      tokens: 14.8e12,
      gpu: 'h800',
      gpuCount: 2048,
      precision: 'fp8',
      sequenceLength: 4096,
      globalBatchTokens: 62914560,
      gpuHours: 2.664e6,
      costUsd: 5.328e6,
    },
  },
  // the core's PlannerInputError: 'invalid' 400, 'unknown' / 'unsupported' 422 (src/core-errors.ts)
  handler: ({ body }) => auditTrainingClaim(body),
});
