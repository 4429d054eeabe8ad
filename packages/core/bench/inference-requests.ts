import { getGpu, getModel, makeSetup, type PlanRequest } from '../src/index.js';
import { candidateLayouts } from '../src/inference/fleet/candidates.js';

/** The inference requests the benches share (one definition each). */

/** DeepSeek's Day-6 workload with no layout pinned: the whole-instance search at DeepSeek scale, both modes. */
export const DAY6_SEARCH: PlanRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  precision: { weights: 'fp8', kvCache: 'bf16' },
  workload: { inputTokensPerDay: 608e9, cacheHitRate: 0.563, outputTokensPerDay: 168e9, averageContextTokens: 4989, peakToAverage: 1.226 },
  slo: { minOutputTokensPerSecondPerUser: 20 },
  pricePerGpuHourUsd: 2,
};

/** The small workload of the whole-instance issue: 4B input (50% hits) and 1B output tokens a day on H800. */
export const SMALL_V3_SEARCH: PlanRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  precision: { weights: 'fp8', kvCache: 'fp8' },
  workload: { inputTokensPerDay: 4e9, cacheHitRate: 0.5, outputTokensPerDay: 1e9 },
  slo: { minOutputTokensPerSecondPerUser: 20 },
};

/** A dense model at a few nodes' scale: Llama-3.1-70B on H100, 10B input / 2B output tokens a day. */
export const LLAMA_70B_SEARCH: PlanRequest = {
  model: 'llama-3.1-70b',
  gpu: 'h100',
  precision: { weights: 'fp8', kvCache: 'fp8' },
  workload: { inputTokensPerDay: 1e10, cacheHitRate: 0.3, outputTokensPerDay: 2e9, peakToAverage: 1.5 },
  slo: { minOutputTokensPerSecondPerUser: 30, maxTtftMs: 2000 },
};

export const FLEET_BENCH_CASES: Record<string, PlanRequest> = {
  'fleet-small-v3': SMALL_V3_SEARCH,
  'fleet-llama-70b': LLAMA_70B_SEARCH,
  'fleet-day6-search': DAY6_SEARCH,
};

/** Mean context of the Pareto sweep (DeepSeek's Day-6 average context, as in DAY6_SEARCH). */
export const PARETO_CONTEXT_TOKENS = 4989;

/** The decode Pareto sweep's setups: every decode layout the fleet search weighs for DeepSeek-V3 on H800 (FP8 weights, BF16 KV, two-batch overlap). */
export function v3DecodeSetups() {
  const arch = getModel('deepseek-v3')!.architecture;
  const gpu = getGpu('h800')!;
  return candidateLayouts(arch, gpu, 'decode').map((layout) => makeSetup({ arch, gpu, layout, weights: 'fp8', kvBytesPerElement: 2, twoBatchOverlap: true }));
}
