import type * as v from 'valibot';
import type { explanationSchema, explanationsSchema } from './explanations.js';
import type { kvFormatSchema, layoutSchema, modelSchema, precisionSchema } from './inference/common.js';
import type { kvCacheRequestSchema, kvCacheResponseSchema } from './inference/kv-cache.js';
import type { inferencePlanRequestSchema } from './inference/plan-request.js';
import type { inferencePlanResponseSchema } from './inference/plan-response.js';
import type { throughputRequestSchema, throughputResponseSchema } from './inference/throughput.js';
import type { gpuListResponseSchema, gpuResponseSchema } from './planning/gpus.js';
import type { healthResponseSchema } from './planning/health.js';
import type {
  analyzeModelRequestSchema,
  analyzeModelResponseSchema,
  modelDetailResponseSchema,
  modelListResponseSchema,
  modelQuerySchema,
} from './planning/models.js';
import type {
  createdPlanSchema,
  createPlanRequestSchema,
  renamePlanRequestSchema,
  planListQuerySchema,
  planListResponseSchema,
  planSummarySchema,
  savedPlanSchema,
} from './planning/plans.js';
import type { trainingLayoutConstraintsSchema, trainingParallelismSchema, trainingPlanRequestSchema } from './planning/training.js';
import type { trainingPlanResponseSchema } from './planning/training-response.js';
import type { auditRequestSchema, auditResponseSchema, tcoRequestSchema, tcoResponseSchema } from './planning/cost.js';
import type { programmeRequestSchema, programmeResponseSchema, rlRequestSchema, rlResponseSchema } from './planning/programme.js';

/*
 * Types of every request and response. `…Request` / `…Query` are the schema's output (what a
 * handler and the planner receive once validated); `…Input` where the input differs (query
 * strings, converted to numbers by the schema). Responses are loose: they list what the API
 * guarantees; planners may add fields.
 */

// --- `explanations` of the planning responses
export type Explanation = v.InferOutput<typeof explanationSchema>;
export type Explanations = v.InferOutput<typeof explanationsSchema>;

// --- GET /v1/gpus, GET /v1/gpus/{id}
export type GpuResponse = v.InferOutput<typeof gpuResponseSchema>;
export type GpuListResponse = v.InferOutput<typeof gpuListResponseSchema>;
export type HealthResponse = v.InferOutput<typeof healthResponseSchema>;

// --- GET /v1/models, GET /v1/models/{id}, POST /v1/models/analyze
export type ModelListResponse = v.InferOutput<typeof modelListResponseSchema>;
export type ModelQuery = v.InferOutput<typeof modelQuerySchema>;
export type ModelQueryInput = v.InferInput<typeof modelQuerySchema>;
export type ModelDetailResponse = v.InferOutput<typeof modelDetailResponseSchema>;
export type AnalyzeModelRequest = v.InferOutput<typeof analyzeModelRequestSchema>;
export type AnalyzeModelResponse = v.InferOutput<typeof analyzeModelResponseSchema>;

// --- POST /v1/training/plan
export type TrainingPlanRequest = v.InferOutput<typeof trainingPlanRequestSchema>;
export type TrainingParallelism = v.InferOutput<typeof trainingParallelismSchema>;
export type TrainingLayoutConstraints = v.InferOutput<typeof trainingLayoutConstraintsSchema>;
export type TrainingPlanResponse = v.InferOutput<typeof trainingPlanResponseSchema>;

// --- POST /v1/plans, GET /v1/plans, GET / PATCH / DELETE /v1/plans/{id}
export type CreatePlanRequest = v.InferOutput<typeof createPlanRequestSchema>;
export type SavedPlan = v.InferOutput<typeof savedPlanSchema>;
export type CreatedPlan = v.InferOutput<typeof createdPlanSchema>;
export type RenamePlanRequest = v.InferOutput<typeof renamePlanRequestSchema>;
export type PlanSummary = v.InferOutput<typeof planSummarySchema>;
export type PlanListQuery = v.InferOutput<typeof planListQuerySchema>;
export type PlanListQueryInput = v.InferInput<typeof planListQuerySchema>;
export type PlanListResponse = v.InferOutput<typeof planListResponseSchema>;

// --- POST /v1/inference/kv-cache, /throughput, /plan
/** `model` of an inference request: a catalog id or `{ config: <config.json> }`. */
export type ModelInput = v.InferOutput<typeof modelSchema>;
export type ServingPrecision = v.InferOutput<typeof precisionSchema>;
export type ServingLayout = v.InferOutput<typeof layoutSchema>;
export type KvCacheFormat = v.InferOutput<typeof kvFormatSchema>;
export type KvCacheRequest = v.InferOutput<typeof kvCacheRequestSchema>;
export type KvCacheResponse = v.InferOutput<typeof kvCacheResponseSchema>;
export type ThroughputRequest = v.InferOutput<typeof throughputRequestSchema>;
export type ThroughputResponse = v.InferOutput<typeof throughputResponseSchema>;
export type InferencePlanRequest = v.InferOutput<typeof inferencePlanRequestSchema>;
export type InferenceWorkload = InferencePlanRequest['workload'];
export type InferenceDeployment = NonNullable<InferencePlanRequest['deployment']>;
export type InferencePlanResponse = v.InferOutput<typeof inferencePlanResponseSchema>;

// --- POST /v1/training/program, /v1/training/rl
export type TrainingProgrammeRequestBody = v.InferOutput<typeof programmeRequestSchema>;
export type TrainingProgrammeResponse = v.InferOutput<typeof programmeResponseSchema>;
export type RlRequest = v.InferOutput<typeof rlRequestSchema>;
export type RlResponse = v.InferOutput<typeof rlResponseSchema>;

// --- POST /v1/cost/tco, /v1/audit
export type TcoRequest = v.InferOutput<typeof tcoRequestSchema>;
export type TcoResponse = v.InferOutput<typeof tcoResponseSchema>;
export type AuditRequestBody = v.InferOutput<typeof auditRequestSchema>;
export type AuditResponse = v.InferOutput<typeof auditResponseSchema>;
