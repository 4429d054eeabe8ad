import { programmeRequestSchema, programmeResponseSchema } from '@gcp/contract';
import { planTrainingProgramme } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const programmeRoute = defineRoute({
  method: 'post',
  path: '/v1/training/program',
  tag: 'training',
  summary: 'A whole training programme: each phase planned at its own sequence length and batch, and the totals',
  description:
    'Phases (pre-training, context extension, SFT, …) run one after another on the same GPUs; each is planned like POST /v1/training/plan (layout searched unless pinned) from `tokens` or `steps` × batch. Totals: GPU-hours, wall-clock days, cost and energy (GPU mean draw × server factor × PUE).',
  requestSchema: programmeRequestSchema,
  responseSchema: programmeResponseSchema,
  errorStatuses: [422],
  // a pure function of the validated body: repeats are answered from the response cache
  cacheable: true,
  // an expensive search: counted against the per-client SEARCH_RATE_LIMITER (wrangler.jsonc)
  rateLimit: 'searches',
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {
    body: {
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 64,
      precision: 'bf16',
      phases: [
        { name: 'pre-training', tokens: 1e12, sequenceLength: 8192, globalBatchTokens: 16777216 },
        { name: 'long context', steps: 100, sequenceLength: 32768, batchSequences: 256 },
      ],
    },
  },
  // the core's PlannerInputError: 'invalid' 400, 'unknown' / 'unsupported' 422 (src/core-errors.ts)
  handler: ({ body }) => planTrainingProgramme(body),
});
