/**
 * Fleet-operations calibration: fits `loadFollowingUtilization` (src/inference/operations.ts) on
 * DeepSeek's Day-6 disclosure, the only published production fleet
 * (github.com/deepseek-ai/open-infra-index, 202502OpenSourceWeek/
 * day_6_one_more_thing_deepseekV3R1_inference_system_overview.md, commit 3122a25).
 *
 * The engine side is fixed first (efficiency.ts, fitted on the measured benchmark rows); this
 * script only reads the planner's ENGINE capacity per node for DeepSeek's disclosed deployment and
 * workload, and divides the disclosed per-node averages by it. The single fitted value is the
 * geometric mean of the prefill and decode ratios; how far apart the two ratios are is the test
 * of the idea that one operational factor explains both.
 */
import { planInference, type PlanRequest } from '../../src/inference/plan.js';

/** DeepSeek's disclosed V3/R1 service and its Day-6 layouts (published-figures.json `ds_day6_*`). */
export const DEEPSEEK_DAY6: PlanRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  precision: { weights: 'fp8', kvCache: 'bf16' },
  workload: { inputTokensPerDay: 608e9, cacheHitRate: 0.563, outputTokensPerDay: 168e9, averageContextTokens: 4989, peakToAverage: 278 / 226.75 },
  slo: { minOutputTokensPerSecondPerUser: 20 },
  pricePerGpuHourUsd: 2,
  deployment: {
    prefill: { attentionTp: 1, attentionDp: 32, moeTp: 1, moeEp: 32, redundantExperts: 32 },
    decode: { attentionTp: 1, attentionDp: 144, moeTp: 1, moeEp: 144, redundantExperts: 32 },
    twoBatchOverlap: true,
    // MTP: one draft token, 85-90% acceptance (V3 report §5.4.3); the low end
    mtp: { draftTokens: 1, acceptance: 0.85 },
  },
};

/** DeepSeek's disclosed per-node day averages: input tokens/s per prefill node (cache hits included), output tokens/s per decode node. */
export const DEEPSEEK_DAY6_PER_NODE = { prefill: 73700, decode: 14800 } as const;

export interface FleetFit {
  readonly prefillCapacityPerNode: number;
  readonly decodeCapacityPerNode: number;
  readonly prefillImplied: number;
  readonly decodeImplied: number;
  readonly fitted: number;
}

export function fitFleetUtilization(): FleetFit {
  const plan = planInference(DEEPSEEK_DAY6);
  const pc = plan.prefill.capacityTokensPerSecondPerNode, dc = plan.decode.capacityTokensPerSecondPerNode;
  const prefillImplied = DEEPSEEK_DAY6_PER_NODE.prefill / pc;
  const decodeImplied = DEEPSEEK_DAY6_PER_NODE.decode / dc;
  return { prefillCapacityPerNode: pc, decodeCapacityPerNode: dc, prefillImplied, decodeImplied, fitted: Math.sqrt(prefillImplied * decodeImplied) };
}
