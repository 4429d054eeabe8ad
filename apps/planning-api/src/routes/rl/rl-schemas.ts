import * as v from 'valibot';
import { positiveInt, trainingModelSchema } from '../training/training-schemas.js';

/** POST /v1/training/rl body: GRPO vs PPO for one policy and the same rollouts. */
export const rlRequestSchema = v.strictObject({
  model: trainingModelSchema,
  gpu: v.pipe(v.string('gpu must be a GPU id'), v.minLength(1), v.maxLength(100)),
  gpuCount: positiveInt('gpuCount', 100_000),
  promptsPerStep: positiveInt('promptsPerStep', 1_000_000),
  groupSize: positiveInt('groupSize', 1024),
  promptTokens: positiveInt('promptTokens', 1_000_000),
  responseTokens: positiveInt('responseTokens', 1_000_000),
  steps: positiveInt('steps', 10_000_000),
  criticModel: v.optional(trainingModelSchema),
  rewardModel: v.optional(v.nullable(trainingModelSchema)),
  referenceModel: v.optional(v.nullable(trainingModelSchema)),
  generationGpuShare: v.optional(v.pipe(v.number('generationGpuShare must be a number'), v.gtValue(0, 'generationGpuShare must be positive'), v.maxValue(1, 'generationGpuShare must be at most 1'))),
  miniBatchesPerStep: v.optional(positiveInt('miniBatchesPerStep', 1_000_000)),
  precision: v.optional(v.picklist(['fp8', 'bf16'], "precision must be 'fp8' or 'bf16'")),
  pricePerGpuHourUsd: v.optional(v.pipe(v.number(), v.minValue(0, 'pricePerGpuHourUsd must be ≥ 0'), v.maxValue(1e6))),
});

const algorithm = v.looseObject({ gpuHours: v.number(), wallClockHours: v.number(), costUsd: v.number(), stages: v.array(v.looseObject({ name: v.string(), gpuHours: v.number() })) });

export const rlResponseSchema = v.looseObject({
  grpo: algorithm, ppo: algorithm, ppoToGrpoCostRatio: v.number(),
  warnings: v.array(v.string()), assumptions: v.array(v.string()),
});
