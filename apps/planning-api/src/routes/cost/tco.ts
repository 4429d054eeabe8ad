import { tcoRequestSchema, tcoResponseSchema } from '@gcp/contract';
import { planOwnership } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

export const tcoRoute = defineRoute({
  method: 'post',
  path: '/v1/cost/tco',
  tag: 'cost',
  summary: 'Own vs rent: effective USD per GPU-hour both ways, capex, breakdown, sensitivity, break-even',
  description:
    "Owning: capex (servers, network, storage) depreciated straight-line, power (GPU mean draw × server factor × PUE × $/kWh), facility and staff, over the useful GPU-hours (owned hours × lifetime utilisation). Renting: the price per GPU-hour (default from the GPU's price file, named in `rentalPrice`). `run.gpuHours` costs a run both ways, and with the experiment multiplier. Every default appears in `assumptions` with its source.",
  requestSchema: tcoRequestSchema,
  responseSchema: tcoResponseSchema,
  errorStatuses: [422],
  // a pure function of the validated body: repeats are answered from the response cache
  cacheable: true,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: { body: { gpu: 'h800', gpuCount: 2048, run: { gpuHours: 2.788e6 } } },
  // the core's PlannerInputError: 'invalid' 400, 'unknown' / 'unsupported' 422 (src/core-errors.ts)
  handler: ({ body }) => planOwnership(body),
});
