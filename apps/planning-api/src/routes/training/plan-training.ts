import { trainingPlanRequestSchema, trainingPlanResponseSchema } from '@gcp/contract';
import { planTraining } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const planTrainingRoute = defineRoute({
  method: 'post',
  path: '/v1/training/plan',
  tag: 'training',
  summary: 'Plan a pre-training run (layout search, step time, GPU-hours, cost, MFU, memory)',
  description: [
    'Body: model (catalog id or {"config": {...}}), gpu id, gpuCount, tokens (> 0), sequenceLength, optional globalBatchTokens, precision fp8|bf16,',
    'optional parallelism {tp, pp, dp, ep, cp?, zero?, microBatchSize?, schedule?, virtualStages?, recompute?} (tp×pp×dp×cp = gpuCount, ep divides tp×dp;',
    'unset optional fields are searched), optional pricePerGpuHourUsd (default $2).',
    'Without parallelism every valid layout is searched and the fastest that fits is returned with alternatives and rejection counts.',
    'A layout that does not fit answers 200 with fits: false and reasons; when no layout fits at all the answer is 200 with feasible: false',
    '(the closest layout and its memory breakdown). Bad input answers 400 naming the field (FP8 on a GPU without FP8 included);',
    'unknown model/GPU ids and requests no layout can satisfy structurally answer 422.',
    'warnings lists inputs that waste the cluster: a global batch too small for the GPU count (naming a batch that recovers the throughput),',
    'a pinned layout much slower than the searched one, or one whose pipeline bubble and exposed communication exceed half the step.',
  ].join(' '),
  requestSchema: trainingPlanRequestSchema,
  responseSchema: trainingPlanResponseSchema,
  errorStatuses: [422],
  // a pure function of the validated body: repeats are answered from the response cache
  cacheable: true,
  // an expensive search: counted against the per-client SEARCH_RATE_LIMITER (wrangler.jsonc)
  rateLimit: 'searches',
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: { body: { model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 64, tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 4194304, precision: 'bf16' } },
  // the core's PlannerInputError: 'invalid' 400, 'unknown' / 'unsupported' 422 (src/core-errors.ts)
  handler: ({ body }) => planTraining(body),
});
