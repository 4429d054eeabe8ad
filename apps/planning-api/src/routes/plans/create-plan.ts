import { createdPlanSchema, createPlanRequestSchema } from '@gcp/contract';
import { finiteJsonResponse } from '@gcp/http';
import { defineRoute } from '../../define-route.js';
import { hashOwnerToken, newOwnerToken, newPlanId, presentedToken } from './owner-token.js';
import { insertPlan } from './plan-store.js';

export const createPlanRoute = defineRoute({
  method: 'post',
  path: '/v1/plans',
  tag: 'plans',
  summary: 'Save a named plan',
  description:
    "Stores `{name, kind, request, response?}` with the planner version and the response's efficiency parameters; answers 201 with " +
    'the saved plan, its random id and `ownerToken`. Send `Authorization: Bearer <ownerToken>` to save under a token you hold ' +
    '(one per browser); without it a new token is made. Only its SHA-256 is stored.',
  requestSchema: createPlanRequestSchema,
  responseSchema: createdPlanSchema,
  successStatus: 201,
  writes: true,
  errorStatuses: [401],
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: {
    body: {
      name: 'Llama 3.1 8B on 64 H100',
      kind: 'training',
      request: { model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 64, tokens: 1e12, sequenceLength: 8192, precision: 'bf16' },
    },
  },
  auth: 'optional-bearer',
  handler: async ({ body }, c) => {
    const ownerToken = presentedToken(c.req.header('authorization')) ?? newOwnerToken();
    const plan = await insertPlan(c.env.DB, body, newPlanId(), await hashOwnerToken(ownerToken));
    return finiteJsonResponse({ ...plan, ownerToken }, 201, { location: `/v1/plans/${plan.id}`, 'cache-control': 'no-store' });
  },
});
