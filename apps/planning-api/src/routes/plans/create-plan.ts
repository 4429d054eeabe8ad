import { createPlanRequestSchema, savedPlanSchema } from '@gcp/contract';
import { finiteJsonResponse } from '@gcp/http';
import { defineRoute } from '../../define-route.js';
import { insertPlan } from './plan-store.js';

export const createPlanRoute = defineRoute({
  method: 'post',
  path: '/v1/plans',
  tag: 'plans',
  summary: 'Save a named plan',
  description: 'Stores `{name, kind, request, response?}`; answers 201 with the saved plan and its id.',
  requestSchema: createPlanRequestSchema,
  responseSchema: savedPlanSchema,
  successStatus: 201,
  handler: async ({ body }, c) => {
    const plan = await insertPlan(c.env.DB, body);
    return finiteJsonResponse(plan, 201, { location: `/v1/plans/${plan.id}` });
  },
});
