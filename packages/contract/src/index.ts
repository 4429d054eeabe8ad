/**
 * @gcp/contract — the API contract shared by the workers, the planning core and the page: the
 * valibot schema of every request and response, the planner bounds those schemas state, and the
 * types inferred from them. Depends on valibot only; the typed client is `@gcp/contract/client`.
 */
export * from './bounds.js';
export * from './formats.js';
export * from './errors.js';
export { FIELD_DESCRIPTIONS, UNIT_PATTERN } from './descriptions.js';
export { JSON_SCHEMA_OVERRIDE, jsonObjectSchema } from './json-object.js';
export { explanationSchema, explanationsSchema } from './explanations.js';
export {
  CONFIG_JSON_FIELDS,
  parseConfigField,
  type ConfigFieldResult,
  type ConfigJson,
  type ConfigJsonField,
  type ConfigJsonFieldOf,
  type ConfigJsonValue,
} from './config-json.js';
export {
  backendSchema,
  gpuIdSchema,
  kvFormatSchema,
  layoutSchema,
  modelSchema,
  precisionSchema,
  weightFormatSchema,
} from './inference/common.js';
export { kvCacheRequestSchema, kvCacheResponseSchema } from './inference/kv-cache.js';
export { throughputRequestSchema, throughputResponseSchema } from './inference/throughput.js';
export { inferencePlanRequestSchema } from './inference/plan-request.js';
export { inferencePlanResponseSchema } from './inference/plan-response.js';
export { gpuListResponseSchema, gpuResponseSchema } from './planning/gpus.js';
export { healthResponseSchema } from './planning/health.js';
export {
  analyzeModelRequestSchema,
  analyzeModelResponseSchema,
  modelAnalysisEntries,
  modelDetailResponseSchema,
  modelListResponseSchema,
  modelQuerySchema,
  sequenceLengthSchema,
} from './planning/models.js';
export {
  createdPlanSchema,
  createPlanRequestSchema,
  renamePlanRequestSchema,
  planListQuerySchema,
  planListResponseSchema,
  planSummarySchema,
  savedPlanSchema,
} from './planning/plans.js';
export {
  gridIntensitySchema,
  MAX_GRID_KG_CO2_PER_KWH,
  PIN_OR_CONSTRAIN_MESSAGE,
  positiveInt,
  trainingModelSchema,
  trainingLayoutConstraintsSchema,
  trainingParallelismSchema,
  trainingPlanRequestSchema,
} from './planning/training.js';
export { auditRequestSchema, auditResponseSchema, MAX_COST_GPU_COUNT, tcoRequestSchema, tcoResponseSchema } from './planning/cost.js';
export { programmeRequestSchema, programmeResponseSchema, rlRequestSchema, rlResponseSchema } from './planning/programme.js';
export { trainingPlanResponseSchema } from './planning/training-response.js';
export type * from './types.js';
export * from './calibration-band.js';
