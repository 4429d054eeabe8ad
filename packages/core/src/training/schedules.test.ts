import { describe, expect, it } from 'vitest';
import { saturatingGemmEfficiency, routingMaxOverMean } from '../kernels/kernel-efficiency.js';
import { planTraining } from './plan.js';
import type { PipelineSchedule, TrainingRequest } from './types.js';

/** DeepSeek-V2's published layout (V2 report §3.1.4: 16-way zero-bubble PP, 8-way EP, ZeRO-1; GPU count assumed). */
const V2 = (schedule: PipelineSchedule): TrainingRequest => ({
  model: 'deepseek-v2',
  gpu: 'h800',
  gpuCount: 1024,
  tokens: 1e12,
  sequenceLength: 4096,
  globalBatchTokens: 2304 * 4096,
  precision: 'bf16',
  parallelism: { tp: 1, pp: 16, dp: 64, ep: 8, zero: 1, microBatchSize: 1, schedule, recompute: 'selective' },
});

describe('zero-bubble schedule (ZB-H1)', () => {
  const oneF = planTraining(V2('1f1b'));
  const zb = planTraining(V2('zerobubble'));
  it('keeps 1F1B memory and per-micro-batch work, shrinks only the bubble', () => {
    expect(zb.memoryPerGpuBytes.total).toBeCloseTo(oneF.memoryPerGpuBytes.total, 0);
    expect(zb.timeBreakdown.compute).toBeCloseTo(oneF.timeBreakdown.compute, 6);
    expect(zb.timeBreakdown.pipelineBubble).toBeLessThan(oneF.timeBreakdown.pipelineBubble);
    expect(zb.timeBreakdown.pipelineBubble).toBeGreaterThanOrEqual(0);
  });
  it('is rejected without a pipeline', () => {
    expect(() => planTraining({ ...V2('zerobubble'), gpuCount: 64, parallelism: { tp: 1, pp: 1, dp: 64, ep: 8, schedule: 'zerobubble' } })).toThrow();
  });
});

describe('shared kernel curves', () => {
  it('GEMM efficiency saturates at its peak and halves at M½', () => {
    expect(saturatingGemmEfficiency(0.7, 70, 70)).toBeCloseTo(0.35, 10);
    expect(saturatingGemmEfficiency(0.7, 1e9, 70)).toBeCloseTo(0.7, 6);
  });
  it('busiest-rank excess shrinks with load and vanishes for one rank', () => {
    expect(routingMaxOverMean(100, 1)).toBe(1);
    expect(routingMaxOverMean(10000, 64)).toBeLessThan(routingMaxOverMean(100, 64));
  });
});
