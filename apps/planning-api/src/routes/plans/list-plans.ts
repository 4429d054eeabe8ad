import { DEFAULT_PLAN_LIST_LIMIT, planListQuerySchema, planListResponseSchema } from '@gcp/contract';
import { defineRoute } from '../../define-route.js';
import { hashOwnerToken, requiredToken } from './owner-token.js';
import { listPlanSummaries } from './plan-store.js';

export const listPlansRoute = defineRoute({
  method: 'get',
  path: '/v1/plans',
  tag: 'plans',
  summary: "The presented owner token's saved plans, newest first",
  description: 'Needs `Authorization: Bearer <ownerToken>` (401 without). `?limit=` (1-100, default 20).',
  querySchema: planListQuerySchema,
  responseSchema: planListResponseSchema,
  errorStatuses: [401],
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: { query: { limit: '20' } },
  auth: 'bearer',
  handler: async ({ query }, c) => {
    const ownerHash = await hashOwnerToken(requiredToken(c.req.header('authorization')));
    return { plans: await listPlanSummaries(c.env.DB, ownerHash, query.limit ?? DEFAULT_PLAN_LIST_LIMIT) };
  },
});
