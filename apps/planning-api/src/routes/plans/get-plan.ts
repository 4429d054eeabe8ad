import { savedPlanSchema } from '@gcp/contract';
import { notFound } from '@gcp/http';
import { defineRoute } from '../../define-route.js';
import { findPlanRow, toSavedPlan } from './plan-store.js';

export const unknownPlan = () => notFound('Unknown plan id.', [{ path: 'id', message: 'Unknown plan id' }]);

export const getPlanRoute = defineRoute({
  method: 'get',
  path: '/v1/plans/{id}',
  tag: 'plans',
  summary: 'One saved plan (public by link)',
  description: "Anyone with the id may read it; never returns the owner token. `stale: true` (with `staleReason`) when today's planner version differs.",
  responseSchema: savedPlanSchema,
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: { params: { id: 'q8Hm2XyN0b4T1cVw9LrA5g' } },
  handler: async ({ params }, c) => {
    const row = await findPlanRow(c.env.DB, params.id ?? '');
    if (row === undefined) throw unknownPlan();
    return toSavedPlan(row);
  },
});
