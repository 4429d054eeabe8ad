import * as v from 'valibot';
import { calibrationSummarySchema } from '../calibration-band.js';
import { HOURS_PER_DAY } from '../bounds.js';
import { explanationsSchema } from '../explanations.js';
import { PLANNED_MODES } from '../formats.js';

const hourly = v.pipe(v.array(v.number()), v.length(HOURS_PER_DAY));
// whole-instance pool: instances at the peak hour, the day's average, nodes per instance, each hour's count
const wholeInstances = {
  instances: v.number(),
  averageInstances: v.number(),
  nodesPerInstance: v.number(),
  hourlyInstances: hourly,
  averageNodes: v.number(),
  peakNodes: v.number(),
  deliveredUtilization: v.number(),
  minInstances: v.number(),
  dailyCostUsd: v.number(),
};
// tokensPerSecondPerNode: the day's load ÷ average provisioned nodes (DeepSeek's convention); capacityTokensPerSecondPerNode: engine
const pool = v.looseObject({
  nodes: v.number(),
  tokensPerSecondPerNode: v.number(),
  capacityTokensPerSecondPerNode: v.number(),
  utilization: v.number(),
  parallelism: v.looseObject({}),
  ...wholeInstances,
});
const costPerMillion = v.looseObject({ inputCacheHit: v.number(), inputCacheMiss: v.number(), output: v.number() });
const inOut = v.looseObject({ input: v.number(), output: v.number() });
// one mode's fleet in `comparison` (numbers omitted when not computable, e.g. nothing fits)
const modeSummary = v.looseObject({
  feasible: v.boolean(),
  reasons: v.array(v.string()),
  averageNodes: v.optional(v.number()),
  peakNodes: v.optional(v.number()),
  gpuHoursPerDay: v.optional(v.number()),
  dailyCostUsd: v.optional(v.number()),
  costPerMillionTokensUsd: v.optional(
    v.looseObject({ inputCacheHit: v.optional(v.number()), inputCacheMiss: v.optional(v.number()), output: v.optional(v.number()) }),
  ),
});
const aggregatedPool = v.looseObject({
  feasible: v.boolean(),
  reasons: v.array(v.string()),
  nodes: v.optional(v.number()),
  dailyCostUsd: v.optional(v.number()),
  tokensPerSecondPerNode: v.optional(inOut),
  capacityTokensPerSecondPerNode: v.optional(inOut),
  utilization: v.number(),
  parallelism: v.looseObject({}),
  batchPerInstance: v.number(),
  inputTokensPerRequest: v.number(),
  outputTokensPerRequest: v.number(),
  outputTokensPerSecondPerUser: v.optional(v.number()),
  ttftMs: v.optional(v.number()),
  tpotMs: v.optional(v.number()),
  launchSettings: v.looseObject({}),
  pareto: v.array(v.looseObject({})),
  instances: v.optional(v.number()),
  averageInstances: v.optional(v.number()),
  nodesPerInstance: v.number(),
  hourlyInstances: v.optional(hourly),
});
const alternative = v.looseObject({
  mode: v.picklist(PLANNED_MODES),
  feasible: v.boolean(),
  parallelism: v.looseObject({ prefill: v.optional(v.looseObject({})), decode: v.optional(v.looseObject({})), aggregated: v.optional(v.looseObject({})) }),
  dailyCostUsd: v.optional(v.number()),
  averageNodes: v.optional(v.number()),
  peakNodes: v.optional(v.number()),
  whyNot: v.string(),
});
// prefill / decode / pareto / launchSettings: the disaggregated fleet, always; feasible, reasons, averageNodes, peakNodes,
// hourlyNodes, dailyCostUsd, costPerMillionTokensUsd: the fleet of `mode`
export const inferencePlanResponseSchema = v.looseObject({
  mode: v.picklist(PLANNED_MODES),
  feasible: v.boolean(),
  reasons: v.array(v.string()),
  prefill: pool,
  decode: pool,
  averageNodes: v.number(),
  peakNodes: v.number(),
  hourlyNodes: hourly,
  gpuHoursPerDay: v.number(),
  dailyCostUsd: v.number(),
  costPerMillionTokensUsd: costPerMillion,
  utilization: v.number(),
  minInstances: v.number(),
  pricePerGpuHourUsd: v.number(),
  calibration: v.optional(calibrationSummarySchema),
  pareto: v.array(v.looseObject({})),
  launchSettings: v.looseObject({}),
  aggregated: v.optional(aggregatedPool),
  comparison: v.optional(v.looseObject({ chosen: v.picklist(PLANNED_MODES), disaggregated: modeSummary, aggregated: modeSummary })),
  alternatives: v.array(alternative),
  warnings: v.array(v.string()),
  assumptions: v.array(v.string()),
  // formula and values of each headline number of the fleet of `mode` (pool instances, nodes, GPU-hours, cost, $ per million tokens)
  explanations: explanationsSchema,
});
