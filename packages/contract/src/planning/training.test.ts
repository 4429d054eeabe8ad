import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/issues.js';
import type { TrainingPlanRequest } from '../types.js';
import { trainingPlanRequestSchema } from './training.js';

/** DeepSeek-V3 as published (V3 report §3.1-3.3, §4.2). */
const V3: TrainingPlanRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12,
  sequenceLength: 4096,
  globalBatchTokens: 15360 * 4096,
  precision: 'fp8',
  optimizerStatePrecision: 'bf16',
  parallelism: { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1, schedule: 'dualpipe' },
};
const paths = (patch: Partial<TrainingPlanRequest>) => issuesOf(trainingPlanRequestSchema, { ...V3, ...patch }).map((issue) => issue.split(':')[0]);

describe('training request schema', () => {
  it('accepts the published DeepSeek-V3 run', () => {
    expect(issuesOf(trainingPlanRequestSchema, V3)).toEqual([]);
  });

  it('names the field of each bad count or size (zero GPUs, tokens ≤ 0, a fractional micro-batch)', () => {
    expect(paths({ gpuCount: 0 })).toEqual(['gpuCount']);
    expect(paths({ tokens: -1 })).toEqual(['tokens']);
    expect(paths({ tokens: 0 })).toEqual(['tokens']);
    expect(paths({ sequenceLength: 4096.5 })).toEqual(['sequenceLength']);
    expect(paths({ parallelism: { ...V3.parallelism!, microBatchSize: 0.5 } })).toEqual(['parallelism.microBatchSize']);
    expect(paths({ precision: 'fp4' as never })).toEqual(['precision']);
  });

  it('a global batch holds at least one sequence', () => {
    expect(issuesOf(trainingPlanRequestSchema, { ...V3, globalBatchTokens: 1024 })).toEqual([
      'globalBatchTokens: globalBatchTokens must hold at least one sequence (≥ sequenceLength)',
    ]);
    expect(paths({ globalBatchTokens: undefined })).toEqual([]);
  });

  it('leaves the rules that need the model and the GPU to the planner (layout product, ep, FP8 on the chip)', () => {
    expect(paths({ parallelism: { tp: 1, pp: 16, dp: 64, ep: 64 } })).toEqual([]);
    expect(paths({ gpu: 'a100' })).toEqual([]);
  });
});
