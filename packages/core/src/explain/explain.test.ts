import type { Explanation, Explanations } from '@gcp/contract';
import { describe, expect, it } from 'vitest';
import { planOwnership } from '../cost/cost-requests.js';
import { planInference } from '../inference/fleet/plan.js';
import { planTraining } from '../training/plan.js';
import { explain } from './explanation.js';

/**
 * Every explanation's result is the response's own number at the path it is keyed by, and its
 * values reproduce that number through the formula it states (checked here formula by formula).
 */
const at = (object: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), object);
const values = (e: Explanation) => e.values.map((x) => x.value);
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The formula of each key, over the explanation's values in order. */
const FORMULAS: Record<string, (v: number[]) => number> = {
  steps: ([tokens, batch]) => tokens! / batch!,
  stepTimeSeconds: sum,
  tokensPerSecondPerGpu: ([batch, step, gpus]) => batch! / (step! * gpus!),
  gpuHours: ([tokens, tps, sph]) => tokens! / (tps! * sph!),
  wallClockDays: ([gpuHours, gpus, hpd]) => gpuHours! / gpus! / hpd!,
  costUsd: ([gpuHours, price]) => gpuHours! * price!,
  mfu: ([flops, tps, peak]) => (flops! * tps!) / peak!,
  'memoryPerGpuBytes.total': sum,
  gpuHoursPerDay: ([nodes, gpn, h]) => nodes! * gpn! * h!,
  dailyCostUsd: ([gpuHours, price]) => gpuHours! * price!,
  averageNodes: (v) => (v.length === 2 ? v[0]! * v[1]! : v[0]! * v[1]! + v[2]! * v[3]!),
  peakNodes: (v) => (v.length === 2 ? v[0]! * v[1]! : v[0]! * v[1]! + v[2]! * v[3]!),
  'costPerMillionTokensUsd.output': (v) => (v.length === 2 ? (v[0]! / v[1]!) * 1e6 : ((v[0]! * v[1]!) / v[2]!) * 1e6),
  'costPerMillionTokensUsd.inputCacheMiss': ([cost, share, tokens]) => ((cost! * share!) / tokens!) * 1e6,
  'costPerMillionTokensUsd.inputCacheHit': ([cost, share, tokens]) => ((cost! * share!) / tokens!) * 1e6,
  capexUsd: sum,
  'effectiveUsdPerGpuHour.own': ([d, p, f, s, gpus, hours, u]) => (d! + p! + f! + s!) / (gpus! * hours! * u!),
  'runCostUsd.own': ([h, rate]) => h! * rate!,
  'runCostUsd.rent': ([h, rate]) => h! * rate!,
  breakEvenMonths: ([capex, rent, running]) => Math.ceil(capex! / (rent! - running!)),
};
const instances = ([load, capacity, utilization, min]: number[]) => Math.max(min!, Math.ceil(load! / (capacity! * utilization!) - 1e-9));

function checkAll(response: unknown, explanations: Explanations, expected: string[]) {
  expect(Object.keys(explanations).sort()).toEqual([...expected].sort());
  for (const [key, e] of Object.entries(explanations)) {
    expect(e.result, key).toBe(at(response, key));
    const formula = key.endsWith('.instances') ? instances : FORMULAS[key];
    expect(formula, key).toBeDefined();
    close(formula!(values(e)), e.result);
    expect(e.formula.length, key).toBeGreaterThan(10);
    for (const value of e.values) expect(Number.isFinite(value.value), `${key}: ${value.name}`).toBe(true);
  }
}

describe('explanations of the headline numbers', () => {
  it('training: GPU-hours = tokens ÷ (tokens/s per GPU × 3,600), and the rest', () => {
    const plan = planTraining({ model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 64, tokens: 1e11, sequenceLength: 4096, precision: 'bf16' });
    checkAll(plan, plan.explanations, [
      'steps',
      'stepTimeSeconds',
      'tokensPerSecondPerGpu',
      'gpuHours',
      'wallClockDays',
      'costUsd',
      'mfu',
      'memoryPerGpuBytes.total',
    ]);
    expect(plan.explanations.gpuHours?.formula).toBe('GPU-hours = tokens ÷ (tokens/s per GPU × 3,600 s/h)');
    expect(plan.explanations.gpuHours?.values.map((v) => v.name)).toEqual(['tokens', 'tokens/s per GPU', 'seconds per hour']);
  });

  const workload = { inputTokensPerDay: 4e9, cacheHitRate: 0.5, outputTokensPerDay: 1e9 };
  it('inference, disaggregated: instances = ⌈load ÷ (capacity × utilisation)⌉, nodes, cost, $ per million', () => {
    const plan = planInference({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload: { ...workload, peakToAverage: 1.5 },
      deployment: { mode: 'disaggregated' },
    });
    expect(plan.mode).toBe('disaggregated');
    const shared = ['averageNodes', 'peakNodes', 'gpuHoursPerDay', 'dailyCostUsd'];
    const prices = ['costPerMillionTokensUsd.output', 'costPerMillionTokensUsd.inputCacheMiss', 'costPerMillionTokensUsd.inputCacheHit'];
    checkAll(plan, plan.explanations, ['prefill.instances', 'decode.instances', ...shared, ...prices]);
  });

  it('inference, aggregated: the pool in requests per second', () => {
    const plan = planInference({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      precision: { weights: 'fp8', kvCache: 'fp8' },
      workload,
      deployment: { mode: 'aggregated' },
    });
    expect(plan.mode).toBe('aggregated');
    const keys = ['aggregated.instances', 'averageNodes', 'peakNodes', 'gpuHoursPerDay', 'dailyCostUsd'];
    checkAll(plan, plan.explanations, [
      ...keys,
      'costPerMillionTokensUsd.output',
      'costPerMillionTokensUsd.inputCacheMiss',
      'costPerMillionTokensUsd.inputCacheHit',
    ]);
  });

  it('cost of ownership: capex, the owned GPU-hour, the run both ways, break-even', () => {
    const plan = planOwnership({ gpu: 'h800', gpuCount: 2048, run: { gpuHours: 2.788e6 } });
    const keys = ['capexUsd', 'effectiveUsdPerGpuHour.own', 'runCostUsd.own', 'runCostUsd.rent'];
    checkAll(plan, plan.explanations, plan.breakEvenMonths === null ? keys : [...keys, 'breakEvenMonths']);
  });

  it('gives no explanation over a value that is not finite', () => {
    expect(explain('x', 'x = a', [['a', Number.POSITIVE_INFINITY, '']], 1, '')).toBeUndefined();
    expect(explain('x', 'x = a', [['a', 1, '']], Number.NaN, '')).toBeUndefined();
  });
});
