import { describe, expect, it } from 'vitest';
import { OWNERSHIP_DEFAULTS } from '../cost/ownership-defaults.js';
import { planInference } from '../inference/fleet/plan.js';
import { planTraining } from '../training/plan.js';
import { priceUsed } from './price-used.js';

const d = OWNERSHIP_DEFAULTS;
const facilityWPerTdpW = d.gpuPowerShareOfTdp.value * d.serverPowerPerGpuWatt.value * d.pue.value;

describe('every costed plan names its price and reports energy', () => {
  const llama = { model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 8, tokens: 1e11, sequenceLength: 8192, precision: 'bf16' as const };

  it("a training plan without a price charges the GPU's default from its price file (H100: neocloud), with kind and source", () => {
    const p = planTraining(llama);
    expect(p.price).toEqual(priceUsed('h100', undefined));
    expect(p.price.kind).toBe('neocloud');
    expect(p.price.source).toMatch(/Lambda/);
    expect(p.costUsd).toBeCloseTo(p.gpuHours * p.price.usdPerGpuHour, 6);
    expect(p.assumptions.join(' ')).toMatch(/the GPU's default \(neocloud/);
    const given = planTraining({ ...llama, pricePerGpuHourUsd: 1.5 });
    expect(given.price).toMatchObject({ usdPerGpuHour: 1.5, kind: 'request' });
  });

  it('training energy = GPUs × TDP × draw × server factor × PUE × wall-clock; CO₂ only with a grid intensity', () => {
    const p = planTraining(llama);
    expect(p.energyMWh).toBeCloseTo((8 * 700 * facilityWPerTdpW * p.wallClockDays * 24) / 1e6, 9);
    expect(p.co2Tonnes).toBeUndefined();
    const c = planTraining({ ...llama, gridKgCo2PerKwh: 0.4 });
    expect(c.co2Tonnes!).toBeCloseTo((c.energyMWh * 1000 * 0.4) / 1000, 9);
  });

  it("an inference plan on H800 charges DeepSeek's $2 assumption (the H800 price file) and reports energy per day", () => {
    const p = planInference({
      model: 'deepseek-v3',
      gpu: 'h800',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { inputTokensPerDay: 4e9, cacheHitRate: 0.5, outputTokensPerDay: 1e9 },
      slo: { minOutputTokensPerSecondPerUser: 20 },
    });
    expect(p.price).toMatchObject({ usdPerGpuHour: 2, kind: 'publishedAssumption' });
    expect(p.dailyCostUsd).toBeCloseTo(p.averageNodes * 8 * 24 * 2, 6);
    expect(p.energyMWhPerDay).toBeCloseTo((p.averageNodes * 8 * 700 * facilityWPerTdpW * 24) / 1e6, 9);
  });

  it('GPUs with no sourced rental price fall back to the H800 figure, and say so', () => {
    expect(priceUsed('h20', undefined)).toMatchObject({ usdPerGpuHour: 2, kind: 'catalogFallback' });
    expect(priceUsed('h20', undefined).source).toMatch(/no sourced rental price for h20/);
  });
});
