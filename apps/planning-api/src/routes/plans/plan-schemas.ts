import { jsonObjectSchema } from '@gcp/http';
import * as v from 'valibot';

export const PLAN_KINDS = ['training', 'inference'] as const;
export const DEFAULT_PLAN_LIST_LIMIT = 20;
export const MAX_PLAN_LIST_LIMIT = 100;

const jsonObject = (what: string) => jsonObjectSchema(`${what} must be a JSON object`);

export const createPlanRequestSchema = v.strictObject({
  name: v.pipe(
    v.string('name must be a string'),
    v.minLength(1, 'name must not be empty'),
    v.maxLength(200, 'name must be at most 200 characters'),
  ),
  kind: v.picklist(PLAN_KINDS, 'kind must be "training" or "inference"'),
  /** The planner request that was (or will be) sent. */
  request: jsonObject('request'),
  /** The planner's answer, if the client kept it. */
  response: v.optional(v.nullable(jsonObject('response'))),
});

export type CreatePlanRequest = v.InferOutput<typeof createPlanRequestSchema>;

const planSummaryEntries = {
  id: v.string(),
  name: v.string(),
  kind: v.picklist(PLAN_KINDS),
  /** ISO-8601 UTC. */
  createdAt: v.string(),
};

export const savedPlanSchema = v.object({
  ...planSummaryEntries,
  request: v.record(v.string(), v.unknown()),
  response: v.nullable(v.record(v.string(), v.unknown())),
});

export type SavedPlan = v.InferOutput<typeof savedPlanSchema>;

export const planSummarySchema = v.object(planSummaryEntries);
export type PlanSummary = v.InferOutput<typeof planSummarySchema>;

export const planListResponseSchema = v.object({ plans: v.array(planSummarySchema) });

export const planListQuerySchema = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.digits('limit must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'limit must be at least 1'),
      v.maxValue(MAX_PLAN_LIST_LIMIT, `limit must be at most ${MAX_PLAN_LIST_LIMIT}`),
    ),
  ),
});
