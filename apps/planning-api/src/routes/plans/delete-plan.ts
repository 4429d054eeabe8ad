import { defineRoute } from '../../define-route.js';
import { unknownPlan } from './get-plan.js';
import { assertOwner, requiredToken } from './owner-token.js';
import { deletePlan, findPlanRow } from './plan-store.js';

export const deletePlanRoute = defineRoute({
  method: 'delete',
  path: '/v1/plans/{id}',
  tag: 'plans',
  summary: 'Delete a saved plan (owner only)',
  description: "Needs `Authorization: Bearer <ownerToken>`: 401 without, 403 with another owner's token; 204 when gone.",
  successStatus: 204,
  writes: true,
  errorStatuses: [401],
  // a request that succeeds: documented in OpenAPI and sent by the worker's OpenAPI test
  example: { params: { id: 'q8Hm2XyN0b4T1cVw9LrA5g' } },
  auth: 'bearer',
  handler: async ({ params }, c) => {
    const token = requiredToken(c.req.header('authorization'));
    const row = await findPlanRow(c.env.DB, params.id ?? '');
    if (row === undefined) throw unknownPlan();
    await assertOwner(token, row.owner_token_hash);
    await deletePlan(c.env.DB, row.id);
    return new Response(null, { status: 204 });
  },
});
