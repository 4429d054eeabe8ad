import { renamePlanRequestSchema, savedPlanSchema } from '@gcp/contract';
import { defineRoute } from '../../define-route.js';
import { unknownPlan } from './get-plan.js';
import { assertOwner, requiredToken } from './owner-token.js';
import { findPlanRow, renamePlan, toSavedPlan } from './plan-store.js';

export const renamePlanRoute = defineRoute({
  method: 'patch',
  path: '/v1/plans/{id}',
  tag: 'plans',
  summary: 'Rename a saved plan (owner only)',
  description: "`{name}`; needs `Authorization: Bearer <ownerToken>`: 401 without, 403 with another owner's token.",
  requestSchema: renamePlanRequestSchema,
  responseSchema: savedPlanSchema,
  writes: true,
  errorStatuses: [401],
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: { params: { id: 'q8Hm2XyN0b4T1cVw9LrA5g' }, body: { name: 'Llama 3.1 8B, 1T tokens' } },
  auth: 'bearer',
  handler: async ({ body, params }, c) => {
    const token = requiredToken(c.req.header('authorization'));
    const row = await findPlanRow(c.env.DB, params.id ?? '');
    if (row === undefined) throw unknownPlan();
    await assertOwner(token, row.owner_token_hash);
    await renamePlan(c.env.DB, row.id, body.name);
    return toSavedPlan({ ...row, name: body.name });
  },
});
