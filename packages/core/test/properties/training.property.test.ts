import type { TrainingPlanRequest } from '@gcp/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTraining, type TrainingRequest } from '../../src/index.js';
import { badNumbers, rel } from './numbers.js';

/**
 * Properties of the training planner over random valid requests (fast-check). Pinned layouts keep
 * most runs cheap; the searched ones use small clusters.
 */
const LLAMA_8B: TrainingRequest = {
  model: 'llama-3.1-8b',
  gpu: 'h100',
  gpuCount: 8,
  tokens: 1e11,
  sequenceLength: 4096,
  globalBatchTokens: 1024 * 4096,
  precision: 'bf16',
  parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 1, microBatchSize: 1 },
};

const tokens = fc.double({ min: 1e9, max: 1e13, noNaN: true });
const price = fc.double({ min: 0.05, max: 50, noNaN: true });
/** A fully pinned layout: dp replicas of tp × pp (ZeRO 1, 1F1B, one sequence per micro-batch, selective recomputation). */
const layoutFor = (tp: number, pp: number, dp: number) =>
  ({ tp, pp, dp, ep: 1, zero: 1, microBatchSize: 1, schedule: '1f1b', virtualStages: 1, recompute: 'selective' }) as const;

describe('training planner properties', () => {
  it('cost = GPU-hours × price per GPU-hour, at any price', () => {
    fc.assert(
      fc.property(tokens, price, (t, p) => {
        const plan = planTraining({ ...LLAMA_8B, tokens: t, pricePerGpuHourUsd: p });
        return rel(plan.costUsd, plan.gpuHours * p) < 1e-12 && plan.price.usdPerGpuHour === p;
      }),
      { numRuns: 40 },
    );
  });

  it('GPU-hours = GPUs × wall-clock hours', () => {
    fc.assert(
      fc.property(tokens, fc.constantFrom(8, 16, 32, 64), (t, gpus) => {
        const plan = planTraining({ ...LLAMA_8B, tokens: t, gpuCount: gpus, parallelism: layoutFor(1, 1, gpus) });
        return rel(plan.gpuHours, gpus * plan.wallClockDays * 24) < 1e-9;
      }),
      { numRuns: 30 },
    );
  });

  it('GPU-hours scale linearly with tokens at a fixed layout (one step of rounding at most)', () => {
    fc.assert(
      fc.property(tokens, fc.double({ min: 1, max: 100, noNaN: true }), (t, k) => {
        const base = planTraining({ ...LLAMA_8B, tokens: t });
        const scaled = planTraining({ ...LLAMA_8B, tokens: t * k });
        const stepHours = (base.stepTimeSeconds / 3600) * LLAMA_8B.gpuCount;
        return Math.abs(scaled.gpuHours - k * base.gpuHours) <= k * stepHours + 1e-9 * scaled.gpuHours;
      }),
      { numRuns: 30 },
    );
  });

  it("a fixed layout's memory per GPU never rises when only the GPU count (data parallelism) rises", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4, 8),
        fc.constantFrom(1, 2, 4),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (tp, pp, logDp, extra) => {
          const dp = 2 ** logDp;
          const more = dp * 2 ** extra;
          const at = (d: number) =>
            planTraining({ ...LLAMA_8B, gpuCount: tp * pp * d, globalBatchTokens: 2048 * 4096, parallelism: layoutFor(tp, pp, d) }).memoryPerGpuBytes.total;
          return at(more) <= at(dp) * (1 + 1e-12);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('FP8 is never slower than BF16 where the BF16 step is compute-bound (same layout, FP8 GPU)', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('llama-3.1-8b', 'llama-3.1-70b'),
        fc.constantFrom('h100', 'h200', 'h800'),
        fc.constantFrom(1, 2, 4, 8),
        fc.constantFrom(2048, 4096, 8192),
        (model, gpu, tp, sequenceLength) => {
          const request = {
            ...LLAMA_8B,
            model,
            gpu,
            sequenceLength,
            gpuCount: 64,
            parallelism: { ...layoutFor(tp, model === 'llama-3.1-70b' ? 4 : 1, 64 / (tp * (model === 'llama-3.1-70b' ? 4 : 1))), recompute: 'full' as const },
          };
          const bf16 = planTraining({ ...request, precision: 'bf16' });
          fc.pre(bf16.bottleneck === 'compute');
          const fp8 = planTraining({ ...request, precision: 'fp8' });
          compared++;
          return fp8.stepTimeSeconds <= bf16.stepTimeSeconds * (1 + 1e-9);
        },
      ),
      { numRuns: 30 },
    );
    expect(compared).toBeGreaterThanOrEqual(20);
  });

  it('more GPUs never lengthen the searched wall-clock beyond 2% (same model, tokens and batch)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 16, 32),
        fc.constantFrom(2, 4),
        fc.constantFrom('bf16', 'fp8') as fc.Arbitrary<TrainingPlanRequest['precision']>,
        (gpus, factor, precision) => {
          const { parallelism: _pinned, ...searched } = LLAMA_8B;
          const few = planTraining({ ...searched, precision, gpuCount: gpus });
          const many = planTraining({ ...searched, precision, gpuCount: gpus * factor });
          return many.wallClockDays <= few.wallClockDays * 1.02;
        },
      ),
      { numRuns: 8 },
    );
  });

  it('searched plans are finite and non-negative everywhere, with MFU in (0, 1]', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('llama-3.1-8b', 'qwen3-30b-a3b', 'mixtral-8x7b', 'deepseek-v2-lite'),
        fc.constantFrom('h100', 'a100', 'mi300x', 'b200'),
        fc.constantFrom(8, 16, 64),
        fc.constantFrom(1024, 4096, 8192),
        (model, gpu, gpuCount, sequenceLength) => {
          const plan = planTraining({ model, gpu, gpuCount, tokens: 1e11, sequenceLength, globalBatchTokens: 512 * sequenceLength, precision: 'bf16' });
          checked++;
          expect(badNumbers(plan)).toEqual([]);
          return !plan.feasible || (plan.mfu > 0 && plan.mfu <= 1);
        },
      ),
      { numRuns: 16 },
    );
    expect(checked).toBe(16);
  });

  it('a longer context never makes a token cheaper: GPU-hours never fall with sequence length at equal tokens per micro-batch', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1024, 2048, 4096),
        fc.constantFrom(2, 4),
        fc.constantFrom('bf16', 'fp8') as fc.Arbitrary<TrainingPlanRequest['precision']>,
        (short, factor, precision) => {
          // attention FLOPs per token grow with the context; the GEMM shapes stay the same (tokens per micro-batch fixed)
          const at = (sequenceLength: number) =>
            planTraining({
              ...LLAMA_8B,
              precision,
              sequenceLength,
              globalBatchTokens: 2048 * 8192,
              parallelism: { ...layoutFor(1, 1, 8), microBatchSize: 16384 / sequenceLength, recompute: 'full' },
            }).gpuHours;
          return at(short * factor) >= at(short) * (1 - 1e-9);
        },
      ),
      { numRuns: 12 },
    );
  });
});
