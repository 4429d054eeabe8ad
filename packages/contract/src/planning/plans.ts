import * as v from 'valibot';
import { MAX_PLAN_LIST_LIMIT, MAX_PLAN_NAME_LENGTH, PLAN_KINDS } from '../bounds.js';
import { jsonObjectSchema } from '../json-object.js';

const jsonObject = (what: string) => jsonObjectSchema(`${what} must be a JSON object`);

const planNameSchema = v.pipe(
  v.string('name must be a string'),
  v.minLength(1, 'name must not be empty'),
  v.maxLength(MAX_PLAN_NAME_LENGTH, `name must be at most ${MAX_PLAN_NAME_LENGTH} characters`),
);

/**
 * `POST /v1/plans`. Send `Authorization: Bearer <ownerToken>` to save under a token you
 * already hold (one per browser); without it the server makes a new token.
 */
export const createPlanRequestSchema = v.strictObject({
  name: planNameSchema,
  kind: v.picklist(PLAN_KINDS, 'kind must be "training" or "inference"'),
  /** The planner request that was (or will be) sent. */
  request: jsonObject('request'),
  /** The planner's answer, if the client kept it. */
  response: v.optional(v.nullable(jsonObject('response'))),
});

/** `PATCH /v1/plans/{id}` (owner only): rename. */
export const renamePlanRequestSchema = v.strictObject({ name: planNameSchema });

const planSummaryEntries = {
  /** Random, 128 bits, base64url (22 characters): not enumerable. */
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
  /** The planner version (`@gcp/core` PLANNER_VERSION) it was saved under; null for plans saved before versions were kept. */
  plannerVersion: v.nullable(v.string()),
  /** The efficiency parameters its response was computed with (the response's `efficiencyParameters`), if any. */
  efficiencyParameters: v.nullable(v.record(v.string(), v.number())),
  /** True when today's planner version differs: recomputing may answer differently. */
  stale: v.boolean(),
  /** Why it is stale (null when it is not). */
  staleReason: v.nullable(v.string()),
});

/** `POST /v1/plans` → 201: the saved plan and the owner token (shown once; keep it to list, rename or delete). */
export const createdPlanSchema = v.object({
  ...savedPlanSchema.entries,
  /** Secret: 256 bits, base64url (43 characters). The server keeps only its SHA-256. */
  ownerToken: v.string(),
});

export const planSummarySchema = v.object(planSummaryEntries);
export const planListResponseSchema = v.object({ plans: v.array(planSummarySchema) });

export const planListQuerySchema = v.strictObject({
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
