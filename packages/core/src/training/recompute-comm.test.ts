import { describe, expect, it } from 'vitest';
import { planTraining, type TrainingRequest } from '../index.js';
import { TP_COLLECTIVES_PER_LAYER, TP_FORWARD_COLLECTIVES_PER_LAYER, withRecomputedForwardComm } from './communication.js';

describe('collectives under full activation recomputation', () => {
  it('repeat the forward pass: its TP collectives, the CP all-gather and the expert dispatch + combine', () => {
    const comm = { tpCommS: 8, tpOverlappedS: 4, cpCommS: 3, cpGatherS: 1, epForwardS: 2, epBackwardS: 4 };
    expect(TP_FORWARD_COLLECTIVES_PER_LAYER * 2).toBe(TP_COLLECTIVES_PER_LAYER);
    expect(withRecomputedForwardComm(comm)).toEqual({ tpCommS: 12, tpOverlappedS: 6, cpCommS: 4, cpGatherS: 1, epForwardS: 2, epBackwardS: 6 });
  });

  const request = (recompute: 'selective' | 'full'): TrainingRequest => ({
    model: 'llama-3.1-70b',
    gpu: 'a100',
    gpuCount: 64,
    tokens: 1e12,
    sequenceLength: 8192,
    globalBatchTokens: 64 * 8192,
    precision: 'bf16',
    parallelism: { tp: 8, cp: 2, pp: 4, dp: 1, ep: 1, microBatchSize: 1, schedule: '1f1b', recompute },
  });

  it('a planned step pays them: 12 of 8 TP collectives per layer and one more K/V all-gather, selective recomputation none', () => {
    const selective = planTraining(request('selective')).timeBreakdown.exposedCommunication;
    const full = planTraining(request('full')).timeBreakdown.exposedCommunication;
    expect(full.tensorParallel / selective.tensorParallel).toBeCloseTo(12 / 8, 9);
    // all-gather and reduce-scatter of the same K/V bytes cost alike: one more gather is half again
    expect(full.contextParallel / selective.contextParallel).toBeCloseTo(3 / 2, 6);
  });
});
