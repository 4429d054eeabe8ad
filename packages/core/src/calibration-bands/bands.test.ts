import { describe, expect, it } from 'vitest';
import { computeBands } from '../../calibration/bands/compute-bands.js';
import { conformalBound } from '../../calibration/bands/quantiles.js';
import { estimateThroughput, getGpu, getModel, planTraining } from '../index.js';
import { CALIBRATION_BANDS } from './data/bands.js';
import { trainingCalibration } from './lookup.js';

describe('error bands', () => {
  it('the stored table equals a fresh computation from the held-out rows (run npm run calibrate after a change)', () => {
    expect(CALIBRATION_BANDS).toEqual(computeBands());
  }, 120_000);

  it('finite-sample bounds: the ⌈(n+1)p⌉-th order statistic above, the ⌊(n+1)p⌋-th below, clamped to the sample', () => {
    const xs = Array.from({ length: 19 }, (_, i) => 19 - i); // 1..19, unsorted
    expect(conformalBound(xs, 0.9)).toBe(18); // ⌈20 × 0.9⌉ = 18
    expect(conformalBound(xs, 0.1)).toBe(2); // ⌊20 × 0.1⌋ = 2
    expect(conformalBound([1, 2, 3, 4, 5], 0.9)).toBe(5); // ⌈5.4⌉ = 6, clamped to the largest
    expect(conformalBound([1, 2, 3, 4, 5], 0.1)).toBe(1); // ⌊0.6⌋ = 0, clamped to the smallest
    expect(conformalBound([10], 0.9)).toBe(10);
  });

  it('every interval brackets its prediction from the group residuals; GPU-hours invert the ratio', () => {
    const c = trainingCalibration(getGpu('h100')!, getModel('llama-3.1-70b')!.architecture, { tokensPerSecondPerGpu: 1000, gpuHours: 1e6 });
    const q = CALIBRATION_BANDS.training.groups[c.group]!;
    expect(c.group).toBe('hopper|dense');
    expect(c.extrapolated).toBe(false);
    expect(c.intervals.tokensPerSecondPerGpu).toEqual({ low: 1000 * q.low, high: 1000 * q.high });
    expect(c.intervals.gpuHours!.low).toBeCloseTo(1e6 / q.high, 6);
    expect(c.intervals.gpuHours!.high).toBeCloseTo(1e6 / q.low, 6);
  });

  it('GPUs no calibration row ran on are extrapolated, with the reason', () => {
    for (const id of ['h20', 'a800', 'mi300x']) {
      const c = trainingCalibration(getGpu(id)!, getModel('llama-3.1-8b')!.architecture, { tokensPerSecondPerGpu: 1, gpuHours: 1 });
      expect(c.extrapolated).toBe(true);
      expect(c.notes.join(' ')).toMatch(/no calibration row ran on/);
    }
  });

  it('training plans and serving estimates carry their bands', () => {
    const t = planTraining({ model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 8, tokens: 1e11, sequenceLength: 8192, precision: 'bf16' });
    expect(t.calibration.intervals.tokensPerSecondPerGpu!.low).toBeLessThan(t.calibration.intervals.tokensPerSecondPerGpu!.high);
    const s = estimateThroughput({
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 1,
      concurrency: 16,
      inputTokens: 1000,
      outputTokens: 500,
      precision: { weights: 'fp8' },
      backend: 'vllm',
    });
    expect(s.calibration!.group).toBe('hopper|dense|decode|vllm');
    const i = s.calibration!.intervals;
    const q = CALIBRATION_BANDS.inference.groups['hopper|dense|decode|vllm']!;
    expect(i.tpotMs!.low).toBeCloseTo(s.tpotMs! * q.low, 9);
    expect(i.tpotMs!.high).toBeCloseTo(s.tpotMs! * q.high, 9);
    // tokens/s per GPU is inversely proportional to TPOT: its band takes the inverted ratios
    expect(i.outputTokensPerSecondPerGpu!.high).toBeCloseTo(s.outputTokensPerSecondPerGpu! / q.low, 6);
  });

  it.each([
    'training',
    'ttft',
    'tpot',
  ] as const)('the %s intervals cover 70-90%% of held-out rows out of sample (docs/error-bands.md reports the figures)', (quantity) => {
    const coverage = CALIBRATION_BANDS.coverage[quantity];
    expect(coverage).toBeGreaterThanOrEqual(0.7);
    expect(coverage).toBeLessThanOrEqual(0.9);
  });
});
