import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/issues.js';
import type { TrainingPlanRequest } from '../types.js';
import { programmeRequestSchema } from './programme.js';
import { PIN_OR_CONSTRAIN_MESSAGE, trainingPlanRequestSchema } from './training.js';

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

  it('takes the state precisions and recomputation modes it documents, and names a wrong one', () => {
    expect(paths({ gradientPrecision: 'bf16' })).toEqual([]);
    expect(paths({ gradientPrecision: 'fp16' as never })).toEqual(['gradientPrecision']);
    expect(paths({ fp8Scaling: 'current' })).toEqual([]);
    expect(paths({ fp8Scaling: 'tensorwise' as never })).toEqual(['fp8Scaling']);
    expect(paths({ parallelism: { ...V3.parallelism!, recompute: 'selective-op' } })).toEqual([]);
    expect(paths({ parallelism: { ...V3.parallelism!, recompute: 'op' as never } })).toEqual(['parallelism.recompute']);
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

describe('layoutConstraints', () => {
  const searched = { ...V3, parallelism: undefined };
  it('accepts any subset of the layout fields, and none', () => {
    expect(issuesOf(trainingPlanRequestSchema, { ...searched, layoutConstraints: { tp: 1 } })).toEqual([]);
    expect(issuesOf(trainingPlanRequestSchema, { ...searched, layoutConstraints: { pp: 16, schedule: 'dualpipe', recompute: 'full' } })).toEqual([]);
    expect(issuesOf(trainingPlanRequestSchema, { ...searched, layoutConstraints: {} })).toEqual([]);
  });
  it('names the bad field, and rejects unknown ones', () => {
    expect(paths({ parallelism: undefined, layoutConstraints: { tp: 0 } })).toEqual(['layoutConstraints.tp']);
    expect(paths({ parallelism: undefined, layoutConstraints: { schedule: 'gpipe' as never } })).toEqual(['layoutConstraints.schedule']);
    expect(paths({ parallelism: undefined, layoutConstraints: { maxTp: 8 } as never })).toEqual(['layoutConstraints.maxTp']);
  });
  it('is exclusive with parallelism, reported on layoutConstraints (request and programme phase)', () => {
    expect(issuesOf(trainingPlanRequestSchema, { ...V3, layoutConstraints: { tp: 1 } })).toEqual([`layoutConstraints: ${PIN_OR_CONSTRAIN_MESSAGE}`]);
    const phase = { name: 'a', steps: 10, sequenceLength: 4096, batchSequences: 8 };
    const programme = { model: 'deepseek-v3', gpu: 'h800', gpuCount: 2048 };
    expect(issuesOf(programmeRequestSchema, { ...programme, phases: [{ ...phase, layoutConstraints: { tp: 1 } }] })).toEqual([]);
    expect(issuesOf(programmeRequestSchema, { ...programme, phases: [{ ...phase, parallelism: V3.parallelism, layoutConstraints: { tp: 1 } }] })).toEqual([
      `phases.0.layoutConstraints: ${PIN_OR_CONSTRAIN_MESSAGE}`,
    ]);
  });
});
