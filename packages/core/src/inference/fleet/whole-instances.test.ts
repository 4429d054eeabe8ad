import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDailyShape, shapePeakToAverage } from './daily-load.js';
import { sizeWholeInstancePool } from './instances.js';
import { planInference, type InferencePlan, type PlanRequest } from './plan.js';

/**
 * The small workload a new user tried (the whole-instance issue): DeepSeek-V3 on H800, FP8
 * weights and KV, 4B input tokens/day at 50% cache hits, 1B output tokens/day, 20 tokens/s per
 * user. 671 GB of FP8 weights need two 8-GPU nodes on 80 GB GPUs, so no plan can cost less than
 * 2 nodes × 8 GPUs × 24 h × $2 = $768 a day.
 */
const SMALL: PlanRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  precision: { weights: 'fp8', kvCache: 'fp8' },
  workload: { inputTokensPerDay: 4e9, cacheHitRate: 0.5, outputTokensPerDay: 1e9 },
  slo: { minOutputTokensPerSecondPerUser: 20 },
  pricePerGpuHourUsd: 2,
};
const GPUS_PER_NODE = 8;
const PRICE = 2;
const LEAST_DAILY_COST_USD = 2 * GPUS_PER_NODE * 24 * PRICE;

const volumes = (p: PlanRequest) => p.workload as { inputTokensPerDay: number; cacheHitRate: number; outputTokensPerDay: number };
const phaseSum = (p: Pick<InferencePlan, 'costPerMillionTokensUsd'>, w: ReturnType<typeof volumes>) => {
  const c = p.costPerMillionTokensUsd;
  return (
    (w.inputTokensPerDay * w.cacheHitRate * c.inputCacheHit + w.inputTokensPerDay * (1 - w.cacheHitRate) * c.inputCacheMiss + w.outputTokensPerDay * c.output) /
    1e6
  );
};

describe('whole instances: the small DeepSeek-V3 workload', () => {
  const auto = planInference({ ...SMALL, deployment: { mode: 'auto' } });
  const dis = planInference({ ...SMALL, deployment: { mode: 'disaggregated' } });
  const agg = planInference({ ...SMALL, deployment: { mode: 'aggregated' } });

  it('every pool is at least one whole instance, every hour', () => {
    for (const pool of [dis.prefill, dis.decode, agg.aggregated!]) {
      expect(Number.isInteger(pool.instances)).toBe(true);
      expect(pool.instances).toBeGreaterThanOrEqual(1);
      expect(pool.averageInstances).toBeGreaterThanOrEqual(1);
      for (const n of pool.hourlyInstances) {
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(1);
      }
      expect(pool.peakNodes).toBe(pool.instances * pool.nodesPerInstance);
    }
  });

  it('costs at least $768 a day (two 8-GPU nodes hold the FP8 weights), in every mode', () => {
    for (const p of [auto, dis, agg]) expect(p.dailyCostUsd).toBeGreaterThanOrEqual(LEAST_DAILY_COST_USD);
    // the smallest instance that holds the weights is two nodes
    expect(auto.assumptions.join(' ')).toMatch(/holds the weights is 16 GPU\(s\) \(2 node\(s\)\)/);
  });

  it('dailyCostUsd = averageNodes × 8 × 24 × $2 (within 1%), and the per-token prices redo that cost', () => {
    for (const p of [auto, dis, agg]) {
      expect(p.dailyCostUsd / (p.averageNodes * GPUS_PER_NODE * 24 * PRICE)).toBeCloseTo(1, 2);
      expect(phaseSum(p, volumes(SMALL)) / p.dailyCostUsd).toBeCloseTo(1, 6);
    }
    // disaggregated: the output price is the decode pool's daily cost over the output tokens
    expect((dis.costPerMillionTokensUsd.output * volumes(SMALL).outputTokensPerDay) / 1e6).toBeCloseTo(dis.decode.dailyCostUsd, 6);
    expect(dis.decode.dailyCostUsd).toBeCloseTo(dis.decode.averageNodes * GPUS_PER_NODE * 24 * PRICE, 6);
  });

  it('mode "auto" chooses the cheaper of its two whole-instance fleets', () => {
    const c = auto.comparison!;
    expect(c.disaggregated.dailyCostUsd).toBeCloseTo(dis.dailyCostUsd, 6);
    expect(c.aggregated.dailyCostUsd).toBeCloseTo(agg.dailyCostUsd, 6);
    expect(auto.dailyCostUsd).toBe(Math.min(c.disaggregated.dailyCostUsd, c.aggregated.dailyCostUsd));
    expect(auto.mode).toBe(c.chosen);
    if (c.aggregated.dailyCostUsd !== c.disaggregated.dailyCostUsd)
      expect(auto.mode).toBe(c.aggregated.dailyCostUsd < c.disaggregated.dailyCostUsd ? 'aggregated' : 'disaggregated');
  });

  it('lists up to five alternatives with cost, layout and why each lost, the other mode among them', () => {
    expect(auto.alternatives.length).toBeGreaterThan(0);
    expect(auto.alternatives.length).toBeLessThanOrEqual(5);
    expect(auto.alternatives.some((a) => a.mode !== auto.mode)).toBe(true);
    for (const a of auto.alternatives) {
      expect(a.whyNot.length).toBeGreaterThan(0);
      if (a.feasible) expect(a.dailyCostUsd).toBeGreaterThanOrEqual(auto.dailyCostUsd);
    }
  });

  it('echoes the utilisation used, in the plan and its assumptions; says when pools sit idle', () => {
    expect(auto.utilization).toBeGreaterThan(0.4);
    expect(auto.assumptions.join(' ')).toMatch(/utilization 0\.\d+: .*\(default, fitted on DeepSeek's Day-6 disclosure/);
    const given = planInference({ ...SMALL, workload: { ...volumes(SMALL), utilization: 0.3 } });
    expect(given.utilization).toBe(0.3);
    expect(given.assumptions.join(' ')).toMatch(/utilization 0\.300: .*\(workload\.utilization\)/);
    // at this volume the prefill pool is mostly idle and the plan says so
    expect(dis.warnings.join(' ')).toMatch(/prefill pool uses \d+% of its engine capacity/);
  });
});

describe('whole instances through the day', () => {
  it('the default shape has the requested peak ÷ average and mean 1', () => {
    for (const p of [1, 1.226, 1.5, 2, 3.5]) {
      const s = defaultDailyShape(p);
      expect(s).toHaveLength(24);
      expect(s.reduce((a, b) => a + b, 0) / 24).toBeCloseTo(1, 9);
      expect(shapePeakToAverage(s)).toBeCloseTo(p, 6);
    }
  });

  it('workload.hourlyLoad shapes the fleet hour by hour', () => {
    const night = [...Array.from({ length: 12 }, () => 1), ...Array.from({ length: 12 }, () => 3)];
    const p = planInference({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 2e11, outputTokensPerDay: 4e10, hourlyLoad: night },
      slo: { minOutputTokensPerSecondPerUser: 30 },
    });
    const pool = p.mode === 'aggregated' ? p.aggregated! : p.decode;
    expect(pool.hourlyInstances[18]!).toBeGreaterThan(pool.hourlyInstances[3]!);
    expect(p.peakNodes).toBe(Math.max(...p.hourlyNodes));
    expect(p.averageNodes).toBeCloseTo(p.hourlyNodes.reduce((a, b) => a + b, 0) / 24, 9);
    // 24 values, some positive: the contract's workload.hourlyLoad (packages/contract inference.test.ts)
  });

  it('whole-instance pool: max(minInstances, ⌈load ÷ (capacity × utilisation)⌉) each hour', () => {
    const pool = sizeWholeInstancePool({
      averageLoadPerS: 250,
      shape: Array.from({ length: 24 }, (_, h) => (h < 12 ? 0.5 : 1.5)),
      capacityPerInstancePerS: 100,
      utilization: 0.5,
      minInstances: 2,
      nodesPerInstance: 4,
    });
    expect(pool.hourlyInstances.slice(0, 12).every((n) => n === 3)).toBe(true); // 125 / 50 = 2.5 → 3
    expect(pool.hourlyInstances.slice(12).every((n) => n === 8)).toBe(true); // 375 / 50 = 7.5 → 8
    expect(pool.averageNodes).toBe(5.5 * 4);
    expect(pool.peakNodes).toBe(32);
    expect(pool.deliveredUtilization).toBeCloseTo(250 / (5.5 * 100), 12);
    const floor = sizeWholeInstancePool({
      averageLoadPerS: 1,
      shape: Array.from({ length: 24 }, () => 1),
      capacityPerInstancePerS: 100,
      utilization: 0.5,
      minInstances: 3,
      nodesPerInstance: 1,
    });
    expect(floor.averageInstances).toBe(3);
  });
});

describe('whole-instance fleets: properties', () => {
  const LLAMA70: Omit<PlanRequest, 'workload'> = {
    model: 'llama-3.1-70b',
    gpu: 'h100',
    precision: { weights: 'fp8', kvCache: 'fp8' },
    slo: { minOutputTokensPerSecondPerUser: 30 },
  };
  const at = (input: number, output: number, extra: Partial<PlanRequest['workload']> = {}) =>
    planInference({ ...LLAMA70, workload: { inputTokensPerDay: input, outputTokensPerDay: output, cacheHitRate: 0.3, ...extra } });
  const instanceDayUsd = (p: InferencePlan) => {
    const pools = p.mode === 'aggregated' ? [p.aggregated!] : [p.prefill, p.decode];
    return pools.reduce((a, q) => a + q.nodesPerInstance * 8 * 24 * p.pricePerGpuHourUsd * p.minInstances, 0);
  };

  it('more daily volume never gives fewer nodes', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e8, max: 1e11, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }), (input, k) => {
        const a = at(input, input / 5),
          b = at(input * k, (input * k) / 5);
        return b.averageNodes >= a.averageNodes - 1e-9 && b.peakNodes >= a.peakNodes;
      }),
      { numRuns: 12 },
    );
  });

  it('cost per million tokens never rises with volume beyond one instance of rounding', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e8, max: 1e11, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }), (input, k) => {
        const a = at(input, input / 5),
          b = at(input * k, (input * k) / 5);
        const tokensA = input * 1.2,
          tokensB = input * k * 1.2;
        return b.dailyCostUsd / tokensB <= a.dailyCostUsd / tokensA + instanceDayUsd(a) / tokensB + 1e-15;
      }),
      { numRuns: 12 },
    );
  });

  it('doubling workload.utilization roughly halves a large fleet', () => {
    const low = at(5e12, 1e12, { utilization: 0.3 }),
      high = at(5e12, 1e12, { utilization: 0.6 });
    expect(low.averageNodes).toBeGreaterThan(50);
    expect(high.averageNodes / low.averageNodes).toBeGreaterThan(0.45);
    expect(high.averageNodes / low.averageNodes).toBeLessThan(0.55);
  });
});
