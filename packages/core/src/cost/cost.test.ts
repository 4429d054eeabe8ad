import { describe, expect, it } from 'vitest';
import { getGpu } from '../gpus/catalog.js';
import { getModel } from '../models/catalog.js';
import { planTraining } from '../training/plan.js';
import { figure } from '../units/figure.js';
import { auditClaim } from './claim-audit.js';
import { estimateEnergy } from './energy.js';
import { compareOwnership } from './ownership.js';

const h800 = getGpu('h800')!;
const v3 = getModel('deepseek-v3')!.architecture;
/** DeepSeek-V3 report (arXiv:2412.19437) §1: "Assuming the rental price of the H800 GPU is $2 per GPU hour". */
const RENT_H800 = figure(2, 'assumed', 'DeepSeek-V3 report §1');
/** Illustrative H800 unit price for the tests: $25,000 (H100-class GPUs sold at $25,000-$30,000 new; secondary). */
const GPU_H800 = figure(25_000, 'assumed', 'test fixture');

describe('energy', () => {
  it('is GPUs × TDP × draw × server factor × PUE × hours, in MWh', () => {
    const e = estimateEnergy({ gpuCount: 8, tdpW: 700, hours: 10, gpuPowerShareOfTdp: 1, serverPowerPerGpuWatt: 1, pue: 1 });
    expect(e.energyMWh).toBeCloseTo((8 * 700 * 10) / 1e6, 12);
    const d = estimateEnergy({ gpuCount: 8, tdpW: 700, hours: 10, gridKgCo2PerKwh: 0.5 });
    expect(d.energyMWh).toBeGreaterThan(e.energyMWh);
    expect(d.co2Tonnes!).toBeCloseTo((d.energyMWh * 1000 * 0.5) / 1000, 9);
  });
});

describe('ownership vs rental', () => {
  const run = 2.788e6;
  const r = compareOwnership({ gpu: h800, gpuCount: 2048, prices: { rentUsdPerGpuHour: RENT_H800, gpuUsd: GPU_H800 }, runGpuHours: run });

  it('capex: 256 servers (GPUs + the rest of the server) + network + storage; every default is listed with its source', () => {
    expect(r.nodes).toBe(256);
    expect(r.breakdown.capexUsd.servers).toBeCloseTo(256 * (8 * 25_000 + 110_000), 0);
    expect(r.capexUsd).toBeCloseTo(r.breakdown.capexUsd.servers + r.breakdown.capexUsd.networking + r.breakdown.capexUsd.storage, 3);
    for (const a of r.assumptions) {
      expect(a.source.length).toBeGreaterThan(0);
      expect(Number.isFinite(a.value)).toBe(true);
    }
    expect(r.assumptions.map((a) => a.name)).toEqual(
      expect.arrayContaining(['pue', 'usdPerKwh', 'depreciationYears', 'lifetimeUtilization', 'experimentMultiplier', 'rentUsdPerGpuHour']),
    );
  });

  it('the owned rate is the per-year costs over useful GPU-hours; the run costs its GPU-hours × each rate', () => {
    const y = r.breakdown.usdPerYear;
    const useful = 2048 * 8760 * 0.7;
    expect(r.effectiveUsdPerGpuHour.own).toBeCloseTo((y.depreciation + y.power + y.facility + y.staff) / useful, 9);
    expect(r.runCostUsd!.rent).toBeCloseTo(run * 2, 3);
    expect(r.runCostUsd!.own).toBeCloseTo(run * r.effectiveUsdPerGpuHour.own, 3);
    expect(r.runWithExperimentsCostUsd!.rent).toBeCloseTo(run * 2 * 2, 3);
  });

  it('sensitivity moves the owned rate the right way', () => {
    const row = (n: string) => r.sensitivity.find((s) => s.input === n)!;
    expect(row('depreciationYears').ownUsdPerGpuHourAtLow).toBeGreaterThan(row('depreciationYears').ownUsdPerGpuHourAtHigh);
    expect(row('lifetimeUtilization').ownUsdPerGpuHourAtLow).toBeGreaterThan(r.effectiveUsdPerGpuHour.own);
    expect(row('usdPerKwh').ownUsdPerGpuHourAtHigh).toBeGreaterThan(r.effectiveUsdPerGpuHour.own);
  });

  it('rent vs buy by month: owning starts at capex and breaks even when renting has cost more', () => {
    expect(r.rentVsBuyByMonth[0]!.ownUsd).toBeCloseTo(r.capexUsd, 3);
    expect(r.rentVsBuyByMonth[0]!.rentUsd).toBe(0);
    if (r.breakEvenMonths !== null) {
      const m = r.rentVsBuyByMonth[r.breakEvenMonths]!;
      expect(m.ownUsd).toBeLessThanOrEqual(m.rentUsd);
    } else {
      expect(r.effectiveUsdPerGpuHour.own).toBeGreaterThan(0);
    }
    // cheaper power makes owning cheaper
    const cheap = compareOwnership({ gpu: h800, gpuCount: 2048, prices: { rentUsdPerGpuHour: RENT_H800, gpuUsd: GPU_H800 }, overrides: { usdPerKwh: 0.02 } });
    expect(cheap.effectiveUsdPerGpuHour.own).toBeLessThan(r.effectiveUsdPerGpuHour.own);
  });
});

describe('claim audit', () => {
  const claim = {
    arch: v3,
    gpu: h800,
    gpuCount: 2048,
    tokens: 14.8e12,
    precision: 'fp8' as const,
    sequenceLength: 4096,
    rentUsdPerGpuHour: RENT_H800,
    gpuUsd: GPU_H800,
  };
  const plan = planTraining({
    model: 'deepseek-v3',
    gpu: 'h800',
    gpuCount: 2048,
    tokens: 14.8e12,
    sequenceLength: 4096,
    globalBatchTokens: 15360 * 4096,
    precision: 'fp8',
    optimizerStatePrecision: 'bf16',
  });
  const predicted = { gpuHours: plan.gpuHours, tokensPerSecondPerGpu: plan.tokensPerSecondPerGpu };

  it("DeepSeek-V3's claim (14.8T tokens in 2,664K H800 GPU-hours, V3 report Table 1) is plausible at ≈ 39% MFU (ISCA'25: 38.9%, ±2 points)", () => {
    const a = auditClaim({ ...claim, gpuHours: 2.664e6, costUsd: 5.328e6, predicted });
    expect(a.verdict).toBe('plausible');
    expect(Math.abs(a.impliedMfu - 0.389)).toBeLessThan(0.02);
    expect(a.impliedTokensPerSecondPerGpu).toBeCloseTo(14.8e12 / (2.664e6 * 3600), 6);
    expect(a.shareOfPrecisionPeak).toBeLessThan(1);
    expect(a.impliedUsdPerGpuHour!).toBeCloseTo(2, 6);
    expect(a.predicted!.claimedToPredictedSpeed).toBeGreaterThan(0.7);
    expect(a.leftOut.find((l) => l.item.includes('capex'))!.estimateUsd).toBeCloseTo(2048 * 25_000, 0);
    for (const l of a.leftOut) {
      expect(l.estimateUsd).toBeGreaterThan(0);
      expect(l.source.length).toBeGreaterThan(0);
    }
  });

  it('the same claim in 100K GPU-hours is physically impossible, and the reasons say why', () => {
    const a = auditClaim({ ...claim, gpuHours: 1e5, predicted });
    expect(a.verdict).toBe('physically impossible');
    expect(a.shareOfPrecisionPeak).toBeGreaterThan(1);
    expect(a.reasons.join(' ')).toMatch(/of the 1979 TFLOPS dense FP8 peak .*no GPU computes faster than its peak/);
  });

  it('an FP8 run may exceed 100% of BF16 peak without being impossible; a claim well above the prediction is optimistic', () => {
    const fast = auditClaim({ ...claim, gpuHours: 2.664e6 / 2.2, predicted });
    expect(fast.impliedMfu).toBeGreaterThan(0.8);
    expect(fast.shareOfPrecisionPeak).toBeLessThan(1);
    expect(fast.verdict).toBe('optimistic');
    const days = auditClaim({ ...claim, days: 2.664e6 / 2048 / 24, predicted });
    expect(days.gpuHours).toBeCloseTo(2.664e6, 3);
  });
});

describe('published cost accounting, reproduced', async () => {
  const { getGpuPrice } = await import('../prices/catalog.js');

  it('V3: 2.788M H800 GPU-hours × $2 = $5.576M (V3 report Table 1: 2,664K + 119K + 5K)', () => {
    const r = compareOwnership({
      gpu: h800,
      gpuCount: 2048,
      prices: { rentUsdPerGpuHour: getGpuPrice('h800')!.rentalUsdPerGpuHour.publishedAssumption!, gpuUsd: GPU_H800 },
      runGpuHours: 2_664_000 + 119_000 + 5_000,
    });
    expect(r.runCostUsd!.rent).toBe(5_576_000);
  });

  it('a 2,048-H800 cluster at market prices ≈ $51M: 2,048 × $25,000, the low end of the H100-class price (same GH100 silicon); the H800-specific sourced prices give more', () => {
    const h100Range = getGpuPrice('h100')!.gpuUsd!.rangeUsd!;
    expect(h100Range[0]).toBe(25_000);
    expect(2048 * h100Range[0]).toBeCloseTo(51.2e6, 0);
    // the H800's own figures (Caixin, Oct 2023: grey-market GPUs, pre-ban servers) put the same cluster at $82-107M
    const h800 = getGpuPrice('h800')!;
    expect(256 * h800.serverUsd!.value).toBeGreaterThan(80e6);
    expect(2048 * h800.gpuUsd!.value).toBeGreaterThan(100e6);
  });

  it("R1's RL stage ≈ 147K H800 GPU-hours ≈ $294K: 512 GPUs × (198 h + ~80 h) + ~5K GPU-hours of SFT data (R1 Nature 2025 supplementary, as reported)", () => {
    const gpuHours = 512 * (198 + 80) + 5000;
    expect(gpuHours).toBe(147_336);
    expect(Math.abs((gpuHours * 2) / 294_000 - 1)).toBeLessThan(0.01); // "a hair under $300,000", reported as $294K
  });
});
