import { rlRequestSchema, rlResponseSchema } from '@gcp/contract';
import { planRlPostTraining } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const rlRoute = defineRoute({
  method: 'post',
  path: '/v1/training/rl',
  tag: 'training',
  summary: 'RL post-training cost: GRPO vs PPO for the same policy and rollouts, by stage',
  description:
    "Rollout generation priced from the inference planner, reference / reward forwards and the policy update from the training planner; PPO adds a critic (default: the policy's size) run forward on every rollout and trained each step. Synchronous RL: a step lasts generation + training; GPU-hours = all GPUs × wall-clock. `ppoToGrpoCostRatio` and each algorithm's `stages` show where the difference comes from.",
  requestSchema: rlRequestSchema,
  responseSchema: rlResponseSchema,
  errorStatuses: [422],
  // a pure function of the validated body: repeats are answered from the response cache
  cacheable: true,
  // an expensive search: counted against the per-client SEARCH_RATE_LIMITER (wrangler.jsonc)
  rateLimit: 'searches',
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {
    body: { model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 16, promptsPerStep: 64, groupSize: 8, promptTokens: 256, responseTokens: 1024, steps: 100 },
  },
  // the core's PlannerInputError: 'invalid' 400, 'unknown' / 'unsupported' 422 (src/core-errors.ts)
  handler: ({ body }) => planRlPostTraining(body),
});
