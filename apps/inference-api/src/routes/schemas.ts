import { jsonObjectSchema } from '@gcp/http';
import * as v from 'valibot';

/** `model`: a catalog id or `{ "config": <config.json> }`. */
export const modelSchema = v.union([
  v.pipe(v.string(), v.minLength(1)),
  v.strictObject({ config: jsonObjectSchema('model.config must be a JSON object (the contents of config.json)') }),
], 'model must be a catalog model id or {"config": {...}}');

const count = (name: string) => v.pipe(v.number(`${name} must be a number`), v.integer(`${name} must be a whole number`), v.minValue(1, `${name} must be at least 1`));
const positive = (name: string) => v.pipe(v.number(`${name} must be a number`), v.minValue(Number.MIN_VALUE, `${name} must be positive`));
const unit = (name: string) => v.pipe(v.number(`${name} must be a number`), v.minValue(0, `${name} must be ≥ 0`), v.maxValue(1, `${name} must be ≤ 1`));

export const weightFormat = v.picklist(['bf16', 'fp16', 'fp8', 'int8', 'int4', 'mxfp4', 'nvfp4'], 'precision.weights must be one of bf16, fp16, fp8, int8, int4, mxfp4, nvfp4');
export const kvFormat = v.picklist(['bf16', 'fp16', 'fp8', 'int8', 'int4'], 'KV-cache precision must be one of bf16, fp16, fp8, int8, int4');
export const precisionSchema = v.strictObject({ weights: weightFormat, kvCache: v.optional(kvFormat) });

export const layoutSchema = v.strictObject({
  attentionTp: count('attentionTp'), attentionDp: count('attentionDp'), moeTp: count('moeTp'), moeEp: count('moeEp'),
  pp: v.optional(count('pp')), redundantExperts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export const kvCacheRequestSchema = v.strictObject({
  model: modelSchema,
  contextTokens: count('contextTokens'),
  kvCacheDtype: v.optional(kvFormat),
  kvCacheBits: v.optional(v.pipe(v.number(), v.minValue(1, 'kvCacheBits must be at least 1'), v.maxValue(32, 'kvCacheBits must be at most 32'))),
  concurrency: v.optional(count('concurrency')),
});

export const kvCacheResponseSchema = v.looseObject({
  bytesPerElement: v.number(), bytesPerToken: v.number(), bytesPerSequence: v.number(), totalBytes: v.number(), concurrency: v.number(),
});

export const throughputRequestSchema = v.strictObject({
  model: modelSchema,
  gpu: v.string(),
  gpuCount: count('gpuCount'),
  precision: precisionSchema,
  inputTokens: count('inputTokens'),
  outputTokens: count('outputTokens'),
  concurrency: count('concurrency'),
  parallelism: v.optional(layoutSchema),
  prefixCacheHitRate: v.optional(unit('prefixCacheHitRate')),
  backend: v.optional(v.string()),
});

export const throughputResponseSchema = v.looseObject({
  fits: v.boolean(), reasons: v.array(v.string()), maxConcurrency: v.number(),
  memoryPerGpuBytes: v.looseObject({ weights: v.number(), kvCache: v.number(), total: v.number(), capacity: v.number() }),
  outputTokensPerSecondPerGpu: v.optional(v.number()), outputTokensPerSecondPerUser: v.optional(v.number()),
  ttftMs: v.optional(v.number()), tpotMs: v.optional(v.number()),
});

export const planRequestSchema = v.strictObject({
  model: modelSchema,
  gpu: v.string(),
  precision: precisionSchema,
  workload: v.strictObject({
    inputTokensPerDay: positive('workload.inputTokensPerDay'),
    cacheHitRate: v.optional(unit('workload.cacheHitRate')),
    outputTokensPerDay: positive('workload.outputTokensPerDay'),
    averageContextTokens: v.optional(positive('workload.averageContextTokens')),
    peakToAverage: v.optional(v.pipe(v.number(), v.minValue(1, 'workload.peakToAverage must be at least 1'))),
    // aggregated mode's mean request; default: prompt = averageContextTokens, output from the daily output ÷ input volumes
    averageInputTokens: v.optional(positive('workload.averageInputTokens')),
    averageOutputTokens: v.optional(positive('workload.averageOutputTokens')),
  }),
  slo: v.optional(v.strictObject({ minOutputTokensPerSecondPerUser: v.optional(positive('slo.minOutputTokensPerSecondPerUser')), maxTtftMs: v.optional(positive('slo.maxTtftMs')) })),
  pricePerGpuHourUsd: v.optional(positive('pricePerGpuHourUsd')),
  deployment: v.optional(v.strictObject({
    // disaggregated (default): prefill + decode pools; aggregated: one pool doing both; auto: both sized, the cheaper feasible one answers
    mode: v.optional(v.picklist(['disaggregated', 'aggregated', 'auto'], 'deployment.mode must be one of disaggregated, aggregated, auto')),
    prefill: v.optional(layoutSchema), decode: v.optional(layoutSchema), aggregated: v.optional(layoutSchema),
    twoBatchOverlap: v.optional(v.boolean()), expertSkew: v.optional(v.pipe(v.number(), v.minValue(1))),
    mtp: v.optional(v.strictObject({ draftTokens: v.optional(count('deployment.mtp.draftTokens')), acceptance: v.optional(unit('deployment.mtp.acceptance')) })),
    backend: v.optional(v.string()),
  })),
});

// tokensPerSecondPerNode: provisioned day average (DeepSeek's convention) = capacityTokensPerSecondPerNode (engine) × utilization
const pool = v.looseObject({ nodes: v.number(), tokensPerSecondPerNode: v.number(), capacityTokensPerSecondPerNode: v.number(), utilization: v.number(), parallelism: v.looseObject({}) });
const costPerMillion = v.looseObject({ inputCacheHit: v.number(), inputCacheMiss: v.number(), output: v.number() });
const inOut = v.looseObject({ input: v.number(), output: v.number() });
// one mode's fleet in `comparison` (numbers omitted when not computable, e.g. nothing fits)
const modeSummary = v.looseObject({
  feasible: v.boolean(), reasons: v.array(v.string()),
  averageNodes: v.optional(v.number()), peakNodes: v.optional(v.number()), gpuHoursPerDay: v.optional(v.number()), dailyCostUsd: v.optional(v.number()),
  costPerMillionTokensUsd: v.optional(v.looseObject({ inputCacheHit: v.optional(v.number()), inputCacheMiss: v.optional(v.number()), output: v.optional(v.number()) })),
});
// aggregated pool: tokensPerSecondPerNode (provisioned) = capacityTokensPerSecondPerNode (engine at the SLO batch) × utilization
const aggregatedPool = v.looseObject({
  feasible: v.boolean(), reasons: v.array(v.string()),
  nodes: v.optional(v.number()), peakNodes: v.optional(v.number()), dailyCostUsd: v.optional(v.number()),
  tokensPerSecondPerNode: v.optional(inOut), capacityTokensPerSecondPerNode: v.optional(inOut), utilization: v.number(),
  parallelism: v.looseObject({}), batchPerInstance: v.number(), inputTokensPerRequest: v.number(), outputTokensPerRequest: v.number(),
  outputTokensPerSecondPerUser: v.optional(v.number()), ttftMs: v.optional(v.number()), tpotMs: v.optional(v.number()),
  launchSettings: v.looseObject({}), pareto: v.array(v.looseObject({})),
});
// prefill / decode / pareto / launchSettings: the disaggregated fleet, always; feasible, reasons, averageNodes, peakNodes,
// dailyCostUsd, costPerMillionTokensUsd: the fleet of `mode`
export const planResponseSchema = v.looseObject({
  mode: v.picklist(['disaggregated', 'aggregated']),
  feasible: v.boolean(), reasons: v.array(v.string()), prefill: pool, decode: pool,
  averageNodes: v.number(), peakNodes: v.number(), dailyCostUsd: v.number(),
  costPerMillionTokensUsd: costPerMillion,
  pareto: v.array(v.looseObject({})), launchSettings: v.looseObject({}),
  aggregated: v.optional(aggregatedPool),
  comparison: v.optional(v.looseObject({ chosen: v.picklist(['disaggregated', 'aggregated']), disaggregated: modeSummary, aggregated: modeSummary })),
});
