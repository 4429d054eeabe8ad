import { describe, expect, it } from 'vitest';
import { planTraining, type TrainingRequest } from '../index.js';
import { getModel } from '../models/catalog.js';
import { TP_COLLECTIVES_PER_LAYER, TP_FORWARD_ALL_GATHERS_PER_LAYER, withOpSelectiveRecomputedComm } from './communication.js';
import { buildModelProfile, withOpSelectiveShares } from './model-profile.js';
import type { RecomputeMode } from './types.js';

// torchtitan's op-level selective activation checkpointing (torchtitan parallelisms/parallelize_llama.py):
// "Saves output of all compute ops, except every second mm", counted per transformer block in module order.

describe('op-level selective recomputation: which linears are rebuilt', () => {
  it('every second linear in module order, a fused GEMM counting as its separate linears', () => {
    const shares = withOpSelectiveShares([
      { name: 'qkv', k: 8, n: 12, split: 'column', fp8: true, selectiveRecompute: false, unfusedN: [8, 2, 2] },
      { name: 'o', k: 8, n: 8, split: 'row', fp8: true, selectiveRecompute: false },
      { name: 'gate_up', k: 8, n: 32, split: 'column', fp8: true, selectiveRecompute: false, unfusedN: [16, 16] },
      { name: 'down', k: 16, n: 8, split: 'row', fp8: true, selectiveRecompute: false },
    ]).map((g) => g.opSelectiveRecomputedShare);
    // positions: q 1, k 2, v 3 | o 4 | gate 5, up 6 | down 7 → k, o and up are rebuilt
    expect(shares).toEqual([2 / 12, 1, 16 / 32, 0]);
  });

  it("Llama 3.1 8B's layer: k, o and up are rebuilt, what it keeps is the input, q, v, gate, down and the attention output", () => {
    const arch = getModel('llama-3.1-8b')!.architecture;
    const layer = buildModelProfile(arch, 8192).kinds[0]!;
    const a = arch.attention;
    const q = a.numHeads * a.qkHeadDim,
      kv = a.numKvHeads * a.qkHeadDim,
      h = arch.hiddenSize,
      inner = arch.denseIntermediateSize;
    expect(layer.gemms.map((g) => g.opSelectiveRecomputedShare)).toEqual([kv / (q + 2 * kv), 1, 0.5, 0]);
    // FP32 softmax statistics, one per head, counted in BF16-sized elements (two each)
    expect(layer.activations.opSelectiveKept).toBeCloseTo(h + q + kv + inner + h + a.numHeads * a.vHeadDim + 2 * a.numHeads, 9);
  });
});

describe('op-level selective recomputation in a plan', () => {
  const request = (recompute: RecomputeMode, tp = 1): TrainingRequest => ({
    model: 'llama-3.1-8b',
    gpu: 'h100',
    gpuCount: 8,
    tokens: 1e12,
    sequenceLength: 8192,
    globalBatchTokens: 64 * 8192,
    precision: 'bf16',
    parallelism: { tp, pp: 1, dp: 8 / tp, ep: 1, zero: 3, microBatchSize: 1, schedule: '1f1b', recompute },
  });
  const plan = (recompute: RecomputeMode, tp = 1) => planTraining(request(recompute, tp), { warnings: false });

  it('costs more time than selective and less than full, and keeps memory between them', () => {
    const selective = plan('selective'),
      op = plan('selective-op'),
      full = plan('full');
    expect(op.stepTimeSeconds).toBeGreaterThan(selective.stepTimeSeconds);
    expect(op.stepTimeSeconds).toBeLessThan(full.stepTimeSeconds);
    expect(op.memoryPerGpuBytes.activations).toBeLessThan(selective.memoryPerGpuBytes.activations);
    expect(op.memoryPerGpuBytes.activations).toBeGreaterThan(full.memoryPerGpuBytes.activations);
    expect(op.parallelism.recompute).toBe('selective-op');
  });

  it('repeats the forward TP all-gathers (2 of 8 collectives per layer more), not the reduce-scatters', () => {
    const comm = { tpCommS: 8, tpOverlappedS: 4, cpCommS: 3, cpGatherS: 1, epForwardS: 2, epBackwardS: 4 };
    const factor = (TP_COLLECTIVES_PER_LAYER + TP_FORWARD_ALL_GATHERS_PER_LAYER) / TP_COLLECTIVES_PER_LAYER;
    expect(withOpSelectiveRecomputedComm(comm)).toEqual({
      tpCommS: 8 * factor,
      tpOverlappedS: 4 * factor,
      cpCommS: 3,
      cpGatherS: 1,
      epForwardS: 2,
      epBackwardS: 6,
    });
    const selective = plan('selective', 4).timeBreakdown.exposedCommunication.tensorParallel;
    const op = plan('selective-op', 4).timeBreakdown.exposedCommunication.tensorParallel;
    expect(op / selective).toBeCloseTo(factor, 9);
  });

  it('is planned only when named: the free search tries none, selective and full', () => {
    const { parallelism: _given, ...searched } = request('selective-op');
    const free = planTraining(searched, { warnings: false });
    expect(['none', 'selective', 'full']).toContain(free.parallelism.recompute);
    const pinned = planTraining({ ...searched, layoutConstraints: { recompute: 'selective-op' } }, { warnings: false });
    expect(pinned.parallelism.recompute).toBe('selective-op');
    expect(pinned.alternatives.length).toBeGreaterThan(0);
    expect(pinned.alternatives.every((alt) => alt.parallelism.recompute === 'selective-op')).toBe(true);
  });
});
