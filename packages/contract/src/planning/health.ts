import * as v from 'valibot';

/** `GET /v1/health`: the worker answers and says which planner it runs (no planning, no storage). */
export const healthResponseSchema = v.object({
  status: v.literal('ok'),
  service: v.string(),
  plannerVersion: v.string(),
});
