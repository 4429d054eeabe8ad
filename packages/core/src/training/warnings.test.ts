import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOBAL_BATCH_TOKENS, planTraining, type TrainingPlan } from './plan.js';
import type { TrainingRequest } from './types.js';
import {
  BATCH_GAIN_WARN_FRACTION,
  BATCH_LADDER_FACTORS,
  BATCH_RECOVERY_FRACTION,
  layoutName,
  PINNED_IDLE_WARN_FRACTION,
  PINNED_SPEEDUP_WARN_RATIO,
} from './warnings.js';

/** DeepSeek-V3's run (V3 report §3.1-3.3, §4.2) with the layout searched and the batch left to the default. */
const V3: TrainingRequest = {
  model: 'deepseek-v3',
  gpu: 'h800',
  gpuCount: 2048,
  tokens: 14.8e12,
  sequenceLength: 4096,
  precision: 'fp8',
  optimizerStatePrecision: 'bf16',
};
/** DeepSeek's batch: 15,360 sequences of 4,096 tokens (V3 report §4.2). */
const DEEPSEEK_BATCH_TOKENS = 15360 * 4096;
const V3_LAYOUT = { tp: 1, pp: 16, dp: 128, ep: 64, zero: 1, microBatchSize: 1 } as const;

/** Llama-3.1-8B on 64 H100 pinned to TP8 × PP8 × DP1: an 8B model split sixteen ways too many. */
const LLAMA_8B: TrainingRequest = { model: 'llama-3.1-8b', gpu: 'h100', gpuCount: 64, tokens: 1e12, sequenceLength: 8192, precision: 'bf16' };
const POOR_LAYOUT = { tp: 8, pp: 8, dp: 1, ep: 1 } as const;

const numberIn = (text: string) => Number(text.replaceAll(',', ''));
const batchWarnings = (p: TrainingPlan) => p.warnings.filter((w) => w.startsWith('Global batch too small'));
const idleFraction = (p: TrainingPlan) => {
  const t = p.timeBreakdown;
  return (t.pipelineBubble + Object.values(t.exposedCommunication).reduce((a, b) => a + b, 0)) / p.stepTimeSeconds;
};

describe('global batch too small for the GPU count', () => {
  const byDefault = planTraining(V3);
  const deepseek = planTraining({ ...V3, globalBatchTokens: DEEPSEEK_BATCH_TOKENS });

  it("the default batch is the 4M-token one and 20-30% slower per GPU than DeepSeek's 62.9M (the issue's figure)", () => {
    expect(byDefault.globalBatchTokens).toBe(DEFAULT_GLOBAL_BATCH_TOKENS);
    const slowdown = 1 - byDefault.tokensPerSecondPerGpu / deepseek.tokensPerSecondPerGpu;
    expect(slowdown).toBeGreaterThan(0.2);
    expect(slowdown).toBeLessThan(0.3);
  });

  it('warns at the default batch, naming a batch (tokens and sequences) that recovers the throughput', () => {
    const [warning] = batchWarnings(byDefault);
    expect(warning).toBeDefined();
    const named = /([\d,]+) tokens \(([\d,]+) sequences\) per step would reach ([\d,]+)/.exec(warning!);
    expect(named).not.toBeNull();
    const [tokens, sequences, reached] = [numberIn(named![1]!), numberIn(named![2]!), numberIn(named![3]!)];
    expect(tokens).toBe(sequences * V3.sequenceLength);
    expect(BATCH_LADDER_FACTORS).toContain(sequences / byDefault.globalBatchSequences);
    // the named batch, planned, is what the warning says and a material gain
    const atNamed = planTraining({ ...V3, globalBatchTokens: tokens });
    expect(Math.round(atNamed.tokensPerSecondPerGpu)).toBe(reached);
    expect(atNamed.tokensPerSecondPerGpu).toBeGreaterThanOrEqual(byDefault.tokensPerSecondPerGpu * (1 + BATCH_GAIN_WARN_FRACTION));
    // and most of what DeepSeek's own batch reaches
    expect(atNamed.tokensPerSecondPerGpu).toBeGreaterThanOrEqual(BATCH_RECOVERY_FRACTION * deepseek.tokensPerSecondPerGpu);
  });

  it("does not warn at DeepSeek's 62.9M batch: doubling it gains less than the threshold", () => {
    expect(deepseek.warnings).toEqual([]);
    const doubled = planTraining({ ...V3, globalBatchTokens: 2 * DEEPSEEK_BATCH_TOKENS });
    expect(doubled.tokensPerSecondPerGpu).toBeLessThan(deepseek.tokensPerSecondPerGpu * (1 + BATCH_GAIN_WARN_FRACTION));
  });

  it('never suggests a batch larger than the whole run', () => {
    const tiny = planTraining({ ...V3, tokens: 1.5 * DEFAULT_GLOBAL_BATCH_TOKENS });
    expect(batchWarnings(tiny)).toEqual([]);
  });
});

describe('pinned layout that leaves the GPUs idle', () => {
  it('names the searched layout and its speed-up when it is much faster (Llama-3.1-8B, TP8 × PP8 × DP1 on 64 H100)', () => {
    const pinned = planTraining({ ...LLAMA_8B, parallelism: POOR_LAYOUT });
    const searched = planTraining(LLAMA_8B);
    const speedup = pinned.stepTimeSeconds / searched.stepTimeSeconds;
    expect(pinned.fits).toBe(true);
    expect(speedup).toBeGreaterThanOrEqual(PINNED_SPEEDUP_WARN_RATIO);
    const warning = pinned.warnings.find((w) => w.startsWith('The searched layout'));
    expect(warning).toContain(layoutName(searched.parallelism));
    expect(warning).toContain(`${speedup.toFixed(2)}×`);
    // its bubble and exposed communication stay under half the step: no idle warning
    expect(idleFraction(pinned)).toBeLessThanOrEqual(PINNED_IDLE_WARN_FRACTION);
    expect(pinned.warnings.some((w) => w.includes('waiting'))).toBe(false);
  });

  it("warns when the bubble and exposed communication exceed half the step (V3's PP16 layout at the 4M batch: 8 micro-batches)", () => {
    const pinned = planTraining({ ...V3, parallelism: V3_LAYOUT });
    const fraction = idleFraction(pinned);
    expect(fraction).toBeGreaterThan(PINNED_IDLE_WARN_FRACTION);
    expect(pinned.warnings.some((w) => w.includes(`waiting for ${Math.round(fraction * 100)}% of each step`))).toBe(true);
    // the batch is what starves the pipeline: that is said too
    expect(batchWarnings(pinned)).toHaveLength(1);
  });

  it('the published V3 layout at its own batch draws no warning', () => {
    expect(planTraining({ ...V3, globalBatchTokens: DEEPSEEK_BATCH_TOKENS, parallelism: { ...V3_LAYOUT, schedule: 'dualpipe' } }).warnings).toEqual([]);
  });

  it('a searched plan carries no pinned-layout warning', () => {
    expect(planTraining(LLAMA_8B).warnings).toEqual([]);
  });

  it('callers that want only the numbers can skip the probes (same plan, no warnings)', () => {
    const request = { ...LLAMA_8B, parallelism: POOR_LAYOUT };
    const { warnings, ...numbers } = planTraining(request, { warnings: false });
    expect(warnings).toEqual([]);
    const { warnings: _w, ...withWarnings } = planTraining(request);
    expect(numbers).toEqual(withWarnings);
  });
});

/**
 * The probes search under limits that skip what cannot change a warning (warnings.ts). The
 * warnings must be those of probes searched in full, on requests that draw each kind of warning,
 * several ladder lengths and none.
 */
describe('probe limits leave the warnings unchanged', () => {
  const requests: Record<string, TrainingRequest> = {
    'V3, default batch (batch warning)': V3,
    "V3, DeepSeek's batch (none)": { ...V3, globalBatchTokens: DEEPSEEK_BATCH_TOKENS },
    'V3, PP16 pinned at the default batch (batch and idle warnings)': { ...V3, parallelism: V3_LAYOUT },
    'V3, published layout at its batch (none)': { ...V3, globalBatchTokens: DEEPSEEK_BATCH_TOKENS, parallelism: { ...V3_LAYOUT, schedule: 'dualpipe' } },
    'Llama-3.1-8B, poor pinned layout (speed-up warning)': { ...LLAMA_8B, parallelism: POOR_LAYOUT },
    'Llama-3.1-8B, TP2 × PP4 × DP8 pinned (no speed-up warning)': { ...LLAMA_8B, parallelism: { tp: 2, pp: 4, dp: 8, ep: 1 } },
    'Llama 3.1 405B, 16,384 H100, 2,048 sequences (four rungs)': {
      model: 'llama-3.1-405b',
      gpu: 'h100',
      gpuCount: 16384,
      tokens: 15e12,
      sequenceLength: 8192,
      globalBatchTokens: 16 * 1024 * 1024,
      precision: 'bf16',
    },
    'Mixtral 8x7B, 256 A100, 512 sequences': {
      model: 'mixtral-8x7b',
      gpu: 'a100',
      gpuCount: 256,
      tokens: 1e12,
      sequenceLength: 4096,
      globalBatchTokens: 512 * 4096,
      precision: 'bf16',
    },
  };
  for (const [name, request] of Object.entries(requests)) {
    it(name, () => {
      const limited = planTraining(request);
      const full = planTraining(request, { warningProbeLimits: false });
      expect(limited.warnings).toEqual(full.warnings);
    });
  }
  it('the cases cover batch, speed-up and idle warnings, and none', () => {
    const all = Object.values(requests).map((r) => planTraining(r).warnings);
    expect(all.some((w) => w.some((x) => x.startsWith('Global batch too small')))).toBe(true);
    expect(all.some((w) => w.some((x) => x.startsWith('The searched layout')))).toBe(true);
    expect(all.some((w) => w.some((x) => x.includes('waiting for')))).toBe(true);
    expect(all.some((w) => w.length === 0)).toBe(true);
  });
});
