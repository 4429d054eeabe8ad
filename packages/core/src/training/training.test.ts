import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getGpu } from '../gpus/catalog.js';
import { PlannerInputError } from '../errors.js';
import { planTraining } from './plan.js';
import type { TrainingRequest } from './types.js';

/**
 * DeepSeek-V3 as published. Setup: DeepSeek-V3 Technical Report (arXiv:2412.19437) §3.1-3.2
 * (2,048 H800, PP16, EP64 over 8 nodes, ZeRO-1 DP, no TP, DualPipe), §3.3 (FP8, BF16 Adam moments),
 * §4.2 (seq 4K, batch 15,360 sequences, 14.8T tokens).
 */
const V3: TrainingRequest = {
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

const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('DeepSeek-V3 headline (published setup)', () => {
  const plan = planTraining(V3);

  it('GPU-hours within 10% of 2,664K (V3 report Table 1)', () => {
    expect(rel(plan.gpuHours, 2_664_000)).toBeLessThan(0.1);
  });
  it("tokens/s/GPU within 10% of 1,542 (ISCA'25 Table 4: 272.8B tokens/day on 2,048 GPUs)", () => {
    expect(rel(plan.tokensPerSecondPerGpu, 272.8e9 / 86400 / 2048)).toBeLessThan(0.1);
  });
  it("step time within 10% of 19.926 s (ISCA'25 Table 4)", () => {
    expect(rel(plan.stepTimeSeconds, 19.926)).toBeLessThan(0.1);
  });
  it("MFU within 10% (relative) of 38.94% causal, BF16 peak (ISCA'25 Table 4)", () => {
    expect(rel(plan.mfu, 0.3894)).toBeLessThan(0.1);
    expect(plan.mfuBasis).toMatch(/BF16 peak/);
  });
  it('fits in 80 GB of H800 HBM, with the breakdown adding up', () => {
    expect(plan.fits).toBe(true);
    const m = plan.memoryPerGpuBytes;
    expect(m.total).toBeLessThanOrEqual(80e9);
    expect(m.weights + m.fp8WeightCopies + m.gradients + m.optimizerStates + m.activations + m.transient).toBeCloseTo(m.total, -3);
  });
  it('EP all-to-all is hidden by DualPipe; the layout is the one asked for', () => {
    expect(plan.timeBreakdown.exposedCommunication.expertAllToAll).toBe(0);
    expect(plan.timeBreakdown.overlappedCommunication).toBeGreaterThan(0);
    expect(plan.parallelism).toMatchObject({ tp: 1, pp: 16, dp: 128, ep: 64, schedule: 'dualpipe' });
    expect(plan.layersPerStage.reduce((a, b) => a + b, 0)).toBe(61);
  });
});

describe('physics', () => {
  const base = planTraining(V3);

  it('the same run in BF16 is slower', () => {
    const bf16 = planTraining({ ...V3, precision: 'bf16' });
    expect(bf16.stepTimeSeconds).toBeGreaterThan(base.stepTimeSeconds);
  });

  it('on H100 (900 GB/s NVLink) it is not slower', () => {
    const h100 = planTraining({ ...V3, gpu: 'h100' });
    expect(h100.stepTimeSeconds).toBeLessThanOrEqual(base.stepTimeSeconds);
  });

  const exposed = (p: ReturnType<typeof planTraining>) => Object.values(p.timeBreakdown.exposedCommunication).reduce((a, b) => a + b, 0);

  it('halving scale-out bandwidth never lowers exposed communication (cluster override)', () => {
    const half = planTraining({ ...V3, cluster: { scaleOutBandwidthFactor: 0.5 } });
    expect(exposed(half)).toBeGreaterThanOrEqual(exposed(base));
  });

  it('halving scale-out bandwidth raises exposed communication when it is not hidden (1F1B, a variant GPU spec)', () => {
    const h800 = getGpu('h800')!;
    const halfNic = { ...h800, id: 'h800-half-nic', scaleOutNicsPerGpu: { ...h800.scaleOutNicsPerGpu, value: 0.5 } };
    const oneF1B = { ...V3, parallelism: { ...V3.parallelism!, schedule: '1f1b' as const } };
    const full = planTraining(oneF1B);
    const half = planTraining({ ...oneF1B, gpu: halfNic });
    expect(full.timeBreakdown.exposedCommunication.expertAllToAll).toBeGreaterThan(0);
    expect(exposed(half)).toBeGreaterThan(exposed(full));
    expect(half.stepTimeSeconds).toBeGreaterThan(full.stepTimeSeconds);
  });

  it('more tokens never means fewer GPU-hours', () => {
    const small: TrainingRequest = {
      model: 'llama-3.1-8b',
      gpu: 'h100',
      gpuCount: 8,
      tokens: 1,
      sequenceLength: 4096,
      precision: 'bf16',
      parallelism: { tp: 1, pp: 1, dp: 8, ep: 1, zero: 1 },
    };
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e13, noNaN: true }), fc.double({ min: 1, max: 1e13, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return planTraining({ ...small, tokens: hi }).gpuHours >= planTraining({ ...small, tokens: lo }).gpuHours;
      }),
      { numRuns: 30 },
    );
  });

  it('a layout that cannot fit says why', () => {
    const p = planTraining({
      model: 'llama-3.1-405b',
      gpu: 'h100',
      gpuCount: 8,
      tokens: 1e9,
      sequenceLength: 4096,
      precision: 'bf16',
      parallelism: { tp: 8, pp: 1, dp: 1, ep: 1 },
    });
    expect(p.fits).toBe(false);
    expect(p.reasons.join(' ')).toMatch(/does not fit in HBM.*weights/);
    expect(p.memoryPerGpuBytes.total).toBeGreaterThan(80e9);
  });
});

describe('layout search', () => {
  it('finds a fitting layout for DeepSeek-V3 on 2,048 H800 with alternatives and rejection counts', () => {
    const { parallelism: _drop, ...noLayout } = V3;
    const p = planTraining(noLayout);
    expect(p.fits).toBe(true);
    expect(p.alternatives.length).toBeGreaterThan(0);
    for (const a of p.alternatives) expect(a.stepTimeSeconds).toBeGreaterThanOrEqual(p.stepTimeSeconds);
    expect(p.rejectedLayouts['does not fit in HBM']).toBeGreaterThan(0);
    expect(p.layoutsConsidered).toBeGreaterThan(p.layoutsTimed);
    const l = p.parallelism;
    expect(l.tp * l.cp * l.pp * l.dp).toBe(2048);
    expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity|null/);
    // the published layout is never better than what the search returns
    expect(p.stepTimeSeconds).toBeLessThanOrEqual(planTraining(V3).stepTimeSeconds * 1.000001);
  });
});

describe('bad input names the field', () => {
  const bad = (r: Partial<TrainingRequest>) => {
    try {
      planTraining({ ...V3, ...r } as TrainingRequest);
    } catch (e) {
      if (e instanceof PlannerInputError) return e.issues.map((i) => i.path);
      throw e;
    }
    return [];
  };
  // counts and sizes out of bounds (zero GPUs, tokens ≤ 0) are the contract's: packages/contract training.test.ts
  it('layout sizes not multiplying to gpuCount', () => expect(bad({ parallelism: { tp: 1, pp: 16, dp: 64, ep: 64 } })).toContain('parallelism'));
  it('FP8 on a chip without FP8 (A100)', () => expect(bad({ gpu: 'a100' })).toContain('precision'));
  it('unknown model id', () => expect(bad({ model: 'no-such-model' })).toContain('model'));
  it('ep that does not divide the experts', () => expect(bad({ parallelism: { tp: 1, pp: 16, dp: 128, ep: 3 } }).length).toBeGreaterThan(0));
});
