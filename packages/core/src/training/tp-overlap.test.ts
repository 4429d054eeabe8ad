import { describe, expect, it } from 'vitest';
import { planTraining } from '../index.js';
import { withTpOverlap } from './tp-overlap.js';

const comm = { tpCommS: 8, tpOverlappedS: 0, cpCommS: 1, cpGatherS: 0.5, epForwardS: 0, epBackwardS: 0 };

describe('TP communication overlap', () => {
  it('hides the collectives behind the GEMMs except the first chunk', () => {
    expect(withTpOverlap(comm, 100, 4, true)).toEqual({ ...comm, tpCommS: 2, tpOverlappedS: 6 });
    // GEMMs shorter than the transfer: the excess stays exposed
    expect(withTpOverlap(comm, 3, 4, true)).toEqual({ ...comm, tpCommS: 5, tpOverlappedS: 3 });
  });
  it('changes nothing when off or without TP', () => {
    expect(withTpOverlap(comm, 100, 4, false)).toBe(comm);
    expect(withTpOverlap(comm, 100, 1, true)).toBe(comm);
  });

  const request = (tpCommOverlap?: boolean) => ({
    model: 'llama-3.1-70b',
    gpu: 'h100',
    gpuCount: 64,
    tokens: 1e12,
    sequenceLength: 8192,
    globalBatchTokens: 128 * 8192,
    precision: 'fp8' as const,
    ...(tpCommOverlap === undefined ? {} : { tpCommOverlap }),
    parallelism: { tp: 4, pp: 4, dp: 4, ep: 1, microBatchSize: 1, schedule: 'interleaved' as const, virtualStages: 5 },
  });

  it('reports exposed and overlapped TP time; the total is the same, the step shorter', () => {
    const off = planTraining(request());
    const on = planTraining(request(true));
    expect(off.timeBreakdown.overlappedTensorParallel).toBe(0);
    expect(on.timeBreakdown.overlappedTensorParallel).toBeGreaterThan(0);
    expect(on.timeBreakdown.exposedCommunication.tensorParallel).toBeLessThan(off.timeBreakdown.exposedCommunication.tensorParallel);
    const total = (p: typeof on) => p.timeBreakdown.exposedCommunication.tensorParallel + p.timeBreakdown.overlappedTensorParallel;
    expect(total(on)).toBeCloseTo(total(off), 6);
    expect(on.stepTimeSeconds).toBeLessThan(off.stepTimeSeconds);
    expect(planTraining(request(false)).stepTimeSeconds).toBe(off.stepTimeSeconds);
  });
});
