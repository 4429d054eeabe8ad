import type { Explanation, Explanations } from '@gcp/contract';
import { describe, expect, it } from 'vitest';
import { auditTrainingClaim, planOwnership } from '../cost/cost-requests.js';
import { estimateThroughput } from '../inference/serving/throughput.js';
import { planRlPostTraining } from '../programme/rl-post-training.js';
import { planTrainingProgramme } from '../programme/training-programme.js';
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
  // claim audit
  impliedTokensPerSecondPerGpu: ([tokens, gpuHours, sph]) => tokens! / (gpuHours! * sph!),
  impliedMfu: ([flops, tps, peak]) => (flops! * tps!) / peak!,
  shareOfPrecisionPeak: ([flops, tps, peak]) => (flops! * tps!) / peak!,
  'predicted.claimedToPredictedSpeed': ([claimed, predicted]) => claimed! / predicted!,
  impliedUsdPerGpuHour: ([cost, gpuHours]) => cost! / gpuHours!,
  // programme totals and RL
  'totals.gpuHours': sum,
  'totals.wallClockDays': sum,
  'totals.costUsd': ([gpuHours, price]) => gpuHours! * price!,
  'totals.energyMWh': (v) => v.slice(0, -1).reduce((a, b) => a * b, 1) / v[v.length - 1]!,
  'grpo.gpuHours': sum,
  'ppo.gpuHours': sum,
  'grpo.wallClockHours': ([gpuHours, gpus]) => gpuHours! / gpus!,
  'ppo.wallClockHours': ([gpuHours, gpus]) => gpuHours! / gpus!,
  'grpo.costUsd': ([gpuHours, price]) => gpuHours! * price!,
  'ppo.costUsd': ([gpuHours, price]) => gpuHours! * price!,
  ppoToGrpoCostRatio: ([ppo, grpo]) => ppo! / grpo!,
  // one serving instance
  tpotMs: ([decode, batch, prefill, output]) => decode! + ((batch! - 1) * prefill!) / output!,
  ttftMs: sum,
  outputTokensPerSecondPerGpu: ([batch, output, requestS, gpus]) => (batch! * output!) / requestS! / gpus!,
  outputTokensPerSecondPerUser: ([msPerS, tpot]) => msPerS! / tpot!,
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

  it('claim audit: implied tokens/s, MFU, share of the precision peak, the ratio to the prediction, the implied price', () => {
    const audit = auditTrainingClaim({ model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 64, tokens: 1e11, gpuHours: 3000, costUsd: 6000, precision: 'bf16' });
    expect(audit.predicted).toBeDefined();
    checkAll(audit, audit.explanations, [
      'wallClockDays',
      'impliedTokensPerSecondPerGpu',
      'impliedMfu',
      'shareOfPrecisionPeak',
      'predicted.claimedToPredictedSpeed',
      'impliedUsdPerGpuHour',
    ]);
    // no claimed cost: no implied price to explain
    const bare = auditTrainingClaim({ model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 64, tokens: 1e11, days: 2, precision: 'bf16' });
    expect(bare.explanations.impliedUsdPerGpuHour).toBeUndefined();
  });

  it('programme: totals summed over the phases, cost at the price, energy from TDP, draw, server factor and PUE', () => {
    const phase = { sequenceLength: 4096, batchSequences: 256 };
    const p = planTrainingProgramme({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 64,
      phases: [
        { name: 'pre-training', tokens: 1e11, ...phase },
        { name: 'annealing', steps: 100, ...phase },
      ],
    });
    checkAll(p, p.explanations, ['totals.gpuHours', 'totals.wallClockDays', 'totals.costUsd', 'totals.energyMWh']);
    expect(p.explanations['totals.gpuHours']?.values.map((v) => v.name)).toEqual(['pre-training', 'annealing']);
  });

  it('RL: GRPO and PPO GPU-hours as the sum of their stages, wall-clock, cost and the PPO ÷ GRPO ratio', () => {
    const r = planRlPostTraining({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 16,
      promptsPerStep: 64,
      groupSize: 8,
      promptTokens: 512,
      responseTokens: 2048,
      steps: 100,
    });
    const perAlgorithm = (a: string) => [`${a}.gpuHours`, `${a}.wallClockHours`, `${a}.costUsd`];
    checkAll(r, r.explanations, [...perAlgorithm('grpo'), ...perAlgorithm('ppo'), 'ppoToGrpoCostRatio']);
    expect(r.explanations['ppo.gpuHours']?.values.map((v) => v.name)).toContain('critic update');
  });

  it('one serving instance: TPOT, TTFT and the throughputs from the closed loop’s terms', () => {
    const request = {
      model: 'llama-3.1-70b',
      gpu: 'h100',
      gpuCount: 4,
      precision: { weights: 'fp8', kvCache: 'fp8' },
      inputTokens: 2048,
      outputTokens: 512,
      concurrency: 32,
    } as const;
    const t = estimateThroughput(request);
    checkAll(t, t.explanations!, ['tpotMs', 'ttftMs', 'outputTokensPerSecondPerGpu', 'outputTokensPerSecondPerUser']);
    // past the batch a model fits, the slot wait is a term of TTFT of its own
    const queued = estimateThroughput({ ...request, concurrency: 4 * t.maxConcurrency });
    expect(queued.explanations?.ttftMs?.values.find((v) => v.name === 'wait for a batch slot')?.value).toBeGreaterThan(0);
    checkAll(queued, queued.explanations!, ['tpotMs', 'ttftMs', 'outputTokensPerSecondPerGpu', 'outputTokensPerSecondPerUser']);
  });

  it('gives no explanation over a value that is not finite', () => {
    expect(explain('x', 'x = a', [['a', Number.POSITIVE_INFINITY, '']], 1, '')).toBeUndefined();
    expect(explain('x', 'x = a', [['a', 1, '']], Number.NaN, '')).toBeUndefined();
  });
});
