/**
 * Fleet-operations calibration: fits the default of `workload.utilization`
 * (FLEET_OPERATIONS.loadFollowingUtilization, src/inference/fleet/operations.ts) on DeepSeek's Day-6
 * disclosure, the only published production fleet (github.com/deepseek-ai/open-infra-index,
 * 202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md, commit 3122a25).
 *
 * The engine side is fixed first (efficiency.ts, fitted on the measured benchmark rows); this
 * script reads the planner's ENGINE capacity per instance for DeepSeek's disclosed deployment and
 * workload, and for each pool finds the utilisation at which the whole-instance fleet (hourly
 * scaling on the default daily shape at the disclosed peak-to-average) provisions the disclosed
 * average nodes: 608e9 / 86400 / 73.7e3 = 95.5 prefill and 168e9 / 86400 / 14.8e3 = 131.4 decode
 * nodes. The single fitted value is the geometric mean of the two; how far apart they are is the
 * only test of the idea that one operational factor explains both. It is a fit of one value on
 * two published figures, not a validation.
 */
import { planInference, type PlanRequest } from '../../src/inference/fleet/plan.js';
import { dailyShape } from '../../src/inference/fleet/daily-load.js';
import { sizeWholeInstancePool } from '../../src/inference/fleet/instances.js';

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

const SECONDS_PER_DAY = 86400;
/** Bisection steps on the utilisation (to ~1e-12 of (0, 1]). */
const FIT_BISECTION_STEPS = 40;

export interface FleetFit {
  readonly prefillCapacityPerNode: number;
  readonly decodeCapacityPerNode: number;
  readonly prefillImplied: number;
  readonly decodeImplied: number;
  readonly fitted: number;
}

/** Smallest utilisation at which the pool provisions no more than `targetNodes` on average (average nodes fall as utilisation rises). */
function impliedUtilization(
  loadPerS: number,
  capacityPerInstancePerS: number,
  nodesPerInstance: number,
  shape: readonly number[],
  targetNodes: number,
): number {
  let lo = 0,
    hi = 1;
  for (let i = 0; i < FIT_BISECTION_STEPS; i++) {
    const mid = (lo + hi) / 2;
    const pool = sizeWholeInstancePool({ averageLoadPerS: loadPerS, shape, capacityPerInstancePerS, utilization: mid, minInstances: 1, nodesPerInstance });
    if (pool.averageNodes > targetNodes) lo = mid;
    else hi = mid;
  }
  return hi;
}

export function fitFleetUtilization(): FleetFit {
  const plan = planInference(DEEPSEEK_DAY6);
  const w = DEEPSEEK_DAY6.workload as { inputTokensPerDay: number; outputTokensPerDay: number; peakToAverage: number };
  const shape = dailyShape(undefined, w.peakToAverage);
  const pc = plan.prefill.capacityTokensPerSecondPerNode,
    dc = plan.decode.capacityTokensPerSecondPerNode;
  const inPerS = w.inputTokensPerDay / SECONDS_PER_DAY,
    outPerS = w.outputTokensPerDay / SECONDS_PER_DAY;
  const prefillImplied = impliedUtilization(
    inPerS,
    pc * plan.prefill.nodesPerInstance,
    plan.prefill.nodesPerInstance,
    shape,
    inPerS / DEEPSEEK_DAY6_PER_NODE.prefill,
  );
  const decodeImplied = impliedUtilization(
    outPerS,
    dc * plan.decode.nodesPerInstance,
    plan.decode.nodesPerInstance,
    shape,
    outPerS / DEEPSEEK_DAY6_PER_NODE.decode,
  );
  return { prefillCapacityPerNode: pc, decodeCapacityPerNode: dc, prefillImplied, decodeImplied, fitted: Math.sqrt(prefillImplied * decodeImplied) };
}
