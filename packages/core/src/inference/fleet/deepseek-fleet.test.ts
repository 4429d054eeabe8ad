import { describe, expect, it } from 'vitest';
import { planInference } from './plan.js';
import { FLEET_OPERATIONS } from './operations.js';
import { DEEPSEEK_DAY6, DEEPSEEK_DAY6_PER_NODE, fitFleetUtilization } from '../../../calibration/inference/fleet.js';

/**
 * DeepSeek's disclosed V3/R1 service (github.com/deepseek-ai/open-infra-index,
 * 202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md, commit 3122a25):
 * H800, FP8 GEMMs, BF16 KV; 608B input tokens/day, 56.3% cache hits; 168B output tokens/day;
 * 20-22 tokens/s per user; average KV length 4,989; prefill EP32/DP32 (4 nodes), decode
 * EP144/DP144 (18 nodes), 32 redundant experts; dual micro-batch overlap; MTP (V3 report §5.4.3:
 * 85-90% acceptance). Published: ~73.7k input tokens/s per prefill node (incl. cache hits), ~14.8k
 * output tokens/s per decode node, 226.75 average nodes (278 peak), $87,072/day at $2/GPU-hour.
 * Tolerance: ±25% (the brief's).
 *
 * What is fitted where: the ENGINE (efficiency.ts) on the measured benchmark rows only; ONE
 * operations value (operations.ts, loadFollowingUtilization) on this disclosure, shared by the
 * prefill and decode pools. The per-node checks below therefore test that one value closes both
 * gaps; the node count and cost follow from them with nothing else fitted.
 */
const plan = planInference(DEEPSEEK_DAY6);
const within = (v: number, ref: number, tol = 0.25) => Math.abs(v / ref - 1) <= tol;

describe('DeepSeek Day-6 fleet (±25%)', () => {
  it('is feasible: Day-6 layouts fit on H800 and meet 20 tokens/s per user', () => {
    expect(plan.feasible).toBe(true);
    expect(plan.decode.outputTokensPerSecondPerUser).toBeGreaterThanOrEqual(20);
  });

  it('decode: ~14.8k output tokens/s per node (provisioned average)', () => {
    expect(within(plan.decode.tokensPerSecondPerNode, DEEPSEEK_DAY6_PER_NODE.decode)).toBe(true);
  });

  it('prefill: ~73.7k input tokens/s per node incl. cache hits (provisioned average)', () => {
    expect(within(plan.prefill.tokensPerSecondPerNode, DEEPSEEK_DAY6_PER_NODE.prefill)).toBe(true);
  });

  it('average nodes ~226.75 and daily cost ~$87,072 at $2/GPU-hour', () => {
    expect(within(plan.averageNodes, 226.75)).toBe(true);
    expect(within(plan.dailyCostUsd, 87072)).toBe(true);
  });

  it('peak nodes ~278 (peakToAverage from the disclosure, whole 4- and 18-node units)', () => {
    expect(within(plan.peakNodes, 278)).toBe(true);
  });

  it('the default utilisation is a FIT of one value on these two figures (not a validation): the implied prefill and decode values agree within 25%', () => {
    const f = fitFleetUtilization();
    expect(within(f.prefillImplied, f.decodeImplied)).toBe(true);
    // the value in use is the one the calibration finds (a refit is a reviewed change), to 0.01
    expect(Math.abs(FLEET_OPERATIONS.loadFollowingUtilization - f.fitted)).toBeLessThan(0.01);
  });

  it('load per provisioned node ≤ engine capacity × utilisation (whole instances); engine capacity within published kernel physics', () => {
    for (const pool of [plan.prefill, plan.decode]) {
      expect(pool.tokensPerSecondPerNode).toBeLessThanOrEqual(pool.capacityTokensPerSecondPerNode * pool.utilization * (1 + 1e-9));
      expect(pool.tokensPerSecondPerNode).toBeCloseTo(pool.capacityTokensPerSecondPerNode * pool.deliveredUtilization, 6);
      expect(pool.utilization).toBe(FLEET_OPERATIONS.loadFollowingUtilization);
      expect(Number.isInteger(pool.instances)).toBe(true);
      expect(pool.peakNodes).toBe(pool.instances * pool.nodesPerInstance);
    }
    expect(plan.utilization).toBe(FLEET_OPERATIONS.loadFollowingUtilization);
    // engine capacity above the disclosed averages (a fleet cannot average more than its engines)
    expect(plan.prefill.capacityTokensPerSecondPerNode).toBeGreaterThan(DEEPSEEK_DAY6_PER_NODE.prefill);
    expect(plan.decode.capacityTokensPerSecondPerNode).toBeGreaterThan(DEEPSEEK_DAY6_PER_NODE.decode);
  });

  it('the decode pool alone is within 25% of the nodes DeepSeek needed for 168B output tokens (131.4)', () => {
    expect(within(plan.decode.nodes, 168e9 / 86400 / DEEPSEEK_DAY6_PER_NODE.decode)).toBe(true);
  });

  it('costs split by GPU time add up to the daily cost; cache hits cost far less than misses', () => {
    const c = plan.costPerMillionTokensUsd;
    const sum = (608e9 * 0.563 * c.inputCacheHit + 608e9 * 0.437 * c.inputCacheMiss + 168e9 * c.output) / 1e6;
    expect(sum / plan.dailyCostUsd).toBeCloseTo(1, 6);
    expect(c.inputCacheHit).toBeLessThan(c.inputCacheMiss / 10);
  });

  it('a TTFT SLO tighter than the load-following headroom lowers prefill utilisation (M/D/1 bound)', () => {
    const tight = planInference({ ...DEEPSEEK_DAY6, slo: { minOutputTokensPerSecondPerUser: 20, maxTtftMs: 600 } });
    expect(tight.prefill.ttftUtilizationBound).toBeDefined();
    expect(tight.prefill.utilization).toBeLessThanOrEqual(FLEET_OPERATIONS.loadFollowingUtilization);
    expect(tight.prefill.ttftMs!).toBeLessThanOrEqual(600 + 1e-6);
    expect(tight.prefill.nodes).toBeGreaterThanOrEqual(plan.prefill.nodes);
  });

  // KNOWN REGRESSION since the refit on the cleaned rows (attentionEfficiency 0.558 -> 0.332): the
  // Day-6 decode step is attention-compute-bound, so MTP's verified tokens cost as much as they gain
  // (capacity ratio 0.995, not > 1; DeepSeek reports 1.8x TPS). Marked as failing so that it flips
  // back when large-batch MoE decode is modelled (issue 8) instead of being absorbed by the attention fit.
  it('MTP: the decode step pays for every verified token, users see the accepted ones (1 + 0.85 per step)', () => {
    const noMtp = planInference({ ...DEEPSEEK_DAY6, deployment: { ...(DEEPSEEK_DAY6.deployment as object), mtp: undefined } });
    expect(plan.decode.tpotMs!).toBeGreaterThan(0);
    // speed-up per GPU at the same SLO is positive but below the 1.85 tokens per step: verifying costs compute
    const gain = plan.decode.capacityTokensPerSecondPerNode / noMtp.decode.capacityTokensPerSecondPerNode;
    expect(gain).toBeGreaterThan(1);
    expect(gain).toBeLessThan(1.85);
  });

  it('emits launch settings and a Pareto frontier', () => {
    expect(plan.launchSettings.decode.sglang).toContain('--enable-dp-attention');
    expect(plan.launchSettings.decode.trtllm['moe_expert_parallel_size']).toBe(144);
    expect(plan.pareto.length).toBeGreaterThan(0);
  });
});
