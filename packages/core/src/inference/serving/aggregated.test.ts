import { describe, expect, it } from 'vitest';
import { planInference, type InferencePlan, type PlanRequest } from '../fleet/plan.js';
import { FLEET_OPERATIONS } from '../fleet/operations.js';
import { DEEPSEEK_DAY6 } from '../../../calibration/inference/fleet.js';

const LLAMA = {
  model: 'llama-3.1-70b',
  gpu: 'h100',
  precision: { weights: 'fp8', kvCache: 'fp8' },
  workload: { inputTokensPerDay: 1e10, cacheHitRate: 0.3, outputTokensPerDay: 2e9, averageContextTokens: 2048, peakToAverage: 1.5 },
  slo: { minOutputTokensPerSecondPerUser: 30, maxTtftMs: 2000 },
} satisfies PlanRequest;

const costsAddUp = (
  p: Pick<InferencePlan, 'costPerMillionTokensUsd' | 'dailyCostUsd'>,
  w: { inputTokensPerDay: number; cacheHitRate: number; outputTokensPerDay: number },
) => {
  const c = p.costPerMillionTokensUsd;
  return (
    (w.inputTokensPerDay * w.cacheHitRate * c.inputCacheHit + w.inputTokensPerDay * (1 - w.cacheHitRate) * c.inputCacheMiss + w.outputTokensPerDay * c.output) /
    1e6 /
    p.dailyCostUsd
  );
};

describe('aggregated fleet (deployment.mode)', () => {
  it('Llama-3.1-70B on H100, aggregated: fits, meets the SLO with prefill interference, sized like the pools', () => {
    const p = planInference({ ...LLAMA, deployment: { mode: 'aggregated' } });
    expect(p.mode).toBe('aggregated');
    expect(p.feasible).toBe(true);
    const a = p.aggregated!;
    expect(a.feasible).toBe(true);
    expect(a.batchPerInstance).toBeGreaterThan(0);
    expect(a.outputTokensPerSecondPerUser!).toBeGreaterThanOrEqual(30);
    expect(a.ttftMs!).toBeLessThanOrEqual(2000);
    // the same utilisation as the disaggregated pools; whole instances deliver at most that share of their capacity
    expect(a.utilization).toBe(FLEET_OPERATIONS.loadFollowingUtilization);
    expect(a.tokensPerSecondPerNode.output).toBeLessThanOrEqual(a.capacityTokensPerSecondPerNode.output * a.utilization * (1 + 1e-9));
    expect(a.deliveredUtilization).toBeLessThanOrEqual(a.utilization + 1e-9);
    // request shape from the daily volumes: output / input per request = 2e9 / 1e10
    expect(a.inputTokensPerRequest).toBe(2048);
    expect(a.outputTokensPerRequest).toBe(410);
    // top-level numbers are the aggregated fleet's; the load per provisioned node is the day's load over average nodes
    expect(p.averageNodes).toBeCloseTo(a.nodes, 9);
    expect((a.nodes * a.tokensPerSecondPerNode.output * 86400) / 2e9).toBeCloseTo(1, 9);
    // every hour's whole instances serve that hour's load at the utilisation (peak 1.5 × average)
    const perInstanceOut = a.capacityTokensPerSecondPerNode.output * a.nodesPerInstance * a.utilization;
    const peakLoadOut = (2e9 / 86400) * 1.5;
    expect(a.instances * perInstanceOut).toBeGreaterThanOrEqual(peakLoadOut * (1 - 1e-6));
    expect((a.instances - 1) * perInstanceOut).toBeLessThan(peakLoadOut);
    expect(a.peakNodes).toBe(Math.max(...a.hourlyNodes));
    expect(a.nodes).toBeCloseTo(a.hourlyNodes.reduce((x, y) => x + y, 0) / 24, 9);
    expect(costsAddUp(p, LLAMA.workload)).toBeCloseTo(1, 6);
    expect(p.costPerMillionTokensUsd.inputCacheHit).toBeLessThan(p.costPerMillionTokensUsd.inputCacheMiss / 10);
    expect(a.launchSettings.sglang).not.toContain('--disaggregation-mode');
    expect(a.pareto.length).toBeGreaterThan(0);
    // the disaggregated fields keep their meaning (the disaggregated fleet), and both modes are compared
    expect(p.prefill.nodes + p.decode.nodes).toBeCloseTo(p.comparison!.disaggregated.averageNodes, 9);
    expect(p.comparison!.aggregated.averageNodes).toBeCloseTo(a.nodes, 9);
  });

  it('prefill interference: the aggregated batch is smaller than a decode-only batch at the same per-user speed', () => {
    const p = planInference({
      ...LLAMA,
      deployment: {
        mode: 'aggregated',
        aggregated: { attentionTp: 4, attentionDp: 1, moeTp: 4, moeEp: 1 },
        decode: { attentionTp: 4, attentionDp: 1, moeTp: 4, moeEp: 1 },
      },
    });
    expect(p.aggregated!.batchPerInstance).toBeLessThan(p.decode.batchPerInstance);
  });

  it("DeepSeek-V3 on H800 at Day-6's workload, auto: both modes with finite numbers, the cheaper feasible one chosen", () => {
    const p = planInference({ ...DEEPSEEK_DAY6, deployment: { ...(DEEPSEEK_DAY6.deployment as object), mode: 'auto' } });
    const c = p.comparison!;
    for (const m of [c.disaggregated, c.aggregated]) {
      for (const v of [
        m.averageNodes,
        m.peakNodes,
        m.dailyCostUsd,
        m.costPerMillionTokensUsd.inputCacheHit,
        m.costPerMillionTokensUsd.inputCacheMiss,
        m.costPerMillionTokensUsd.output,
      ]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThan(0);
      }
    }
    expect(c.disaggregated.feasible).toBe(true);
    expect(c.aggregated.feasible).toBe(true);
    const cheaper = c.aggregated.dailyCostUsd < c.disaggregated.dailyCostUsd ? 'aggregated' : 'disaggregated';
    expect(p.mode).toBe(cheaper);
    expect(c.chosen).toBe(cheaper);
    expect(p.dailyCostUsd).toBe(Math.min(c.aggregated.dailyCostUsd, c.disaggregated.dailyCostUsd));
    expect(p.aggregated!.outputTokensPerSecondPerUser!).toBeGreaterThanOrEqual(20);
    expect(costsAddUp(c.aggregated, DEEPSEEK_DAY6.workload as { inputTokensPerDay: number; cacheHitRate: number; outputTokensPerDay: number })).toBeCloseTo(
      1,
      6,
    );
    // the disaggregated answer is the Day-6 plan unchanged
    const dis = planInference(DEEPSEEK_DAY6);
    expect(c.disaggregated.averageNodes).toBeCloseTo(dis.averageNodes, 9);
    expect(p.prefill).toEqual(dis.prefill);
    expect(p.decode).toEqual(dis.decode);
  });

  it('with no layout pinned the default mode is auto: both modes weighed, the cheaper answers; pinned pools imply disaggregated', () => {
    const p = planInference(LLAMA);
    const c = p.comparison!;
    expect(p.mode).toBe(c.aggregated.dailyCostUsd <= c.disaggregated.dailyCostUsd ? 'aggregated' : 'disaggregated');
    expect(p.dailyCostUsd).toBe(Math.min(c.aggregated.dailyCostUsd, c.disaggregated.dailyCostUsd));
    const pinned = planInference({
      ...LLAMA,
      deployment: { prefill: { attentionTp: 4, attentionDp: 1, moeTp: 4, moeEp: 1 }, decode: { attentionTp: 4, attentionDp: 1, moeTp: 4, moeEp: 1 } },
    });
    expect(pinned.mode).toBe('disaggregated');
    expect(pinned.aggregated).toBeUndefined();
    expect(pinned.comparison).toBeUndefined();
    expect(pinned.averageNodes).toBeCloseTo(pinned.prefill.nodes + pinned.decode.nodes, 9);
  });

  it('a TTFT SLO no aggregated layout can meet is feasible: false with a reason naming the SLO', () => {
    const p = planInference({ ...LLAMA, slo: { minOutputTokensPerSecondPerUser: 30, maxTtftMs: 5 }, deployment: { mode: 'aggregated' } });
    expect(p.feasible).toBe(false);
    expect(p.reasons.join(' ')).toMatch(/aggregated: TTFT .* over the 5 ms limit \(slo\.maxTtftMs\)/);
  });

  it('a per-user speed no aggregated layout can meet names slo.minOutputTokensPerSecondPerUser; auto then reports both infeasible', () => {
    const p = planInference({ ...LLAMA, slo: { minOutputTokensPerSecondPerUser: 5000 }, deployment: { mode: 'auto' } });
    expect(p.feasible).toBe(false);
    expect(p.comparison!.aggregated.reasons.join(' ')).toMatch(
      /including prefill interference, below the 5000 required \(slo\.minOutputTokensPerSecondPerUser\)/,
    );
    expect(p.comparison!.aggregated.feasible).toBe(false);
    expect(p.mode).toBe('disaggregated');
  });

  it('explicit request lengths', () => {
    const p = planInference({
      ...LLAMA,
      workload: { ...LLAMA.workload, averageInputTokens: 1000, averageOutputTokens: 500 },
      deployment: { mode: 'aggregated' },
    });
    expect(p.aggregated!.inputTokensPerRequest).toBe(1000);
    expect(p.aggregated!.outputTokensPerRequest).toBe(500);
    // lengths that disagree with the daily volumes: the binding load sets nodes, costs still add up
    expect(costsAddUp(p, LLAMA.workload)).toBeCloseTo(1, 6);
  });
});
