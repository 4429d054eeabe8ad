import { savedPlanSchema } from '@gcp/contract';
import { notFound } from '@gcp/http';
import { defineRoute } from '../../define-route.js';
import { findPlan } from './plan-store.js';

export const getPlanRoute = defineRoute({
  method: 'get',
  path: '/v1/plans/{id}',
  tag: 'plans',
  summary: 'One saved plan',
  responseSchema: savedPlanSchema,
  handler: async ({ params }, c) => {
    const plan = await findPlan(c.env.DB, params.id ?? '');
    if (plan === undefined) throw notFound('Unknown plan id.', [{ path: 'id', message: 'Unknown plan id' }]);
    return plan;
  },
});
