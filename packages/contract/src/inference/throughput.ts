import { explanationsSchema } from '../explanations.js';
import * as v from 'valibot';
import { calibrationSummarySchema } from '../calibration-band.js';
import { INFERENCE_BOUNDS as BOUNDS, MAX_SERVING_INSTANCE_GPUS } from '../bounds.js';
import { backendSchema, count, gpuIdSchema, layoutSchema, modelSchema, precisionSchema, unit } from './common.js';

/** POST /v1/inference/throughput body: one aggregated instance under a closed-loop load. */
export const throughputRequestSchema = v.strictObject({
  model: modelSchema,
  gpu: gpuIdSchema,
  gpuCount: count('gpuCount', MAX_SERVING_INSTANCE_GPUS, 'GPUs of the one instance'),
  precision: precisionSchema,
  inputTokens: count('inputTokens', BOUNDS.contextTokens, 'Prompt tokens per request'),
  outputTokens: count('outputTokens', BOUNDS.contextTokens, 'Generated tokens per request'),
  concurrency: count('concurrency', BOUNDS.concurrency, 'Requests in flight on the instance (closed loop)'),
  parallelism: v.optional(layoutSchema),
  prefixCacheHitRate: v.optional(unit('prefixCacheHitRate', 'Share of prompt tokens served from the prefix cache')),
  backend: v.optional(backendSchema),
});

export const throughputResponseSchema = v.looseObject({
  fits: v.boolean(),
  reasons: v.array(v.string()),
  maxConcurrency: v.number(),
  maxConcurrencyFullContext: v.number(),
  memoryPerGpuBytes: v.looseObject({ weights: v.number(), kvCache: v.number(), workspace: v.number(), total: v.number(), capacity: v.number() }),
  outputTokensPerSecondPerGpu: v.optional(v.number()),
  outputTokensPerSecondPerUser: v.optional(v.number()),
  ttftMs: v.optional(v.number()),
  tpotMs: v.optional(v.number()),
  queueWaitMs: v.optional(v.pipe(v.number(), v.description('Wait for a batch slot when concurrency exceeds the batch that fits, ms (included in ttftMs)'))),
  batch: v.optional(v.pipe(v.number(), v.description('Sequences decoded together, count'))),
  calibration: v.optional(calibrationSummarySchema),
  explanations: v.optional(explanationsSchema),
});
