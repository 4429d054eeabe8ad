import { DEFAULT_LOAD_FOLLOWING_UTILIZATION } from '@gcp/contract';

/**
 * Fleet OPERATIONS: how much of its engine capacity a provisioned instance delivers on average.
 *
 * The engine side (efficiency.ts) is calibrated on closed-loop benchmarks at fixed concurrency:
 * an engine at saturation. A production instance is not one: it keeps headroom for bursts so
 * that TTFT and per-user speed hold, is brought up ahead of demand and drained behind it, and
 * loses time to expert rebalancing, restarts and stragglers. The planner sizes each hour's
 * whole instances so that they serve the hour's load at `workload.utilization` of their engine
 * capacity; the rounding to whole instances through the day is modelled explicitly on top
 * (instances.ts), so the provisioned fleet delivers somewhat less than this share on average
 * (`deliveredUtilization` in every pool).
 *
 * The default comes from the one published production fleet and is a FIT, not a validation:
 */
export interface FleetOperations {
  /**
   * Default of `workload.utilization`: the share of engine capacity (tokens/s at saturation, at
   * the SLO) an instance is sized to deliver, the same for prefill, decode and aggregated pools.
   * Fitted on DeepSeek's Day-6 disclosure (open-infra-index, 202502OpenSourceWeek/
   * day_6_one_more_thing_deepseekV3R1_inference_system_overview.md): for each pool the value at
   * which the whole-instance fleet (default daily shape at the disclosed 278 ÷ 226.75 peak-to-average)
   * needs the disclosed nodes (608e9/86400/73.7e3 = 95.5 prefill, 168e9/86400/14.8e3 = 131.4
   * decode), then the geometric mean of the two; `calibration/inference/fleet/fleet.ts` (part of
   * `npm run calibrate`). One value fitted on two published figures: that the two implied values
   * lie close together is the only check of the idea, and the Day-6 agreement is not a validation.
   * Implied values with the engine refitted on the cleaned rows, MLA decode attention at
   * FlashMLA's published efficiency and the one 8,192-token prefill chunk the engine is fitted at:
   * 0.484 (prefill, 4-node instances) and 0.503 (decode, 18-node instances); geometric mean 0.493 (with the attention-DP prefill
   * stall, adpPrefillAloneShare; 0.516 / 0.503 → 0.509 before it). History: 0.482 (0.455 / 0.511) with the engine fitted before
   * cleaning; 0.649 (0.568 / 0.742, 23% apart) after the honest refit but with MLA decode attention
   * at the fitted generic attention efficiency (0.332), which also made MTP useless at Day-6.
   */
  readonly loadFollowingUtilization: number;
}

export const FLEET_OPERATIONS: FleetOperations = {
  // the value lives in the contract: the request schema documents it as workload.utilization's default
  loadFollowingUtilization: DEFAULT_LOAD_FOLLOWING_UTILIZATION,
};

/** Where the default utilisation comes from, as plans state it. */
export const DEFAULT_UTILIZATION_SOURCE = "fitted on DeepSeek's Day-6 disclosure (one value, two published per-node figures; a fit, not a validation)";
