import { FLEET_OPERATIONS, HOURS_PER_DAY, MAX_MIN_INSTANCES, MAX_PEAK_TO_AVERAGE } from '@gcp/core';
import * as v from 'valibot';
import { backendSchema, BOUNDS, count, gpuSchema, layoutSchema, modelSchema, positive, precisionSchema, unit } from '../shared-schemas.js';

/** Most draft tokens per MTP / speculative step. */
const MAX_DRAFT_TOKENS = 8;

export const planRequestSchema = v.strictObject({
  model: modelSchema,
  gpu: gpuSchema,
  precision: precisionSchema,
  workload: v.strictObject({
    inputTokensPerDay: positive('workload.inputTokensPerDay', BOUNDS.tokensPerDay, 'Prompt tokens per day, cache hits included'),
    cacheHitRate: v.optional(unit('workload.cacheHitRate', 'Share of input tokens served from the prefix (disk) cache')),
    outputTokensPerDay: positive('workload.outputTokensPerDay', BOUNDS.tokensPerDay, 'Generated tokens per day'),
    averageContextTokens: v.optional(positive('workload.averageContextTokens', BOUNDS.contextTokens, 'Mean context a token sees (tokens); default min(4096, the model\'s positions)')),
    peakToAverage: v.optional(v.pipe(
      v.number('workload.peakToAverage must be a number'), v.minValue(1, 'workload.peakToAverage must be at least 1'), v.maxValue(MAX_PEAK_TO_AVERAGE, `workload.peakToAverage must be at most ${MAX_PEAK_TO_AVERAGE}`),
      v.description('Busiest hour ÷ daily average of the default daily shape (one smooth peak a day); ignored when hourlyLoad is given'),
    )),
    hourlyLoad: v.optional(v.pipe(
      v.array(v.pipe(v.number('workload.hourlyLoad values must be numbers'), v.minValue(0, 'workload.hourlyLoad values must be ≥ 0'), v.maxValue(BOUNDS.hourlyLoad, `workload.hourlyLoad values must be at most ${BOUNDS.hourlyLoad}`))),
      v.length(HOURS_PER_DAY, `workload.hourlyLoad must list ${HOURS_PER_DAY} hourly values`),
      v.description('Relative load of each hour of the day (any scale, normalised to mean 1); the fleet scales in whole instances hour by hour'),
    )),
    utilization: v.optional(v.pipe(
      v.number('workload.utilization must be a number'), v.gtValue(0, 'workload.utilization must be positive'), v.maxValue(1, 'workload.utilization must be at most 1'),
      v.description(`Share of an instance's engine capacity it delivers on average (headroom, bursts, restarts); default ${FLEET_OPERATIONS.loadFollowingUtilization}, fitted on DeepSeek's Day-6 disclosure (a fit of one value on two figures)`),
    )),
    // aggregated mode's mean request; default: prompt = averageContextTokens, output from the daily output ÷ input volumes
    averageInputTokens: v.optional(positive('workload.averageInputTokens', BOUNDS.contextTokens, 'Mean prompt tokens per request (aggregated mode)')),
    averageOutputTokens: v.optional(positive('workload.averageOutputTokens', BOUNDS.contextTokens, 'Mean output tokens per request (aggregated mode)')),
  }),
  slo: v.optional(v.strictObject({
    minOutputTokensPerSecondPerUser: v.optional(positive('slo.minOutputTokensPerSecondPerUser', BOUNDS.tokensPerSecondPerUser, 'Least decode speed each user sees, tokens/s')),
    maxTtftMs: v.optional(positive('slo.maxTtftMs', BOUNDS.ttftMs, 'Mean time to first token limit, ms')),
  })),
  pricePerGpuHourUsd: v.optional(positive('pricePerGpuHourUsd', BOUNDS.pricePerGpuHourUsd, 'Rental price, USD per GPU-hour (default 2)')),
  deployment: v.optional(v.strictObject({
    // disaggregated: prefill + decode pools; aggregated: one pool doing both; auto (default unless a pool layout is pinned): both sized, the cheaper feasible one answers
    mode: v.optional(v.picklist(['disaggregated', 'aggregated', 'auto'], 'deployment.mode must be one of disaggregated, aggregated, auto')),
    minInstances: v.optional(count('deployment.minInstances', MAX_MIN_INSTANCES, 'Instances every pool keeps at any hour (default 1)')),
    prefill: v.optional(layoutSchema), decode: v.optional(layoutSchema), aggregated: v.optional(layoutSchema),
    twoBatchOverlap: v.optional(v.boolean()),
    expertSkew: v.optional(v.pipe(v.number('deployment.expertSkew must be a number'), v.minValue(1, 'deployment.expertSkew must be at least 1'), v.maxValue(BOUNDS.expertSkew, `deployment.expertSkew must be at most ${BOUNDS.expertSkew}`), v.description('Busiest EP rank load ÷ mean (1 = balanced routing)'))),
    mtp: v.optional(v.strictObject({ draftTokens: v.optional(count('deployment.mtp.draftTokens', MAX_DRAFT_TOKENS, 'Draft tokens per step')), acceptance: v.optional(unit('deployment.mtp.acceptance', 'Chained acceptance probability of each draft token')) })),
    backend: v.optional(backendSchema),
  })),
});

const hourly = v.pipe(v.array(v.number()), v.length(HOURS_PER_DAY));
// whole-instance pool: instances at the peak hour, the day's average, nodes per instance, each hour's count
const wholeInstances = {
  instances: v.number(), averageInstances: v.number(), nodesPerInstance: v.number(), hourlyInstances: hourly,
  averageNodes: v.number(), peakNodes: v.number(), deliveredUtilization: v.number(), minInstances: v.number(), dailyCostUsd: v.number(),
};
// tokensPerSecondPerNode: the day's load ÷ average provisioned nodes (DeepSeek's convention); capacityTokensPerSecondPerNode: engine
const pool = v.looseObject({ nodes: v.number(), tokensPerSecondPerNode: v.number(), capacityTokensPerSecondPerNode: v.number(), utilization: v.number(), parallelism: v.looseObject({}), ...wholeInstances });
const costPerMillion = v.looseObject({ inputCacheHit: v.number(), inputCacheMiss: v.number(), output: v.number() });
const inOut = v.looseObject({ input: v.number(), output: v.number() });
// one mode's fleet in `comparison` (numbers omitted when not computable, e.g. nothing fits)
const modeSummary = v.looseObject({
  feasible: v.boolean(), reasons: v.array(v.string()),
  averageNodes: v.optional(v.number()), peakNodes: v.optional(v.number()), gpuHoursPerDay: v.optional(v.number()), dailyCostUsd: v.optional(v.number()),
  costPerMillionTokensUsd: v.optional(v.looseObject({ inputCacheHit: v.optional(v.number()), inputCacheMiss: v.optional(v.number()), output: v.optional(v.number()) })),
});
const aggregatedPool = v.looseObject({
  feasible: v.boolean(), reasons: v.array(v.string()),
  nodes: v.optional(v.number()), dailyCostUsd: v.optional(v.number()),
  tokensPerSecondPerNode: v.optional(inOut), capacityTokensPerSecondPerNode: v.optional(inOut), utilization: v.number(),
  parallelism: v.looseObject({}), batchPerInstance: v.number(), inputTokensPerRequest: v.number(), outputTokensPerRequest: v.number(),
  outputTokensPerSecondPerUser: v.optional(v.number()), ttftMs: v.optional(v.number()), tpotMs: v.optional(v.number()),
  launchSettings: v.looseObject({}), pareto: v.array(v.looseObject({})),
  instances: v.optional(v.number()), averageInstances: v.optional(v.number()), nodesPerInstance: v.number(), hourlyInstances: v.optional(hourly),
});
const alternative = v.looseObject({
  mode: v.picklist(['disaggregated', 'aggregated']), feasible: v.boolean(),
  parallelism: v.looseObject({ prefill: v.optional(v.looseObject({})), decode: v.optional(v.looseObject({})), aggregated: v.optional(v.looseObject({})) }),
  dailyCostUsd: v.optional(v.number()), averageNodes: v.optional(v.number()), peakNodes: v.optional(v.number()), whyNot: v.string(),
});
// prefill / decode / pareto / launchSettings: the disaggregated fleet, always; feasible, reasons, averageNodes, peakNodes,
// hourlyNodes, dailyCostUsd, costPerMillionTokensUsd: the fleet of `mode`
export const planResponseSchema = v.looseObject({
  mode: v.picklist(['disaggregated', 'aggregated']),
  feasible: v.boolean(), reasons: v.array(v.string()), prefill: pool, decode: pool,
  averageNodes: v.number(), peakNodes: v.number(), hourlyNodes: hourly, dailyCostUsd: v.number(),
  costPerMillionTokensUsd: costPerMillion,
  utilization: v.number(), minInstances: v.number(), pricePerGpuHourUsd: v.number(),
  pareto: v.array(v.looseObject({})), launchSettings: v.looseObject({}),
  aggregated: v.optional(aggregatedPool),
  comparison: v.optional(v.looseObject({ chosen: v.picklist(['disaggregated', 'aggregated']), disaggregated: modeSummary, aggregated: modeSummary })),
  alternatives: v.array(alternative),
  warnings: v.array(v.string()),
  assumptions: v.array(v.string()),
});
