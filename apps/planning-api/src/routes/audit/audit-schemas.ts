import { jsonObjectSchema } from '@gcp/http';
import * as v from 'valibot';
import { MAX_COST_GPU_COUNT } from '../cost/tco-schemas.js';

/** POST /v1/audit body: a published training claim. Exactly one of days and gpuHours. */
export const auditRequestSchema = v.strictObject({
  model: v.union(
    [v.pipe(v.string(), v.minLength(1, 'model must not be empty'), v.maxLength(200)), v.strictObject({ config: jsonObjectSchema('model.config must be a JSON object (the contents of config.json)') })],
    'model must be a catalog id or {"config": {...}}',
  ),
  tokens: v.pipe(v.number('tokens must be a number'), v.gtValue(0, 'tokens must be positive'), v.maxValue(1e18, 'tokens must be at most 1e18'), v.description('Training tokens claimed')),
  gpu: v.pipe(v.string('gpu must be a GPU id'), v.minLength(1), v.maxLength(100), v.description('GPU id from GET /v1/gpus')),
  gpuCount: v.pipe(v.number('gpuCount must be a number'), v.integer('gpuCount must be a whole number'), v.minValue(1, 'gpuCount must be at least 1'), v.maxValue(MAX_COST_GPU_COUNT, `gpuCount must be at most ${MAX_COST_GPU_COUNT}`), v.description('GPUs claimed')),
  precision: v.optional(v.picklist(['fp8', 'bf16'], "precision must be 'fp8' or 'bf16'")),
  sequenceLength: v.optional(v.pipe(v.number('sequenceLength must be a number'), v.integer('sequenceLength must be a whole number'), v.minValue(1, 'sequenceLength must be at least 1'), v.maxValue(10_000_000, 'sequenceLength must be at most 10000000'), v.description('Training sequence length (default 4096)'))),
  globalBatchTokens: v.optional(v.pipe(v.number('globalBatchTokens must be a number'), v.gtValue(0, 'globalBatchTokens must be positive'), v.maxValue(1e12, 'globalBatchTokens must be at most 1e12'), v.description('Tokens per step of the claimed run, for the planner\'s prediction'))),
  days: v.optional(v.pipe(v.number('days must be a number'), v.gtValue(0, 'days must be positive'), v.maxValue(36_500, 'days must be at most 36500'), v.description('Claimed wall-clock days'))),
  gpuHours: v.optional(v.pipe(v.number('gpuHours must be a number'), v.gtValue(0, 'gpuHours must be positive'), v.maxValue(1e12, 'gpuHours must be at most 1e12'), v.description('Claimed GPU-hours'))),
  costUsd: v.optional(v.pipe(v.number('costUsd must be a number'), v.gtValue(0, 'costUsd must be positive'), v.maxValue(1e13, 'costUsd must be at most 1e13'), v.description('Claimed cost, USD'))),
});

export const auditResponseSchema = v.looseObject({
  verdict: v.picklist(['plausible', 'optimistic', 'physically impossible']),
  reasons: v.array(v.string()),
  gpuHours: v.number(), wallClockDays: v.number(),
  impliedTokensPerSecondPerGpu: v.number(), impliedMfu: v.number(), shareOfPrecisionPeak: v.number(),
  predicted: v.optional(v.looseObject({ gpuHours: v.number(), tokensPerSecondPerGpu: v.number(), claimedToPredictedSpeed: v.number() })),
  impliedUsdPerGpuHour: v.optional(v.number()),
  leftOut: v.array(v.looseObject({ item: v.string(), estimateUsd: v.number(), source: v.string() })),
  rentalPrice: v.looseObject({ usdPerGpuHour: v.number(), kind: v.string(), source: v.string() }),
});
