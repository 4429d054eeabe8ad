import { healthResponseSchema } from '@gcp/contract';
import { PLANNER_VERSION } from '@gcp/core';
import { defineRoute } from '../../define-route.js';

/**
 * The lightest route: no planning, no storage. A liveness check for a deploy, and the baseline
 * `npm run load` measures every other endpoint against in the same run.
 */
export const healthRoute = defineRoute({
  method: 'get',
  path: '/v1/health',
  tag: 'health',
  summary: 'The planning worker is up',
  description: 'Answers at once, without planning or storage, with the planner version this worker runs.',
  responseSchema: healthResponseSchema,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {},
  handler: () => ({ status: 'ok' as const, service: 'planning-api', plannerVersion: PLANNER_VERSION }),
});
