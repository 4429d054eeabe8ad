import { describe, expect, it } from 'vitest';
import { getGpu } from '../../gpus/catalog.js';
import { getModel } from '../../models/catalog.js';
import { makeSetup } from './setup.js';
import { closedLoopMva, disaggregatedServing } from './disaggregated.js';
import { prefillTokensPerSecond } from '../step/prefill.js';

const arch = getModel('deepseek-v3')!.architecture;
const gpu = getGpu('h200')!;
const ps = makeSetup({
  arch,
  gpu,
  layout: { attentionTp: 1, attentionDp: 8, moeTp: 1, moeEp: 8, pp: 1 },
  weights: 'fp8',
  kvBytesPerElement: 1,
  backend: 'trtllm',
});
const ds = makeSetup({
  arch,
  gpu,
  layout: { attentionTp: 8, attentionDp: 1, moeTp: 1, moeEp: 8, pp: 1 },
  weights: 'fp8',
  kvBytesPerElement: 1,
  backend: 'trtllm',
});
const load = (c: number) => ({ concurrency: c, inputTokens: 8192, outputTokens: 1024, prefillWorkers: 1, decodeWorkers: 4 });

describe('disaggregated closed loop', () => {
  it('MVA: one customer sees no queue; throughput never exceeds 1 / demand', () => {
    expect(closedLoopMva(1, 0.1, 0.9)).toEqual({ x: 1, r: 0.1 });
    const m = closedLoopMva(1000, 0.1, 0.9);
    expect(m.x).toBeLessThanOrEqual(10 + 1e-9);
    expect(m.x).toBeGreaterThan(9.9);
  });

  it('TTFT and TPOT grow with concurrency; throughput stays under the prefill pool capacity', () => {
    const cap = prefillTokensPerSecond(ps, { newTokens: 8192, cachedTokens: 0 }) / 8192;
    let prev = disaggregatedServing(ps, ds, load(1));
    for (const c of [8, 64, 256, 1024, 4096]) {
      const e = disaggregatedServing(ps, ds, load(c));
      expect(e.ttftS).toBeGreaterThanOrEqual(prev.ttftS);
      expect(e.tpotS).toBeGreaterThanOrEqual(prev.tpotS * 0.99); // flat once the prefill pool saturates (bisection tolerance)
      expect(e.requestsPerSecond).toBeLessThanOrEqual(cap * 1.0001);
      // Little's law on the decode pool
      expect(e.decodeBatch * 4).toBeLessThanOrEqual(c + 1e-6);
      prev = e;
    }
    // deep in saturation, TTFT ≈ concurrency ÷ capacity − decode time (closed loop)
    const sat = disaggregatedServing(ps, ds, load(4096));
    expect(sat.ttftS).toBeGreaterThan(0.8 * (4096 / cap - 1023 * sat.tpotS));
  });

  it('a capped decode instance never batches more than its limit; more decode workers lower TPOT', () => {
    const capped = disaggregatedServing(ps, ds, { ...load(256), decodeMaxBatch: 16 });
    expect(capped.decodeBatch).toBeLessThanOrEqual(16);
    expect(disaggregatedServing(ps, ds, { ...load(256), decodeWorkers: 8 }).tpotS).toBeLessThan(disaggregatedServing(ps, ds, load(256)).tpotS);
  });

  it('KV transfer is part of TTFT and grows with the prompt', () => {
    const a = disaggregatedServing(ps, ds, { ...load(1), inputTokens: 1024 });
    const b = disaggregatedServing(ps, ds, load(1));
    expect(b.kvTransferS).toBeGreaterThan(a.kvTransferS * 7);
  });
});
