import { describe, expect, it } from 'vitest';
import { planTraining, type TrainingRequest } from '../index.js';
import { getModel } from '../models/catalog.js';
import { BYTES_PER_ELEMENT } from '../units/units.js';
import { quantBytesPerElement, tokenQuantBytes } from './fp8-quant-bytes.js';
import { buildModelProfile } from './model-profile.js';

// Current scaling (Transformer Engine Float8CurrentScaling, Megatron-Bridge FP8-CS, torchao tensorwise)
// computes each tensor's amax in a pass of its own before the cast: one more BF16 read per element.
// Delayed (amax history) and blockwise (per-tile scales inside the cast) do not.

describe('fp8Scaling: quantisation traffic', () => {
  it('current scaling adds one BF16 read per quantised element; delayed and blockwise write FP8 and its transpose only', () => {
    expect(quantBytesPerElement('delayed')).toBe(2 * BYTES_PER_ELEMENT.fp8);
    expect(quantBytesPerElement('blockwise')).toBe(quantBytesPerElement('delayed'));
    expect(quantBytesPerElement('current') - quantBytesPerElement('delayed')).toBe(BYTES_PER_ELEMENT.bf16);
    const layer = buildModelProfile(getModel('llama-3.1-8b')!.architecture, 8192).kinds[0]!;
    const delayed = tokenQuantBytes(layer, 1, 'delayed'),
      current = tokenQuantBytes(layer, 1, 'current');
    expect(current.forwardBytes / delayed.forwardBytes).toBeCloseTo(quantBytesPerElement('current') / quantBytesPerElement('delayed'), 12);
  });

  const request = (fp8Scaling?: 'delayed' | 'blockwise' | 'current', precision: 'fp8' | 'bf16' = 'fp8'): TrainingRequest => ({
    model: 'llama-3.1-8b',
    gpu: 'h100',
    gpuCount: 8,
    tokens: 1e12,
    sequenceLength: 8192,
    globalBatchTokens: 64 * 8192,
    precision,
    ...(fp8Scaling ? { fp8Scaling } : {}),
    parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 1, microBatchSize: 1, schedule: '1f1b', recompute: 'full' },
  });
  const step = (s?: 'delayed' | 'blockwise' | 'current', p: 'fp8' | 'bf16' = 'fp8') => planTraining(request(s, p), { warnings: false }).stepTimeSeconds;

  it('a plan under current scaling is slower than under delayed (the default) and blockwise, and BF16 ignores it', () => {
    expect(step()).toBe(step('delayed'));
    expect(planTraining(request(), { warnings: false }).fp8Scaling).toBe('delayed');
    expect(planTraining(request('current'), { warnings: false }).fp8Scaling).toBe('current');
    expect(step('blockwise')).toBe(step('delayed'));
    expect(step('current')).toBeGreaterThan(step('delayed'));
    expect(step('current', 'bf16')).toBe(step(undefined, 'bf16'));
  });
});
