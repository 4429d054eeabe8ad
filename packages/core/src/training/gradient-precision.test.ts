import { describe, expect, it } from 'vitest';
import { planTraining, type TrainingRequest } from '../index.js';
import { gradientBytes, optimizerStepBytesPerParam } from './optimizer-bytes.js';
import { BYTES_PER_ELEMENT } from '../units/units.js';

// NeMo and Megatron-Bridge performance recipes reduce gradients in BF16 (grad_reduce_in_fp32 = False);
// Megatron's default and FSDP's reduce_dtype float32 keep them in FP32.

describe('gradientPrecision', () => {
  const request = (gradientPrecision?: 'fp32' | 'bf16'): TrainingRequest => ({
    model: 'llama-3.1-8b',
    gpu: 'h100',
    gpuCount: 16,
    tokens: 1e12,
    sequenceLength: 8192,
    globalBatchTokens: 16 * 8192,
    precision: 'bf16',
    ...(gradientPrecision ? { gradientPrecision } : {}),
    parallelism: { tp: 1, pp: 1, dp: 16, ep: 1, zero: 1, microBatchSize: 1, schedule: '1f1b', recompute: 'selective' },
  });
  const plan = (g?: 'fp32' | 'bf16') => planTraining(request(g), { warnings: false });

  it('FP32 by default; BF16 halves the gradient buffers and leaves the other memory terms alone', () => {
    const fp32 = plan(),
      given = plan('fp32'),
      bf16 = plan('bf16');
    expect(given.memoryPerGpuBytes).toEqual(fp32.memoryPerGpuBytes);
    expect([fp32.gradientPrecision, bf16.gradientPrecision]).toEqual(['fp32', 'bf16']);
    expect(bf16.memoryPerGpuBytes.gradients / fp32.memoryPerGpuBytes.gradients).toBeCloseTo(BYTES_PER_ELEMENT.bf16 / BYTES_PER_ELEMENT.fp32, 12);
    expect(bf16.memoryPerGpuBytes.optimizerStates).toBe(fp32.memoryPerGpuBytes.optimizerStates);
    expect(bf16.memoryPerGpuBytes.activations).toBe(fp32.memoryPerGpuBytes.activations);
  });

  it('the gradient reduce-scatter moves half the bytes and the optimizer step reads half the gradient bytes', () => {
    expect(gradientBytes('bf16') / gradientBytes('fp32')).toBe(0.5);
    expect(optimizerStepBytesPerParam('fp32', 'fp32') - optimizerStepBytesPerParam('fp32', 'bf16')).toBe(BYTES_PER_ELEMENT.fp32 - BYTES_PER_ELEMENT.bf16);
    const fp32 = plan('fp32').timeBreakdown,
      bf16 = plan('bf16').timeBreakdown;
    expect(bf16.optimizerStep).toBeLessThan(fp32.optimizerStep);
    expect(bf16.exposedCommunication.dataParallel).toBeLessThanOrEqual(fp32.exposedCommunication.dataParallel);
  });

  it('can let a layout fit without recomputation that FP32 gradients push out of HBM (NeMo Llama 3 8B, CP2, FP8)', () => {
    const nemo: TrainingRequest = {
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 8,
      tokens: 1e12,
      sequenceLength: 8192,
      globalBatchTokens: 128 * 8192,
      precision: 'fp8',
      parallelism: { tp: 1, pp: 1, dp: 4, cp: 2, ep: 1, zero: 1, microBatchSize: 1, schedule: '1f1b', recompute: 'none' },
    };
    expect(planTraining(nemo, { warnings: false }).fits).toBe(false);
    expect(planTraining({ ...nemo, gradientPrecision: 'bf16' }, { warnings: false }).fits).toBe(true);
  });
});
