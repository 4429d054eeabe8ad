import * as v from 'valibot';
import { MAX_PLAN_LIST_LIMIT, MAX_PLAN_NAME_LENGTH, PLAN_KINDS } from '../bounds.js';
import { jsonObjectSchema } from '../json-object.js';

const jsonObject = (what: string) => jsonObjectSchema(`${what} must be a JSON object`);

export const createPlanRequestSchema = v.strictObject({
  name: v.pipe(
    v.string('name must be a string'),
    v.minLength(1, 'name must not be empty'),
    v.maxLength(MAX_PLAN_NAME_LENGTH, `name must be at most ${MAX_PLAN_NAME_LENGTH} characters`),
  ),
  kind: v.picklist(PLAN_KINDS, 'kind must be "training" or "inference"'),
  /** The planner request that was (or will be) sent. */
  request: jsonObject('request'),
  /** The planner's answer, if the client kept it. */
  response: v.optional(v.nullable(jsonObject('response'))),
});

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

export const planSummarySchema = v.object(planSummaryEntries);
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
