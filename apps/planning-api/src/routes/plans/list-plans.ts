import { DEFAULT_PLAN_LIST_LIMIT, planListQuerySchema, planListResponseSchema } from '@gcp/contract';
import { defineRoute } from '../../define-route.js';
import { listPlanSummaries } from './plan-store.js';

export const listPlansRoute = defineRoute({
  method: 'get',
  path: '/v1/plans',
  tag: 'plans',
  summary: 'Saved plans, newest first',
  description: '`?limit=` (1-100, default 20).',
  querySchema: planListQuerySchema,
  responseSchema: planListResponseSchema,
  handler: async ({ query }, c) => ({ plans: await listPlanSummaries(c.env.DB, query.limit ?? DEFAULT_PLAN_LIST_LIMIT) }),
});
