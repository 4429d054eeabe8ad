import { jsonObjectSchema } from '@gcp/http';
import * as v from 'valibot';

export const positiveInt = (field: string, max: number) => v.pipe(
  v.number(`${field} must be a number`),
  v.integer(`${field} must be a whole number`),
  v.minValue(1, `${field} must be at least 1`),
  v.maxValue(max, `${field} must be at most ${max}`),
);

const finiteNumber = (field: string) => v.pipe(v.number(`${field} must be a number`), v.finite(`${field} must be finite`));

export const parallelismSchema = v.strictObject({
  tp: positiveInt('tp', 1024),
  pp: positiveInt('pp', 4096),
  dp: positiveInt('dp', 1_000_000),
  ep: positiveInt('ep', 1_000_000),
  cp: v.optional(positiveInt('cp', 4096)),
  zero: v.optional(v.picklist([0, 1, 2, 3], 'zero must be 0, 1, 2 or 3')),
  microBatchSize: v.optional(positiveInt('microBatchSize', 4096)),
  schedule: v.optional(v.picklist(['1f1b', 'interleaved', 'zerobubble', 'dualpipe'], "schedule must be '1f1b', 'interleaved', 'zerobubble' or 'dualpipe'")),
  virtualStages: v.optional(positiveInt('virtualStages', 1024)),
  recompute: v.optional(v.picklist(['none', 'selective', 'full'], "recompute must be 'none', 'selective' or 'full'")),
});

/** POST /v1/training/plan body. Megatron layout: tp × pp × dp (× cp) = gpuCount, ep divides tp × dp. */
/** `model`: a catalog id or a pasted config.json. */
export const trainingModelSchema = v.union(
  [v.pipe(v.string(), v.minLength(1, 'model must not be empty'), v.maxLength(200)), v.strictObject({ config: jsonObjectSchema('model.config must be a JSON object (the contents of config.json)') })],
  'model must be a catalog id or {"config": {...}}',
);

export const trainingPlanRequestSchema = v.strictObject({
  model: trainingModelSchema,
  gpu: v.pipe(v.string('gpu must be a GPU id'), v.minLength(1), v.maxLength(100)),
  gpuCount: positiveInt('gpuCount', 1_000_000),
  tokens: v.pipe(finiteNumber('tokens'), v.gtValue(0, 'tokens must be positive'), v.maxValue(1e18, 'tokens must be at most 1e18')),
  sequenceLength: positiveInt('sequenceLength', 10_000_000),
  globalBatchTokens: v.optional(v.pipe(finiteNumber('globalBatchTokens'), v.minValue(1, 'globalBatchTokens must be positive'), v.maxValue(1e12))),
  precision: v.picklist(['fp8', 'bf16'], "precision must be 'fp8' or 'bf16'"),
  parallelism: v.optional(parallelismSchema),
  pricePerGpuHourUsd: v.optional(v.pipe(finiteNumber('pricePerGpuHourUsd'), v.minValue(0, 'pricePerGpuHourUsd must be ≥ 0'), v.maxValue(1e6))),
  optimizerStatePrecision: v.optional(v.picklist(['fp32', 'bf16'], "optimizerStatePrecision must be 'fp32' or 'bf16'")),
  alternatives: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20))),
});

export type TrainingPlanRequestBody = v.InferOutput<typeof trainingPlanRequestSchema>;

const layoutSchema = v.looseObject({
  tp: v.number(), cp: v.number(), pp: v.number(), dp: v.number(), ep: v.number(), zero: v.number(),
  microBatchSize: v.number(), schedule: v.string(), virtualStages: v.number(), recompute: v.string(),
});

/**
 * 200 for every plannable request. `feasible: false` (with `fits: false` and `reasons`) when no
 * layout fits in HBM: the closest layout is returned with its memory breakdown.
 */
export const trainingPlanResponseSchema = v.looseObject({
  feasible: v.boolean(),
  fits: v.boolean(),
  reasons: v.array(v.string()),
  /** Inputs that waste the cluster (a global batch too small for the GPU count, a pinned layout far from the best); [] when none. */
  warnings: v.array(v.string()),
  gpuHours: v.number(),
  wallClockDays: v.number(),
  costUsd: v.number(),
  tokensPerSecondPerGpu: v.number(),
  stepTimeSeconds: v.number(),
  mfu: v.number(),
  mfuBasis: v.string(),
  parallelism: layoutSchema,
  memoryPerGpuBytes: v.looseObject({
    total: v.number(), weights: v.number(), fp8WeightCopies: v.number(), gradients: v.number(),
    optimizerStates: v.number(), activations: v.number(), transient: v.number(),
  }),
  timeBreakdown: v.looseObject({
    compute: v.number(), pipelineBubble: v.number(), optimizerStep: v.number(), overlappedCommunication: v.number(),
    exposedCommunication: v.looseObject({ tensorParallel: v.number(), contextParallel: v.number(), expertAllToAll: v.number(), pipelineSend: v.number(), dataParallel: v.number() }),
  }),
  bottleneck: v.string(),
  alternatives: v.array(v.looseObject({ parallelism: layoutSchema, stepTimeSeconds: v.number(), gpuHours: v.number() })),
  rejectedLayouts: v.record(v.string(), v.number()),
  efficiencyParameters: v.record(v.string(), v.number()),
  assumptions: v.array(v.string()),
});
